"""Render known document texts into the formats users submit.

Each source in ``corpora/extraction/src/*.json`` (paragraphs + gold meta) is
laid out the GB/T 9704 way and written as:

* ``text.pdf``  — A4, 28 characters a line, 22 lines a page, page numbers
  (``— 3 —`` or ``第3页 共9页``), sometimes a running header;
* ``scan.pdf``  — the same pages rasterised at 200 dpi, slightly skewed,
  noisy and JPEG-compressed, as a stamped-and-scanned submission;
* ``doc.docx``  — paragraphs, the red head sometimes in a text box;
* ``gb18030.txt`` — GB18030 with CRLF line ends;
* ``doc.ofd``   — a minimal OFD package (GB/T 33190) with one text object a line;
* ``page.html`` — a government-portal page around the text (every third doc).

The output goes to ``corpora/extraction/build/`` (not committed; rebuild with
this script). Needs a CJK TrueType font (Debian: fonts-wqy-microhei).

    python scripts/render_corpus.py [--src DIR] [--out DIR] [--only a01,b02]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
from docx import Document as DocxDocument
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]

# GB/T 9704 geometry in millimetres.
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, TOP = 28.0, 37.0
TEXT_W = 156.0
LINES_PER_PAGE = 22
LINE_PITCH = 225.0 / LINES_PER_PAGE
BODY_PT = 16.0
CHARS_PER_LINE = 28

DATE_RE = re.compile(r"^(\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九○Ｏ０]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$")
DOCNO_RE = re.compile(r"[〔\[（(【]\s*(19|20)\d{2}\s*[〕\]）)】]\s*\d+\s*号")
NUMBER_HEAD_RE = re.compile(r"^(\d{6}|特急|加急|平急|特提|机密|秘密|绝密)")


def find_font(preferred: str = "wqy-microhei") -> Path:
    out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True).stdout
    files = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    if not files:
        raise SystemExit("找不到中文字体：请先安装 fonts-wqy-microhei（apt-get install fonts-wqy-microhei）")
    for f in files:
        if preferred in f:
            return Path(f)
    return Path(files[0])


def cjk_fonts() -> list[Path]:
    out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True).stdout
    return sorted({Path(line.split(":")[0].strip()) for line in out.splitlines() if line.strip()})


# --------------------------------------------------------------------------- layout


@dataclass
class Block:
    """One paragraph with the way it is set on paper."""

    text: str
    align: str  # "indent" | "left" | "center" | "right" | "cc"
    size: float = BODY_PT
    red: bool = False
    rule_before: bool = False


def layout_blocks(doc: dict) -> list[Block]:
    """Assign each paragraph an alignment the way GB/T 9704 sets it."""
    paras: list[str] = doc["paragraphs"]
    meta = doc["meta"]
    title = (meta.get("title") or "").replace(" ", "")
    blocks: list[Block] = []
    seen_title = False
    in_body = False
    in_imprint = False
    date_idx = max((i for i, p in enumerate(paras) if DATE_RE.match(p.strip())), default=-1)
    for i, raw in enumerate(paras):
        p = raw.strip()
        if not in_body and NUMBER_HEAD_RE.match(p):
            blocks.append(Block(p, "left"))
        elif not in_body and not seen_title and (p.endswith("文件") or (i < 2 and len(p) < 30 and not DOCNO_RE.search(p) and p not in title)):
            blocks.append(Block(p, "center", size=26, red=True))
        elif not in_body and DOCNO_RE.search(p) and len(p) < 50:
            blocks.append(Block(p, "center"))
        elif not in_body and title and p.replace(" ", "") in title:
            seen_title = True
            blocks.append(Block(p, "center", size=22, rule_before=not any(b.align == "center" and b.size == 22 for b in blocks) and bool(blocks)))
        elif not in_body and p.endswith("：") and len(p) < 60:
            in_body = True
            blocks.append(Block(p, "left"))
        elif p.startswith(("抄送", "抄报")) or (in_imprint and "印发" in p):
            blocks.append(Block(p, "cc", size=14, rule_before=not in_imprint))
            in_imprint = True
        elif "印发" in p and re.search(r"\d{4}年\d{1,2}月\d{1,2}日印发$", p.replace(" ", "").replace("\u3000", "")):
            blocks.append(Block(p, "cc", size=14, rule_before=not in_imprint))
            in_imprint = True
        elif i == date_idx or (i == date_idx - 1 and len(p) < 30 and not p.endswith(("。", "：", "；"))):
            blocks.append(Block(p, "right"))
        else:
            in_body = True
            blocks.append(Block(p, "indent"))
    return blocks


def wrap(text: str, width_of, max_width: float, first_indent: float) -> list[tuple[str, float]]:
    """Break ``text`` into lines no wider than ``max_width``; returns (line, x offset)."""
    lines: list[tuple[str, float]] = []
    cur, cur_w = "", 0.0
    indent = first_indent
    for ch in text:
        w = width_of(ch)
        if cur and cur_w + w > max_width - indent + 0.01:
            # Keep closing punctuation off the start of a line (避头), as typesetters do.
            if ch in "，。、；：？！”）》":
                cur += ch
                lines.append((cur, indent))
                cur, cur_w, indent = "", 0.0, 0.0
                continue
            lines.append((cur, indent))
            cur, cur_w, indent = "", 0.0, 0.0
        cur += ch
        cur_w += w
    if cur:
        lines.append((cur, indent))
    return lines


@dataclass
class PlacedLine:
    text: str
    x: float  # mm from the left edge
    y: float  # baseline, mm from the top edge
    size: float
    red: bool = False


@dataclass
class PageLayout:
    lines: list[PlacedLine]
    rules: list[float]  # y of horizontal rules (mm)


def paginate(blocks: list[Block], width_of_pt) -> list[PageLayout]:
    """Place blocks on A4 pages: 22 body lines a page, blocks never overlap the footer."""
    pages: list[PageLayout] = [PageLayout([], [])]
    y = TOP
    bottom = TOP + LINES_PER_PAGE * LINE_PITCH
    for block in blocks:
        size = block.size
        pitch = LINE_PITCH * max(1.0, size / BODY_PT)
        char_mm = size * 0.3528
        width_of = lambda ch, s=size: width_of_pt(ch, s)  # noqa: E731
        if block.align == "indent":
            lines = wrap(block.text, width_of, TEXT_W, 2 * char_mm)
        elif block.align == "cc":
            lines = wrap(block.text, width_of, TEXT_W - char_mm, 0)
        else:
            lines = wrap(block.text, width_of, TEXT_W, 0)
        if block.rule_before:
            pages[-1].rules.append(y + pitch * 0.15)
            y += pitch * 0.4
        for text, off in lines:
            if y + pitch > bottom + 0.1:
                pages.append(PageLayout([], []))
                y = TOP
            w = sum(width_of(c) for c in text)
            if block.align == "center":
                x = LEFT + (TEXT_W - w) / 2
            elif block.align == "right":
                x = LEFT + TEXT_W - w - 4 * char_mm
            elif block.align == "cc":
                x = LEFT + char_mm + off
            else:
                x = LEFT + off
            pages[-1].lines.append(PlacedLine(text, x, y + pitch * 0.8, size, block.red))
            y += pitch
    return pages


def footer_text(style: str, n: int, total: int) -> str:
    if style == "dash":
        return f"— {n} —"
    if style == "hyphen":
        return f"-{n}-"
    return f"第{n}页 共{total}页"


# --------------------------------------------------------------------------- writers


class Renderer:
    def __init__(self, font: Path, seed: int) -> None:
        self.font = font
        self.rng = random.Random(seed)
        self._pil_fonts: dict[tuple[int, int], ImageFont.FreeTypeFont] = {}
        self._measure = ImageFont.truetype(str(font), 100)

    def width_pt(self, ch: str, size: float) -> float:
        """Advance width of ``ch`` in mm at ``size`` points."""
        return self._measure.getlength(ch) / 100 * size * 0.3528

    def layout(self, doc: dict) -> list[PageLayout]:
        return paginate(layout_blocks(doc), self.width_pt)

    def text_pdf(self, pages: list[PageLayout], path: Path, footer: str, header: str | None) -> None:
        pdf = FPDF(unit="mm", format="A4")
        pdf.set_auto_page_break(False)
        pdf.add_font("cjk", fname=str(self.font))
        pdf.set_title("")
        for n, page in enumerate(pages, 1):
            pdf.add_page()
            self._draw_page_pdf(pdf, page)
            pdf.set_text_color(0, 0, 0)
            pdf.set_font("cjk", size=14)
            ft = footer_text(footer, n, len(pages))
            w = pdf.get_string_width(ft)
            x = PAGE_W - 28 - w if n % 2 else 28
            if footer != "dash":
                x = (PAGE_W - w) / 2
            pdf.text(x, TOP + 225 + 12, ft)
            if header:
                pdf.set_font("cjk", size=10.5)
                pdf.text(PAGE_W - 28 - pdf.get_string_width(header), 22, header)
        pdf.output(str(path))

    def _draw_page_pdf(self, pdf: FPDF, page: PageLayout) -> None:
        for y in page.rules:
            pdf.set_draw_color(200, 0, 0)
            pdf.line(LEFT, y, LEFT + TEXT_W, y)
        for line in page.lines:
            pdf.set_font("cjk", size=line.size)
            pdf.set_text_color(*((200, 0, 0) if line.red else (0, 0, 0)))
            pdf.text(line.x, line.y, line.text)

    def page_image(self, page: PageLayout, n: int, total: int, footer: str, dpi: int = 200,
                   stamp: bool = False, noise: float = 8.0) -> Image.Image:
        scale = dpi / 25.4
        img = Image.new("L", (int(PAGE_W * scale), int(PAGE_H * scale)), 255)
        draw = ImageDraw.Draw(img)
        for y in page.rules:
            draw.line([(LEFT * scale, y * scale), ((LEFT + TEXT_W) * scale, y * scale)], fill=90, width=3)
        for line in page.lines + [PlacedLine(footer_text(footer, n, total), PAGE_W / 2 - 12, TOP + 237, 14)]:
            px = int(line.size * 0.3528 * scale)
            font = self._pil_font(px)
            ascent = font.getmetrics()[0]
            draw.text((line.x * scale, line.y * scale - ascent), line.text, font=font, fill=60 if line.red else 0)
        if stamp:
            cx, cy = int(140 * scale), int(min(250, (page.lines[-1].y if page.lines else 200)) * scale)
            r = int(21 * scale)
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=150, width=6)
        # Scanner artefacts: skew, blur, noise, grey background.
        angle = self.rng.uniform(-1.2, 1.2)
        img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255, expand=False)
        img = img.filter(ImageFilter.GaussianBlur(radius=self.rng.uniform(0.3, 0.7)))
        arr = np.asarray(img).astype(np.float32)
        arr = arr * 0.92 + 12 + np.random.default_rng(self.rng.randrange(1 << 30)).normal(0, noise, arr.shape)
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))

    def _pil_font(self, px: int) -> ImageFont.FreeTypeFont:
        key = (px, 0)
        if key not in self._pil_fonts:
            self._pil_fonts[key] = ImageFont.truetype(str(self.font), px)
        return self._pil_fonts[key]

    def scan_pdf(self, pages: list[PageLayout], path: Path, footer: str, dpi: int = 200,
                 noise: float = 8.0, quality: int = 70) -> None:
        images = []
        for n, page in enumerate(pages, 1):
            img = self.page_image(page, n, len(pages), footer, dpi, stamp=(n == len(pages)), noise=noise)
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=quality)
            images.append(Image.open(io.BytesIO(buf.getvalue())))
        images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=dpi)

    def mixed_pdf(self, pages: list[PageLayout], path: Path, footer: str, dpi: int = 200,
                  noise: float = 8.0, quality: int = 70) -> None:
        """Text pages with the last (signature) page stamped and scanned."""
        pdf = FPDF(unit="mm", format="A4")
        pdf.set_auto_page_break(False)
        pdf.add_font("cjk", fname=str(self.font))
        for n, page in enumerate(pages, 1):
            pdf.add_page()
            if n == len(pages):
                img = self.page_image(page, n, len(pages), footer, dpi, stamp=True, noise=noise)
                buf = io.BytesIO()
                img.save(buf, "JPEG", quality=quality)
                buf.seek(0)
                pdf.image(buf, x=0, y=0, w=PAGE_W, h=PAGE_H)
                continue
            self._draw_page_pdf(pdf, page)
            pdf.set_text_color(0, 0, 0)
            pdf.set_font("cjk", size=14)
            ft = footer_text(footer, n, len(pages))
            pdf.text(PAGE_W / 2 - pdf.get_string_width(ft) / 2, TOP + 237, ft)
        pdf.output(str(path))


def write_docx(doc: dict, blocks: list[Block], path: Path, textbox_head: bool) -> None:
    d = DocxDocument()
    style = d.styles["Normal"]
    style.font.size = Pt(16)
    for block in blocks:
        if textbox_head and block.red:
            # Red heads often sit in a text box (VML fallback form); python-docx
            # does not see them as paragraphs, which is what the extractor must handle.
            xml = (
                '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict>'
                '<v:shape style="width:440pt;height:60pt"><v:textbox><w:txbxContent>'
                f'<w:p><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>{escape(block.text)}</w:t></w:r></w:p>'
                "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
            )
            d.element.body.sectPr.addprevious(parse_xml(xml))
            continue
        p = d.add_paragraph()
        if block.align == "indent":
            p.paragraph_format.first_line_indent = Pt(32)
        elif block.align == "center":
            p.alignment = 1
        elif block.align == "right":
            p.alignment = 2
        run = p.add_run(block.text)
        run.font.size = Pt(block.size)
        if block.red:
            run.font.color.rgb = RGBColor(0xC0, 0, 0)
    d.save(str(path))


def write_txt(blocks: list[Block], path: Path) -> None:
    lines = [("\u3000\u3000" + b.text) if b.align == "indent" else b.text for b in blocks]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))


def write_ofd(pages: list[PageLayout], path: Path, footer: str, renderer: Renderer) -> None:
    """A minimal but valid OFD package: one TextObject per line, units in mm."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    files: dict[str, str] = {}
    files["OFD.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} DocType="OFD" Version="1.0">'
        "<ofd:DocBody><ofd:DocInfo><ofd:DocID>ecocheck-test</ofd:DocID></ofd:DocInfo>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )
    page_refs = "".join(
        f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages))
    )
    files["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData>'
        f'<ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W} {PAGE_H}</ofd:PhysicalBox></ofd:PageArea>'
        '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
        f"<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>"
    )
    files["Doc_0/PublicRes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {ns} BaseLoc="Res"><ofd:Fonts>'
        '<ofd:Font ID="1" FontName="FangSong" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>'
    )
    uid = 100
    for i, page in enumerate(pages):
        objs = []
        extra = [PlacedLine(footer_text(footer, i + 1, len(pages)), PAGE_W / 2 - 12, TOP + 237, 14)]
        for line in page.lines + extra:
            size = line.size * 0.3528
            uid += 1
            deltas = [renderer.width_pt(ch, line.size) for ch in line.text[:-1]]
            width = sum(deltas) + size
            objs.append(
                f'<ofd:TextObject ID="{uid}" Boundary="{line.x:.2f} {line.y - size:.2f} {width:.2f} {size * 1.2:.2f}" '
                f'Font="1" Size="{size:.3f}"><ofd:TextCode X="0" Y="{size:.3f}" '
                f'DeltaX="{" ".join(f"{d:.3f}" for d in deltas)}">{escape(line.text)}</ofd:TextCode></ofd:TextObject>'
            )
        files[f"Doc_0/Pages/Page_{i}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content><ofd:Layer ID="{uid + 5000}">'
            + "".join(objs)
            + "</ofd:Layer></ofd:Content></ofd:Page>"
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in files.items():
            zf.writestr(name, body)


def write_html(doc: dict, blocks: list[Block], path: Path) -> None:
    body = "\n".join(
        f'<p style="text-align:{"center" if b.align == "center" else "right" if b.align == "right" else "left"}">'
        f"{escape(b.text)}</p>"
        for b in blocks
    )
    title = escape(doc["meta"].get("title") or "")
    html = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_政策文件_湖北省人民政府门户网站</title>
<script>var _hmt = _hmt || []; function share(){{}}</script>
<style>.nav li{{display:inline}}</style></head>
<body>
<div class="header"><div class="logo">湖北省人民政府门户网站</div>
<ul class="nav"><li>首页</li><li>要闻动态</li><li>政务公开</li><li>政务服务</li><li>互动交流</li><li>走进湖北</li></ul></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="article">
<h1 class="title">{title}</h1>
<div class="info">来源：湖北省人民政府　　发布时间：2024-02-01　　【字体：大 中 小】　【打印】</div>
<div class="TRS_Editor" id="zoom">
{body}
</div>
<div class="share">分享到：微信 微博 QQ空间</div>
</div>
<div class="related"><h3>相关文件</h3><ul><li><a href="#">关于做好2024年春节期间安全生产工作的通知</a></li>
<li><a href="#">湖北省2023年国民经济和社会发展统计公报</a></li></ul></div>
<div class="footer">主办：湖北省人民政府办公厅　承办：湖北省人民政府办公厅电子政务办公室　鄂ICP备05003320号</div>
</body></html>"""
    path.write_text(html, encoding="utf-8")


def render_one(doc: dict, out: Path, font: Path, scan_font: Path, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    renderer = Renderer(font, seed)
    pages = renderer.layout(doc)
    footer = rng.choice(["dash", "dash", "hyphen", "total"])
    header = doc["meta"].get("issuer") if rng.random() < 0.3 and len(pages) >= 3 else None
    renderer.text_pdf(pages, out / "text.pdf", footer, header)
    scanner = Renderer(scan_font, seed + 1)
    scanner.scan_pdf(scanner.layout(doc), out / "scan.pdf", footer)
    blocks = layout_blocks(doc)
    write_docx(doc, blocks, out / "doc.docx", textbox_head=rng.random() < 0.5)
    write_txt(blocks, out / "gb18030.txt")
    write_ofd(pages, out / "doc.ofd", footer, renderer)
    write_html(doc, blocks, out / "page.html")
    (out / "gold.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, default=ROOT / "corpora/extraction/src")
    ap.add_argument("--out", type=Path, default=ROOT / "corpora/extraction/build")
    ap.add_argument("--only", default="")
    ap.add_argument("--seed", type=int, default=20240131)
    args = ap.parse_args()
    font = find_font("wqy-microhei")
    fonts = cjk_fonts()
    only = {s for s in args.only.split(",") if s}
    for i, src in enumerate(sorted(args.src.glob("*.json"))):
        doc = json.loads(src.read_text(encoding="utf-8"))
        if only and doc["id"] not in only:
            continue
        scan_font = fonts[i % len(fonts)] if fonts else font
        render_one(doc, args.out / doc["id"], font, scan_font, args.seed + i)
        print(f"rendered {doc['id']}")


if __name__ == "__main__":
    main()
