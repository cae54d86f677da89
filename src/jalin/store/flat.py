"""Typed Arrow versions of the store's flat tables (`Store.arrow(name)`, the Parquet export).

`Store.table(name)` gives pandas frames as the database holds them: dates as ISO text, lists joined
with "|". Here every column gets its type: days as `date32`, lists as `list<string>`, counts and
offsets as `int64`, the storing time as a UTC `timestamp`, flags (`dup`, `exclusive`) as `bool`, the
rest (codes included) as `string`.
A column not named in `COLUMNS` stays text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd
import pyarrow as pa

DATE, TIME, LIST, INT, BOOL = "date", "time", "list", "int", "bool"

# table -> column -> kind (columns not listed are strings)
COLUMNS: dict[str, dict[str, str]] = {
    "documents": {"published": DATE, "added": TIME},
    "actors": {"id": INT, "documents": INT, "statements": INT, "first_seen": DATE, "last_seen": DATE},
    "statements": {"date": DATE, "speaker_entity": INT, "start": INT, "end": INT, "dup": BOOL},
    "events": {"event_id": INT, "date": DATE, "modes": LIST, "context": LIST, "source_countries": LIST,
               "target_countries": LIST, "trigger_start": INT, "trigger_end": INT, "sentence": INT,
               "published": DATE, "dup": BOOL},
    "agreements": {"id": INT, "parties": LIST, "status_date": DATE, "first_seen": DATE, "last_seen": DATE,
                   "exclusive": BOOL},
    "agreement_observations": {"agreement": INT, "date": DATE, "parties": LIST, "exclusive": BOOL,
                               "evidence_start": INT, "evidence_end": INT, "dup": BOOL},
    "gatherings": {"gathering": INT, "date": DATE, "ordinal": INT, "parties": LIST, "dup": BOOL},
}
TYPES: dict[str, pa.DataType] = {DATE: pa.date32(), TIME: pa.timestamp("s", tz="UTC"),
                                 LIST: pa.list_(pa.string()), INT: pa.int64(), BOOL: pa.bool_()}


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA


def _day(value: Any) -> date | None:
    """An ISO day; None for a missing value or one that names no single day ("2025-10")."""
    if _missing(value):
        return None
    try:
        return date.fromisoformat(str(value)[:10]) if len(str(value)) >= 10 else None
    except ValueError:
        return None


def _time(value: Any) -> datetime | None:
    """An ISO 8601 UTC time ("2026-12-04T16:31:01Z")."""
    if _missing(value):
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def _list(value: Any) -> list[str]:
    return [] if _missing(value) or value == "" else str(value).split("|")


def _int(value: Any) -> int | None:
    return None if _missing(value) else int(value)


def _bool(value: Any) -> bool | None:
    return None if _missing(value) else bool(int(value))


def _text(value: Any) -> str | None:
    return None if _missing(value) else str(value)


_CONVERT = {DATE: _day, TIME: _time, LIST: _list, INT: _int, BOOL: _bool}


def schema(name: str, columns: list[str]) -> pa.Schema:
    kinds = COLUMNS.get(name, {})
    return pa.schema([pa.field(c, TYPES[kinds[c]] if c in kinds else pa.string()) for c in columns])


def to_arrow(name: str, frame: pd.DataFrame) -> pa.Table:
    """The flat table `name` (as `Store.table` gives it) with typed columns."""
    kinds = COLUMNS.get(name, {})
    columns = [str(c) for c in frame.columns]
    arrays = []
    for column in columns:
        convert = _CONVERT.get(kinds.get(column, ""), _text)
        arrays.append([convert(v) for v in frame[column].tolist()])
    target = schema(name, columns)
    return pa.Table.from_arrays([pa.array(values, type=field.type) for values, field in zip(arrays, target,
                                                                                           strict=True)],
                                schema=target)
