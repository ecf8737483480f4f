"""Compare transformer training recipes on the dev split (the test split is not read).

For each configuration: MLM pretraining + fine-tuning exactly as
``scripts/train_transformer.py`` does, then document-level dev macro-F1 with
per-article thresholds tuned on dev (the best passage decides, as in
``analyzer.coverage``), for the transformer alone and averaged with the linear
model's dev passage probabilities (``--linear-dev``, written on a machine with
the full install by ``--write-linear-dev``). The figures rank recipes; the
chosen one is then trained and measured with ``ecocheck evaluate``.

It imports only the classifier modules, so it also runs on a GPU machine where
the document readers are not installed:

    python scripts/sweep_transformer.py --write-linear-dev models/sweep/linear_dev.npz   # here, once
    python scripts/sweep_transformer.py --linear-dev models/sweep/linear_dev.npz --out sweep.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import types
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
N = 20
GRID = np.round(np.arange(0.05, 0.91, 0.05), 2)

#: name → TransformerPassageClassifier keyword arguments.
CONFIGS = {
    "smoke": dict(hidden=32, layers=1, mlm_epochs=1, epochs=1),
    "h128-l2-mlm4-ft12": dict(hidden=128, layers=2, mlm_epochs=4, epochs=12),
    "h128-l2-mlm12-ft12": dict(hidden=128, layers=2, mlm_epochs=12, epochs=12),
    "h128-l2-mlm12-ft20-pw": dict(hidden=128, layers=2, mlm_epochs=12, epochs=20, pos_weight=10.0),
    "h128-l4-mlm12-ft20-pw": dict(hidden=128, layers=4, mlm_epochs=12, epochs=20, pos_weight=10.0),
    "h256-l4-mlm12-ft12": dict(hidden=256, layers=4, mlm_epochs=12, epochs=12, lr=3e-4),
    "h256-l4-mlm12-ft20-pw": dict(hidden=256, layers=4, mlm_epochs=12, epochs=20, pos_weight=10.0, lr=3e-4),
    "h256-l4-mlm30-ft20-pw": dict(hidden=256, layers=4, mlm_epochs=30, epochs=20, pos_weight=10.0, lr=3e-4),
    "h128-l2-mlm30-ft20-pw": dict(hidden=128, layers=2, mlm_epochs=30, epochs=20, pos_weight=10.0),
}


def _light_import() -> None:
    """Make ``analyzer.classify`` importable without running ``analyzer/__init__`` (the document readers)."""
    if "analyzer" not in sys.modules:
        pkg = types.ModuleType("analyzer")
        pkg.__path__ = [str(ROOT / "analyzer")]
        sys.modules["analyzer"] = pkg


def load_split(split: str) -> list[dict]:
    docs = [json.loads(line) for line in (ROOT / "corpora/coverage/docs.jsonl").open(encoding="utf-8")]
    return [d for d in docs if d.get("split") == split]


def train_passages(docs: list[dict]) -> tuple[list[str], np.ndarray]:
    labels: dict[str, set[int]] = {}
    for d in docs:
        for p in d["paragraphs"]:
            labels.setdefault(p["text"].strip(), set()).update(p["articles"])
    texts = list(labels)
    Y = np.zeros((len(texts), N), dtype=np.float32)
    for i, t in enumerate(texts):
        for a in labels[t]:
            Y[i, a - 1] = 1
    return texts, Y


def dev_macro_f1(doc_scores: np.ndarray, gold: np.ndarray) -> float:
    """Macro-F1 over present articles with per-article thresholds tuned on these documents."""
    f1s = []
    for j in range(N):
        if gold[:, j].sum() == 0:
            continue
        best = 0.0
        for t in GRID:
            pred = doc_scores[:, j] >= t
            tp = int((pred & gold[:, j]).sum())
            fp = int((pred & ~gold[:, j]).sum())
            fn = int((~pred & gold[:, j]).sum())
            best = max(best, 2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        f1s.append(best)
    return float(np.mean(f1s))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--configs", default=",".join(c for c in CONFIGS if c != "smoke"))
    ap.add_argument("--linear-dev", type=Path, default=None)
    ap.add_argument("--write-linear-dev", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=Path("sweep.json"))
    ap.add_argument("--threads", type=int, default=0)
    args = ap.parse_args()
    dev = load_split("dev")
    dev_texts = [[p["text"] for p in d["paragraphs"]] for d in dev]
    gold = np.array([[a in {x for p in d["paragraphs"] for x in p["articles"]} for a in range(1, N + 1)] for d in dev])
    flat = [t for doc in dev_texts for t in doc]
    bounds = np.cumsum([0] + [len(doc) for doc in dev_texts])

    def per_doc(P: np.ndarray) -> np.ndarray:
        return np.stack([P[bounds[i]:bounds[i + 1]].max(axis=0) for i in range(len(dev))])

    if args.write_linear_dev:
        from analyzer.coverage import load_coverage

        P = load_coverage("linear").classifier.predict_proba(flat)
        args.write_linear_dev.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(args.write_linear_dev, proba=P.astype(np.float32))
        print(f"linear dev macro-F1 (tuned on dev) {dev_macro_f1(per_doc(P), gold):.3f} → {args.write_linear_dev}")
        return 0
    _light_import()
    from mlm_corpus import unlabelled_text

    from analyzer.classify.transformer import TransformerPassageClassifier

    linear = np.load(args.linear_dev)["proba"] if args.linear_dev else None
    texts, Y = train_passages(load_split("train"))
    extra = unlabelled_text()
    print(f"train {len(texts)} passages, MLM {len(extra)} texts, dev {len(dev)} documents", flush=True)
    results = {}
    if linear is not None:
        results["linear"] = {"dev_macro_f1": dev_macro_f1(per_doc(linear), gold)}
        print("linear", results["linear"], flush=True)
    for name in args.configs.split(","):
        t0 = time.time()
        model = TransformerPassageClassifier(**CONFIGS[name], heads=max(2, CONFIGS[name]["hidden"] // 32),
                                             threads=args.threads)
        model.fit(texts, Y, unlabelled=extra, log=lambda *a: None)
        train_s = time.time() - t0
        P = model.predict_proba(flat)
        row = {"train_s": round(train_s, 1), "dev_macro_f1": dev_macro_f1(per_doc(P), gold)}
        if linear is not None:
            row["ensemble_dev_macro_f1"] = dev_macro_f1(per_doc((P + linear) / 2), gold)
        results[name] = row
        print(name, row, flush=True)
        args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
