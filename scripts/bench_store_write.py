"""Time the store's write path and its list queries on analyses already made.

    python -m jalin analyze ../shared/corpus/bulk.jsonl > /tmp/bulk.analyses.jsonl
    python scripts/bench_store_write.py /tmp/bulk.analyses.jsonl [--batch 500] [--db FILE]

Adds the analyses to a fresh store (a temporary file unless `--db`) in batches of `--batch`, as
`jalin ingest` does, and prints documents/s by wall clock and by this process's CPU time (the CPU
figure is the one to compare on a shared machine); then the re-run (everything skipped) and p50/p95
of the store's list queries on the result.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jalin.store import open_store


def lines_of(path: str) -> list[str]:
    # Split on "\n" only: analysis texts may hold U+2028 and other characters str.splitlines breaks on.
    return [line for line in Path(path).read_text(encoding="utf-8").split("\n") if line]


def timed(call: Callable[[], Any], repeats: int = 20) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        call()
        times.append(1000 * (time.perf_counter() - began))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def run(analyses: list[str], db: Path, batch: int) -> None:
    store = open_store(db)
    wall, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(analyses), batch):
        store.add_analyses(analyses[start:start + batch])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"add: {len(analyses):,} documents, {len(analyses) / wall:,.0f} docs/s wall, "
          f"{len(analyses) / cpu:,.0f} docs/s CPU")
    began = time.perf_counter()
    result = store.add_analyses(analyses)
    print(f"re-run: {result.skipped:,} skipped in {time.perf_counter() - began:.2f} s")
    queries: dict[str, Callable[[], Any]] = {
        "documents": lambda: store.documents(limit=50),
        "events(MYS)": lambda: store.events("MYS", limit=50),
        "events(MYS, IDN)": lambda: store.events("MYS", "IDN"),
        "latest_statements": lambda: store.latest_statements(10),
        "country_pairs": lambda: store.country_pairs(12),
        "agreement_records": lambda: store.agreement_records(),
        "actors": lambda: store.actors(limit=100),
        "actor_by_id": lambda: store.actor_by_id(1),
        "search": lambda: store.search("pertahanan"),
    }
    for name, query in queries.items():
        p50, p95 = timed(query)
        print(f"{name:18s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("analyses", help="a JSON-lines file of analyses (`jalin analyze` output)")
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--db", help="store file to create (default: a temporary one)")
    args = parser.parse_args()
    analyses = lines_of(args.analyses)
    if args.db:
        run(analyses, Path(args.db), args.batch)
        return
    with tempfile.TemporaryDirectory(prefix="jalin-store-") as folder:
        run(analyses, Path(folder) / "bench.db", args.batch)


if __name__ == "__main__":
    main()
