"""The store's relational schema, versioned: `MIGRATIONS[i]` takes a database from version i to i+1.

SQLite records the version in `PRAGMA user_version`. A later version appends a migration (a list of
statements) and never edits an earlier one, so every existing database has a path forward. The DDL
is plain SQL that PostgreSQL also accepts, except the FTS5 table and `INTEGER PRIMARY KEY` rowids,
which a PostgreSQL backend spells as a tsvector column and `BIGSERIAL`.
"""

from __future__ import annotations

V1: tuple[str, ...] = (
    # One row per stored document. `analysis`: the contract JSON without its "text" (kept in `text`),
    # compressed (see `rows.analysis_without_text`).
    """CREATE TABLE documents (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        published TEXT, source TEXT, url TEXT, title TEXT, language TEXT, dateline TEXT,
        minhash BLOB, duplicate_of INTEGER,
        text TEXT NOT NULL,
        analysis BLOB NOT NULL)""",
    "CREATE INDEX documents_published ON documents(published)",
    "CREATE INDEX documents_duplicate ON documents(duplicate_of)",
    # MinHash LSH band keys (see neardup.py): similar texts share at least one key.
    "CREATE TABLE minhash_bands (key INTEGER NOT NULL, doc INTEGER NOT NULL)",
    "CREATE INDEX minhash_bands_key ON minhash_bands(key)",
    """CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='pk', tokenize='unicode61 remove_diacritics 2')""",
    # Cross-document entities.
    """CREATE TABLE actor_entities (
        pk INTEGER PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, canonical TEXT,
        country TEXT, sector TEXT, key TEXT NOT NULL, documents INTEGER NOT NULL DEFAULT 0,
        statements INTEGER NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT)""",
    "CREATE INDEX actor_entities_key ON actor_entities(key)",
    "CREATE INDEX actor_entities_country ON actor_entities(country, type, documents)",
    "CREATE INDEX actor_entities_documents ON actor_entities(documents)",
    """CREATE TABLE agreement_entities (
        pk INTEGER PRIMARY KEY, type TEXT NOT NULL, parties TEXT NOT NULL, label TEXT,
        status TEXT, status_date TEXT, first_seen TEXT, last_seen TEXT, exclusive INTEGER)""",
    "CREATE INDEX agreement_entities_key ON agreement_entities(type, parties)",
    "CREATE INDEX agreement_entities_status ON agreement_entities(status)",
    "CREATE TABLE agreement_parties (agreement INTEGER NOT NULL, country TEXT NOT NULL)",
    "CREATE INDEX agreement_parties_country ON agreement_parties(country, agreement)",
    """CREATE TABLE gathering_entities (
        pk INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT, ordinal INTEGER, parties TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE, first_seen TEXT)""",
    # Per-document records (the contract's lists), each keyed by its document.
    """CREATE TABLE actors (
        pk INTEGER PRIMARY KEY, doc INTEGER NOT NULL, aid TEXT NOT NULL, entity INTEGER NOT NULL,
        type TEXT, name TEXT, canonical TEXT, country TEXT, sector TEXT, roles TEXT, honorifics TEXT)""",
    "CREATE INDEX actors_doc ON actors(doc)",
    "CREATE INDEX actors_entity ON actors(entity)",
    """CREATE TABLE actor_roles (
        entity INTEGER NOT NULL, doc INTEGER NOT NULL, date TEXT, text TEXT, en TEXT)""",
    "CREATE INDEX actor_roles_entity ON actor_roles(entity, date)",
    "CREATE INDEX actor_roles_doc ON actor_roles(doc)",
    """CREATE TABLE mentions (
        doc INTEGER NOT NULL, aid TEXT NOT NULL, start INTEGER, end INTEGER, text TEXT)""",
    "CREATE INDEX mentions_doc ON mentions(doc)",
    """CREATE TABLE statements (
        pk INTEGER PRIMARY KEY, doc INTEGER NOT NULL, speaker TEXT, speaker_entity INTEGER, kind TEXT,
        text TEXT, verb TEXT, start INTEGER, end INTEGER, date TEXT, dup INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX statements_doc ON statements(doc)",
    "CREATE INDEX statements_speaker ON statements(speaker_entity, date)",
    """CREATE TABLE events (
        pk INTEGER PRIMARY KEY, doc INTEGER NOT NULL, eid TEXT NOT NULL, type TEXT, cameo TEXT,
        source TEXT, target TEXT, source_countries TEXT, target_countries TEXT, modality TEXT,
        modes TEXT, context TEXT, time TEXT, date TEXT, trigger TEXT, start INTEGER, end INTEGER,
        sentence INTEGER, source_entity INTEGER, target_entity INTEGER, dup INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX events_doc ON events(doc)",
    # events.source / target: the event's actor ids in its document, "|"-separated.
    # Country pairs of an event (a < b), for timelines between two countries; near-duplicates' events
    # get no pairs, so a wire story carried by several outlets counts once.
    # One b-tree that covers the timeline query (no rowid, no second index).
    """CREATE TABLE event_pairs (a TEXT NOT NULL, b TEXT NOT NULL, date TEXT NOT NULL, type TEXT NOT NULL,
        event INTEGER NOT NULL, PRIMARY KEY (a, b, date, type, event)) WITHOUT ROWID""",
    """CREATE TABLE agreement_observations (
        pk INTEGER PRIMARY KEY, doc INTEGER NOT NULL, gid TEXT, agreement INTEGER NOT NULL,
        type TEXT, label TEXT, parties TEXT, status TEXT, exclusive INTEGER, date TEXT,
        evidence TEXT, dup INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX agreement_observations_agreement ON agreement_observations(agreement, date)",
    "CREATE INDEX agreement_observations_doc ON agreement_observations(doc)",
    """CREATE TABLE milestones (
        observation INTEGER NOT NULL, agreement INTEGER NOT NULL, doc INTEGER NOT NULL, kind TEXT,
        state TEXT, time TEXT, value TEXT, relation TEXT, due TEXT, text TEXT, date TEXT)""",
    "CREATE INDEX milestones_agreement ON milestones(agreement)",
    "CREATE INDEX milestones_due ON milestones(state, due)",
    "CREATE INDEX milestones_doc ON milestones(doc)",
    """CREATE TABLE gatherings (
        doc INTEGER NOT NULL, entity INTEGER NOT NULL, kind TEXT, name TEXT, ordinal INTEGER,
        location TEXT, time TEXT, value TEXT, parties TEXT, attendance TEXT, evidence TEXT, date TEXT,
        dup INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX gatherings_doc ON gatherings(doc)",
    "CREATE INDEX gatherings_entity ON gatherings(entity)",
    """CREATE TABLE quantities (
        doc INTEGER NOT NULL, qid TEXT, value REAL, qualifier TEXT, unit TEXT, text TEXT,
        start INTEGER, end INTEGER)""",
    "CREATE INDEX quantities_doc ON quantities(doc)",
    """CREATE TABLE times (
        doc INTEGER NOT NULL, tid TEXT, text TEXT, value TEXT, granularity TEXT, relation TEXT,
        start INTEGER, end INTEGER)""",
    "CREATE INDEX times_doc ON times(doc)",
    "CREATE TABLE topics (doc INTEGER NOT NULL, topic TEXT NOT NULL)",
    "CREATE INDEX topics_doc ON topics(doc)",
    "CREATE INDEX topics_topic ON topics(topic)",
)

# Version 2, for write speed: mentions are no longer a table (no query reads them; the stored analysis
# keeps them), MinHash band keys are one b-tree (no rowid, no second index), and the full-text index
# merges its segments less eagerly while documents are added (`automerge` 16 instead of 4). Agreement
# reports and milestones carry the offsets of their evidence in the document (NULL in older rows).
# Events and statements are indexed by date, for the newest-first lists.
V2: tuple[str, ...] = (
    "CREATE INDEX events_date ON events(date)",
    "CREATE INDEX statements_date ON statements(date)",
    "ALTER TABLE agreement_observations ADD COLUMN evidence_start INTEGER",
    "ALTER TABLE agreement_observations ADD COLUMN evidence_end INTEGER",
    "ALTER TABLE milestones ADD COLUMN start INTEGER",
    "ALTER TABLE milestones ADD COLUMN end INTEGER",
    "DROP TABLE mentions",
    """CREATE TABLE minhash_keys (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc))
        WITHOUT ROWID""",
    "INSERT OR IGNORE INTO minhash_keys (key, doc) SELECT key, doc FROM minhash_bands",
    "DROP TABLE minhash_bands",
    "ALTER TABLE minhash_keys RENAME TO minhash_bands",
    "INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 16)",
)

# Version 3, for write speed: times and quantities are no longer tables (no query reads them; the
# stored analysis keeps them, as it keeps mentions), and a document's actors keep only what queries
# read (the entity each resolved to, under which name). Milestones get a covering index for the
# overdue query (few rows: most documents report no milestone).
V3: tuple[str, ...] = (
    "DROP TABLE times",
    "DROP TABLE quantities",
    "CREATE TABLE actors_v3 (doc INTEGER NOT NULL, entity INTEGER NOT NULL, name TEXT)",
    "INSERT INTO actors_v3 (doc, entity, name) SELECT doc, entity, name FROM actors ORDER BY pk",
    "DROP TABLE actors",
    "ALTER TABLE actors_v3 RENAME TO actors",
    "CREATE INDEX actors_doc ON actors(doc)",
    "CREATE INDEX actors_entity ON actors(entity)",
    # The overdue query's covering index: milestones by state, agreement and kind, with their dates.
    "CREATE INDEX milestones_expected ON milestones(state, agreement, kind, date, due)",
)

# Version 4: when each document was stored (`added`, ISO 8601 UTC to the second), for the GDELT
# export's DATEADDED; documents stored before it have none.
V4: tuple[str, ...] = (
    "ALTER TABLE documents ADD COLUMN added TEXT",
)

# Version 5, agreements a user can trust: each report keeps what the agreement is about (subject,
# title, one English summary line, its asset quantities and company parties) and whether it counts for
# the board (`relevant`: two parties or a name, in an article about defence, security or foreign
# relations; see relevance.py); each agreement keeps the words that identify it across reports
# (`keys`, see resolve.py), its latest subject, title and summary, and whether any report is relevant.
# Documents keep their relevance score. Plain ALTER/CREATE statements, the same on PostgreSQL.
V5: tuple[str, ...] = (
    "ALTER TABLE documents ADD COLUMN relevance REAL",
    "ALTER TABLE agreement_observations ADD COLUMN subject TEXT",
    "ALTER TABLE agreement_observations ADD COLUMN title TEXT",
    "ALTER TABLE agreement_observations ADD COLUMN summary TEXT",
    "ALTER TABLE agreement_observations ADD COLUMN assets TEXT",
    "ALTER TABLE agreement_observations ADD COLUMN companies TEXT",
    "ALTER TABLE agreement_observations ADD COLUMN relevant INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE agreement_entities ADD COLUMN subject TEXT",
    "ALTER TABLE agreement_entities ADD COLUMN title TEXT",
    "ALTER TABLE agreement_entities ADD COLUMN summary TEXT",
    "ALTER TABLE agreement_entities ADD COLUMN keys TEXT",
    "ALTER TABLE agreement_entities ADD COLUMN relevant INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX agreement_entities_relevant ON agreement_entities(relevant, last_seen)",
)

# Version 6, lists that page at archive size: actor entities most reported first, ties by id, read
# straight from an index with or without a country or type filter (no sort of every actor). A
# descending index keeps its rowid ascending, the lists' tie order.
V6: tuple[str, ...] = (
    "DROP INDEX actor_entities_documents",
    "DROP INDEX actor_entities_country",
    "CREATE INDEX actor_entities_ranked ON actor_entities(documents DESC)",
    "CREATE INDEX actor_entities_country ON actor_entities(country, documents DESC)",
    "CREATE INDEX actor_entities_type ON actor_entities(type, documents DESC)",
    "CREATE INDEX actor_entities_country_type ON actor_entities(country, type, documents DESC)",
)

# Version 7: the events between each pair of countries counted as they are stored (`pair_counts`, kept
# by every write and every replaced document), so the country-pair lists read a few thousand rows,
# not a GROUP BY over every event pair (half a second on a million events, after every write).
V7: tuple[str, ...] = (
    """CREATE TABLE pair_counts (a TEXT NOT NULL, b TEXT NOT NULL, events INTEGER NOT NULL,
        PRIMARY KEY (a, b))""",
    "INSERT INTO pair_counts (a, b, events) SELECT a, b, count(*) FROM event_pairs GROUP BY a, b",
)

# MIGRATIONS[i] upgrades version i to i + 1; the current version is len(MIGRATIONS).
MIGRATIONS: tuple[tuple[str, ...], ...] = (V1, V2, V3, V4, V5, V6, V7)
SCHEMA_VERSION = len(MIGRATIONS)

# Per-document tables, deleted when a document is replaced (same id, new content).
DOCUMENT_TABLES: tuple[tuple[str, str], ...] = (
    ("actors", "doc"), ("actor_roles", "doc"), ("statements", "doc"),
    ("agreement_observations", "doc"), ("milestones", "doc"), ("gatherings", "doc"), ("topics", "doc"),
)
