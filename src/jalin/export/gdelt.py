"""`--format gdelt`: the store's events as GDELT 2.0 event records.

Exactly the 61 columns of the GDELT 2.0 event codebook, in its order and under its names, tab-separated,
headerless like GDELT's own files (`header=True` adds a row of the names). GDELT's own formulas and
code tables: FractionDate = YEAR + (MONTH * 30 + DAY) / 365, GoldsteinScale of the event's own CAMEO
code, QuadClass of its root, DATEADDED as YYYYMMDDHHMMSS (UTC) of when the document was stored.
Where Jalin has no value the cell is empty (tone, geography, CAMEO ethnic/religion/group codes).
See docs/exports.md for each column's source.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from jalin.export.codes import goldstein_of, quad_class

_GEO = ("Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_GEO_TYPES = ("int", "str", "str", "str", "str", "float", "float", "str")
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")

# (name, codebook type) of the 61 columns, in the codebook's order; types: int, float, str.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("GlobalEventID", "int"), ("Day", "int"), ("MonthYear", "int"), ("Year", "int"),
    ("FractionDate", "float"),
    *((f"Actor1{part}", "str") for part in _ACTOR),
    *((f"Actor2{part}", "str") for part in _ACTOR),
    ("IsRootEvent", "int"), ("EventCode", "str"), ("EventBaseCode", "str"), ("EventRootCode", "str"),
    ("QuadClass", "int"), ("GoldsteinScale", "float"), ("NumMentions", "int"), ("NumSources", "int"),
    ("NumArticles", "int"), ("AvgTone", "float"),
    *((f"{who}Geo_{part}", kind) for who in ("Actor1", "Actor2", "Action")
      for part, kind in zip(_GEO, _GEO_TYPES, strict=True)),
    ("DATEADDED", "int"), ("SOURCEURL", "str"),
)
NAMES: tuple[str, ...] = tuple(name for name, _ in COLUMNS)


def fraction_date(day: date) -> float:
    """GDELT's FractionDate: the year plus (MONTH * 30 + DAY) / 365, to four decimals."""
    return round(day.year + (day.month * 30 + day.day) / 365, 4)


def date_added(added: str | None) -> str:
    """An ISO 8601 UTC time ("2026-12-04T16:31:01Z") as GDELT's DATEADDED (20261204163101)."""
    digits = "".join(ch for ch in (added or "") if ch.isdigit())
    return digits[:14] if len(digits) >= 14 else ""


def _actor(country: str | None, sector: str | None, name: str | None) -> list[str]:
    """Actor code (CAMEO: country then type, "MYSGOV"), name (upper case), country, the empty
    group/ethnic/religion codes, type 1 (the sector) and the empty types 2 and 3."""
    return [f"{country or ''}{sector or ''}", (name or "").upper(), country or "", "", "", "", "",
            sector or "", "", ""]


def row(event: dict[str, Any], coverage: tuple[int, int], added: str | None) -> list[Any]:
    """One event of the store's `events` table as the 61 GDELT values (empty string: no value).

    `coverage` is (articles, sources): the documents carrying the story (the event's own and its
    near-duplicate copies) and their distinct publishers."""
    day = date.fromisoformat(event["date"]) if event["date"] else None
    cameo = event["cameo"] or ""
    quad, goldstein = quad_class(cameo), goldstein_of(cameo)
    articles, sources = coverage
    return [
        event["event_id"],
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "", day.year if day else "",
        f"{fraction_date(day):.4f}" if day else "",
        *_actor(event["source_country"], event["source_sector"], event["source_name"]),
        *_actor(event["target_country"], event["target_sector"], event["target_name"]),
        1 if event["sentence"] == 0 else 0,  # the lead: Jalin's first sentence
        cameo, cameo[:3], cameo[:2], "" if quad is None else quad, "" if goldstein is None else goldstein,
        articles, sources, articles, "",
        *([""] * len(_GEO) * 3),
        date_added(added), event["url"] or "",
    ]


def coverage(documents: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Document id -> (articles, publishers) of the story: the document and its near-duplicates."""
    copies: dict[str, list[str | None]] = {}
    for doc_id, source, original in documents[["id", "source", "duplicate_of"]].itertuples(index=False):
        key = original if isinstance(original, str) else doc_id
        copies.setdefault(key, []).append(source if isinstance(source, str) else None)
    out = {}
    for key, sources in copies.items():
        named = {s.casefold() for s in sources if s}
        out[key] = (len(sources), max(1, len(named) + sum(1 for s in sources if not s)))
    return out


def rows(events: Iterable[dict[str, Any]], documents: pd.DataFrame) -> Iterator[list[Any]]:
    covered = coverage(documents)
    added = dict(zip(documents["id"], documents["added"], strict=True)) if "added" in documents else {}
    for event in events:
        stored = added.get(event["document"])
        yield row(event, covered.get(event["document"], (1, 1)),
                  stored if isinstance(stored, str) else None)


def write(events: Iterable[dict[str, Any]], documents: pd.DataFrame, out: Path, header: bool = False) -> int:
    """Write the records as GDELT writes them: tab-separated, nothing quoted, one per line."""
    count = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        if header:
            f.write("\t".join(NAMES) + "\n")
        for values in rows(events, documents):
            f.write("\t".join(_cell(v) for v in values) + "\n")
            count += 1
    return count


def _cell(value: Any) -> str:
    """A value as text; a tab or line break inside it (a title, a name) becomes a space."""
    text = str(value)
    return " ".join(text.replace("\t", " ").split("\n")).replace("\r", " ") if any(
        c in text for c in "\t\n\r") else text


def read(path: str | Path, header: bool = False) -> pd.DataFrame:
    """A GDELT export read back with the codebook's column names and types (codes stay text)."""
    dtypes = {name: {"int": "Int64", "float": "float64", "str": "string"}[kind] for name, kind in COLUMNS}
    return pd.read_csv(path, sep="\t", header=0 if header else None, names=list(NAMES), dtype=dtypes,
                       keep_default_na=False, na_values=[""], quoting=csv.QUOTE_NONE)
