"""Exports of the store: the contract as JSONL, flat tables as CSV or typed Parquet, PLOVER records
and GDELT 2.0 event records. Formats and columns: docs/exports.md.

    from jalin.export import export
    export(store, "gdelt", "events.tsv")               # records written; notes go to stderr
    export(store, "parquet", "agreements.parquet", table="agreements")
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from jalin.export import gdelt, plover
from jalin.store import Store

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
TABLES = ("documents", "actors", "statements", "events", "agreements", "agreement_observations",
          "gatherings")
GDELT_COLUMNS = gdelt.NAMES
Note = Callable[[str], None]


class ExportError(ValueError):
    """An export asked for what does not exist (format, table); the message is one sentence."""


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _clean(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def events(store: Store) -> Iterator[dict[str, Any]]:
    """The store's events, near-duplicate copies left out (each story counts once), as plain dicts."""
    frame = store.table("events")
    for row in frame[frame["dup"] == 0].to_dict(orient="records"):
        yield {k: _clean(v) for k, v in row.items()}


def _jsonl(store: Store, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as f:
        for analysis in store.iter_analyses():
            f.write(json.dumps(analysis, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
    return count


def _csv(store: Store, out: Path, table: str) -> int:
    """The flat table as CSV: every value as written in the store (codes keep their leading zeros,
    counts are whole numbers, lists joined with "|"), a header row, quotes where needed."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    arrow = store.arrow(table)
    columns = [pc.binary_join(column, "|") if pa.types.is_list(column.type) else column
               for column in arrow.columns]
    pacsv.write_csv(pa.table(columns, names=arrow.column_names), out)
    return arrow.num_rows


def _parquet(store: Store, out: Path, table: str) -> int:
    import pyarrow.parquet as pq

    arrow = store.arrow(table)
    pq.write_table(arrow, out)
    return arrow.num_rows


def export(store: Store, format: str, out: str | Path, table: str = "events", header: bool = False,
           note: Note | None = None) -> int:
    """Write the export; returns the number of records written. `table` picks the flat table of csv and
    parquet; `header` adds the column names to gdelt. `note(line)` (default: stderr) is told what was
    left out (PLOVER's events without a date or an actor)."""
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    if format in ("csv", "parquet") and table not in TABLES:
        raise ExportError(f"unknown table {table!r}; use one of {', '.join(TABLES)}")
    path = Path(out)
    note = note or _stderr
    if format == "jsonl":
        return _jsonl(store, path)
    if format == "csv":
        return _csv(store, path, table)
    if format == "parquet":
        return _parquet(store, path, table)
    if format == "plover":
        tally = plover.write(store, path)
        if tally.undated:
            note(f"left out {tally.undated:,} events without a date (a PLOVER record needs one)")
        if tally.no_actor:
            note(f"left out {tally.no_actor:,} events without an actor (a PLOVER record needs one)")
        return tally.written
    return gdelt.write(events(store), store.table("documents"), path, header=header)


def read_gdelt(path: str | Path, header: bool = False) -> pd.DataFrame:
    """A GDELT export read back with the codebook's 61 column names and types (codes stay text)."""
    return gdelt.read(path, header=header)
