"""Assemble the labelled coverage corpus from the hand-written documents.

Reads ``corpora/coverage/raw/*.json`` (one document each, written and
labelled by hand, see corpora/README.md), validates them, assigns each
document to train / dev / test (by document, stratified by source group,
deterministic), and writes:

* ``corpora/coverage/docs.jsonl``     one document per line, with its split;
* ``corpora/coverage/passages.jsonl`` one labelled paragraph per line.

    python scripts/build_corpus.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpora" / "coverage" / "raw"
OUT = ROOT / "corpora" / "coverage"
DOC_TYPES = {"annual_report", "policy_draft", "other"}
#: Position in a group's hash order → split: 3 of 5 train, 1 dev, 1 test.
PATTERN = ["train", "dev", "train", "test", "train"]


def validate(doc: dict, path: Path) -> list[str]:
    problems = []
    if doc.get("doc_type") not in DOC_TYPES:
        problems.append(f"doc_type {doc.get('doc_type')!r}")
    paras = doc.get("paragraphs")
    if not isinstance(paras, list) or not paras:
        problems.append("no paragraphs")
        return problems
    for i, p in enumerate(paras):
        if not isinstance(p, dict) or not isinstance(p.get("text"), str) or not p["text"].strip():
            problems.append(f"paragraph {i}: no text")
        elif not isinstance(p.get("articles"), list) or any(
            not isinstance(a, int) or not 1 <= a <= 20 for a in p["articles"]
        ):
            problems.append(f"paragraph {i}: bad articles {p.get('articles')!r}")
    lead = doc.get("lead")
    if not isinstance(lead, dict) or not isinstance(lead.get("named"), bool):
        problems.append("lead.named missing")
    return [f"{path.name}: {p}" for p in problems]


def group_of(doc_id: str) -> str:
    return doc_id.split("-")[0]


def main() -> int:
    docs, problems = [], []
    for path in sorted(RAW.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc.setdefault("id", path.stem)
        issues = validate(doc, path)
        if issues:
            problems.extend(issues)
            continue
        docs.append(doc)
    for p in problems:
        print("跳过：", p, file=sys.stderr)
    by_group: dict[tuple[str, str], list[dict]] = {}
    for doc in docs:
        by_group.setdefault((group_of(doc["id"]), doc["doc_type"]), []).append(doc)
    for key in sorted(by_group):
        members = sorted(by_group[key], key=lambda d: hashlib.sha1(d["id"].encode()).hexdigest())
        for i, doc in enumerate(members):
            doc["split"] = PATTERN[i % len(PATTERN)]
    with (OUT / "docs.jsonl").open("w", encoding="utf-8") as fh:
        for doc in sorted(docs, key=lambda d: d["id"]):
            doc["articles"] = sorted({a for p in doc["paragraphs"] for a in p["articles"]})
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    n_pass = 0
    none = 0
    with (OUT / "passages.jsonl").open("w", encoding="utf-8") as fh:
        for doc in sorted(docs, key=lambda d: d["id"]):
            for i, p in enumerate(doc["paragraphs"]):
                fh.write(json.dumps({"id": f"{doc['id']}#{i}", "doc_id": doc["id"], "split": doc["split"],
                                     "text": p["text"], "articles": sorted(set(p["articles"]))},
                                    ensure_ascii=False) + "\n")
                n_pass += 1
                none += not p["articles"]
    splits = Counter(d["split"] for d in docs)
    types = Counter(d["doc_type"] for d in docs)
    print(f"documents: {len(docs)} ({dict(splits)}), doc_type {dict(types)}")
    print(f"passages: {n_pass}, covering none: {none} ({none / max(n_pass, 1):.1%})")
    per_article = Counter(a for d in docs for a in d["articles"])
    print("documents per article:", " ".join(f"{a}:{per_article[a]}" for a in range(1, 21)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
