"""Runs the stages over one document: extract → normalise → structure."""

from __future__ import annotations

from pathlib import Path

from .config import Settings
from .datamodel import Document
from .extract import load
from .normalize import normalize
from .structure import parse_structure


def read_document(path: str | Path, settings: Settings | dict | None = None,
                  display_path: str | None = None) -> Document:
    """Extract, normalise and parse one file; raises DocumentLoadError for bad input."""
    settings = Settings.resolve(settings)
    doc = load(path, settings, display_path=display_path)
    normalize(doc)
    parse_structure(doc)
    doc.source.chars = sum(len(p.text) for p in doc.paragraphs)
    return doc
