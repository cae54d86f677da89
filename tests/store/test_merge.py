"""Cross-document merging in the store, on hand-made analyses."""

from __future__ import annotations

import json
import sqlite3

import pytest

from jalin.store import SQLiteStore, open_store
from jalin.store.schema import SCHEMA_VERSION
from store_fixtures import APPROVED_TEXT, PENDING_TEXT, approved, minister, pending


@pytest.fixture()
def store(new_db):
    with open_store(new_db("kb")) as kb:
        yield kb


def test_status_history_merges_two_reports_into_one_agreement(store):
    store.add_analyses([pending()])
    store.add_analyses([approved()])
    records = store.agreement_records()
    assert len(records) == 1
    record = records[0]
    assert record["type"] == "g2g_procurement"
    assert record["parties"] == ["KOR", "MYS"]
    assert [(h["date"], h["status"], h["doc_id"]) for h in record["history"]] == [
        ("2025-09-22", "pending_approval", "seed-like"), ("2025-10-22", "approved", "follow-up")]
    assert record["status"] == "approved"
    assert record["exclusive"] is True
    assert record["history"][0]["evidence"] == PENDING_TEXT[:30]


def test_overdue_only_while_the_approval_is_unreported(store):
    store.add_analyses([pending()])
    late = store.agreement_records(overdue=True, as_of="2025-11-15")
    assert [r["id"] for r in late] == [1]
    assert late[0]["overdue"] == [{
        "kind": "cabinet_approval", "due": "2025-10-31", "value": "2025-10", "relation": "by",
        "text": PENDING_TEXT[20:60], "document": "seed-like", "reported": "2025-09-22",
        "start": 20, "end": 60}]
    assert store.agreement_records(overdue=True, as_of="2025-10-31") == []
    store.add_analyses([approved()])
    assert store.agreement_records(overdue=True, as_of="2025-11-15") == []
    # As of a date before the follow-up was published, the agreement was still pending and late.
    assert store.agreement_records(overdue=True, as_of="2025-11-15") == []
    before = store.agreement_records(as_of="2025-10-01")
    assert before[0]["status"] == "pending_approval"
    assert store.agreement_records(status="approved")[0]["status"] == "approved"
    assert store.agreement_records(status="pending_approval") == []


def test_order_of_arrival_does_not_change_the_record(store):
    store.add_analyses([approved(), pending()])
    record = store.agreement_records(country="kor")[0]
    assert [h["status"] for h in record["history"]] == ["pending_approval", "approved"]
    assert record["status"] == "approved"
    assert store.agreement_records(country="TUR") == []


def test_person_resolved_across_reports_by_name_variants(store):
    full = minister("a3", "Mohd Hafiz Ramli", ["Datuk Seri"])
    short = minister("a3", "Hafiz Ramli", [])
    store.add_analyses([pending(full)])
    store.add_analyses([approved(short)])
    people = store.actors(type="PERSON")
    assert people[["name", "country", "documents", "statements"]].values.tolist() == [
        ["Mohd Hafiz Ramli", "MYS", 2, 2]]
    record = store.actor_record("Datuk Seri Hafiz Ramli")
    assert record["name"] == "Mohd Hafiz Ramli"
    assert record["names"] == ["Hafiz Ramli", "Mohd Hafiz Ramli"]
    assert [(r["en"], r["first_seen"], r["last_seen"]) for r in record["roles"]] == [
        ("Minister of Defence", "2025-09-22", "2025-10-22")]
    assert [s["document"] for s in record["statements"]] == ["seed-like", "follow-up"]
    assert store.actor_record("Nobody Atall") is None


def test_shorter_name_first_then_fuller_name_updates_the_entity(store):
    store.add_analyses([pending(minister("a3", "Hafiz Ramli", []))])
    store.add_analyses([approved(minister("a3", "Mohd Hafiz Ramli", []))])
    assert store.actors(type="PERSON")["name"].tolist() == ["Mohd Hafiz Ramli"]


