"""Page artefacts, running headers and layout line joining."""

from __future__ import annotations

import pytest

from analyzer.datamodel import Line, Page
from analyzer.normalize import is_page_number, join_lines, strip_artefacts


@pytest.mark.parametrize("text", ["— 3 —", "-3-", "- 12 -", "第3页 共9页", "第 3 页", "3/9", "一 3 一", "—3—"])
def test_normalize_page_numbers_recognised(text: str) -> None:
    assert is_page_number(text, at_edge=False)


@pytest.mark.parametrize("text", ["一、总体要求", "2024年", "3.加强监管", "第三条", "共同缔造"])
def test_normalize_text_is_not_a_page_number(text: str) -> None:
    assert not is_page_number(text, at_edge=True)


def test_normalize_bare_number_only_at_page_edge() -> None:
    assert is_page_number("7", at_edge=True)
    assert not is_page_number("7", at_edge=False)


CW = 16.0  # character width in points (三号字)
LEFT = 80.0


def _line(text: str, top: float, indent: int = 0, size: float = 16.0) -> Line:
    x0 = LEFT + indent * CW
    return Line(text, x0, x0 + len(text) * CW, top, top + size, size)


def _page(number: int, lines: list[Line]) -> Page:
    return Page(number, lines, 595, 842)


def test_normalize_joins_layout_breaks_and_keeps_headings() -> None:
    full = "一" * 26
    lines = [
        _line("二〇二三年我局认真落实生态环境保护责任制，" + "一" * 5, 100, indent=2),  # 28 chars incl. indent
        _line(full + "二二", 130),  # continuation, starts at the margin
        _line("完成。", 160),  # short end of the paragraph
        _line("一、主要做法", 190, indent=2),  # heading: indented, short
        _line("（一）强化组织领导。" + "一" * 16, 220, indent=2),
        _line("三" * 10 + "。", 250),
    ]
    paragraphs = join_lines([_page(1, lines)], [lines])
    texts = [p.text for p in paragraphs]
    assert len(texts) == 3
    assert texts[0].endswith("完成。") and full in texts[0]
    assert texts[1] == "一、主要做法"
    assert texts[2].startswith("（一）强化组织领导。") and texts[2].endswith("。")


def test_normalize_joins_across_page_break_and_keeps_first_page() -> None:
    p1 = [_line("为深入贯彻落实有关精神，" + "一" * 14, 100, indent=2), _line("二" * 28, 130)]
    p2 = [_line("三" * 5 + "。", 100), _line("四、下一步工作", 130, indent=2)]
    paragraphs = join_lines([_page(1, p1), _page(2, p2)], [p1, p2])
    assert paragraphs[0].page == 1 and paragraphs[0].text.endswith("三三三三三。")
    assert paragraphs[1].page == 2


def test_normalize_does_not_join_lines_of_different_size() -> None:
    title = _line("湖北省林业局关于" + "年" * 17, 100, size=22.0)
    title.x1 = LEFT + 28 * CW
    body = _line("省委、省政府：", 140)
    paragraphs = join_lines([_page(1, [title, body])], [[title, body]])
    assert len(paragraphs) == 2


def test_normalize_running_header_dropped_but_head_at_other_height_kept() -> None:
    bodies = ["总体要求", "主要任务", "保障措施", "工作要求"]
    pages = []
    for n in range(1, 5):
        lines = [Line("湖北省生态环境厅", 400, 500, 40, 50)]
        if n == 1:
            lines.append(Line("湖北省生态环境厅", 200, 400, 120, 150))  # the red head, lower and larger
        lines += [Line(bodies[n - 1], 80, 500, 200, 216), Line(f"— {n} —", 280, 320, 780, 790)]
        pages.append(Page(n, lines, 595, 842))
    cleaned = strip_artefacts(pages)
    texts = [[ln.text for ln in lines] for lines in cleaned]
    assert texts[0] == ["湖北省生态环境厅", "总体要求"]
    assert cleaned[0][0].top == 120
    assert texts[1:] == [[b] for b in bodies[1:]]


def test_normalize_hard_wrapped_text_without_geometry() -> None:
    width = 20
    lines = [Line("　　" + "甲" * (width - 2)), Line("乙" * width), Line("丙丙。"), Line("　　二、下一步")]
    page = Page(1, lines, wrapped=True)
    paragraphs = join_lines([page], [lines])
    assert [p.text for p in paragraphs] == ["甲" * 18 + "乙" * 20 + "丙丙。", "二、下一步"]


def test_normalize_first_lines_running_past_the_margin_do_not_move_it() -> None:
    """Indented first lines that overflow the right edge (half-width characters, hanging punctuation) are as wide
    as full lines. On a page of short items they outnumber the continuation lines and must not pull that page's
    margin to the indent, or its continuation lines would not join."""
    p1 = [_line("为深入贯彻落实有关精神，" + "一" * 14, 100, indent=2)] + [_line("二" * 28, 130 + 30 * k) for k in range(8)]
    p1.append(_line("完。", 400))
    p2, top = [], 100.0
    for k in range(6):
        p2.append(Line(f"（{k}）推进工作。" + "甲" * 21, LEFT + 2 * CW, LEFT + 28 * CW + 10, top, top + 16, 16.0))
        if k % 3 == 0:
            p2.append(_line("乙" * 28, top + 30))
            top += 30
        p2.append(_line("丙" * 6 + "。", top + 30))
        top += 60
    paragraphs = join_lines([_page(1, p1), _page(2, p2)], [p1, p2])
    assert len(paragraphs) == 7
    assert all(p.text.endswith("丙丙丙丙丙丙。") for p in paragraphs[1:])
