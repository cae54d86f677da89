"""Scale-out: the per-document analysis mapped over partitions with Dask, results as a Parquet dataset.

Layout under the output directory (the store's `jalin ingest DIR` reads it):

    DIR/analyses/part-NNNNNNNN.parquet     id, analysis (the exact JSON line `jalin analyze` prints)
    DIR/failures/part-NNNNNNNN.parquet     origin, reason (inputs that could not be read or analysed)
    DIR/{actors,statements,events,agreements}/part-NNNNNNNN.parquet   flat tables, `doc_id` first

Partitions are numbered in input order and rows keep input order inside a partition, so reading the
parts sorted by file name gives the input order. Every table gets a file for every partition (empty
when nothing was found), written under a temporary name and renamed, so a part on disk is complete.

With a store (`db`, e.g. `postgresql://…`), each worker also writes its partition's analyses into it,
one transaction per partition (`Store.add_analyses`: content already stored is skipped, so several
workers and re-runs never store a document twice), and the run needs no `out` at all: the workers then
encode no Parquet. Each worker process opens the store once and keeps it.

Re-runs overwrite: a run first clears the six table folders under DIR (nothing else in DIR), so a
result never mixes parts of two runs.

The client reads the inputs as a stream and keeps only a few partitions in flight, so memory does
not grow with the corpus. Workers analyse and encode the Parquet parts; the client only writes bytes
to disk, so a remote cluster needs no shared file system. Each worker process loads the lexicon once
(`load_lexicon` is cached per process; `jalin.pipeline.warm_up` loads it, lingua's models and every
matcher when the worker starts).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from jalin.lexicon import load_lexicon
from jalin.model import Analysis
from jalin.pipeline import analyze, warm_up
from jalin.read import InputError, RawDocument, read_paths

DEFAULT_PARTITION_SIZE = 250

_TEXT = pa.string()
_TEXTS = pa.list_(pa.string())
_INT = pa.int64()

SCHEMAS: dict[str, pa.Schema] = {
    "analyses": pa.schema([("id", _TEXT), ("analysis", _TEXT)]),
    "failures": pa.schema([("origin", _TEXT), ("reason", _TEXT)]),
    "actors": pa.schema([
        ("doc_id", _TEXT), ("id", _TEXT), ("type", _TEXT), ("name", _TEXT), ("canonical", _TEXT),
        ("country", _TEXT), ("sector", _TEXT), ("roles", _TEXT), ("honorifics", _TEXTS),
        ("mentions", _TEXT),
    ]),
    "statements": pa.schema([
        ("doc_id", _TEXT), ("index", _INT), ("speaker", _TEXT), ("kind", _TEXT), ("text", _TEXT),
        ("verb", _TEXT), ("start", _INT), ("end", _INT),
    ]),
    "events": pa.schema([
        ("doc_id", _TEXT), ("id", _TEXT), ("type", _TEXT), ("cameo", _TEXT), ("source", _TEXTS),
        ("target", _TEXTS), ("modality", _TEXT), ("modes", _TEXTS), ("context", _TEXTS), ("time", _TEXT),
        ("trigger_text", _TEXT), ("trigger_start", _INT), ("trigger_end", _INT), ("sentence", _INT),
    ]),
    "agreements": pa.schema([
        ("doc_id", _TEXT), ("id", _TEXT), ("type", _TEXT), ("label", _TEXT), ("parties", _TEXTS),
        ("status", _TEXT), ("exclusive", pa.bool_()), ("milestones", _TEXT), ("evidence", _TEXT),
    ]),
}
TABLES = tuple(SCHEMAS)
FLAT_TABLES = ("actors", "statements", "events", "agreements")


@dataclass(slots=True)
class Partition:
    """A slice of the input, in input order, plus the read failures met while cutting it."""

    index: int
    documents: list[RawDocument] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class BatchSummary:
    documents: int = 0
    failures: int = 0
    partitions: int = 0
    added: int = 0  # stored by the workers (with a store): new documents
    skipped: int = 0  # content the store held already
    seconds: float = 0.0  # the whole run, cluster start included
    analysis_seconds: float = 0.0  # from the first partition submitted to the last one written
    worker_cpu_seconds: float = 0.0  # CPU time the workers spent in that phase, all together


# ---------------------------------------------------------------- reading (client side)


def partitions(items: Iterable[RawDocument | InputError], size: int) -> Iterator[Partition]:
    """Cut the stream into partitions of at most `size` documents (read failures ride along)."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    current = Partition(0)
    for item in items:
        if isinstance(item, InputError):
            current.failures.append((item.origin, item.reason))
            continue
        current.documents.append(item)
        if len(current.documents) >= size:
            yield current
            current = Partition(current.index + 1)
    if current.documents or current.failures:
        yield current


