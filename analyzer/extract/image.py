"""A single scanned page submitted as an image (PNG, JPEG, TIFF)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..config import Settings
from ..datamodel import Page
from ..errors import DocumentLoadError
from .ocr import ocr_image


class ImageExtractor:
    formats = ("image",)

    def extract(self, path: Path, settings: Settings) -> list[Page]:
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(path) as img:
                dpi = int((img.info.get("dpi") or (settings.ocr_dpi,))[0] or settings.ocr_dpi)
                if img.width * img.height > 80_000_000:
                    raise DocumentLoadError("TOO_LARGE", "图片尺寸过大（超过 8000 万像素），拒绝识别。")
                array = np.asarray(img.convert("RGB"))
        except (UnidentifiedImageError, OSError) as exc:
            raise DocumentLoadError("CORRUPT_FILE", f"图片文件已损坏，无法打开（{exc}）。") from None
        lines = ocr_image(array, dpi, settings) if settings.ocr else []
        h, w = array.shape[:2]
        return [Page(1, lines, w * 72 / dpi, h * 72 / dpi, ocr=settings.ocr)]
