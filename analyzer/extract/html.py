"""Pages saved from a government portal: the main text, without navigation,
breadcrumbs, share buttons and footers (trafilatura does the boilerplate
removal; BeautifulSoup is the fallback when it finds no main text)."""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from ..datamodel import Page
from .txt import decode_bytes, text_pages


class HtmlExtractor:
    formats = ("html",)

    def extract(self, path: Path, settings: Settings) -> list[Page]:
        data = path.read_bytes()
        text = main_text(data)
        pages = text_pages(text)
        for page in pages:
            page.wrapped = False
        return pages


def main_text(data: bytes) -> str:
    import trafilatura

    html, _ = decode_bytes(data)
    text = trafilatura.extract(
        html,
        include_tables=True,
        include_comments=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
    )
    if text and len(text.strip()) >= 20:
        return text
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer"]):
        tag.decompose()
    return soup.get_text("\n")
