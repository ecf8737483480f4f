"""The 20-article knowledge base (``corpora/kb/articles.json``), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

KB_PATH = Path(__file__).resolve().parents[1] / "corpora" / "kb" / "articles.json"
N_ARTICLES = 20


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    label: str
    chapter: str
    chapter_title: str
    name: str
    text: str
    key_terms: tuple[str, ...]
    paraphrases: tuple[str, ...]
    applies_to: tuple[str, ...]
    region: tuple[str, ...]


@lru_cache(maxsize=2)
def load_kb(path: Path = KB_PATH) -> tuple[Article, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    arts = tuple(
        Article(a["id"], a["label"], a["chapter"], a["chapter_title"], a["name"], a["text"],
                tuple(a["key_terms"]), tuple(a["paraphrases"]), tuple(a["applies_to"]), tuple(a.get("region", [])))
        for a in data["articles"]
    )
    if [a.id for a in arts] != list(range(1, N_ARTICLES + 1)):
        raise ValueError(f"{path}: 知识库应包含第 1–20 条，实际为 {[a.id for a in arts]}")
    return arts
