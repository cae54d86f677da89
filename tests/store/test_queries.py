"""The store's filtered queries (documents, events, statements, country pairs, actors by id) and the
offsets it keeps for evidence and triggers, on hand-made analyses."""

from __future__ import annotations

from datetime import date

import pytest

from jalin.store import open_store
from store_fixtures import APPROVED_TEXT, PENDING_TEXT, approved, minister, pending


@pytest.fixture()
def store(new_db):
    with open_store(new_db("kb")) as kb:
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


def test_agreement_pages_are_the_full_list_cut(new_db):
    """A page of agreements (history read for that page only) is the head of the whole list, with
    every filter; pages of any size agree."""
    from store_fixtures import g2g_analysis

    partners = ["KOR", "JPN", "IDN", "SGP", "THA", "AUS", "IND"]
    reports = []
    for i, partner in enumerate(partners):
        text = (f"PUTRAJAYA, Oct {i + 1} -- Malaysia and its partner number {i + 1} agreed a procurement "
                f"deal on defence industry cooperation, the ministry said in a statement today.")
        status = "signed" if i % 2 else "pending_approval"
        analysis = g2g_analysis(f"doc-{i}", f"2025-10-{i + 1:02d}", text, status, "expected", "2025-10")
        analysis.agreements[0].parties = sorted(["MYS", partner])
        reports.append(analysis)
    with open_store(new_db("kb")) as store:
        store.add_analyses(reports)
        everything = store.agreement_records()
        assert [r["parties"] for r in everything][:3] == [["IND", "MYS"], ["AUS", "MYS"], ["MYS", "THA"]]
        for size in (1, 2, 3, 7, 9):
            assert store.agreement_records(limit=size) == everything[:size]
        signed = store.agreement_records(status="signed")
        assert [r["parties"] for r in signed] == [["AUS", "MYS"], ["MYS", "SGP"], ["JPN", "MYS"]]
        assert store.agreement_records(status="signed", limit=2) == signed[:2]
        late = store.agreement_records(overdue=True, as_of="2025-12-01")
        assert [r["parties"][0] for r in late] == ["IND", "MYS", "IDN", "KOR"]
        assert store.agreement_records(overdue=True, as_of="2025-12-01", limit=3) == late[:3]
        store.add_analyses([pending(), approved()])  # one approval after its expected milestone
        for day in ("2025-09-01", "2025-10-05", "2025-10-31", "2025-11-01", "2025-11-15", "2026-06-01"):
            # The SQL that picks agreements that may be overdue leaves none out.
            assert store.agreement_records(overdue=True, as_of=day) == [
                r for r in store.agreement_records(as_of=day) if r["overdue"]]
        assert store.agreement_records(overdue=True) == [r for r in store.agreement_records() if r["overdue"]]
        assert store.agreement_records(country="THA", limit=5) == [r for r in everything
                                                                    if "THA" in r["parties"]]
