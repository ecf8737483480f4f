"""The committee's gap summary from a batch's records.

Who submitted and who did not (against the roster), who was late, which
applicable articles each submitter's reports cover (a submitter × article
matrix with applicability shaded), which articles nobody covers, which
drafts and reports name no lead department. Written as ``summary.html``
(self-contained, no internet), ``summary.xlsx`` (总览, 覆盖矩阵, 问题清单, 文件明细),
``summary.csv`` (the matrix) and ``summary.md`` (text for a memo).
"""

from __future__ import annotations

import csv
import html
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .kb import N_ARTICLES, load_kb

ROSTER_PATH = Path(__file__).resolve().parents[1] / "corpora" / "roster" / "roster.csv"
#: Roster categories → the knowledge base's submitter names.
KB_CATEGORY = {"市州": "市州党委政府", "省直部门": "省直职能部门", "地方部门": "地方职能部门"}


@dataclass(frozen=True, slots=True)
class RosterEntry:
    name: str
    category: str


def load_roster(path: Path | None = None) -> list[RosterEntry]:
    """Expected submitters (CSV with columns name, category)."""
    with (path or ROSTER_PATH).open(encoding="utf-8-sig", newline="") as fh:
        return [RosterEntry(r["name"].strip(), r["category"].strip()) for r in csv.DictReader(fh) if r.get("name")]


def applies(article_id: int, entry: RosterEntry) -> bool:
    """Does the article concern this submitter (knowledge base: applies_to and, for article 14, the region)?"""
    art = load_kb()[article_id - 1]
    if KB_CATEGORY.get(entry.category) not in art.applies_to:
        return False
    return not art.region or entry.name in art.region


@dataclass
class Summary:
    roster: list[RosterEntry]
    records: list[dict[str, Any]]
    year: int | None = None
    by_submitter: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: The roster as given; ``roster`` also lists submitters found outside it.
    expected: list[RosterEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        extra: dict[str, str] = {}
        for rec in self.records:
            who = rec.get("submitter") or {}
            if who.get("name") and rec.get("doc_type") == "annual_report":
                groups[who["name"]].append(rec)
                extra.setdefault(who["name"], who.get("category", "地方部门"))
        self.by_submitter = dict(groups)
        # Submitters outside the roster (local departments, counties) still get their row.
        self.expected = list(self.roster)
        known = {e.name for e in self.roster}
        self.roster = [*self.roster, *(RosterEntry(n, c) for n, c in extra.items() if n not in known)]

    # ---------------------------------------------------------------- facts
    @property
    def submitted(self) -> list[RosterEntry]:
        """Roster entries with at least one annual report."""
        return [e for e in self.expected if e.name in self.by_submitter]

    @property
    def missing(self) -> list[RosterEntry]:
        return [e for e in self.expected if e.name not in self.by_submitter]


    def covered(self, name: str) -> set[int]:
        return {a["article"] for r in self.by_submitter.get(name, []) for a in r["articles"] if a["covered"]}

    def matrix(self) -> list[tuple[RosterEntry, list[str]]]:
        """Per roster entry, per article: 'covered' / 'gap' / 'n/a' / 'missing' (no report)."""
        rows = []
        for entry in self.roster:
            cov = self.covered(entry.name)
            cells = []
            for a in range(1, N_ARTICLES + 1):
                if not applies(a, entry):
                    cells.append("n/a")
                elif entry.name not in self.by_submitter:
                    cells.append("missing")
                else:
                    cells.append("covered" if a in cov else "gap")
            rows.append((entry, cells))
        return rows

    def late(self) -> list[dict[str, Any]]:
        return [r for r in self.records for c in r["checks"] if c["code"] == "REPORT_DEADLINE" and c["status"] == "fail"]

    def no_lead(self) -> list[dict[str, Any]]:
        return [r for r in self.records if any(f["code"] == "NO_LEAD_DEPARTMENT" for f in r["flags"])]

    def uncovered_articles(self) -> list[int]:
        """Applicable articles that no submitted report covers."""
        rows = self.matrix()
        return [a for a in range(1, N_ARTICLES + 1)
                if any(cells[a - 1] == "gap" for _, cells in rows) and not any(cells[a - 1] == "covered" for _, cells in rows)]

    def issues(self) -> list[tuple[str, str, str]]:
        """(file or submitter, code, message) rows for the problem list."""
        out = [(e.name, "NOT_SUBMITTED", f"未报送{self.year or ''}年度专题报告（{e.category}）") for e in self.missing]
        for rec in self.records:
            if rec["error"]:
                out.append((rec["source"]["path"], rec["error"]["code"], rec["error"]["message"]))
            for c in rec["checks"]:
                if c["status"] == "fail":
                    out.append((rec["source"]["path"], c["code"], c["message"]))
            for f in rec["flags"]:
                if f["code"] in ("NO_LEAD_DEPARTMENT", "ITEM_WITHOUT_LEAD"):
                    out.append((rec["source"]["path"], f["code"], f["message"]))
        return out


# -------------------------------------------------------------------- writers

_CELL = {"covered": ("✓", "#2e7d32", "#c8e6c9"), "gap": ("✗", "#b71c1c", "#ffcdd2"),
         "n/a": ("", "#9e9e9e", "#eeeeee"), "missing": ("未报", "#6d4c41", "#ffe0b2")}


def write_csv(s: Summary, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["报送单位", "类别", *[f"第{a}条" for a in range(1, N_ARTICLES + 1)]])
        for entry, cells in s.matrix():
            w.writerow([entry.name, entry.category, *cells])


def write_markdown(s: Summary, path: Path) -> None:
    names = {a.id: a.name for a in load_kb()}
    lines = [f"# {s.year or ''}年度生态环境保护专题报告检查情况", "",
             f"应报送 {len(s.expected)} 家，已报送 {len(s.submitted)} 家，未报送 {len(s.missing)} 家；"
             f"逾期报送 {len(s.late())} 份；未明确牵头部门的报告或文件 {len(s.no_lead())} 份。", ""]
    if s.missing:
        lines.append("未报送：" + "、".join(e.name for e in s.missing) + "。")
    if s.late():
        lines.append("逾期报送：" + "、".join(sorted({Path(r["source"]["path"]).name for r in s.late()})) + "。")
    uncovered = s.uncovered_articles()
    if uncovered:
        lines.append("所有已报送单位均未涉及的条款：" + "；".join(f"第{a}条（{names[a]}）" for a in uncovered) + "。")
    gaps = [(e.name, [a for a, c in enumerate(cells, 1) if c == "gap"]) for e, cells in s.matrix()]
    gaps = [(n, g) for n, g in gaps if g]
    if gaps:
        lines += ["", "各单位未覆盖的适用条款："]
        lines += [f"- {n}：第{'、'.join(map(str, g))}条" for n, g in gaps]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


_CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
              "Microsoft YaHei", "SimHei", "PingFang SC", "AR PL UMing CN", "AR PL UKai CN")


