"""Lead departments (牵头部门), first version: pattern rules on the text.

A lead is a concrete body named as 牵头: 由X牵头, X牵头（负责）, 牵头单位/牵头部门：X,
X（牵头）, and "我局/我厅…牵头" (the issuer itself). Not a lead: bodies named
only as 配合/责任/参与 units, "各有关部门牵头", "牵头抓总" without a body,
"由X负责" without 牵头. Bodies are matched by the shape of an organ name
(…厅/局/委/办/委员会/人民政府…); the gazetteer maps known aliases to full
names (省生态环境厅 → 湖北省生态环境厅).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .datamodel import Document, Finding, LeadItem, LeadResult, Paragraph

GAZETTEER_PATH = Path(__file__).resolve().parents[1] / "corpora" / "gazetteer" / "bodies.json"

_SUFFIX = (r"(?:委员会办公室|生态环境保护委员会|委员会|办公室|办公厅|人民政府|人民检察院|人民法院|中级人民法院|党校|行政学院|领导小组|"
           r"党委|市委|县委|州委|区委|管委会|分局|支队|大队|中心|厅|局|委|办|院)")
#: An organ name: up to 24 characters of name ending in an organ suffix; no punctuation inside.
ORG = rf"[\u4e00-\u9fff]{{1,24}}?{_SUFFIX}(?=$|[^\u4e00-\u9fff]|牵头|配合|负责|和|及|与|会同|共同|等)"
ORG_LIST = rf"{ORG}(?:[、和及与]{ORG})*"
_SEP = r"(?:^|(?<=[（(，,；;：:。\s、]))"

LEAD_PATTERNS = [
    re.compile(rf"由({ORG_LIST})(?:共同)?牵头"),
    re.compile(rf"{_SEP}({ORG_LIST})(?:负责)?牵头(?!抓总)"),
    re.compile(rf"{_SEP}({ORG_LIST})牵头抓总"),
    re.compile(rf"牵头(?:单位|部门|处室)\s*[:：]\s*({ORG}(?:[、，,和]{ORG})*)"),
    re.compile(rf"({ORG})\s*[（(]\s*牵头\s*[）)]"),
]
_SELF = re.compile(r"我(?:局|厅|委|办|院|部)[^。；]{0,20}?(?:作为|是)?[^。；]{0,12}?牵头(?!抓总)")
_NOT_A_BODY = re.compile(r"^(?:各|有关|相关|其他|其它|本级|同级|上级|成员|配合|责任|各级|各地|我|本|该|此)")
#: Words that occur in sentences but not inside organ names: a candidate is cut after the last one
#: ("城市黑臭水体长效管理事项由我局" → "我局", then rejected as the issuer's self-reference).
_SENTENCE_WORDS = re.compile(r".*(?:的|由|交办|事项|负责|承担|要求|将|对|在|是|按|把|向|了|等|其|会同|配合|协调|推动|督促|明确)")
_TABLE_ROW = re.compile(r"^\s*\d{1,3}[\t\u3000 ]+\S")


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    if not GAZETTEER_PATH.exists():
        return {}
    data = json.loads(GAZETTEER_PATH.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for body in data["bodies"]:
        out[body["name"]] = body["name"]
        for alias in body.get("aliases", []):
            out.setdefault(alias, body["name"])
    return out


def normalize_body(name: str) -> str:
    """Full official name where the gazetteer knows the body; as written otherwise."""
    name = re.sub(r"\s+", "", name)
    return _aliases().get(name, name)


_LEADING_WORDS = re.compile(r"^(?:由|经|请|在|对|向|将|把|从|并|要|则|均|继续|主要|具体)+")


def _is_body(name: str) -> bool:
    return len(name) >= 2 and not _NOT_A_BODY.match(name) and re.search(_SUFFIX + "$", name) is not None


def _split_bodies(group: str) -> list[str]:
    """Bodies in a list such as "市生态环境局、市水利和湖泊局": split at 、，; split at 和/及/与 only
    when both sides are organ names (市住房和城乡建设局 is one body)."""
    bodies = []
    for part in re.split(r"[、，,]", group):
        part = _LEADING_WORDS.sub("", _SENTENCE_WORDS.sub("", part.strip()))
        pieces = re.split(r"[和及与]", part)
        if len(pieces) > 1 and all(_is_body(x) for x in pieces):
            bodies.extend(pieces)
        elif _is_body(part):
            bodies.append(part)
    return bodies


def leads_in(text: str, issuer: str | None = None) -> list[str]:
    """Lead bodies named in one passage, normalised, in order of appearance."""
    found: list[tuple[int, str]] = []
    for pattern in LEAD_PATTERNS:
        for m in pattern.finditer(text):
            for body in _split_bodies(m.group(1)):
                found.append((m.start(1) + max(m.group(1).find(body), 0), body))
    if issuer and _SELF.search(text):
        found.append((_SELF.search(text).start(), issuer))  # type: ignore[union-attr]
    seen: dict[str, None] = {}
    for _, body in sorted(found):
        seen.setdefault(normalize_body(body), None)
    return list(seen)


def _marker_level(p: Paragraph) -> int:
    """Depth of the numbering that opens this paragraph (一、=1, （一）=2, 1.=3 …); 0 if none."""
    return len(p.section) if p.section and p.text.strip().startswith(p.section[-1]) else 0


def _task_items(passages: list[Paragraph]) -> list[Paragraph]:
    """Numbered paragraphs below the top level with no sub-items of their own, and table rows.

    A group heading such as "（一）水环境治理" with items 1. 2. under it is not a task; its items are.
    """
    levels = [_marker_level(p) for p in passages]
    items = []
    for i, p in enumerate(passages):
        if _TABLE_ROW.match(p.text) and "\t" in p.text or _TABLE_ROW.match(p.text) and "牵头" not in p.text[:6]:
            if not re.match(r"^\s*序号", p.text):
                items.append(p)
            continue
        level = levels[i]
        if level < 2 and not (level == 1 and p.role == "body"):
            continue
        following = next((lv for lv in levels[i + 1:] if lv), 0)
        if following <= level:
            items.append(p)
    return items


class LeadDetector:
    """Fills ``doc.lead``: every lead body once, and task items with their leads."""

    def __call__(self, doc: Document) -> Document:
        issuer = doc.meta.issuer.split("\u3000")[0] if doc.meta.issuer else None
        passages = doc.passages()
        leads_of = {id(p): leads_in(p.text, issuer) for p in passages}
        departments: dict[str, None] = {}
        for p in passages:
            for body in leads_of[id(p)]:
                departments.setdefault(body, None)
        item_ids = {id(p) for p in _task_items(passages)}
        items: list[LeadItem] = []
        for p in passages:
            text = p.text.strip()
            if text.startswith(("牵头单位", "牵头部门")) and items and not items[-1].leads:
                items[-1].leads = leads_of[id(p)]  # a trailing "牵头单位：…" line belongs to the item above
            elif id(p) in item_ids:
                items.append(LeadItem(text, p.page, leads_of[id(p)]))
        result = LeadResult(named=bool(departments), departments=list(departments))
        result.items = items if doc.doc_type == "policy_draft" else [i for i in items if i.leads]
        doc.lead = result
        return doc


def lead_flags(doc: Document) -> list[Finding]:
    """NO_LEAD_DEPARTMENT exactly when no lead is named in a draft or report; per-item warnings."""
    flags = []
    if not doc.lead.named and doc.doc_type in ("policy_draft", "annual_report"):
        what = "政策文件" if doc.doc_type == "policy_draft" else "年度报告"
        flags.append(Finding("NO_LEAD_DEPARTMENT", f"该{what}未明确任何牵头部门（实施意见第七条要求明确具体事项的牵头部门）。",
                             severity="error", article=7))
    if doc.doc_type == "policy_draft":
        for item in doc.lead.items:
            if not item.leads:
                page = f"第 {item.page} 页" if item.page else ""
                flags.append(Finding("ITEM_WITHOUT_LEAD", f"{page}任务未明确牵头部门：{item.text[:60]}",
                                     severity="warning", article=7))
    return flags


__all__ = ["LeadDetector", "lead_flags", "leads_in", "normalize_body"]
