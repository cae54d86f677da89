"""The knowledge base: analyses stored, entities resolved across documents, queries and exports.

    from jalin import open_store
    store = open_store("jalin.db")                # SQLite file (WAL, FTS5), created and migrated
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
from pathlib import Path

from jalin.store.base import AddResult, Store
from jalin.store.postgres import is_postgres_url
from jalin.store.rows import content_hash
from jalin.store.sqlite import SQLiteStore

DEFAULT_DB = "jalin.db"


def default_path() -> str:
    """`$JALIN_DB` when set, else `./jalin.db`."""
    return os.environ.get("JALIN_DB") or DEFAULT_DB


def open_store(path: str | Path | None = None) -> Store:
    """Open (creating and migrating as needed) the store at `path` (default: `default_path()`): a SQLite
    file, or a PostgreSQL database named by a `postgresql://user@host:port/database` URL."""
    location = path if path is not None else default_path()
    if is_postgres_url(location):
        from jalin.store.postgres import PostgresStore

        return PostgresStore(str(location))
    return SQLiteStore(location)


__all__ = ["AddResult", "SQLiteStore", "Store", "content_hash", "default_path", "open_store"]
