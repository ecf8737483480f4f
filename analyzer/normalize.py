"""From page lines to logical paragraphs.

Official documents are set 28 characters a line, so every sentence is broken
by hard line ends, and each page carries a page number (``— 3 —``). This
stage drops page-number artefacts and running headers/footers, then rejoins
lines broken by layout. Headings, numbered items and signature lines stay
separate. The wording itself is never changed: evidence quotes it.

Joining uses geometry where the extractor has it (PDF, OFD, OCR): a line
continues the previous one when the previous line runs to the right margin
and this one starts at the left margin (paragraphs open with a two-character
indent). Margins are fitted per page as lines of y, so slightly skewed scans
work. Without geometry (hard-wrapped TXT) line lengths stand in for it.
"""

from __future__ import annotations

import copy
import re
import statistics
from collections import Counter

from .datamodel import Document, Line, Page, Paragraph

_DASH = r"[—－\-–~_·•一\s]"
PAGE_NUMBER_RE = re.compile(
    rf"^(?:{_DASH}*\d{{1,4}}{_DASH}*"  # — 3 —  -3-  3
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"  # 第3页 共9页
    r"|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"  # 3/9
    r"|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)
#: A bare number counts as a page number only on the first or last lines of a page.
_BARE_NUMBER_RE = re.compile(r"^\d{1,4}$")
#: Numbering that opens a heading or item: 一、 （一） 1. 1、 （1） ① 第一条.
HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d{1,3}[.．、](?!\d)"
    r"|[（(]\d{1,3}[）)]|[①-⑳]|第[一二三四五六七八九十百]+[条章节部分])"
)
_SENTENCE_END = "。！？；：!?;:”"


def is_page_number(text: str, at_edge: bool) -> bool:
    t = text.strip()
    if not t or len(t) > 16:
        return False
    if _BARE_NUMBER_RE.match(t):
        return at_edge
    if PAGE_NUMBER_RE.match(t):
        # "一" alone is a character, not a dash; demand a digit.
        return any(ch.isdigit() for ch in t)
    return False


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def strip_artefacts(pages: list[Page]) -> list[list[Line]]:
    """Page lines without page numbers and without headers/footers repeated on most pages."""
    cleaned: list[list[Line]] = []
    for page in pages:
        lines = [ln for ln in _split_newlines(page.lines)]
        n = len(lines)
        kept = [
            ln
            for i, ln in enumerate(lines)
            if not is_page_number(ln.text, at_edge=(i < 2 or i >= n - 2) and page.wrapped)
        ]
        cleaned.append(kept)
    if len(pages) >= 3:
        _drop_running_lines(cleaned, len(pages))
    return cleaned


def _drop_running_lines(cleaned: list[list[Line]], n_pages: int) -> None:
    """Remove edge lines whose text recurs on most pages at the same height.

    The position test keeps a red head or a signature that happens to repeat
    the running header's words (e.g. the issuer's name) but sits elsewhere.
    """
    seen: dict[str, list[tuple[int, Line]]] = {}
    for page_idx, lines in enumerate(cleaned):
        edges = {id(ln): ln for ln in lines[:2] + lines[-2:]}
        for ln in edges.values():
            key = _edge_key(ln.text)
            if key:
                seen.setdefault(key, []).append((page_idx, ln))
    threshold = max(3, int(0.6 * n_pages + 0.999))
    running: dict[str, float | None] = {}
    for key, occurrences in seen.items():
        if len({page for page, _ in occurrences}) < threshold:
            continue
        tops = [ln.top for _, ln in occurrences if ln.top is not None]
        if len(tops) < len(occurrences):
            running[key] = None
            continue
        mode = statistics.median_low(tops)
        pages_near = {page for page, ln in occurrences if abs((ln.top or 0.0) - mode) <= 6.0}
        if len(pages_near) >= threshold:
            running[key] = mode
    if not running:
        return
    for idx, lines in enumerate(cleaned):
        n = len(lines)
        keep = []
        for i, ln in enumerate(lines):
            key = _edge_key(ln.text)
            at_edge = i < 2 or i >= n - 2
            if at_edge and key in running:
                mode = running[key]
                if mode is None or ln.top is None or abs(ln.top - mode) <= 6.0:
                    continue
            keep.append(ln)
        cleaned[idx] = keep


def _split_newlines(lines: list[Line]) -> list[Line]:
    out = []
    for ln in lines:
        if "\n" in ln.text:
            out.extend(Line(part) for part in ln.text.split("\n") if part.strip())
        elif ln.text.strip():
            out.append(ln)
    return out


class _Margins:
    """Margins, text width and character width, measured on the whole document.

    Width and character size come from all pages (a last page with three short
    lines says nothing about the text block); the left margin is refitted per
    page as a line of y when the page has enough full lines, so skewed scans work.
    """

    def __init__(self, all_lines: list[Line]) -> None:
        geo = [ln for ln in all_lines if _has_geometry(ln) and len(ln.text.strip()) >= 4]
        self.ok = len(geo) >= 2
        if not self.ok:
            return
        widths = [(ln.x1 - ln.x0) / len(ln.text.strip()) for ln in geo if len(ln.text.strip()) >= 8]  # type: ignore[operator]
        heights = [(ln.bottom or 0) - (ln.top or 0) for ln in geo]
        self.cw = statistics.median(widths) if widths else statistics.median(heights)
        spans = sorted(ln.x1 - ln.x0 for ln in geo)  # type: ignore[operator]
        full_width = spans[int(0.95 * (len(spans) - 1))]
        full = [ln for ln in geo if (ln.x1 - ln.x0) >= full_width - 1.5 * self.cw]  # type: ignore[operator]
        self.width = statistics.median([ln.x1 - ln.x0 for ln in full])  # type: ignore[operator]
        self.slope = 0.0
        self.intercept = statistics.median(_left_cluster([ln.x0 or 0.0 for ln in full], self.cw))
        self._doc_intercept = self.intercept

    def fit_page(self, lines: list[Line]) -> _Margins:
        """Refit the left margin to one page's full lines (skew); keep the document's otherwise."""
        self.slope, self.intercept = 0.0, self._doc_intercept
        full = [ln for ln in lines if _has_geometry(ln) and (ln.x1 - ln.x0) >= self.width - 1.5 * self.cw]  # type: ignore[operator]
        if len(full) < 3:
            return self
        ys = [ln.top or 0.0 for ln in full]
        xs = [ln.x0 or 0.0 for ln in full]
        self._fit(ys, xs)
        # Second pass on the left cluster only: indented first lines that reach the right edge would bias both
        # the slope and the margin towards the indent.
        residuals = [x - self.slope * y for x, y in zip(xs, ys)]
        keep = set(_left_cluster(residuals, self.cw))
        left = [(y, x) for y, x, r in zip(ys, xs, residuals) if r in keep]
        if len(left) >= 3:
            self._fit([y for y, _ in left], [x for _, x in left])
        return self

    def _fit(self, ys: list[float], xs: list[float]) -> None:
        self.slope = 0.0
        if max(ys) - min(ys) > 5 * self.cw:
            my, mx = statistics.fmean(ys), statistics.fmean(xs)
            var = sum((y - my) ** 2 for y in ys)
            slope = sum((y - my) * (x - mx) for y, x in zip(ys, xs)) / var if var else 0.0
            self.slope = slope if abs(slope) <= 0.05 else 0.0  # beyond ~3 degrees: a layout mix, not skew
        self.intercept = statistics.median(_left_cluster([x - self.slope * y for x, y in zip(xs, ys)], self.cw))

    def left(self, ln: Line) -> float:
        return self.intercept + self.slope * (ln.top or 0.0)

    def runs_to_right(self, ln: Line) -> bool:
        return (ln.x1 or 0.0) >= self.left(ln) + self.width - 1.6 * self.cw

    def starts_at_left(self, ln: Line) -> bool:
        return (ln.x0 or 0.0) <= self.left(ln) + 0.6 * self.cw

    @staticmethod
    def same_size(a: Line, b: Line) -> bool:
        if a.size and b.size:
            return abs(a.size - b.size) <= 0.18 * max(a.size, b.size)
        ha = (a.bottom or 0) - (a.top or 0)
        hb = (b.bottom or 0) - (b.top or 0)
        return abs(ha - hb) <= 0.35 * max(ha, hb, 1e-6)


