"""Which paragraphs of a policy draft are task items.

Numbered paragraphs at the lowest level of their block; rows of task tables
are read in :mod:`analyzer.lead`. Around that core: 保障措施 sections give a
task only where a unit gets something to do, leadership arrangements and
exhortation are not tasks, targets and phases are not, 第X条 clauses are tasks
when they give a unit a duty, and unnumbered lines under a task-list heading
are one task each. The labelling convention these rules follow is in
corpora/README.md.
"""

from __future__ import annotations

import re

from .datamodel import Paragraph
from .lead_patterns import PLURAL_BRACKET, SUFFIX, names_a_body, responsible_in


def marker_level(p: Paragraph) -> int:
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
                         r"统一领导|高度重视|一把手|营造[^。；]{0,20}氛围|形成[^。；]{0,6}合力|扛起|扛牢|主体责任|政治站位|"
                         r"议事日程|一级抓一级|层层抓落实|压实责任|密切配合")
#: The strongest of those also outside 保障措施: "八、压实属地责任。各乡镇…要牵头抓总，主要负责同志亲自部署".
_LEADERSHIP_ONLY = re.compile(r"牵头抓总|负总责|亲自部署|亲自抓")
#: Leading officials rather than bodies: "主要领导牵头抓总、分管领导具体负责" is an arrangement, not a task.
_LEADERS = re.compile(r"主要领导|主要负责同志|分管领导|分管负责同志")
_DEADLINE = re.compile(r"\d{4}年|年底前|月底前|\d{1,2}月|完成")
_LEADERSHIP_HEADING = re.compile(r"^[（(]?[一二三四五六七八九十\d]*[）)、.．]?\s*[^。；，]{0,8}(?:责任|领导|组织)[^。；，]{0,4}。")
#: A plural unit as the actor of a clause: "各乡镇每日下午5时前报送…", "各县（市、区）要…".
_PLURAL_ACTOR = re.compile(r"(?:^|[。；;，,：:\s）)]|由)\s*各(?:乡镇|镇|乡|街道|村|社区|居委会|县|市|区|管理区|开发区|企业)"
                           r"[^。；;，,]{0,24}?"
                           r"(?:要|应|须|必须|每|负责|牵头|按|定期|于|在|将|做好|落实|加强|报送|开展)")


#: Plural departments as actors ("各有关部门牵头建立…", "各执法单位…依法查处") give a task only with a concrete job.
_PLURAL_DEPARTMENTS = re.compile(r"各(?:有关|相关|成员|责任|执法|牵头|配合|级)?[\u4e00-\u9fff]{0,6}?(?:部门|单位|机构)|"
                                 r"各地(?!各)|由(?:牵头|责任)单位")
_CONCRETE_JOB = re.compile(r"查处|移送|报送|建立|更新|汇总|开展|清理|排查|整改|监测|核查|办结|受理|反馈|每半年|每季度|每月|每年|"
                           r"年底前|月底前|工作日内|公开|公布|推送|梳理|定期|组织实施|验收|销号")


_SCHEDULE = re.compile(r"每[年季月周](?:度)?|\d{1,2}日前|月底前|年底前")


def _assigns_to_unit(text: str, leads: list[str]) -> bool:
    """In 保障措施-like sections a numbered paragraph is a task when it gives a unit, named or plural, something to do."""
    if leads:
        return True
    if _LEADERSHIP.search(text) and not _SCHEDULE.search(text):
        return False  # leadership and exhortation, unless a scheduled job comes with it ("每月5日前报送…")
    return names_a_body(text) or bool(_PLURAL_ACTOR.search(PLURAL_BRACKET.sub("", text))) or bool(
        (_PLURAL_DEPARTMENTS.search(text) or _GENERIC_ACTOR.search(text)) and _CONCRETE_JOB.search(text))


#: Sections that lay out phases or a timetable: their numbered paragraphs are not tasks.
_PHASE_SECTION = re.compile(r"步骤|阶段|时间安排|进度安排|实施进度")
#: Sentences about the document itself or its machinery, not a task: "本方案由…牵头组织实施", "专班办公室设在…".
_NOT_A_TASK = re.compile(r"^[（(]?[一二三四五六七八九十\d]*[）)]?\s*本[\u4e00-\u9fff]{0,6}?(?:方案|计划|清单|办法|规则|通知|意见|要点|细则|规定|措施)|(?:办公室|专班|领导小组)设在|负责解释|自印发之日起|制定本(?:规则|办法|细则|规定|制度|方案|措施)")
_CLAUSE = re.compile(r"^第[一二三四五六七八九十百]+条")
#: The purpose clause of rules: "第一条　为…，制定本办法。"
_PURPOSE = re.compile(r"制定本(?:规则|办法|细则|规定|制度|方案|措施|意见|计划)。?$")
#: Verbs by which a clause hands a named body a duty: "省卫生健康委负责…", "…由省生态环境厅召集".
_CLAUSE_DUTY = re.compile(r"应当|负责|须|必须|召集|协调|组织|牵头|每年|每季度|每月|每半年|给予|纳入|开展|建立|制定|实施|落实|督促|"
                          r"指导|查处|报送|公布|核实|审核|监督|检查|加强|管理")