def _cjk_font() -> str | None:
    """A font matplotlib can draw Chinese with, if the machine has one (else the chart uses numbers only)."""
    from matplotlib import font_manager

    available = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in _CJK_FONTS if name in available), None)


def coverage_chart(s: Summary) -> str:
    """Share of applicable submitters covering each article, as a base64 PNG (matplotlib)."""
    import base64
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [cells for entry, cells in s.matrix() if entry.name in s.by_submitter]
    shares = []
    for a in range(N_ARTICLES):
        applicable = [cells[a] for cells in rows if cells[a] in ("covered", "gap")]
        shares.append(sum(c == "covered" for c in applicable) / len(applicable) if applicable else 0.0)
    font = _cjk_font()
    with plt.rc_context({"font.family": [font] if font else ["DejaVu Sans"], "axes.unicode_minus": False}):
        fig, ax = plt.subplots(figsize=(9, 2.8), dpi=100)
        colours = ["#c62828" if v < 0.5 else "#f9a825" if v < 0.8 else "#2e7d32" for v in shares]
        ax.bar(range(1, N_ARTICLES + 1), [v * 100 for v in shares], color=colours)
        ax.set_xticks(range(1, N_ARTICLES + 1))
        ax.set_ylim(0, 100)
        if font:
            ax.set_xticklabels([f"第{a}条" for a in range(1, N_ARTICLES + 1)], rotation=60, fontsize=8)
            ax.set_ylabel("覆盖率（%）")
            ax.set_title("各条款在已报送单位中的覆盖率（仅计适用单位）")
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def write_html(s: Summary, path: Path) -> None:
    names = {a.id: a.name for a in load_kb()}
    e = html.escape
    head = "".join(f'<th title="{e(names[a])}">{a}</th>' for a in range(1, N_ARTICLES + 1))
    rows = []
    for entry, cells in s.matrix():
        tds = "".join(f'<td style="color:{_CELL[c][1]};background:{_CELL[c][2]}" title="{e(names[a])}">{_CELL[c][0]}</td>'
                      for a, c in enumerate(cells, 1))
        rows.append(f"<tr><th class=name>{e(entry.name)}</th><td class=cat>{e(entry.category)}</td>{tds}</tr>")
    issues = "".join(f"<tr><td>{e(Path(w).name)}</td><td>{e(c)}</td><td>{e(m)}</td></tr>" for w, c, m in s.issues())
    evidence = []
    for rec in s.records:
        for a in rec["articles"]:
            if a["covered"] and a["evidence"]:
                ev = a["evidence"][0]
                page = f"第{ev['page']}页" if ev.get("page") else ""
                evidence.append(f"<tr><td>{e(Path(rec['source']['path']).name)}</td><td>第{a['article']}条</td>"
                                f"<td>{e(ev['text'][:120])}</td><td>{page}</td></tr>")
    doc = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>生态环境保护专题报告检查汇总</title>
