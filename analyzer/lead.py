"""Lead departments (牵头部门) and task items: the detector, task tables and full names per document.

The rule (article 7 of the policy): a lead is a concrete body named as 牵头 —
由X牵头, X牵头（负责）, 牵头单位/牵头部门：X, X（牵头）, X为牵头单位, the first
body in a 牵头单位 column of a task table, and "我局…牵头" (the issuer itself).
Not a lead: bodies named only as 配合/责任/参与 units; "各有关部门牵头" and
other plurals; "牵头抓总" without a body; "由X负责" or "X会同Y" without 牵头 —
those concrete bodies are reported as responsible, separately. Multiple leads
per item are kept. Bodies are normalised to full official names
(:mod:`analyzer.bodies`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bodies import normalize_body, place_of
from .datamodel import Document, Finding, LeadItem, LeadResult, Paragraph
from .lead_patterns import ALIAS_NOTE, ORG_ANY, leads_in, ordered, responsible_in, split_bodies
from .task_items import (
    TABLE_ROW,
    TASK_LABEL,
    Sections,
    is_task_item,
    is_trailing_line,
    marker_level,
    unnumbered_task_lines,
)

# ---------------------------------------------------------------------- task tables


@dataclass
class _Table:
    """Column positions of a task-division table read from its header row."""

    lead_col: int | None = None
    partner_cols: list[int] = field(default_factory=list)

    @classmethod
    def from_header(cls, cells: list[str]) -> _Table | None:
        names = [re.sub(r"\s+", "", c) for c in cells]
        if not any(re.search(r"任务|事项|内容|工作", c) for c in names) or any(len(c) > 14 for c in names):
            return None  # header cells are short labels; a task row that mentions 工作 and 责任 is no header
        lead = next((i for i, c in enumerate(names) if "牵头" in c), None)
        partners = [i for i, c in enumerate(names) if i != lead and re.search(r"责任|配合|协办|参与", c)]
        if lead is None and not partners:
            return None
        return cls(lead, partners)


def _cells(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"\t|\u3000{2,}| {3,}", text.strip())]


class LeadDetector:
    """Fills ``doc.lead``: every lead body once under its full name, and the task items with their leads.

    Walks the passages once: task-table rows (read by their header), trailing "牵头单位：…" lines (they complete
    the item above), "整改措施：" lines, and every other paragraph through :func:`analyzer.task_items.is_task_item`.
    """

    def __call__(self, doc: Document) -> Document:
        issuer = doc.meta.issuer.split("\u3000")[0] if doc.meta.issuer else None
        place = place_of(doc)
        passages = doc.passages()
        levels = [marker_level(p) for p in passages]
        task_lines = unnumbered_task_lines(passages, levels)
        sections = Sections()
        departments: dict[str, None] = {}
        items: list[LeadItem] = []
        table: _Table | None = None
        last_item_open = False  # a trailing 牵头单位 line may still complete the last item
        pending_heading: LeadItem | None = None
        for i, p in enumerate(passages):
            text = p.text.strip()
            sections.see(text, levels[i])
            cells = _cells(text)
            if len(cells) >= 3:
                header = _Table.from_header(cells)
                if header is not None:
                    table = header
                    continue
                if table is not None:
                    item = self._table_item(p, cells, table, place)
                    if item is not None:
                        items.append(item)
                        departments.update(dict.fromkeys(item.leads))
                        continue
            elif table is not None and "\t" in p.text and len([c for c in cells if c]) <= 2 and len(text) <= 40:
                continue  # a group row of the table ("（一）\t工业固体废物")
            elif "\t" not in p.text and not TABLE_ROW.match(text):
                table = None  # the table has ended; a row of a group heading ("一\t水环境治理") keeps it
            leads = leads_in(text, issuer, place)
            departments.update(dict.fromkeys(leads))
            if not levels[i] and items and last_item_open and is_trailing_line(text, bool(leads or responsible_in(text, place))):
                items[-1].leads = items[-1].leads or leads
                items[-1].responsible = _merge(items[-1].responsible, responsible_in(text, place, leads))
                continue
            if TASK_LABEL.match(text):
                if items and items[-1] is pending_heading:
                    items.pop()  # the numbered line above was the problem's heading, this is its task
                items.append(LeadItem(text, p.page, leads, responsible_in(text, place, leads)))
                last_item_open = True
                continue
            if is_task_item(passages, levels, i, leads, place, sections, i in task_lines):
                item = LeadItem(text, p.page, leads, responsible_in(text, place, leads))
                items.append(item)
                pending_heading = item
                last_item_open = True
            elif levels[i]:
                last_item_open = False
        longest = _longest_forms(doc, place)
        named = [*departments, *(b for it in items for b in (*it.leads, *it.responsible))]
        longest.update(_zone_forms(doc, named))
        longest.update(_own_divisions(issuer, named))
        for item in items:
            item.leads = list(dict.fromkeys(longest.get(b, b) for b in item.leads))
        departments = dict.fromkeys(longest.get(b, b) for b in departments)
        result = LeadResult(named=bool(departments), departments=list(departments))
        result.items = items if doc.doc_type == "policy_draft" else [it for it in items if it.leads]
        doc.lead = result
        return doc

    @staticmethod
    def _table_item(p: Paragraph, cells: list[str], table: _Table, place: str | None) -> LeadItem | None:
        if table.lead_col is not None and table.lead_col >= len(cells):
            return None
        if re.fullmatch(r"[一二三四五六七八九十]+、?|[（(][一二三四五六七八九十]+[）)]", cells[0]) and not any(
            cells[c].strip() for c in [table.lead_col, *table.partner_cols] if c is not None and c < len(cells)
        ):
            return None  # a group row of the table, not a task
        lead_cell = cells[table.lead_col] if table.lead_col is not None else ""
        # The 牵头单位 column, and "X（牵头）" marks inside any cell.
        leads = ordered([(0, b) for b in split_bodies(lead_cell)], place) or leads_in(p.text, None, place)
        partners = [b for col in table.partner_cols if col < len(cells) for b in split_bodies(cells[col])]
        return LeadItem(p.text.strip(), p.page, leads, ordered([(0, b) for b in partners], place, set(leads)))


def _is_abbreviation(short: str, long: str) -> bool:
    """大冶湖高新区管委会 ⊂ 大冶湖高新技术产业园区管委会: same start and organ ending, characters in order."""
    if len(short) >= len(long) or short[:2] != long[:2]:
        return False
    s_end, l_end = re.sub(r"管理委员会$", "管委会", short), re.sub(r"管理委员会$", "管委会", long)
    if s_end[-2:] != l_end[-2:] and not (short.endswith("管委会") and long.endswith("管理委员会")):
        return False
    chars = iter(long)
    return all(ch in chars for ch in short)


def _longest_forms(doc: Document, place: str | None) -> dict[str, str]:
    """Map a body written in short form to the fullest form the same document uses for it."""
    names = {normalize_body(b, place) for p in doc.paragraphs for m in ORG_ANY.finditer(p.text)
             for b in split_bodies(m.group(0))}
    out = {}
    for short in names:
        longer = [n for n in names if _is_abbreviation(short, n)]
        if len(longer) == 1:
            out[short] = longer[0]
    for p in doc.paragraphs:  # "X（以下简称Y）": the document defines its own short form
        for m in ALIAS_NOTE.finditer(p.text):
            before = list(ORG_ANY.finditer(p.text[: m.start()]))
            bodies = split_bodies(before[-1].group(0)) if before and before[-1].end() == m.start() else []
            if bodies:
                out[normalize_body(m.group(1), place)] = normalize_body(bodies[-1], place)
    return out


_ZONE_LONG = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:高新技术产业开发区|经济技术开发区|经济开发区)")
_ZONE_SHORT = {"高新技术产业开发区": ("高新区",), "经济技术开发区": ("经开区", "开发区"), "经济开发区": ("经开区", "开发区")}


def _zone_forms(doc: Document, bodies: list[str]) -> dict[str, str]:
    """"高新区发展改革局" in a document that names 襄阳高新技术产业开发区 → 襄阳高新技术产业开发区发展改革局."""
    zones = dict.fromkeys(m.group(0) for p in doc.paragraphs[:12] for m in _ZONE_LONG.finditer(p.text))
    out = {}
    issuer = _ZONE_LONG.search(doc.meta.issuer or "")
    if issuer:  # a zone's own document: "区规划建设局" is the zone's bureau
        out.update({b: issuer.group(0) + b[1:] for b in bodies if b.startswith("区") and len(b) > 3})
    for zone in zones:
        kind = next(k for k in _ZONE_SHORT if zone.endswith(k))
        stem = zone[: -len(kind)]
        shorts = [stem + s for s in _ZONE_SHORT[kind]] + list(_ZONE_SHORT[kind])
        for body in bodies:
            short = next((s for s in shorts if body.startswith(s) and len(body) > len(s) + 1), None)
            if short and sum(z.endswith(kind) for z in zones) == 1:
                out[body] = zone + body[len(short):]
    return out


def _own_divisions(issuer: str | None, bodies: list[str]) -> dict[str, str]:
    """"厅水运处" in a document of 湖北省交通运输厅 is that department's division: 湖北省交通运输厅水运处."""
    if not issuer:
        return {}
    own = issuer.split()[0]
    return {b: own + b[1:] for b in bodies if len(b) > 2 and b[0] in "厅局委" and own.endswith(b[0])
            and b.endswith(("处", "局", "室", "科", "站", "中心"))}


def _merge(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


def lead_flags(doc: Document) -> list[Finding]:
    """NO_LEAD_DEPARTMENT exactly when no lead is named in a draft or report; one warning per item without a lead."""
    flags = []
    if not doc.lead.named and doc.doc_type in ("policy_draft", "annual_report"):
        what = "政策文件" if doc.doc_type == "policy_draft" else "年度报告"
        flags.append(Finding("NO_LEAD_DEPARTMENT", f"该{what}未明确任何牵头部门（实施意见第七条要求明确具体事项的牵头部门）。",
                             severity="error", article=7))
    if doc.doc_type == "policy_draft":
        for item in doc.lead.items:
            if not item.leads:
                page = f"第 {item.page} 页：" if item.page else ""
                flags.append(Finding("ITEM_WITHOUT_LEAD", f"{page}任务未明确牵头部门——{item.text[:60]}",
                                     severity="warning", article=7))
    return flags


__all__ = ["LeadDetector", "lead_flags", "leads_in", "normalize_body", "responsible_in", "split_bodies"]
