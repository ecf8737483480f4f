"""Report duties of articles 11–12: deadline, addressee, disclosure, copies, content."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.checks import CITY, LOCAL, PROVINCIAL, submitter_of
from analyzer.pipeline import document_from_paragraphs

BODY = [
    "一、履职情况。我厅严格落实管行业必须管环保要求，把生态环境保护要求纳入行业规划、审批和监管全过程，全年检查企业120家。",
    "二、牵头负责的具体事项落实情况。我厅牵头的河湖长制和水土保持两项具体事项均按期完成，召集成员单位会商4次。",
]


def _report(issuer: str, recipients: str, date: str, tail: list[str], title_year: str = "2023") -> list[dict]:
    doc = document_from_paragraphs([
        f"{issuer}关于{title_year}年度生态环境保护职责履行情况的报告", recipients, *BODY, issuer, date, *tail])
    doc = Analyzer.load().analyze(doc)
    return {c.code: c.status for c in doc.checks}, doc


PROVINCIAL_TAIL = ["（公开方式：主动公开）", "抄报：水利部。", "抄送：省生态环境保护委员会办公室。"]


@pytest.mark.parametrize(
    ("date", "status"),
    [("2024年1月26日", "pass"), ("二〇二四年一月三十一日", "pass"), ("2024年2月6日", "fail"), ("二〇二四年二月五日", "fail")],
)
def test_checks_deadline_with_arabic_and_chinese_dates(date: str, status: str) -> None:
    checks, _ = _report("湖北省水利厅", "省委、省政府：", date, PROVINCIAL_TAIL)
    assert checks["REPORT_DEADLINE"] == status


def test_checks_provincial_department_all_duties_met() -> None:
    checks, doc = _report("湖北省水利厅", "省委、省政府：", "2024年1月26日", PROVINCIAL_TAIL)
    assert submitter_of(doc).category == PROVINCIAL
    assert checks == {"REPORT_DEADLINE": "pass", "REPORT_ADDRESSEE": "pass", "REPORT_DISCLOSURE": "pass",
                      "REPORT_CC": "pass", "REPORT_CONTENT": "pass"}


@pytest.mark.parametrize(
    ("tail", "status"),
    [
        (["（公开方式：主动公开）", "抄送：省生态环境保护委员会办公室。"], "fail"),  # no ministry
        (["（公开方式：主动公开）", "抄报：水利部。"], "fail"),  # no committee office
        (["（公开方式：主动公开）"], "fail"),
        (["（公开方式：主动公开）", "抄报：水利部。抄送：省环委办。"], "pass"),
    ],
)
def test_checks_missing_copies(tail: list[str], status: str) -> None:
    checks, _ = _report("湖北省水利厅", "省委、省政府：", "二〇二四年一月二十日", tail)
    assert checks["REPORT_CC"] == status


def test_checks_local_department_reports_to_same_level() -> None:
    tail = ["（此件公开发布）", "抄报：宜昌市自然资源和规划局。", "抄送：秭归县生态环境保护委员会办公室。"]
    checks, doc = _report("秭归县自然资源和规划局", "中共秭归县委、秭归县人民政府：", "2024年1月19日", tail)
    assert submitter_of(doc).category == LOCAL
    assert checks["REPORT_ADDRESSEE"] == "pass" and checks["REPORT_CC"] == "pass"
    wrong, _ = _report("秭归县自然资源和规划局", "省委、省政府：", "2024年1月19日", tail)
    assert wrong["REPORT_ADDRESSEE"] == "fail"


def test_checks_city_report_and_missing_disclosure() -> None:
    checks, doc = _report("中共十堰市委　十堰市人民政府", "省委、省政府：", "2024年1月25日", [])
    assert submitter_of(doc).category == CITY and submitter_of(doc).name == "十堰市"
    assert checks["REPORT_ADDRESSEE"] == "pass" and checks["REPORT_CC"] == "pass"
    assert checks["REPORT_DISCLOSURE"] == "fail"
