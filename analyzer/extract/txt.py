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
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _bomless_utf16(data)
    if guess:
        return data.decode(guess, errors="replace"), guess
    return _guess_cjk(data)


#: High bytes of UTF-16 code units in Chinese text: ASCII (0), CJK punctuation (0x30),
#: CJK ideographs (0x4E-0x9F) and full-width forms (0xFF).
_UTF16_HIGH = frozenset([0x00, 0x30, 0xFF, *range(0x4E, 0xA0)])


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: one byte of every pair is a plausible high byte, the other is not."""
    sample = data[:4000]
    if len(sample) < 8 or len(sample) % 2:
        return None
    odd = sum(b in _UTF16_HIGH for b in sample[1::2]) / (len(sample) / 2)
    even = sum(b in _UTF16_HIGH for b in sample[0::2]) / (len(sample) / 2)
    if odd >= 0.95 and even <= 0.7 and b"\x00" in sample[1::2] + sample[0::2] or odd >= 0.98 and even <= 0.5:
        return "utf-16-le"
    if even >= 0.95 and odd <= 0.7 and b"\x00" in sample or even >= 0.98 and odd <= 0.5:
        return "utf-16-be"
    return None


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
