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
                          limit: int | None = None, relevant: bool = False) -> list[dict[str, Any]]:
        """Agreements, latest reported first, with `history`, `milestones` and `overdue` (status and
        overdue as of `as_of`, default today); at most `limit` of them; with `relevant`, only those the
        board shows by default (relevance.py).

        Each record: id, type, parties (ISO3 list), label, subject, title, summary, relevant, status,
        status_date, exclusive, first_seen, last_seen; `history`: [{date, status, doc_id, evidence}]
        oldest first (near-duplicates left out); `milestones`: [{kind, state, value, relation, due,
        text, doc_id, date}];
        `overdue`: [{kind, due, value, relation, text, document, reported}]."""

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

    def actor_rows(self, country: str | None = None, type: str | None = None,
                   limit: int = 100) -> list[dict[str, Any]]:
        return _plain_records(self.actors(country, type, limit))

    def timeline_rows(self, a: str, b: str, by: str = "month") -> list[dict[str, Any]]:
        return _plain_records(self.timeline(a, b, by))

    def search_rows(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        return _plain_records(self.search(text, limit))

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
