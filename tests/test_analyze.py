"""analyze: one contract record per file, failures included; verdicts that could break."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from analyzer.analysis import Analyzer
from analyzer.kb import load_kb
from analyzer.pipeline import document_from_paragraphs
from analyzer.report import record, schema

from .conftest import ROOT, SAMPLES


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.load()


def test_analyze_policy_text_itself_covers_all_twenty(analyzer: Analyzer) -> None:
    paragraphs = ["湖北省推动职能部门做好生态环境保护工作的实施意见"] + [a.label + a.text for a in load_kb()]
    doc = analyzer.analyze(document_from_paragraphs(paragraphs))
    assert [a.article for a in doc.articles if a.covered] == list(range(1, 21))
    assert all(a.evidence and a.evidence[0].text for a in doc.articles)


def test_analyze_unrelated_prose_covers_nothing(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(document_from_paragraphs([
        "关于做好2024年全市中小学春季开学工作的通知",
        "各县市区教育局：",
        "为确保春季开学平稳有序，现就有关事项通知如下。",
        "一、做好校园安全排查。各学校要在开学前对校舍、食堂、消防设施开展全面检查，消除安全隐患。",
        "二、做好教学准备。各学校要按照课程方案开齐开足课程，及时发放教材，做好学生报到注册。",
        "三、加强学生健康监测，做好晨午检和因病缺课追踪登记。",
        "市教育局",
        "2024年2月1日",
    ]))
    assert not any(a.covered for a in doc.articles)
    assert doc.doc_type == "other"
    rec = record(doc)
    jsonschema.validate(rec, schema())
    assert not any(f["code"] == "NO_LEAD_DEPARTMENT" for f in rec["flags"])


def test_analyze_report_without_lead_is_flagged(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(document_from_paragraphs([
        "湖北省商务厅关于2023年度生态环境保护职责履行情况的报告",
        "省委、省政府：",
        "现将我厅2023年度生态环境保护职责履行情况报告如下。",
        "一、严格落实管行业必须管环保要求。我厅把生态环境保护要求纳入商务领域规划、审批和监管全过程，"
        "推动再生资源回收体系建设，全年新建回收网点320个。",
        "二、公开具体事项清单。对照部门三定规定梳理生态环境保护具体事项12项，经批准后在门户网站公开，"
        "同时开通举报电话和网上信箱，全年受理群众反映问题8件，均已办结。",
        "湖北省商务厅",
        "2024年1月25日",
    ]))
    assert doc.doc_type == "annual_report"
    assert {5, 6} <= {a.article for a in doc.articles if a.covered}
    codes = [f.code for f in doc.flags]
    assert doc.lead.named is False and "NO_LEAD_DEPARTMENT" in codes


def test_analyze_cli_records_validate_and_bad_file_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"not a zip at all" * 10)
    good = next(SAMPLES.glob("*林业局*.pdf"))
    proc = subprocess.run([sys.executable, "-m", "analyzer", "analyze", str(bad), str(good)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1  # one file failed
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == 2
    for rec in records:
        jsonschema.validate(rec, schema())
    assert records[0]["error"]["code"] == "CORRUPT_FILE" and records[0]["articles"] == []
    ok = records[1]
    assert ok["error"] is None and len(ok["articles"]) == 20
    assert ok["doc_type"] == "annual_report"
    covered = [a for a in ok["articles"] if a["covered"]]
    assert covered and all(a["evidence"] and a["evidence"][0]["page"] for a in covered)
    assert ok["lead"]["named"] and "湖北省林业局" in ok["lead"]["departments"]


def test_analyze_table_output_is_chinese_summary() -> None:
    sample = next(SAMPLES.glob("*征求意见稿*.docx"))
    proc = subprocess.run([sys.executable, "-m", "analyzer", "analyze", str(sample), "--format", "table"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "文种：政策文件" in proc.stdout
    assert "牵头部门" in proc.stdout and "✓" in proc.stdout


def test_analyze_not_chinese_is_an_error_record(analyzer: Analyzer, tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text("This is an English memo about the annual budget and nothing else. " * 20, encoding="utf-8")
    rec = analyzer.analyze_file(path)
    jsonschema.validate(rec, schema())
    assert rec["error"]["code"] == "NOT_CHINESE"
