"""Shared fixtures: the repository paths, the bundled samples and their sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SOURCES = ROOT / "corpora" / "extraction" / "src"


@pytest.fixture(scope="session")
def samples_gold() -> dict:
    return json.loads((SAMPLES / "gold.json").read_text(encoding="utf-8"))


def source_doc(doc_id: str) -> dict:
    return json.loads((SOURCES / f"{doc_id}.json").read_text(encoding="utf-8"))
