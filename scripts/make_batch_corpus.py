"""A realistic batch for measuring ``ecocheck batch``: 300 files in every format.

From the labelled coverage documents: text PDFs, DOCX, GB18030 TXT, OFD, HTML
and some scanned PDFs; plus 10 broken files (truncated, encrypted-looking,
empty, renamed images, random bytes, a directory named .pdf is skipped …)
and 5 duplicates under other names, some inside a ZIP bundle.

    python scripts/make_batch_corpus.py OUT_DIR [--scans 6]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from render_corpus import Renderer, find_font, layout_blocks, write_docx, write_html, write_ofd, write_txt  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--total", type=int, default=300)
    ap.add_argument("--scans", type=int, default=6)
    args = ap.parse_args()
    rng = random.Random(7)
    out = args.out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    docs = [json.loads(line) for line in (ROOT / "corpora/coverage/docs.jsonl").open(encoding="utf-8")]
    font = find_font()
    kinds = ["text", "docx", "txt", "ofd", "html"]
    n_good = args.total - 10 - 5
    made: list[Path] = []
    for i in range(n_good):
        d = docs[i % len(docs)]
        source = {"id": d["id"], "paragraphs": [p["text"] for p in d["paragraphs"]],
                  "meta": {"title": d["paragraphs"][0]["text"]}}
        kind = "scan" if i < args.scans else kinds[i % len(kinds)]
        renderer = Renderer(font, seed=i)
        stem = out / f"{i:03d}_{d['id']}"
        if kind in ("text", "scan"):
            pages = renderer.layout(source)
            path = stem.with_suffix(".pdf")
            if kind == "scan":
                renderer.scan_pdf(pages, path, "dash")
            else:
                renderer.text_pdf(pages, path, "dash", None)
        elif kind == "docx":
            path = stem.with_suffix(".docx")
            write_docx(source, layout_blocks(source), path, textbox_head=i % 2 == 0)
        elif kind == "txt":
            path = stem.with_suffix(".txt")
            write_txt(layout_blocks(source), path)
        elif kind == "ofd":
            path = stem.with_suffix(".ofd")
            write_ofd(renderer.layout(source), path, "dash", renderer)
        else:
            path = stem.with_suffix(".html")
            write_html(source, layout_blocks(source), path)
        made.append(path)
    broken = out / "broken"
    broken.mkdir()
    pdf = made[args.scans].read_bytes()
    (broken / "截断.pdf").write_bytes(pdf[: len(pdf) // 3])
    (broken / "空文件.pdf").write_bytes(b"")
    (broken / "空文本.txt").write_bytes(b"")
    (broken / "图片改名.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    (broken / "乱码.docx").write_bytes(os.urandom(4096))
    (broken / "假压缩.ofd").write_bytes(os.urandom(1024))
    (broken / "假文档.doc").write_bytes(os.urandom(1024))
    (broken / "英文备忘.txt").write_text("Quarterly budget memo. Nothing about the environment. " * 30, encoding="utf-8")
    (broken / "残缺网页.html").write_bytes(b"<html><body>\xff\xfe\x00</body>")
    with zipfile.ZipFile(broken / "坏压缩包.zip", "w") as zf:
        zf.writestr("../逃逸.txt", "恶意路径")
    dupes = out / "duplicates"
    dupes.mkdir()
    for j, src in enumerate(rng.sample(made, 4)):
        shutil.copy(src, dupes / f"重复提交{j}{src.suffix}")
    with zipfile.ZipFile(out / "补交材料.zip", "w") as zf:
        zf.write(made[-1], f"补交/{made[-1].name}")
    print(f"{len(made)} documents, 10 broken, 5 duplicates → {out}")


if __name__ == "__main__":
    main()
