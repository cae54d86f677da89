"""The web layer's read model: the store's public queries, cached, plus the few lookups it lacks.

The store's flat tables (`table(name)`) are loaded once and kept in memory, with up to `MAX_ENTRIES`
answers built from them; all of it is dropped when the store's row counts change (checked at most
every `RECHECK` seconds, and at once after a write through this object). One lock serialises use of
the store's connection across server threads.
"""

from __future__ import annotations

import math
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import pandas as pd

from jalin.model import AGREEMENT_STATUSES, Analysis
from jalin.store import AddResult, Store

RECHECK = 2.0  # seconds between two checks of the store's counts
MAX_ENTRIES = 2_000  # cached answers (documents, searches, filtered lists) kept at most
COOPERATIVE = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST")
CONFLICTUAL = ("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
LIST_COLUMNS = ("modes", "context", "source_countries", "target_countries")  # "|"-joined in the table
BOARD_COLUMNS = AGREEMENT_STATUSES  # the stages in order, then stalled, cancelled, unknown


def plain(value: Any) -> Any:
    """A JSON-safe Python value from pandas/numpy scalars (NaN and NaT become None)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return plain(value.item())
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as plain dicts."""
    columns = list(frame.columns)
    return [{c: plain(v) for c, v in zip(columns, row, strict=True)}
            for row in frame.itertuples(index=False, name=None)]


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of a result list, with the total."""
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}


def _split(cell: Any) -> list[str]:
    return cell.split("|") if isinstance(cell, str) and cell else []


def _countries(cell: Any) -> frozenset[str]:
    return frozenset(cell.split("|")) if isinstance(cell, str) and cell else frozenset()


class Queries:
    """Cached read access to a store, and writes that invalidate the cache."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.RLock()
        self._cache: dict[Any, Any] = {}
        self._tables: dict[str, pd.DataFrame] = {}
        self._counts: dict[str, int] = {}
        self._checked = 0.0

    # ------------------------------------------------------------------ cache

    def _fresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < RECHECK:
            return
        counts = self.store.counts()
        if counts != self._counts:
            self._drop()
            self._counts = counts
        self._checked = now

    def _drop(self) -> None:
        self._cache.clear()
        self._tables.clear()

    def _cached(self, key: Any, build: Callable[[], Any]) -> Any:
        with self._lock:
            self._fresh()
            if key not in self._cache:
                while len(self._cache) >= MAX_ENTRIES:  # oldest answers go first
                    del self._cache[next(iter(self._cache))]
                self._cache[key] = build()
            return self._cache[key]

    def counts(self) -> dict[str, int]:
        with self._lock:
            self._fresh()
            return dict(self._counts)

    def table(self, name: str) -> pd.DataFrame:
        """A flat table of the store, kept in memory until the store changes."""
        with self._lock:
            self._fresh()
            if name not in self._tables:
                self._tables[name] = self.store.table(name)
            return self._tables[name]

    # ------------------------------------------------------------------ writing

    def add(self, analysis: Analysis) -> AddResult:
        with self._lock:
            result = self.store.add_analyses([analysis])
            self._drop()
            self._checked = 0.0
            return result

    # ------------------------------------------------------------------ documents

    def documents(self, language: str | None = None, source: str | None = None,
                  date_from: date | None = None, date_to: date | None = None) -> list[dict[str, Any]]:
        """Stored documents, newest first (undated last), filtered."""
        key = ("documents", language, source, date_from, date_to)
        return self._cached(key, lambda: self._documents(language, source, date_from, date_to))

    def _documents(self, language: str | None, source: str | None, date_from: date | None,
                   date_to: date | None) -> list[dict[str, Any]]:
        frame = self.table("documents")
        if language:
            frame = frame[frame["language"] == language]
        if source:
            frame = frame[frame["source"].fillna("").str.lower() == source.lower()]
        frame = _date_range(frame, "published", date_from, date_to)
        frame = frame.sort_values(["published", "id"], ascending=[False, True], na_position="last")
        return records(frame[["id", "published", "source", "title", "language", "url", "duplicate_of"]])

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return self._cached(("document", doc_id), lambda: self.store.document(doc_id))

    def search(self, text: str, limit: int) -> list[dict[str, Any]]:
        """Full-text hits, best first; a query the index cannot parse finds nothing."""
        def build() -> list[dict[str, Any]]:
            try:
                return records(self.store.search(text, limit))
            except (sqlite3.Error, pd.errors.DatabaseError):
                return []
        return self._cached(("search", text, limit), build)

    # ------------------------------------------------------------------ actors

    def actors(self, country: str | None = None, type: str | None = None,
               name: str | None = None) -> list[dict[str, Any]]:
        """Actor entities, most reported first."""
        def build() -> list[dict[str, Any]]:
            frame = self.table("actors")
            if country:
                frame = frame[frame["country"] == country.upper()]
            if type:
                frame = frame[frame["type"] == type.upper()]
            if name:
                frame = frame[frame["name"].str.contains(name, case=False, regex=False)]
            return records(frame.sort_values(["documents", "id"], ascending=[False, True], kind="stable"))
        return self._cached(("actors", country, type, name), build)

    def actor(self, actor_id: int) -> dict[str, Any] | None:
        """One actor entity with its names, roles over time and statements."""
        return self._cached(("actor", actor_id), lambda: self._actor(actor_id))

    def _actor(self, actor_id: int) -> dict[str, Any] | None:
        frame = self.table("actors")
        found = frame[frame["id"] == actor_id]
        if found.empty:
            return None
        (entity,) = records(found)
        best = self.store.actor_record(entity["name"])
        if best is not None and best["pk"] == actor_id:
            entity.update({k: best[k] for k in ("names", "roles")})
        else:  # the name lookup prefers a more reported namesake: statements from the tables instead
            entity.update({"names": [entity["name"]], "roles": []})
        said = self.table("statements")
        said = said[(said["speaker_entity"] == actor_id) & (said["dup"] == 0)]
        entity["statements"] = records(said[["date", "document", "kind", "verb", "text", "start", "end"]])
        return entity

    # ------------------------------------------------------------------ agreements

    def agreements(self, as_of: str | None = None) -> list[dict[str, Any]]:
        """Every agreement record (history, milestones, overdue) as of a date, latest reported first."""
        return self._cached(("agreements", as_of),
                            lambda: [_named(a) for a in self.store.agreement_records(as_of=as_of)])

    def agreement(self, agreement_id: int, as_of: str | None = None) -> dict[str, Any] | None:
        return next((a for a in self.agreements(as_of) if a["id"] == agreement_id), None)

    def filter_agreements(self, country: str | None = None, status: str | None = None,
                          overdue: bool = False, as_of: str | None = None) -> list[dict[str, Any]]:
        found = self.agreements(as_of)
        if country:
            found = [a for a in found if country.upper() in a["parties"]]
        if status:
            found = [a for a in found if a["status"] == status]
        if overdue:
            found = [a for a in found if a["overdue"]]
        return found

    def evidence_span(self, doc_id: str, evidence: str | None) -> tuple[int, int] | None:
        """Where an evidence text (first part when several were joined) stands in its document."""
        if not evidence:
            return None
        document = self.document(doc_id)
        if document is None:
            return None
        first = evidence.split(" … ")[0]
        start = document["text"].find(first)
        return (start, start + len(first)) if start >= 0 else None

    # ------------------------------------------------------------------ statements and events

    def latest_statements(self, limit: int, per_document: int = 2) -> list[dict[str, Any]]:
        """The newest statements, at most `per_document` from any one document."""
        def build() -> list[dict[str, Any]]:
            frame = self.table("statements")
            frame = frame[frame["dup"] == 0].sort_values(["date", "document", "start"],
                                                         ascending=[False, True, True], na_position="last")
            frame = frame[frame.groupby("document", sort=False).cumcount() < per_document]
            return records(frame.head(limit))
        return self._cached(("latest_statements", limit), build)

    def events(self, a: str | None = None, b: str | None = None, type: str | None = None,
               date_from: date | None = None, date_to: date | None = None) -> list[dict[str, Any]]:
        """Events, newest first; with `a` (and `b`), those between those countries (either direction)."""
        key = ("events", a, b, type, date_from, date_to)
        return self._cached(key, lambda: self._events(a, b, type, date_from, date_to))

    def _events(self, a: str | None, b: str | None, type: str | None, date_from: date | None,
                date_to: date | None) -> list[dict[str, Any]]:
        frame = self.table("events")
        if type:
            frame = frame[frame["type"] == type.upper()]
        frame = _date_range(frame, "date", date_from, date_to)
        if a or b:
            wanted = [c.upper() for c in (a, b) if c]
            keep = [_between(_countries(s), _countries(t), wanted)
                    for s, t in zip(frame["source_countries"], frame["target_countries"], strict=True)]
            frame = frame[pd.Series(keep, index=frame.index, dtype=bool)]
        frame = frame.sort_values(["date", "event_id"], ascending=[False, True], na_position="last")
        found = records(frame.drop(columns=["dup"]))
        for event in found:
            for key in LIST_COLUMNS:
                event[key] = _split(event[key])
        return found

    def timeline(self, a: str, b: str, by: str = "month") -> list[dict[str, Any]]:
        key = ("timeline", a.upper(), b.upper(), by)
        return self._cached(key, lambda: records(self.store.timeline(a, b, by)))

    def pairs(self, limit: int = 12) -> list[tuple[str, str, int]]:
        """The country pairs with most events: (a, b, events)."""
        def build() -> list[tuple[str, str, int]]:
            counts: dict[tuple[str, str], int] = {}
            frame = self.table("events")
            for s, t, dup in zip(frame["source_countries"], frame["target_countries"], frame["dup"],
                                 strict=True):
                if dup:
                    continue
                for pair in _pairs(_countries(s), _countries(t)):
                    counts[pair] = counts.get(pair, 0) + 1
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
            return [(x, y, n) for (x, y), n in ranked]
        return self._cached(("pairs", limit), build)


def _named(record: dict[str, Any]) -> dict[str, Any]:
    """An agreement record whose history steps and milestones name their source as "document" and
    milestones their report date as "reported" (the store's newer naming; older stores said "doc_id"
    and "date")."""
    for step in record["history"]:
        if "doc_id" in step:
            step["document"] = step.pop("doc_id")
    for mark in record["milestones"]:
        if "doc_id" in mark:
            mark["document"] = mark.pop("doc_id")
            mark["reported"] = mark.pop("date", None)
    return record


def _date_range(frame: pd.DataFrame, column: str, date_from: date | None,
                date_to: date | None) -> pd.DataFrame:
    if date_from:
        frame = frame[frame[column].fillna("") >= date_from.isoformat()]
    if date_to:
        frame = frame[frame[column].fillna("9999") <= date_to.isoformat()]
    return frame


def _between(sources: frozenset[str], targets: frozenset[str], wanted: list[str]) -> bool:
    if len(wanted) == 1:
        return wanted[0] in sources or wanted[0] in targets
    x, y = wanted
    return (x in sources and y in targets) or (y in sources and x in targets)


def _pairs(sources: Iterable[str], targets: Iterable[str]) -> set[tuple[str, str]]:
    return {(min(s, t), max(s, t)) for s in sources for t in targets if s != t}
