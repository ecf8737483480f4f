"""Report duties of articles 11–12, as checks on annual reports.

Article 11: each 市州 (party committee and government) and the listed
provincial departments report to 省委、省政府 by the end of January on the
previous year; provincial departments also report on the items they lead,
抄报 their ministry and 抄送 the provincial committee office; reports are
published. Article 12: local departments report yearly to the same-level
party committee and government, 抄报 the superior department, 抄送 the
same-level committee office, and publish. Each check is pass / fail /
unknown with a Chinese message a clerk can forward.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .bodies import Gazetteer, normalize_body, place_of
from .datamodel import Document, Finding

CITY = "市州"
PROVINCIAL = "省直部门"
LOCAL = "地方部门"

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
#: How a report refers to itself ("本报告", "这份报告", "报告全文", "这份总结" …).
_SELF_REF = r"(本报告|本专题报告|此报告|该报告|这份报告|报告全文|报告同时|报告已|这份总结|本总结|本文件|此件)"
#: A sentence saying this report itself is made public ("本报告同时在黄石市人民政府网公开").
_DISCLOSE_SENTENCE = re.compile(rf"{_SELF_REF}[^。]{{0,80}}(公开|公布|发布|挂网|挂到|挂出|网站上|放到)"
                                r"|(公开|公布|发布)[^。]{0,10}(本报告|此报告|本专题报告)")
#: Ways reports describe the items a department leads without the word 牵头.
_LED_ITEMS = re.compile(r"牵头(负责)?的[^。]{0,12}事项|牵头事项|主抓|挑头|抓总|主责(单位|部门)?的?[^。]{0,8}事项|由我(厅|局|委)(负责|牵头)")
_COMMITTEE_OFFICE = re.compile(r"生态环境保护委员会办公室|环委会办公室|环委办")
_MINISTRY = re.compile(r"(部|国家[\u4e00-\u9fff]{1,10}局|总局|署|委员会|委)$")


@dataclass(frozen=True, slots=True)
class Submitter:
    name: str  # roster name: 武汉市 / 湖北省水利厅 / 秭归县自然资源和规划局
    category: str  # 市州 / 省直部门 / 地方部门


def submitter_of(doc: Document) -> Submitter | None:
    """Who sent the report, mapped to the roster's names and categories."""
    issuer = (doc.meta.issuer or "").replace("\u3000", " ")
    if not issuer:
        return None
    gaz = Gazetteer.load()
    first = issuer.split(" ")[0]
    for city in sorted(gaz.city_of_short.values(), key=len, reverse=True):
        short = next((s for s, full in gaz.city_of_short.items() if full == city), city)
        if re.match(rf"(中共)?({re.escape(city)}|{re.escape(short)}[市州]?)(委|人民政府|党委)", first):
            return Submitter(city, CITY)
    name = normalize_body(first, place_of(doc))
    if name.startswith("湖北省") or first.startswith("省"):
        return Submitter(name, PROVINCIAL)
    return Submitter(name, LOCAL)


def reported_year(doc: Document, default: int | None = None) -> int | None:
    """The year a report covers: "2023年度" in the title, else in the opening text, else ``default``."""
    for text in (doc.meta.title or "", *(p.text for p in doc.passages()[:3])):
        m = _YEAR.search(text)
        if m:
            return int(m.group(1))
    return default


def check_deadline(doc: Document, year: int | None) -> Finding:
    if doc.meta.date is None:
        return Finding("REPORT_DEADLINE", "未识别到成文日期，无法判断是否按时报送。", status="unknown")
    if year is None:
        return Finding("REPORT_DEADLINE", "未识别到报告年度（可用 --year 指定），无法判断是否按时报送。", status="unknown")
    deadline = dt.date(year + 1, 1, 31)
    date = dt.date.fromisoformat(doc.meta.date)
    if date <= deadline:
        return Finding("REPORT_DEADLINE", f"成文日期 {date:%Y年%m月%d日}，在 {deadline:%Y年%m月%d日} 截止日期之前。", status="pass")
    return Finding("REPORT_DEADLINE", f"成文日期 {date:%Y年%m月%d日}，晚于 {deadline:%Y年%m月%d日} 的报送截止日期"
                   f"（逾期 {(date - deadline).days} 天）。", status="fail")


def check_addressee(doc: Document, who: Submitter | None) -> Finding:
    recipients = [r.replace(" ", "") for r in doc.meta.recipients]
    if not recipients:
        return Finding("REPORT_ADDRESSEE", "未识别到主送机关，无法判断报送对象。", status="unknown")
    shown = "、".join(recipients)
    if who is None or who.category in (CITY, PROVINCIAL):
        ok = any(re.search(r"(^|湖北)省委$|中共湖北省委", r) for r in recipients) and any(
            re.search(r"^省(人民)?政府$|湖北省人民政府", r) for r in recipients)
        want = "省委、省政府"
    else:
        ok = any(re.search(r"委(员会)?$", r) and not r.endswith("环委会") for r in recipients) and any(
            r.endswith("政府") for r in recipients) and not any(r.startswith("省") for r in recipients)
        place = place_of(doc)
        gaz = Gazetteer.load()
        if ok and place in gaz.parent_city and place.endswith(("县", "区")):  # a county writing to the city's 市委 is one level up
            city, short = gaz.parent_city[place], gaz.parent_city[place].rstrip("市")
            ok = not any(r.startswith(("市委", "市政府", "市人民政府", city, short, "中共" + short)) for r in recipients)
        want = "同级党委和政府"
    if ok:
        return Finding("REPORT_ADDRESSEE", f"主送 {shown}，符合向{want}报告的要求。", status="pass")
    return Finding("REPORT_ADDRESSEE", f"主送 {shown}；按实施意见应向{want}报告。", status="fail")


