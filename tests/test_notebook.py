"""The error-analysis notebook runs top to bottom (its code cells, in order, without a kernel)."""

from __future__ import annotations

import json
import os

from .conftest import ROOT


def test_notebook_error_analysis_runs_top_to_bottom(tmp_path) -> None:
    nb = json.loads((ROOT / "notebooks/error_analysis.ipynb").read_text(encoding="utf-8"))
    namespace: dict = {}
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                exec(compile("".join(cell["source"]), "error_analysis.ipynb", "exec"), namespace)
    finally:
        os.chdir(cwd)
    assert 0.0 < namespace["result"]["macro_f1"] <= 1.0
    assert (ROOT / "notebooks/dev_per_article_f1.png").exists()