def _left_cluster(xs: list[float], cw: float) -> list[float]:
    """The left starts of full lines, without indented first lines that reach the right edge too.

    A first line indented two characters can span the full width when its half-width characters or hanging
    punctuation run past the margin; counted in, such lines pull the margin to the indent and every
    continuation line then looks like a new paragraph.
    """
    low = sorted(xs)[int(0.1 * (len(xs) - 1))]  # a low percentile: one stray line does not set the margin
    return [x for x in xs if x <= low + 1.0 * cw] or xs


def _has_geometry(ln: Line) -> bool:
    return ln.x0 is not None and ln.x1 is not None


class _TextWidth:
    """Line-length stand-in for geometry in hard-wrapped plain text."""

    def __init__(self, lines: list[Line]) -> None:
        lengths = [len(ln.text.strip()) for ln in lines if len(ln.text.strip()) >= 10]
        self.width = Counter(lengths).most_common(1)[0][0] if lengths else 0

    def runs_to_right(self, ln: Line) -> bool:
        return self.width > 0 and len(ln.text.strip()) >= self.width - 1

    @staticmethod
    def starts_at_left(ln: Line) -> bool:
        return not ln.text[:1].isspace()


def _continues(prev: Line, nxt: Line, prev_m, next_m, paragraph: str = "") -> bool:
    """Does ``nxt`` continue the sentence of ``prev`` (a break made by layout)?"""
    in_cc = paragraph.lstrip().startswith(("抄送", "抄报"))
    if not prev_m.runs_to_right(prev) or not (next_m.starts_at_left(nxt) or (in_cc and _same_block(prev, nxt, next_m))):
        return False
    if isinstance(prev_m, _Margins) and isinstance(next_m, _Margins) and not prev_m.same_size(prev, nxt):
        return False
    head = nxt.text.strip()
    if HEADING_RE.match(head) and prev.text.rstrip()[-1:] in _SENTENCE_END:
        return False
    if head.startswith(("抄送", "抄报", "附件")):
        return False
    return True


def _same_block(prev: Line, nxt: Line, metric) -> bool:
    """Both lines start at the same small indent: the 抄送 block of GB/T 9704, set in by about one character,
    wraps under itself. First-line indents are two characters and do not count."""
    if not isinstance(metric, _Margins) or not _has_geometry(prev) or not _has_geometry(nxt):
        return False
    if prev.text.rstrip()[-1:] in _SENTENCE_END or re.search(r"印\s*发\s*$", nxt.text):
        return False
    indent = (prev.x0 or 0.0) - metric.left(prev)
    return 0.4 * metric.cw < indent < 1.5 * metric.cw and abs((nxt.x0 or 0.0) - (prev.x0 or 0.0)) <= 0.6 * metric.cw


def _join(a: str, b: str) -> str:
    a, b = a.rstrip(), b.strip()
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return f"{a} {b}"
    return a + b


def join_lines(pages: list[Page], cleaned: list[list[Line]]) -> list[Paragraph]:
    """Rejoin layout breaks, also across page breaks; a paragraph keeps its first page."""
    paragraphs: list[Paragraph] = []
    prev: Line | None = None
    prev_m: _Margins | _TextWidth | None = None
    wrapped = [ln for page, lines in zip(pages, cleaned) if page.wrapped for ln in lines]
    doc_margins = _Margins(wrapped)
    for page, lines in zip(pages, cleaned):
        if not page.wrapped:
            for ln in lines:
                paragraphs.append(Paragraph(ln.text.strip(), page.number))
            prev = None
            continue
        metric: _Margins | _TextWidth
        if doc_margins.ok and all(_has_geometry(ln) for ln in lines):
            metric = copy.copy(doc_margins).fit_page(lines)
        else:
            metric = _TextWidth(lines)
        for ln in lines:
            if prev is not None and prev_m is not None and paragraphs and _continues(prev, ln, prev_m, metric,
                                                                                     paragraphs[-1].text):
                paragraphs[-1].text = _join(paragraphs[-1].text, ln.text)
            else:
                paragraphs.append(Paragraph(ln.text.strip(), page.number))
            prev, prev_m = ln, metric
    return [p for p in paragraphs if p.text]


def normalize(doc: Document) -> Document:
    """Fill ``doc.paragraphs`` from ``doc.pages``."""
    cleaned = strip_artefacts(doc.pages)
    doc.paragraphs = join_lines(doc.pages, cleaned)
    return doc