#: Sections of targets and principles: their numbered paragraphs ("1.1 到2025年…") are not tasks.
_GOAL_SECTION = re.compile(r"^(?:(?:工作|主要|总体|发展|年度)?目标(?:任务)?|总体要求|指导思想|基本原则|工作原则)[。：:]?$")
#: Actors named by kind rather than by name: "乡镇人民政府（街道办事处）负责…", "运维单位应当…".
_GENERIC_ACTOR = re.compile(r"(?:乡镇人民政府|街道办事处|村（居）民委员会|村民委员会|居民委员会|[\u4e00-\u9fff]{0,6}(?:单位|企业|经营者|业主|管理人)|"
                            r"[\u4e00-\u9fff]{0,10}(?:部门|分局|机构)|乡镇（街道）|(?:所在地?|当地)?(?:县级|市级)人民政府|[\u4e00-\u9fff]{0,8}(?:厂|站|码头|经营人))[^。；]{0,12}?"
                            r"(?:应当|负责|须|必须|要|组织)|"
                            r"(?:县级|市级|设区的市级)(?:以上)?人民政府[^。]{0,40}?负责")
#: A short unlabelled line that only says who does the item above: "由市水利和湖泊局具体牵头，…配合", "县农业农村局为牵头单位，…".
_ASSIGNMENT_LINE = re.compile(r"^由|为牵头单位|牵头[，,；;。]|牵头$|配合[。；]?$|负责[。；]?$|组织实施[。；]?$")


def _only_assignment(text: str) -> bool:
    """A line whose every clause only says who acts ("由X具体牵头，Y配合，沿线县政府组织实施。"), no task of its own."""
    outside = re.sub(r"[（(][^）)]*[）)]|【[^】]*】", "", text)  # "…招揽顾客（区城管执法局牵头）" has a task outside
    clauses = [c for c in re.split(r"[，,；;。]", outside) if c.strip()] or [text]
    return len(text) <= 80 and all(re.search(r"牵头|配合|负责|实施|参与|协助|协办|落实", c) for c in clauses)


