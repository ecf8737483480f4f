"""Official-document structure (GB/T 9704) from normalised paragraphs.

Fills ``doc.meta`` (issuer, doc_number, title, recipients, date, cc,
disclosure, signer) and gives each paragraph its role and section path
(一、 / （一） / 1. / （1）). Rules follow the standard's order of parts:
head → 发文字号 → 标题 → 主送 → 正文 → 附件 → 署名 → 成文日期 → 附注 → 版记
(抄送, 印发). Documents that skip parts (web copies, drafts) still parse.
"""

from __future__ import annotations

import re

from .datamodel import Document, Meta, Paragraph

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "О": 0, "O": 0, "０": 0, "0": 0, "o": 0, "一": 1, "二": 2, "三": 3,
              "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_YEAR_CN = "〇○零ＯОO０0o一二三四五六七八九"
DATE_RE = re.compile(
    r"(?P<ay>(?:19|20)\d{2})\s*年\s*(?P<am>\d{1,2})\s*月\s*(?P<ad>\d{1,2})\s*日"
    rf"|(?P<cy>[{_YEAR_CN}]{{4}})\s*年\s*(?P<cm>[一二三四五六七八九十]{{1,2}})\s*月\s*(?P<cd>[一二三四五六七八九十]{{1,3}})\s*日"
)
DOC_NUMBER_RE = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,12})\s*(?P<open>[〔\[［（(【{])\s*(?P<year>(?:19|20)\d{2})\s*"
    r"(?P<close>[〕\]］）)】}])\s*(?P<num>\d{1,5})\s*号"
)
_KIND_END = re.compile(
    r"(报告|通知|意见|方案|办法|规定|决定|批复|复函|函|要点|清单|计划|规划|纪要|通报|请示|细则|公告|通告|总结|制度|条例|措施|安排|名单|报告书)"
    r"([（(][^）)]{1,12}[）)])?$"
)
_ORG_END = re.compile(
    r"(委员会|办公室|办公厅|人民政府|政府|党委|市委|州委|县委|区委|厅|局|委|办|院|部|会|中心|站|所|署|社|司|处|队|公司)$"
)
#: Numbering styles by their usual rank in Chinese official documents (GB/T 9704 uses 一、（一）1.（1）; offices
#: also write 第一部分, 【一】, 2.1 and ①). Only the order matters: a section path holds the markers above a paragraph.
_HEADING_LEVELS = [
    (0, re.compile(r"^第([一二三四五六七八九十]+)(?:部分|章)")),
    (1, re.compile(r"^([一二三四五六七八九十百]+)、")),
    (1, re.compile(r"^[【〔\[]([一二三四五六七八九十百]+)[】〕\]]")),
    (1, re.compile(r"^(\d{1,2})[\u3000 ]+(?=[\u4e00-\u9fff])")),  # "1　总体要求" above "1.1 …"
    (2, re.compile(r"^[（(]([一二三四五六七八九十百]+)[）)]")),
    (3, re.compile(r"^(\d{1,3})[.．、](?!\d)")),
    (4, re.compile(r"^(\d{1,2}[.．]\d{1,2})(?![\d.．万亿%])")),
    (4.5, re.compile(r"^(\d{1,2}[.．]\d{1,2}[.．]\d{1,2})(?![\d.．万亿%])")),  # 2.1.1 under 2.1
    (5, re.compile(r"^[（(](\d{1,3})[）)]")),
    (5, re.compile(r"^([一二三四五六七八九十]+是)")),  # "一是…二是…" in 工作要求
    (6, re.compile(r"^([①-⑳])")),
]
_CC_RE = re.compile(r"(抄\s*送|抄\s*报)\s*[:：]")
_IMPRINT_RE = re.compile(r"印\s*发\s*$")
_NOTE_RE = re.compile(r"^[（(](此件[^）)]*|公开方式[^）)]*|联系人[^）)]*)[）)]$")
_SIGNER_RE = re.compile(r"签\s*发\s*人\s*[:：]\s*(\S+)")


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as YYYY-MM-DD, Arabic or Chinese numerals."""
    m = DATE_RE.search(text)
    if not m:
        return None
    if m.group("ay"):
        y, mo, d = int(m.group("ay")), int(m.group("am")), int(m.group("ad"))
    else:
        y = int("".join(str(_CN_DIGITS[c]) for c in m.group("cy")))
        mo, d = _cn_number(m.group("cm")), _cn_number(m.group("cd"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _cn_number(text: str) -> int:
    """一 … 三十一."""
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _compact(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def _tidy(text: str) -> str:
    """Trim, and keep a space between words only as one full-width space (中共十堰市委　十堰市人民政府)."""
    text = text.strip()
    text = re.sub(r"(?<=[\u4e00-\u9fff）)])[\s\u3000]+(?=[\u4e00-\u9fff（(])", "\u3000", text)
    return re.sub(r"[^\S\u3000]+", "", text)


def is_date_line(text: str) -> bool:
    t = _compact(text)
    m = DATE_RE.fullmatch(t)
    return m is not None


def split_bodies(text: str) -> list[str]:
    """Split a list of bodies at 、，,；; outside brackets: 各县（市、区）人民政府 stays whole."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "（(〔[【":
            depth += 1
        elif ch in "）)〕]】" and depth:
            depth -= 1
        if ch in "、，,；;" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip(" \u3000。.：:") for p in parts if p.strip(" \u3000。.：:")]


_PAIRS = {"〔": "〕", "[": "]", "［": "］", "（": "）", "(": ")", "【": "】", "{": "}"}
#: OCR reads half-width and full-width brackets interchangeably; official numbers use these.
_OCR_BRACKETS = {"(": "（", ")": "）", "［": "[", "］": "]", "{": "〔", "}": "〕", "【": "〔", "】": "〕"}


def canonical_doc_number(m: re.Match[str], from_ocr: bool) -> str:
    """The number as written. From OCR, a mismatched bracket pair such as
    ``〔2024]`` is a misreading and becomes the standard ``〔2024〕``."""
    if not from_ocr:
        return _compact(m.group(0))
    open_, close = m.group("open"), m.group("close")
    if _PAIRS.get(open_) != close:
        open_, close = "〔", "〕"
    open_, close = _OCR_BRACKETS.get(open_, open_), _OCR_BRACKETS.get(close, close)
    return f"{m.group('prefix')}{open_}{m.group('year')}{close}{m.group('num')}号"


class StructureParser:
    """Assigns roles and section paths and fills the meta of one document."""

    #: How many leading paragraphs may hold head, number, title and recipients.
    header_window: int = 14

    def __call__(self, doc: Document) -> Document:
        paras = doc.paragraphs
        ocr_pages = {p.number for p in doc.pages if p.ocr}
        meta = Meta()
        body_start = self._header(paras, meta, ocr_pages)
        tail_start = self._tail(paras, meta, body_start)
        self._sections(paras[body_start:tail_start])
        doc.meta = meta
        return doc

    # ------------------------------------------------------------------ header
    def _header(self, paras: list[Paragraph], meta: Meta, ocr_pages: set[int]) -> int:
        window = paras[: self.header_window]
        i = 0
        heads: list[str] = []
        # 份号, 密级, 紧急程度 and the red head (发文机关标志) come first.
        while i < len(window):
            t = _compact(window[i].text)
            m = DOC_NUMBER_RE.search(t)
            if m and len(t) <= 60 and not t.startswith("关于"):
                meta.doc_number = canonical_doc_number(m, window[i].page in ocr_pages)
                signer = _SIGNER_RE.search(window[i].text)
                meta.signer = signer.group(1) if signer else None
                window[i].role = "doc_number"
                i += 1
                break
            if self._looks_like_head(t, window, i):
                window[i].role = "head"
                heads.append(t)
                i += 1
                continue
            break
        if heads:
            head = heads[-1]
            meta.issuer = re.sub(r"文件$", "", head) or None
        # Title: from here to the paragraph that ends like a document kind.
        start = i
        end = None
        for j in range(start, min(start + 5, len(window))):
            t = _compact(window[j].text)
            if self._is_recipients(window[j].text):
                break
            if _KIND_END.search(t) or (j + 1 < len(window) and re.fullmatch(r"[（(][^）)]{1,12}[）)]", _compact(window[j + 1].text) or "x")
                                         and _KIND_END.search(t + _compact(window[j + 1].text))):
                end = j
                if j + 1 < len(window) and re.fullmatch(r"[（(][^）)]{1,12}[）)]", _compact(window[j + 1].text)):
                    end = j + 1
                break
            if "。" in t or len(t) > 60:
                break
        if end is None and start < len(window):
            # No kind word: the title runs up to the recipients line, if any.
            for j in range(start, min(start + 4, len(window))):
                if self._is_recipients(window[j].text):
                    end = j - 1 if j > start else None
                    break
            if end is None and len(_compact(window[start].text)) <= 60 and "。" not in window[start].text:
                end = start
        if end is not None and end >= start:
            for p in window[start : end + 1]:
                p.role = "title"
            meta.title = "".join(_tidy(p.text) for p in window[start : end + 1]) or None
            i = end + 1
        # 主送机关.
        for j in range(i, min(i + 2, len(window))):
            if self._is_recipients(window[j].text):
                window[j].role = "recipients"
                meta.recipients = split_bodies(window[j].text.strip().rstrip("：:"))
                i = j + 1
                break
        return i

    @staticmethod
    def _looks_like_head(t: str, window: list[Paragraph], i: int) -> bool:
        if re.fullmatch(r"\d{6}|[（(]?\d{1,6}[）)]?", t):
            return True
        if re.match(r"^(特急|加急|平急|特提|紧急|急件|绝密|机密|秘密)", t) and len(t) <= 20:
            return True
        if t.endswith("文件") and len(t) <= 40:
            return True
        if "关于" in t or _KIND_END.search(t) or len(t) > 40:
            return False
        # An organ name (or two, side by side) followed by more header material.
        return bool(_ORG_END.search(t)) and i + 1 < len(window)

    @staticmethod
    def _is_recipients(text: str) -> bool:
        t = text.strip()
        return t.endswith(("：", ":")) and len(t) <= 120 and "。" not in t and not t.startswith(("附件", "抄送", "抄报"))

    # ------------------------------------------------------------------ tail
    def _tail(self, paras: list[Paragraph], meta: Meta, body_start: int) -> int:
        """署名, 成文日期, 附注 and 版记; returns where the tail begins."""
        n = len(paras)
        cc_start = n
        for k in range(body_start, n):
            if _CC_RE.match(_compact(paras[k].text)):
                cc_start = k
                break
        # 版记: 抄送/抄报 (a list may continue on following lines), then 印发.
        k = cc_start
        while k < n:
            p = paras[k]
            t = _compact(p.text)
            if _IMPRINT_RE.search(t) and parse_date(t):
                p.role = "imprint"
            elif _CC_RE.search(t):
                p.role = "cc"
                meta.cc.extend(self._cc_bodies(p.text))
            elif k > cc_start and paras[k - 1].role == "cc" and not _compact(paras[k - 1].text).endswith("。"):
                p.role = "cc"
                paras[k - 1].text = paras[k - 1].text.rstrip() + p.text.strip()
                meta.cc.clear()
                for q in paras[cc_start : k]:
                    if q.role == "cc" and q.text:
                        meta.cc.extend(self._cc_bodies(q.text))
                p.text = ""
            k += 1
        paras[cc_start:] = [p for p in paras[cc_start:] if p.text]
        tail_start = cc_start
        # 成文日期: the last date standing alone before the 版记.
        date_idx = None
        for k in range(min(cc_start, len(paras)) - 1, body_start - 1, -1):
            t = _compact(paras[k].text)
            if is_date_line(t):
                date_idx = k
                break
            m = DATE_RE.search(t)
            if m and m.end() == len(t) and _ORG_END.search(t[: m.start()]) and len(t) <= 60:
                date_idx = k  # 署名 and date on one line
                break
            if k < cc_start - 8:
                break
        sig: list[Paragraph] = []
        if date_idx is not None:
            p = paras[date_idx]
            t = _compact(p.text)
            meta.date = parse_date(t)
            p.role = "date"
            m = DATE_RE.search(t)
            if m and m.start() > 0:
                meta.issuer = t[: m.start()]
                p.role = "signature"
            else:
                # 署名: the line(s) just above the date (joint issuers may take two).
                for k in range(date_idx - 1, max(body_start, date_idx - 3) - 1, -1):
                    s = paras[k].text.strip()
                    if s and len(s) <= 40 and not re.search(r"[。；：，]", s) and _ORG_END.search(_compact(s)):
                        sig.insert(0, paras[k])
                    else:
                        break
                if sig:
                    for q in sig:
                        q.role = "signature"
                    meta.issuer = "\u3000".join(q.text.strip() for q in sig)
            tail_start = min(tail_start, paras.index(sig[0]) if sig else date_idx)
        # 附注 such as （此件公开发布） and the disclosure they state.
        for p in paras[body_start:]:
            t = _compact(p.text)
            m = re.search(r"公开方式\s*[:：]\s*([^）)\s]+)", t)
            if m:
                meta.disclosure = m.group(1).rstrip("。")
            else:
                m = re.fullmatch(r"[（(](此件[^）)]*(?:公开|发布)[^）)]*)[）)]", t)
                if m:
                    meta.disclosure = m.group(1)
            if _NOTE_RE.match(t) and p.role == "body":
                p.role = "note"
        for p in paras[body_start:tail_start]:
            if p.text.strip().startswith("附件") and p.role == "body":
                p.role = "attachment"
        return tail_start

    @staticmethod
    def _cc_bodies(text: str) -> list[str]:
        bodies: list[str] = []
        parts = _CC_RE.split(text)
        # parts: [before, label, list, label, list, ...]
        for chunk in parts[2::2]:
            bodies.extend(split_bodies(chunk.strip().rstrip("。")))
        return bodies

    # ------------------------------------------------------------------ body
    @staticmethod
    def _sections(body: list[Paragraph]) -> None:
        stack: dict[int, str] = {}
        for p in body:
            t = p.text.strip()
            for level, pattern in _HEADING_LEVELS:
                m = pattern.match(t)
                if m:
                    stack = {lv: mk for lv, mk in stack.items() if lv < level}
                    stack[level] = m.group(0)
                    rest = t[m.end():]
                    short = len(t) <= 40 and "。" not in rest.rstrip("。")
                    if p.role == "body" and short:
                        p.role = "heading"
                    break
            p.section = [stack[lv] for lv in sorted(stack)]


def parse_structure(doc: Document) -> Document:
    return StructureParser()(doc)
