"""Gap summary: matrix and applicability, the four files, and the HTML as a browser shows it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from analyzer.batch import run_batch
from analyzer.executor import InlineExecutor
from analyzer.summary import RosterEntry, applies

from .conftest import SAMPLES


def test_summary_applicability_from_knowledge_base() -> None:
    wuhan, jingzhou, huangshi = RosterEntry("武汉市", "市州"), RosterEntry("荆州市", "市州"), RosterEntry("黄石市", "市州")
    dept = RosterEntry("湖北省水利厅", "省直部门")
    assert applies(14, wuhan) and applies(14, jingzhou) and not applies(14, huangshi)
    assert applies(11, dept) and applies(11, wuhan) and not applies(12, dept)
    assert not applies(3, dept)


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("batch")
    inputs = [p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".docx", ".ofd", ".html")]
    run_batch(inputs, out, executor=InlineExecutor(), year=2023)
    return out


def test_summary_files_exist_and_open(batch_dir: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(batch_dir / "summary.xlsx")
    assert wb.sheetnames == ["总览", "覆盖矩阵", "问题清单", "文件明细"]
    matrix = wb["覆盖矩阵"]
    assert matrix.freeze_panes == "A2" and matrix.auto_filter.ref
    assert matrix.cell(1, 3).value == "第1条"
    names = [row[0].value for row in matrix.iter_rows(min_row=2)]
    assert "武汉市" in names and "湖北省水利厅" in names and "秭归县自然资源和规划局" in names
    md = (batch_dir / "summary.md").read_text(encoding="utf-8")
    assert "应报送 30 家" in md and "未报送" in md
    csv_text = (batch_dir / "summary.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("报送单位,类别,第1条")


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium is not installed")
def test_summary_html_renders_readable_chinese(batch_dir: Path, tmp_path: Path) -> None:
    """Screenshot in headless Chromium, then OCR: tofu boxes would not read back as Chinese."""
    import numpy as np
    from PIL import Image

    from analyzer.config import Settings
    from analyzer.extract.ocr import ocr_image

    shot = tmp_path / "summary.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,500", f"--screenshot={shot}",
                    (batch_dir / "summary.html").as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.exists()
    image = np.asarray(Image.open(shot).convert("RGB"))
    text = "".join(line.text for line in ocr_image(image, 96, Settings()))
    assert "检查汇总" in text and "应报送" in text and "覆盖率" in text


def test_summary_year_over_year_from_the_store(tmp_path: Path) -> None:
    from analyzer.store import Store
    from analyzer.summary import compare_years

    def report(folder: Path, extra: str) -> Path:
        folder.mkdir()
        p = folder / "水利厅.txt"
        p.write_text("湖北省水利厅关于2023年度生态环境保护职责履行情况的报告\n省委、省政府：\n"
                     "我厅严格落实管行业必须管环保要求，把生态环境保护要求纳入水利规划、审批和监管全过程。\n"
                     + extra + "\n湖北省水利厅\n2024年1月20日\n", encoding="utf-8")
        return p

    old = report(tmp_path / "y2022", "")
    new = report(tmp_path / "y2023", "我厅与省公安厅建立涉水环境案件移送机制，全年移送涉嫌环境犯罪案件12件，检察机关提起公益诉讼3件。")
    db = tmp_path / "store.sqlite"
    run_batch([old], tmp_path / "o1", db=db, executor=InlineExecutor(), year=2022)
    run_batch([new], tmp_path / "o2", db=db, executor=InlineExecutor(), year=2023)
    store = Store(db)
    rows = compare_years(store.records_for_year(2023), store.records_for_year(2022))
    store.close()
    [(name, gained, dropped)] = rows
    assert name == "湖北省水利厅" and 18 in gained and dropped == []
