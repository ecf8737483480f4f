"""Passage classifiers behind one fit/predict contract, registered by name."""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from .base import NotFittedError, PassageClassifier, labels_to_matrix
from .linear import LinearPassageClassifier
from .transformer import EnsemblePassageClassifier, TransformerPassageClassifier

__all__ = ["MODELS", "NotFittedError", "PassageClassifier", "labels_to_matrix", "load_model", "model_class"]

#: name → class. Later models (transformer, ensemble) register here.
MODELS: dict[str, type] = {
    "linear": LinearPassageClassifier,
    "transformer": TransformerPassageClassifier,
    "ensemble": EnsemblePassageClassifier,
}


def model_class(name: str) -> type:
    try:
        return MODELS[name]
    except KeyError:
        raise ConfigError(f"未知的模型 {name!r}；可用：{', '.join(sorted(MODELS))}") from None


def load_model(name: str, directory: Path) -> PassageClassifier:
    if not directory.exists():
        raise ConfigError(f"找不到模型文件夹 {directory}：请先运行 python scripts/train.py")
    return model_class(name).load(directory)
