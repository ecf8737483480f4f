"""Build the bundled sample documents in ``samples/`` from corpus sources.

The samples cover what users submit: a GB/T 9704 text PDF, a stamped and
scanned PDF, a PDF whose signature page is scanned, DOCX (red head in a text
box), GB18030 TXT, OFD and a saved portal page, with reports, a policy draft
and an unrelated notice among them. ``samples/gold.json`` keeps each
sample's source id so tests can compare against the known text.

    python scripts/make_samples.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_corpus import (  # noqa: E402
    Renderer,
    find_font,
    layout_blocks,
    write_docx,
    write_html,
    write_ofd,
    write_txt,
)

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "corpora/extraction/src"
OUT = ROOT / "samples"

#: (source id, output file name, kind of rendering)
SAMPLES = [
    ("c01", "湖北省林业局_2023年度生态环境保护专题报告.pdf", "text"),
    ("a06", "十堰市_2023年度生态环境保护工作情况报告_扫描件.pdf", "scan"),
    ("a02", "省经信厅_2023年度生态环境保护职责履行情况报告_签章页扫描.pdf", "mixed"),
    ("a11", "黄石市_生态环境保护重点任务实施方案_征求意见稿.docx", "docx"),
    ("a10", "秭归县自然资源和规划局_2023年度生态环境保护职责履行情况报告.txt", "txt"),
    ("b01", "武汉市水务局_2023年度生态环境保护职责履行情况报告.ofd", "ofd"),
    ("b10", "黄石市自然资源和规划局_报告_网站公开版.html", "html"),
    ("a12", "武汉市体育局_全民健身运动会通知.docx", "docx"),
    ("c09", "襄阳市生态环境保护委员会_具体事项牵头部门清单.pdf", "text"),
]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    font = find_font("wqy-microhei")
    gold = {}
    for i, (doc_id, name, kind) in enumerate(SAMPLES):
        doc = json.loads((SRC / f"{doc_id}.json").read_text(encoding="utf-8"))
        renderer = Renderer(font, seed=7 + i)
        pages = renderer.layout(doc)
        blocks = layout_blocks(doc)
        path = OUT / name
        if kind == "text":
            renderer.text_pdf(pages, path, "dash", None)
        elif kind == "scan":
            renderer.scan_pdf(pages, path, "dash", dpi=200, noise=4.0, quality=60)
        elif kind == "mixed":
            renderer.mixed_pdf(pages, path, "dash", noise=4.0, quality=60)
        elif kind == "docx":
            write_docx(doc, blocks, path, textbox_head=True)
        elif kind == "txt":
            write_txt(blocks, path)
        elif kind == "ofd":
            write_ofd(pages, path, "dash", renderer)
        elif kind == "html":
            write_html(doc, blocks, path)
        gold[name] = {"source": doc_id, "kind": kind, "doc_kind": doc["kind"]}
        print(f"{name}  ({kind}, {path.stat().st_size // 1024} KB)")
    (OUT / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