# ---------------------------------------------------------------- analysing (worker side)


def analyze_raw(raw: RawDocument, lexicon_dirs: Sequence[str] = (), published: str | None = None) -> Analysis:
    """The analysis `jalin analyze` makes of one read document (`published`: its --published)."""
    return analyze(raw.text, published=raw.published or published, id=raw.id, title=raw.title, url=raw.url,
                   source=raw.source, metadata=raw.metadata, lexicon_dirs=lexicon_dirs)


def analyze_partition(partition: Partition, lexicon_dirs: Sequence[str] = (),
                      published: str | None = None) -> dict[str, bytes]:
    """Analyse one partition; every table's rows encoded as one Parquet part (bytes)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    rows["failures"].extend({"origin": o, "reason": r} for o, r in partition.failures)
    for raw in partition.documents:
        try:
            result = analyze_raw(raw, lexicon_dirs, published)
            line = result.to_json()
        except Exception as exc:  # a failed document is reported, never lost, never fatal
            rows["failures"].append({"origin": raw.origin, "reason": f"{type(exc).__name__}: {exc}"})
            continue
        doc_id = result.document.id
        rows["analyses"].append({"id": doc_id, "analysis": line})
        for name in FLAT_TABLES:
            records = getattr(result, name)
            if records:
                rows[name].extend(_flat_rows(name, doc_id, [r.to_dict() for r in records]))
    return {name: _parquet(rows[name], SCHEMAS[name]) for name in TABLES}


_STORES: dict[str, Any] = {}  # per worker process: the store it writes to, opened once


def _worker_store(db: str) -> Any:
    if db not in _STORES:
        from jalin.store import open_store

        _STORES[db] = open_store(db)
    return _STORES[db]


def store_partition(partition: Partition, db: str, lexicon_dirs: Sequence[str] = (),
                    published: str | None = None, tables: bool = True) -> dict[str, bytes]:
    """Analyse one partition and add its analyses to the store `db` from this worker, in one
    transaction; the Parquet parts as `analyze_partition` gives them (only analyses and failures
    unless `tables`), plus "stored": the JSON counts {"added", "skipped"}."""
    parts = analyze_partition(partition, lexicon_dirs, published)
    lines = pq.read_table(pa.BufferReader(parts["analyses"]), columns=["analysis"]).column(0).to_pylist()
    result = _worker_store(db).add_analyses(lines) if lines else None
    if not tables:
        parts = {name: parts[name] for name in ("analyses", "failures")}
    stored = {"added": result.added if result else 0, "skipped": result.skipped if result else 0}
    return {**parts, "stored": json.dumps(stored).encode()}


def failed_partition(partition: Partition, reason: str) -> dict[str, bytes]:
    """The parts for a partition whose task died: every document goes to `failures`."""
    failures = [{"origin": o, "reason": r} for o, r in partition.failures]
    failures += [{"origin": d.origin, "reason": reason} for d in partition.documents]
    return {name: _parquet(failures if name == "failures" else [], SCHEMAS[name]) for name in TABLES}


def _flat_rows(table: str, doc_id: str, records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    schema = SCHEMAS[table]
    for index, record in enumerate(records):
        row: dict[str, Any] = {"doc_id": doc_id, "index": index}
        for key, value in record.items():
            if isinstance(value, dict):  # a nested span: trigger -> trigger_text, trigger_start, ...
                row.update({f"{key}_{k}": v for k, v in value.items()})
            else:
                row[key] = value
        yield {
            column.name: _cell(row.get(column.name), column.type) for column in schema
        }


def _cell(value: Any, kind: pa.DataType) -> Any:
    if kind == _TEXT and value is not None and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def _parquet(rows: list[dict[str, Any]], schema: pa.Schema) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), sink)
    return sink.getvalue().to_pybytes()


# ---------------------------------------------------------------- writing (client side)


def prepare_output(out: Path) -> None:
    """Create DIR and clear its table folders (re-runs overwrite)."""
    out.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        folder = out / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()


def write_partition(out: Path, index: int, parts: dict[str, bytes]) -> None:
    for name, data in parts.items():
        if name not in SCHEMAS:
            continue
        final = out / name / f"part-{index:08d}.parquet"
        temporary = final.with_name(f".{final.name}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, final)


def count_rows(data: bytes) -> int:
    return pq.read_metadata(pa.BufferReader(data)).num_rows


# ---------------------------------------------------------------- the run


def run_batch(
    paths: Sequence[str],
    out: str | Path | None,
    *,
    db: str | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    lexicon_dirs: Sequence[str] = (),
    published: str | None = None,
) -> BatchSummary:
    """Analyse every input on a Dask cluster and write the dataset under `out`, the analyses into the
    store `db` (written by the workers themselves), or both."""
    from distributed import Client, LocalCluster, as_completed

    if out is None and db is None:
        raise ValueError("a batch needs somewhere to write: an output folder, a store, or both")
    folder = Path(out) if out is not None else None
    lexicon_dirs = [str(Path(d).resolve()) for d in lexicon_dirs]
    load_lexicon(lexicon_dirs)  # a bad --lexicon fails here, before any cluster starts
    if db is not None:
        from jalin.store import open_store

        open_store(db).close()  # created and migrated once here; a bad --db fails before the cluster
    if folder is not None:
        prepare_output(folder)
    summary = BatchSummary()
    started = time.perf_counter()
    cluster = None
    if scheduler is None:
        with warnings.catch_warnings():  # "Port 8787 is already in use": any free port will do
            warnings.filterwarnings("ignore", message="Port .* is already in use")
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
    try:
        with Client(cluster if cluster is not None else scheduler) as client:
            client.run(warm_up, lexicon_dirs)
            in_flight_limit = 2 * max(1, len(client.scheduler_info()["workers"]))
            in_flight: dict[str, Partition] = {}
            finished = as_completed()
            first_submit = time.perf_counter()
            cpu_before = client.run(time.process_time)

            def collect(future: Any) -> None:
                partition = in_flight.pop(future.key)
                if future.status == "finished":
                    parts = future.result()
                else:
                    parts = failed_partition(partition, f"worker failed: {future.exception()!r}")
                if "stored" in parts:
                    stored = json.loads(parts["stored"])
                    summary.added += stored["added"]
                    summary.skipped += stored["skipped"]
                if folder is not None:
                    write_partition(folder, partition.index, parts)
                summary.documents += count_rows(parts["analyses"])
                summary.failures += count_rows(parts["failures"])
                summary.partitions += 1
                future.release()

            for partition in partitions(read_paths(paths), partition_size):
                key = f"jalin-partition-{partition.index}-{time.time_ns()}"
                if db is None:
                    future = client.submit(analyze_partition, partition, lexicon_dirs, published, pure=False,
                                           key=key)
                else:
                    future = client.submit(store_partition, partition, db, lexicon_dirs, published,
                                           folder is not None, pure=False, key=key)
                in_flight[future.key] = partition
                finished.add(future)
                if len(in_flight) >= in_flight_limit:
                    collect(next(finished))
            for future in finished:
                collect(future)
            summary.analysis_seconds = time.perf_counter() - first_submit
            cpu_after = client.run(time.process_time)
            summary.worker_cpu_seconds = sum(cpu_after[w] - cpu_before.get(w, 0.0) for w in cpu_after)
    finally:
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary
