"""Every bundled sample reads back to its known source text and meta."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from rapidfuzz.distance import Levenshtein

from analyzer import read_document
from analyzer.report import schema

from .conftest import ROOT, SAMPLES, source_doc

GOLD = json.loads((SAMPLES / "gold.json").read_text(encoding="utf-8"))
TEXT_KINDS = [name for name, g in GOLD.items() if g["kind"] not in ("scan", "mixed")]


def _similarity(got: str, doc_id: str) -> float:
    src = "".join(source_doc(doc_id)["paragraphs"])
    return Levenshtein.normalized_similarity(re.sub(r"\s+", "", got), re.sub(r"\s+", "", src))


@pytest.mark.parametrize("name", TEXT_KINDS)
def test_samples_text_formats_read_exactly(name: str) -> None:
    gold = GOLD[name]
    doc = read_document(SAMPLES / name)
    assert _similarity(doc.text, gold["source"]) >= 0.99
    want = source_doc(gold["source"])["meta"]
    got = doc.meta
    assert (got.date, got.doc_number, got.cc) == (want["date"], want["doc_number"], want["cc"])
    assert got.title == want["title"]
    assert got.recipients == want["recipients"]
    assert doc.source.ocr_pages == 0


@pytest.mark.slow
def test_samples_scanned_pdf_is_ocred() -> None:
    name = next(n for n, g in GOLD.items() if g["kind"] == "scan")
    doc = read_document(SAMPLES / name)
    assert doc.source.pages == doc.source.ocr_pages >= 2
    assert _similarity(doc.text, GOLD[name]["source"]) >= 0.93
    assert doc.meta.date == source_doc(GOLD[name]["source"])["meta"]["date"]


@pytest.mark.slow
def test_samples_mixed_pdf_ocrs_only_the_stamped_page() -> None:
    name = next(n for n, g in GOLD.items() if g["kind"] == "mixed")
    doc = read_document(SAMPLES / name)
    assert doc.source.ocr_pages == 1
    assert doc.pages[-1].ocr and not doc.pages[0].ocr
    want = source_doc(GOLD[name]["source"])["meta"]
    assert doc.meta.date == want["date"]  # the date sits on the scanned signature page
    assert _similarity(doc.text, GOLD[name]["source"]) >= 0.97


def test_samples_docx_reads_red_head_from_text_box() -> None:
    name = next(n for n, g in GOLD.items() if g["kind"] == "docx" and g["doc_kind"] != "policy_draft")
    doc = read_document(SAMPLES / name)
    first = source_doc(GOLD[name]["source"])["paragraphs"][0]
    assert doc.paragraphs[0].text == first
    assert doc.paragraphs[0].role == "head"


def test_samples_text_pdf_pages_and_no_page_numbers() -> None:
    name = next(n for n, g in GOLD.items() if g["kind"] == "text")
    doc = read_document(SAMPLES / name)
    assert doc.source.pages and doc.source.pages >= 2
    assert not any(re.fullmatch(r"[—\-\s]*\d+[—\-\s]*", p.text) for p in doc.paragraphs)
    assert doc.text.count("\f") == doc.source.pages - 1


def test_samples_extract_json_matches_contract_parts() -> None:
    import jsonschema

    name = next(n for n, g in GOLD.items() if g["kind"] == "ofd")
    proc = subprocess.run([sys.executable, "-m", "analyzer", "extract", str(SAMPLES / name), "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    out = json.loads(proc.stdout)
    props = schema()["properties"]
    jsonschema.validate(out["source"], props["source"])
    jsonschema.validate(out["meta"], props["meta"])
    assert set(out) >= {"source", "meta", "pages", "paragraphs"}
    assert {"text", "page", "section"} <= set(out["paragraphs"][0])
    assert out["source"]["format"] == "ofd"


def test_samples_table_lists_every_sample() -> None:
    proc = subprocess.run([sys.executable, "-m", "analyzer", "extract", str(SAMPLES), "--format", "table", "--no-ocr"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    for name in GOLD:
        assert name[:12] in proc.stdout


@pytest.mark.parametrize("name", [n for n in TEXT_KINDS if GOLD[n]["doc_kind"] in ("policy_draft", "annual_report")])
def test_samples_every_lead_body_has_its_full_official_name(name: str) -> None:
    """Issue 4: a body is shown as 湖北省…/中共…/<市州或县区全称>…, never as 市委/县林业局/省环委办."""
    from analyzer.analysis import Analyzer
    from analyzer.bodies import Gazetteer

    gaz = Gazetteer.load()
    localities = ("湖北", "中共", *gaz.places)  # 黄石海事局 is a full name too
    doc = Analyzer.load().analyze(read_document(SAMPLES / name))
    bodies = [*doc.lead.departments, *(b for item in doc.lead.items for b in item.responsible)]
    assert doc.lead.departments, name
    assert [b for b in bodies if not b.startswith(localities) or len(b) < 4] == []
