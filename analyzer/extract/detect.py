"""Decide a file's format from its bytes, checked against its extension.

The extension alone is not trusted: a PNG renamed ``.pdf`` or random bytes
named ``.docx`` must become a clear error, not a parser traceback.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import DocumentLoadError

#: Extension → format the user claims the file has.
EXTENSIONS: dict[str, str] = {
    ".pdf": "pdf",
    ".ofd": "ofd",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "wps",
    ".txt": "txt",
    ".text": "txt",
    ".htm": "html",
    ".html": "html",
    ".shtml": "html",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".bmp": "image",
}

FORMAT_NAMES = {
    "pdf": "PDF",
    "ofd": "OFD",
    "docx": "DOCX",
    "doc": "DOC",
    "wps": "WPS",
    "txt": "TXT 文本",
    "html": "HTML 网页",
    "image": "图片",
    "zip": "ZIP 压缩包",
    "ole": "DOC/WPS",
    "unknown": "未知格式",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(head: bytes, path: Path) -> str:
    """Format from the first bytes: pdf, zip-based (docx/ofd), ole, image, html, text."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head.startswith(_OLE_MAGIC):
        return "ole"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")):
        return "image"
    lowered = stripped[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered:
        return "html"
    return "text"


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError):
        return "unknown"
    if "word/document.xml" in names:
        return "docx"
    if any(n.lower() == "ofd.xml" for n in names):
        return "ofd"
    return "zip"


def detect_format(path: Path, head: bytes) -> str:
    """Return the contract format of ``path`` or raise a clear DocumentLoadError."""
    claimed = EXTENSIONS.get(path.suffix.lower())
    actual = sniff(head, path)
    if actual == "ole":
        # DOC and WPS share the OLE container; the extension tells which.
        actual = claimed if claimed in ("doc", "wps") else "doc"
    if actual == "text":
        if claimed in (None, "txt"):
            return "txt"
        if claimed == "html":
            return "html"
        raise _mismatch(path, claimed, "text")
    if claimed is None or claimed == actual:
        if actual in ("zip", "unknown"):
            raise DocumentLoadError(
                "UNSUPPORTED_FORMAT",
                f"无法识别的文件格式（{FORMAT_NAMES[actual]}）。支持 PDF、OFD、DOCX、DOC、WPS、TXT、HTML 和图片；"
                "压缩包请先解压或使用批量检查。",
            )
        return actual
    raise _mismatch(path, claimed, actual)


def _mismatch(path: Path, claimed: str, actual: str) -> DocumentLoadError:
    if actual in ("zip", "unknown", "text") and claimed in ("docx", "ofd", "pdf", "doc", "wps", "image"):
        return DocumentLoadError(
            "CORRUPT_FILE",
            f"文件扩展名为 {path.suffix}，但内容不是有效的 {FORMAT_NAMES[claimed]} 文件（可能已损坏或被截断）。"
            "请重新导出或向报送单位索取原件。",
        )
    return DocumentLoadError(
        "FORMAT_MISMATCH",
        f"文件扩展名为 {path.suffix}，但内容实际是 {FORMAT_NAMES[actual]}。"
        "请将文件改为正确的扩展名后重新提交。",
    )
