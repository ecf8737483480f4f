"""OFD (GB/T 33190), the layout format of Chinese e-government.

An OFD file is a ZIP of XML parts: ``OFD.xml`` names the document root, the
document lists its pages, and each page's content holds ``TextObject``s with a
boundary box and ``TextCode`` runs. We read the text objects of each page (and
of its template pages), group them into visual lines by baseline, and keep
their geometry for the layout-aware line joining.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from ..config import Settings
from ..datamodel import Line, Page
from ..errors import DocumentLoadError

MM_TO_PT = 72 / 25.4
#: Refuse single XML parts that unpack larger than this (zip bombs).
_MAX_PART = 64 * 1024 * 1024
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


class OfdExtractor:
    formats = ("ofd",)

    def extract(self, path: Path, settings: Settings) -> list[Page]:
        try:
            with zipfile.ZipFile(path) as zf:
                return _OfdReader(zf).pages(settings)
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError) as exc:
            raise DocumentLoadError(
                "CORRUPT_FILE", f"OFD 文件结构不完整，无法读取（{type(exc).__name__}）。请重新导出或改交 PDF。"
            ) from None


class _OfdReader:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.names = {n.lstrip("/").lower(): n for n in zf.namelist()}

    def xml(self, name: str) -> etree._Element:
        real = self.names.get(name.lstrip("/").lower())
        if real is None:
            raise KeyError(name)
        if self.zf.getinfo(real).file_size > _MAX_PART:
            raise DocumentLoadError("TOO_LARGE", f"OFD 文件中的 {name} 过大，拒绝读取。")
        root = etree.fromstring(self.zf.read(real), _PARSER)
        if root is None:
            raise ValueError(name)
        return root

    def pages(self, settings: Settings) -> list[Page]:
        ofd = self.xml("OFD.xml")
        doc_root = _text(ofd.find(".//{*}DocRoot"))
        document = self.xml(doc_root)
        base = posixpath.dirname(doc_root)
        box = _floats(_text(document.find(".//{*}CommonData/{*}PageArea/{*}PhysicalBox")) or "0 0 210 297")
        templates = {
            t.get("ID"): posixpath.join(base, t.get("BaseLoc", ""))
            for t in document.iterfind(".//{*}CommonData/{*}TemplatePage")
        }
        refs = list(document.iterfind(".//{*}Pages/{*}Page"))
        if len(refs) > settings.max_pages:
            raise DocumentLoadError("TOO_LARGE", f"OFD 共 {len(refs)} 页，超过上限 {settings.max_pages} 页。")
        pages = []
        for number, ref in enumerate(refs, 1):
            content = self.xml(posixpath.join(base, ref.get("BaseLoc", "")))
            runs = []
            for tpl in content.iterfind(".//{*}Template"):
                loc = templates.get(tpl.get("TemplateID"))
                if loc:
                    runs.extend(_runs(self.xml(loc)))
            runs.extend(_runs(content))
            width, height = (box[2] * MM_TO_PT, box[3] * MM_TO_PT) if len(box) == 4 else (None, None)
            pages.append(Page(number, _lines(runs), width, height))
        return pages


def _text(node: etree._Element | None) -> str:
    return (node.text or "").strip() if node is not None else ""


def _floats(value: str) -> list[float]:
    return [float(v) for v in value.replace(",", " ").split()]


def _delta_width(delta: str | None, n_chars: int, size: float) -> float:
    """Advance of a run from its DeltaX ("g 3 4.2" repeats 4.2 three times)."""
    if not delta:
        return size * n_chars
    items = delta.split()
    total, i = 0.0, 0
    while i < len(items):
        if items[i] == "g" and i + 2 < len(items):
            total += int(float(items[i + 1])) * float(items[i + 2])
            i += 3
        else:
            total += float(items[i])
            i += 1
    return total + size


def _runs(root: etree._Element) -> list[Line]:
    """Every TextCode as a positioned run, in mm converted to points."""
    runs = []
    for obj in root.iter("{*}TextObject"):
        bx = _floats(obj.get("Boundary", "0 0 0 0"))
        size = float(obj.get("Size", "3.5") or 3.5)
        for code in obj.iterfind("{*}TextCode"):
            text = code.text or ""
            if not text.strip():
                continue
            x = bx[0] + float(code.get("X", "0") or 0)
            y = bx[1] + float(code.get("Y", "0") or 0)
            w = _delta_width(code.get("DeltaX"), len(text), size)
            runs.append(Line(text, x * MM_TO_PT, (x + w) * MM_TO_PT, (y - size) * MM_TO_PT, y * MM_TO_PT,
                             size * MM_TO_PT))
    return runs


def _lines(runs: list[Line]) -> list[Line]:
    """Group runs sharing a baseline into lines, left to right."""
    runs.sort(key=lambda r: (round(r.bottom or 0.0, 1), r.x0 or 0.0))
    lines: list[list[Line]] = []
    for run in runs:
        if lines:
            ref = lines[-1][0]
            tolerance = 0.5 * ((ref.bottom or 0) - (ref.top or 0))
            if abs((run.bottom or 0) - (ref.bottom or 0)) <= tolerance:
                lines[-1].append(run)
                continue
        lines.append([run])
    out = []
    for group in lines:
        group.sort(key=lambda r: r.x0 or 0.0)
        out.append(
            Line(
                "".join(r.text for r in group),
                group[0].x0,
                max(r.x1 or 0 for r in group),
                min(r.top or 0 for r in group),
                max(r.bottom or 0 for r in group),
                max(r.size or 0 for r in group) or None,
            )
        )
    return out
