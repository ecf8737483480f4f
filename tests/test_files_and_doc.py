"""Input expansion stays inside its folder; DOC/WPS conversion is optional and explains itself."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from analyzer import DocumentLoadError, Settings, read_document
from analyzer.extract.detect import detect_format
from analyzer.files import expand_inputs

from .conftest import SAMPLES


def test_files_folder_expansion_skips_links_that_escape(tmp_path: Path) -> None:
    inbox = tmp_path / "uploads"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "a.txt").write_text("甲", encoding="utf-8")
    (inbox / "sub" / "b.pdf").write_bytes(b"%PDF-1.4")
    (inbox / ".hidden.txt").write_text("x", encoding="utf-8")
    (inbox / "notes.xyz").write_text("x", encoding="utf-8")
    (inbox / "bundle.zip").write_bytes(b"PK")
    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    os.symlink(secret, inbox / "link.txt")
    os.symlink(tmp_path, inbox / "sub" / "loop")
    found = [p.relative_to(inbox).as_posix() for p in expand_inputs([inbox])]
    assert found == ["a.txt", "bundle.zip", "sub/b.pdf"]


def test_files_ole_container_is_doc_or_wps_by_extension(tmp_path: Path) -> None:
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    assert detect_format(tmp_path / "a.wps", head) == "wps"
    assert detect_format(tmp_path / "a.doc", head) == "doc"


def _fake_ole(tmp_path: Path, suffix: str) -> Path:
    path = tmp_path / f"报告{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    return path


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_files_doc_without_libreoffice_says_what_to_do(tmp_path: Path, suffix: str) -> None:
    settings = Settings.resolve({"soffice": str(tmp_path / "no-such-soffice")})
    with pytest.raises(DocumentLoadError) as info:
        read_document(_fake_ole(tmp_path, suffix), settings)
    assert info.value.code == "CONVERTER_MISSING"
    assert "LibreOffice" in info.value.message and "DOCX" in info.value.message


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_files_doc_converted_by_libreoffice(tmp_path: Path) -> None:
    sample = next(SAMPLES.glob("*体育局*.docx"))
    src = tmp_path / "in.docx"
    shutil.copyfile(sample, src)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/p", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    doc = read_document(tmp_path / "in.doc")
    assert doc.source.format == "doc"
    assert "全民健身" in doc.meta.title
