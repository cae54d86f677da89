"""The store interface: what every backend (SQLite now, PostgreSQL later) provides."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from jalin.model import Analysis

if TYPE_CHECKING:  # pandas and pyarrow are loaded by the methods that return them, not by the CLI
    import pandas as pd
    import pyarrow as pa

AnalysisLike = Analysis | dict[str, Any] | str | bytes  # bytes, str: the contract JSON


class StoreError(Exception):
    """The store cannot be opened: the message is one sentence naming it and the reason."""


@dataclass(slots=True)
class AddResult:
    """What one `add_analyses` call did."""

    added: int = 0
    skipped: int = 0      # same content already stored
    replaced: int = 0     # same document id, new content: the old version was removed
    duplicates: int = 0   # near-duplicates of a stored text, linked to it


class Store(ABC):
    """A knowledge base of analyses, with entities resolved across documents.

    `on_phase(name)`, when set, is told what storing a batch is busy with ("resolving" entities and
    near-duplicates, "writing" rows, "indexing" text), for progress displays."""

    on_phase: Callable[[str], None] | None = None

    def _phase(self, name: str) -> None:
        if self.on_phase is not None:
            self.on_phase(name)

    # ------------------------------------------------------------------ writing

    @abstractmethod
    def add_analyses(self, analyses: Iterable[AnalysisLike]) -> AddResult:
        """Store a batch in one transaction: all of it or none. Content already stored is skipped."""

    @abstractmethod
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The content hashes (see `content_hash`) among `hashes` that are stored."""

    @abstractmethod
    def has_document(self, id: str) -> bool:
        """Whether a document with this id is stored."""

    # ------------------------------------------------------------------ reading

    @abstractmethod
    def document(self, id: str) -> dict[str, Any] | None:
        """The stored analysis (contract dict) of a document, plus `"duplicate_of"`, or None."""

    @abstractmethod
    def iter_analyses(self) -> Iterator[dict[str, Any]]:
        """Every stored analysis, in storage order."""

    @abstractmethod
    def agreement_records(self, country: str | None = None, status: str | None = None,
                          overdue: bool = False, as_of: str | None = None,
                          limit: int | None = None, relevant: bool = False, *, other: str | None = None,
                          ids: list[int] | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Agreements, latest reported first, with `history`, `milestones` and `overdue` (status and
        overdue as of `as_of`, default today); at most `limit` of them after the first `offset`; with
        `relevant`, only those the board shows by default (relevance.py); with `other`, only those
        having it as a party besides `country`; with `ids`, only those agreements.

        Each record: id, type, parties (ISO3 list), label, subject, title, summary, relevant, status,
        status_date, exclusive, first_seen, last_seen; `history`: [{date, status, doc_id, evidence}]
        oldest first (near-duplicates left out); `milestones`: [{kind, state, value, relation, due,
        text, doc_id, date}];
        `overdue`: [{kind, due, value, relation, text, document, reported}]."""

    @abstractmethod
    def iter_agreement_records(self, country: str | None = None, status: str | None = None,
                               overdue: bool = False, as_of: str | None = None, relevant: bool = False, *,
                               other: str | None = None, ids: list[int] | None = None, offset: int = 0,
                               page: int | None = None,
                               active: tuple[str, str] | None = None) -> Iterator[dict[str, Any]]:
        """`agreement_records` (all of them) as a stream, read `page` entities at a time; with `active`
        (since, until), only those that may have changed in that window (`store.changes`)."""

    @abstractmethod
    def count_agreements(self, country: str | None = None, status: str | None = None, overdue: bool = False,
                         as_of: str | None = None, relevant: bool = False, *,
                         other: str | None = None) -> int:
        """How many records `agreement_records` gives with these filters."""

    @abstractmethod
    def agreement_status_counts(self, country: str | None = None, relevant: bool = False) -> dict[str, int]:
        """How many agreements are at each current status (as of every report)."""

    @abstractmethod
    def actor_record(self, name: str) -> dict[str, Any] | None:
        """The best-matching actor entity with its names, roles over time and statements."""

    @abstractmethod
    def actor_by_id(self, id: int) -> dict[str, Any] | None:
        """One actor entity by its id (`id` in `actors()`), as `actor_record` gives it, or None."""

    @abstractmethod
    def documents(self, language: str | None = None, source: str | None = None,
                  date_from: str | date | None = None, date_to: str | date | None = None,
                  limit: int = -1) -> pd.DataFrame:
        """Stored documents (the columns of `table("documents")`), newest first, undated last; `source`
        matches case-insensitively, the dates bound the publication day (undated documents then drop);
        at most `limit` (-1: all)."""

    @abstractmethod
    def events(self, a: str | None = None, b: str | None = None, type: str | None = None,
               date_from: str | date | None = None, date_to: str | date | None = None,
               limit: int = -1) -> pd.DataFrame:
        """Events (the columns of `table("events")`), near-duplicates left out, newest first, undated last:
        with `a`, those with that country among their sources or targets; with `a` and `b`, those between
        them, either direction; at most `limit` (-1: all)."""

    @abstractmethod
    def latest_statements(self, limit: int = 10, per_document: int = 2) -> pd.DataFrame:
        """The newest statements (the columns of `table("statements")`, near-duplicates left out), at most
        `per_document` from one document, in text order within it."""

    @abstractmethod
    def country_pairs(self, limit: int = 12) -> pd.DataFrame:
        """The country pairs (a < b) with most events between them: a, b, events (near-duplicates left
        out)."""

    @abstractmethod
    def actors(self, country: str | None = None, type: str | None = None, limit: int = 100) -> pd.DataFrame:
        """Actor entities, most reported first."""

    @abstractmethod
    def timeline(self, a: str, b: str, by: str = "month") -> pd.DataFrame:
        """Counts of events between two countries per period and event type."""

    @abstractmethod
    def search(self, text: str, limit: int = 20) -> pd.DataFrame:
        """Full-text search over documents, best first."""

    @abstractmethod
    def table(self, name: str) -> pd.DataFrame:
        """A flat table: documents, actors, statements, events, agreements, gatherings."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""

    @abstractmethod
    def data_version(self) -> int:
        """A number that changes when another connection or process commits a write."""

    # Pages of the lists the dashboard and the API show (plain rows, no pandas), and their totals.

    @abstractmethod
    def document_rows(self, language: str | None = None, source: str | None = None,
                      date_from: str | date | None = None, date_to: str | date | None = None,
                      limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """A page of `documents()`: at most `limit` rows after the first `offset`."""

    @abstractmethod
    def count_documents(self, language: str | None = None, source: str | None = None,
                        date_from: str | date | None = None, date_to: str | date | None = None) -> int:
        """How many rows `documents()` gives with these filters."""

    @abstractmethod
    def event_rows(self, a: str | None = None, b: str | None = None, type: str | None = None,
                   date_from: str | date | None = None, date_to: str | date | None = None,
                   limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """A page of `events()`: at most `limit` rows after the first `offset`."""

    @abstractmethod
    def count_events(self, a: str | None = None, b: str | None = None, type: str | None = None,
                     date_from: str | date | None = None, date_to: str | date | None = None) -> int:
        """How many rows `events()` gives with these filters."""

    @abstractmethod
    def count_actors(self, country: str | None = None, type: str | None = None,
                     name: str | None = None) -> int:
        """How many actor entities `actor_rows()` pages through with these filters."""

    @abstractmethod
    def latest_statement_rows(self, limit: int = 10, per_document: int = 2) -> list[dict[str, Any]]:
        """`latest_statements()` as plain rows."""

    @abstractmethod
    def country_pair_rows(self, limit: int = 12) -> list[dict[str, Any]]:
        """`country_pairs()` as plain rows."""

    @abstractmethod
    def count_search(self, text: str, at_most: int) -> int:
        """How many documents `search` finds, counted up to `at_most`."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    # ------------------------------------------------------------------ shared conveniences

    def agreements(self, country: str | None = None, status: str | None = None, overdue: bool = False,
                   as_of: str | None = None, limit: int | None = None,
                   relevant: bool = False) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.agreement_records(country, status, overdue, as_of, limit, relevant))

    # Plain rows (a dict per row) of the queries the command line prints: no pandas loaded. A backend
    # may answer them straight from its database; these defaults convert the DataFrame.

    @abstractmethod
    def actor_rows(self, country: str | None = None, type: str | None = None, limit: int = 100,
                   offset: int = 0, name: str | None = None) -> list[dict[str, Any]]:
        """A page of the actor entities, most reported first: at most `limit` after the first `offset`;
        with `name`, those whose name holds it (in any case)."""

    def timeline_rows(self, a: str, b: str, by: str = "month") -> list[dict[str, Any]]:
        return _plain_records(self.timeline(a, b, by))

    @abstractmethod
    def search_rows(self, text: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """A page of the full-text hits, best first: at most `limit` after the first `offset`."""

    def arrow(self, name: str) -> pa.Table:
        """`table(name)` as an Arrow table with typed columns: days `date32`, lists `list<string>`,
        counts `int64`, flags `bool` (see `jalin.store.flat`)."""
        from jalin.store.flat import to_arrow

        return to_arrow(name, self.table(name))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _plain_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A DataFrame's rows as dicts of plain Python values (NaN as None)."""
    return [{k: (None if v != v else v.item() if hasattr(v, "item") else v) for k, v in row.items()}
            for row in frame.to_dict(orient="records")]
