"""Agreements across reports (issue 16), on invented report series: one deal under three names over a
year stays one; two deals between the same two countries in one month stay two; a one-word reference
joins only a clear single candidate; relevance decides what the board shows by default."""

from __future__ import annotations

import pytest

from jalin import analyze
from jalin.store import open_store
from jalin.store.relevance import document_relevance, qualified
from jalin.store.resolve import EntityIndex, agreement_keys


@pytest.fixture()
def store(new_db):
    with open_store(new_db()) as kb:
        yield kb


def _add(store, *reports: tuple[str, str, str]) -> None:
    store.add_analyses([analyze(text, id=doc_id, published=day) for doc_id, day, text in reports])


def _histories(store, country: str) -> list[list[str]]:
    return sorted([h["doc_id"] for h in r["history"]] for r in store.agreement_records(country=country))


THREE_NAMES = (
    ("vn-1", "2024-02-10", "HANOI: Vietnam and Brazil are negotiating a contract for 12 EMB-314 Super Tucano "
                           "trainer aircraft, the defence ministry said."),
    ("vn-2", "2024-06-15", "HANOI: Vietnam signed a procurement contract with Brazil for the Super Tucano "
                           "trainer jets on Monday, officials said."),
    ("vn-3", "2024-12-01", "HANOI: Vietnam and Brazil have put into force an agreement for the Super "
                           "Tucano trainers, the minister said."),
)


def test_one_deal_under_three_names_over_a_year_is_one_agreement(store):
    _add(store, *THREE_NAMES)
    assert _histories(store, "VNM") == [["vn-1", "vn-2", "vn-3"]]
    [record] = store.agreement_records(country="BRA")
    assert "Tucano" in record["subject"]


def test_two_deals_between_the_same_countries_in_one_month_stay_two(store):
    _add(store,
         ("ph-1", "2024-03-05", "MANILA: The Philippines and South Korea signed a memorandum of "
                                "understanding on submarine maintenance."),
         ("ph-2", "2024-03-20", "MANILA: The Philippines and South Korea signed a memorandum of "
                                "understanding on coast guard training."))
    assert _histories(store, "PHL") == [["ph-1"], ["ph-2"]]
    # A one-word reference cannot choose between the two: it stays apart from both.
    _add(store, ("ph-3", "2024-03-25", "MANILA: The Philippines and South Korea will review the MoU next "
                                       "year, the minister said."))
    assert _histories(store, "PHL") == [["ph-1"], ["ph-2"], ["ph-3"]]


def test_a_one_word_reference_joins_a_clear_single_candidate(store):
    _add(store,
         ("cl-1", "2024-03-05", "SANTIAGO: Chile and Peru signed a memorandum of understanding on border "
                                "demining."),
         ("cl-2", "2024-04-02", "SANTIAGO: Chile and Peru will review the MoU next year, the minister said."))
    assert _histories(store, "CHL") == [["cl-1", "cl-2"]]


def test_a_one_word_reference_long_after_stays_apart(store):
    _add(store,
         ("cl-1", "2024-03-05", "SANTIAGO: Chile and Peru signed a memorandum of understanding on border "
                                "demining."),
         ("cl-2", "2025-01-20", "SANTIAGO: Chile and Peru will review the MoU next year, the minister said."))
    assert _histories(store, "CHL") == [["cl-1"], ["cl-2"]]


def test_keys_leave_out_vocabulary_and_the_record_s_own_fallbacks():
    assert agreement_keys("memorandum of understanding", None, "defence procurement") == frozenset()
    keys = agreement_keys("contract", None, "12 EMB-314 Super Tucano trainer aircraft")
    assert keys >= {"emb-314", "tucano"}
    assert agreement_keys("agreement", "Golden Wing Accord", None) >= {"golden", "wing"}