def check_disclosure(doc: Document) -> Finding:
    note = doc.meta.disclosure or ""
    if note and re.search(r"不予公开|不公开", note):
        return Finding("REPORT_DISCLOSURE", f"附注为“{note}”；专题报告应依法依规向社会公开。", status="fail")
    if note and "公开" in note or note.startswith("此件"):
        return Finding("REPORT_DISCLOSURE", f"已注明公开方式：{note}。", status="pass")
    if any(_DISCLOSE_SENTENCE.search(p.text) for p in doc.passages()):
        return Finding("REPORT_DISCLOSURE", "正文说明了报告在门户网站公开。", status="pass")
    return Finding("REPORT_DISCLOSURE", "未注明公开方式，也未说明在门户网站公开。", status="fail")


def check_cc(doc: Document, who: Submitter | None) -> Finding:
    if who is not None and who.category == CITY:
        return Finding("REPORT_CC", "市州报告无抄报、抄送要求。", status="pass")
    cc = [c.replace(" ", "") for c in doc.meta.cc]
    # Copies stated in the body count as well as the 版记's 抄送/抄报 lines.
    stated = [p.text for p in doc.passages()
              if re.search(_SELF_REF, p.text) and re.search(r"抄报|抄送|报送|同时报|送", p.text)]
    office = any(_COMMITTEE_OFFICE.search(c) for c in cc) or any(
        re.search(r"(抄送|送)[^。；]{0,20}(生态环境保护委员会办公室|环委会办公室|环委办)", t) for t in stated)
    if who is not None and who.category == PROVINCIAL:
        superior = any(_MINISTRY.search(c) and not c.startswith(("省", "湖北")) for c in cc) or any(
            re.search(r"抄报[^。；]{0,6}(国家|[\u4e00-\u9fff]{1,8}部|主管部委)", t) for t in stated)
        want = "抄报上级主管部委、抄送省生态环境保护委员会办公室"
    else:
        superior = any(re.match(r"^(省|湖北省|[\u4e00-\u9fff]{2,6}市)", c) and not _COMMITTEE_OFFICE.search(c) for c in cc) or any(
            re.search(r"(抄报|报送|同时报|同时抄报)[^。；]{0,4}(省|市|上级|[\u4e00-\u9fff]{2,6}市)", t) for t in stated)
        want = "抄报上级主管部门、抄送同级生态环境保护委员会办公室"
    if who is None:
        return Finding("REPORT_CC", "未能识别报送单位，无法判断抄送要求。", status="unknown")
    missing = [w for w, ok in (("上级主管部门", superior), ("生态环境保护委员会办公室", office)) if not ok]
    if not missing:
        return Finding("REPORT_CC", f"已按要求{want}。", status="pass")
    shown = "、".join(cc) if cc else "无"
    return Finding("REPORT_CC", f"抄送/抄报：{shown}；缺少{('和'.join(missing))}（应{want}）。", status="fail")


def check_content(doc: Document, who: Submitter | None) -> Finding:
    covered = {a.article for a in doc.articles if a.covered}
    duty = covered - {11, 12}
    if who is not None and who.category == PROVINCIAL:
        leads = doc.lead.named or any(_LED_ITEMS.search(p.text) for p in doc.passages())
        if duty and leads:
            return Finding("REPORT_CONTENT", "报告了职责履行情况和牵头负责的具体事项落实情况。", status="pass")
        missing = "、".join(x for x, ok in (("职责履行情况", duty), ("牵头负责的具体事项落实情况", leads)) if not ok)
        return Finding("REPORT_CONTENT", f"未报告{missing}。", status="fail")
    if duty:
        return Finding("REPORT_CONTENT", f"报告了生态环境保护工作（覆盖第{'、'.join(map(str, sorted(duty)))}条）。", status="pass")
    return Finding("REPORT_CONTENT", "未见实质性的生态环境保护工作或职责履行内容。", status="fail")


def report_checks(doc: Document, year: int | None = None) -> list[Finding]:
    """The five duty checks, for annual reports only (other documents get none)."""
    if doc.doc_type != "annual_report":
        return []
    who = submitter_of(doc)
    covered_year = reported_year(doc, year)
    return [check_deadline(doc, covered_year), check_addressee(doc, who), check_disclosure(doc),
            check_cc(doc, who), check_content(doc, who)]
