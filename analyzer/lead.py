"""Lead departments (牵头部门) and task items.

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

_SUFFIX = (r"(?:委员会办公室|生态环境保护委员会|委员会|办公室|办公厅|人民政府|人民检察院|人民法院|中级人民法院|党校|行政学院|领导小组|"
           r"党委|市委|县委|州委|区委|管委会|管理委员会|政府|督查室|督察室|分局|支队|大队|中队|执法队|派出所|管理所|环卫所|"
           r"工作站|服务站|监测站|林业站|水利站|农技站|保护站|植保站|推广站|管理站|水文站|检测站|财政所|司法所|供电所|供电公司|有限公司|联合社|合作社|供销社|"
           r"中心|厅|局|委|办|院|部|处)")
#: An organ name: up to 24 characters ending in an organ suffix, then a boundary (not more name).
ORG = rf"[\u4e00-\u9fff]{{1,24}}?{_SUFFIX}(?=$|[^\u4e00-\u9fff]|牵头|配合|负责|和|及|与|会同|共同|等|为|作为|按|要|组织(?!部)|统筹|每|具体|联合|依|对|在|于|应|将)"
ORG_LIST = rf"{ORG}(?:[、和及与]{ORG})*"
_SEP = r"(?:^|(?<=[（(【\[）)】\]，,；;：:。\s、.．①-⑳]))"

LEAD_PATTERNS = [
    re.compile(rf"由({ORG_LIST})(?:共同|负责|联合|具体)?牵头"),
    # "梁子湖区、华容区政府牵头": places sharing one organ suffix
    re.compile(rf"{_SEP}((?:[\u4e00-\u9fff]{{2,8}}?(?:区|县)[、和])+{ORG})(?:负责|共同)?牵头(?!抓总)"),
    re.compile(rf"{_SEP}({ORG_LIST})(?:要|应|应当|将|继续)?(?:负责|共同|具体|联合)?牵头(?!抓总)"),
    re.compile(rf"{_SEP}({ORG_LIST})(?:每年|每季度|每月|年底前?|年初|统一|具体|负责)+牵头(?!抓总)"),
    re.compile(rf"{_SEP}({ORG_LIST})牵头抓总"),
    re.compile(rf"牵头(?:单位|部门|处室)\s*(?:[:：]|为|是|[】\]])\s*({ORG}(?:\s*[、，,和]\s*{ORG})*)"),
    re.compile(rf"({ORG})\s*[（(【\[]\s*牵头(?:单位|部门)?\s*[）)】\]]"),
    re.compile(rf"{_SEP}({ORG_LIST})(?:作为|为|是)(?:[^，。；]{{0,16}}?)牵头(?:单位|部门)"),
]
RESPONSIBLE_PATTERNS = [
    re.compile(rf"(?:责任|配合|协办|参与|主办)(?:单位|部门)\s*(?:[:：]|[】\]])\s*({ORG}(?:\s*[、，,和]\s*{ORG})*)"),
    re.compile(rf"由({ORG_LIST})(?:按职责)?(?:负责|承担|组织实施|具体实施)"),
    re.compile(rf"{_SEP}({ORG_LIST})(?:会同|配合|协助|负责)"),
    re.compile(rf"会同({ORG_LIST})"),
]
_SELF = re.compile(r"我(?:局|厅|委|办|院|部)[^。；]{0,20}?(?:作为|是)?[^。；]{0,12}?牵头(?!抓总)")
_NOT_A_BODY = re.compile(r"^(?:各|有关|相关|其他|其它|本级|同级|上级|成员|配合|责任|各级|各地|我|本|该|此|所在|属地)")
#: Words that occur in sentences but not inside organ names: a candidate is cut after the last one
#: ("城市黑臭水体长效管理事项由我局" → "我局", then rejected as the issuer's self-reference).
_SENTENCE_WORDS = re.compile(r".*(?:的|由|交办|事项|负责|承担|要求|将|对|在|是|按|把|向|了|等|其|会同|配合|协调|推动|督促|明确|并)")
_LEADING_WORDS = re.compile(r"^(?:由|经|请|在|对|向|将|把|从|并|要|则|均|继续|主要|具体)+")
_TABLE_ROW = re.compile(r"^\s*\d{1,3}[\t\u3000 ]+\S")


#: Heading phrases shaped like organ names: "强化考核督办", "加强组织领导小组…" start with a verb.
_VERB_START = re.compile(r"^(?:加强|强化|严格|推进|推动|完善|健全|落实|建立|加大|做好|开展|深化|压实|抓好|实施|坚持|注重|统筹|"
                         r"强化|提升|优化|规范|加快|确保|全面|持续|切实|积极|认真|扎实|成立|组建|设立)")
_VERB_OFFICE = re.compile(r"(?:督办|查办|承办|交办|举办|创办|兴办|开办|包办|督导部|全部|局部|内部|外部|干部)$")


def _is_body(name: str) -> bool:
    if len(name) < 2 or _NOT_A_BODY.match(name) or _VERB_START.match(name) or _VERB_OFFICE.search(name) or re.search(_SUFFIX + "$", name) is None:
        return False
    if re.search(r"[（）()]", name):  # a fragment of "各县（市、区）人民政府" split at its inner 、
        return False
    if name.endswith("政府") and not re.search(r"(?:人民|[区县市州省镇乡])政府$", name):
        return False  # "建立政府" is a verb phrase, "华容区政府" a body
    return not (name.endswith("部") and len(name) < 4)  # 宣传部 needs its owner: 市委宣传部; 全部 is no body


_ORG_ANY = re.compile(ORG)


def names_a_body(text: str) -> bool:
    """Whether the passage names any concrete body (as lead, responsible or subject): an organ-shaped
    name, or a body of the gazetteer as the domain segmenter cuts it ("县财政局要统筹…")."""
    text = _PLURAL_BRACKET.sub("", text)
    if any(split_bodies(m.group(0)) for m in _ORG_ANY.finditer(text)):
        return True
    from .segment import body_words, get_segmenter

    words = body_words()
    return any(tok in words and not _NOT_A_BODY.match(tok) for tok in get_segmenter().cut(text))


def split_bodies(group: str) -> list[str]:
    """Bodies in a list such as "市生态环境局、市水利和湖泊局": split at 、，; split at 和/及/与
    only when both sides are organ names (市住房和城乡建设局 is one body)."""
    if re.match(r"^(?:由)?各", group.strip()):
        return []  # "各新城区、开发区人民政府": 各 makes the whole list plural
    bodies: list[str] = []
    places: list[str] = []  # "梁子湖区、华容区政府": places waiting for the shared suffix
    for part in re.split(r"[、，,;；/]", group):
        part = _LEADING_WORDS.sub("", _SENTENCE_WORDS.sub("", part.strip(" \u3000（）()")))
        pieces = re.split(r"[和及与]", part)
        if len(pieces) > 1 and all(_is_body(x) for x in pieces):
            bodies.extend(pieces)
        elif _is_body(part):
            m = re.match(r"^[\u4e00-\u9fff]{1,8}?(?:区|县|市|州)", part)
            if places and m:
                bodies.extend(p + part[m.end():] for p in places)  # the suffix is shared
            bodies.append(part)
            places = []
        elif re.fullmatch(r"[\u4e00-\u9fff]{1,8}(?:区|县|市)", part):
            places.append(part)
    return bodies


#: The clause before a match: "各新城区、" or "各市、州、" there makes the whole list plural.
_PLURAL_LEAD_IN = re.compile(r"(?:^|[，,；;：:。（(\s])(?:由)?各[^，,；;：:。（(\s]*、$")


def _find(patterns: list[re.Pattern[str]], text: str) -> list[tuple[int, str]]:
    found = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            if _PLURAL_LEAD_IN.search(text[max(0, m.start(1) - 30): m.start(1)]):
                continue
            for body in split_bodies(m.group(1)):
                found.append((m.start(1) + max(m.group(1).find(body), 0), body))
    return found


def _ordered(found: list[tuple[int, str]], place: str | None, exclude: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    seen: dict[str, None] = {}
    for _, body in sorted(found):
        name = normalize_body(body, place)
        if name not in exclude:
            seen.setdefault(name, None)
    return list(seen)


#: "各县（市、区）人民政府": the bracket would leave "人民政府" looking like a concrete body after "）".
_PLURAL_BRACKET = re.compile(r"[（(][市县区州镇乡街道、，,\s]{1,10}[）)]")


#: "开发区安全生产和生态环境局（以下简称安环局）牵头": the note must not stand between a body and 牵头.
_ALIAS_NOTE = re.compile(r"[（(]以下简称[“\"]?([\u4e00-\u9fff]{2,12})[”\"]?[）)]")


def leads_in(text: str, issuer: str | None = None, place: str | None = None) -> list[str]:
    """Lead bodies named in one passage, normalised, in order of appearance."""
    text = _ALIAS_NOTE.sub("", _PLURAL_BRACKET.sub("", text))
    found = _find(LEAD_PATTERNS, text)
    self_ref = _SELF.search(text)
    if issuer and self_ref:
        found.append((self_ref.start(), issuer))
    return _ordered(found, place)


def responsible_in(text: str, place: str | None = None, leads: list[str] | None = None) -> list[str]:
    """Concrete bodies named as responsible or partner units (not leads)."""
    text = _ALIAS_NOTE.sub("", _PLURAL_BRACKET.sub("", text))
    return _ordered(_find(RESPONSIBLE_PATTERNS, text), place, set(leads or []))


# ---------------------------------------------------------------------- task tables


@dataclass
class _Table:
    """Column positions of a task-division table read from its header row."""

    lead_col: int | None = None
    partner_cols: list[int] = field(default_factory=list)

    @classmethod
    def from_header(cls, cells: list[str]) -> _Table | None:
        names = [re.sub(r"\s+", "", c) for c in cells]
        if not any(re.search(r"任务|事项|内容|工作", c) for c in names):
            return None
        lead = next((i for i, c in enumerate(names) if "牵头" in c), None)
        partners = [i for i, c in enumerate(names) if i != lead and re.search(r"责任|配合|协办|参与", c)]
        if lead is None and not partners:
            return None
        return cls(lead, partners)


def _cells(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"\t|\u3000{2,}| {3,}", text.strip())]


# ---------------------------------------------------------------------- items


def _marker_level(p: Paragraph) -> int:
    """Depth of the numbering that opens this paragraph (一、=1, （一）=2, 1.=3 …); 0 if none."""
    return len(p.section) if p.section and p.text.strip().startswith(p.section[-1]) else 0


def _bare(text: str) -> str:
    """The text after its numbering marker."""
    return re.sub(r"^\s*(?:第[一二三四五六七八九十]+(?:部分|章)|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|"
                  r"[【〔][一二三四五六七八九十]+[】〕]|[一二三四五六七八九十]+是|\d{1,2}(?:[.．]\d{1,2})?[.．、]?|[①-⑳])[\s\u3000]*", "",
                  text.strip())


def _is_item_candidate(passages: list[Paragraph], levels: list[int], i: int) -> bool:
    """Numbered paragraphs below the top level without sub-items of their own.

    A group heading such as "（一）水环境治理" with items 1. 2. under it is not a task; its items are.
    """
    level = levels[i]
    if level == 0:
        return False
    if level == 1 and passages[i].role == "heading" and len(_bare(passages[i].text)) <= 15:
        return False  # "一、总体要求"; a flat list's "七、推进…（省交通运输厅牵头）" is a task
    following = 0
    for j in range(i + 1, len(levels)):
        if levels[j]:
            following = levels[j]
            break
        if _is_section_break(passages[j].text.strip()) and len(passages[j].text.strip()) <= 12:
            break  # "保障措施" unnumbered: what follows is another block, not this paragraph's children
    return following <= level


#: Top-level sections whose numbered paragraphs are tasks only when they name a unit (保障措施 and the like).
_SUPPORT_SECTION = re.compile(r"保障|工作要求|组织实施|组织领导|实施要求|有关要求|工作机制")
#: Leadership arrangements and exhortation, not a task: "成立领导小组", "主要负责同志牵头抓总", "各地要高度重视".
_LEADERSHIP = re.compile(r"牵头抓总|负总责|成立[^。；]{0,30}(?:领导小组|工作专班|指挥部)|主要负责同志|主要领导|亲自部署|亲自抓|"
                         r"统一领导|高度重视|一把手|营造[^。；]{0,20}氛围|形成[^。；]{0,6}合力|协作配合|扛起|扛牢|主体责任|政治站位|"
                         r"议事日程|一级抓一级|层层抓落实|压实责任|密切配合")
#: The strongest of those also outside 保障措施: "八、压实属地责任。各乡镇…要牵头抓总，主要负责同志亲自部署".
_LEADERSHIP_ONLY = re.compile(r"牵头抓总|负总责|亲自部署|亲自抓")
_LEADERSHIP_HEADING = re.compile(r"^[（(]?[一二三四五六七八九十\d]*[）)、.．]?\s*[^。；，]{0,8}(?:责任|领导|组织)[^。；，]{0,4}。")
#: A plural unit as the actor of a clause: "各乡镇每日下午5时前报送…", "各县（市、区）要…".
_PLURAL_ACTOR = re.compile(r"(?:^|[。；;，,：:\s）)]|由)\s*各(?:乡镇|镇|乡|街道|村|县|市|区|管理区|开发区)"
                           r"[^。；;，,]{0,24}?"
                           r"(?:要|应|须|必须|每|负责|牵头|按|定期|于|在|将|做好|落实|加强|报送|开展)")


#: Plural departments as actors ("各有关部门牵头建立…", "各执法单位…依法查处") give a task only with a concrete job.
_PLURAL_DEPARTMENTS = re.compile(r"各(?:有关|相关|成员|责任|执法|牵头|配合)?(?:部门|单位)")
_CONCRETE_JOB = re.compile(r"查处|移送|报送|建立|更新|汇总|开展|完成|清理|排查|整改|监测|每半年|每季度|每月|年底前|月底前")


def _assigns_to_unit(text: str, leads: list[str]) -> bool:
    """In 保障措施-like sections a numbered paragraph is a task when it gives a unit, named or plural, something to do."""
    if leads:
        return True
    if _LEADERSHIP.search(text):
        return False
    return names_a_body(text) or bool(_PLURAL_ACTOR.search(_PLURAL_BRACKET.sub("", text))) or bool(
        _PLURAL_DEPARTMENTS.search(text) and _CONCRETE_JOB.search(text))


#: Sections that lay out phases or a timetable: their numbered paragraphs are not tasks.
_PHASE_SECTION = re.compile(r"步骤|阶段|时间安排|进度安排|实施进度")
#: Sentences about the document itself or its machinery, not a task: "本方案由…牵头组织实施", "专班办公室设在…".
_NOT_A_TASK = re.compile(r"^[（(]?[一二三四五六七八九十\d]*[）)]?\s*(?:本方案|本计划|本清单|本办法|本规则|本通知|本意见)|(?:办公室|专班|领导小组)设在|负责解释|自印发之日起|制定本(?:规则|办法|细则|规定|制度|方案|措施)")
_CLAUSE = re.compile(r"^第[一二三四五六七八九十百]+条")
#: The purpose clause of rules: "第一条　为…，制定本办法。"
_PURPOSE = re.compile(r"制定本(?:规则|办法|细则|规定|制度|方案|措施|意见|计划)。?$")
#: Verbs by which a clause hands a named body a duty: "省卫生健康委负责…", "…由省生态环境厅召集".
_CLAUSE_DUTY = re.compile(r"应当|负责|须|必须|召集|协调|组织|牵头|每年|每季度|每月|每半年|给予|纳入|开展|建立|制定|实施|落实|督促|"
                          r"指导|查处|报送|公布|核实|审核|监督|检查")
#: Sections of targets and principles: their numbered paragraphs ("1.1 到2025年…") are not tasks.
_GOAL_SECTION = re.compile(r"^(?:(?:工作|主要|总体|发展|年度)?目标(?:任务)?|总体要求|指导思想|基本原则|工作原则)[。：:]?$")
#: Actors named by kind rather than by name: "乡镇人民政府（街道办事处）负责…", "运维单位应当…".
_GENERIC_ACTOR = re.compile(r"(?:乡镇人民政府|街道办事处|村（居）民委员会|[\u4e00-\u9fff]{0,6}(?:单位|企业|经营者|业主|管理人|主管部门|管理部门))"
                            r"[^。；]{0,12}?(?:应当|负责|须|必须|要)")
#: A short unlabelled line that only says who does the item above: "由市水利和湖泊局具体牵头，…配合", "县农业农村局为牵头单位，…".
_ASSIGNMENT_LINE = re.compile(r"^由|为牵头单位|牵头[，,；;。]|牵头$|配合[。；]?$|负责[。；]?$|组织实施[。；]?$")
def _only_assignment(text: str) -> bool:
    """A line whose every clause only says who acts ("由X具体牵头，Y配合，沿线县政府组织实施。"), no task of its own."""
    clauses = [c for c in re.split(r"[，,；;。]", text) if c.strip()]
    return len(text) <= 80 and all(re.search(r"牵头|配合|负责|实施|参与|协助|协办|落实", c) for c in clauses)


#: A line that starts with the unit labels (after an optional bracket or a "整改时限：…；" label).
_TRAILING_START = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}[:：][^。]{0,30}?[；;\s\u3000]\s*)?[【\[（(]?\s*"
                             r"(?:牵头单位|牵头部门|责任单位|责任部门|配合单位)\s*[:：】\]]")
#: Not tasks even in a task list: notes on the list, signatures, cover sentences.
_NOT_A_LINE_TASK = re.compile(r"^(?:以上|上述|本表|注[:：]|备注)|印发给你们|现将|如下[:：]?$|"
                              r"^[^。，；]{4,40}(?:办公室|人民政府|委员会|厅|局)(?:[（(][^）)]*[）)])?$")
_DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
_TRAILING = re.compile(r"(?:牵头单位|牵头部门|责任单位|责任部门|配合单位)\s*[:：】\]]")
#: Unnumbered paragraphs that state the task of the numbered problem or heading above them.
_TASK_LABEL = re.compile(r"^(?:整改措施|工作措施|主要任务|任务内容|具体措施|重点任务|工作任务)\s*[:：]")


class LeadDetector:
    """Fills ``doc.lead``: every lead body once under its full name, and the task items with their leads."""

    def __call__(self, doc: Document) -> Document:
        issuer = doc.meta.issuer.split("\u3000")[0] if doc.meta.issuer else None
        place = place_of(doc)
        passages = doc.passages()
        levels = [_marker_level(p) for p in passages]
        departments: dict[str, None] = {}
        items: list[LeadItem] = []
        table: _Table | None = None
        support_section = phase_section = goal_section = False
        last_item_open = False  # a trailing 牵头单位 line may still complete the last item
        pending_heading: LeadItem | None = None
        task_lines = _unnumbered_task_lines(passages, levels)
        for i, p in enumerate(passages):
            text = p.text.strip()
            if levels[i] == 1 or (not levels[i] and len(text) <= 12 and _is_section_break(text)):
                support_section = bool(_SUPPORT_SECTION.search(text[:20]))
                phase_section = bool(_PHASE_SECTION.search(text[:20]))
                goal_section = bool(_GOAL_SECTION.match(_bare(text)))
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
            elif "\t" not in p.text and not _TABLE_ROW.match(text):
                table = None  # the table has ended; a row of a group heading ("一\t水环境治理") keeps it
            leads = leads_in(text, issuer, place)
            departments.update(dict.fromkeys(leads))
            if levels[i] == 0 and items and last_item_open and not _TASK_LABEL.match(text) and (
                (len(text) <= 160 and _TRAILING_START.match(text)) or (_only_assignment(text) and _ASSIGNMENT_LINE.search(text)
                                                                        and (leads or responsible_in(text, place)))):
                # A trailing "牵头单位：…；责任单位：…" line completes the item above.
                items[-1].leads = items[-1].leads or leads
                items[-1].responsible = _merge(items[-1].responsible, responsible_in(text, place, leads))
                continue
            if _TASK_LABEL.match(text):
                if items and items[-1] is pending_heading:
                    items.pop()  # the numbered line above was the problem's heading, this is its task
                items.append(LeadItem(text, p.page, leads, responsible_in(text, place, leads)))
                last_item_open = True
                continue
            text_row = _TABLE_ROW.match(text) and "\t" not in text and not levels[i]
            candidate = (_is_item_candidate(passages, levels, i) or text_row
                         or (i in task_lines and not _only_assignment(text)))
            clause = bool(_CLAUSE.match(text))  # 第X条 of rules: a task only where it assigns one to a unit
            if clause:
                candidate = bool(leads) or bool(responsible_in(text, place)) or bool(_PLURAL_ACTOR.search(text)) or bool(
                    _GENERIC_ACTOR.search(text)) or bool(names_a_body(text) and _CLAUSE_DUTY.search(text))
                candidate = candidate and (bool(leads) or not _LEADERSHIP_ONLY.search(text))
            if candidate and not leads and goal_section:
                candidate = False
            if candidate and not leads and ((_LEADERSHIP_ONLY.search(text) and _LEADERSHIP_HEADING.match(text)) or (
                    _LEADERSHIP.search(text) and re.match(r"各(?:地|级|有关|部门|单位|责任单位|牵头单位)", _bare(text)))):
                candidate = False  # exhortation: "各地各部门要高度重视…", "一是各责任单位要压实责任…"
            if candidate and (_NOT_A_TASK.search(text[:40]) or _PURPOSE.search(text)):
                candidate = False
            if candidate and re.search(r"阶段\s*[（(]", text[:24]) and not (leads or names_a_body(text)):
                candidate = False  # "（一）排查摸底阶段（3月—4月）": a phase of the timetable, not a task
            # In 保障措施 and timetable sections a numbered paragraph is a task only when it names a unit.
            if candidate and (not (support_section or phase_section) or _assigns_to_unit(text, leads)):
                item = LeadItem(text, p.page, leads, responsible_in(text, place, leads))
                items.append(item)
                pending_heading = item
                last_item_open = True
            elif levels[i]:
                last_item_open = False
        longest = _longest_forms(doc, place)
        longest.update(_own_divisions(issuer, [*departments, *(b for it in items for b in (*it.leads, *it.responsible))]))
        longest.update(_zone_forms(doc, [*departments, *(b for it in items for b in (*it.leads, *it.responsible))]))
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
        leads = _ordered([(0, b) for b in split_bodies(lead_cell)], place) or leads_in(p.text, None, place)
        partners = [b for col in table.partner_cols if col < len(cells) for b in split_bodies(cells[col])]
        return LeadItem(p.text.strip(), p.page, leads, _ordered([(0, b) for b in partners], place, set(leads)))


#: Verbs that open a task ("推进…", "加强…", "开展…").
_TASK_VERB = re.compile(r"(?:推进|加强|开展|实施|建立|完善|严格|落实|推动|强化|组织|加快|全面|深化|持续|健全|规范|提升|做好|抓好|"
                        r"督促|编制|制定|完成|实行|探索|构建|打击|整治|清理|排查|建设|推广|引导|鼓励|支持|依法|确保|开发|发展)")
#: Headings of a list of tasks: "任务清单", "二、重点任务", "主要措施".
_TASK_HEADING = re.compile(r"任务清单|重点任务|主要任务|工作任务|具体任务|任务分工|重点工作|工作措施|主要措施|(?:治理|整治|修复)任务")


_LIST_INTRO = re.compile(r"如下[:：]?\s*$|[:：]\s*$|见附件|详见")
_GOAL_LINE = re.compile(r"^(?:年度目标|工作目标|总体目标|主要目标|目标任务)[:：]")


def _is_short_heading(text: str) -> bool:
    return len(text) <= 24 and not re.search(r"[。；，]", text)


def _is_section_break(text: str) -> bool:
    """A heading that ends a task list; the short "牵头单位：X" lines between its tasks do not."""
    return _is_short_heading(text) and not _TRAILING.search(text) and not _only_assignment(text) and not re.search(
        r"牵头|配合|负责", text)


def _unnumbered_task_lines(passages: list[Paragraph], levels: list[int]) -> set[int]:
    """Indices of unnumbered task lines: the paragraphs under a task heading ("任务清单", "二、重点任务") whose section
    numbers none of its paragraphs — each line is then one task. Where the section numbers its tasks, the numbered
    paragraphs are the items and unnumbered lines only explain them."""
    out: set[int] = set()
    i, n = 0, len(passages)
    while i < n:
        text = passages[i].text.strip()
        bare = _bare(text)
        if _is_short_heading(text) and len(bare) <= 12 and _TASK_HEADING.search(bare):
            j = i + 1
            while j < n and not _is_section_break(passages[j].text.strip()) and not levels[j]:
                j += 1
            numbered_inside = j < n and levels[j] and not _is_short_heading(passages[j].text.strip())
            lines = [k for k in range(i + 1, j) if len(passages[k].text.strip()) >= 20 and "\t" not in passages[k].text
                     and not _LIST_INTRO.search(passages[k].text) and not _GOAL_LINE.match(passages[k].text.strip())
                     and not _TRAILING_START.match(passages[k].text.strip()) and not _only_assignment(passages[k].text.strip())]
            if not numbered_inside and len(lines) >= 2:  # a list, not one covering sentence
                out.update(lines)
            i = j
        elif _is_section_break(text) and len(_bare(text)) <= 16 and not _SUPPORT_SECTION.search(text) and not \
                _GOAL_SECTION.match(_bare(text)) and not re.search(_SUFFIX + "$", text) and not _DATE_LINE.search(text):
            # An unnumbered group heading ("能源绿色低碳转型") over lines that read as tasks: most of them start
            # with a task verb or name who leads.
            j = i + 1
            while j < n and not _is_section_break(passages[j].text.strip()) and not levels[j]:
                j += 1
            lines = [k for k in range(i + 1, j) if len(passages[k].text.strip()) >= 20 and "\t" not in passages[k].text
                     and not _TRAILING_START.match(passages[k].text.strip()) and not _only_assignment(passages[k].text.strip())
                     and not _NOT_A_LINE_TASK.search(passages[k].text.strip())]
            tasky = [k for k in lines if _TASK_VERB.match(_bare(passages[k].text)) or
                     re.search(r"牵头|责任单位|负责", passages[k].text)]
            if len(lines) >= 2 and len(tasky) >= 0.6 * len(lines) and not (j < n and levels[j]):
                out.update(lines)
            i = j
        else:
            i += 1
    return out


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
    names = {normalize_body(b, place) for p in doc.paragraphs for m in _ORG_ANY.finditer(p.text)
             for b in split_bodies(m.group(0))}
    out = {}
    for short in names:
        longer = [n for n in names if _is_abbreviation(short, n)]
        if len(longer) == 1:
            out[short] = longer[0]
    for p in doc.paragraphs:  # "X（以下简称Y）": the document defines its own short form
        for m in _ALIAS_NOTE.finditer(p.text):
            before = list(_ORG_ANY.finditer(p.text[: m.start()]))
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
