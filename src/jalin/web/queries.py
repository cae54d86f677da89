"""The web layer's read model: the store's public queries, cached.

Up to `MAX_ENTRIES` answers are kept (and the actors table, loaded once); all of it is dropped
when the store's row counts change (checked at most
every `RECHECK` seconds, and at once after a write through this object). One lock serialises use of
the store's connection across server threads.
"""

from __future__ import annotations

import math
import sqlite3
import threading
import time
from collections.abc import Callable
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


class Queries:
    """Cached read access to a store, and writes that invalidate the cache."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.RLock()
        self._cache: dict[Any, Any] = {}
        self._tables: dict[str, pd.DataFrame] = {}
        # (document id, evidence text) -> its offsets, from the agreement records the store gave
        self._spans: dict[tuple[str, str], tuple[int, int]] = {}
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
        self._spans.clear()

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
        frame = self.store.documents(language, source, date_from, date_to)
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
        entity = self.store.actor_by_id(actor_id)
        if entity is not None:
            del entity["pk"]
        return entity

    # ------------------------------------------------------------------ agreements

    def agreements(self, as_of: str | None = None) -> list[dict[str, Any]]:
        """Every agreement record (history, milestones, overdue) as of a date, latest reported first."""
        return self._cached(("agreements", as_of),
                            lambda: [self._named(a) for a in self.store.agreement_records(as_of=as_of)])

    def _named(self, record: dict[str, Any]) -> dict[str, Any]:
        """An agreement record whose history steps and milestones name their source as "document" and
        milestones their report date as "reported" (the store's newer naming; older stores said "doc_id"
        and "date"); the offsets of their evidence are noted for `evidence_span`."""
        for step in record["history"]:
            if "doc_id" in step:
                step["document"] = step.pop("doc_id")
        for mark in record["milestones"]:
            if "doc_id" in mark:
                mark["document"] = mark.pop("doc_id")
                mark["reported"] = mark.pop("date", None)
        for row, text in [*((h, h["evidence"]) for h in record["history"]),
                          *((m, m["text"]) for m in (*record["milestones"], *record["overdue"]))]:
            if text and row.get("start") is not None and row.get("end") is not None:
                self._spans[(row["document"], text)] = (row["start"], row["end"])
        return record

    def agreement(self, agreement_id: int, as_of: str | None = None) -> dict[str, Any] | None:
        return next((a for a in self.agreements(as_of) if a["id"] == agreement_id), None)

    def filter_agreements(self, country: str | None = None, status: str | None = None,
                          overdue: bool = False, as_of: str | None = None,
                          everything: bool = False) -> list[dict[str, Any]]:
        """The agreements the board shows by default (`relevant`), or `everything` stored."""
        found = self.agreements(as_of)
        if not everything:
            found = [a for a in found if a.get("relevant", True)]
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
        with self._lock:
            known = self._spans.get((doc_id, evidence))
        if known is not None:
            return known
        document = self.document(doc_id)  # reports stored before the store kept offsets
        if document is None:
            return None
        first = evidence.split(" … ")[0]
        start = document["text"].find(first)
        return (start, start + len(first)) if start >= 0 else None

    # ------------------------------------------------------------------ statements and events

    def latest_statements(self, limit: int, per_document: int = 2) -> list[dict[str, Any]]:
        """The newest statements, at most `per_document` from any one document."""
        return self._cached(("latest_statements", limit, per_document),
                            lambda: records(self.store.latest_statements(limit, per_document)))

    def events(self, a: str | None = None, b: str | None = None, type: str | None = None,
               date_from: date | None = None, date_to: date | None = None) -> list[dict[str, Any]]:
        """Events, newest first; with `a` (and `b`), those between those countries (either direction)."""
        key = ("events", a, b, type, date_from, date_to)
        return self._cached(key, lambda: self._events(a, b, type, date_from, date_to))

    def _events(self, a: str | None, b: str | None, type: str | None, date_from: date | None,
                date_to: date | None) -> list[dict[str, Any]]:
        found = records(self.store.events(a, b, type, date_from, date_to).drop(columns=["dup"]))
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
            frame = self.store.country_pairs(limit)
            return [(x, y, int(n)) for x, y, n in frame.itertuples(index=False, name=None)]
        return self._cached(("pairs", limit), build)