def test_an_actor_is_found_under_the_fuller_name_it_is_shown_under(store):
    store.add_analyses([pending(minister("a3", "Farid Hakimi", []))])
    store.add_analyses([approved(minister("a3", "Farid Osman Hakimi", []))])
    [shown] = store.actors(type="PERSON")["name"].tolist()
    assert shown == "Farid Osman Hakimi"
    assert store.actor_record(shown)["name"] == shown
    assert store.actor_record("Farid Hakimi")["name"] == shown
    assert store.actor_record("Farid Osman Razali") is None


def test_countries_and_gatherings_are_single_entities(store):
    store.add_analyses([pending(), approved()])
    countries = store.actors(type="COUNTRY")
    assert sorted(countries["country"]) == ["KOR", "MYS"]
    assert countries["documents"].tolist() == [2, 2]
    assert store.counts()["gathering_entities"] == 1


def test_adding_again_adds_nothing(store):
    first = store.add_analyses([pending(), approved()])
    again = store.add_analyses([pending(), approved(), pending().to_json(), approved().to_dict()])
    assert (first.added, again.added, again.skipped) == (2, 0, 4)
    assert store.counts()["documents"] == 2
    assert store.counts()["agreement_observations"] == 2


def test_new_content_under_same_id_replaces_the_old_version(store):
    store.add_analyses([pending()])
    changed = pending()
    changed.text = changed.text + " More later."
    result = store.add_analyses([changed])
    assert (result.added, result.replaced) == (1, 1)
    counts = store.counts()
    assert (counts["documents"], counts["agreement_observations"], counts["events"]) == (1, 1, 1)
    assert store.document("seed-like")["text"].endswith("More later.")
    assert store.search("later")["id"].tolist() == ["seed-like"]
    assert store.country_pair_rows() == [{"a": "KOR", "b": "MYS", "events": 1}]  # counted once, not twice


def test_country_pair_counts_follow_writes_and_replacements(store):
    def counted() -> list[tuple[str, str, int]]:
        return [(r["a"], r["b"], r["events"]) for r in store.country_pair_rows(50)]

    store.add_analyses([pending(), approved()])
    assert counted() == [("KOR", "MYS", 2)]
    gone = approved()
    gone.events = []
    gone.text += " No event now."
    store.add_analyses([gone])  # same id, new content: its event pair goes with the old version
    assert counted() == [("KOR", "MYS", 1)]
    first = pending()
    first.events = []
    first.text += " None here either."
    store.add_analyses([first])
    assert counted() == []


def test_document_round_trips_its_analysis_exactly(store):
    analysis = pending()
    store.add_analyses([analysis])
    stored = store.document("seed-like")
    assert stored.pop("duplicate_of") is None
    assert json.dumps(stored, ensure_ascii=False, separators=(",", ":")) == analysis.to_json()
    assert store.document("missing") is None
    assert store.has_document("seed-like") and not store.has_document("missing")


WIRE_STORY = (
    "The minister told reporters after opening the seminar that both countries had agreed to speed up work "
    "on joint production of armoured vehicles and naval vessels, and that local companies would receive "
    "technology transfer under the offset programme. He said about 150 participants from government, "
    "universities and industry attended the two-day event, which also discussed the use of artificial "
    "intelligence in defence. More than 20 Malaysian defence companies took part, along with the "
    "representatives of major Korean defence firms.")


def test_near_duplicate_is_linked_and_counted_once(store):
    original = pending()
    original.text = PENDING_TEXT + " " + WIRE_STORY
    copy = pending()
    copy.document.id = "other-outlet"
    copy.text = original.text + " Read more at our website."
    result = store.add_analyses([original, copy])
    assert (result.added, result.duplicates) == (2, 1)
    assert store.document("other-outlet")["duplicate_of"] == "seed-like"
    record = store.agreement_records()[0]
    assert [h["doc_id"] for h in record["history"]] == ["seed-like"]
    assert store.timeline("MYS", "KOR")["events"].tolist() == [1]
    unrelated = approved()
    assert store.add_analyses([unrelated]).duplicates == 0
    assert APPROVED_TEXT not in PENDING_TEXT


