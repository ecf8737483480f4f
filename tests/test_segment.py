"""Domain segmentation: bodies stay whole; jieba and rjieba agree."""

from __future__ import annotations

import json
import random

import pytest

from analyzer.segment import get_nlp, get_segmenter

from .conftest import ROOT


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_segment_domain_dictionary_keeps_bodies_whole(backend: str) -> None:
    seg = get_segmenter(backend)
    assert seg.cut("由省生态环境厅牵头，宜昌市生态环境局配合") == [
        "由", "省生态环境厅", "牵头", "，", "宜昌市生态环境局", "配合"]
    assert "管行业必须管环保" in seg.cut("严格落实管行业必须管环保要求")


def _join_ascii_runs(tokens: list[str]) -> list[str]:
    """The backends split runs like 027-86657312 or PM2.5 differently; compare them joined."""
    out: list[str] = []
    for tok in tokens:
        if out and tok.isascii() and not tok.isspace() and out[-1].isascii() and not out[-1].isspace():
            out[-1] += tok
        else:
            out.append(tok)
    return out


def test_segment_backends_give_identical_tokens_on_the_corpus() -> None:
    rows = [json.loads(line) for line in (ROOT / "corpora/coverage/passages.jsonl").open(encoding="utf-8")]
    sample = random.Random(0).sample(rows, 2000)
    jieba, rjieba = get_segmenter("jieba"), get_segmenter("rjieba")
    differing = [r["text"] for r in sample
                 if _join_ascii_runs(jieba.cut(r["text"])) != _join_ascii_runs(rjieba.cut(r["text"]))]
    assert differing == []


def test_segment_spacy_pipeline_marks_bodies() -> None:
    doc = get_nlp()("由省生态环境厅牵头，省水利厅、十堰市人民政府配合")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("省生态环境厅", "ORG"), ("省水利厅", "ORG"), ("十堰市人民政府", "ORG")]


def test_segment_unknown_backend_lists_known_ones() -> None:
    from analyzer.errors import ConfigError

    with pytest.raises(ConfigError, match="jieba"):
        get_segmenter("pkuseg")
