"""GB/T 9704 fields: dates, document numbers, recipients, cc, titles, sections."""

from __future__ import annotations

import pytest

from analyzer.datamodel import Document, Paragraph, Source
from analyzer.structure import parse_date, parse_structure, split_bodies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年1月26日", "2024-01-26"),
        ("2024 年 1 月 6 日", "2024-01-06"),
        ("二〇二四年一月二十六日", "2024-01-26"),
        ("二○二三年十二月三十一日", "2023-12-31"),
        ("二〇二四年二月五日", "2024-02-05"),
        ("二〇二四年十月十日", "2024-10-10"),
        ("2024年13月1日", None),
        ("没有日期", None),
    ],
)
def test_structure_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_structure_split_bodies_keeps_bracketed_lists_whole() -> None:
    assert split_bodies("各县（市、区）人民政府，市政府各部门") == ["各县（市、区）人民政府", "市政府各部门"]
    assert split_bodies("生态环境部，省生态环境保护委员会办公室。") == ["生态环境部", "省生态环境保护委员会办公室"]


def _doc(lines: list[str]) -> Document:
    doc = Document(source=Source(path="x", sha256="0" * 64, format="txt"))
    doc.paragraphs = [Paragraph(t, 1) for t in lines]
    return parse_structure(doc)


REPORT = [
    "湖北省水利厅文件",
    "鄂水利函[2024]12号　　　　签发人：王某某",
    "湖北省水利厅关于2023年度生态环境保护",
    "职责履行情况的报告",
    "省委、省政府：",
    "2023年，我厅认真履行水利领域生态环境保护职责，现报告如下。",
    "一、工作开展情况",
    "（一）河湖长制。全年巡河12万人次。",
    "1.加强监管。",
    "二、下一步打算",
    "继续牵头推进河湖生态保护。",
    "湖北省水利厅",
    "二〇二四年一月二十六日",
    "（公开方式：主动公开）",
    "抄报：水利部。",
    "抄送：省生态环境保护委员会办公室，",
    "省发展和改革委员会。",
    "湖北省水利厅办公室　　　2024年1月28日印发",
]


def test_structure_report_meta() -> None:
    meta = _doc(REPORT).meta
    assert meta.doc_number == "鄂水利函[2024]12号"
    assert meta.signer == "王某某"
    assert meta.title == "湖北省水利厅关于2023年度生态环境保护职责履行情况的报告"
    assert meta.recipients == ["省委", "省政府"]
    assert meta.date == "2024-01-26"  # the 成文日期, not the 印发 date
    assert meta.issuer == "湖北省水利厅"
    assert meta.cc == ["水利部", "省生态环境保护委员会办公室", "省发展和改革委员会"]
    assert meta.disclosure == "主动公开"


def test_structure_sections_and_roles() -> None:
    doc = _doc(REPORT)
    by_text = {p.text: p for p in doc.paragraphs}
    assert by_text["一、工作开展情况"].role == "heading"
    assert by_text["（一）河湖长制。全年巡河12万人次。"].section == ["一、", "（一）"]
    assert by_text["1.加强监管。"].section == ["一、", "（一）", "1."]
    assert by_text["继续牵头推进河湖生态保护。"].section == ["二、"]
    assert by_text["湖北省水利厅"].role == "signature"
    assert by_text["二〇二四年一月二十六日"].role == "date"


def test_structure_web_copy_without_head() -> None:
    doc = _doc([
        "关于做好2024年春节期间安全生产工作的通知",
        "各区人民政府，市政府各部门：",
        "为切实做好春节期间安全生产工作，现就有关事项通知如下。",
        "鄂州市人民政府办公室",
        "2024年1月20日",
        "（此件公开发布）",
    ])
    assert doc.meta.title == "关于做好2024年春节期间安全生产工作的通知"
    assert doc.meta.doc_number is None
    assert doc.meta.recipients == ["各区人民政府", "市政府各部门"]
    assert doc.meta.date == "2024-01-20"
    assert doc.meta.issuer == "鄂州市人民政府办公室"
    assert doc.meta.disclosure == "此件公开发布"
    assert doc.meta.cc == []


def test_structure_body_doc_number_is_not_the_documents_own() -> None:
    doc = _doc([
        "关于印发实施方案的通知",
        "各有关单位：",
        "根据《省环委会关于印发责任清单的通知》（鄂环委〔2020〕4号）要求，现印发本方案。",
        "2024年3月1日",
    ])
    assert doc.meta.doc_number is None


def test_structure_joint_issuer_keeps_one_fullwidth_space() -> None:
    doc = _doc([
        "中共荆门市委　　荆门市人民政府",
        "荆发〔2024〕2号",
        "中共荆门市委　荆门市人民政府关于2023年度生态环境保护工作情况的报告",
        "省委、省政府：",
        "现将有关情况报告如下。",
        "中共荆门市委　　　荆门市人民政府",
        "2024年1月22日",
    ])
    assert doc.meta.title == "中共荆门市委　荆门市人民政府关于2023年度生态环境保护工作情况的报告"
    assert doc.meta.doc_number == "荆发〔2024〕2号"
    assert doc.meta.date == "2024-01-22"
