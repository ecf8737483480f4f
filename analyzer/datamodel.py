"""The document object that flows through every stage.

Extraction fills ``source`` and ``pages``; normalisation fills ``paragraphs``;
structure parsing fills ``meta``. Later stages (article coverage, lead bodies,
checks) add their own fields. Nothing downstream re-reads the file.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Format = Literal["pdf", "ofd", "docx", "doc", "wps", "txt", "html", "image", "unknown"]

#: Roles a paragraph can play in a GB/T 9704 document. ``body`` is running text.
Role = Literal[
    "head",  # 发文机关标志 / 份号 / 密级
    "doc_number",  # 发文字号 (with 签发人)
    "title",
    "recipients",  # 主送机关
    "heading",  # 一、 （一） 1. （1） headings
    "body",
    "attachment",  # 附件说明
    "signature",  # 发文机关署名
    "date",  # 成文日期
    "note",  # 附注 such as （此件公开发布）
    "cc",  # 抄送 / 抄报
    "imprint",  # 印发机关和印发日期
]


@dataclass(slots=True)
class Line:
    """One visual line as laid out on a page.

    Geometry is in points from the page's top-left corner; it is ``None`` for
    formats without layout (TXT, DOCX, HTML), where each line is already a
    paragraph.
    """

    text: str
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None
    #: Font size in points where the format records it (PDF, OFD); glyph boxes
    #: vary too much ("一" is flat) to compare lines by their height.
    size: float | None = None


@dataclass(slots=True)
class Page:
    """One page (or, for flowing formats, the whole text as page 1)."""

    number: int
    lines: list[Line] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
    ocr: bool = False
    #: True when lines are visual lines that may break sentences (PDF, OFD, OCR);
    #: False when each line is already a logical paragraph (DOCX, HTML).
    wrapped: bool = True
    #: Rows of tables found on the page, each row a list of cell texts.
    tables: list[list[list[str]]] = field(default_factory=list)
    #: Why this page has no text although it should (broken page object, OCR failure).
    error: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(slots=True)
class Paragraph:
    """A logical paragraph after line joining, with its page and section path."""

    text: str
    page: int | None
    section: list[str] = field(default_factory=list)
    role: Role = "body"


@dataclass(slots=True)
class Source:
    """Where the document came from; the shape of the contract's ``source``."""

    path: str
    sha256: str
    format: Format
    pages: int | None = None
    ocr_pages: int = 0
    chars: int = 0


@dataclass(slots=True)
class Meta:
    """GB/T 9704 header and footer fields; the contract's ``meta`` plus extras."""

    issuer: str | None = None
    title: str | None = None
    doc_number: str | None = None
    date: str | None = None
    recipients: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    #: 公开方式 or an equivalent note, as written; not part of the contract's meta.
    disclosure: str | None = None
    signer: str | None = None

    def contract(self) -> dict[str, Any]:
        """The six fields the report contract requires, in its order."""
        return {
            "issuer": self.issuer,
            "title": self.title,
            "doc_number": self.doc_number,
            "date": self.date,
            "recipients": list(self.recipients),
            "cc": list(self.cc),
        }


@dataclass(slots=True)
class Notice:
    """Something a stage noticed that did not stop it (e.g. one page failed OCR)."""

    stage: str
    message: str
    page: int | None = None


@dataclass(slots=True)
class Evidence:
    """A passage quoted to support a verdict, with the page a reviewer can open."""

    text: str
    page: int | None
    score: float


@dataclass(slots=True)
class ArticleResult:
    """Coverage verdict for one of the 20 articles."""

    article: int
    covered: bool
    score: float
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class LeadItem:
    """A task item and the lead bodies it names (empty = none)."""

    text: str
    page: int | None
    leads: list[str] = field(default_factory=list)
    #: Concrete bodies named as responsible or partner units (责任/配合单位, 由X负责) — not leads.
    responsible: list[str] = field(default_factory=list)


@dataclass(slots=True)
class LeadResult:
    """Lead departments (牵头部门) named by the document."""

    named: bool = False
    departments: list[str] = field(default_factory=list)
    items: list[LeadItem] = field(default_factory=list)

    @property
    def items_without_lead(self) -> int:
        return sum(1 for item in self.items if not item.leads)


@dataclass(slots=True)
class Finding:
    """A check result or a flag for the reviewer (the contract's checks and flags)."""

    code: str
    message: str
    severity: str = "warning"  # flags: error | warning | info
    status: str = "unknown"  # checks: pass | fail | unknown
    article: int | None = None


@dataclass(slots=True)
class Document:
    """One submitted file and everything the stages learn about it."""

    source: Source
    pages: list[Page] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)
    warnings: list[Notice] = field(default_factory=list)
    doc_type: str | None = None
    articles: list[ArticleResult] = field(default_factory=list)
    lead: LeadResult = field(default_factory=LeadResult)
    checks: list[Finding] = field(default_factory=list)
    flags: list[Finding] = field(default_factory=list)
    #: Who sent it, mapped to the roster: {"name": 武汉市, "category": 市州}.
    submitter: dict[str, str] | None = None

    #: Roles whose paragraphs are running text a verdict may rest on.
    BODY_ROLES = ("body", "heading", "attachment", "note")

    def passages(self) -> list[Paragraph]:
        """The paragraphs the classifiers read: the body, not the header and footer."""
        return [p for p in self.paragraphs if p.role in self.BODY_ROLES]

    @property
    def text(self) -> str:
        """Normalised text, pages separated by a form feed."""
        by_page: dict[int, list[str]] = {}
        for para in self.paragraphs:
            by_page.setdefault(para.page or 1, []).append(para.text)
        numbers = range(1, max([*by_page, 1]) + 1)
        return "\f".join("\n".join(by_page.get(n, [])) for n in numbers)

    def to_json(self) -> dict[str, Any]:
        """The ``extract --format json`` shape: source and meta as in the contract."""
        return {
            "source": asdict(self.source),
            "meta": self.meta.contract() | {"disclosure": self.meta.disclosure},
            "pages": [
                {"number": p.number, "ocr": p.ocr, "text": p.text} for p in self.pages
            ],
            "paragraphs": [
                {"text": p.text, "page": p.page, "section": "/".join(p.section), "role": p.role}
                for p in self.paragraphs
            ],
            "warnings": [asdict(w) for w in self.warnings],
        }
