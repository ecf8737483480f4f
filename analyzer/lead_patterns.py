"""Bodies named in a passage, and in what role: lead (牵头) or only responsible.

The rule (article 7 of the policy): a lead is a concrete body named as 牵头 —
由X牵头, X牵头（负责）, 牵头单位/牵头部门：X, X（牵头）, X为牵头单位, and "我局…牵头"
(the issuer itself). Not a lead: bodies named only as 配合/责任/参与 units;
"各有关部门牵头" and other plurals; "牵头抓总" without a body; "由X负责" or "X会同Y"
without 牵头 — those concrete bodies are responsible. Organ names are found by
shape (a name ending in an organ suffix) and normalised by :mod:`analyzer.bodies`.
"""

from __future__ import annotations

import re

from .bodies import normalize_body

SUFFIX = (r"(?:委员会办公室|生态环境保护委员会|委员会|办公室|办公厅|人民政府|人民检察院|人民法院|中级人民法院|党校|行政学院|领导小组|"
           r"党委|市委|县委|州委|区委|管委会|管理委员会|政府|督查室|督察室|分局|支队|大队|中队|执法队|派出所|管理所|环卫所|"
           r"工作站|服务站|监测站|林业站|水利站|农技站|保护站|植保站|推广站|管理站|水文站|检测站|财政所|司法所|供电所|供电公司|有限公司|联合社|合作社|供销社|"
           r"妇联|妇女联合会|团委|工会|科协|残联|中心|厅|局|委|办|院|部|处)")
#: An organ name: up to 24 characters ending in an organ suffix, then a boundary (not more name).
ORG = rf"[\u4e00-\u9fff“”]{{1,24}}?{SUFFIX}(?=$|[^\u4e00-\u9fff]|牵头|配合|负责|和|及|与|会同|共同|等|为|作为|按|要|组织(?!部)|统筹|每|具体|联合|依|对|在|于|应|将|加强|加快|做好|开展|建立|推进|落实|制定|完善|督促|指导|强化|严格|定期|及时|组建|安排|提交|梳理|提请|约谈|通报|会商|调度|审核|核查|督办)"
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
_SENTENCE_WORDS = re.compile(r".*(?:的|由|交办|事项|负责|承担|要求|将|对|在|是|按|把|向|了|等|其|会同|配合|协调|推动|督促|明确|并|"
                             r"汇总后报|报送|后报)")
_LEADING_WORDS = re.compile(r"^(?:由|经|请|在|对|向|将|把|从|并|要|则|均|继续|主要|具体)+")


#: Heading phrases shaped like organ names: "强化考核督办", "加强组织领导小组…" start with a verb.
_VERB_START = re.compile(r"^(?:加强|强化|严格|推进|推动|完善|健全|落实|建立|加大|做好|开展|深化|压实|抓好|实施|坚持|注重|统筹|"
                         r"强化|提升|优化|规范|加快|确保|全面|持续|切实|积极|认真|扎实|成立|组建|设立)")
_VERB_OFFICE = re.compile(r"(?:督办|查办|承办|交办|举办|创办|兴办|开办|包办|督导部|全部|局部|内部|外部|干部)$")


def _is_body(name: str) -> bool:
    if len(name) < 2 or _NOT_A_BODY.match(name) or _VERB_START.match(name) or _VERB_OFFICE.search(name) or re.search(SUFFIX + "$", name) is None:
        return False
    if re.search(r"[（）()]", name):  # a fragment of "各县（市、区）人民政府" split at its inner 、
        return False
    if name.endswith("政府") and not re.search(r"(?:人民|[区县市州省镇乡])政府$", name):
        return False  # "建立政府" is a verb phrase, "华容区政府" a body
    return not (name.endswith("部") and len(name) < 4)  # 宣传部 needs its owner: 市委宣传部; 全部 is no body


ORG_ANY = re.compile(ORG)


def names_a_body(text: str) -> bool:
    """Whether the passage names any concrete body (as lead, responsible or subject): an organ-shaped
    name, or a body of the gazetteer as the domain segmenter cuts it ("县财政局要统筹…")."""
    text = PLURAL_BRACKET.sub("", text)
    if any(split_bodies(m.group(0)) for m in ORG_ANY.finditer(text)):
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
        if re.match(r"(?:由)?(?:所在|当地|属地|同级|本级|上级|下级)", part.strip(" \u3000（）()")):
            continue  # "由所在县（市、区）人民政府牵头": whichever county it is, not a named body
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


def ordered(found: list[tuple[int, str]], place: str | None, exclude: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    seen: dict[str, None] = {}
    for _, body in sorted(found):
        name = normalize_body(body, place)
        if name not in exclude:
            seen.setdefault(name, None)
    return list(seen)


#: "各县（市、区）人民政府": the bracket would leave "人民政府" looking like a concrete body after "）".
PLURAL_BRACKET = re.compile(r"[（(][市县区州镇乡街道、，,\s]{1,10}[）)]")


#: "开发区安全生产和生态环境局（以下简称安环局）牵头": the note must not stand between a body and 牵头.
ALIAS_NOTE = re.compile(r"[（(]以下简称[“\"]?([\u4e00-\u9fff]{2,12})[”\"]?[）)]")


def leads_in(text: str, issuer: str | None = None, place: str | None = None) -> list[str]:
    """Lead bodies named in one passage, normalised, in order of appearance."""
    text = ALIAS_NOTE.sub("", PLURAL_BRACKET.sub("", text))
    found = _find(LEAD_PATTERNS, text)
    self_ref = _SELF.search(text)
    if issuer and self_ref:
        found.append((self_ref.start(), issuer))
    return ordered(found, place)


def responsible_in(text: str, place: str | None = None, leads: list[str] | None = None) -> list[str]:
    """Concrete bodies named as responsible or partner units (not leads)."""
    text = ALIAS_NOTE.sub("", PLURAL_BRACKET.sub("", text))
    return ordered(_find(RESPONSIBLE_PATTERNS, text), place, set(leads or []))
