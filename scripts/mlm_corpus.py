"""The unlabelled Chinese text for masked-language-model pretraining.

Everything the project holds: corpus passages, the knowledge base (articles and
paraphrases), the extraction and lead sets, and ``corpora/unlabelled`` (120
hand-written pieces of government prose, about 230,000 characters, written for
this purpose). Long lines are cut at sentence ends into pieces the model sees
whole. Imports nothing heavier than the knowledge base, so the sweep script can
run it on a machine without the document readers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def chunks(text: str, size: int = 120) -> list[str]:
    """Pieces of at most ``size`` characters, cut after 。；！？ where possible."""
    out, cur = [], ""
    for sent in re.split(r"(?<=[。；！？])", text.strip()):
        while len(sent) > size:
            out.append(sent[:size])
            sent = sent[size:]
        if len(cur) + len(sent) > size and cur:
            out.append(cur)
            cur = ""
        cur += sent
    if cur:
        out.append(cur)
    return out


def unlabelled_text(root: Path = ROOT) -> list[str]:
    from analyzer.kb import load_kb

    texts = [json.loads(line)["text"] for line in (root / "corpora/coverage/passages.jsonl").open(encoding="utf-8")]
    texts += [a.text for a in load_kb()] + [p for a in load_kb() for p in a.paraphrases]
    for path in sorted((root / "corpora/extraction/src").glob("*.json")):
        texts += json.loads(path.read_text(encoding="utf-8"))["paragraphs"]
    lead = root / "corpora/lead/docs.jsonl"
    if lead.exists():
        texts += [p["text"] for line in lead.open(encoding="utf-8") for p in json.loads(line)["paragraphs"]]
    for path in sorted((root / "corpora/unlabelled/raw").glob("*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    pieces = [c for t in texts for c in chunks(t)]
    return [t for t in dict.fromkeys(pieces) if len(t) >= 4]
