"""Scale-out as measured wall-clock ratios, all in one run: Dask, a plain process pool, ingest, the machine.

On the corpus repeated `COPIES` times (ids made unique), in this order, each timed from the first
document sent to the last result written (pools and clusters started and warmed up before):

1. the machine's ceiling: one CPU-bound Python loop in one process, then the same loop in each of two
   processes at once; 2 x one / two is the speed-up two plain processes get right now (2.0 on an idle
   2-core machine; less when other developers' tests share it);
2. a plain `multiprocessing` pool (spawn, like Dask's workers) with 1 process, mapping the very
   function Dask maps (`jalin.batch.analyze_partition`) over the same partitions, the parent writing
   the parts as `jalin batch` does;
3. `jalin batch` (`run_batch`) on a local cluster of 1 single-threaded worker;
4. `jalin ingest --jobs 1` into a fresh store;
5. 2, 3 and 4 again with 2 processes / workers / jobs;
6. the ceiling again (the larger of the two counts).

Figures: Dask's and ingest's 2-worker speed-up (target >= 1.8x, or within 10% of the ceiling measured
in the same run), and Dask with one worker against the pool with one process (target <= 1.15x).
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from common import Skip, bulk_documents, figure, save, write_jsonl
from jalin.batch import (
    DEFAULT_PARTITION_SIZE,
    analyze_partition,
    partitions,
    prepare_output,
    run_batch,
    write_partition,
)
from jalin.read import RawDocument, read_paths

COPIES = 2
TARGET_SPEEDUP = 1.8
TARGET_DASK_OVER_POOL = 1.15
CEILING_SHARE = 0.9  # "within 10% of the two-process ceiling"


def burn(steps: int) -> int:
    total = 0
    for i in range(steps):
        total += i * i % 7
    return total


def machine_ceiling(steps: int = 8_000_000) -> float:
    """The speed-up two plain processes get on this machine right now (CPU-bound Python work)."""
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(burn, [1000, 1000])  # started before timing
        began = time.perf_counter()
        pool.apply(burn, (steps,))
        one = time.perf_counter() - began
        began = time.perf_counter()
        pool.map(burn, [steps, steps], chunksize=1)
        two = time.perf_counter() - began
    return 2 * one / two


def _warm(_: int) -> int:
    from jalin.pipeline import warm_up

    warm_up()
    return os.getpid()


def pool_run(source: Path, out: Path, processes: int) -> float:
    """Seconds for a plain spawn pool to analyse every partition with `analyze_partition`, the parent
    writing the parts in input order."""
    prepare_output(out)
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        pool.map(_warm, range(processes), chunksize=1)  # every process loaded (not a guarantee: close)
        began = time.perf_counter()
        stream = partitions(read_paths([str(source)]), DEFAULT_PARTITION_SIZE)
        for index, parts in enumerate(pool.imap(analyze_partition, stream)):
            write_partition(out, index, parts)
        return time.perf_counter() - began


def dask_run(source: Path, out: Path, workers: int) -> float:
    return run_batch([str(source)], out, workers=workers).analysis_seconds


def ingest_run(source: Path, db: Path, jobs: int) -> float:
    from jalin.ingest import Ingest
    from jalin.store import open_store

    with open_store(db) as store:
        began = time.perf_counter()
        Ingest(store, jobs=jobs, on_failure=lambda line: None).run([str(source)])
        return time.perf_counter() - began


def run(documents: list[RawDocument] | None = None, copies: int = COPIES) -> dict[str, Any]:
    documents = documents if documents is not None else bulk_documents()
    if (os.cpu_count() or 1) < 2:
        raise Skip("skipped: one CPU, no speed-up to measure")
    result: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "partition_size": DEFAULT_PARTITION_SIZE,
        "load_average_before": os.getloadavg()[0],
    }
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="jalin-bench-") as folder:
        work = Path(folder)
        source = work / "input.jsonl"
        result["documents"] = write_jsonl(documents, source, copies)
        ceilings = [machine_ceiling()]
        for n in (1, 2):
            seconds[f"pool_{n}"] = pool_run(source, work / f"pool-{n}", n)
            seconds[f"dask_{n}"] = dask_run(source, work / f"dask-{n}", n)
            seconds[f"ingest_{n}"] = ingest_run(source, work / f"ingest-{n}.db", n)
        ceilings.append(machine_ceiling())
    ceiling = max(ceilings)
    result.update(seconds=seconds, ceilings=ceilings, ceiling=ceiling, load_average_after=os.getloadavg()[0])
    docs = result["documents"]
    result["docs_per_s"] = {k: docs / v for k, v in seconds.items()}

    def speedup(kind: str) -> float:
        return seconds[f"{kind}_1"] / seconds[f"{kind}_2"]

    def scaled(kind: str, label: str) -> dict[str, Any]:
        value = speedup(kind)
        return figure(
            f"{label} 2 workers / 1 (ceiling {ceiling:.2f}x)",
            value,
            "x",
            ">=",
            TARGET_SPEEDUP,
            note=f"met when >= {TARGET_SPEEDUP} or >= {CEILING_SHARE:.0%} of the ceiling",
            met=value >= TARGET_SPEEDUP or value >= CEILING_SHARE * ceiling,
        )

    result["figures"] = [
        figure("two plain processes / one (machine ceiling)", ceiling, "x", note="measured, no target"),
        figure("plain pool 2 processes / 1", speedup("pool"), "x", note="reference"),
        scaled("dask", "jalin batch (Dask)"),
        scaled("ingest", "jalin ingest --jobs"),
        figure(
            "Dask 1 worker / pool 1 process time",
            seconds["dask_1"] / seconds["pool_1"],
            "x",
            "<=",
            TARGET_DASK_OVER_POOL,
        ),
        figure("jalin ingest --jobs 1 docs/s", result["docs_per_s"]["ingest_1"], "docs/s"),
    ]
    return result


def main() -> None:
    try:
        result = run()
    except Skip as skip:
        print(f"scale-out: {skip}")
        return
    save("scaleout", result)
    print({k: round(v, 2) for k, v in result["seconds"].items()})
    for row in result["figures"]:
        print(f"{row['name']}: {row['value']:.2f} {row['unit']} met={row['met']}")


if __name__ == "__main__":
    main()
