"""Plain text in whatever encoding an office saved it: UTF-8 (with or without
BOM), UTF-16, GB18030/GBK or Big5. Bad bytes are replaced, never fatal."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..config import Settings
from ..datamodel import Line, Page

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding); never raises on bad bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding.replace("-sig", ""), errors="replace"), encoding
    if len(data) >= 4:
        zeros_even = data[0:2000:2].count(0)
        zeros_odd = data[1:2000:2].count(0)
        half = min(len(data), 2000) / 2
        if zeros_odd > 0.3 * half and zeros_even < 0.05 * half:
            return data.decode("utf-16-le", errors="replace"), "utf-16-le"
        if zeros_even > 0.3 * half and zeros_odd < 0.05 * half:
            return data.decode("utf-16-be", errors="replace"), "utf-16-be"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess_cjk(data)


def _guess_cjk(data: bytes) -> tuple[str, str]:
    """GB18030 or Big5: charset-normalizer's coherence check picks between them."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=["gb18030", "big5", "utf_8"]).best()
    encoding = best.encoding if best is not None else "gb18030"
    if encoding in ("gb2312", "gbk"):
        encoding = "gb18030"
    return data.decode(encoding, errors="replace"), encoding


def looks_hard_wrapped(lines: list[str]) -> bool:
    """True when most lines share one length, as text copied out of a laid-out page."""
    lengths = [len(line.strip()) for line in lines if len(line.strip()) >= 10]
    if len(lengths) < 6:
        return False
    width, count = Counter(lengths).most_common(1)[0]
    near = sum(1 for n in lengths if abs(n - width) <= 1)
    return width >= 15 and near >= 0.4 * len(lengths)


class TxtExtractor:
    """Text files; form feeds separate pages when present."""

    formats = ("txt",)

    def extract(self, path: Path, settings: Settings) -> list[Page]:
        text, _encoding = decode_bytes(path.read_bytes())
        return text_pages(text)


def text_pages(text: str) -> list[Page]:
    """Pages of lines from flowing text (also used for converted and web text)."""
    text = text.replace("\x00", "")
    pages = []
    for number, chunk in enumerate(text.split("\f"), 1):
        raw = re.split(r"\r\n|\r|\n|\u2028|\u2029", chunk)
        wrapped = looks_hard_wrapped(raw)
        lines = [Line(line.rstrip()) for line in raw if line.strip()]
        pages.append(Page(number, lines, wrapped=wrapped))
    return pages
