"""Lead bodies, first version: the patterns and the traps."""

from __future__ import annotations

import pytest

from analyzer.lead import leads_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（市生态环境局牵头，市水利和湖泊局、市农业农村局配合）", ["市生态环境局"]),
        ("牵头单位：市发改委；责任单位：各县市区人民政府", ["市发改委"]),
        ("由省林业局牵头负责自然保护地整合优化。", ["湖北省林业局"]),
        ("省生态环境厅（牵头）、省水利厅", ["湖北省生态环境厅"]),
        ("由省生态环境厅、省水利厅牵头", ["湖北省生态环境厅", "湖北省水利厅"]),
        ("各有关部门牵头抓好落实。", []),
        ("发挥牵头抓总作用。", []),
        ("由市住建局负责。", []),
        ("市生态环境局会同市公安局开展专项行动。", []),
        ("责任单位：市城管执法委、市农业农村局", []),
    ],
)
def test_lead_patterns_and_traps(text: str, expected: list[str]) -> None:
    assert leads_in(text) == expected


def test_lead_issuer_naming_itself() -> None:
    assert leads_in("我局作为湿地保护修复事项的牵头部门，召集成员单位会商3次。", "湖北省林业局") == ["湖北省林业局"]
