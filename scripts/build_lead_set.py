"""Assemble the lead-department set ``corpora/lead/docs.jsonl`` from ``corpora/lead/raw/*.json``.

Validates each hand-labelled draft (items, leads, items_without_lead agree)
and splits by helper group: "ldq" drafts (written in session 2 under the
labelling guide in corpora/README.md, after the rules) are the held-out test
split, measured once; every other group is dev. Earlier held-out sets (the first
60 drafts' test half, 12 "lde" fresh drafts, 30 "ldh" drafts) were each measured
once, recorded in docs/NOTES.md, and then used for tuning, so they are dev now.

    python scripts/build_lead_set.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpora" / "lead" / "raw"
OUT = ROOT / "corpora" / "lead" / "docs.jsonl"
HELD_OUT_GROUPS = {"ldq"}


def check(doc: dict) -> list[str]:
    problems = []
    items = [p for p in doc["paragraphs"] if p.get("item")]
    without = sum(1 for p in items if not p.get("leads"))
    if without != doc["lead"]["items_without_lead"]:
        problems.append(f"items_without_lead {doc['lead']['items_without_lead']} != {without}")
    leads = {b for p in doc["paragraphs"] for b in p.get("leads", [])}
    if not leads <= set(doc["lead"]["departments"]):
        problems.append(f"item leads missing from departments: {sorted(leads - set(doc['lead']['departments']))}")
    if bool(doc["lead"]["departments"]) != doc["lead"]["named"]:
        problems.append("lead.named disagrees with departments")
    return problems


def main() -> int:
    docs = []
    for path in sorted(RAW.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        problems = check(doc)
        for p in problems:
            print(f"注意 {path.name}: {p}", file=sys.stderr)
        docs.append(doc)
    groups: dict[str, list[dict]] = {}
    for doc in docs:
        groups.setdefault(doc["id"].split("-")[0], []).append(doc)
    for group, members in groups.items():
        for doc in members:
            doc["split"] = "test" if group in HELD_OUT_GROUPS else "dev"
    with OUT.open("w", encoding="utf-8") as fh:
        for doc in sorted(docs, key=lambda d: d["id"]):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    items = sum(1 for d in docs for p in d["paragraphs"] if p.get("item"))
    print(f"{len(docs)} documents ({sum(d['split'] == 'dev' for d in docs)} dev, "
          f"{sum(d['split'] == 'test' for d in docs)} test), {items} task items, "
          f"{sum(d['lead']['items_without_lead'] for d in docs)} without lead")
    return 0


if __name__ == "__main__":
    sys.exit(main())
