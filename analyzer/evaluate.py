"""Metrics on a labelled set in the corpus format (``corpora/coverage/docs.jsonl``).

Per-article precision/recall/F1 at document level, micro and macro F1,
doc_type accuracy, lead.named accuracy, and evidence precision (the share of
top evidence passages that the gold labels with that article). The naive
keyword matcher — an article is covered when any of its key terms occurs —
is computed on the same documents as the floor every model must clear.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .bodies import body_key
from .datamodel import Document
from .kb import N_ARTICLES, load_kb
from .pipeline import document_from_paragraphs


@dataclass
class GoldDoc:
    id: str
    doc: Document
    articles: set[int]
    doc_type: str
    lead_named: bool
    split: str
    passage_labels: dict[str, set[int]] = field(default_factory=dict)


def read_jsonl(path: Path, splits: set[str] | None = None):
    """Records of a JSON Lines file, only those of the given splits (a record without one counts as test)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                if not splits or d.get("split", "test") in splits:
                    yield d


def load_gold(path: Path, splits: set[str] | None = None) -> list[GoldDoc]:
    out = []
    for d in read_jsonl(path, splits):
        texts = [p["text"] for p in d["paragraphs"]]
        labels: dict[str, set[int]] = {}
        for p in d["paragraphs"]:
            labels.setdefault(p["text"].strip(), set()).update(p["articles"])
        articles = set(d.get("articles") or {a for p in d["paragraphs"] for a in p["articles"]})
        out.append(GoldDoc(d["id"], document_from_paragraphs(texts, d["id"]), articles, d["doc_type"],
                           bool(d.get("lead", {}).get("named")), d.get("split", "test"), labels))
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def coverage_metrics(pred: list[set[int]], gold: list[set[int]]) -> dict:
    per = {}
    TP = FP = FN = 0
    for a in range(1, N_ARTICLES + 1):
        tp = sum(1 for p, g in zip(pred, gold) if a in p and a in g)
        fp = sum(1 for p, g in zip(pred, gold) if a in p and a not in g)
        fn = sum(1 for p, g in zip(pred, gold) if a not in p and a in g)
        TP, FP, FN = TP + tp, FP + fp, FN + fn
        P, R, F = prf(tp, fp, fn)
        per[a] = {"precision": P, "recall": R, "f1": F, "support": tp + fn}
    # Macro over articles that occur in the gold set (an absent article has no defined F1).
    present = [m["f1"] for m in per.values() if m["support"] > 0]
    return {"per_article": per, "micro_f1": prf(TP, FP, FN)[2], "macro_f1": float(np.mean(present)) if present else 0.0}


def keyword_baseline(docs: list[GoldDoc]) -> list[set[int]]:
    """An article counts as covered when any of its key terms occurs in the body."""
    kb = load_kb()
    out = []
    for g in docs:
        text = "".join(p.text for p in g.doc.passages())
        out.append({a.id for a in kb if any(term in text for term in a.key_terms)})
    return out


def evaluate(analyzer, docs: list[GoldDoc]) -> dict:
    """Run the analyzer's stages on each gold document and score them."""
    pred_articles, evid_hits, evid_total = [], 0, 0
    type_ok = lead_ok = 0
    worst = []
    for g in docs:
        doc = analyzer.analyze(g.doc)
        covered = {a.article for a in doc.articles if a.covered}
        pred_articles.append(covered)
        for a in doc.articles:
            if a.covered and a.evidence:
                evid_total += 1
                evid_hits += a.article in g.passage_labels.get(a.evidence[0].text.strip(), set())
        type_ok += doc.doc_type == g.doc_type
        lead_ok += doc.lead.named == g.lead_named
        worst.append((len(covered ^ g.articles), g.id, sorted(covered - g.articles), sorted(g.articles - covered)))
    gold = [g.articles for g in docs]
    result = coverage_metrics(pred_articles, gold)
    base = coverage_metrics(keyword_baseline(docs), gold)
    n = max(len(docs), 1)
    result.update({
        "documents": len(docs),
        "doc_type_accuracy": type_ok / n,
        "lead_named_accuracy": lead_ok / n,
        "evidence_precision": evid_hits / evid_total if evid_total else 0.0,
        "keyword_baseline": {"micro_f1": base["micro_f1"], "macro_f1": base["macro_f1"],
                             "per_article": base["per_article"]},
        "worst": [{"id": i, "false_positive": fp, "missed": fn} for _, i, fp, fn in sorted(worst, reverse=True)[:10]],
    })
    return result


def format_report(result: dict, title: str = "") -> str:
    """A plain table for the terminal and the model card."""
    kb = {a.id: a.name for a in load_kb()}
    base = result["keyword_baseline"]["per_article"]
    lines = [title] if title else []
    lines.append(f"documents: {result['documents']}")
    lines.append("| article | name | support | precision | recall | F1 | keyword F1 |")
    lines.append("|---:|---|---:|---:|---:|---:|---:|")
    for a in range(1, N_ARTICLES + 1):
        m = result["per_article"][a]
        lines.append(f"| {a} | {kb[a]} | {m['support']} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} "
                     f"| {base[a]['f1']:.3f} |")
    lines.append("")
    lines.append(f"macro-F1 {result['macro_f1']:.3f} (keyword baseline {result['keyword_baseline']['macro_f1']:.3f}); "
                 f"micro-F1 {result['micro_f1']:.3f} (keyword {result['keyword_baseline']['micro_f1']:.3f})")
    lines.append(f"doc_type accuracy {result['doc_type_accuracy']:.3f}; lead.named accuracy "
                 f"{result['lead_named_accuracy']:.3f}; evidence precision {result['evidence_precision']:.3f}")
    return "\n".join(lines)


