"""Article coverage on noisy copies of the labelled documents, end to end.

Each document of a split is laid out the GB/T 9704 way and written as a
stamped, skewed, noisy scan (``render_corpus.py``); ``ecocheck``'s full path
then reads it back (OCR, line joining, structure) and analyses it. This
measures what the clean-text figures hide: broken lines, page numbers, OCR
errors. The gold labels are the document-level labels of the clean text.

    python scripts/eval_noisy.py [--split test] [--kind scan|text] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from render_corpus import Renderer, find_font  # noqa: E402

from analyzer.analysis import Analyzer  # noqa: E402
from analyzer.evaluate import coverage_metrics  # noqa: E402
from analyzer.pipeline import read_document  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="test")
    ap.add_argument("--kind", choices=["scan", "text"], default="scan")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    rows = [json.loads(line) for line in (ROOT / "corpora/coverage/docs.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if r["split"] == args.split][: args.limit or None]
    analyzer = Analyzer.load()
    font = find_font()
    pred, gold, types, leads = [], [], 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, r in enumerate(rows):
            source = {"id": r["id"], "paragraphs": [p["text"] for p in r["paragraphs"]],
                      "meta": {"title": r["paragraphs"][0]["text"]}}
            renderer = Renderer(font, seed=100 + i)
            pages = renderer.layout(source)
            path = Path(tmp) / f"{r['id']}.pdf"
            if args.kind == "scan":
                renderer.scan_pdf(pages, path, "dash")
            else:
                renderer.text_pdf(pages, path, "dash", None)
            doc = analyzer.analyze(read_document(path))
            covered = {a.article for a in doc.articles if a.covered}
            pred.append(covered)
            gold.append(set(r["articles"]))
            types += doc.doc_type == r["doc_type"]
            leads += doc.lead.named == r["lead"]["named"]
            print(f"{r['id']:10s} pages={doc.source.pages} ocr={doc.source.ocr_pages} "
                  f"missed={sorted(gold[-1] - covered)} extra={sorted(covered - gold[-1])}", file=sys.stderr)
    m = coverage_metrics(pred, gold)
    n = len(rows)
    print(f"{args.split} split as {args.kind} PDFs ({n} documents): macro-F1 {m['macro_f1']:.3f}, "
          f"micro-F1 {m['micro_f1']:.3f}, doc_type accuracy {types / n:.3f}, lead.named accuracy {leads / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
