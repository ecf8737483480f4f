"""Inference-time TF-IDF over a fitted vocabulary, without importing scikit-learn.

Training uses scikit-learn's ``TfidfVectorizer``; at inference only its
``transform`` is needed, and importing scikit-learn costs about 0.9 s of the
2 s start-up budget of ``ecocheck analyze`` (measured with ``python -X
importtime``). This class reproduces ``transform`` for the settings we use
(character or word n-grams, sublinear tf, idf, L2 rows); a test checks it
against scikit-learn on the corpus.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable

import numpy as np
import scipy.sparse as sp

_WHITESPACE = re.compile(r"\s\s+")


class NgramTfidf:
    """``TfidfVectorizer(analyzer=..., ngram_range=..., sublinear_tf=True, norm='l2')`` transform only."""

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, analyzer: str, ngram_range: tuple[int, int],
                 preprocessor: Callable[[str], str], tokenizer: Callable[[str], list[str]] | None = None) -> None:
        self.vocabulary_ = vocabulary
        self.idf_ = np.asarray(idf, dtype=np.float32)
        self.analyzer = analyzer
        self.ngram_range = ngram_range
        self.preprocessor = preprocessor
        self.tokenizer = tokenizer

    @classmethod
    def from_sklearn(cls, vec) -> NgramTfidf:
        return cls({t: int(i) for t, i in vec.vocabulary_.items()}, vec.idf_, vec.analyzer, tuple(vec.ngram_range),
                   vec.preprocessor, vec.tokenizer)

    def _terms(self, text: str) -> list[str]:
        text = self.preprocessor(text)
        lo, hi = self.ngram_range
        if self.analyzer == "char":
            text = _WHITESPACE.sub(" ", text)
            return [text[i : i + n] for n in range(lo, hi + 1) for i in range(len(text) - n + 1)]
        tokens = self.tokenizer(text) if self.tokenizer else text.split()
        return [" ".join(tokens[i : i + n]) for n in range(lo, hi + 1) for i in range(len(tokens) - n + 1)]

    def transform(self, texts: list[str]) -> sp.csr_matrix:
        lookup = self.vocabulary_.get
        indptr, indices, data = [0], [], []
        for text in texts:
            counts = Counter(j for j in map(lookup, self._terms(text)) if j is not None)
            row = sorted(counts.items())
            values = [(1.0 + math.log(c)) * float(self.idf_[j]) for j, c in row]
            norm = math.sqrt(sum(v * v for v in values)) or 1.0
            indices.extend(j for j, _ in row)
            data.extend(v / norm for v in values)
            indptr.append(len(indices))
        return sp.csr_matrix((np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32),
                              np.asarray(indptr, dtype=np.int64)), shape=(len(texts), len(self.idf_)))
