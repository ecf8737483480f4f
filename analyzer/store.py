"""Embedded SQLite store of analysis records, keyed by content hash and model version.

Every finished record is committed at once (WAL journal), so a crash or Ctrl-C
mid-batch loses nothing already done; a rerun asks the store before
analysing. Errors that may pass (TIMEOUT, CRASHED, OUT_OF_MEMORY) are not
kept, so the next run tries those files again.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

#: Error codes worth retrying on the next run.
TRANSIENT = frozenset({"TIMEOUT", "CRASHED", "OUT_OF_MEMORY"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    sha256 TEXT NOT NULL,
    model_version TEXT NOT NULL,
    record TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (sha256, model_version)
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started REAL NOT NULL,
    year INTEGER,
    inputs INTEGER,
    finished REAL
);
CREATE TABLE IF NOT EXISTS run_files (
    run_id INTEGER NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (run_id, path)
);
"""


class Store:
    """A small repository over one SQLite file; one connection per process."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def get(self, sha256: str, model_version: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT record FROM results WHERE sha256 = ? AND model_version = ?", (sha256, model_version)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, sha256: str, model_version: str, record: dict[str, Any]) -> None:
        error = record.get("error") or {}
        if error.get("code") in TRANSIENT:
            return
        self.db.execute(
            "INSERT OR REPLACE INTO results (sha256, model_version, record, created) VALUES (?, ?, ?, ?)",
            (sha256, model_version, json.dumps(record, ensure_ascii=False), time.time()),
        )

    def start_run(self, year: int | None, inputs: int) -> int:
        cur = self.db.execute("INSERT INTO runs (started, year, inputs) VALUES (?, ?, ?)", (time.time(), year, inputs))
        return int(cur.lastrowid or 0)

    def add_files(self, run_id: int, files: list[tuple[str, str]]) -> None:
        self.db.execute("BEGIN")
        self.db.executemany("INSERT OR REPLACE INTO run_files (run_id, path, sha256) VALUES (?, ?, ?)",
                            [(run_id, p, s) for p, s in files])
        self.db.execute("COMMIT")

    def records_for_year(self, year: int) -> list[dict[str, Any]]:
        """The records of the latest finished run for ``year`` (one per input file, as that run saw them)."""
        row = self.db.execute(
            "SELECT id FROM runs WHERE year = ? AND finished IS NOT NULL ORDER BY id DESC LIMIT 1", (year,)
        ).fetchone()
        if row is None:
            return []
        out = []
        for path, sha in self.db.execute("SELECT path, sha256 FROM run_files WHERE run_id = ? ORDER BY rowid", (row[0],)):
            rec = self.db.execute("SELECT record FROM results WHERE sha256 = ? ORDER BY created DESC LIMIT 1",
                                  (sha,)).fetchone()
            if rec:
                record = json.loads(rec[0])
                record["source"]["path"] = path
                out.append(record)
        return out

    def finish_run(self, run_id: int) -> None:
        self.db.execute("UPDATE runs SET finished = ? WHERE id = ?", (time.time(), run_id))
