"""Executors: run the per-file task over many files, each file isolated.

The task is a pure function of (file, settings, model version) → record, so any
engine can run it; here a small interface with two implementations:

* :class:`InlineExecutor` — in this process, one file after another (debugging, ``--workers 0``);
* :class:`ProcessExecutor` — persistent worker processes forked after the models are
  loaded (they share them copy-on-write), a wall-clock limit per file and a memory
  cap per worker. A worker that overruns is killed and replaced (TIMEOUT); one that
  dies is replaced (CRASHED); a MemoryError becomes OUT_OF_MEMORY. Every task ends
  with exactly one outcome.

A Dask or Ray executor only needs ``map(tasks, fn)`` with the same outcomes.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class Task:
    """One unit of work: a file (by path and content hash) and how to analyse it."""

    key: str  # content hash
    path: str  # where the bytes are
    display: str  # what the user called it
    settings: dict[str, Any] = field(default_factory=dict)
    model: str = "linear"


@dataclass(frozen=True, slots=True)
class Outcome:
    """``record`` on success; otherwise ``error`` is TIMEOUT / CRASHED / OUT_OF_MEMORY with a message."""

    task: Task
    record: dict[str, Any] | None = None
    error: str | None = None
    message: str = ""
    seconds: float = 0.0


TaskFn = Callable[[Task], dict[str, Any]]


class Executor(Protocol):
    def map(self, tasks: Iterable[Task], fn: TaskFn) -> Iterator[Outcome]:
        """Yield one Outcome per task, in completion order."""
        ...


class InlineExecutor:
    """Runs tasks here, sequentially; no isolation, no time limit."""

    def map(self, tasks: Iterable[Task], fn: TaskFn) -> Iterator[Outcome]:
        for task in tasks:
            t0 = time.perf_counter()
            try:
                yield Outcome(task, fn(task), seconds=time.perf_counter() - t0)
            except MemoryError:
                yield Outcome(task, error="OUT_OF_MEMORY", message="处理该文件时内存不足。")
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
                yield Outcome(task, error="CRASHED", message=f"处理该文件时程序出错（{type(exc).__name__}）。")


def _worker(conn: Connection, fn: TaskFn, memory_mb: int, workers: int = 1) -> None:
    if "torch" in sys.modules:  # a transformer model was loaded before the fork: share the cores, don't oversubscribe
        sys.modules["torch"].set_num_threads(max(1, (os.cpu_count() or 1) // workers))
    if memory_mb > 0:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        t0 = time.perf_counter()
        try:
            conn.send(("ok", fn(task), time.perf_counter() - t0))
        except MemoryError:
            conn.send(("OUT_OF_MEMORY", "处理该文件时超出内存上限。", time.perf_counter() - t0))
        except Exception as exc:  # noqa: BLE001
            conn.send(("CRASHED", f"处理该文件时程序出错（{type(exc).__name__}: {exc}）。", time.perf_counter() - t0))


@dataclass
class _Slot:
    proc: Any
    conn: Connection
    task: Task | None = None
    started: float = 0.0


class ProcessExecutor:
    """Forked workers with a per-file wall-clock limit and a per-worker memory cap."""

    def __init__(self, workers: int | None = None, timeout: float = 120.0, memory_mb: int = 6144) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self._ctx = mp.get_context("fork")

    def _spawn(self, fn: TaskFn) -> _Slot:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker, args=(child, fn, self.memory_mb, self.workers), daemon=True)
        proc.start()
        child.close()
        return _Slot(proc, parent)

    @staticmethod
    def _stop(slot: _Slot) -> None:
        if slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join(timeout=5)
        slot.conn.close()

    def map(self, tasks: Iterable[Task], fn: TaskFn) -> Iterator[Outcome]:
        pending = list(tasks)
        pending.reverse()
        slots = [self._spawn(fn) for _ in range(min(self.workers, len(pending)))]
        try:
            while pending or any(s.task for s in slots):
                for slot in slots:
                    if slot.task is None and pending:
                        slot.task, slot.started = pending.pop(), time.monotonic()
                        slot.conn.send(slot.task)
                busy = [s for s in slots if s.task is not None]
                deadline = min(s.started + self.timeout for s in busy)
                ready = wait([s.conn for s in busy], timeout=max(0.0, deadline - time.monotonic()))
                now = time.monotonic()
                for i, slot in enumerate(slots):
                    if slot.task is None:
                        continue
                    task, elapsed = slot.task, now - slot.started
                    if slot.conn in ready:
                        try:
                            status, payload, seconds = slot.conn.recv()
                        except (EOFError, OSError):
                            code = slot.proc.exitcode
                            self._stop(slot)
                            slots[i] = self._spawn(fn)
                            yield Outcome(task, error="CRASHED", seconds=elapsed,
                                          message=f"处理该文件的进程意外退出（退出码 {code}），可能是文件触发了解析库的缺陷。")
                            continue
                        slot.task = None
                        if status == "ok":
                            yield Outcome(task, record=payload, seconds=seconds)
                        else:
                            yield Outcome(task, error=status, message=payload, seconds=seconds)
                    elif elapsed >= self.timeout:
                        self._stop(slot)
                        slots[i] = self._spawn(fn)
                        yield Outcome(task, error="TIMEOUT", seconds=elapsed,
                                      message=f"处理超过 {self.timeout:.0f} 秒仍未完成，已停止（可用 --timeout 调整）。")
        finally:
            for slot in slots:
                self._stop(slot)
