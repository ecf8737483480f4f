"""Word and character n-gram TF-IDF into one logistic regression per article.

Characters catch the policy's phrases whatever the segmentation; words (from
the domain segmenter) catch body names and terms. The model is stored as
JSON vocabularies and npz arrays and rebuilt without unpickling anything;
inference is a sparse matrix product and a sigmoid.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from .base import NotFittedError
from .ngrams import NgramTfidf

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), no whitespace, every number as 0."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _DIGITS.sub("0", _SPACE.sub("", text))


class LinearPassageClassifier:
    """TF-IDF (char 1–3 and word 1–2 grams) → one logistic regression per label column (20 articles)."""

    name = "linear"

    def __init__(self, C: float = 4.0, char_max_features: int = 60000, word_max_features: int = 30000,
                 min_df: int = 2, segmenter: str = "rjieba", random_state: int = 0) -> None:
        self.C = C
        self.char_max_features = char_max_features
        self.word_max_features = word_max_features
        self.min_df = min_df
        self.segmenter = segmenter
        self.random_state = random_state

    # ------------------------------------------------------------------ vectorizers
    def _vectorizers(self):
        from sklearn.feature_extraction.text import TfidfVectorizer

        from ..segment import get_segmenter

        seg = get_segmenter(self.segmenter)
        char = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=self.min_df, sublinear_tf=True,
                               max_features=self.char_max_features, preprocessor=normalize_text, dtype=np.float32)
        word = TfidfVectorizer(analyzer="word", tokenizer=seg.cut, token_pattern=None, lowercase=False,
                               ngram_range=(1, 2), min_df=self.min_df, sublinear_tf=True,
                               max_features=self.word_max_features, preprocessor=normalize_text, dtype=np.float32)
        return char, word

    def _features(self, texts: list[str], char: sp.csr_matrix | None = None) -> sp.csr_matrix:
        if not hasattr(self, "coef_"):
            raise NotFittedError("模型尚未训练或加载（LinearPassageClassifier）。")
        char = self.char_.transform(texts) if char is None else char
        return sp.hstack([char, self.word_.transform(texts)], format="csr")

    # ------------------------------------------------------------------ estimator API
    def fit(self, texts: list[str], Y: np.ndarray) -> LinearPassageClassifier:
        from sklearn.linear_model import LogisticRegression

        char, word = self._vectorizers()
        X = sp.hstack([char.fit_transform(texts), word.fit_transform(texts)], format="csr")
        # Predict with the same light transform that a loaded model uses.
        self.char_, self.word_ = NgramTfidf.from_sklearn(char), NgramTfidf.from_sklearn(word)
        coef = np.zeros((Y.shape[1], X.shape[1]), dtype=np.float32)
        intercept = np.zeros(Y.shape[1], dtype=np.float32)
        for j in range(Y.shape[1]):
            y = Y[:, j]
            if y.min() == y.max():  # no positive (or no negative) example: a constant
                intercept[j] = -8.0 if y.max() == 0 else 8.0
                continue
            lr = LogisticRegression(C=self.C, solver="liblinear", random_state=self.random_state, max_iter=1000)
            lr.fit(X, y)
            coef[j] = lr.coef_[0]
            intercept[j] = lr.intercept_[0]
        self.coef_, self.intercept_ = coef, intercept
        return self

    def decision_function(self, texts: list[str], char: sp.csr_matrix | None = None) -> np.ndarray:
        X = self._features(texts, char)
        return np.asarray(X @ self.coef_.T) + self.intercept_

    def predict_proba(self, texts: list[str], char: sp.csr_matrix | None = None) -> np.ndarray:
        """Probabilities (n, labels); ``char`` passes character features already computed."""
        if not texts:
            return np.zeros((0, len(getattr(self, "intercept_", np.zeros(20)))), dtype=np.float32)
        return 1.0 / (1.0 + np.exp(-self.decision_function(texts, char)))

    # ------------------------------------------------------------------ persistence
    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        params = {k: getattr(self, k) for k in ("C", "char_max_features", "word_max_features", "min_df",
                                                "segmenter", "random_state")}
        vocab = {"char": {t: int(i) for t, i in self.char_.vocabulary_.items()},
                 "word": {t: int(i) for t, i in self.word_.vocabulary_.items()}}
        (directory / "params.json").write_text(json.dumps(params, ensure_ascii=False, indent=1), encoding="utf-8")
        (directory / "vocabulary.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(directory / "weights.npz", coef=self.coef_.astype(np.float16), intercept=self.intercept_,
                            idf_char=self.char_.idf_.astype(np.float32), idf_word=self.word_.idf_.astype(np.float32))

    @classmethod
    def load(cls, directory: Path) -> LinearPassageClassifier:
        params = json.loads((directory / "params.json").read_text(encoding="utf-8"))
        model = cls(**params)
        vocab = json.loads((directory / "vocabulary.json").read_text(encoding="utf-8"))
        with np.load(directory / "weights.npz", allow_pickle=False) as w:
            model.coef_ = w["coef"].astype(np.float32)
            model.intercept_ = w["intercept"].astype(np.float32)
            idf_char, idf_word = w["idf_char"], w["idf_word"]
        from ..segment import get_segmenter

        model.char_ = NgramTfidf(vocab["char"], idf_char, "char", (1, 3), normalize_text)
        model.word_ = NgramTfidf(vocab["word"], idf_word, "word", (1, 2), normalize_text,
                                 get_segmenter(model.segmenter).cut)
        return model
