"""Old binary DOC and WPS files, converted to DOCX by LibreOffice headless.

LibreOffice is optional: without it the user gets a clear Chinese message
saying what to do instead of a traceback.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..config import Settings
from ..datamodel import Page
from ..errors import DocumentLoadError
from .docx import DocxExtractor


def find_soffice(settings: Settings) -> str | None:
    if settings.soffice:
        return settings.soffice if Path(settings.soffice).exists() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


class DocExtractor:
    formats = ("doc", "wps")

    def extract(self, path: Path, settings: Settings) -> list[Page]:
        soffice = find_soffice(settings)
        kind = path.suffix.lower().lstrip(".").upper() or "DOC"
        if soffice is None:
            raise DocumentLoadError(
                "CONVERTER_MISSING",
                f"读取 {kind} 文件需要 LibreOffice，但本机未安装。请安装 LibreOffice"
                "（如 apt-get install libreoffice-writer-nogui），或将文件另存为 DOCX/PDF 后重新提交。",
            )
        with tempfile.TemporaryDirectory(prefix="ecocheck-doc-") as tmp:
            # Copy under a neutral name: the user's file name never reaches the command line.
            src = Path(tmp) / f"input{path.suffix.lower()}"
            shutil.copyfile(path, src)
            cmd = [
                soffice,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "docx",
                "--outdir",
                tmp,
                str(src),
            ]
            try:
                subprocess.run(cmd, capture_output=True, timeout=settings.convert_timeout, check=False)
            except subprocess.TimeoutExpired:
                raise DocumentLoadError(
                    "CONVERSION_FAILED", f"{kind} 文件转换超时（{settings.convert_timeout} 秒）。请另存为 DOCX/PDF 后重新提交。"
                ) from None
            out = Path(tmp) / "input.docx"
            if not out.exists():
                raise DocumentLoadError(
                    "CONVERSION_FAILED", f"LibreOffice 无法转换该 {kind} 文件（可能已损坏）。请另存为 DOCX/PDF 后重新提交。"
                )
            return DocxExtractor().extract(out, settings)
