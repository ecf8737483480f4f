"""Lead detection end to end: the labelled drafts rendered as the files users submit, then read back.

``ecocheck evaluate --task lead`` reads the drafts as clean paragraphs; users
send PDFs and DOCX files, where pages break lines, page numbers and running
headers appear and task tables become spaced text. This script renders each
draft of the chosen split with ``scripts/render_corpus.py`` (text PDF, DOCX,
GB18030 TXT; task tables as real Word tables in the DOCX and as spaced text
rows elsewhere, as an unruled PDF table reads; ``--scan`` adds the scanned PDF,
slow), reads every file through
the whole pipeline and prints the same figures per format.

    python scripts/eval_lead_formats.py --split test [--groups ldo] [--scan] [--out /tmp/lead_build]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from docx import Document as DocxDocument  # noqa: E402
from docx.shared import Pt  # noqa: E402
from render_corpus import Renderer, cjk_fonts, find_font, layout_blocks, write_txt  # noqa: E402

from analyzer.analysis import Analyzer  # noqa: E402
from analyzer.evaluate import LeadGold, evaluate_lead, format_lead_report, load_lead_gold, read_jsonl  # noqa: E402
from analyzer.pipeline import read_document  # noqa: E402

_TITLE = re.compile(r"(?:关于|方案|计划|清单|要点|通知|意见|办法|细则|分工)")


def as_source(draft: dict) -> dict:
    """The renderer's input: paragraphs (table cells spaced, not tabbed) and the little meta it lays out by."""
    paras = [p["text"].replace("\t", "\u3000\u3000") for p in draft["paragraphs"]]
    title = next((p for p in paras[:5] if _TITLE.search(p) and len(p) <= 80 and not p.endswith("：")), None)
    return {"id": draft["id"], "kind": "policy_draft", "paragraphs": paras, "meta": {"title": title}}


def write_docx_with_tables(draft: dict, path: Path) -> None:
    """Paragraphs as Word paragraphs; consecutive tab-separated rows as one Word table."""
    d = DocxDocument()
    d.styles["Normal"].font.size = Pt(16)
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            width = max(len(r) for r in rows)
            table = d.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, cell in enumerate(r):
                    table.cell(i, j).text = cell
            rows.clear()

    for para in draft["paragraphs"]:
        if "\t" in para["text"]:
            rows.append(para["text"].split("\t"))
            continue
        flush()
        d.add_paragraph(para["text"])
    flush()
    d.save(str(path))


def render(draft: dict, out: Path, font: Path, scan_font: Path, scan: bool, seed: int) -> dict[str, Path]:
    src = as_source(draft)
    out.mkdir(parents=True, exist_ok=True)
    renderer = Renderer(font, seed)
    pages = renderer.layout(src)
    files = {"text.pdf": out / "text.pdf", "doc.docx": out / "doc.docx", "gb18030.txt": out / "gb18030.txt"}
    renderer.text_pdf(pages, files["text.pdf"], "dash", None)
    blocks = layout_blocks(src)
    write_docx_with_tables(draft, files["doc.docx"])
    write_txt(blocks, files["gb18030.txt"])
    if scan:
        scanner = Renderer(scan_font, seed + 1)
        files["scan.pdf"] = out / "scan.pdf"
        scanner.scan_pdf(scanner.layout(src), files["scan.pdf"], "dash")
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="test")
    ap.add_argument("--groups", default="", help="only drafts whose id starts with one of these (comma-separated)")
    ap.add_argument("--scan", action="store_true")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    gold_path = ROOT / "corpora/lead/docs.jsonl"
    groups = tuple(g for g in args.groups.split(",") if g)
    drafts = [d for d in read_jsonl(gold_path, {args.split}) if not groups or d["id"].startswith(groups)]
    golds = {g.id: g for g in load_lead_gold(gold_path, {args.split})}
    out = args.out or Path(tempfile.mkdtemp(prefix="lead_build_"))
    font = find_font("wqy-microhei")
    fonts = cjk_fonts() or [font]
    analyzer = Analyzer.load()
    by_format: dict[str, list[LeadGold]] = {}
    for i, d in enumerate(drafts):
        files = render(d, out / d["id"], font, fonts[i % len(fonts)], args.scan, 20241128 + i)
        g = golds[d["id"]]
        for fmt, path in files.items():
            doc = read_document(path)
            by_format.setdefault(fmt, []).append(dataclasses.replace(g, doc=doc))
    results = {}
    for fmt, docs in by_format.items():
        res = evaluate_lead(analyzer, docs)
        results[fmt] = res
        print(format_lead_report(res, f"{fmt} ({args.split}{', ' + args.groups if groups else ''})"))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
