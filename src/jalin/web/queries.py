"""The web layer's read model: the store's public queries, a page at a time, small answers cached.

Every list is read from the store one page at a time (the database orders, filters and counts: no
page or route loads every record of a kind), so a page costs the same on an archive of millions of
events as on a dozen documents. Answers (pages, totals, the country pairs) are cached, up to
`MAX_ENTRIES`; all of it is dropped when the store changes: at once after a write through this object,
and within `RECHECK` seconds of a write by another process (the store's data version, one cheap
statement, tells). One lock serialises use of the store's connection across server threads.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from jalin.model import AGREEMENT_STATUSES, Analysis
from jalin.store import AddResult, Store

RECHECK = 0.5  # seconds between two checks of the store's data version
MAX_ENTRIES = 2_000  # cached answers (pages, totals, documents, searches) kept at most
COOPERATIVE = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST")
CONFLICTUAL = ("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
LIST_COLUMNS = ("modes", "context", "source_countries", "target_countries")  # "|"-joined in the table
BOARD_COLUMNS = AGREEMENT_STATUSES  # the stages in order, then stalled, cancelled, unknown
DOCUMENT_COLUMNS = ("id", "published", "source", "title", "language", "url", "duplicate_of")


def page(items: list[Any], limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    """One page of a result: `items` is the page itself when `total` is given, else the whole list."""
    if total is None:
        return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _split(cell: Any) -> list[str]:
    return cell.split("|") if isinstance(cell, str) and cell else []


def _event(row: dict[str, Any]) -> dict[str, Any]:
    """An event row as the API gives it: its "|"-joined lists as lists, the near-duplicate flag left out."""
    row.pop("dup", None)
    for key in LIST_COLUMNS:
        row[key] = _split(row[key])
    return row


def named(record: dict[str, Any]) -> dict[str, Any]:
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


class Queries:
    """Paged read access to a store with its small answers cached, and writes that drop the cache."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.RLock()
        self._cache: dict[Any, Any] = {}
        self._version: int | None = None
        self._checked = 0.0

    # ------------------------------------------------------------------ cache

    def _fresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < RECHECK:
            return
        version = self.store.data_version()
        if version != self._version:
            self._cache.clear()
            self._version = version
        self._checked = now

    def cached(self, key: Any, build: Callable[[], Any]) -> Any:
        """The answer kept under `key`, built (and kept) when missing or the store has changed."""
        with self._lock:
            self._fresh()
            if key not in self._cache:
                while len(self._cache) >= MAX_ENTRIES:  # oldest answers go first
                    del self._cache[next(iter(self._cache))]
                self._cache[key] = build()
            return self._cache[key]

    def counts(self) -> dict[str, int]:
        return dict(self.cached(("counts",), self.store.counts))

    # ------------------------------------------------------------------ writing

    def add(self, analysis: Analysis | str | bytes) -> AddResult:
        with self._lock:
            result = self.store.add_analyses([analysis])
            self._cache.clear()
            self._checked = 0.0
            return result

    # ------------------------------------------------------------------ documents

    def documents(self, language: str | None = None, source: str | None = None, date_from: date | None = None,
                  date_to: date | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """A page of the stored documents, newest first (undated last), filtered, with the total."""
        def build() -> dict[str, Any]:
            rows = self.store.document_rows(language, source, date_from, date_to, limit, offset)
            items = [{k: row[k] for k in DOCUMENT_COLUMNS} for row in rows]
            return page(items, limit, offset, self._total(
                ("documents", language, source, date_from, date_to),
                lambda: self.store.count_documents(language, source, date_from, date_to)))
        return self.cached(("documents", language, source, date_from, date_to, limit, offset), build)

    def _total(self, key: Any, count: Callable[[], int]) -> int:
        return int(self.cached(("total", *key), count))

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return self.cached(("document", doc_id), lambda: self.store.document(doc_id))

    def search(self, text: str, limit: int, offset: int = 0, at_most: int = 1000) -> dict[str, Any]:
        """A page of the full-text hits among the best `at_most`, best first, with their count; a query
        the index cannot parse finds nothing."""
        def build() -> dict[str, Any]:
            wanted = max(0, min(limit, at_most - offset))
            try:
                total = self.store.count_search(text, at_most)
                items = self.store.search_rows(text, wanted, offset) if wanted else []
            except sqlite3.Error:
                return page([], limit, offset, 0)
            return page(items, limit, offset, total)
        return self.cached(("search", text, limit, offset, at_most), build)

    # ------------------------------------------------------------------ actors

    def actors(self, country: str | None = None, type: str | None = None, name: str | None = None,
               limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """A page of the actor entities, most reported first, with the total."""
        def build() -> dict[str, Any]:
            items = self.store.actor_rows(country, type, limit, offset, name)
            return page(items, limit, offset, self._total(
                ("actors", country, type, name), lambda: self.store.count_actors(country, type, name)))
        return self.cached(("actors", country, type, name, limit, offset), build)

    def actor(self, actor_id: int) -> dict[str, Any] | None:
        """One actor entity with its names, roles over time and statements."""
        return self.cached(("actor", actor_id), lambda: self._actor(actor_id))

    def _actor(self, actor_id: int) -> dict[str, Any] | None:
        entity = self.store.actor_by_id(actor_id)
        if entity is not None:
            del entity["pk"]
        return entity

    # ------------------------------------------------------------------ agreements

    def agreements(self, country: str | None = None, status: str | None = None, overdue: bool = False,
                   as_of: str | None = None, everything: bool = False, limit: int = 50, offset: int = 0,
                   other: str | None = None, counted: bool = True) -> dict[str, Any]:
        """A page of the agreement records (history, milestones, overdue as of a date), latest reported
        first, with the total (None unless `counted`: with `overdue` or `as_of` counting reads every
        candidate's history): those the board shows by default (`relevant`), or `everything` stored;
        with `other`, only those with both `country` and `other` among the parties."""
        def build() -> dict[str, Any]:
            items = [named(r) for r in self.store.agreement_records(
                country, status, overdue, as_of, limit, not everything, other=other, offset=offset)]
            total = self._total(("agreements", country, status, overdue, as_of, everything, other),
                                lambda: self.store.count_agreements(country, status, overdue, as_of,
                                                                    not everything, other=other)
                                ) if counted else None
            return {"total": total, "limit": limit, "offset": offset, "items": items}
        key = ("agreements", country, status, overdue, as_of, everything, other, limit, offset, counted)
        return self.cached(key, build)

    def agreement(self, agreement_id: int, as_of: str | None = None) -> dict[str, Any] | None:
        """One agreement record (whether or not the board shows it), or None."""
        def build() -> dict[str, Any] | None:
            found = self.store.agreement_records(as_of=as_of, ids=[agreement_id])
            return named(found[0]) if found else None
        return self.cached(("agreement", agreement_id, as_of), build)

    def status_counts(self, country: str | None = None, everything: bool = False) -> dict[str, int]:
        """Agreements per current status, as the board counts its columns."""
        return self.cached(("status_counts", country, everything),
                            lambda: self.store.agreement_status_counts(country, not everything))

    def evidence_span(self, doc_id: str, evidence: str | None, start: int | None = None,
                      end: int | None = None) -> tuple[int, int] | None:
        """Where an evidence text stands in its document: its own offsets when the store kept them,
        else where its first part (when several were joined) is found in the text."""
        if not evidence:
            return None
        if start is not None and end is not None:
            return (start, end)
        document = self.document(doc_id)  # reports stored before the store kept offsets
        if document is None:
            return None
        first = evidence.split(" … ")[0]
        at = document["text"].find(first)
        return (at, at + len(first)) if at >= 0 else None

    # ------------------------------------------------------------------ statements and events

    def latest_statements(self, limit: int, per_document: int = 2) -> list[dict[str, Any]]:
        """The newest statements, at most `per_document` from any one document."""
        return self.cached(("latest_statements", limit, per_document),
                            lambda: self.store.latest_statement_rows(limit, per_document))

    def events(self, a: str | None = None, b: str | None = None, type: str | None = None,
               date_from: date | None = None, date_to: date | None = None, limit: int = 50,
               offset: int = 0) -> dict[str, Any]:
        """A page of the events, newest first, with the total; with `a` (and `b`), those between those
        countries (either direction)."""
        def build() -> dict[str, Any]:
            items = [_event(r) for r in self.store.event_rows(a, b, type, date_from, date_to, limit, offset)]
            return page(items, limit, offset, self._total(
                ("events", a, b, type, date_from, date_to),
                lambda: self.store.count_events(a, b, type, date_from, date_to)))
        return self.cached(("events", a, b, type, date_from, date_to, limit, offset), build)

    def timeline(self, a: str, b: str, by: str = "month") -> list[dict[str, Any]]:
        key = ("timeline", a.upper(), b.upper(), by)
        return self.cached(key, lambda: self.store.timeline_rows(a, b, by))

    def pairs(self, limit: int = 12) -> list[tuple[str, str, int]]:
        """The country pairs with most events: (a, b, events)."""
        def build() -> list[tuple[str, str, int]]:
            return [(r["a"], r["b"], int(r["events"])) for r in self.store.country_pair_rows(limit)]
        return self.cached(("pairs", limit), build)
