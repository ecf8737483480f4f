"""Slow task for the interruption test, run in a child process (python -m tests.batch_helpers IN OUT)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from analyzer.batch import analyze_task, run_batch
from analyzer.executor import ProcessExecutor, Task


def slow_task(task: Task) -> dict:
    time.sleep(0.4)
    return analyze_task(task)


if __name__ == "__main__":
    run_batch([Path(sys.argv[1])], Path(sys.argv[2]), executor=ProcessExecutor(workers=1), task_fn=slow_task)
