"""The report contract is frozen: the packaged copy equals the shared one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.report import SCHEMA_ID, SCHEMA_PATH, schema

SHARED = Path(__file__).resolve().parents[2] / "shared" / "contract" / "report.schema.json"


def test_contract_schema_version() -> None:
    assert schema()["$id"] == SCHEMA_ID


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ is not beside this checkout")
def test_contract_packaged_copy_matches_shared() -> None:
    assert json.loads(SHARED.read_text(encoding="utf-8")) == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
