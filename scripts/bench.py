"""Throughput of each stage and end to end, as medians of several runs.

Text PDFs: pages/s for extraction alone (pypdfium2 with line geometry),
normalisation, structure parsing, and the whole ``ecocheck extract`` path;
pdfplumber's ``extract_text`` on the same files for comparison. Scanned PDFs:
seconds per page through the same path (OCR dominates).

Uses the rendered corpus when present (``scripts/render_corpus.py``), else the
bundled samples.

    python scripts/bench.py [--runs 5] [--scan-docs 4] [--skip-scan] [--only analysis --models linear,transformer,ensemble]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer.config import Settings  # noqa: E402
from analyzer.extract import load  # noqa: E402
from analyzer.normalize import normalize  # noqa: E402
from analyzer.pipeline import read_document  # noqa: E402
from analyzer.structure import parse_structure  # noqa: E402


def files(kind: str) -> list[Path]:
    build = ROOT / "corpora/extraction/build"
    found = sorted(build.glob(f"*/{kind}.pdf")) if build.exists() else []
    if found:
        return found
    pattern = "*扫描件.pdf" if kind == "scan" else "*.pdf"
    return [p for p in sorted((ROOT / "samples").glob(pattern)) if kind == "scan" or "扫描" not in p.name]


def timed(fn, paths: list[Path]) -> tuple[float, int]:
    t0 = time.perf_counter()
    pages = 0
    for p in paths:
        pages += fn(p)
    return time.perf_counter() - t0, pages


def bench_text(paths: list[Path], runs: int) -> None:
    settings = Settings.resolve(None)
    docs = [load(p, settings) for p in paths]  # warm caches, and inputs for the later stages
    n_pages = sum(len(d.pages) for d in docs)

    def stage_extract() -> float:
        t0 = time.perf_counter()
        for p in paths:
            load(p, settings)
        return time.perf_counter() - t0

    def stage_normalize() -> float:
        fresh = [load(p, settings) for p in paths]
        t0 = time.perf_counter()
        for d in fresh:
            normalize(d)
        return time.perf_counter() - t0

    def stage_structure() -> float:
        fresh = [normalize(load(p, settings)) for p in paths]
        t0 = time.perf_counter()
        for d in fresh:
            parse_structure(d)
        return time.perf_counter() - t0

    def end_to_end() -> float:
        t0 = time.perf_counter()
        for p in paths:
            read_document(p, settings)
        return time.perf_counter() - t0

    print(f"text PDFs: {len(paths)} documents, {n_pages} pages, median of {runs} runs")
    for name, fn in (("extract (pypdfium2)", stage_extract), ("normalise", stage_normalize),
                     ("structure", stage_structure), ("end to end (ecocheck extract)", end_to_end)):
        secs = statistics.median(fn() for _ in range(runs))
        print(f"  {name:32s} {n_pages / secs:9.1f} pages/s  {len(paths) / secs:8.1f} docs/s")
    import pdfplumber

    sub = paths[: max(3, len(paths) // 4)]
    t0 = time.perf_counter()
    sub_pages = 0
    for p in sub:
        with pdfplumber.open(str(p)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                sub_pages += 1
    secs = time.perf_counter() - t0
    print(f"  {'(reference) pdfplumber extract_text':32s} {sub_pages / secs:9.1f} pages/s  (one run, {sub_pages} pages)")


def bench_scan(paths: list[Path], runs: int) -> None:
    settings = Settings.resolve(None)
    read_document(paths[0], settings)  # load the OCR models once
    per_page = []
    for _ in range(runs):
        secs, pages = timed(lambda p: read_document(p, settings).source.ocr_pages, paths)
        per_page.append(secs / max(pages, 1))
    pages = sum(read_document(p, settings).source.ocr_pages for p in paths[:1])
    print(f"scanned PDFs: {len(paths)} documents, median of {runs} runs, {settings.ocr_dpi} dpi, "
          f"det side {settings.ocr_det_side}, cls {'on' if settings.ocr_use_cls else 'off'}")
    med = statistics.median(per_page)
    print(f"  {'end to end (OCR)':32s} {med:9.2f} s/page  {1 / med:8.2f} pages/s  (first doc: {pages} OCR pages)")


def ocr_matrix(paths: list[Path]) -> None:
    """The OCR choices, measured: direction classifier on/off, detection input size."""
    import json
    import re

    from rapidfuzz.distance import Levenshtein

    print(f"OCR settings on {len(paths)} scanned documents (similarity to the source text, seconds per page):")
    for label, values in (("cls off, det side 1280 (default)", {}),
                          ("cls on,  det side 1280", {"ocr_use_cls": True}),
                          ("cls off, det side 2000", {"ocr_det_side": 2000}),
                          ("cls off, det side 960", {"ocr_det_side": 960})):
        settings = Settings.resolve(values)
        sims, secs, pages = [], 0.0, 0
        for p in paths:
            gold = json.loads((p.parent / "gold.json").read_text(encoding="utf-8"))
            t0 = time.perf_counter()
            doc = read_document(p, settings)
            secs += time.perf_counter() - t0
            pages += doc.source.ocr_pages
            src = re.sub(r"\s+", "", "".join(gold["paragraphs"]))
            sims.append(Levenshtein.normalized_similarity(re.sub(r"\s+", "", doc.text), src))
        print(f"  {label:34s} similarity mean {statistics.fmean(sims):.4f} min {min(sims):.4f}  {secs / pages:.2f} s/page")


def bench_analysis(runs: int, model: str = "linear") -> None:
    """Analysis only (coverage, type, lead), on documents already extracted."""
    import json

    from analyzer.analysis import Analyzer
    from analyzer.pipeline import document_from_paragraphs

    analyzer = Analyzer.load(model)
    rows = [json.loads(line) for line in (ROOT / "corpora/coverage/docs.jsonl").open(encoding="utf-8")]
    texts = [[p["text"] for p in r["paragraphs"]] for r in rows]
    chars = sum(len(t) for doc in texts for t in doc)
    pages = chars / 700  # a GB/T 9704 page holds about 22 × 28 characters plus headings
    analyzer.analyze(document_from_paragraphs(texts[0]))

    def one_pass() -> tuple[float, int]:
        docs = [document_from_paragraphs(t) for t in texts]
        t0 = time.perf_counter()
        n = 0
        for d in docs:
            analyzer.analyze(d)
            n += len(d.passages())
        return time.perf_counter() - t0, n

    results = [one_pass() for _ in range(runs)]
    secs = statistics.median(r[0] for r in results)
    n_pass = results[0][1]
    print(f"analysis with the {model} model (coverage + doc type + lead, no extraction): {len(texts)} documents, "
          f"about {pages / len(texts):.1f} pages each, median of {runs} runs")
    print(f"  {'analyze':32s} {len(texts) / secs:9.1f} docs/s  {n_pass / secs:8.0f} passages/s  "
          f"{pages / secs:8.0f} pages/s")


def bench_segmenters() -> None:
    import json

    from analyzer.segment import JiebaSegmenter, RJiebaSegmenter

    texts = [json.loads(line)["text"] for line in (ROOT / "corpora/coverage/passages.jsonl").open(encoding="utf-8")]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"segmentation with the domain dictionary: {len(texts)} passages, {mb:.2f} MB")
    for cls in (JiebaSegmenter, RJiebaSegmenter):
        t0 = time.perf_counter()
        seg = cls()
        seg.cut("初始化")
        init = time.perf_counter() - t0
        t0 = time.perf_counter()
        for t in texts:
            seg.cut(t)
        secs = time.perf_counter() - t0
        print(f"  {cls.name:32s} {mb / secs:9.2f} MB/s  (dictionary load {init:.2f} s)")


def bench_startup(runs: int = 3, model: str = "linear") -> None:
    """Wall time of a fresh `ecocheck analyze` process on one small file, to its first result."""
    import subprocess

    sample = next((ROOT / "samples").glob("*.txt"))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "analyzer", "analyze", str(sample), "--model", model], check=True,
                       capture_output=True)
        times.append(time.perf_counter() - t0)
    print(f"start-up: `ecocheck analyze --model {model}` on one small TXT, fresh process: median {statistics.median(times):.2f} s "
          f"({', '.join(f'{t:.2f}' for t in times)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scan-docs", type=int, default=4)
    ap.add_argument("--scan-runs", type=int, default=3)
    ap.add_argument("--skip-scan", action="store_true")
    ap.add_argument("--ocr-matrix", action="store_true", help="compare OCR settings (needs the rendered corpus)")
    ap.add_argument("--only", choices=["extract", "analysis"], default=None)
    ap.add_argument("--models", default="linear", help="comma-separated: linear,transformer,ensemble")
    args = ap.parse_args()
    if args.only != "extract":
        for model in args.models.split(","):
            bench_analysis(args.runs, model)
            bench_startup(model=model)
        bench_segmenters()
    if args.only == "analysis":
        return
    bench_text(files("text"), args.runs)
    if not args.skip_scan:
        scans = files("scan")[: args.scan_docs]
        if scans:
            bench_scan(scans, args.scan_runs)
        if args.ocr_matrix and scans and (scans[0].parent / "gold.json").exists():
            ocr_matrix(scans)


if __name__ == "__main__":
    main()