<style>
body {{ font-family: "Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif; margin: 24px; color:#212121 }}
.kpi {{ display:flex; gap:16px; margin: 12px 0 20px }} .kpi div {{ border:1px solid #ddd; border-radius:6px; padding:10px 16px }}
.kpi b {{ font-size: 28px; display:block }}
table {{ border-collapse: collapse; margin-bottom: 24px }} td, th {{ border:1px solid #e0e0e0; padding:4px 6px; font-size:13px; text-align:center }}
th.name, td.cat {{ text-align:left; white-space:nowrap }} .legend span {{ padding:2px 8px; margin-right:8px }}
</style></head><body>
<h1>{s.year or ''}年度生态环境保护专题报告检查汇总</h1>
<div class=kpi><div><b>{len(s.expected)}</b>应报送单位</div><div><b>{len(s.submitted)}</b>已报送</div>
<div><b>{len(s.missing)}</b>未报送</div><div><b>{len(s.late())}</b>逾期报送</div><div><b>{len(s.no_lead())}</b>未明确牵头部门</div>
<div><b>{len(s.records)}</b>检查文件</div></div>
<h2>各条款覆盖率</h2><img alt="各条款覆盖率" src="data:image/png;base64,{coverage_chart(s)}">
<h2>覆盖矩阵（报送单位 × 实施意见条款）</h2>
<p class=legend><span style="background:#c8e6c9">✓ 已覆盖</span><span style="background:#ffcdd2">✗ 适用但未覆盖</span>
<span style="background:#ffe0b2">未报 未报送</span><span style="background:#eeeeee">不适用</span></p>
<table><tr><th>报送单位</th><th>类别</th>{head}</tr>{''.join(rows)}</table>
<h2>所有已报送单位均未涉及的条款</h2><p>{'；'.join(f'第{a}条 {e(names[a])}' for a in s.uncovered_articles()) or '无'}</p>
<h2>问题清单</h2><table><tr><th>文件/单位</th><th>代码</th><th>说明</th></tr>{issues}</table>
<h2>证据摘录</h2><table><tr><th>文件</th><th>条款</th><th>证据</th><th>页码</th></tr>{''.join(evidence[:500])}</table>
</body></html>"""
    path.write_text(doc, encoding="utf-8")


def write_xlsx(s: Summary, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "总览"
    ws.append(["指标", "数值"])
    for label, value in (("应报送单位", len(s.expected)), ("已报送", len(s.submitted)), ("未报送", len(s.missing)),
                         ("逾期报送", len(s.late())), ("未明确牵头部门", len(s.no_lead())), ("检查文件", len(s.records))):
        ws.append([label, value])
    matrix = wb.create_sheet("覆盖矩阵")
    matrix.append(["报送单位", "类别", *[f"第{a}条" for a in range(1, N_ARTICLES + 1)]])
    for entry, cells in s.matrix():
        matrix.append([entry.name, entry.category, *[_CELL[c][0] or "—" for c in cells]])
    last = f"V{matrix.max_row}"
    for text, colour in (("✓", "C8E6C9"), ("✗", "FFCDD2"), ("未报", "FFE0B2")):
        matrix.conditional_formatting.add(f"C2:{last}", CellIsRule(operator="equal", formula=[f'"{text}"'],
                                                                  fill=PatternFill("solid", fgColor=colour)))
    issues = wb.create_sheet("问题清单")
    issues.append(["文件/单位", "代码", "说明"])
    for row in s.issues():
        issues.append(list(row))
    detail = wb.create_sheet("文件明细")
    detail.append(["文件", "文种", "发文机关", "标题", "成文日期", "覆盖条款", "牵头部门", "错误"])
    for rec in s.records:
        detail.append([rec["source"]["path"], rec.get("doc_type"), rec["meta"]["issuer"], rec["meta"]["title"],
                       rec["meta"]["date"], "、".join(str(a["article"]) for a in rec["articles"] if a["covered"]),
                       "、".join(rec["lead"]["departments"]), (rec["error"] or {}).get("message")])
    for sheet in wb.worksheets:
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    wb.save(path)


def write_summary(records: list[dict[str, Any]], out_dir: Path, roster: Path | None = None,
                  year: int | None = None) -> Summary:
    s = Summary(load_roster(roster), records, year)
    write_csv(s, out_dir / "summary.csv")
    write_markdown(s, out_dir / "summary.md")
    write_html(s, out_dir / "summary.html")
    write_xlsx(s, out_dir / "summary.xlsx")
    return s


def read_records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def compare_years(current: list[dict[str, Any]], previous: list[dict[str, Any]]) -> list[tuple[str, list[int], list[int]]]:
    """Per submitter: articles newly covered this year and articles covered last year but not now."""
    def covered(records: list[dict[str, Any]]) -> dict[str, set[int]]:
        out: dict[str, set[int]] = defaultdict(set)
        for rec in records:
            who = (rec.get("submitter") or {}).get("name")
            if who and rec.get("doc_type") == "annual_report":
                out[who] |= {a["article"] for a in rec["articles"] if a["covered"]}
        return out

    now, before = covered(current), covered(previous)
    rows = []
    for name in sorted(set(now) | set(before)):
        rows.append((name, sorted(now.get(name, set()) - before.get(name, set())),
                     sorted(before.get(name, set()) - now.get(name, set()))))
    return rows
