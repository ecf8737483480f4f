"""Extraction: one small module per format behind one interface.

:func:`load` checks the file, identifies its format from its bytes and hands
it to the extractor registered for that format.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..config import Settings
from ..datamodel import Document, Source
from ..errors import DocumentLoadError
from .base import Extractor
from .detect import detect_format
from .doc import DocExtractor
from .docx import DocxExtractor
from .html import HtmlExtractor
from .image import ImageExtractor
from .ofd import OfdExtractor
from .pdf import PdfExtractor
from .txt import TxtExtractor

__all__ = ["EXTRACTORS", "Extractor", "get_extractor", "load", "sha256_file"]

#: Format → extractor. Swap an entry to change how a format is read.
EXTRACTORS: dict[str, Extractor] = {}
for _extractor in (PdfExtractor(), OfdExtractor(), DocxExtractor(), DocExtractor(),
                   TxtExtractor(), HtmlExtractor(), ImageExtractor()):
    for _fmt in _extractor.formats:
        EXTRACTORS[_fmt] = _extractor


def get_extractor(fmt: str) -> Extractor:
    try:
        return EXTRACTORS[fmt]
    except KeyError:
        raise DocumentLoadError(
            "UNSUPPORTED_FORMAT", f"不支持的格式 {fmt}；支持：{'、'.join(sorted(EXTRACTORS))}"
        ) from None


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_file(path: Path, settings: Settings) -> int:
    """Raise a clear error for paths that are not readable files; return the size."""
    if not path.exists():
        raise DocumentLoadError("FILE_NOT_FOUND", "文件不存在，请检查路径是否正确。")
    if not path.is_file():
        raise DocumentLoadError("NOT_A_FILE", "这是一个文件夹或特殊文件，不是文档。请指定其中的文件，或用 --format table 汇总整个文件夹。")
    size = path.stat().st_size
    if size > settings.max_file_mb * 1024 * 1024:
        raise DocumentLoadError(
            "TOO_LARGE",
            f"文件大小 {size / 1048576:.0f} MB 超过上限 {settings.max_file_mb} MB（可用 ECOCHECK_MAX_FILE_MB 调整）。",
        )
    return size


def load(path: str | Path, settings: Settings | None = None, display_path: str | None = None) -> Document:
    """Read ``path`` into a Document with ``source`` and ``pages`` filled.

    Raises DocumentLoadError (with a Chinese message) for any bad input.
    """
    settings = Settings.resolve(settings)
    path = Path(path)
    size = check_file(path, settings)
    source = Source(path=display_path or str(path), sha256=sha256_file(path), format="unknown")
    try:
        if size == 0:
            raise DocumentLoadError("EMPTY_FILE", "文件为空（0 字节），请重新提交有内容的文件。")
        with path.open("rb") as fh:
            head = fh.read(4096)
        fmt = detect_format(path, head)
        source.format = fmt  # type: ignore[assignment]
        pages = get_extractor(fmt).extract(path, settings)
    except DocumentLoadError as exc:
        exc.source = source  # the error record still names the file's hash and format
        raise
    source.pages = len(pages) if fmt in ("pdf", "ofd", "image") else None
    source.ocr_pages = sum(1 for p in pages if p.ocr)
    return Document(source=source, pages=pages)
