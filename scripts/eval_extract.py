"""Measure extraction against known text: character similarity and meta accuracy.

Reads the rendered corpus (``scripts/render_corpus.py``), runs the same code
as ``ecocheck extract`` on every format of every document, and compares:

* similarity: 1 - normalised Levenshtein distance between the extracted text
  and the source text, both without whitespace (page-number artefacts are not
  in the source, so any that survive count against us);
* meta: date, doc_number and cc exactly equal to the gold (also title,
  recipients, issuer for information);
* paras: the share of source paragraphs of 40+ characters (those that wrap)
  that come back as exactly one paragraph — line joining across lines and pages.

    python scripts/eval_extract.py [--build DIR] [--formats text.pdf,scan.pdf] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer import read_document  # noqa: E402

FORMATS = ["text.pdf", "scan.pdf", "doc.docx", "gb18030.txt", "doc.ofd", "page.html"]
TARGETS = {"text.pdf": 0.99, "doc.ofd": 0.99, "doc.docx": 0.99, "gb18030.txt": 0.99, "scan.pdf": 0.93}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def similarity(a: str, b: str) -> float:
    return Levenshtein.normalized_similarity(squash(a), squash(b))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", type=Path, default=ROOT / "corpora/extraction/build")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--json", type=Path, default=None, help="write per-document results here")
    ap.add_argument("--show", type=int, default=3, help="print the worst N documents per format")
    args = ap.parse_args()
    docs = sorted(p for p in args.build.iterdir() if (p / "gold.json").exists()) if args.build.exists() else []
    if not docs:
        print(f"没有找到渲染好的语料：请先运行 python scripts/render_corpus.py（{args.build}）", file=sys.stderr)
        return 2
    results = []
    for fmt in args.formats.split(","):
        for d in docs:
            gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
            path = d / fmt
            if not path.exists():
                continue
            t0 = time.perf_counter()
            doc = read_document(path)
            elapsed = time.perf_counter() - t0
            src = "".join(gold["paragraphs"])
            got = doc.text
            meta, gm = doc.meta, gold["meta"]
            body = [squash(t) for t in gold["paragraphs"] if len(squash(t)) >= 40]  # paragraphs long enough to wrap
            found = {squash(p.text) for p in doc.paragraphs}
            results.append({
                "doc": gold["id"], "format": fmt, "seconds": elapsed, "pages": doc.source.pages,
                "similarity": similarity(got, src),
                "paragraphs": sum(t in found for t in body) / max(1, len(body)),
                "date": meta.date == gm["date"], "doc_number": meta.doc_number == gm["doc_number"],
                "cc": meta.cc == gm["cc"], "title": meta.title == (gm["title"] or "").replace(" ", "") if gm["title"] else meta.title is None,
                "recipients": meta.recipients == gm["recipients"], "issuer": meta.issuer == gm["issuer"],
                "got": {"date": meta.date, "doc_number": meta.doc_number, "cc": meta.cc, "title": meta.title,
                        "recipients": meta.recipients, "issuer": meta.issuer},
                "want": {k: gm[k] for k in ("date", "doc_number", "cc", "title", "recipients", "issuer")},
            })
            print(f"{fmt:12s} {gold['id']}  sim={results[-1]['similarity']:.4f}  {elapsed:.2f}s", file=sys.stderr)
    print()
    print(f"{'format':12s} {'docs':>4s} {'sim mean':>9s} {'sim min':>8s} {'target':>7s} {'date':>6s} {'docno':>6s} {'cc':>6s} "
          f"{'all3':>6s} {'title':>6s} {'recip':>6s} {'issuer':>6s} {'paras':>6s}")
    overall = []
    for fmt in args.formats.split(","):
        rows = [r for r in results if r["format"] == fmt]
        if not rows:
            continue
        sims = [r["similarity"] for r in rows]
        acc = {k: sum(r[k] for r in rows) / len(rows) for k in ("date", "doc_number", "cc", "title", "recipients", "issuer")}
        all3 = sum(r["date"] and r["doc_number"] and r["cc"] for r in rows) / len(rows)
        overall.extend(r["date"] and r["doc_number"] and r["cc"] for r in rows)
        target = TARGETS.get(fmt)
        print(f"{fmt:12s} {len(rows):4d} {statistics.fmean(sims):9.4f} {min(sims):8.4f} {target if target else '-':>7} "
              f"{acc['date']:6.3f} {acc['doc_number']:6.3f} {acc['cc']:6.3f} {all3:6.3f} {acc['title']:6.3f} "
              f"{acc['recipients']:6.3f} {acc['issuer']:6.3f} {statistics.fmean(r['paragraphs'] for r in rows):6.3f}")
    print(f"\nall formats: date+doc_number+cc exactly right on {sum(overall)}/{len(overall)} = {sum(overall) / len(overall):.3f}")
    for fmt in args.formats.split(","):
        rows = sorted((r for r in results if r["format"] == fmt), key=lambda r: r["similarity"])
        for r in rows[: args.show]:
            print(f"  worst {fmt} {r['doc']}: sim={r['similarity']:.4f}")
        for r in rows:
            bad = [k for k in ("date", "doc_number", "cc") if not r[k]]
            if bad:
                print(f"  meta {fmt} {r['doc']}: " + "; ".join(f"{k}: got {r['got'][k]!r} want {r['want'][k]!r}" for k in bad))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
