"""Chinese word segmentation with a domain dictionary, and the spaCy pipeline.

Plain jieba splits 由省生态环境厅牵头 as 由省 / 生态环境 / 厅; with the domain
dictionary (every body of the gazetteer, every key term of the knowledge
base) it gives 由 / 省生态环境厅 / 牵头. Two interchangeable backends sit
behind :class:`Segmenter`: jieba (the reference) and rjieba (jieba-rs, the
same algorithm in Rust, per-instance dictionaries); a test checks they give
the same tokens on Chinese text (they split runs of ASCII such as
027-86657312 or PM2.5 differently, which no feature here depends on). Dictionaries load once per process and are cached by path
and modification time; nothing is loaded at import time.
"""

from __future__ import annotations

import json
import logging
import threading
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from .errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
KB_PATH = ROOT / "corpora" / "kb" / "articles.json"
GAZETTEER_PATH = ROOT / "corpora" / "gazetteer" / "bodies.json"

#: Frequency given to domain words: high enough to beat splits of common words.
DOMAIN_FREQ = 200_000


class Segmenter(Protocol):
    """Turns text into a list of words."""

    name: str

    def cut(self, text: str) -> list[str]: ...


def domain_words(kb_path: Path = KB_PATH, gazetteer_path: Path = GAZETTEER_PATH) -> list[tuple[str, str]]:
    """(word, tag) pairs: bodies (nt) and policy terms (n), longest first."""
    return list(_domain_words(str(kb_path), _mtime(kb_path), str(gazetteer_path), _mtime(gazetteer_path)))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=4)
def _domain_words(kb: str, _kb_mtime: float, gaz: str, _gaz_mtime: float) -> tuple[tuple[str, str], ...]:
    words: dict[str, str] = {}
    if Path(gaz).exists():
        data = json.loads(Path(gaz).read_text(encoding="utf-8"))
        for body in data["bodies"]:
            for name in [body["name"], *body.get("aliases", [])]:
                words[name] = "nt"
        for name in data.get("generic", []):
            words.setdefault(name, "nt")
        for city in data.get("cities", []):
            words.setdefault(city, "ns")
    if Path(kb).exists():
        kb_data = json.loads(Path(kb).read_text(encoding="utf-8"))
        for art in kb_data["articles"]:
            for term in art["key_terms"]:
                if 2 <= len(term) <= 8 and "、" not in term:
                    words.setdefault(term, "n")
    for term in ("牵头", "牵头单位", "牵头部门", "责任单位", "配合单位", "责任部门", "配合部门"):
        words.setdefault(term, "n")
    return tuple(sorted(words.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def body_words() -> frozenset[str]:
    """Names of bodies (tag nt) in the domain dictionary."""
    return _body_words(str(KB_PATH), _mtime(KB_PATH), str(GAZETTEER_PATH), _mtime(GAZETTEER_PATH))


@lru_cache(maxsize=4)
def _body_words(kb: str, kb_mtime: float, gaz: str, gaz_mtime: float) -> frozenset[str]:
    return frozenset(w for w, tag in _domain_words(kb, kb_mtime, gaz, gaz_mtime) if tag == "nt")


class JiebaSegmenter:
    """jieba with its own Tokenizer instance (no global state) and the domain words."""

    name = "jieba"

    def __init__(self, words: list[tuple[str, str]] | None = None) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tok = jieba.Tokenizer()
        self._lock = threading.Lock()
        for word, tag in words if words is not None else domain_words():
            self._tok.add_word(word, DOMAIN_FREQ, tag)

    def cut(self, text: str) -> list[str]:
        with self._lock:  # jieba initialises its dictionary lazily and is not thread-safe then
            return self._tok.lcut(text, HMM=True)


class RJiebaSegmenter:
    """jieba-rs through rjieba: same dictionary and algorithm, about 20× faster."""

    name = "rjieba"

    def __init__(self, words: list[tuple[str, str]] | None = None) -> None:
        import rjieba

        self._tok = rjieba.Jieba()
        for word, tag in words if words is not None else domain_words():
            self._tok.add_word(word, DOMAIN_FREQ, tag)

    def cut(self, text: str) -> list[str]:
        return self._tok.cut(text, hmm=True)


SEGMENTERS = {"jieba": JiebaSegmenter, "rjieba": RJiebaSegmenter}
#: Chosen by measurement (scripts/bench.py): identical tokens, rjieba much faster.
DEFAULT_SEGMENTER = "rjieba"


@lru_cache(maxsize=4)
def get_segmenter(name: str = DEFAULT_SEGMENTER) -> Segmenter:
    """One segmenter per process and backend."""
    try:
        factory = SEGMENTERS[name]
    except KeyError:
        raise ConfigError(f"未知的分词器 {name!r}；可用：{', '.join(sorted(SEGMENTERS))}") from None
    return factory()


@lru_cache(maxsize=2)
def get_nlp(segmenter: str = DEFAULT_SEGMENTER):
    """spaCy pipeline: blank Chinese with our segmenter and an entity ruler for bodies (ORG)."""
    import spacy
    from spacy.tokens import Doc

    seg = get_segmenter(segmenter)
    nlp = spacy.blank("zh")

    class _Tokenizer:
        def __init__(self, vocab) -> None:
            self.vocab = vocab

        def __call__(self, text: str) -> Doc:
            words = [w for w in seg.cut(text) if w]
            return Doc(self.vocab, words=words, spaces=[False] * len(words))

    nlp.tokenizer = _Tokenizer(nlp.vocab)
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": "ORG", "pattern": word} for word, tag in domain_words() if tag == "nt"])
    return nlp
