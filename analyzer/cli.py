"""Command line: a thin layer over the Python API.

Library errors become one clean Chinese line on stderr and a non-zero exit;
tracebacks appear only with ``--debug``.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .config import Settings
from .datamodel import Document
from .errors import AnalyzerError, DocumentLoadError
from .files import expand_inputs
from .pipeline import read_document

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="ecocheck：检查政府文件对《湖北省推动职能部门做好生态环境保护工作的实施意见》的落实情况。",
)
err = Console(stderr=True, soft_wrap=True)


class ExtractFormat(StrEnum):
    text = "text"
    json = "json"
    table = "table"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ecocheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="显示版本号并退出。"),
) -> None:
    """ecocheck 命令行。"""


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="要读取的文件；--format table 时也可给文件夹。", show_default=False),
    fmt: ExtractFormat = typer.Option(ExtractFormat.text, "--format", "-f", help="text：规范化后的正文（分页符分隔）；json：结构化结果；table：汇总表。"),
    no_ocr: bool = typer.Option(False, "--no-ocr", help="不对扫描页做文字识别（更快，但扫描页没有文字）。"),
    debug: bool = typer.Option(False, "--debug", help="出错时显示完整的调用栈。"),
) -> None:
    """读取文件，输出规范化正文、公文要素（发文字号、标题、主送、成文日期、抄送）和段落。

    示例：ecocheck extract 报告.pdf --format json
          ecocheck extract samples/ --format table
    """
    settings = Settings.resolve({"ocr": False} if no_ocr else None)
    paths = expand_inputs(files) if fmt is ExtractFormat.table else files
    failed = 0
    rows: list[tuple[Path, Document | DocumentLoadError]] = []
    for path in paths:
        try:
            doc = read_document(path, settings, display_path=str(path))
        except DocumentLoadError as exc:
            failed += 1
            if fmt is ExtractFormat.table:
                rows.append((path, exc))
            else:
                err.print(f"[red]错误[/red] {path}：{exc.message}", highlight=False)
            continue
        except Exception as exc:  # a defect, not bad input: still one clean line
            if debug:
                raise
            failed += 1
            message = f"内部错误（{type(exc).__name__}: {exc}）。请把该文件反馈给开发团队；加 --debug 可查看详情。"
            if fmt is ExtractFormat.table:
                rows.append((path, DocumentLoadError("INTERNAL_ERROR", message)))
            else:
                err.print(f"[red]错误[/red] {path}：{message}", highlight=False)
            continue
        if fmt is ExtractFormat.text:
            sys.stdout.write(doc.text + "\n")
        elif fmt is ExtractFormat.json:
            sys.stdout.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
        else:
            rows.append((path, doc))
    if fmt is ExtractFormat.table:
        _print_table(rows)
    if failed:
        raise typer.Exit(code=1)


def _print_table(rows: list[tuple[Path, Document | DocumentLoadError]]) -> None:
    table = Table(title="文件读取汇总", show_lines=False)
    for name, kw in (("文件", {}), ("格式", {}), ("页数", {"justify": "right"}), ("OCR页", {"justify": "right"}),
                     ("字数", {"justify": "right"}), ("标题", {"overflow": "fold"}), ("成文日期", {})):
        table.add_column(name, **kw)
    for path, item in rows:
        if isinstance(item, DocumentLoadError):
            table.add_row(path.name, "-", "-", "-", "-", f"[red]{item.code}：{item.message}[/red]", "-")
            continue
        s, m = item.source, item.meta
        table.add_row(path.name, s.format, "-" if s.pages is None else str(s.pages), str(s.ocr_pages),
                      str(s.chars), _short(m.title) or "（未识别）", m.date or "-")
    out = Console()
    if not out.is_terminal:
        out = Console(width=160)
    out.print(table)


class AnalyzeFormat(StrEnum):
    json = "json"
    table = "table"


@app.command()
def analyze(
    files: list[Path] = typer.Argument(..., help="要检查的文件或文件夹。", show_default=False),
    fmt: AnalyzeFormat = typer.Option(AnalyzeFormat.json, "--format", "-f", help="json：每个文件一行契约记录（JSON Lines）；table：中文摘要。"),
    model: str = typer.Option("linear", "--model", help="条款覆盖模型。"),
    no_ocr: bool = typer.Option(False, "--no-ocr", help="不对扫描页做文字识别。"),
    year: int = typer.Option(None, "--year", help="报告年度（用于判断是否按时报送）；不给则从标题或正文识别。"),
) -> None:
    """检查文件落实了实施意见二十条中的哪些条款，给出证据段落、牵头部门和问题提示。

    示例：ecocheck analyze 报告.pdf --format table
          ecocheck analyze samples/ > reports.jsonl
    """
    from .analysis import Analyzer

    analyzer = Analyzer.load(model, {"ocr": False} if no_ocr else None, year)
    failed = 0
    for path in expand_inputs(files):
        rec = analyzer.analyze_file(path, str(path))
        failed += rec["error"] is not None
        if fmt is AnalyzeFormat.json:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            from .render import print_record

            print_record(rec)
    if failed:
        raise typer.Exit(code=1)


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="标注集（语料格式的 JSON Lines，如 corpora/coverage/docs.jsonl）。", show_default=False),
    split: str = typer.Option("test", "--split", help="只评估该划分（train/dev/test；all 表示全部）。"),
    model: str = typer.Option("linear", "--model", help="条款覆盖模型。"),
    task: str = typer.Option("coverage", "--task", help="coverage：条款覆盖、文种、牵头识别；lead：牵头部门标注集（corpora/lead/docs.jsonl）；checks：报送要求检查（corpora/checks/gold.jsonl）。"),
    out: Path = typer.Option(None, "--json", help="把完整结果写入该 JSON 文件。"),
) -> None:
    """在标注集上计算逐条 P/R/F1、宏/微 F1、文种准确率、牵头识别准确率，并与关键词基线对比。

    示例：ecocheck evaluate corpora/coverage/docs.jsonl --split dev
    """
    from .analysis import Analyzer
    from .evaluate import evaluate as run_evaluation
    from .evaluate import format_report, load_gold

    if not gold.is_file():
        raise AnalyzerError(f"找不到标注集文件：{gold}")
    splits = None if split == "all" else {split}
    if task == "lead":
        from .evaluate import evaluate_lead, format_lead_report, load_lead_gold

        lead_docs = _non_empty(load_lead_gold(gold, splits), split)
        lead_result = evaluate_lead(Analyzer.load(model), lead_docs)
        typer.echo(format_lead_report(lead_result, f"{gold} [{split}] lead"))
        _save_json(out, lead_result)
        return
    if task == "checks":
        from .evaluate import evaluate_checks

        docs_path = Path(__file__).resolve().parents[1] / "corpora" / "coverage" / "docs.jsonl"
        check_result = evaluate_checks(Analyzer.load(model), gold, docs_path)
        typer.echo(f"{gold}: {check_result['reports']} 份年度报告")
        for code, acc in check_result["accuracy"].items():
            typer.echo(f"  {code:18s} {acc:.3f}")
        for e in check_result["errors"][:20]:
            typer.echo(f"  {e['id']} {e['check']}: got {e['got']} want {e['want']}")
        _save_json(out, check_result)
        return
    if task != "coverage":
        raise AnalyzerError(f"未知的评测任务 {task!r}；可用：coverage、lead、checks")
    docs = _non_empty(load_gold(gold, splits), split)
    result = run_evaluation(Analyzer.load(model), docs)
    typer.echo(format_report(result, f"{gold} [{split}] model={model}"))
    _save_json(out, result)


def _non_empty(docs: list, split: str) -> list:
    if not docs:
        raise AnalyzerError(f"标注集中没有划分为 {split} 的文档。")
    return docs


def _save_json(path: Path | None, result: dict) -> None:
    """Write a full evaluation result when --json was given."""
    if path is not None:
        path.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


@app.command()
def batch(
    inputs: list[Path] = typer.Argument(..., help="文件、文件夹（递归）或 ZIP 压缩包。", show_default=False),
    out: Path = typer.Option(..., "--out", "-o", help="输出文件夹：reports.jsonl 和本地数据库 ecocheck.sqlite。"),
    year: int = typer.Option(None, "--year", help="报告年度（如 2024）；不给则从标题或正文识别。"),
    workers: int = typer.Option(0, "--workers", "-j", help="并行进程数；0 表示按 CPU 核数。"),
    timeout: float = typer.Option(120.0, "--timeout", help="单个文件的处理时限（秒），超时记为 TIMEOUT。"),
    memory_mb: int = typer.Option(6144, "--memory-mb", help="每个工作进程的内存上限（MB），0 表示不限。"),
    db: Path = typer.Option(None, "--db", help="SQLite 数据库路径（默认在输出文件夹中）。"),
    roster: Path = typer.Option(None, "--roster", help="应报送单位名单（CSV：name,category），默认为第十一条规定的市州和省直部门。"),
    model: str = typer.Option("linear", "--model", help="条款覆盖模型。"),
    strict: bool = typer.Option(False, "--strict", help="有文件处理失败时以非零状态退出。"),
    inline: bool = typer.Option(False, "--inline", help="不开子进程，逐个处理（调试用，无超时保护）。"),
) -> None:
    """批量检查报送文件：每个文件一条记录写入 OUT/reports.jsonl，结果存入本地数据库，可中断后续跑。

    示例：ecocheck batch 报送材料/ 报送材料.zip --out 2024年度检查 --year 2024
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .batch import run_batch
    from .executor import InlineExecutor, ProcessExecutor

    missing = [p for p in inputs if not p.exists()]
    if missing:
        raise AnalyzerError(f"找不到输入：{'、'.join(map(str, missing))}")
    executor = InlineExecutor() if inline else ProcessExecutor(workers or None, timeout, memory_mb)
    with Progress(TextColumn("[bold]检查中"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  TextColumn("{task.description}"), console=err, transient=False) as bar:
        job = bar.add_task("", total=None)

        def tick(outcome, total: int) -> None:
            name = Path(outcome.task.display).name if outcome else ""
            bar.update(job, total=total, advance=1, description=name[:40])

        try:
            result = run_batch(inputs, out, db=db, model=model, settings={}, executor=executor, year=year,
                               roster=roster, progress=tick)
        except KeyboardInterrupt:
            err.print("[yellow]已中断[/yellow]：已完成的结果都已保存在数据库中，重新运行同一命令即可继续。")
            raise typer.Exit(code=130) from None
    err.print(f"完成：{len(result.records)} 个文件，新分析 {result.analysed} 份、沿用已有结果 {result.reused} 份，"
              f"失败 {result.failed} 个，用时 {result.seconds:.1f} 秒。结果：{out / 'reports.jsonl'}；"
              f"汇总：{out / 'summary.html'}、summary.xlsx、summary.csv、summary.md", highlight=False)
    if strict and result.failed:
        raise typer.Exit(code=1)


@app.command()
def summary(
    reports: Path = typer.Argument(None, help="batch 生成的 reports.jsonl（或用 --db 和 --year 从数据库读取）。", show_default=False),
    out: Path = typer.Option(None, "--out", "-o", help="汇总文件输出文件夹（默认与 reports.jsonl 或数据库同目录）。"),
    roster: Path = typer.Option(None, "--roster", help="应报送单位名单（CSV：name,category）。"),
    year: int = typer.Option(None, "--year", help="报告年度。"),
    db: Path = typer.Option(None, "--db", help="batch 的数据库（ecocheck.sqlite），按 --year 取该年度最近一次检查。"),
    compare: int = typer.Option(None, "--compare", help="与该年度比较：各单位新增覆盖和不再覆盖的条款（需要 --db）。"),
) -> None:
    """由检查记录生成委员会汇总：summary.html、summary.xlsx、summary.csv、summary.md；可做年度对比。

    示例：ecocheck summary 2024年度检查/reports.jsonl --year 2024
          ecocheck summary --db 检查/ecocheck.sqlite --year 2024 --compare 2023
    """
    from .store import Store
    from .summary import compare_years, read_records, write_summary

    if db is not None:
        if not db.is_file() or year is None:
            raise AnalyzerError("使用 --db 时需要已有的数据库文件和 --year。")
        store = Store(db)
        records = store.records_for_year(year)
        previous = store.records_for_year(compare) if compare else []
        store.close()
        if not records:
            raise AnalyzerError(f"数据库中没有 {year} 年度已完成的检查（batch 时请加 --year {year}）。")
        target = out or db.parent
    else:
        if reports is None or not reports.is_file():
            raise AnalyzerError(f"找不到检查记录文件：{reports}；或用 --db 和 --year 从数据库读取。")
        if compare:
            raise AnalyzerError("年度对比需要 --db（数据库里保存了各年度的检查）。")
        records, previous = read_records(reports), []
        target = out or reports.parent
    target.mkdir(parents=True, exist_ok=True)
    s = write_summary(records, target, roster, year)
    typer.echo(f"已生成汇总：{target / 'summary.html'}（应报送 {len(s.expected)} 家，已报送 {len(s.submitted)} 家，"
               f"未报送 {len(s.missing)} 家）")
    if compare:
        table = Table(title=f"{year} 年与 {compare} 年对比")
        for col in ("报送单位", f"{year} 年新增覆盖", f"{year} 年不再覆盖"):
            table.add_column(col)
        for name, gained, dropped in compare_years(records, previous):
            table.add_row(name, "、".join(f"第{a}条" for a in gained) or "—", "、".join(f"第{a}条" for a in dropped) or "—")
        Console(width=160).print(table)


def _short(text: str | None, width: int = 30) -> str | None:
    return text if text is None or len(text) <= width else text[: width - 1] + "…"


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except AnalyzerError as exc:  # configuration errors and the like
        err.print(f"[red]错误[/red] {exc}", highlight=False)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