def test_timeline_counts_events_by_period_either_order(store):
    store.add_analyses([pending(), approved()])
    frame = store.timeline("KOR", "MYS", by="month")
    assert frame.values.tolist() == [["2025-09", "AGREE", 1], ["2025-10", "AGREE", 1]]
    assert store.timeline("mys", "kor", by="year").values.tolist() == [["2025", "AGREE", 2]]


def test_search_full_text(store):
    store.add_analyses([pending(), approved()])
    assert store.search("Cabinet approved")["id"].tolist() == ["follow-up"]
    assert set(store.search("procurement")["id"]) == {"seed-like", "follow-up"}
    assert store.search('"unbalanced AND (').empty
    assert store.search("").empty


def test_failed_batch_leaves_nothing_behind(store):
    broken = pending().to_dict()
    del broken["events"]
    with pytest.raises(KeyError):
        store.add_analyses([approved(), broken])
    assert store.counts()["documents"] == 0
    store.add_analyses([approved()])
    assert store.counts()["agreement_entities"] == 1


def test_schema_is_versioned_and_refuses_a_newer_database(tmp_path):
    path = tmp_path / "kb.db"
    with SQLiteStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(RuntimeError, match="newer"):
        SQLiteStore(path)


def test_two_connections_share_entities(new_db):
    path = new_db("kb")
    first, second = open_store(path), open_store(path)
    first.add_analyses([pending()])
    second.add_analyses([approved()])
    first.add_analyses([approved(minister("a3", "Hafiz Ramli", []))])
    assert first.counts()["agreement_entities"] == 1
    assert len(first.agreement_records()[0]["history"]) == 2
    first.close()
    second.close()


def test_agreement_records_limit(store):
    store.add_analyses([pending(), approved()])
    assert store.agreement_records(limit=0) == []
    assert [r["status"] for r in store.agreement_records(limit=1)] == ["approved"]
    assert store.agreements(country="MYS")["status"].tolist() == ["approved"]


def test_a_version_1_store_is_migrated_and_still_read(tmp_path):
    """A store written by schema version 1 (zlib analyses, a mentions table, band keys with a rowid)
    opens at the current version, keeps its documents and near-duplicate keys, and replaces them."""
    import zlib

    import orjson

    from jalin.store.neardup import bands, signature
    from jalin.store.schema import V1

    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    for statement in V1:
        con.execute(statement)
    data = pending().to_dict()
    text = data["text"]
    sig = signature(text)
    stored = zlib.compress(orjson.dumps({k: v for k, v in data.items() if k != "text"}), 1)
    con.execute("INSERT INTO documents (pk, id, content_hash, text, analysis, minhash) "
                "VALUES (1, ?, ?, ?, ?, ?)",
                (data["document"]["id"], "old-hash", text, stored, sig))
    con.execute("INSERT INTO documents_fts (rowid, title, text) VALUES (1, '', ?)", (text,))
    con.executemany("INSERT INTO minhash_bands (key, doc) VALUES (?, 1)", [(k,) for k in bands(sig)])
    con.execute("INSERT INTO actors (pk, doc, aid, entity, type, name, country) "
                "VALUES (1, 1, 'a1', 7, 'COUNTRY', 'Malaysia', 'MYS')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    with SQLiteStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [tuple(r) for r in store._con.execute("SELECT doc, entity, name FROM actors")] == [
            (1, 7, "Malaysia")]
        assert store.document("seed-like")["text"] == text
        assert store.document("seed-like")["agreements"][0]["status"] == "pending_approval"
        # The same id with new content replaces the old version, band keys included.
        assert store.add_analyses([pending()]).replaced == 1
        assert store._con.execute("SELECT count(*) FROM minhash_bands").fetchone()[0] == len(bands(sig))
        assert store.counts()["documents"] == 1
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    con.close()
    assert not tables & {"mentions", "times", "quantities"}
