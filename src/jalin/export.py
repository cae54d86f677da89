"""Exports of the store: the contract as JSONL, flat tables as CSV or Parquet, PLOVER (POLECAT-style)
JSON records and a GDELT-style events TSV. Columns are documented in docs/exports.md."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from jalin.store import Store

PLOVER_VERSION = "jalin-plover/1"
# CAMEO root code -> (QuadClass, Goldstein value of the root code).
CAMEO_ROOTS: dict[str, tuple[int, float]] = {
    "01": (1, 0.0), "02": (1, 3.0), "03": (1, 4.0), "04": (1, 1.0), "05": (1, 3.5),
    "06": (2, 6.0), "07": (2, 7.0), "08": (2, 5.0),
    "09": (3, -2.0), "10": (3, -5.0), "11": (3, -2.0), "12": (3, -4.0), "13": (3, -6.0),
    "14": (4, -6.5), "15": (4, -7.2), "16": (4, -4.0), "17": (4, -7.0), "18": (4, -9.0),
    "19": (4, -10.0), "20": (4, -10.0),
}
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone", "DATEADDED", "SOURCEURL",
    "PloverType", "Modality", "DocumentID",
)


def _clean(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def _events(store: Store) -> Iterator[dict[str, Any]]:
    """Events counted once (near-duplicate documents' events left out), as plain dicts."""
    frame = store.table("events")
    for row in frame[frame["dup"] == 0].to_dict(orient="records"):
        yield {k: _clean(v) for k, v in row.items()}


def _split(value: str | None) -> list[str]:
    return value.split("|") if value else []


def plover_record(e: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER record in the POLECAT style."""
    return {
        "event_id": f"{e['document']}-{e['eid']}",
        "event_date": e["date"],
        "event_type": e["type"],
        "event_mode": _split(e["modes"]),
        "event_context": _split(e["context"]),
        "event_modality": e["modality"],
        "cameo": e["cameo"],
        "actor_name": e["source_name"],
        "actor_country": e["source_country"],
        "actor_sector": e["source_sector"],
        "actor_countries": _split(e["source_countries"]),
        "recipient_name": e["target_name"],
        "recipient_country": e["target_country"],
        "recipient_sector": e["target_sector"],
        "recipient_countries": _split(e["target_countries"]),
        "event_text": e["trigger"],
        "story_id": e["document"],
        "story_date": e["published"],
        "source": e["publisher"],
        "url": e["url"],
        "headline": e["title"],
        "language": e["language"],
        "version": PLOVER_VERSION,
    }


def _actor_code(country: str | None, sector: str | None) -> str:
    return f"{country or ''}{sector or ''}"


def gdelt_row(e: dict[str, Any]) -> list[Any]:
    """One event as a GDELT-style row (columns `GDELT_COLUMNS`)."""
    day = date.fromisoformat(e["date"]) if e["date"] else None
    added = (e["published"] or "").replace("-", "")
    cameo = e["cameo"] or ""
    quad, goldstein = CAMEO_ROOTS.get(cameo[:2], (None, None))
    return [
        e["event_id"],
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        _actor_code(e["source_country"], e["source_sector"]), (e["source_name"] or "").upper(),
        e["source_country"] or "", e["source_sector"] or "",
        _actor_code(e["target_country"], e["target_sector"]), (e["target_name"] or "").upper(),
        e["target_country"] or "", e["target_sector"] or "",
        1, cameo, cameo[:3], cameo[:2], quad or "", "" if goldstein is None else goldstein,
        1, 1, 1, "", added, e["url"] or "",
        e["type"], e["modality"], e["document"],
    ]


def _jsonl(store: Store, out: Path, table: str) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as f:
        for analysis in store.iter_analyses():
            f.write(json.dumps(analysis, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
    return count


def _csv(store: Store, out: Path, table: str) -> int:
    frame = store.table(table)
    frame.to_csv(out, index=False)
    return len(frame)


def _parquet(store: Store, out: Path, table: str) -> int:
    import pyarrow.parquet as pq

    arrow = store.arrow(table)
    pq.write_table(arrow, out)
    return arrow.num_rows


def _plover(store: Store, out: Path, table: str) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as f:
        for event in _events(store):
            f.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
            count += 1
    return count


def _gdelt(store: Store, out: Path, table: str) -> int:
    count = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(GDELT_COLUMNS)
        for event in _events(store):
            writer.writerow(gdelt_row(event))
            count += 1
    return count


FORMATS: dict[str, Callable[[Store, Path, str], int]] = {
    "jsonl": _jsonl, "csv": _csv, "parquet": _parquet, "plover": _plover, "gdelt": _gdelt,
}


def export(store: Store, format: str, out: str | Path, table: str = "events") -> int:
    """Write the export; returns the number of records written."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; one of {', '.join(FORMATS)}")
    return FORMATS[format](store, Path(out), table)


def read_gdelt(path: str | Path) -> pd.DataFrame:
    """A GDELT-style export read back with its code columns kept as text (CAMEO codes have leading zeros)."""
    text_columns = ("EventCode", "EventBaseCode", "EventRootCode", "SQLDATE", "MonthYear", "DATEADDED",
                    "DocumentID")
    return pd.read_csv(path, sep="\t", dtype={c: str for c in text_columns}, keep_default_na=False,
                       na_values=[""])
