"""Pages saved from a government portal: the main text only.

Portal pages wrap the document in navigation, breadcrumbs, "related files"
lists, share buttons and footers. The article body is the element holding
most of the page's paragraph text (portals use ``#zoom``, ``.TRS_Editor``,
``#UCAP-CONTENT`` … — the density rule finds all of them). Generic
boilerplate removers (trafilatura) drop short lines such as
"牵头部门：市生态环境局", which are exactly what we need, so trafilatura is
only the fallback for pages without paragraph structure.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from ..config import Settings
from ..datamodel import Page
from .txt import decode_bytes, text_pages

_BLOCKS = {"p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section", "article", "span", "font"}
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "button", "select")
_CJK = re.compile(r"[\u4e00-\u9fff]")


class HtmlExtractor:
    formats = ("html",)

    def extract(self, path: Path, settings: Settings) -> list[Page]:
        text = main_text(path.read_bytes())
        pages = text_pages(text)
        for page in pages:
            page.wrapped = False
        return pages


def main_text(data: bytes) -> str:
    html, _ = decode_bytes(data)
    text = _densest_container(html)
    if text and len(_CJK.findall(text)) >= 50:
        return text
    import trafilatura

    found = trafilatura.extract(html, include_tables=True, include_comments=False, deduplicate=False)
    return found or text or ""


def _densest_container(html: str) -> str:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.iter(*_DROP):
        bad.drop_tree()
    score: dict[etree._Element, int] = defaultdict(int)
    for el in root.iter("p", "div", "li", "td", "br", "span", "font"):
        own = "".join(t for t in [el.text, *(c.tail for c in el)] if t)
        n = len(_CJK.findall(own))
        parent = el.getparent()
        if n and parent is not None:
            score[parent] += n
    if not score:
        return ""
    best = max(score, key=lambda el: score[el])
    return _block_text(best)


def _block_text(el) -> str:
    """Text of an element with line breaks at block boundaries and <br>."""
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCKS or tag == "br":
            parts.append("\n")
        if node.text and tag != "br":
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCKS and tag not in ("span", "font"):
            parts.append("\n")

    walk(el)
    return re.sub(r"\n\s*\n+", "\n", "".join(parts)).strip()
