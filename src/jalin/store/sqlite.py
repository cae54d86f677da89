"""The SQLite backend: one file, WAL, FTS5 over document text, one transaction per batch."""

from __future__ import annotations

import gc
import itertools
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jalin.store import status as agreement_status
from jalin.store.base import AddResult, AnalysisLike, Store
from jalin.store.resolve import MAX_NAME_TOKENS, EntityIndex, fold, name_tokens
from jalin.store.rows import BatchRows, analysis_with_text, as_dict, content_hash
from jalin.store.schema import DOCUMENT_TABLES, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:  # loaded by the methods that return DataFrames: the CLI's queries never need it
    import pandas as pd

_CHUNK = 500  # bound parameters per IN (...) list

_INSERTS: tuple[tuple[str, str], ...] = (
    ("documents", "INSERT INTO documents (pk, id, content_hash, published, source, url, title, language, "
                  "dateline, minhash, duplicate_of, text, analysis, added, relevance) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
    ("bands", "INSERT INTO minhash_bands (key, doc) VALUES (?,?)"),
    ("actors", "INSERT INTO actors (doc, entity, name) VALUES (?,?,?)"),
    ("actor_roles", "INSERT INTO actor_roles (entity, doc, date, text, en) VALUES (?,?,?,?,?)"),
    ("statements", "INSERT INTO statements (doc, speaker, speaker_entity, kind, text, verb, start, end, "
                   "date, dup) VALUES (?,?,?,?,?,?,?,?,?,?)"),
    ("events", "INSERT INTO events (pk, doc, eid, type, cameo, source, target, source_countries, "
               "target_countries, modality, modes, context, time, date, trigger, start, end, sentence, "
               "source_entity, target_entity, dup) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
    ("event_pairs", "INSERT INTO event_pairs (a, b, date, type, event) VALUES (?,?,?,?,?)"),
    ("observations", "INSERT INTO agreement_observations (pk, doc, gid, agreement, type, label, parties, "
                     "status, exclusive, date, evidence, dup, evidence_start, evidence_end, subject, title, "
                     "summary, assets, companies, relevant) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
    ("milestones", "INSERT INTO milestones (observation, agreement, doc, kind, state, time, value, "
                   "relation, due, text, date, start, end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
    ("gatherings", "INSERT INTO gatherings (doc, entity, kind, name, ordinal, location, time, value, "
                   "parties, attendance, evidence, date, dup) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
    ("topics", "INSERT INTO topics (doc, topic) VALUES (?,?)"),
)

# Flat tables for `table()` and the exports; the filtered queries add WHERE and ORDER BY clauses.
_DOCUMENTS = """SELECT d.id, d.published, d.source, d.url, d.title, d.language, d.dateline,
    d.content_hash, o.id AS duplicate_of, d.added FROM documents d
    LEFT JOIN documents o ON o.pk = d.duplicate_of"""
_STATEMENTS = """SELECT d.id AS document, s.date, a.name AS speaker, s.speaker_entity, s.kind, s.text,
    s.verb, s.start, s.end, s.dup FROM statements s JOIN documents d ON d.pk = s.doc
    LEFT JOIN actor_entities a ON a.pk = s.speaker_entity"""
_EVENTS = """SELECT e.pk AS event_id, d.id AS document, e.eid, e.date, e.type, e.cameo, e.modality,
    e.modes, e.context, e.source_countries, e.target_countries,
    sa.name AS source_name, sa.country AS source_country, sa.sector AS source_sector,
    ta.name AS target_name, ta.country AS target_country, ta.sector AS target_sector,
    e.trigger, e.start AS trigger_start, e.end AS trigger_end, e.sentence, d.published,
    d.source AS publisher, d.url, d.title, d.language, e.dup
    FROM events e JOIN documents d ON d.pk = e.doc
    LEFT JOIN actor_entities sa ON sa.pk = e.source_entity
    LEFT JOIN actor_entities ta ON ta.pk = e.target_entity"""
_ACTOR_COLUMNS = "type, name, canonical, country, sector, documents, statements, first_seen, last_seen"
_TABLES: dict[str, str] = {
    "documents": _DOCUMENTS + " ORDER BY d.pk",
    "actors": f"SELECT pk AS id, {_ACTOR_COLUMNS} FROM actor_entities ORDER BY pk",
    "statements": _STATEMENTS + " ORDER BY s.pk",
    "events": _EVENTS + " ORDER BY e.pk",
    "agreements": """SELECT pk AS id, type, parties, label, status, status_date, first_seen, last_seen,
        exclusive, subject, title, summary, relevant FROM agreement_entities ORDER BY pk""",
    "agreement_observations": """SELECT o.agreement, d.id AS document, o.date, o.type, o.parties, o.status,
        o.exclusive, o.label, o.evidence, o.evidence_start, o.evidence_end, o.dup
        FROM agreement_observations o JOIN documents d ON d.pk = o.doc ORDER BY o.pk""",
    "gatherings": """SELECT g.entity AS gathering, d.id AS document, g.date, g.kind, g.name, g.ordinal,
        g.location, g.value AS time, g.parties, g.evidence, g.dup FROM gatherings g
        JOIN documents d ON d.pk = g.doc ORDER BY g.rowid""",
}


_NO_LIMIT = "9999-12-31"  # the as-of date that hides no report
# Agreements with a milestone that may be overdue (see `status.overdue`, which decides): per kind, the
# latest report expecting it by then set a due day before the day, and neither a report of it done
# nor a later dated status implying it is visible by then (undated reports are left to
# `status.overdue`: a superset is safe). Only these have their history read, so a page of overdue
# agreements costs about a page.
_IMPLIED = " OR ".join(
    f"(g.kind = '{kind}' AND o.status IN ({', '.join(repr(s) for s in sorted(statuses))}))"
    for kind, statuses in sorted(agreement_status.IMPLIED_BY.items()) if statuses)
_EXPECTS = "m.state = 'expected' AND m.due != '' AND (m.date IS NULL OR m.due >= m.date)"
_MAY_BE_OVERDUE = f"""pk IN (SELECT g.agreement FROM (
        SELECT m.agreement, m.kind, max(coalesce(m.date, '')) AS since FROM milestones m
        WHERE {_EXPECTS} AND (m.date IS NULL OR m.date <= ?) GROUP BY m.agreement, m.kind) g
    WHERE EXISTS (SELECT 1 FROM milestones m INDEXED BY milestones_expected
        WHERE m.agreement = g.agreement AND m.kind = g.kind AND {_EXPECTS}
        AND coalesce(m.date, '') = g.since AND m.due < ?)
    AND NOT EXISTS (SELECT 1 FROM agreement_observations o WHERE o.agreement = g.agreement AND o.dup = 0
        AND o.date >= g.since AND o.date <= ? AND ({_IMPLIED}))
    AND NOT EXISTS (SELECT 1 FROM milestones d WHERE d.agreement = g.agreement AND d.kind = g.kind
        AND d.state = 'done' AND (d.date IS NULL OR d.date <= ?)))"""


def _day_before(day: str) -> str:
    """The ISO day before `day` ("2025-03-01" -> "2025-02-28"); a value that is not a day as it is."""
    try:
        return (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    except ValueError:
        return day


def _iso(value: str | date | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _has_country(column: str) -> str:
    """SQL: the "|"-joined country list in `column` holds the bound country."""
    return f"instr('|' || {column} || '|', '|' || ? || '|') > 0"


def _upper(value: Any) -> Any:
    """SQL upper(): text in capitals ("Ştefan" -> "ŞTEFAN"), anything else as it is."""
    return value.upper() if isinstance(value, str) else value


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i:i + _CHUNK]


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values))


def _match_query(text: str) -> str | None:
    """The FTS5 query of the words of `text`, each quoted (a quote inside doubled); None when empty."""
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"' for w in words) if words else None


def _data_frame(rows: list[Any], names: list[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records([tuple(r) for r in rows], columns=names, coerce_float=True)


class SQLiteStore(Store):
    """The embedded store. One writer at a time (SQLite's rule); readers never block it (WAL)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._con = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._con.row_factory = sqlite3.Row
        # SQLite's own upper() changes ASCII letters only; the name filters fold every letter, as
        # PostgreSQL's does ("é" finds "É").
        self._con.create_function("upper", 1, _upper, deterministic=True)
        # page_size first: it applies only to a new file (before WAL); 16 KiB pages keep a document row
        # (text and stored analysis, several KiB) out of overflow chains, a third less to commit.
        for pragma in ("page_size=16384", "journal_mode=WAL", "synchronous=NORMAL", "temp_store=MEMORY",
                       "cache_size=-262144", "busy_timeout=30000"):
            self._con.execute(f"PRAGMA {pragma}")
        self._migrate()
        self._index: EntityIndex | None = None
        self._data_version = -1

    # ------------------------------------------------------------------ schema

    def _migrate(self) -> None:
        """Bring the schema to SCHEMA_VERSION under an exclusive lock, reading the version inside
        it: two processes opening a new file at once migrate it once (the second waits, then finds
        it done)."""
        if self._version() == SCHEMA_VERSION:
            return
        self._con.execute("BEGIN EXCLUSIVE")
        try:
            version = self._version()
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"{self.path}: store schema version {version} is newer than this jalin "
                                   f"({SCHEMA_VERSION}); upgrade jalin")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target - 1]:
                    self._con.execute(statement)
                self._con.execute(f"PRAGMA user_version = {target}")
            self._con.execute("COMMIT")
        except BaseException:
            self._con.execute("ROLLBACK")
            raise

    def _version(self) -> int:
        return int(self._con.execute("PRAGMA user_version").fetchone()[0])

    @property
    def schema_version(self) -> int:
        return self._con.execute("PRAGMA user_version").fetchone()[0]

    # ------------------------------------------------------------------ writing

    def _entity_index(self) -> EntityIndex:
        """The in-memory resolution index, reloaded when another connection has committed since."""
        version = self._data_version_now()
        if self._index is not None and version == self._data_version:
            return self._index
        index = EntityIndex()
        for pk, type_, key, country, name in self._con.execute(
                "SELECT pk, type, key, country, name FROM actor_entities"):
            index.load_actor(pk, type_, key, country, name)
        for row in self._con.execute(
                "SELECT pk, type, parties, first_seen, last_seen, status, label, keys "
                "FROM agreement_entities ORDER BY pk"):
            index.load_agreement(*row)
        for pk, key in self._con.execute("SELECT pk, key FROM gathering_entities"):
            index.load_gathering(pk, key)
        self._index, self._data_version = index, version
        return index

    # ------------------------------------------------------------------ backend hooks (PostgresStore)

    _ALL_ROWS: int | None = -1  # the LIMIT that keeps every row

    def _data_version_now(self) -> int:
        """A number that changes when another connection commits (the entity index is then reloaded)."""
        return self._con.execute("PRAGMA data_version").fetchone()[0]

    def _begin_write(self) -> None:
        """Start a write transaction holding the store's write lock."""
        self._con.execute("BEGIN IMMEDIATE")

    def _index_texts(self, first: int) -> None:
        """Add the documents from primary key `first` on to the full-text index."""
        # The full-text index reads the batch's texts where they are stored (no second copy bound).
        self._con.execute("INSERT INTO documents_fts (rowid, title, text) "
                          "SELECT pk, coalesce(title, ''), text FROM documents WHERE pk >= ?", (first,))

    def _unindex_text(self, pk: int, title: str | None, text: str) -> None:
        """Remove a document from the full-text index."""
        self._con.execute("INSERT INTO documents_fts (documents_fts, rowid, title, text) "
                          "VALUES ('delete', ?, ?, ?)", (pk, title or "", text))

    def _next(self, table: str) -> int:
        return self._con.execute(f"SELECT coalesce(max(pk), 0) + 1 FROM {table}").fetchone()[0]

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(hashes)):
            found.update(r[0] for r in self._con.execute(
                f"SELECT content_hash FROM documents WHERE content_hash IN ({_marks(chunk)})", chunk))
        return found

    def _ids(self, ids: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(ids):
            found.update((r[0], r[1]) for r in self._con.execute(
                f"SELECT id, pk FROM documents WHERE id IN ({_marks(chunk)})", chunk))
        return found

    def has_document(self, id: str) -> bool:
        return self._con.execute("SELECT 1 FROM documents WHERE id = ?", (id,)).fetchone() is not None

    def add_analyses(self, analyses: Iterable[AnalysisLike]) -> AddResult:
        # The garbage collector pauses meanwhile: a batch's parsed analyses (hundreds of thousands of
        # objects) all stay alive until it ends, and every collection would walk them again (a third
        # of the write time); what the batch leaves behind is collected afterwards.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._add_batch(analyses)
        finally:
            if collecting:
                gc.enable()

    def _add_batch(self, analyses: Iterable[AnalysisLike]) -> AddResult:
        batch = list(analyses)
        given = [a if isinstance(a, str | bytes) else None for a in batch]  # the JSON as given, or None
        items = [as_dict(a) for a in batch]
        result = AddResult()
        if not items:
            return result
        con = self._con
        self._phase("resolving")
        self._begin_write()
        try:
            index = self._entity_index()
            hashes = [content_hash(d["text"]) for d in items]
            known = self.known_hashes(hashes)
            fresh: list[tuple[dict[str, Any], str, str | bytes | None]] = []
            seen_hashes: set[str] = set()
            seen_ids: set[str] = set()
            for data, digest, raw in zip(items, hashes, given, strict=True):
                doc_id = data["document"]["id"]
                if digest in known or digest in seen_hashes or doc_id in seen_ids:
                    result.skipped += 1
                    continue
                seen_hashes.add(digest)
                seen_ids.add(doc_id)
                fresh.append((data, digest, raw))
            stored_ids = self._ids([d["document"]["id"] for d, _, _ in fresh])
            rows = BatchRows(index, self._next("events"), self._next("agreement_observations"),
                             datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
            pk = first = self._next("documents")
            batch_signatures: dict[int, tuple[bytes, int | None]] = {}
            from jalin.store.neardup import band_keys, signatures  # numpy: for writes only

            minhashes = signatures([d["text"] for d, _, _ in fresh])
            signed = iter(band_keys([sig for sig in minhashes if sig is not None]))
            keys = [next(signed) if sig is not None else [] for sig in minhashes]
            stored_keys = self._stored_keys([k for ks in keys for k in ks])
            batch_keys: dict[int, list[int]] = {}
            for (data, digest, raw), sig, sig_keys in zip(fresh, minhashes, keys, strict=True):
                doc_id = data["document"]["id"]
                if doc_id in stored_ids:
                    self._delete_document(stored_ids[doc_id])
                    result.replaced += 1
                duplicate_of = None
                if sig is not None:
                    candidates = {doc for k in sig_keys
                                  for doc in (*stored_keys.get(k, ()), *batch_keys.get(k, ()))}
                    if candidates:
                        duplicate_of = self._near_duplicate(sig, candidates, batch_signatures)
                    batch_signatures[pk] = (sig, duplicate_of)
                    for key in sig_keys:
                        batch_keys.setdefault(key, []).append(pk)
                result.duplicates += duplicate_of is not None
                rows.add(pk, data, digest, sig, sig_keys, duplicate_of, raw)
                result.added += 1
                pk += 1
            self._phase("writing")
            self._write(rows, first)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            self._index = None
            raise
        return result

    def _stored_keys(self, keys: list[int]) -> dict[int, tuple[int, ...]]:
        """MinHash band key -> stored documents having it, for the keys of a batch."""
        found: dict[int, tuple[int, ...]] = {}
        for chunk in _chunks(sorted(set(keys))):
            for key, doc in self._con.execute(
                    f"SELECT key, doc FROM minhash_bands WHERE key IN ({_marks(chunk)})", chunk):
                found[key] = (*found.get(key, ()), doc)
        return found

    def _near_duplicate(self, sig: bytes, candidates: set[int],
                        batch: dict[int, tuple[bytes, int | None]]) -> int | None:
        """The original (first stored document) this text nearly duplicates, among candidates."""
        from jalin.store import neardup

        known = {pk: batch[pk] for pk in candidates if pk in batch}
        rest = sorted(candidates - known.keys())
        if rest:
            known.update((r[0], (r[1], r[2])) for r in self._con.execute(
                f"SELECT pk, minhash, duplicate_of FROM documents WHERE pk IN ({_marks(rest)})", rest))
        close = [original or pk for pk, (other, original) in known.items()
                 if neardup.similarity(sig, other) >= neardup.THRESHOLD]
        return min(close) if close else None

    def _write(self, rows: BatchRows, first: int) -> None:
        """Insert a batch's rows; its documents are those from primary key `first` on."""
        con = self._con
        for attr, sql in _INSERTS:
            values = getattr(rows, attr)
            if values:
                con.executemany(sql, values)
        pairs = Counter((row[0], row[1]) for row in rows.event_pairs)
        con.executemany("INSERT INTO pair_counts (a, b, events) VALUES (?,?,?) ON CONFLICT (a, b) "
                        "DO UPDATE SET events = pair_counts.events + excluded.events",
                        [(x, y, n) for (x, y), n in sorted(pairs.items())])
        self._phase("indexing")
        self._index_texts(first)
        con.executemany(
            "INSERT INTO actor_entities (pk, type, name, canonical, country, sector, key) "
            "VALUES (?,?,?,?,?,?,?)",
            [(a.pk, a.type, a.name, a.canonical, a.country, a.sector, a.key) for a in rows.new_actors])
        con.executemany(
            "UPDATE actor_entities SET name = coalesce(?, name), country = ? WHERE pk = ?",
            [(u.name, u.country, u.pk) for u in rows.person_updates.values()])
        con.executemany(
            "UPDATE actor_entities SET documents = documents + ?, statements = statements + ?, "
            "first_seen = CASE WHEN first_seen IS NULL OR first_seen > ? THEN ? ELSE first_seen END, "
            "last_seen = CASE WHEN last_seen IS NULL OR last_seen < ? THEN ? ELSE last_seen END "
            "WHERE pk = ?",
            [(c[0], c[1], c[2], c[2], c[3], c[3], pk) for pk, c in rows.actor_counts.items()])
        con.executemany("INSERT INTO agreement_entities (pk, type, parties, label, keys) VALUES (?,?,?,?,?)",
                        rows.new_agreements)
        con.executemany("UPDATE agreement_entities SET label = ? WHERE pk = ?",
                        [(label, pk) for pk, label in sorted(rows.index.relabelled.items())])
        rows.index.relabelled.clear()
        con.executemany("UPDATE agreement_entities SET keys = ? WHERE pk = ?",
                        [(" ".join(sorted(keys)), pk) for pk, keys in sorted(rows.index.rekeyed.items())])
        rows.index.rekeyed.clear()
        con.executemany("INSERT INTO agreement_parties (agreement, country) VALUES (?,?)",
                        [(a[0], c) for a in rows.new_agreements for c in a[2].split("|") if c])
        con.executemany("INSERT INTO gathering_entities (pk, kind, name, ordinal, parties, key, first_seen) "
                        "VALUES (?,?,?,?,?,?,?)", rows.new_gatherings)
        self._phase("resolving")
        self._refresh_agreements(sorted(rows.touched_agreements))

    def _refresh_agreements(self, pks: list[int]) -> None:
        """Recompute the summary columns (status, dates, exclusive) of agreements from their reports.

        Reads only the latest reports through the (agreement, date) index, so an agreement reported
        thousands of times costs no more than one reported twice."""
        updates = []
        con = self._con
        for pk in pks:
            first, last = con.execute("SELECT min(date), max(date) FROM agreement_observations "
                                      "WHERE agreement = ?", (pk,)).fetchone()
            latest = "SELECT status, date, exclusive FROM agreement_observations WHERE agreement = ? " \
                     "AND dup = 0 AND status != 'unknown' ORDER BY date DESC"
            recent = [{"status": r[0], "date": r[1], "exclusive": r[2]}
                      for r in con.execute(latest + " LIMIT 50", (pk,))]
            if len(recent) == 50 and recent[0]["date"] == recent[-1]["date"]:
                recent = [{"status": r[0], "date": r[1], "exclusive": r[2]}
                          for r in con.execute(latest, (pk,))]
            status, when = agreement_status.current_status(recent)
            # The latest of the recent reports that says whether it is exclusive.
            exclusive = next((r["exclusive"] for r in recent if r["exclusive"] is not None), None)
            # What it is about and its line: the latest report's at the current status (else the
            # latest's); its name: the latest report's that gives one; shown when any report counts.
            about = con.execute(
                "SELECT subject, summary FROM agreement_observations WHERE agreement = ? AND dup = 0 "
                "ORDER BY (status = ?) DESC, date DESC, pk DESC LIMIT 1", (pk, status)).fetchone()
            title = con.execute(
                "SELECT title FROM agreement_observations WHERE agreement = ? AND title IS NOT NULL "
                "ORDER BY date DESC, pk DESC LIMIT 1", (pk,)).fetchone()
            shown = con.execute("SELECT max(relevant) FROM agreement_observations WHERE agreement = ?",
                                (pk,)).fetchone()[0]
            updates.append((status, when, first, last, exclusive, about[0] if about else None,
                            title[0] if title else None, about[1] if about else None, shown or 0, pk))
        self._con.executemany("UPDATE agreement_entities SET status = ?, status_date = ?, first_seen = ?, "
                              "last_seen = ?, exclusive = ?, subject = ?, title = ?, summary = ?, "
                              "relevant = ? WHERE pk = ?", updates)

    def _delete_document(self, pk: int) -> None:
        """Remove a stored document and its rows (it is being replaced by a new version)."""
        from jalin.store import neardup

        con = self._con
        row = con.execute("SELECT title, text, minhash FROM documents WHERE pk = ?", (pk,)).fetchone()
        self._unindex_text(pk, row[0], row[1])
        # minhash_bands is keyed by band key only: the document's keys come from its signature.
        if row[2] is not None:
            con.executemany("DELETE FROM minhash_bands WHERE key = ? AND doc = ?",
                            [(key, pk) for key in neardup.bands(row[2])])
        con.execute("UPDATE actor_entities SET documents = max(documents - 1, 0) "
                    "WHERE pk IN (SELECT DISTINCT entity FROM actors WHERE doc = ?)", (pk,))
        touched = [r[0] for r in con.execute(
            "SELECT DISTINCT agreement FROM agreement_observations WHERE doc = ?", (pk,))]
        # event_pairs has no index by event (it is one covering b-tree for timelines): replacing a
        # document, which is rare, scans it.
        gone = con.execute("SELECT a, b, count(*) FROM event_pairs WHERE event IN "
                           "(SELECT pk FROM events WHERE doc = ?) GROUP BY a, b", (pk,)).fetchall()
        con.executemany("UPDATE pair_counts SET events = events - ? WHERE a = ? AND b = ?",
                        [(n, x, y) for x, y, n in gone])
        con.execute("DELETE FROM pair_counts WHERE events <= 0")
        con.execute("DELETE FROM event_pairs WHERE event IN (SELECT pk FROM events WHERE doc = ?)", (pk,))
        con.execute("DELETE FROM events WHERE doc = ?", (pk,))
        for table, column in DOCUMENT_TABLES:
            con.execute(f"DELETE FROM {table} WHERE {column} = ?", (pk,))
        con.execute("DELETE FROM documents WHERE pk = ?", (pk,))
        self._refresh_agreements(touched)

    # ------------------------------------------------------------------ reading

    def _frame(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> pd.DataFrame:
        """The rows of a query as a DataFrame (columns named as the query names them)."""
        cursor = self._con.execute(sql, params)
        return _data_frame(cursor.fetchall(), [c[0] for c in cursor.description])

    def _dicts(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """The rows of a query as dicts (no pandas: what the command line prints)."""
        return [dict(row) for row in self._con.execute(sql, params)]

    def document(self, id: str) -> dict[str, Any] | None:
        row = self._con.execute(
            "SELECT d.analysis, d.text, o.id FROM documents d LEFT JOIN documents o ON o.pk = d.duplicate_of "
            "WHERE d.id = ?", (id,)).fetchone()
        if row is None:
            return None
        data = analysis_with_text(row[0], row[1])
        data["duplicate_of"] = row[2]
        return data

    def iter_analyses(self) -> Iterator[dict[str, Any]]:
        last = 0
        while True:
            rows = self._con.execute(
                "SELECT pk, analysis, text FROM documents WHERE pk > ? ORDER BY pk LIMIT 1000",
                (last,)).fetchall()
            if not rows:
                return
            for _, stored, text in rows:
                yield analysis_with_text(stored, text)
            last = rows[-1][0]

    def agreement_records(self, country: str | None = None, status: str | None = None,
                          overdue: bool = False, as_of: str | None = None,
                          limit: int | None = None, relevant: bool = False, *, other: str | None = None,
                          ids: list[int] | None = None, offset: int = 0) -> list[dict[str, Any]]:
        if limit is not None and limit <= 0:
            return []
        found = self.iter_agreement_records(country, status, overdue, as_of, relevant, other=other, ids=ids,
                                            offset=offset, page=limit)
        return list(found if limit is None else itertools.islice(found, limit))

    def _agreement_where(self, country: str | None, status: str | None, overdue: bool, as_of: str | None,
                         relevant: bool, other: str | None, ids: list[int] | None,
                         active: tuple[str, str] | None = None) -> tuple[list[str], list[Any]]:
        today = as_of or date.today().isoformat()
        where: list[str] = []
        params: list[Any] = []
        if relevant:
            where.append("relevant = 1")
        for party in (country, other):
            if party:
                where.append("pk IN (SELECT agreement FROM agreement_parties WHERE country = ?)")
                params.append(party.upper())
        if ids is not None:
            where.append(f"pk IN ({_marks(ids) or 'NULL'})")
            params += ids
        if active is not None:  # a report dated in the window, or a deadline whose next day is in it
            since, until = active
            where.append("(pk IN (SELECT agreement FROM agreement_observations WHERE dup = 0 AND date >= ? "
                         "AND date <= ?) OR pk IN (SELECT agreement FROM milestones WHERE state = 'expected' "
                         "AND due >= ? AND due <= ?))")
            params += [since, until, _day_before(since), _day_before(until)]
        if status and as_of is None:
            where.append("status = ?")
            params.append(status)
        if overdue:
            where.append(_MAY_BE_OVERDUE)
            params += [as_of or _NO_LIMIT, today, as_of or _NO_LIMIT, as_of or _NO_LIMIT]
        return where, params

    def iter_agreement_records(self, country: str | None = None, status: str | None = None,
                               overdue: bool = False, as_of: str | None = None, relevant: bool = False, *,
                               other: str | None = None, ids: list[int] | None = None, offset: int = 0,
                               page: int | None = None,
                               active: tuple[str, str] | None = None) -> Iterator[dict[str, Any]]:
        """`agreement_records` as a stream, a page of entities at a time (at most `page`, else
        `_CHUNK`): the records after the first `offset`. Without `as_of` and `overdue` every entity
        the SQL selects is a record, so the offset is the database's; otherwise the records are
        counted as they are made. `active` (since, until), ISO days: only the agreements that may
        have changed in that window (`store.changes`): a report dated in it, or an expected
        milestone due the day before one of its days."""
        today = as_of or date.today().isoformat()
        where, params = self._agreement_where(country, status, overdue, as_of, relevant, other, ids, active)
        exact = as_of is None and not overdue
        sql = ("SELECT pk, type, parties, label, exclusive, subject, title, summary, relevant "
               "FROM agreement_entities" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY last_seen DESC, pk")
        skip = max(0, offset)
        if exact and skip:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, self._ALL_ROWS, skip]
            skip = 0
        # History and milestones are read a page at a time, the page no larger than the records asked
        # for: a dashboard's first page costs the same however many agreements match.
        size = min(_CHUNK, page) if page is not None else _CHUNK
        cursor = self._con.execute(sql, params)
        try:
            while entities := cursor.fetchmany(size):
                for record in self._agreement_chunk(entities, status, overdue, as_of, today):
                    if skip:
                        skip -= 1
                        continue
                    yield record
        finally:
            cursor.close()

    def count_agreements(self, country: str | None = None, status: str | None = None, overdue: bool = False,
                         as_of: str | None = None, relevant: bool = False, *,
                         other: str | None = None) -> int:
        """How many records `agreement_records` gives with these filters (none kept in memory)."""
        if as_of is None and not overdue:
            where, params = self._agreement_where(country, status, overdue, as_of, relevant, other, None)
            return int(self._con.execute("SELECT count(*) FROM agreement_entities"
                                         + (" WHERE " + " AND ".join(where) if where else ""),
                                         params).fetchone()[0])
        return sum(1 for _ in self.iter_agreement_records(country, status, overdue, as_of, relevant,
                                                          other=other))

    def agreement_status_counts(self, country: str | None = None, relevant: bool = False) -> dict[str, int]:
        """Agreements per current status (as of today's reports: every one), with these filters."""
        where, params = self._agreement_where(country, None, False, None, relevant, None, None)
        return {row[0]: int(row[1]) for row in self._con.execute(
            "SELECT status, count(*) FROM agreement_entities"
            + (" WHERE " + " AND ".join(where) if where else "") + " GROUP BY status", params)}

    def _agreement_chunk(self, entities: list[Any], status: str | None, overdue: bool, as_of: str | None,
                         today: str) -> list[dict[str, Any]]:
        history, milestones = self._agreement_details([e[0] for e in entities])
        records = []
        for pk, type_, parties, label, exclusive, subject, title, summary, shown in entities:
            seen = agreement_status.visible(history.get(pk, []), as_of)
            marks = agreement_status.visible(milestones.get(pk, []), as_of)
            if as_of is not None and not seen:
                continue
            current, since = agreement_status.current_status(seen)
            late = agreement_status.overdue(seen, marks, today)
            if (status and current != status) or (overdue and not late):
                continue
            flags = [o["exclusive"] for o in seen if o["exclusive"] is not None]
            records.append({
                "id": pk, "type": type_, "parties": parties.split("|") if parties else [], "label": label,
                "subject": subject, "title": title, "summary": summary, "relevant": bool(shown),
                "status": current, "status_date": since,
                "exclusive": bool(flags[-1]) if flags else (None if exclusive is None else bool(exclusive)),
                "first_seen": seen[0]["date"] if seen else None,
                "last_seen": seen[-1]["date"] if seen else None,
                "history": [{k: o[k] for k in ("date", "status", "doc_id", "evidence", "start", "end")}
                            for o in seen],
                "milestones": marks,
                "overdue": late,
            })
        return records

    def _agreement_details(self, pks: list[int]) -> tuple[dict[int, list[dict[str, Any]]],
                                                            dict[int, list[dict[str, Any]]]]:
        history: dict[int, list[dict[str, Any]]] = {}
        milestones: dict[int, list[dict[str, Any]]] = {}
        for chunk in _chunks(pks):
            for row in self._con.execute(
                    "SELECT o.agreement, o.date, o.status, d.id, o.evidence, o.exclusive, o.evidence_start, "
                    "o.evidence_end "
                    "FROM agreement_observations o JOIN documents d ON d.pk = o.doc "
                    f"WHERE o.agreement IN ({_marks(chunk)}) AND o.dup = 0 "
                    "ORDER BY o.date, d.id, o.pk", chunk):
                history.setdefault(row[0], []).append({"date": row[1], "status": row[2], "doc_id": row[3],
                                                       "evidence": row[4], "exclusive": row[5],
                                                       "start": row[6], "end": row[7]})
            for row in self._con.execute(
                    "SELECT m.agreement, m.kind, m.state, m.value, m.relation, m.due, m.text, d.id, m.date, "
                    "m.start, m.end "
                    "FROM milestones m JOIN documents d ON d.pk = m.doc "
                    f"WHERE m.agreement IN ({_marks(chunk)}) "
                    "ORDER BY m.date, d.id, m.rowid", chunk):
                milestones.setdefault(row[0], []).append(
                    {"kind": row[1], "state": row[2], "value": row[3], "relation": row[4], "due": row[5],
                     "text": row[6], "doc_id": row[7], "date": row[8], "start": row[9], "end": row[10]})
        return history, milestones

    def actor_record(self, name: str) -> dict[str, Any] | None:
        tokens = sorted(name_tokens(name)) or [fold(name)]
        # `+documents`: a scan of the table (few matches, then sorted), not of the ranked index, which
        # would visit every row in index order to find none.
        sql = (f"SELECT pk, {_ACTOR_COLUMNS} FROM actor_entities WHERE "
               + " AND ".join("key LIKE ?" for _ in tokens) + " ORDER BY +documents DESC, pk LIMIT 10")
        matches = [dict(r) for r in self._con.execute(sql, [f"%{t}%" for t in tokens])]
        if not matches and len(tokens) > 2:
            matches = self._fuller_name_matches(set(tokens))
        if not matches:
            return None
        best = self._actor_details(matches[0])
        best["others"] = [{"pk": m["pk"], "name": m["name"], "country": m["country"]} for m in matches[1:]]
        return best

    def _fuller_name_matches(self, tokens: set[str]) -> list[dict[str, Any]]:
        """Persons whose key (the tokens of the name they were first seen under, sorted) is two or more
        of `tokens`: a person first reported as "Farid Hakimi" is shown under the fuller name a later
        report gave ("Farid Osman Hakimi"), which must find it too. Each such key is looked up whole
        through the key index (a name has a handful of tokens: a few dozen subsets at most)."""
        ordered = sorted(tokens)[:MAX_NAME_TOKENS]
        keys = [" ".join(c) for size in range(2, len(ordered) + 1)
                for c in itertools.combinations(ordered, size)]
        found: list[dict[str, Any]] = []
        for chunk in _chunks(keys):
            found += [dict(r) for r in self._con.execute(  # the type checked here: the key index is used
                f"SELECT pk, {_ACTOR_COLUMNS} FROM actor_entities WHERE key IN ({_marks(chunk)})", chunk)
                if r["type"] == "PERSON"]
        found.sort(key=lambda r: (-r["documents"], r["pk"]))
        return found[:10]

    def actor_by_id(self, id: int) -> dict[str, Any] | None:
        row = self._con.execute(f"SELECT pk, {_ACTOR_COLUMNS} FROM actor_entities WHERE pk = ?",
                                (id,)).fetchone()
        if row is None:
            return None
        record = self._actor_details(dict(row))
        record["id"] = record["pk"]
        return record

    def _actor_details(self, entity: dict[str, Any]) -> dict[str, Any]:
        """An actor entity row with its names, roles over time and statements (near-duplicates left out)."""
        pk = entity["pk"]
        entity["names"] = [r[0] for r in self._con.execute(
            "SELECT name FROM actors WHERE entity = ? GROUP BY name ORDER BY count(*) DESC, name", (pk,))]
        entity["roles"] = [dict(r) for r in self._con.execute(
            "SELECT en, text, min(date) AS first_seen, max(date) AS last_seen, count(*) AS reports "
            "FROM actor_roles WHERE entity = ? GROUP BY en, text ORDER BY first_seen, en, text", (pk,))]
        entity["statements"] = [dict(r) for r in self._con.execute(
            "SELECT s.date, d.id AS document, s.kind, s.verb, s.text, s.start, s.end FROM statements s "
            "JOIN documents d ON d.pk = s.doc WHERE s.speaker_entity = ? AND s.dup = 0 "
            "ORDER BY s.date, s.pk LIMIT 1000", (pk,))]
        return entity

    def actors(self, country: str | None = None, type: str | None = None, limit: int = 100) -> pd.DataFrame:
        return self._frame(*self._actors_query(country, type, None, limit, 0))

    def actor_rows(self, country: str | None = None, type: str | None = None, limit: int = 100,
                   offset: int = 0, name: str | None = None) -> list[dict[str, Any]]:
        return self._dicts(*self._actors_query(country, type, name, limit, offset))

    def count_actors(self, country: str | None = None, type: str | None = None,
                     name: str | None = None) -> int:
        where, params = self._actors_where(country, type, name)
        return self._count("actor_entities", where, params)

    @staticmethod
    def _actors_where(country: str | None, type: str | None, name: str | None) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if country:
            where.append("country = ?")
            params.append(country.upper())
        if type:
            where.append("type = ?")
            params.append(type.upper())
        if name:  # a part of the name, in any case (`upper` is Unicode's on both backends)
            where.append("instr(upper(name), upper(?)) > 0")
            params.append(name)
        return where, params

    def _actors_query(self, country: str | None, type: str | None, name: str | None, limit: int,
                      offset: int) -> tuple[str, list[Any]]:
        where, params = self._actors_where(country, type, name)
        sql = ("SELECT pk AS id, type, name, canonical, country, sector, documents, statements, first_seen, "
               "last_seen FROM actor_entities" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY documents DESC, pk LIMIT ? OFFSET ?")
        return sql, [*params, limit, max(0, offset)]

    def _count(self, table: str, where: list[str], params: list[Any]) -> int:
        sql = f"SELECT count(*) FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self._con.execute(sql, params).fetchone()[0])

    def timeline(self, a: str, b: str, by: str = "month") -> pd.DataFrame:
        return self._frame(*self._timeline_query(a, b, by))

    def timeline_rows(self, a: str, b: str, by: str = "month") -> list[dict[str, Any]]:
        return self._dicts(*self._timeline_query(a, b, by))

    @staticmethod
    def _timeline_query(a: str, b: str, by: str) -> tuple[str, list[Any]]:
        width = {"day": 10, "month": 7, "year": 4}[by]
        first, second = sorted((a.upper(), b.upper()))
        return (f"SELECT substr(date, 1, {width}) AS period, type, count(*) AS events FROM event_pairs "
                "WHERE a = ? AND b = ? AND date != '' GROUP BY period, type ORDER BY period, type",
                [first, second])

    def _newest_first(self, select: str, table: str, where: list[str], params: list[Any], when: str,
                      tie: str, limit: int, offset: int = 0,
                      blank: str | None = None) -> tuple[list[Any], list[str]]:
        """(rows, column names) of `select` newest first by the `when` column (through its index), ties
        by `tie`, then the undated ones (`when` NULL, or equal to `blank` when given); at most `limit`
        (-1: all) after the first `offset`. `table`: the FROM clause the `where` conditions need, to
        count the dated rows an offset passes."""
        rows: list[Any] = []
        names: list[str] = []
        skip = max(0, offset)
        for dated in (True, False):
            undated = f"{when} IS NULL" if blank is None else f"{when} = '{blank}'"
            clauses = [*where, (f"NOT ({undated})" if blank is not None else f"{when} IS NOT NULL")
                       if dated else undated]
            order = f"{when} DESC, {tie}" if dated else tie
            cursor = self._con.execute(
                f"{select} WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, limit - len(rows) if limit >= 0 else self._ALL_ROWS, skip])
            names = [c[0] for c in cursor.description]
            got = cursor.fetchall()
            rows += got
            if 0 <= limit <= len(rows):
                break
            if dated and skip:  # the undated rows come after every dated one
                skip = 0 if got else max(0, skip - self._count(table, clauses, params))
        return rows, names

    @staticmethod
    def _documents_where(language: str | None, source: str | None, date_from: str | date | None,
                         date_to: str | date | None) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if language:
            where.append("d.language = ?")
            params.append(language)
        if source:
            where.append("lower(d.source) = lower(?)")
            params.append(source)
        if date_from:
            where.append("d.published >= ?")
            params.append(_iso(date_from))
        if date_to:
            where.append("d.published <= ?")
            params.append(_iso(date_to))
        return where, params

    def documents(self, language: str | None = None, source: str | None = None,
                  date_from: str | date | None = None, date_to: str | date | None = None,
                  limit: int = -1) -> pd.DataFrame:
        return _data_frame(*self._documents_page(language, source, date_from, date_to, limit, 0))

    def document_rows(self, language: str | None = None, source: str | None = None,
                      date_from: str | date | None = None, date_to: str | date | None = None,
                      limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        rows, names = self._documents_page(language, source, date_from, date_to, limit, offset)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _documents_page(self, language: str | None, source: str | None, date_from: str | date | None,
                        date_to: str | date | None, limit: int, offset: int) -> tuple[list[Any], list[str]]:
        where, params = self._documents_where(language, source, date_from, date_to)
        return self._newest_first(_DOCUMENTS, "documents d", where, params, "d.published", "d.id", limit,
                                  offset)

    def count_documents(self, language: str | None = None, source: str | None = None,
                        date_from: str | date | None = None, date_to: str | date | None = None) -> int:
        return self._count("documents d", *self._documents_where(language, source, date_from, date_to))

    @staticmethod
    def _events_where(a: str | None, b: str | None, type: str | None, date_from: str | date | None,
                      date_to: str | date | None) -> tuple[list[str], list[Any]]:
        where, params = ["e.dup = 0"], []
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if date_from:
            where.append("e.date >= ?")
            params.append(_iso(date_from))
        if date_to:
            where.append("e.date <= ?")
            params.append(_iso(date_to))
        wanted = sorted({c.upper() for c in (a, b) if c})
        source, target = _has_country("e.source_countries"), _has_country("e.target_countries")
        if len(wanted) == 2:  # the timeline's index of country pairs holds exactly these events
            where.append("e.pk IN (SELECT event FROM event_pairs WHERE a = ? AND b = ?)")
            params += wanted
        elif wanted and a and b:  # one country on both sides
            where.append(f"({source} AND {target})")
            params += wanted * 2
        elif wanted:
            where.append(f"({source} OR {target})")
            params += wanted * 2
        return where, params

    def events(self, a: str | None = None, b: str | None = None, type: str | None = None,
               date_from: str | date | None = None, date_to: str | date | None = None,
               limit: int = -1) -> pd.DataFrame:
        return _data_frame(*self._events_page(a, b, type, date_from, date_to, limit, 0))

    def event_rows(self, a: str | None = None, b: str | None = None, type: str | None = None,
                   date_from: str | date | None = None, date_to: str | date | None = None,
                   limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        rows, names = self._events_page(a, b, type, date_from, date_to, limit, offset)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _events_page(self, a: str | None, b: str | None, type: str | None, date_from: str | date | None,
                     date_to: str | date | None, limit: int, offset: int) -> tuple[list[Any], list[str]]:
        pair = self._pair_where(a, b, type, date_from, date_to)
        if pair is not None:
            return self._pair_events(*pair, limit, offset)
        where, params = self._events_where(a, b, type, date_from, date_to)
        return self._newest_first(_EVENTS, "events e", where, params, "e.date", "e.pk", limit, offset)

    @staticmethod
    def _pair_where(a: str | None, b: str | None, type: str | None, date_from: str | date | None,
                    date_to: str | date | None) -> tuple[list[str], list[Any]] | None:
        """The conditions on `event_pairs` that select the events between two different countries (it
        holds exactly those, near-duplicates left out; an undated event's date there is ''), or None
        when the filter is not a pair."""
        wanted = sorted({c.upper() for c in (a, b) if c})
        if len(wanted) != 2:
            return None
        where, params = ["a = ?", "b = ?"], list(wanted)
        if type:
            where.append("type = ?")
            params.append(type.upper())
        if date_from:
            where.append("date >= ?")
            params.append(_iso(date_from))
        if date_to:
            where.append("date <= ?")
            params.append(_iso(date_to))
        return where, params

    def _pair_events(self, where: list[str], params: list[Any], limit: int,
                     offset: int) -> tuple[list[Any], list[str]]:
        """A page of the events between two countries: its keys from the pairs' b-tree (newest first,
        as `events` orders them), then those events' rows."""
        keys, _ = self._newest_first("SELECT event FROM event_pairs", "event_pairs", where, params, "date",
                                     "event", limit, offset, blank="")
        wanted = [k[0] for k in keys]
        found: dict[int, Any] = {}
        names = [c[0] for c in self._con.execute(f"{_EVENTS} LIMIT 0").description]
        for chunk in _chunks(wanted):
            found.update((row[0], row) for row in self._con.execute(
                f"{_EVENTS} WHERE e.pk IN ({_marks(chunk)})", chunk))
        return [found[k] for k in wanted if k in found], names

    def count_events(self, a: str | None = None, b: str | None = None, type: str | None = None,
                     date_from: str | date | None = None, date_to: str | date | None = None) -> int:
        pair = self._pair_where(a, b, type, date_from, date_to)
        if pair is not None:
            return self._count("event_pairs", *pair)
        return self._count("events e", *self._events_where(a, b, type, date_from, date_to))

    def latest_statements(self, limit: int = 10, per_document: int = 2) -> pd.DataFrame:
        return _data_frame(*self._latest_statements(limit, per_document))

    def latest_statement_rows(self, limit: int = 10, per_document: int = 2) -> list[dict[str, Any]]:
        rows, names = self._latest_statements(limit, per_document)
        return [dict(zip(names, row, strict=True)) for row in rows]

    _PAGE = 200  # rows read per statement of the newest-statements walk

    def _latest_statements(self, limit: int, per_document: int) -> tuple[list[Any], list[str]]:
        """The newest statements a day at a time (newest day first, through the date index), then the
        undated ones, each read in pages of `_PAGE` rows: never more rows than the answer needs, on
        either backend (PostgreSQL reads a statement's whole result)."""
        kept: list[Any] = []
        taken: dict[str, int] = {}
        names: list[str] = [c[0] for c in self._con.execute(f"{_STATEMENTS} LIMIT 0").description]

        def take(rows: list[Any]) -> None:
            for row in rows:
                if taken.get(row[0], 0) < per_document and len(kept) < limit:
                    taken[row[0]] = taken.get(row[0], 0) + 1
                    kept.append(tuple(row))

        day: str | None = None
        while len(kept) < limit:
            found = self._con.execute(
                "SELECT date FROM statements WHERE dup = 0 AND date IS NOT NULL"
                + (" AND date < ?" if day is not None else "") + " ORDER BY date DESC LIMIT 1",
                [day] if day is not None else []).fetchone()
            if found is None:
                break
            day = found[0]
            self._paged(f"{_STATEMENTS} WHERE s.dup = 0 AND s.date = ? ORDER BY d.id, s.start, s.pk", [day],
                        take, lambda: len(kept) >= limit)
        if len(kept) < limit:
            self._paged(f"{_STATEMENTS} WHERE s.dup = 0 AND s.date IS NULL ORDER BY d.id, s.start, s.pk", [],
                        take, lambda: len(kept) >= limit)
        return kept, names

    def _paged(self, sql: str, params: list[Any], take: Any, done: Any) -> None:
        """Hand the rows of `sql` to `take` a page at a time until `done()` or the rows run out."""
        offset = 0
        while not done():
            rows = self._con.execute(f"{sql} LIMIT ? OFFSET ?", [*params, self._PAGE, offset]).fetchall()
            take(rows)
            if len(rows) < self._PAGE:
                return
            offset += self._PAGE

    def country_pairs(self, limit: int = 12) -> pd.DataFrame:
        return self._frame(*self._pairs_query(limit))

    def country_pair_rows(self, limit: int = 12) -> list[dict[str, Any]]:
        return self._dicts(*self._pairs_query(limit))

    @staticmethod
    def _pairs_query(limit: int) -> tuple[str, list[Any]]:
        return "SELECT a, b, events FROM pair_counts ORDER BY events DESC, a, b LIMIT ?", [limit]

    _SEARCH = ("SELECT d.id, d.published, d.title, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet "
               "FROM documents_fts JOIN documents d ON d.pk = documents_fts.rowid "
               "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?")
    _SEARCH_COUNT = ("SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? "
                     "LIMIT ?) hits")

    def search(self, text: str, limit: int = 20) -> pd.DataFrame:
        query = _match_query(text)
        if query is None:
            return _data_frame([], ["id", "published", "title", "snippet"])
        return self._frame(self._SEARCH, [query, limit, 0])

    def search_rows(self, text: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        query = _match_query(text)
        return [] if query is None else self._dicts(self._SEARCH, [query, limit, max(0, offset)])

    def count_search(self, text: str, at_most: int) -> int:
        """How many documents `search` finds, counted up to `at_most`."""
        query = _match_query(text)
        if query is None:
            return 0
        return int(self._con.execute(self._SEARCH_COUNT, [query, at_most]).fetchone()[0])

    def table(self, name: str) -> pd.DataFrame:
        if name not in _TABLES:
            raise ValueError(f"unknown table {name!r}; one of {', '.join(_TABLES)}")
        return self._frame(_TABLES[name])

    def counts(self) -> dict[str, int]:
        tables = ("documents", "actor_entities", "statements", "events", "agreement_entities",
                  "agreement_observations", "gathering_entities")
        out = {t: self._con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        out["duplicates"] = self._con.execute(
            "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0]
        return out

    def data_version(self) -> int:
        return self._data_version_now()

    def close(self) -> None:
        self._con.close()
