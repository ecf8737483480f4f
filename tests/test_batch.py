"""batch: one record per input, duplicates once, isolation of bad files, resume from the store."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import jsonschema
import pytest

from analyzer.batch import analyze_task, run_batch
from analyzer.executor import InlineExecutor, ProcessExecutor, Task
from analyzer.report import schema

from .conftest import ROOT, SAMPLES


def _txt_inputs(folder: Path, n: int = 4) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"报告{i}.txt"
        p.write_text(f"黄石市第{i}局关于2023年度生态环境保护工作的报告\n市委、市政府：\n"
                     f"我局严格落实管行业必须管环保要求，把生态环境保护纳入行业审批和监管全过程，全年检查企业{i + 10}家。\n",
                     encoding="utf-8")
        paths.append(p)
    return paths


def _fake(task: Task) -> dict:
    """A stand-in task: hangs on files named 'hang', kills its process on 'crash', else analyses."""
    name = Path(task.display).name
    if "hang" in name:
        time.sleep(60)
    if "crash" in name:
        os.kill(os.getpid(), signal.SIGKILL)
    if "oom" in name:
        raise MemoryError
    return analyze_task(task)


def test_batch_records_duplicates_and_broken_files(tmp_path: Path) -> None:
    inputs = _txt_inputs(tmp_path / "in")
    shutil.copy(inputs[0], tmp_path / "in" / "重复提交.txt")
    (tmp_path / "in" / "坏文件.docx").write_bytes(b"\x00garbage" * 50)
    (tmp_path / "in" / "空文件.pdf").write_bytes(b"")
    result = run_batch([tmp_path / "in"], tmp_path / "out", executor=InlineExecutor())
    lines = (tmp_path / "out" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 7
    for rec in records:
        jsonschema.validate(rec, schema())
    assert result.analysed == 6  # the duplicate is analysed once
    by_name = {Path(r["source"]["path"]).name: r for r in records}
    assert by_name["重复提交.txt"]["articles"] == by_name["报告0.txt"]["articles"]
    assert by_name["坏文件.docx"]["error"]["code"] == "CORRUPT_FILE"
    assert by_name["空文件.pdf"]["error"]["code"] == "EMPTY_FILE"


def test_batch_rerun_reuses_the_store(tmp_path: Path) -> None:
    inputs = _txt_inputs(tmp_path / "in")
    first = run_batch(inputs, tmp_path / "out", executor=InlineExecutor())
    second = run_batch(inputs, tmp_path / "out", executor=InlineExecutor())
    assert first.analysed == 4 and second.analysed == 0 and second.reused == 4
    assert first.records == second.records
    extra = _txt_inputs(tmp_path / "more", 5)[4]
    third = run_batch([*inputs, extra], tmp_path / "out", executor=InlineExecutor())
    assert third.analysed == 1 and len(third.records) == 5


def test_batch_timeout_crash_and_memory_become_records(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    inputs = _txt_inputs(folder, 2)
    for name in ("hang.txt", "crash.txt", "oom.txt"):
        shutil.copy(inputs[0], folder / name)
        (folder / name).write_text((folder / name).read_text(encoding="utf-8") + name, encoding="utf-8")
    executor = ProcessExecutor(workers=2, timeout=3.0, memory_mb=0)
    result = run_batch([folder], tmp_path / "out", executor=executor, task_fn=_fake)
    codes = {Path(r["source"]["path"]).name: (r["error"] or {}).get("code") for r in result.records}
    assert codes == {"crash.txt": "CRASHED", "hang.txt": "TIMEOUT", "oom.txt": "OUT_OF_MEMORY",
                     "报告0.txt": None, "报告1.txt": None}
    for rec in result.records:
        jsonschema.validate(rec, schema())


def test_batch_zip_bundle_and_unsafe_member(tmp_path: Path) -> None:
    bundle = tmp_path / "报送材料.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.write(next(SAMPLES.glob("*.txt")), "市州/秭归.txt")
        zf.writestr("../../逃逸.txt", "恶意路径")
    result = run_batch([bundle], tmp_path / "out", executor=InlineExecutor())
    codes = sorted((r["source"]["path"].split("/")[-1], (r["error"] or {}).get("code")) for r in result.records)
    assert codes == [("秭归.txt", None), ("逃逸.txt", "UNSAFE_PATH")]
    assert not (tmp_path / "逃逸.txt").exists() and not (tmp_path.parent / "逃逸.txt").exists()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_batch_killed_halfway_resumes_without_loss(tmp_path: Path, sig: int) -> None:
    import sqlite3

    n = 30
    inputs = _txt_inputs(tmp_path / "in", n)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "tests.batch_helpers", str(tmp_path / "in"), str(out)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db, done, deadline = out / "ecocheck.sqlite", 0, time.time() + 90
    while time.time() < deadline and done < 3:
        time.sleep(0.2)
        if db.exists():
            try:
                done = sqlite3.connect(str(db)).execute("SELECT COUNT(*) FROM results").fetchone()[0]
            except sqlite3.Error:
                done = 0
    proc.send_signal(sig)
    proc.wait(timeout=30)
    assert proc.returncode != 0  # it was stopped, not finished
    rerun = run_batch(inputs, out, executor=InlineExecutor())
    assert 3 <= rerun.reused < n  # nothing finished was lost
    assert rerun.analysed == n - rerun.reused  # nothing analysed twice
    clean = run_batch(inputs, tmp_path / "clean", executor=InlineExecutor())
    assert [json.dumps(r, sort_keys=True) for r in rerun.records] == [json.dumps(r, sort_keys=True) for r in clean.records]
