"""Processes at once on one store: a first run raced by others migrates once, two ingests of the
same documents store each once, and a killed ingest leaves no worker behind."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from helpers import ROOT
from jalin.store.schema import SCHEMA_VERSION

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
PLACES = ["Hanoi", "Manila", "Dili", "Vientiane", "Bandar Seri Begawan", "Yangon"]


def _stories(path: Path, count: int, offset: int = 0) -> Path:
    rows = [{"id": f"s{i}", "text": f"{PLACES[i % len(PLACES)].upper()} -- Minister number {i} said the "
                                    f"two navies would hold {i + 3} joint patrols next year."}
            for i in range(offset, offset + count)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_first_runs_at_once_migrate_the_new_store_once(tmp_path):
    db = tmp_path / "new.db"
    code = ("import sys, time; from jalin.store import open_store\n"
            "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"
            "store = open_store(sys.argv[1]); print(store.schema_version); store.close()")
    start = f"{time.time() + 1.5:.3f}"  # every process opens the file at the same moment
    processes = [subprocess.Popen([sys.executable, "-c", code, str(db), start], env=ENV, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    results = [p.communicate(timeout=60) for p in processes]
    assert [p.returncode for p in processes] == [0] * 4, [err for _, err in results]
    assert [out.strip() for out, _ in results] == [str(SCHEMA_VERSION)] * 4
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents'").fetchone() == (1,)


def test_two_ingests_at_once_store_each_document_once(tmp_path):
    db = tmp_path / "kb.db"
    first = _stories(tmp_path / "a.jsonl", 60)
    second = _stories(tmp_path / "b.jsonl", 60, offset=30)  # half of it overlaps the first
    processes = [subprocess.Popen([sys.executable, "-m", "jalin", "ingest", str(path), "--db", str(db),
                                   "--jobs", "1", "--batch", "10"], env=ENV, text=True,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                 for path in (first, second)]
    errors = [p.communicate(timeout=120)[1] for p in processes]
    assert [p.returncode for p in processes] == [0, 0], errors
    with sqlite3.connect(db) as con:
        counts = con.execute("SELECT count(*), count(DISTINCT content_hash) FROM documents").fetchone()
    assert counts == (90, 90)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killed_ingest_leaves_no_worker_behind(tmp_path):
    if not Path("/proc/self/stat").exists():
        import pytest

        pytest.skip("needs /proc to find the worker processes")
    source = _stories(tmp_path / "many.jsonl", 3000)
    process = subprocess.Popen([sys.executable, "-m", "jalin", "ingest", str(source), "--db",
                                str(tmp_path / "kb.db"), "--jobs", "2"], env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = _children(process.pid)
    assert len(workers) >= 2, "the ingest started no worker processes"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)
