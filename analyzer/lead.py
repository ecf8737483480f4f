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

_SUFFIX = (r"(?:委员会办公室|生态环境保护委员会|委员会|办公室|办公厅|人民政府|人民检察院|人民法院|中级人民法院|"
           r"党委|市委|县委|州委|区委|管委会|分局|支队|大队|中心|厅|局|委|办|院)")
#: An organ name: up to 24 characters of name ending in an organ suffix; no punctuation inside.
ORG = rf"[\u4e00-\u9fff]{{1,24}}?{_SUFFIX}"
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
_NOT_A_BODY = re.compile(r"^(?:各|有关|相关|其他|其它|本级|同级|上级|成员|配合|责任|各级|各地)")
_ITEM_START = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]|\d{1,3}\s|[①-⑳])")
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


def _split_bodies(group: str) -> list[str]:
    parts = (_LEADING_WORDS.sub("", x.strip()) for x in re.split(r"[、，,和及与]", group))
    return [p for p in parts if len(p) >= 2 and not _NOT_A_BODY.match(p) and re.search(_SUFFIX + "$", p)]


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


def _is_task_item(p: Paragraph) -> bool:
    text = p.text.strip()
    return p.role in ("body", "heading") and (bool(_ITEM_START.match(text)) or bool(_TABLE_ROW.match(text)))


class LeadDetector:
    """Fills ``doc.lead``: every lead body once, and task items with their leads."""

    def __call__(self, doc: Document) -> Document:
        issuer = doc.meta.issuer.split("\u3000")[0] if doc.meta.issuer else None
        result = LeadResult()
        departments: dict[str, None] = {}
        items: list[LeadItem] = []
        for p in doc.passages():
            leads = leads_in(p.text, issuer)
            for body in leads:
                departments.setdefault(body, None)
            text = p.text.strip()
            if text.startswith(("牵头单位", "牵头部门")) and items and not items[-1].leads:
                items[-1].leads = leads  # a trailing "牵头单位：…" line belongs to the item above
                continue
            if (_is_task_item(p) and p.role != "heading") or (leads and _ITEM_START.match(text)):
                items.append(LeadItem(text, p.page, leads))
        result.departments = list(departments)
        result.named = bool(result.departments)
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
