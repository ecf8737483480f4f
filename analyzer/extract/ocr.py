"""OCR of page images with rapidocr-onnxruntime (models ship in its wheel).

Choices measured on our scanned corpus (see models/../README notes):
* the text-direction classifier is off: it blanked whole lines, and official
  documents are upright;
* detection runs on the page scaled to at most 1280 px on its long side while
  recognition crops come from the full 200 dpi image: 2.0 s/page instead of
  3.6 s/page on 2 cores with the same recognised text.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import numpy as np

from ..config import Settings
from ..datamodel import Line
from ..errors import DocumentLoadError


@lru_cache(maxsize=4)
def _engine(threads: int, det_side: int) -> Any:
    """One OCR engine per process and setting: loading the models costs ~0.5 s."""
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(
        intra_op_num_threads=threads,
        inter_op_num_threads=1,
        det_limit_type="max",
        det_limit_side_len=det_side,
        max_side_len=4000,
    )


def ocr_image(image: np.ndarray, dpi: int, settings: Settings) -> list[Line]:
    """Recognise the text lines of one page image; geometry in points (1/72 in).

    ``image`` is an RGB or grey array rendered at ``dpi``.
    """
    if image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    elif image.shape[2] == 4:
        image = image[:, :, :3]
    threads = settings.ocr_threads or (os.cpu_count() or 1)
    try:
        result, _ = _engine(threads, settings.ocr_det_side)(image, use_cls=settings.ocr_use_cls)
    except Exception as exc:  # onnxruntime raises plain RuntimeErrors on bad input
        raise DocumentLoadError("OCR_FAILED", f"图片文字识别失败：{exc}") from exc
    scale = 72.0 / dpi
    boxes = []
    for box, text, _score in result or []:
        xs = [pt[0] for pt in box]
        ys = [pt[1] for pt in box]
        boxes.append(Line(text, min(xs) * scale, max(xs) * scale, min(ys) * scale, max(ys) * scale))
    return merge_boxes(boxes)


def char_pitch(text: str, width: float) -> float | None:
    """Font size estimated from the advance of a full-width character.

    OCR box heights vary with the glyphs on the line ("单位：" is shorter than
    a full line), so they cannot tell a 22 pt title from 16 pt body text; the
    advance per character can. Half-width characters count as one half.
    """
    units = sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text if not ch.isspace())
    return width / units if units >= 1 else None


def merge_boxes(boxes: list[Line]) -> list[Line]:
    """Join boxes that sit on one visual line (OCR splits a line at wide gaps)."""
    boxes = sorted(boxes, key=lambda b: (b.top or 0.0))
    lines: list[list[Line]] = []
    for box in boxes:
        mid = ((box.top or 0.0) + (box.bottom or 0.0)) / 2
        if lines:
            last = lines[-1]
            top = min(b.top or 0.0 for b in last)
            bottom = max(b.bottom or 0.0 for b in last)
            if top < mid < bottom:
                last.append(box)
                continue
        lines.append([box])
    merged = []
    for group in lines:
        group.sort(key=lambda b: b.x0 or 0.0)
        height = max((b.bottom or 0) - (b.top or 0) for b in group) or 1.0
        text = group[0].text
        for prev, cur in zip(group, group[1:]):
            gap = (cur.x0 or 0) - (prev.x1 or 0)
            text += ("\u3000" if gap > 1.5 * height else "") + cur.text
        x0, x1 = min(b.x0 or 0 for b in group), max(b.x1 or 0 for b in group)
        top, bottom = min(b.top or 0 for b in group), max(b.bottom or 0 for b in group)
        merged.append(Line(text, x0, x1, top, bottom, char_pitch(text, x1 - x0)))
    return merged
