"""The readable Chinese summary of one record (``ecocheck analyze --format table``)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from .kb import load_kb

DOC_TYPE_NAMES = {"annual_report": "年度报告", "policy_draft": "政策文件（草案）", "other": "其他文件", None: "—"}
SEVERITY = {"error": "[red]错误[/red]", "warning": "[yellow]提示[/yellow]", "info": "说明"}


def _console() -> Console:
    console = Console()
    return console if console.is_terminal else Console(width=140)


def print_record(rec: dict[str, Any], console: Console | None = None) -> None:
    console = console or _console()
    src, meta = rec["source"], rec["meta"]
    console.rule(f"[bold]{src['path']}")
    if rec["error"]:
        console.print(f"[red]无法检查[/red]（{rec['error']['code']}）：{rec['error']['message']}", highlight=False)
        return
    console.print(f"文种：{DOC_TYPE_NAMES.get(rec['doc_type'])}　标题：{meta['title'] or '（未识别）'}", highlight=False)
    console.print(f"发文机关：{meta['issuer'] or '—'}　发文字号：{meta['doc_number'] or '—'}　成文日期：{meta['date'] or '—'}"
                  f"　页数：{src['pages'] if src['pages'] is not None else '—'}（OCR {src['ocr_pages']} 页）", highlight=False)
    names = {a.id: a.name for a in load_kb()}
    table = Table(show_lines=False)
    table.add_column("条款", justify="right")
    table.add_column("名称")
    table.add_column("覆盖", justify="center")
    table.add_column("得分", justify="right")
    table.add_column("最佳证据（页码）", overflow="fold")
    for a in rec["articles"]:
        ev = a["evidence"][0] if a["evidence"] else None
        snippet = f"{ev['text'][:60]}{'…' if len(ev['text']) > 60 else ''}（第{ev['page']}页）" if ev and ev["page"] else (
            ev["text"][:60] if ev else "")
        table.add_row(str(a["article"]), names[a["article"]], "[green]✓[/green]" if a["covered"] else "[dim]✗[/dim]",
                      f"{a['score']:.2f}", snippet)
    console.print(table)
    lead = rec["lead"]
    console.print(f"牵头部门：{'、'.join(lead['departments']) if lead['named'] else '[red]未明确[/red]'}", highlight=False)
    if lead["items"]:
        items = Table(title=f"任务事项（{len(lead['items'])} 项，未明确牵头 {lead['items_without_lead']} 项）")
        items.add_column("页", justify="right")
        items.add_column("任务", overflow="fold")
        items.add_column("牵头部门")
        for it in lead["items"]:
            items.add_row(str(it.get("page") or ""), it["text"][:70], "、".join(it["leads"]) or "[red]未明确[/red]")
        console.print(items)
    status = {"pass": "[green]通过[/green]", "fail": "[red]不符合[/red]", "unknown": "[yellow]无法判断[/yellow]"}
    for c in rec["checks"]:
        console.print(f"报送要求 {c['code']}：{status.get(c['status'], c['status'])}　{c['message']}", highlight=False)
    for f in rec["flags"]:
        console.print(f"{SEVERITY.get(f['severity'], f['severity'])} {f['code']}：{f['message']}", highlight=False)
