"""Turning user inputs (files and folders) into the list of files to read.

Folders are walked recursively; hidden files are skipped, and a symbolic
link that points outside the folder is never followed: an untrusted upload
folder cannot make us read /etc/passwd.
"""

from __future__ import annotations

import os
from pathlib import Path

from .extract.detect import EXTENSIONS


def expand_inputs(inputs: list[Path]) -> list[Path]:
    """Files as given, folders expanded to the supported files under them, in a stable order."""
    out: list[Path] = []
    for item in inputs:
        if item.is_dir():
            out.extend(_walk(item))
        else:
            out.append(item)
    return out


def _walk(root: Path) -> list[Path]:
    base = root.resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).suffix.lower() not in EXTENSIONS and not name.lower().endswith(".zip"):
                continue
            path = Path(dirpath) / name
            if not is_inside(path, base):
                continue
            found.append(path)
    return found


def is_inside(path: Path, base: Path) -> bool:
    """True when ``path`` (after following links) stays within ``base``."""
    try:
        path.resolve().relative_to(base)
    except (ValueError, OSError):
        return False
    return True