#: A line that starts with the unit labels (after an optional bracket or a "整改时限：…；" label).
_UNIT_LABEL = r"(?:牵头单位|牵头部门|责任单位|责任部门|配合单位)\s*[:：】\]]"
_TRAILING_START = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}[:：][^。]{0,30}?[；;\s\u3000]\s*)?[【\[（(]?\s*" + _UNIT_LABEL)
#: Not tasks even in a task list: notes on the list, signatures, cover sentences.
_NOT_A_LINE_TASK = re.compile(r"^(?:以上|上述|本表|注[:：]|备注)|印发给你们|现将|如下[:：]?$|"
                              r"^[^。，；]{4,40}(?:办公室|人民政府|委员会|厅|局)(?:[（(][^）)]*[）)])?$")
_DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
_TRAILING = re.compile(_UNIT_LABEL)
#: Unnumbered paragraphs that state the task of the numbered problem or heading above them.
TASK_LABEL = re.compile(r"^(?:整改措施|工作措施|主要任务|任务内容|具体措施|重点任务|工作任务)\s*[:：]")


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


def _list_heading(text: str) -> str | None:
    """"task" for a task-list heading ("任务清单", "二、重点任务"), "group" for an unnumbered group heading
    ("能源绿色低碳转型") that may head task lines, None for anything else."""
    bare = _bare(text)
    if _is_short_heading(text) and len(bare) <= 12 and _TASK_HEADING.search(bare):
        return "task"
    if _is_section_break(text) and len(bare) <= 16 and not _SUPPORT_SECTION.search(text) and not \
            _GOAL_SECTION.match(bare) and not re.search(SUFFIX + "$", text) and not _DATE_LINE.search(text):
        return "group"
    return None


def _may_be_task_line(raw: str, kind: str) -> bool:
    text = raw.strip()
    if len(text) < 20 or "\t" in raw or _TRAILING_START.match(text) or _only_assignment(text):
        return False
    if kind == "task":
        return not _LIST_INTRO.search(text) and not _GOAL_LINE.match(text)
    return not _NOT_A_LINE_TASK.search(text)


def unnumbered_task_lines(passages: list[Paragraph], levels: list[int]) -> set[int]:
    """Indices of unnumbered task lines: the paragraphs under a task heading ("任务清单", "二、重点任务") whose section
    numbers none of its paragraphs — each line is then one task. Where the section numbers its tasks, the numbered
    paragraphs are the items and unnumbered lines only explain them. Under a mere group heading the lines count
    only when most of them read as tasks (start with a task verb or name who leads)."""
    out: set[int] = set()
    texts = [p.text.strip() for p in passages]
    i, n = 0, len(texts)
    while i < n:
        kind = _list_heading(texts[i])
        if kind is None:
            i += 1
            continue
        j = i + 1
        while j < n and not _is_section_break(texts[j]) and not levels[j]:
            j += 1
        numbered_inside = j < n and levels[j] and not _is_short_heading(texts[j])
        lines = [k for k in range(i + 1, j) if _may_be_task_line(passages[k].text, kind)]
        tasky = [k for k in lines if _TASK_VERB.match(_bare(texts[k])) or re.search(r"牵头|责任单位|负责", texts[k])]
        if not numbered_inside and len(lines) >= 2 and (kind == "task" or len(tasky) >= 0.6 * len(lines)):
            out.update(lines)  # a list, not one covering sentence
        i = j
    return out


TABLE_ROW = re.compile(r"^\s*\d{1,3}[\t\u3000 ]+\S")


class Sections:
    """Which kind of top-level section the walk is in: 保障措施-like, phases, or targets."""

    def __init__(self) -> None:
        self.support = self.phase = self.goal = False

    def see(self, text: str, level: int) -> None:
        if level == 1 or (not level and len(text) <= 12 and _is_section_break(text)):
            self.support = bool(_SUPPORT_SECTION.search(text[:20]))
            self.phase = bool(_PHASE_SECTION.search(text[:20]))
            self.goal = bool(_GOAL_SECTION.match(_bare(text)))


def is_trailing_line(text: str, names_unit: bool) -> bool:
    """A "牵头单位：…；责任单位：…" line, or a short line that only says who acts: it completes the item above."""
    if TASK_LABEL.match(text) or _CLAUSE.match(text) or _NOT_A_TASK.search(text[:40]):
        # "本方案由省环委办牵头组织实施" is about the whole file; a 第X条 clause stands on its own
        return False
    return (len(text) <= 160 and bool(_TRAILING_START.match(text))) or (
        _only_assignment(text) and bool(_ASSIGNMENT_LINE.search(text)) and names_unit)


def is_task_item(passages: list[Paragraph], levels: list[int], i: int, leads: list[str], place: str | None,
                 sections: Sections, task_line: bool) -> bool:
    """The decision for one paragraph that is neither a table row, a trailing line nor a "整改措施：" line."""
    p = passages[i]
    text = p.text.strip()
    text_row = TABLE_ROW.match(text) and "\t" not in text and not levels[i]
    candidate = bool(_is_item_candidate(passages, levels, i) or text_row or (task_line and not _only_assignment(text)))
    if _CLAUSE.match(text):  # 第X条 of rules: a task only where it gives a unit a duty
        candidate = bool(leads) or bool(responsible_in(text, place)) or bool(_PLURAL_ACTOR.search(text)) or bool(
            _GENERIC_ACTOR.search(text)) or bool(names_a_body(text) and _CLAUSE_DUTY.search(text)) or bool(
            _PLURAL_DEPARTMENTS.search(text) and _CONCRETE_JOB.search(text)) or bool(
            re.search(r"各(?:乡镇|镇|街道|县|市|区)", text) and _CLAUSE_DUTY.search(text))
        candidate = candidate and (bool(leads) or not (_LEADERSHIP.search(text) or re.search(r"可参照|参照本|可以", text)))
    if not candidate:
        return False
    if not leads and sections.goal:
        return False
    if not leads and ((_LEADERSHIP_ONLY.search(text) and (_LEADERSHIP_HEADING.match(text) or (_LEADERS.search(text) and not _DEADLINE.search(text)))) or (
            _LEADERSHIP.search(text) and re.match(r"各(?:地|级|有关|部门|单位|责任单位|牵头单位)", _bare(text))
            and not _CONCRETE_JOB.search(text))):
        return False  # exhortation: "各地各部门要高度重视…", "一是各责任单位要压实责任…"
    if _NOT_A_TASK.search(text[:40]) or _PURPOSE.search(text):
        return False
    if not leads and (sections.phase or re.search(r"阶段\s*[（(]", text[:24])):
        return False  # "（一）排查摸底阶段（3月—4月）…": a phase of the timetable, not a task
    # In 保障措施 sections a numbered paragraph is a task only when it gives a unit something to do.
    return not sections.support or _assigns_to_unit(text, leads)
