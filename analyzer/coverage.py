"""Article coverage of one document: passage probabilities → document verdicts.

A document covers an article when its best passage's probability reaches the
article's threshold (tuned on the dev split to maximise F1). Evidence is the
best passages for that article, with their pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .classify import PassageClassifier, load_model
from .datamodel import ArticleResult, Document, Evidence
from .kb import N_ARTICLES

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
#: Evidence passages quoted per covered article.
MAX_EVIDENCE = 3


@dataclass
class CoverageModel:
    """A passage classifier plus its document-level thresholds."""

    classifier: PassageClassifier
    thresholds: np.ndarray  # (20,)
    name: str = "linear"
    version: str = ""

    def passage_proba(self, texts: list[str]) -> np.ndarray:
        return self.classifier.predict_proba(texts) if texts else np.zeros((0, N_ARTICLES))

    def __call__(self, doc: Document) -> Document:
        passages = doc.passages()
        proba = self.passage_proba([p.text for p in passages])
        doc.articles = verdicts(proba, passages, self.thresholds)
        return doc


def doc_scores(proba: np.ndarray) -> np.ndarray:
    """(n_passages, 20) → (20,): the best passage decides."""
    return proba.max(axis=0) if len(proba) else np.zeros(N_ARTICLES)


def verdicts(proba: np.ndarray, passages, thresholds: np.ndarray) -> list[ArticleResult]:
    scores = doc_scores(proba)
    results = []
    for j in range(N_ARTICLES):
        covered = bool(scores[j] >= thresholds[j]) and len(passages) > 0
        evidence = []
        if covered:
            order = np.argsort(-proba[:, j])[:MAX_EVIDENCE]
            evidence = [Evidence(passages[i].text, passages[i].page, round(float(proba[i, j]), 4))
                        for i in order if proba[i, j] >= 0.5 * thresholds[j]]
        results.append(ArticleResult(j + 1, covered, round(float(min(max(scores[j], 0.0), 1.0)), 4), evidence))
    return results


@lru_cache(maxsize=4)
def load_coverage(name: str = "linear", models_dir: Path = MODELS_DIR) -> CoverageModel:
    """The shipped model and its thresholds, loaded once per process."""
    directory = models_dir / f"coverage-{name}"
    classifier = load_model(name, directory)
    meta = json.loads((directory / "thresholds.json").read_text(encoding="utf-8"))
    return CoverageModel(classifier, np.asarray(meta["thresholds"], dtype=np.float32), name, meta.get("version", ""))
