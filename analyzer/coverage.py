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


#: Character-gram cosine to an article's own text above which a passage restates that article
#: (measured on train+dev: 17 labelled passages and no unlabelled one reach 0.4).
SIMILARITY_FLOOR = 0.30
SIMILARITY_FULL = 0.50


class ArticleSimilarity:
    """Closeness of passages to the article texts of the knowledge base.

    A passage that restates an article (a draft copying the provincial text as
    its own task) directs that article whatever the classifier learned from
    paraphrases; this signal catches it. Uses the linear model's character
    vectorizer, so it needs no model of its own.
    """

    def __init__(self, vectorizer) -> None:
        from .kb import load_kb

        self._vec = vectorizer  # TF-IDF rows come L2-normalised: a dot product is the cosine
        self._articles = vectorizer.transform([a.text for a in load_kb()])

    def features(self, texts: list[str]):
        return self._vec.transform(texts)

    def __call__(self, texts: list[str], features=None) -> np.ndarray:
        X = self.features(texts) if features is None else features
        sims = (X @ self._articles.T).toarray()
        return np.clip((sims - SIMILARITY_FLOOR) / (SIMILARITY_FULL - SIMILARITY_FLOOR), 0.0, 1.0)


@dataclass
class CoverageModel:
    """A passage classifier, the article-text similarity, and document-level thresholds."""

    classifier: PassageClassifier
    thresholds: np.ndarray  # (20,)
    name: str = "linear"
    version: str = ""
    use_similarity: bool = True

    def __post_init__(self) -> None:
        vec = getattr(self.classifier, "char_", None)
        self._similarity = ArticleSimilarity(vec) if self.use_similarity and vec is not None else None

    def passage_proba(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, N_ARTICLES))
        if self._similarity is None:
            return self.classifier.predict_proba(texts)
        char = self._similarity.features(texts)  # shared by the classifier and the similarity
        proba = self.classifier.predict_proba(texts, char=char)  # type: ignore[call-arg]
        return np.maximum(proba, self._similarity(texts, char))

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
    return CoverageModel(classifier, np.asarray(meta["thresholds"], dtype=np.float32), name, meta.get("version", ""),
                         meta.get("use_similarity", True))
