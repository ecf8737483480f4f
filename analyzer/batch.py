"""Batch checking: many submissions → one record each in ``DIR/reports.jsonl``.

Inputs are files, folders (recursive) and ZIP bundles (unpacked safely under
``DIR/_unpacked``). Each distinct content is analysed once — duplicates under
other names and files already in the store (same hash, same model version)
are reported from it — in isolated worker processes (:mod:`analyzer.executor`).
Every record is committed to the SQLite store when it arrives, so an
interruption loses nothing; ``reports.jsonl`` is written atomically at the end,
in input order, with one line per input.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__
from .errors import DocumentLoadError
from .executor import Executor, InlineExecutor, Outcome, ProcessExecutor, Task
from .extract import sha256_file
from .files import expand_inputs, is_inside
from .report import error_record
from .store import Store

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
#: Refuse ZIP members that unpack larger than this, and bundles with more members.
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 20000


@lru_cache(maxsize=4)
def model_version(model: str = "linear") -> str:
    """Package version plus a hash of the shipped model files: a new model re-analyses everything."""
    digest = hashlib.sha256(__version__.encode())
    for directory in (MODELS_DIR / f"coverage-{model}", MODELS_DIR / "doctype-linear"):
        for path in sorted(directory.glob("*")) if directory.exists() else []:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{model}.{digest.hexdigest()[:12]}"


@dataclass
class InputFile:
    path: Path  # where the bytes are
    display: str  # how the user knows it (bundle.zip/成员.pdf)
    sha256: str = ""
    error: DocumentLoadError | None = None


def unpack_zip(bundle: Path, into: Path) -> list[InputFile]:
    """Members of a ZIP bundle as input files; paths never escape ``into`` (no .., no absolute names)."""
    out: list[InputFile] = []
    try:
        zf = zipfile.ZipFile(bundle)
    except (zipfile.BadZipFile, OSError):
        return [InputFile(bundle, str(bundle), error=DocumentLoadError(
            "CORRUPT_FILE", "ZIP 压缩包已损坏，无法解开。请重新打包后提交。"))]
    target = into / f"{bundle.stem}-{sha256_file(bundle)[:8]}"
    with zf:
        members = [m for m in zf.infolist() if not m.is_dir()]
        if len(members) > MAX_MEMBERS:
            return [InputFile(bundle, str(bundle), error=DocumentLoadError(
                "TOO_LARGE", f"压缩包内文件超过 {MAX_MEMBERS} 个，拒绝处理。"))]
        for member in members:
            name = _member_name(member)
            display = f"{bundle}/{name}"
            dest = (target / name).resolve()
            if not is_inside(dest, target.resolve()):
                out.append(InputFile(bundle, display, error=DocumentLoadError(
                    "UNSAFE_PATH", "压缩包内的文件路径指向包外（如 ../），已拒绝解压。")))
                continue
            if member.file_size > MAX_MEMBER_BYTES:
                out.append(InputFile(bundle, display, error=DocumentLoadError(
                    "TOO_LARGE", "压缩包内的该文件解压后过大，已拒绝处理。")))
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            if not dest.exists():
                with zf.open(member) as src, open(dest, "wb") as fh:
                    fh.write(src.read(MAX_MEMBER_BYTES + 1))
            out.append(InputFile(dest, display))
    return out


def _member_name(member: zipfile.ZipInfo) -> str:
    """ZIP names from Windows tools are often GBK without the UTF-8 flag."""
    name = member.filename
    if not member.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name.replace("\\", "/").lstrip("/")


def collect_inputs(inputs: list[Path], unpack_dir: Path) -> list[InputFile]:
    """Files, folders and ZIP bundles → the list of files to report on, in a stable order."""
    out: list[InputFile] = []
    for path in expand_inputs(inputs):
        if path.suffix.lower() == ".zip" and path.is_file():
            out.extend(unpack_zip(path, unpack_dir))
        else:
            out.append(InputFile(path, str(path)))
    for item in out:
        if item.error is None:
            try:
                item.sha256 = sha256_file(item.path) if item.path.is_file() else ""
            except OSError:
                item.sha256 = ""
    return out


def analyze_task(task: Task) -> dict[str, Any]:
    """The per-file task: a pure function of (file bytes, settings, model version) → record."""
    analyzer = _analyzer(task.model, json.dumps(task.settings, sort_keys=True))
    return analyzer.analyze_file(task.path, task.display)


@lru_cache(maxsize=2)
def _analyzer(model: str, settings_json: str):
    from .analysis import Analyzer

    settings = json.loads(settings_json)
    year = settings.pop("year", None)
    return Analyzer.load(model, settings, year)


@dataclass
class BatchResult:
    records: list[dict[str, Any]] = field(default_factory=list)
    analysed: int = 0  # distinct contents analysed in this run
    reused: int = 0  # records taken from the store
    failed: int = 0  # records with an error
    seconds: float = 0.0


def run_batch(
    inputs: list[Path],
    out_dir: Path,
    *,
    db: Path | None = None,
    model: str = "linear",
    settings: dict[str, Any] | None = None,
    executor: Executor | None = None,
    task_fn: Callable[[Task], dict[str, Any]] = analyze_task,
    year: int | None = None,
    roster: Path | None = None,
    progress: Callable[[Outcome | None, int], None] | None = None,
) -> BatchResult:
    """Analyse every input once per content and write ``out_dir/reports.jsonl``."""
    import time

    t0 = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    store = Store(db or out_dir / "ecocheck.sqlite")
    version = model_version(model)
    files = collect_inputs(inputs, out_dir / "_unpacked")
    run_id = store.start_run(year, len(files))
    store.add_files(run_id, [(f.display, f.sha256) for f in files])
    result = BatchResult()
    transient: dict[str, dict[str, Any]] = {}
    todo: dict[str, InputFile] = {}
    for f in files:
        if f.error is None and f.sha256 and f.sha256 not in todo and store.get(f.sha256, version) is None:
            todo[f.sha256] = f
    result.reused = len({f.sha256 for f in files if f.sha256}) - len(todo)
    settings = {**(settings or {}), **({"year": year} if year else {})}
    if todo:
        if task_fn is analyze_task:
            _analyzer(model, json.dumps(settings or {}, sort_keys=True))  # load once, before workers fork
        tasks = [Task(sha, str(f.path), f.display, settings or {}, model) for sha, f in todo.items()]
        executor = executor or ProcessExecutor()
        for outcome in executor.map(tasks, task_fn):
            if outcome.record is not None:
                store.put(outcome.task.key, version, outcome.record)
            else:
                transient[outcome.task.key] = error_record(
                    outcome.task.display, DocumentLoadError(outcome.error or "CRASHED", outcome.message))
                transient[outcome.task.key]["source"]["sha256"] = outcome.task.key
            result.analysed += 1
            if progress:
                progress(outcome, len(tasks))
    for f in files:
        if f.error is not None:
            rec = error_record(f.display, f.error)
        else:
            rec = store.get(f.sha256, version) or transient.get(f.sha256)
            if rec is None:  # unreadable path (vanished, no permission)
                rec = error_record(f.display, DocumentLoadError("FILE_NOT_FOUND", "文件不存在或无法读取。"))
            rec = json.loads(json.dumps(rec))
            rec["source"]["path"] = f.display
        result.records.append(rec)
    result.failed = sum(1 for r in result.records if r["error"])
    _write_jsonl(out_dir / "reports.jsonl", result.records)
    from .summary import write_summary

    write_summary(result.records, out_dir, roster, year)
    store.finish_run(run_id)
    store.close()
    result.seconds = time.perf_counter() - t0
    return result


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    tmp = path.with_suffix(".jsonl.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


__all__ = ["BatchResult", "InlineExecutor", "ProcessExecutor", "analyze_task", "collect_inputs", "model_version",
           "run_batch"]