def test_purchase_kinds_are_kin_but_other_kinds_need_their_own_type_to_join_vaguely():
    index = EntityIndex()
    first, _ = index.agreement("loi", "BRA|VNM", "2024-01-10", "signed", "LOI",
                               frozenset({"tucano", "trainer"}))
    assert index.agreement("procurement_contract", "BRA|VNM", "2024-05-01", "signed", "contract",
                           frozenset({"tucano", "trainer", "jets"})) == (first, False)
    assert index.agreement("mou", "BRA|VNM", "2024-05-02", "signed", "MoU", frozenset())[1]


def test_an_undated_vague_report_joins_nothing():
    index = EntityIndex()
    index.agreement("mou", "CHL|PER", "2024-03-05", "signed", "MoU", frozenset({"demining"}))
    assert index.agreement("mou", "CHL|PER", None, "signed", "MoU", frozenset())[1]


DEFENCE = ("HANOI: Vietnam and Brazil signed a defence cooperation agreement on naval training, the defence "
           "ministers said after their talks. The two navies will hold joint exercises and the armed forces "
           "will exchange officers for military training.")


def test_relevance_counts_defence_and_diplomacy_not_business():
    defence = analyze(DEFENCE, published="2024-02-10").to_dict()
    shop = analyze("KUALA LUMPUR: A bakery chain signed a contract with a mall owner for ten new outlets, "
                   "its chief executive said.", published="2024-02-10").to_dict()
    assert document_relevance(defence) >= 0.5 > document_relevance(shop)


def test_an_agreement_needs_two_sides_or_a_name_and_a_stage_of_its_own():
    assert qualified({"parties": ["BRA", "VNM"], "status": "signed"})
    assert not qualified({"parties": ["VNM"], "status": "signed"})
    assert qualified({"parties": ["VNM"], "title": "Golden Wing Accord", "status": "negotiating"})
    assert not qualified({"parties": ["VNM"], "title": "Golden Wing Accord", "status": "unknown"})
    assert qualified({"parties": ["VNM"], "companies": ["a3"], "status": "signed"})
    assert not qualified({"parties": ["BRA", "VNM"], "status": "unknown"})


def test_the_board_shows_relevant_agreements_and_a_filter_shows_all(store):
    _add(store,
         ("ok-1", "2024-02-10", DEFENCE),
         ("no-1", "2024-02-11", "HANOI: Vietnam signed a contract for new office chairs, the ministry said."))
    assert [r["relevant"] for r in store.agreement_records(relevant=True)] == [True]
    assert len(store.agreement_records()) >= 1
    everything = {h["doc_id"] for r in store.agreement_records() for h in r["history"]}
    shown = {h["doc_id"] for r in store.agreement_records(relevant=True) for h in r["history"]}
    assert shown == {"ok-1"} and shown <= everything


def test_a_vague_report_joins_the_single_recent_candidate_of_its_type():
    index = EntityIndex()
    old, _ = index.agreement("mou", "CHL|PER", "2024-01-05", "signed", "MoU", frozenset())
    recent, new = index.agreement("mou", "CHL|PER", "2024-07-01", "signed", "MoU", frozenset())
    assert new and recent != old  # the first is too old for a vague report to name it
    assert index.agreement("mou", "CHL|PER", "2024-07-02", "signed", "memorandum", frozenset()) == (
        recent, False)


def test_bare_agreements_do_not_chain_across_reports():
    index = EntityIndex()
    index.agreement("other", "MYS|USA", "2024-01-05", "signed", "agreement", frozenset())
    assert index.agreement("other", "MYS|USA", "2024-02-01", "signed", "perjanjian", frozenset())[1]
    mou, _ = index.agreement("mou", "CHL|PER", "2024-01-05", "signed", "MoU", frozenset())
    assert index.agreement("mou", "CHL|PER", "2024-03-01", "signed", "MoU", frozenset()) == (mou, False)
    assert index.agreement("mou", "CHL|PER", "2024-06-01", "signed", "MoU", frozenset())[1]  # no chain
