"""Build the 20-article knowledge base ``corpora/kb/articles.json``.

The full text of each article is read from the policy (the shared seed);
names, key terms, paraphrases and the submitters each article applies to are
written here by hand. ``key_terms`` feed the naive keyword baseline in
``ecocheck evaluate`` and the domain dictionary; ``paraphrases`` are how
reports say the same thing without the policy's words.

    python scripts/build_kb.py [--seed ../shared/seeds/000_0d680eb2d22f6cf9.txt]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_0d680eb2d22f6cf9.txt"
OUT = ROOT / "corpora" / "kb" / "articles.json"

CN = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    if n <= 10:
        return CN[n - 1] if n < 10 else "十"
    if n < 20:
        return "十" + CN[n - 11]
    return "二十"


# Submitter categories used across the project.
CITY = "市州党委政府"
PROV = "省直职能部门"
LOCAL = "地方职能部门"
COMMITTEE = "各级生态环境保护委员会"
LEADERS = "各级党政领导班子"
SUPERVISION = "纪检监察、组织人事和审计部门"
JUSTICE = "公安、检察、法院和司法行政机关"
PARTY_SCHOOL = "各级党校（行政学院）"

ARTICLES: list[dict] = [
    {"name": "扛牢生态环境保护政治责任", "applies_to": [CITY, PROV, LOCAL],
     "key_terms": ["政治责任", "习近平生态文明思想", "二十大精神"],
     "paraphrases": ["党组会专题学习生态文明思想并研究落实措施", "理论学习中心组把生态文明建设列为专题", "把生态保护摆在全局工作突出位置"]},
    {"name": "构建现代环境治理体系", "applies_to": [CITY],
     "key_terms": ["党委领导", "政府主导", "企业主体", "现代环境治理体系"],
     "paraphrases": ["党委统揽、政府主抓、企业落实、群众参与的治理格局", "健全统筹协调和考核监督机制", "督促指导职能部门形成合力"]},
    {"name": "党政主要负责同志第一责任人", "applies_to": [CITY, LEADERS],
     "key_terms": ["第一责任人", "主要负责同志", "定期研究"],
     "paraphrases": ["书记、市长带头研究生态环境工作", "常委会常务会多次专题研究生态环境保护", "听取班子成员分管领域环保工作汇报", "主要领导现场督办突出问题"]},
    {"name": "班子成员分管领域领导责任", "applies_to": [CITY, LEADERS],
     "key_terms": ["一岗双责", "分管领域", "领导责任"],
     "paraphrases": ["分管领导组织分管部门落实环保要求", "副市长牵头调度分管行业生态环境问题", "各分管负责同志抓好分管领域环保工作"]},
    {"name": "三管三必须", "applies_to": [PROV, LOCAL],
     "key_terms": ["管发展必须管环保", "管生产必须管环保", "管行业必须管环保", "三管三必须", "责任清单"],
     "paraphrases": ["把生态环保要求嵌入行业管理全过程", "在行业规划审批监管中落实环保要求", "对照部门生态环境保护责任清单履职"]},
    {"name": "公开具体事项清单和举报受理机制", "applies_to": [PROV, LOCAL],
     "key_terms": ["具体事项清单", "门户网站", "举报受理", "社会监督"],
     "paraphrases": ["梳理本部门生态环保事项并在官网公布", "设立环境问题投诉渠道并限时办结", "接受群众监督的举报处理机制"]},
    {"name": "明确牵头部门", "applies_to": [COMMITTEE, CITY, PROV, LOCAL],
     "key_terms": ["牵头部门", "具体事项", "责任部门"],
     "paraphrases": ["环委会公布各项生态环保事项的主责单位", "新出台政策文件逐项明确主办和协办单位", "对职责不清的事项协调确定主办部门"]},
    {"name": "牵头部门牵头抓总、协调督办", "applies_to": [PROV, LOCAL],
     "key_terms": ["牵头抓总", "协调督办", "配合部门"],
     "paraphrases": ["作为主责单位召集成员单位会商推进", "对进度滞后的协办单位发函提醒", "各协办单位按分工积极配合"]},
    {"name": "设立专业委员会", "applies_to": [PROV, LOCAL, COMMITTEE],
     "key_terms": ["专业委员会", "成员部门", "试点"],
     "paraphrases": ["成立水污染防治专委会统筹行业重点工作", "经环委会批准组建领域专班", "在部分县市开展专委会试点"]},
    {"name": "分解落实和三同步", "applies_to": [PROV, LOCAL],
     "key_terms": ["分解落实", "责任人", "同步安排部署", "同步组织实施", "同步监督检查"],
     "paraphrases": ["把环保事项细化到处室和具体责任人", "环保工作与业务工作一起部署一起检查", "重大情况及时向党委政府请示报告"]},
    {"name": "市州和省直部门年度专题报告", "applies_to": [CITY, PROV],
     "key_terms": ["专题报告", "1月底前", "省委、省政府", "抄送省生态环境保护委员会办公室"],
     "paraphrases": ["每年一月向省委省政府书面报告上年度履职情况", "报告在官网公开并抄报主管部委", "上年度生态环境保护工作情况报告"]},
    {"name": "地方职能部门年度报告", "applies_to": [LOCAL],
     "key_terms": ["同级党委和政府", "履行情况", "抄报上级主管部门", "同级生态环境保护委员会办公室"],
     "paraphrases": ["每年向县委县政府报告环保履职情况", "报告抄送本级环委办并在部门网站公开", "抄报市级主管部门"]},
    {"name": "流域综合治理", "applies_to": [CITY, PROV, LOCAL],
     "key_terms": ["流域综合治理", "底图单元", "长江干流", "汉江", "清江", "上下游"],
     "paraphrases": ["按流域片区统筹治理", "干支流联动、左右岸协同", "守住流域生态安全底线"]},
    {"name": "区域联建联防联治", "applies_to": [CITY],
     "key_terms": ["都市圈", "联防联控", "襄荆荆宜", "共建共享", "跨界"],
     "paraphrases": ["与周边城市统一监测统一标准", "跨市界河流协同治理", "大气污染传输通道联合应对"],
     "region": ["武汉市", "襄阳市", "宜昌市", "荆州市", "荆门市"]},
    {"name": "生态环境共建共治共享", "applies_to": [CITY, LOCAL],
     "key_terms": ["共同缔造", "生态示范创建", "农村生态环境治理", "房前屋后"],
     "paraphrases": ["发动村民参与清沟渠整治环境", "资源力量下沉村组", "美好环境与幸福生活"]},
    {"name": "省级生态环境保护督察", "applies_to": [COMMITTEE, PROV, CITY],
     "key_terms": ["生态环境保护督察", "例行督察", "专项督察", "巡视", "离任审计"],
     "paraphrases": ["督察反馈问题整改销号", "督察与巡视审计贯通协同", "对省属企业开展例行检查"]},
    {"name": "纪检监察、组织和审计监督", "applies_to": [SUPERVISION],
     "key_terms": ["纪检监察", "形式主义", "官僚主义", "失职失责", "审计"],
     "paraphrases": ["对生态环保领域弄虚作假问责", "领导干部自然资源资产离任审计", "组织部门把环保实绩纳入干部考察"]},
    {"name": "行政执法与司法联动", "applies_to": [JUSTICE, PROV, LOCAL],
     "key_terms": ["行刑衔接", "公益诉讼", "生态环境损害赔偿", "移送", "联动机制"],
     "paraphrases": ["环境部门与公安检察联合办案", "涉环境犯罪案件及时移交立案", "检察机关提起环境公益诉讼"]},
    {"name": "生态环境保护队伍建设", "applies_to": [CITY, PROV, LOCAL, PARTY_SCHOOL],
     "key_terms": ["队伍建设", "教育培训", "党校", "容错机制", "表彰奖励", "基层和一线"],
     "paraphrases": ["党校主体班开设生态文明课程", "落实基层环保人员待遇", "建立容错纠错和激励机制"]},
    {"name": "生态环境保护委员会组织协调", "applies_to": [COMMITTEE],
     "key_terms": ["生态环境保护委员会", "委员会办公室", "目标责任制", "考核评价", "成员单位"],
     "paraphrases": ["环委会全体会议研究部署年度重点任务", "环委办督促成员单位落实责任", "牵头开展生态环境保护目标考核"]},
]


def parse_seed(text: str) -> tuple[dict[int, str], dict[int, tuple[str, str]]]:
    """Article texts keyed 1..20 and the chapter (numeral, title) each belongs to."""
    texts: dict[int, str] = {}
    chapters: dict[int, tuple[str, str]] = {}
    chapter = ("", "")
    labels = {f"({cn_number(n)})": n for n in range(1, 21)}
    for raw in text.splitlines():
        line = re.sub(r"^\[bookmark:[^\]]*\]\s*", "", raw.strip())
        m = re.match(r"^([一二三四五六七])、(.+)$", line)
        if m:
            chapter = (m.group(1), m.group(2))
            continue
        m = re.match(r"^(\([一二三四五六七八九十]+\))(.+)$", line)
        if m and m.group(1) in labels:
            n = labels[m.group(1)]
            texts[n] = m.group(2).strip()
            chapters[n] = chapter
    return texts, chapters


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=Path, default=SEED)
    args = ap.parse_args()
    texts, chapters = parse_seed(args.seed.read_text(encoding="utf-8"))
    if sorted(texts) != list(range(1, 21)):
        raise SystemExit(f"政策文本中只找到 {len(texts)} 条，应为 20 条：{sorted(texts)}")
    out = []
    for n, extra in enumerate(ARTICLES, 1):
        out.append({
            "id": n,
            "label": f"（{cn_number(n)}）",
            "chapter": chapters[n][0],
            "chapter_title": chapters[n][1],
            "name": extra["name"],
            "text": texts[n],
            "key_terms": extra["key_terms"],
            "paraphrases": extra["paraphrases"],
            "applies_to": extra["applies_to"],
            "region": extra.get("region", []),
        })
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"policy": "湖北省推动职能部门做好生态环境保护工作的实施意见", "articles": out},
                              ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {OUT} ({len(out)} articles)")


if __name__ == "__main__":
    main()
