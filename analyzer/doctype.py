"""Document type: annual_report / policy_draft / other.

The type shows in the title, the addressees and the opening and closing
lines ("关于2023年度…的报告", "…实施方案（征求意见稿）", "特此报告"), so a
linear model reads a short profile of those parts. It reuses the passage
classifier's machinery (one logistic regression per type, argmax).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from .classify.linear import LinearPassageClassifier
from .datamodel import Document

DOC_TYPES = ("annual_report", "policy_draft", "other")
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "doctype-linear"


def profile(doc: Document) -> str:
    """Title, addressees, opening and closing passages: where the genre shows."""
    passages = [p.text for p in doc.passages()]
    parts = [doc.meta.title or (doc.paragraphs[0].text if doc.paragraphs else ""),
             "、".join(doc.meta.recipients),
             *[t[:160] for t in passages[:3]],
             *[t[:80] for t in passages[-2:]]]
    return "｜".join(parts)


class DocTypeClassifier:
    """Fit on document profiles; ``__call__`` sets ``doc.doc_type``."""

    def __init__(self, model: LinearPassageClassifier | None = None) -> None:
        self.model = model or LinearPassageClassifier(C=2.0, char_max_features=20000, word_max_features=5000)

    def fit(self, docs: list[Document], types: list[str]) -> DocTypeClassifier:
        Y = np.zeros((len(types), len(DOC_TYPES)), dtype=np.int8)
        for i, t in enumerate(types):
            Y[i, DOC_TYPES.index(t)] = 1
        self.model.fit([profile(d) for d in docs], Y)
        return self

    def predict(self, docs: list[Document]) -> list[str]:
        proba = self.model.predict_proba([profile(d) for d in docs])
        return [DOC_TYPES[int(i)] for i in proba.argmax(axis=1)]

    def __call__(self, doc: Document) -> Document:
        doc.doc_type = self.predict([doc])[0]
        return doc

    def save(self, directory: Path = MODEL_DIR) -> None:
        self.model.save(directory)

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> DocTypeClassifier:
        return cls(LinearPassageClassifier.load(directory))


@lru_cache(maxsize=1)
def load_doctype(directory: Path = MODEL_DIR) -> DocTypeClassifier:
    return DocTypeClassifier.load(directory)
