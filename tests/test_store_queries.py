"""The store's filtered queries (documents, events, statements, country pairs, actors by id) and the
offsets it keeps for evidence and triggers, on hand-made analyses."""

from __future__ import annotations

from datetime import date

import pytest

from jalin.store import open_store
from store_fixtures import APPROVED_TEXT, PENDING_TEXT, approved, minister, pending


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "kb.db") as kb:
        kb.add_analyses([pending(minister("a3", "Mohamed Khaled Nordin", ["Datuk Seri"])),
                         approved(minister("a3", "Khaled Nordin", []))])
        yield kb


def test_documents_newest_first_and_filtered(store):
    assert store.documents()["id"].tolist() == ["follow-up", "seed-like"]
    assert store.documents(source="bernama")["id"].tolist() == ["follow-up", "seed-like"]
    assert store.documents(source="Reuters").empty
    assert store.documents(language="ms").empty
    assert store.documents(date_from=date(2025, 10, 1))["id"].tolist() == ["follow-up"]
    assert store.documents(date_to="2025-09-30")["id"].tolist() == ["seed-like"]
    assert store.documents(limit=1)["id"].tolist() == ["follow-up"]


def test_events_between_countries_either_direction(store):
    both = store.events("KOR", "MYS")
    assert both["document"].tolist() == ["follow-up", "seed-like"]
    assert store.events("mys")["document"].tolist() == ["follow-up", "seed-like"]
    assert store.events("MYS", "JPN").empty
    assert store.events("JPN").empty
    assert store.events(type="agree", date_from="2025-10-01")["document"].tolist() == ["follow-up"]
    assert store.events(type="ASSAULT").empty
    assert store.events("MYS", limit=1)["document"].tolist() == ["follow-up"]
    first = both.iloc[-1]
    assert (first["trigger"], first["trigger_start"], first["trigger_end"]) == (PENDING_TEXT[:8], 0, 8)


def test_latest_statements_newest_first_capped_per_document(store):
    latest = store.latest_statements(limit=10, per_document=1)
    assert latest["document"].tolist() == ["follow-up", "seed-like"]
    assert latest["text"].tolist() == [APPROVED_TEXT[:40], PENDING_TEXT[:40]]
    assert latest["speaker"].tolist() == ["Mohamed Khaled Nordin", "Mohamed Khaled Nordin"]
    assert store.latest_statements(limit=1)["document"].tolist() == ["follow-up"]


def test_country_pairs_count_events_once(store):
    pairs = store.country_pairs()
    assert [tuple(r) for r in pairs.itertuples(index=False, name=None)] == [("KOR", "MYS", 2)]


def test_actor_by_id_gives_names_roles_and_statements(store):
    people = store.actors(type="PERSON")
    assert len(people) == 1
    actor = store.actor_by_id(int(people["id"][0]))
    assert actor["name"] == "Mohamed Khaled Nordin"
    assert actor["names"] == ["Khaled Nordin", "Mohamed Khaled Nordin"]
    assert [r["en"] for r in actor["roles"]] == ["Minister of Defence"]
    assert [(s["document"], s["start"], s["end"]) for s in actor["statements"]] == [
        ("seed-like", 0, 40), ("follow-up", 0, 40)]
    assert store.actor_by_id(999) is None


def test_evidence_offsets_in_records_and_flat_tables(store):
    (record,) = store.agreement_records(as_of="2025-09-30")
    step = record["history"][0]
    assert (step["evidence"], step["start"], step["end"]) == (PENDING_TEXT[:30], 0, 30)
    assert [(m["start"], m["end"]) for m in record["milestones"]] == [(20, 60)]
    reports = store.table("agreement_observations")
    assert reports[["evidence_start", "evidence_end"]].values.tolist() == [[0, 30], [0, 30]]
