"""Bad inputs give one clear Chinese line and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fpdf import FPDF

from analyzer import DocumentLoadError, read_document
from analyzer.report import error_record, schema

ROOT = Path(__file__).resolve().parents[1]


def _pdf_bytes(encrypt: bool = False) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 20, "hello")
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


def make_bad(kind: str, tmp: Path) -> Path:
    if kind == "truncated_pdf":
        path = tmp / "truncated.pdf"
        path.write_bytes(_pdf_bytes()[:300])
    elif kind == "encrypted_pdf":
        path = tmp / "encrypted.pdf"
        path.write_bytes(_pdf_bytes(encrypt=True))
    elif kind == "empty_pdf":
        path = tmp / "empty.pdf"
        path.write_bytes(b"")
    elif kind == "png_as_pdf":
        path = tmp / "scan.pdf"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    elif kind == "random_docx":
        path = tmp / "report.docx"
        path.write_bytes(os.urandom(2048))
    elif kind == "empty_txt":
        path = tmp / "empty.txt"
        path.write_bytes(b"")
    elif kind == "directory":
        path = tmp / "folder.pdf"
        path.mkdir()
    elif kind == "missing":
        path = tmp / "missing.pdf"
    elif kind == "zip_as_docx":
        import zipfile

        path = tmp / "notword.docx"
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("hello.txt", "hi")
    else:  # pragma: no cover
        raise ValueError(kind)
    return path


CASES = {
    "truncated_pdf": "CORRUPT_FILE",
    "encrypted_pdf": "ENCRYPTED",
    "empty_pdf": "EMPTY_FILE",
    "png_as_pdf": "FORMAT_MISMATCH",
    "random_docx": "CORRUPT_FILE",
    "empty_txt": "EMPTY_FILE",
    "directory": "NOT_A_FILE",
    "missing": "FILE_NOT_FOUND",
    "zip_as_docx": "CORRUPT_FILE",
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_bad_input_raises_load_error_with_code(kind: str, tmp_path: Path) -> None:
    path = make_bad(kind, tmp_path)
    with pytest.raises(DocumentLoadError) as info:
        read_document(path)
    assert info.value.code == CASES[kind]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.message)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_bad_input_cli_one_clean_line(kind: str, tmp_path: Path) -> None:
    path = make_bad(kind, tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "analyzer", "extract", str(path)], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert "错误" in lines[0]
    assert proc.stdout == ""


@pytest.mark.parametrize("kind", ["encrypted_pdf", "png_as_pdf", "missing"])
def test_bad_input_error_record_validates(kind: str, tmp_path: Path) -> None:
    import jsonschema

    path = make_bad(kind, tmp_path)
    with pytest.raises(DocumentLoadError) as info:
        read_document(path)
    record = error_record(str(path), info.value, info.value.source)
    jsonschema.validate(record, schema())
    assert record["error"]["code"] == CASES[kind]


def test_bad_input_batch_of_files_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("湖北省水利厅关于2023年度工作的报告\n省委、省政府：\n现报告如下。\n", encoding="utf-8")
    bad = make_bad("random_docx", tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "analyzer", "extract", str(bad), str(good), "--format", "json"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 1
    assert "湖北省水利厅" in proc.stdout
    assert "report.docx" in proc.stderr
