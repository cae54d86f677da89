"""SQLite and PostgreSQL side by side, in one run, on the shared corpus's analyses.

    python benchmarks/backends.py [--db postgresql://…] [--repeats 30]

1. The corpus (../shared/corpus/*.jsonl) is analysed once, in this process (not timed).
2. Write: `Store.add_analyses` in batches of 500 into a fresh SQLite file and a fresh PostgreSQL
   database, each twice, interleaved (SQLite, PostgreSQL, SQLite, PostgreSQL); the best run counts:
   documents per second of the store alone.
3. Read: the dashboard's and the CLI's queries, each `--repeats` times on both stores, interleaved;
   p50 and p95 ms per query and over all of them.
4. Two writers: two `jalin ingest` processes load the whole corpus at once (one in file order, one in
   reverse) into one PostgreSQL database; its counts are compared with the SQLite store of step 2
   (one writer), near-duplicate links apart (which wire copy comes first decides which one is linked),
   and with a SQLite store given the documents in the order PostgreSQL stored them (all counts).

Without `--db`, a throw-away server is started as the tests start theirs (tests/pg_server.py: Debian's
postgresql binaries, initdb in a temporary folder), with durability off (fsync=off): write speeds of a
production server with fsync on will be lower. Results go to benchmarks/results/backends-*.json.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import CORPUS, ROOT, Skip, percentile, save

sys.path.insert(0, str(ROOT / "tests"))

BATCH = 500


def _analyses() -> list[bytes]:
    from jalin.ingest import analyse_chunk
    from jalin.read import RawDocument, read_path

    files = sorted(CORPUS.glob("*.jsonl"))
    if not files:
        raise Skip(f"skipped: corpus not found at {CORPUS}")
    docs = [d for f in files for d in read_path(str(f)) if isinstance(d, RawDocument)]
    return [line for _, line, _ in analyse_chunk(docs) if line is not None]


def _write(store: Any, lines: list[bytes]) -> float:
    started = time.perf_counter()
    for i in range(0, len(lines), BATCH):
        store.add_analyses(lines[i:i + BATCH])
    return len(lines) / (time.perf_counter() - started)


QUERIES: dict[str, Callable[[Any], Any]] = {
    "agreements (board page)": lambda s: s.agreement_records(limit=50),
    "agreements of a country": lambda s: s.agreement_records(country="MYS", limit=50),
    "overdue agreements": lambda s: s.agreement_records(overdue=True, as_of="2025-11-15", limit=50),
    "actors of a country": lambda s: s.actors(country="MYS"),
    "events of a pair": lambda s: s.events("MYS", "IDN", limit=50),
    "timeline of a pair": lambda s: s.timeline("MYS", "IDN"),
    "documents (newest 50)": lambda s: s.documents(limit=50),
    "latest statements": lambda s: s.latest_statements(10),
    "country pairs": lambda s: s.country_pairs(12),
    "search (Malay)": lambda s: s.search("kerjasama pertahanan"),
    "search (English)": lambda s: s.search("defence cooperation"),
    "counts": lambda s: s.counts(),
}


def _latencies(stores: dict[str, Any], repeats: int) -> dict[str, dict[str, list[float]]]:
    times: dict[str, dict[str, list[float]]] = {name: {q: [] for q in QUERIES} for name in stores}
    for _ in range(repeats):
        for query, run in QUERIES.items():
            for name, store in stores.items():
                started = time.perf_counter()
                run(store)
                times[name][query].append((time.perf_counter() - started) * 1000)
    return times


def _two_writers(url: str) -> tuple[float, list[int]]:
    files = [str(f) for f in sorted(CORPUS.glob("*.jsonl"))]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    runs = [subprocess.Popen([sys.executable, "-m", "jalin", "ingest", *order, "--db", url, "--jobs", "1"],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for order in (files, files[::-1])]
    errors = [run.communicate()[1] for run in runs]
    seconds = time.perf_counter() - started
    codes = [run.returncode for run in runs]
    if any(codes):
        raise RuntimeError(f"an ingest failed: {codes} {errors}")
    return seconds, codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="an empty PostgreSQL database to use (default: a throw-away server)")
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()

    from jalin.store import open_store

    server = None
    if args.db is None:
        from pg_server import Server, binaries

        bindir = binaries()
        if bindir is None:
            raise Skip("skipped: no PostgreSQL server binaries (apt-get install postgresql)")
        server = Server(bindir)
        server.start()

    def database() -> str:
        return args.db if server is None else server.new_database()

    try:
        lines = _analyses()
        print(f"{len(lines)} corpus documents analysed", flush=True)
        folder = Path(tempfile.mkdtemp(prefix="jalin-backends-"))
        rates: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
        stores: dict[str, Any] = {}
        for attempt in range(2):
            for name in rates:
                location = str(folder / f"w{attempt}.db") if name == "sqlite" else database()
                store = open_store(location)
                rates[name].append(_write(store, lines))
                stores.setdefault(name, store) if attempt == 0 else store.close()
        times = _latencies(stores, args.repeats)
        result: dict[str, Any] = {"documents": len(lines), "ingest_docs_per_s": {}, "queries_ms": {}}
        for name in rates:
            best = max(rates[name])
            every = [t for q in QUERIES for t in times[name][q]]
            result["ingest_docs_per_s"][name] = round(best)
            result["queries_ms"][name] = {q: {"p50": round(percentile(times[name][q], 0.5), 2),
                                              "p95": round(percentile(times[name][q], 0.95), 2)}
                                          for q in QUERIES}
            result["queries_ms"][name]["all"] = {"p50": round(percentile(every, 0.5), 2),
                                                 "p95": round(percentile(every, 0.95), 2)}
            print(f"{name:10s} write {best:8,.0f} docs/s   queries p50 {percentile(every, 0.5):6.1f} ms   "
                  f"p95 {percentile(every, 0.95):6.1f} ms", flush=True)
        for query in QUERIES:
            print(f"  {query:26s} p95 SQLite {percentile(times['sqlite'][query], 0.95):7.1f} ms   "
                  f"PostgreSQL {percentile(times['postgresql'][query], 0.95):7.1f} ms")

        url = database()
        seconds, _ = _two_writers(url)
        reference = stores["sqlite"].counts()
        with open_store(url) as shared, open_store(folder / "serial.db") as serial:
            got = shared.counts()
            stored = list(shared.iter_analyses())
            for i in range(0, len(stored), BATCH):
                serial.add_analyses(stored[i:i + BATCH])
            serial_counts = serial.counts()
        same = {k: got[k] == reference[k] for k in got}
        print(f"two ingests at once into PostgreSQL: {seconds:.1f} s (analysis included); counts "
              f"{got}; one-writer SQLite {reference}; equal: {same}; equal to a serial SQLite store of "
              f"the same arrival order: {got == serial_counts}", flush=True)
        result["two_writers"] = {"seconds": round(seconds, 1), "postgresql": got,
                                 "sqlite_one_writer": reference, "equal": same,
                                 "serial_same_order": serial_counts,
                                 "equal_to_serial": got == serial_counts}
        for store in stores.values():
            store.close()
        print(f"saved {save('backends', result)}")
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    try:
        main()
    except Skip as skip:
        print(skip)
