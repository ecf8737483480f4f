"""Analysis of one document after extraction: coverage, type, lead bodies, flags.

:class:`Analyzer` holds the models (loaded once) and runs the stages on a
Document; :meth:`Analyzer.analyze_file` turns any input, bad ones included,
into exactly one contract record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .checks import report_checks, submitter_of
from .config import Settings
from .coverage import CoverageModel, load_coverage
from .datamodel import Document, Finding
from .doctype import DocTypeClassifier, load_doctype
from .errors import DocumentLoadError
from .lead import LeadDetector, lead_flags
from .pipeline import read_document
from .report import error_record, record

_CJK = re.compile(r"[\u4e00-\u9fff]")


def check_language(doc: Document) -> None:
    """Refuse documents with no text or no Chinese: their verdicts would mean nothing."""
    text = "".join(p.text for p in doc.paragraphs)
    if not any(ch.isalpha() for ch in text):  # nothing but spaces, digits or replacement characters
        hint = "扫描件请确认未关闭文字识别；" if doc.source.format in ("pdf", "image") else ""
        raise DocumentLoadError("NO_TEXT", f"文件中没有可读取的文字。{hint}请提供含文字的文件。")
    letters = sum(ch.isalpha() for ch in text)
    if letters and len(_CJK.findall(text)) / letters < 0.2:
        raise DocumentLoadError("NOT_CHINESE", "文件内容主要不是中文，无法按湖北省实施意见进行检查。")


@dataclass
class Analyzer:
    """The analysis stages with their models; build once, reuse for every file."""

    coverage: CoverageModel
    doctype: DocTypeClassifier
    lead: LeadDetector = field(default_factory=LeadDetector)
    settings: Settings = field(default_factory=Settings)
    #: The reported year for the deadline check when a report does not state it (``--year``).
    year: int | None = None

    @classmethod
    def load(cls, model: str = "linear", settings: Settings | dict | None = None, year: int | None = None) -> Analyzer:
        return cls(load_coverage(model), load_doctype(), LeadDetector(), Settings.resolve(settings), year)

    def analyze(self, doc: Document) -> Document:
        check_language(doc)
        self.coverage(doc)
        self.doctype(doc)
        self.lead(doc)
        doc.checks = report_checks(doc, self.year)
        who = submitter_of(doc)
        doc.submitter = {"name": who.name, "category": who.category} if who else None
        doc.flags = lead_flags(doc)
        for check in doc.checks:
            if check.status == "fail":
                doc.flags.append(Finding(check.code, check.message, severity="warning",
                                         article=11 if check.code != "REPORT_CC" else None))
        if doc.doc_type == "other" and not any(a.covered for a in doc.articles):
            doc.flags.append(Finding("NOT_ECO_DOCUMENT", "该文件不是生态环境保护相关的报告或政策文件。", severity="info"))
        for note in doc.warnings:
            doc.flags.append(Finding("EXTRACTION_WARNING", note.message, severity="warning"))
        return doc

    def analyze_file(self, path: str | Path, display_path: str | None = None) -> dict[str, Any]:
        """Exactly one record for ``path``; a bad file gets its error record."""
        shown = display_path or str(path)
        try:
            doc = read_document(path, self.settings, display_path=shown)
            return record(self.analyze(doc))
        except DocumentLoadError as exc:
            return error_record(shown, exc, exc.source)
