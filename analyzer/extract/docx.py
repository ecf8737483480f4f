"""DOCX with python-docx: body paragraphs and tables in reading order, plus
text boxes, where red document heads (发文机关标志) often live."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx.oxml.ns import qn

from ..config import Settings
from ..datamodel import Line, Page
from ..errors import DocumentLoadError

_P, _TBL, _TXBX = qn("w:p"), qn("w:tbl"), qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


class DocxExtractor:
    formats = ("docx",)

    def extract(self, path: Path, settings: Settings) -> list[Page]:
        import docx

        try:
            document = docx.Document(str(path))
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise DocumentLoadError(
                "CORRUPT_FILE", f"DOCX 文件已损坏，无法打开（{type(exc).__name__}）。请用 Word/WPS 另存为后重新提交。"
            ) from None
        lines: list[Line] = []
        tables: list[list[list[str]]] = []
        for block in document.element.body.iterchildren():
            if block.tag == _P:
                lines.extend(Line(t) for text in _paragraph_texts(block) for t in text.split("\n") if t.strip())
            elif block.tag == _TBL:
                rows = _table_rows(block)
                tables.append(rows)
                lines.extend(Line("\t".join(row)) for row in rows if any(c.strip() for c in row))
        return [Page(1, lines, wrapped=False, tables=tables)]


def _paragraph_texts(p) -> list[str]:
    """Text boxes anchored in the paragraph first (they sit above it on the page), then its own text.

    Office writes each text box twice (DrawingML and a VML fallback); only one copy is read.
    """
    boxes = []
    for box in p.iter(_TXBX):
        if any(anc.tag == _FALLBACK for anc in box.iterancestors()):
            continue
        for inner in box.iter(_P):
            text = _runs_text(inner)
            if text.strip():
                boxes.append(text)
    return [*boxes, _runs_text(p, skip_boxes=True)]


def _runs_text(p, skip_boxes: bool = False) -> str:
    parts = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if skip_boxes and any(anc.tag == _TXBX for anc in node.iterancestors()):
            continue
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _table_rows(tbl) -> list[list[str]]:
    rows = []
    for tr in tbl.iter(qn("w:tr")):
        cells = []
        for tc in tr.iterchildren(qn("w:tc")):
            cells.append("".join(_runs_text(p) for p in tc.iterchildren(_P)).strip())
        rows.append(cells)
    return rows
