"""How many documents an ingest will read, known before it starts, for the progress bar's total and
ETA: a JSONL file's non-empty lines, a JSON list's length, a feed's entries, one per other file, a
batch result's rows (from the Parquet metadata). None when some input cannot be counted without
reading it as the ingest would (stdin, URLs)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from jalin.read.base import FEED_SUFFIXES, FOLDER_SUFFIXES, JSON_SUFFIXES, JSONL_SUFFIXES, URL_PREFIXES

_CHUNK = 1 << 20


def _lines(path: Path) -> int:
    """Non-empty lines (a JSONL file's records and unreadable lines, each one item of the ingest)."""
    count, rest = 0, b""
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            lines = (rest + chunk).split(b"\n")
            rest = lines.pop()  # a line may go on in the next chunk
            count += sum(1 for line in lines if line.strip())
    return count + (1 if rest.strip() else 0)


def _file(path: Path) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            return _lines(path)
        if suffix in JSON_SUFFIXES:
            data = json.loads(path.read_bytes())
            return len(data) if isinstance(data, list) else 1
        if suffix in FEED_SUFFIXES:
            data = path.read_bytes()
            return max(1, data.count(b"<item") + data.count(b"<entry"))
    except (OSError, ValueError):
        return 1  # one error line
    return 1


def _batch_result(path: Path) -> int:
    import pyarrow.parquet as pq

    parts = [*(path / "analyses").glob("part-*.parquet"), *(path / "failures").glob("part-*.parquet")]
    return sum(pq.ParquetFile(part).metadata.num_rows for part in parts)


def count_documents(paths: Iterable[str]) -> int | None:
    """The number of items (documents and unreadable inputs) an ingest of `paths` reads, or None."""
    total = 0
    for name in paths:
        if name == "-" or name.lower().startswith(URL_PREFIXES):
            return None
        path = Path(name)
        if path.is_dir():
            if (path / "analyses").is_dir():
                total += _batch_result(path)
                continue
            files = [p for p in path.rglob("*") if p.suffix.lower() in FOLDER_SUFFIXES and p.is_file()]
            total += sum(_file(p) for p in files) or 1
        else:
            total += _file(path) if path.is_file() else 1
    return total
