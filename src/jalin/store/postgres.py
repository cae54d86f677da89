"""The PostgreSQL backend: the SQLite backend's logic over a pool of psycopg 3 connections.

    store = open_store("postgresql://jalin@db.example/jalin")   # created and migrated as needed

Every statement of `SQLiteStore` runs here rewritten by `pgdialect` (same schema version, same
migrations, same queries). What differs:

- Connections come from a pool (psycopg_pool, at most `POOL_SIZE`), so `jalin serve` answers several
  requests at once; a read borrows a connection for one statement, a write keeps one for its transaction.
- Several processes (ingest runs, Dask workers, a server taking POSTs) may write at once: each batch
  takes a transaction-scoped advisory lock, so entity resolution and key assignment see every batch
  committed before; the analysis itself, the costly part, runs in parallel outside it. `content_hash`
  and `id` are UNIQUE, so a document can never be stored twice, whatever the callers do.
- Full-text search uses the `jalin` text search configuration (`simple` + unaccent) over a generated
  tsvector column, ranked by `ts_rank_cd`, with `ts_headline` snippets marked like SQLite's.
- Text cannot hold NUL characters in PostgreSQL: a document's NULs are stored as U+FFFD (same length,
  so every offset holds; the content hash is still that of the text as given).
- The schema version lives in the table `jalin_meta` (with a write counter, which tells a connection
  that another has written since it loaded its entity index).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from jalin.store.base import StoreError
from jalin.store.pgdialect import TS_CONFIG, UNACCENT, ddl, query
from jalin.store.schema import MIGRATIONS, SCHEMA_VERSION
from jalin.store.sqlite import SQLiteStore, _data_frame

if TYPE_CHECKING:
    import pandas as pd

POOL_SIZE = 8
WRITE_LOCK = 0x4A414C494E  # the advisory lock key of writers ("JALIN")
_META = "CREATE TABLE IF NOT EXISTS jalin_meta (name TEXT PRIMARY KEY, value BIGINT NOT NULL)"
# a URL's password: "postgresql://u:secret@h/db" -> "postgresql://u:***@h/db"
_PASSWORD = re.compile(r"(?<=://)([^:/@]*):[^@/]*@")


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return _PASSWORD.sub(r"\1:***@", url)


class StoreUnavailable(StoreError):
    """The database cannot be reached, or holds no store where one must exist."""


class _Row(tuple):
    """A result row read by position or by column name (`dict(row)` works), as sqlite3.Row is."""

    names: tuple[str, ...] = ()

    def keys(self) -> tuple[str, ...]:
        return self.names

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)


def _row_factory(cursor: Any) -> Any:
    names = tuple(c.name for c in cursor.description or ())
    row_class = type("Row", (_Row,), {"names": names})
    return row_class


class _Result:
    """A statement's whole result, read on the connection that ran it (the connection goes back to the
    pool at once): the part of the DB-API cursor the store uses."""

    def __init__(self, rows: list[Any], description: Sequence[Any] | None, rowcount: int) -> None:
        self._rows = rows
        self._at = 0
        self.description = description
        self.rowcount = rowcount

    def fetchone(self) -> Any:
        rows = self.fetchmany(1)
        return rows[0] if rows else None

    def fetchmany(self, size: int = 1) -> list[Any]:
        rows = self._rows[self._at:self._at + size]
        self._at += len(rows)
        return rows

    def fetchall(self) -> list[Any]:
        return self.fetchmany(len(self._rows))

    def __iter__(self) -> Any:
        return iter(self.fetchall())

    def close(self) -> None:
        self._rows = []


def _value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


def _plain(params: Iterable[Any] | None) -> list[Any]:
    """Parameters as PostgreSQL takes them: integers for booleans (as SQLite stores them), and text
    without NUL characters, which PostgreSQL cannot hold (each becomes U+FFFD: offsets stay right)."""
    return [_value(v) for v in params or ()]


class _Pooled:
    """The connection the store's SQLite code talks to: `execute`/`executemany` with SQLite's SQL on a
    pooled PostgreSQL connection. BEGIN pins one connection to the calling thread until COMMIT or
    ROLLBACK; any other statement borrows one for itself."""

    def __init__(self, url: str, size: int) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        try:  # one direct attempt first: a wrong URL fails at once, with the server's reason
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise StoreUnavailable(f"{redact(url)}: cannot connect to PostgreSQL ({reason})") from None
        self.pool = ConnectionPool(url, min_size=1, max_size=size, open=True, name="jalin",
                                   kwargs={"autocommit": True, "row_factory": _row_factory})
        self._local = threading.local()

    def _pinned(self) -> Any:
        return getattr(self._local, "connection", None)

    def begin(self, *statements: str) -> None:
        """Start a transaction on a connection kept for this thread, then run `statements` in it."""
        connection = self.pool.getconn()
        self._local.connection = connection
        try:
            connection.execute("BEGIN")
            for statement in statements:
                connection.execute(statement)
        except BaseException:
            self._release("ROLLBACK")
            raise

    def _release(self, how: str) -> None:
        connection = self._local.connection
        self._local.connection = None
        try:
            connection.execute(how)
        finally:
            self.pool.putconn(connection)

    def execute(self, sql: str, params: Iterable[Any] | None = None) -> _Result:
        word = sql.strip().upper()
        if word in ("COMMIT", "ROLLBACK") and self._pinned() is not None:
            self._release(word)
            return _Result([], None, -1)
        text = query(sql)
        pinned = self._pinned()
        if pinned is not None:
            return self._run(pinned, text, params)
        with self.pool.connection() as connection:
            return self._run(connection, text, params)

    @staticmethod
    def _run(connection: Any, sql: str, params: Iterable[Any] | None) -> _Result:
        cursor = connection.execute(sql, _plain(params))
        rows = cursor.fetchall() if cursor.description is not None else []
        return _Result(rows, cursor.description, cursor.rowcount)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [_plain(r) for r in rows]
        if not batch:
            return
        text = query(sql)
        pinned = self._pinned()
        if pinned is not None:
            pinned.cursor().executemany(text, batch)
            return
        with self.pool.connection() as connection:
            connection.cursor().executemany(text, batch)

    def close(self) -> None:
        self.pool.close()


class PostgresStore(SQLiteStore):
    """The shared store on a PostgreSQL server (see the module docstring)."""

    _ALL_ROWS = None  # LIMIT NULL keeps every row

    def __init__(self, url: str, pool_size: int = POOL_SIZE, create: bool = True) -> None:  # not SQLite's
        self.path = url
        self._con = _Pooled(url, pool_size)  # type: ignore[assignment]
        if not create and self._con.execute("SELECT to_regclass('jalin_meta')").fetchone()[0] is None:
            self._con.close()
            raise StoreUnavailable(f"{redact(url)}: no Jalin store in this database yet (`jalin ingest ... "
                                   f"--db {redact(url)}` creates one)")
        self._migrate()
        self._index = None
        self._data_version = -1

    # ------------------------------------------------------------------ schema

    def _meta(self, name: str) -> int | None:
        row = self._con.execute("SELECT value FROM jalin_meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else int(row[0])

    def _migrate(self) -> None:
        con: Any = self._con
        con.begin(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})", _META)
        try:
            version = self._meta("schema_version") or 0
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"{redact(self.path)}: store schema version {version} is newer than "
                                   f"this jalin ({SCHEMA_VERSION}); upgrade jalin")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target - 1]:
                    for rewritten in ddl(statement):
                        con._pinned().execute(rewritten)
                        if rewritten.startswith(f"CREATE TEXT SEARCH CONFIGURATION {TS_CONFIG}"):
                            self._unaccent()
                con.execute("INSERT INTO jalin_meta (name, value) VALUES ('schema_version', ?) "
                            "ON CONFLICT (name) DO UPDATE SET value = excluded.value", (target,))
            con.execute("COMMIT")
        except BaseException:
            if con._pinned() is not None:
                con.execute("ROLLBACK")
            raise

    def _unaccent(self) -> None:
        """Fold accents in the text search configuration, when the server has the unaccent extension
        (Debian ships it with the server; a server without it searches accents as written)."""
        connection = self._con._pinned()  # type: ignore[attr-defined]
        import psycopg

        try:
            with connection.transaction():  # a savepoint: a refusal leaves the migration going
                for statement in UNACCENT:
                    connection.execute(statement)
        except psycopg.Error:
            pass

    @property
    def schema_version(self) -> int:
        return self._meta("schema_version") or 0

    # ------------------------------------------------------------------ hooks

    def _data_version_now(self) -> int:
        return self._meta("writes") or 0

    def _begin_write(self) -> None:
        self._con.begin(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")  # type: ignore[attr-defined]

    def _index_texts(self, first: int) -> None:
        """Nothing to do: the tsvector column is generated from the row. The write counter moves, so
        other connections reload their entity index, and this one keeps its own (it made the change)."""
        row = self._con.execute(
            "INSERT INTO jalin_meta (name, value) VALUES ('writes', 1) "
            "ON CONFLICT (name) DO UPDATE SET value = jalin_meta.value + 1 RETURNING value").fetchone()
        self._data_version = int(row[0])

    def _unindex_text(self, pk: int, title: str | None, text: str) -> None:
        """Nothing to do: the row's tsvector goes with the row."""

    # ------------------------------------------------------------------ search

    _HEADLINE = "StartSel=[, StopSel=], MaxWords=14, MinWords=6, MaxFragments=1"
    _SEARCH = (f"SELECT d.id, d.published, d.title, '…' || ts_headline('{TS_CONFIG}', d.text, q, "
               f"'{_HEADLINE}') || '…' AS snippet FROM documents d, plainto_tsquery('{TS_CONFIG}', ?) q "
               "WHERE d.fts @@ q ORDER BY ts_rank_cd(d.fts, q) DESC, d.pk LIMIT ? OFFSET ?")
    _SEARCH_COUNT = (f"SELECT count(*) FROM (SELECT 1 FROM documents d, plainto_tsquery('{TS_CONFIG}', ?) q "
                     "WHERE d.fts @@ q LIMIT ?) hits")

    def search(self, text: str, limit: int = 20) -> pd.DataFrame:
        if not text.split():
            return _data_frame([], ["id", "published", "title", "snippet"])
        return self._frame(self._SEARCH, [text, limit, 0])

    def search_rows(self, text: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        return self._dicts(self._SEARCH, [text, limit, max(0, offset)]) if text.split() else []

    def count_search(self, text: str, at_most: int) -> int:
        if not text.split():
            return 0
        return int(self._con.execute(self._SEARCH_COUNT, [text, at_most]).fetchone()[0])

    def close(self) -> None:
        self._con.close()
