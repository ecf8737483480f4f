"""Document type: annual_report / policy_draft / other.

The type shows in the title, the addressees and the opening and closing
lines ("关于2023年度…的报告", "…实施方案（征求意见稿）", "特此报告"), so a
linear model reads a short profile of those parts. It reuses the passage
classifier's machinery (one logistic regression per type, argmax).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from .classify.linear import LinearPassageClassifier
from .datamodel import Document

DOC_TYPES = ("annual_report", "policy_draft", "other")
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "doctype-linear"


def profile(doc: Document) -> str:
    """Title, addressees, opening and closing passages: where the genre shows."""
    passages = [p.text for p in doc.passages()]
    parts = [doc.meta.title or (doc.paragraphs[0].text if doc.paragraphs else ""),
             "、".join(doc.meta.recipients),
             *[t[:160] for t in passages[:3]],
             *[t[:80] for t in passages[-2:]]]
    return "｜".join(parts)


_POLICY_KIND = r"(方案|计划|办法|措施|清单|要点|规则|意见|细则|制度|规划|分工)"
_ECO = re.compile(r"生态|环境保护|人居环境|水环境|环保|污染|绿色发展|河湖|流域|督察|大气|水质|碳达峰|碳排放|林长|河长|共同缔造|"
                  r"蓝天|碧水|净土|无废|黑臭|秸秆|污水|排污|扬尘|固废|固体废物|垃圾|减排|湿地|禁渔|岸线|水源|空气|臭氧|噪声|土壤|"
                  r"减污|降碳|低碳|碳中和|矿山修复|生态修复|粪污|面源|磷石膏|尾矿|渣场|危险废物|危废|化肥|农药|生物多样性|自然保护地|"
                  r"野生动|水生生物|禁捕|国土绿化|湖泊|饮用水|挥发性有机物|VOCs|尾水")
_TASKS = re.compile(r"牵头|责任单位|配合单位|责任部门")
#: A numbered paragraph that hands a duty to a unit: "一、…由市农业农村局负责", "…市农业农村局会同市公安局…".
_NUMBERED_DUTY = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])[^。]*。.*"
                            r"(?:[局厅委办府](?:负责|会同|要|按职责)|由[^。；]{2,24}负责)")
_ISSUE_POLICY = re.compile(rf"关于(?:公开)?(印发|征求|转发|公布|下发)(?:[^《]*《)?(.+?{_POLICY_KIND}[^》]*?)》?(?:意见)?的?(通知|函|公告)")
_NOT_A_REPORT = re.compile(r"讲话|来源[:：]|发布时间|述职|通报|纪要|简报|访谈|答记者问|致辞|发言")


def rule_type(doc: Document) -> str | None:
    """The genre where the title states it; None leaves the decision to the model.

    Eco-relatedness comes from the title or from the coverage verdicts (the
    analyzer runs coverage first), so an 全民健身 plan is ``other``.
    """
    title = doc.meta.title or (doc.paragraphs[0].text if doc.paragraphs else "")
    head = title + "".join(p.text for p in doc.paragraphs[:4])
    covered = sum(1 for a in doc.articles if a.covered)
    assigning = sum(1 for p in doc.passages() if _TASKS.search(p.text) or _NUMBERED_DUTY.search(p.text))
    m = _ISSUE_POLICY.search(title)
    if m:
        return "policy_draft" if _ECO.search(m.group(2)) or covered >= 3 else "other"
    if _NOT_A_REPORT.search(head[:200]):
        return "other"
    if re.search(_POLICY_KIND + r"([（(][^）)]*[）)])?$", title) and "报告" not in title:
        return "policy_draft" if _ECO.search(title) or covered >= 3 else "other"
    if re.search(r"报告$|总结$", title) and re.search(r"年度|工作情况|履职|履行", title):
        return "annual_report" if _ECO.search(title) or covered >= 4 else "other"
    if re.search(r"通知$", title) and _ECO.search(title) and assigning >= 3 and not re.search(
        r"报告|报送|总结|统计|调度|会议|培训|评选|推荐", title
    ):
        return "policy_draft"  # a notice that hands out eco tasks to named units is a policy file
    return None


class DocTypeClassifier:
    """Fit on document profiles; ``__call__`` sets ``doc.doc_type``."""

    def __init__(self, model: LinearPassageClassifier | None = None) -> None:
        self.model = model or LinearPassageClassifier(C=2.0, char_max_features=20000, word_max_features=5000)

    def fit(self, docs: list[Document], types: list[str]) -> DocTypeClassifier:
        Y = np.zeros((len(types), len(DOC_TYPES)), dtype=np.int8)
        for i, t in enumerate(types):
            Y[i, DOC_TYPES.index(t)] = 1
        self.model.fit([profile(d) for d in docs], Y)
        return self

    def predict(self, docs: list[Document]) -> list[str]:
        """Title rules first; the learned model decides the rest."""
        proba = self.model.predict_proba([profile(d) for d in docs])
        return [rule_type(d) or DOC_TYPES[int(i)] for d, i in zip(docs, proba.argmax(axis=1))]

    def __call__(self, doc: Document) -> Document:
        doc.doc_type = self.predict([doc])[0]
        return doc

    def save(self, directory: Path = MODEL_DIR) -> None:
        self.model.save(directory)

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> DocTypeClassifier:
        return cls(LinearPassageClassifier.load(directory))


@lru_cache(maxsize=1)
def load_doctype(directory: Path = MODEL_DIR) -> DocTypeClassifier:
    return DocTypeClassifier.load(directory)
