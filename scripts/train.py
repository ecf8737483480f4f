"""Rebuild every model in ``models/`` from ``corpora/``, reproducibly.

1. passage classifier (linear): fit on the train split's paragraphs for each
   C in a small grid; per-article document thresholds tuned on dev; the C
   with the best dev macro-F1 is kept;
2. document type classifier: fit on the train documents;
3. evaluation on dev and test (test is reported, never used to choose);
4. model card ``models/MODEL_CARD.md`` with data, date and figures.

    python scripts/build_corpus.py && python scripts/train.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer.analysis import Analyzer  # noqa: E402
from analyzer.classify import labels_to_matrix  # noqa: E402
from analyzer.classify.linear import LinearPassageClassifier  # noqa: E402
from analyzer.coverage import CoverageModel, doc_scores  # noqa: E402
from analyzer.doctype import DocTypeClassifier  # noqa: E402
from analyzer.evaluate import evaluate, format_report, load_gold  # noqa: E402
from analyzer.kb import N_ARTICLES  # noqa: E402
from analyzer.lead import LeadDetector  # noqa: E402

CORPUS = ROOT / "corpora" / "coverage" / "docs.jsonl"
MODELS = ROOT / "models"
GRID = np.round(np.arange(0.10, 0.91, 0.05), 2)


def passages_of(docs) -> tuple[list[str], list[list[int]]]:
    texts, labels = [], []
    for g in docs:
        for text, arts in g.passage_labels.items():
            texts.append(text)
            labels.append(sorted(arts))
    return texts, labels


def tune_thresholds(coverage: CoverageModel, dev) -> np.ndarray:
    """Per-article threshold maximising dev F1; sparse articles take the global best."""
    scores = np.stack([doc_scores(coverage.passage_proba([p.text for p in g.doc.passages()])) for g in dev])
    gold = np.array([[a in g.articles for a in range(1, N_ARTICLES + 1)] for g in dev])

    def f1(t: float, j: int | None) -> float:
        cols = [j] if j is not None else range(N_ARTICLES)
        tp = fp = fn = 0
        for c in cols:
            pred = scores[:, c] >= t
            tp += int((pred & gold[:, c]).sum())
            fp += int((pred & ~gold[:, c]).sum())
            fn += int((~pred & gold[:, c]).sum())
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    global_t = max(GRID, key=lambda t: (f1(t, None), -abs(t - 0.5)))
    out = np.full(N_ARTICLES, global_t, dtype=np.float32)
    for j in range(N_ARTICLES):
        if gold[:, j].sum() >= 3:
            best = max(GRID, key=lambda t, j=j: (f1(t, j), -abs(t - global_t)))
            # Shrink towards the global threshold: dev has few documents per article.
            out[j] = round(0.5 * best + 0.5 * global_t, 3)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--grid", default="1,2,4,8", help="values of C to try")
    args = ap.parse_args()
    random.seed(0)
    np.random.seed(0)
    t0 = time.time()
    train, dev, test = (load_gold(args.corpus, {s}) for s in ("train", "dev", "test"))
    texts, labels = passages_of(train)
    Y = labels_to_matrix(labels)
    print(f"train: {len(train)} documents, {len(texts)} passages; dev {len(dev)}; test {len(test)}")

    doctype = DocTypeClassifier().fit([g.doc for g in train], [g.doc_type for g in train])
    best = None
    for C in (float(c) for c in args.grid.split(",")):
        model = LinearPassageClassifier(C=C).fit(texts, Y)
        for use_sim in (False, True):
            coverage = CoverageModel(model, np.full(N_ARTICLES, 0.5), use_similarity=use_sim)
            coverage.thresholds = tune_thresholds(coverage, dev)
            result = evaluate(Analyzer(coverage, doctype, LeadDetector()), dev)
            print(f"C={C:g} similarity={'on' if use_sim else 'off'}: dev macro-F1 {result['macro_f1']:.3f} "
                  f"micro-F1 {result['micro_f1']:.3f}")
            # Similarity stays only if it does not lower dev macro-F1 (ties keep it: it covers restated articles).
            key = (round(result["macro_f1"], 4), use_sim)
            if best is None or key > best[0]:
                best = (key, result, coverage, C)
    _, dev_result, coverage, C = best
    model, thresholds = coverage.classifier, coverage.thresholds
    train_seconds = time.time() - t0
    version = dt.date.today().isoformat()
    out = MODELS / "coverage-linear"
    model.save(out)
    (out / "thresholds.json").write_text(json.dumps({"version": version, "C": C, "use_similarity": coverage.use_similarity,
                                                     "thresholds": thresholds.tolist()}, indent=1), encoding="utf-8")
    doctype.save(MODELS / "doctype-linear")

    test_result = evaluate(Analyzer(coverage, doctype, LeadDetector()), test)
    size_kb = sum(f.stat().st_size for f in out.iterdir()) // 1024
    card = f"""# Model card: article coverage (linear) and document type

Date: {version}. Rebuilt by `python scripts/build_corpus.py && python scripts/train.py` (fixed seeds; {train_seconds:.0f} s on 2 CPU cores).

## Data
`corpora/coverage/docs.jsonl`: hand-written and hand-labelled documents (see corpora/README.md), split by document:
train {len(train)} documents / {len(texts)} distinct passages, dev {len(dev)}, test {len(test)}.
The test split is only reported here; C and thresholds are chosen on dev.

## Models
- `coverage-linear/`: TF-IDF of character 1–3-grams and domain-segmented word 1–2-grams into one logistic
  regression per article (C={C:g}); article-text similarity {'on' if coverage.use_similarity else 'off'}
  (a passage whose character-gram cosine to an article's own text is high counts as restating it; kept only when
  it does not lower dev macro-F1); a document covers an article when its best passage reaches the article's
  threshold (tuned on dev, shrunk towards the global best). Stored as JSON vocabularies and npz arrays
  (float16 weights), {size_kb} KB; loaded without unpickling.
- `doctype-linear/`: the same machinery over a profile of title, addressees, opening and closing passages.

## Dev split
{format_report(dev_result)}

## Test split
{format_report(test_result)}

Worst test documents (false positives / missed articles): {json.dumps(test_result['worst'][:5], ensure_ascii=False)}
"""
    (MODELS / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    print(card)


if __name__ == "__main__":
    main()
