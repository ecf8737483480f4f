"""The interface every format extractor implements."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..config import Settings
from ..datamodel import Page


class Extractor(Protocol):
    """Turns one file of a known format into pages of lines.

    Extractors raise :class:`~analyzer.errors.DocumentLoadError` for bad input
    and never normalise: joining lines and dropping page artefacts is the job
    of :mod:`analyzer.normalize`, the same for every format.
    """

    #: Formats (contract ``source.format`` values) this extractor reads.
    formats: tuple[str, ...]

    def extract(self, path: Path, settings: Settings) -> list[Page]:
        """Return the pages of ``path`` in reading order."""
        ...
