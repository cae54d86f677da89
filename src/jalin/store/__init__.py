"""The knowledge base: analyses stored, entities resolved across documents, queries and exports.

    from jalin import open_store
    store = open_store("jalin.db")                # SQLite file (WAL, FTS5), created and migrated;
                                                  #   create=False: a missing store is a StoreError
    store.add_analyses([analysis, ...])           # Analysis | contract dict | JSON line; one transaction
    store.known_hashes([...]); store.has_document("id")
    store.agreement_records(country="KOR", status=None, overdue=False, as_of="2025-11-15", limit=None)
                                                  # list[dict]: history, milestones, overdue (each
                                                  #   step with its evidence's start/end offsets)
    store.agreements(...)                         # the same as a pandas DataFrame
    store.actors(country="MYS", type=None, limit=100)   # DataFrame of actor entities
    store.actor_record("Anwar Ibrahim")           # dict: names, roles over time, statements
    store.actor_by_id(12)                         # the same for the entity with id 12 (see actors())
    store.documents(language="ms", source=None, date_from="2025-01-01", date_to=None)
                                                  # DataFrame, newest first
    store.events("MYS", "KOR", type="AGREE", date_from=None, date_to=None)
                                                  # DataFrame: events between two countries (or one)
    store.latest_statements(limit=10, per_document=2)   # DataFrame, newest first
    store.country_pairs(limit=12)                 # DataFrame: a, b, events (most first)
    store.timeline("MYS", "KOR", by="month")      # DataFrame: period, type, events
    store.search("pemindahan teknologi")          # DataFrame: id, published, title, snippet
    store.document("id")                          # the stored analysis (contract dict) + duplicate_of
    store.iter_analyses()                         # every analysis, storage order
    store.table("events")                         # flat DataFrames: documents actors statements events
                                                  #   agreements agreement_observations gatherings
                                                  # (with trigger and evidence offsets in the text)
    store.arrow("events")                         # the same as a pyarrow Table with typed columns
                                                  #   (date32 days, list<string> lists, int64 counts)
    store.counts(); store.close()

These methods are the stable interface (`Store` in `base.py`); `SQLiteStore` implements it, and
`PostgresStore` (`postgres.py`) runs the same logic on a PostgreSQL server, its SQL rewritten by
`pgdialect`: `open_store("postgresql://user@host/db")` opens one (shared by several processes; see
that module). Backend-independent parts: `rows` (analysis -> table
rows), `resolve` (cross-document entities), `status` (agreement history and overdue milestones),
`neardup` (MinHash near-duplicates), `flat` (typed Arrow tables), `dates`, and `schema` (versioned
DDL with its migrations).

Identity: a document is its content (`content_hash`: sha256 of the normalised text); adding content
already stored does nothing, so re-running an ingest adds nothing. A new text under a stored id
replaces the old version. Near-duplicate texts are linked to the first one (`duplicate_of`) and their
events, statements, agreement reports and gatherings are flagged `dup`, so queries count them once.
A statement the analysis gives to the document's own publisher (a media organisation named as its
source) is stored without a speaker entity: the newspaper printed it, someone else said it.

Schema version 3 (migrated in place from 1 or 2): stored analyses are LZ4 blocks (version 1's zlib
still read), no mentions, times or quantities tables (the stored analysis keeps them), band keys and
FTS tuned for write speed, date indexes on events and statements, evidence offsets on agreement
reports and milestones. New stores use 16 KiB pages.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from jalin.store.base import AddResult, Store, StoreError
from jalin.store.rows import content_hash
from jalin.store.sqlite import SQLiteStore

DEFAULT_DB = "jalin.db"


def default_path() -> str:
    """`$JALIN_DB` when set, else `./jalin.db`."""
    return os.environ.get("JALIN_DB") or DEFAULT_DB


def _sqlite(location: str, create: bool) -> Store:
    path = Path(location)
    if not create and not path.exists():
        raise StoreError(f"{location}: no such store (`jalin ingest ... --db {location}` creates one)")
    if path.is_dir():
        raise StoreError(f"{location}: is a folder, not a store file")
    try:
        return SQLiteStore(path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{location}: not a Jalin store ({exc})") from None


def _postgres(url: str, create: bool) -> Store:
    from jalin.store.postgres import PostgresStore

    return PostgresStore(url, create=create)


# URL scheme -> opener(location without the scheme's prefix, create); a backend adds its scheme here.
# "" is a plain path. `sqlite:///PATH` names a file too.
BACKENDS: dict[str, Callable[[str, bool], Store]] = {"": _sqlite, "sqlite": _sqlite, "postgresql": _postgres,
                                                     "postgres": _postgres}


def split_location(location: str) -> tuple[str, str]:
    """(scheme, rest) of a store location: `("", "kb.db")`, `("sqlite", "kb.db")` for `sqlite:///kb.db`,
    `("postgresql", "postgresql://host/db")` (a URL keeps its whole text for its backend)."""
    scheme, sep, rest = location.partition("://")
    if not sep or not scheme.replace("+", "").isalnum() or len(scheme) < 2:  # "C://x" is no URL
        return "", location
    scheme = scheme.lower()
    return (scheme, rest[1:] if rest.startswith("/") else rest) if scheme == "sqlite" else (scheme, location)


def open_store(path: str | Path | None = None, create: bool = True) -> Store:
    """Open the store at `path` (default: `default_path()`): a file path or a URL of a supported scheme
    (`BACKENDS`). With `create=False` a store that does not exist is an error, not a new empty store.
    Raises `StoreError` (one sentence) when it cannot be opened."""
    location = str(path if path is not None else default_path())
    scheme, rest = split_location(location)
    if scheme not in BACKENDS:
        known = ", ".join(f"{s}://" for s in BACKENDS if s)
        raise StoreError(f"{location}: unsupported store URL scheme {scheme + '://'!r}; "
                         f"give a file path or one of {known}")
    return BACKENDS[scheme](rest, create)


__all__ = ["BACKENDS", "AddResult", "SQLiteStore", "Store", "StoreError", "content_hash", "default_path",
           "open_store", "split_location"]
