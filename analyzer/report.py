"""Records in the shape of the report contract (``ecocheck.report/1``).

Every analysed file yields exactly one record, failures included. The schema
ships with the package (``analyzer/schema/report.schema.json``, a copy of the
shared contract, frozen by a test).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from .datamodel import Document, Source
from .errors import DocumentLoadError

SCHEMA_ID = "ecocheck.report/1"
SCHEMA_PATH = Path(__file__).parent / "schema" / "report.schema.json"
_EMPTY_SHA = hashlib.sha256(b"").hexdigest()


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _empty_meta() -> dict[str, Any]:
    return {"issuer": None, "title": None, "doc_number": None, "date": None, "recipients": [], "cc": []}


def error_record(path: str, error: DocumentLoadError, source: Source | None = None) -> dict[str, Any]:
    """The record of a file that could not be analysed: ``error`` set, verdicts empty."""
    src = asdict(source) if source is not None else {
        "path": path, "sha256": _EMPTY_SHA, "format": "unknown", "pages": None, "ocr_pages": 0, "chars": 0,
    }
    src["path"] = path
    return {
        "schema": SCHEMA_ID,
        "source": src,
        "doc_type": None,
        "meta": _empty_meta(),
        "articles": [],
        "lead": {"named": False, "departments": [], "items": [], "items_without_lead": 0},
        "checks": [],
        "flags": [],
        "error": {"code": error.code, "message": error.message},
    }


def record(doc: Document) -> dict[str, Any]:
    """The contract record of an analysed document."""
    return {
        "schema": SCHEMA_ID,
        "source": asdict(doc.source),
        "doc_type": doc.doc_type,
        "meta": doc.meta.contract(),
        "articles": [
            {"article": a.article, "covered": a.covered, "score": a.score,
             "evidence": [{"text": e.text, "page": e.page, "score": e.score} for e in a.evidence]}
            for a in doc.articles
        ],
        "lead": {
            "named": doc.lead.named,
            "departments": list(doc.lead.departments),
            "items": [{"text": i.text, "page": i.page, "leads": list(i.leads), "responsible": list(i.responsible)}
                      for i in doc.lead.items],
            "items_without_lead": doc.lead.items_without_lead,
        },
        "checks": [{"code": c.code, "status": c.status, "message": c.message} for c in doc.checks],
        "flags": [{"code": f.code, "severity": f.severity, "message": f.message, "article": f.article}
                  for f in doc.flags],
        "error": None,
        "submitter": doc.submitter,
    }
