"""The contract every passage classifier follows (scikit-learn style).

``fit(texts, Y)`` returns self; ``predict_proba(texts)`` returns an
(n, 20) array of probabilities that each passage covers article 1..20;
learned attributes end in ``_``; ``save(dir)`` / ``load(dir)`` use safe
formats only (JSON and npz without pickles). One contract test runs over
every registered model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

from ..errors import AnalyzerError


class NotFittedError(AnalyzerError, ValueError, AttributeError):
    """The model was used before ``fit`` or ``load``."""


class PassageClassifier(Protocol):
    name: str

    def fit(self, texts: list[str], Y: np.ndarray) -> PassageClassifier: ...

    def predict_proba(self, texts: list[str]) -> np.ndarray: ...

    def save(self, directory: Path) -> None: ...

    @classmethod
    def load(cls, directory: Path) -> PassageClassifier: ...


def labels_to_matrix(labels: list[list[int]], n: int = 20) -> np.ndarray:
    """[[5, 7], [], ...] → (len, 20) 0/1 matrix."""
    Y = np.zeros((len(labels), n), dtype=np.int8)
    for i, arts in enumerate(labels):
        for a in arts:
            Y[i, a - 1] = 1
    return Y
