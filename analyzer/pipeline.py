"""Runs the stages over one document: extract → normalise → structure."""

from __future__ import annotations

from pathlib import Path

from .config import Settings
from .datamodel import Document, Line, Notice, Page, Source
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
    _notice_gaps(doc, settings)
    return doc


def document_from_paragraphs(paragraphs: list[str], path: str = "<text>") -> Document:
    """A Document from known paragraphs (labelled corpora), through the same normalise/structure stages."""
    import hashlib

    text = "\n".join(paragraphs)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = Document(source=Source(path=path, sha256=sha, format="txt"),
                   pages=[Page(1, [Line(t) for t in paragraphs if t.strip()], wrapped=False)])
    normalize(doc)
    parse_structure(doc)
    doc.source.chars = sum(len(p.text) for p in doc.paragraphs)
    return doc


def _notice_gaps(doc: Document, settings: Settings) -> None:
    """Warnings a reviewer should see: pages without text and why."""
    for page in doc.pages:
        if page.error:
            doc.warnings.append(Notice("extract", f"第 {page.number} 页未能读取：{page.error}", page.number))
    if doc.source.chars == 0:
        hint = "（已关闭文字识别，扫描件需要 OCR）" if not settings.ocr else "（可能是空白页或图像质量过差）"
        doc.warnings.append(Notice("extract", f"未提取到任何文字{hint}。"))