# ---------------------------------------------------------------------- lead departments


@dataclass
class LeadGold:
    id: str
    doc: Document
    named: bool
    departments: set[str]
    items_without_lead: int
    items: int
    split: str
    item_texts: frozenset[str] = frozenset()


def load_lead_gold(path: Path, splits: set[str] | None = None) -> list[LeadGold]:
    """Documents of the lead set (corpora/lead/docs.jsonl): paragraphs with item/leads labels."""
    return [
        LeadGold(d["id"], document_from_paragraphs([p["text"] for p in d["paragraphs"]], d["id"]),
                 bool(d["lead"]["named"]), set(d["lead"]["departments"]), int(d["lead"]["items_without_lead"]),
                 sum(1 for p in d["paragraphs"] if p.get("item")), d.get("split", "test"),
                 frozenset(p["text"].strip() for p in d["paragraphs"] if p.get("item")))
        for d in read_jsonl(path, splits)
    ]


def evaluate_lead(analyzer, docs: list[LeadGold]) -> dict:
    """lead.named accuracy, lead-body precision/recall after normalisation, items_without_lead exactness."""
    named_ok = iwl_ok = tp = fp = fn = item_tp = item_fp = item_fn = 0
    errors = []
    for g in docs:
        doc = analyzer.analyze(g.doc)
        pred = {body_key(b) for b in doc.lead.departments}
        gold_bodies = {body_key(b) for b in g.departments}
        named_ok += doc.lead.named == g.named
        tp += len(pred & gold_bodies)
        fp += len(pred - gold_bodies)
        fn += len(gold_bodies - pred)
        found = {it.text.strip() for it in doc.lead.items}
        item_tp += len(found & g.item_texts)
        item_fp += len(found - g.item_texts)
        item_fn += len(g.item_texts - found)
        iwl = doc.lead.items_without_lead
        iwl_ok += iwl == g.items_without_lead
        if pred != gold_bodies or iwl != g.items_without_lead or doc.lead.named != g.named:
            errors.append({"id": g.id, "extra": sorted(pred - gold_bodies), "missed": sorted(gold_bodies - pred),
                           "items_without_lead": [iwl, g.items_without_lead], "items": [len(doc.lead.items), g.items],
                           "doc_type": doc.doc_type})
    n = max(len(docs), 1)
    p, r, f = prf(tp, fp, fn)
    return {"documents": len(docs), "lead_named_accuracy": named_ok / n, "body_precision": p, "body_recall": r,
            "body_f1": f, "items_without_lead_exact": iwl_ok / n, "item_precision": prf(item_tp, item_fp, item_fn)[0],
            "item_recall": prf(item_tp, item_fp, item_fn)[1], "errors": errors}


def format_lead_report(result: dict, title: str = "") -> str:
    lines = [title] if title else []
    lines.append(f"documents: {result['documents']}; lead.named accuracy {result['lead_named_accuracy']:.3f}; "
                 f"lead bodies precision {result['body_precision']:.3f} recall {result['body_recall']:.3f}; "
                 f"items_without_lead exactly right {result['items_without_lead_exact']:.3f}; "
                 f"task items precision {result['item_precision']:.3f} recall {result['item_recall']:.3f}")
    for e in result["errors"][:15]:
        lines.append(f"  {e['id']}: extra {e['extra']} missed {e['missed']} items_without_lead (pred, gold) "
                     f"{e['items_without_lead']} items {e['items']} doc_type {e['doc_type']}")
    return "\n".join(lines)


# ---------------------------------------------------------------------- report duty checks

CHECK_CODES = ("REPORT_DEADLINE", "REPORT_ADDRESSEE", "REPORT_DISCLOSURE", "REPORT_CC", "REPORT_CONTENT")


def evaluate_checks(analyzer, gold_path: Path, docs_path: Path) -> dict:
    """Agreement of each duty check with hand labels (corpora/checks/gold.jsonl over corpora/coverage/docs.jsonl)."""
    gold = {g["id"]: g for g in read_jsonl(gold_path)}
    right = {c: 0 for c in CHECK_CODES}
    errors = []
    n = 0
    for d in read_jsonl(docs_path, {"train", "dev", "test"}):
        g = gold.get(d["id"])
        if g is None:
            continue
        doc = document_from_paragraphs([p["text"] for p in d["paragraphs"]], d["id"])
        fallback = analyzer.year
        analyzer.year = g.get("year") if fallback is None else fallback  # the labelled year, for this report only
        try:
            doc = analyzer.analyze(doc)
        finally:
            analyzer.year = fallback
        got = {c.code: c.status for c in doc.checks}
        n += 1
        for code in CHECK_CODES:
            ok = got.get(code) == g.get(code)
            right[code] += ok
            if not ok:
                errors.append({"id": d["id"], "check": code, "got": got.get(code), "want": g.get(code)})
    return {"reports": n, "accuracy": {c: right[c] / n if n else 0.0 for c in CHECK_CODES}, "errors": errors}
