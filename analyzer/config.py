"""Typed settings with defaults, resolvable from None, a dict or an instance.

Environment variables prefixed ``ECOCHECK_`` override defaults, e.g.
``ECOCHECK_OCR_DPI=150``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import ConfigError

ENV_PREFIX = "ECOCHECK_"


@dataclass(frozen=True, slots=True)
class Settings:
    """Knobs of extraction; every field has a sane default."""

    #: Resolution at which scanned pages are rendered for OCR.
    ocr_dpi: int = 200
    #: Run OCR on pages without a usable text layer; off = such pages stay empty.
    ocr: bool = True
    #: rapidocr's text-direction classifier; off by default (it blanked whole lines in tests).
    ocr_use_cls: bool = False
    #: Threads for the OCR runtime (0 = all cores).
    ocr_threads: int = 0
    #: Long side (px) the page is scaled to for text detection; recognition uses full resolution.
    ocr_det_side: int = 1280
    #: Refuse files larger than this many megabytes.
    max_file_mb: int = 200
    #: Refuse documents with more pages than this.
    max_pages: int = 1000
    #: Converter for DOC/WPS; found on PATH when empty.
    soffice: str = ""
    #: Seconds a DOC/WPS conversion may take.
    convert_timeout: int = 120

    @classmethod
    def resolve(cls, value: Settings | dict[str, Any] | None = None) -> Settings:
        """Build settings from None (defaults + environment), a dict, or an instance."""
        if isinstance(value, Settings):
            return value
        base = cls()._with_env()
        if value is None:
            return base
        if isinstance(value, dict):
            return base._with(value, origin="参数")
        raise ConfigError(f"无法识别的设置类型：{type(value).__name__}")

    def _with_env(self) -> Settings:
        found = {
            f.name: os.environ[ENV_PREFIX + f.name.upper()]
            for f in fields(self)
            if ENV_PREFIX + f.name.upper() in os.environ
        }
        return self._with(found, origin="环境变量") if found else self

    def _with(self, values: dict[str, Any], origin: str) -> Settings:
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for name, raw in values.items():
            if name not in known:
                raise ConfigError(
                    f"{origin}中的未知设置项 {name!r}；可用的设置项：{', '.join(sorted(known))}"
                )
            default = getattr(self, name)
            changes[name] = _coerce(name, raw, type(default), origin)
        return replace(self, **changes)


def _coerce(name: str, raw: Any, kind: type, origin: str) -> Any:
    if isinstance(raw, kind):
        return raw
    text = str(raw).strip()
    try:
        if kind is bool:
            if text.lower() in {"1", "true", "yes", "on"}:
                return True
            if text.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError:
        raise ConfigError(f"{origin}中设置项 {name} 的值 {raw!r} 无效，应为 {kind.__name__}") from None
