"""Known dashboard mistakes the store must not make: unrelated reports merged into one single-party
agreement, a past "signed in December" read as an overdue deadline, a newspaper listed as a speaker."""

from __future__ import annotations

import pytest

from jalin.store import open_store
from jalin.store.resolve import EntityIndex, label_words
from store_fixtures import minister, pending


@pytest.fixture()
def store(new_db):
    with open_store(new_db("kb")) as kb:
        yield kb


def report(doc_id: str, published: str, parties: list[str], label: str, agreement_type: str = "mou",
           status: str = "signed") -> dict:
    """The seed-like analysis as a contract dict, its agreement changed, its text a short report of its
    own (too short to be anyone's near-duplicate)."""
    data = pending().to_dict()
    data["document"]["id"] = doc_id
    data["document"]["published"] = published
    data["text"] = f"KUALA LUMPUR -- Report {doc_id} says an agreement was signed on {published}."
    agreement = data["agreements"][0]
    agreement.update(type=agreement_type, parties=parties, label=label, status=status, milestones=[])
    return data


def test_label_words_keep_what_names_the_agreement():
    assert label_words("Memorandum Persefahaman (MoU)") == frozenset()
    assert label_words("memorandum of understanding") == frozenset()
    assert label_words("Perjanjian Malaysia 1963") == {"malaysia", "1963"}
    assert label_words(None) == frozenset()


def test_single_party_agreements_with_generic_labels_stay_apart():
    index = EntityIndex()
    first, new = index.agreement("mou", "MYS", "2018-01-18", "signed", "memorandum persefahaman")
    assert new
    second, new = index.agreement("mou", "MYS", "2018-02-20", "signed", "memorandum of understanding (MoU)")
    assert new and second != first
    # ...but reports naming the same agreement do merge, across languages.
    named, _ = index.agreement("other", "MYS", "2018-02-21", "signed", "Perjanjian Malaysia 1963")
    assert index.agreement("other", "MYS", "2018-06-12", "signed", "Malaysia Agreement 1963 (MA63)") == (
        named, False)
    assert index.agreement("other", "MYS", "2018-06-12", "signed", "Perjanjian Pemisahan 1965")[1]


def test_two_party_agreements_need_shared_words_and_a_vague_report_a_single_candidate():
    index = EntityIndex()
    first, _ = index.agreement("other", "MYS|SGP", "2018-07-09", "signed", "perjanjian")
    # A named report shares nothing with a vague one: another agreement (issue 16).
    named, new = index.agreement("other", "MYS|SGP", "2018-07-10", "signed", "Perjanjian Air 1962")
    assert new and named != first
    water = index.agreement("other", "MYS|SGP", "2018-08-01", "signed", "Water Agreement 1962")
    assert water == (named, False)
    # Two candidates: a vague report cannot choose, and stays apart.
    assert index.agreement("other", "MYS|SGP", "2018-09-23", "signed", "agreement")[1]
    assert index.agreement("other", "MYS|SGP", "2018-09-23", "signed", "Perjanjian Pemisahan 1965")[1]
    assert index.relabelled == {}


def test_store_keeps_unrelated_one_party_reports_apart(store):
    store.add_analyses([report("a", "2016-10-16", ["MYS"], "contract", "procurement_contract"),
                        report("b", "2017-02-13", ["MYS"], "kontrak", "procurement_contract"),
                        report("c", "2018-02-02", ["MYS"], "purchase agreement", "procurement_contract")])
    records = store.agreement_records()
    assert sorted(len(r["history"]) for r in records) == [1, 1, 1]
    store.add_analyses([report("d", "2018-03-01", ["KOR", "MYS"], "MoU"),
                        report("e", "2018-04-01", ["KOR", "MYS"], "memorandum persefahaman (MoU)")])
    kor = store.agreement_records(country="KOR")
    assert [[h["doc_id"] for h in r["history"]] for r in kor] == [["d", "e"]]


def test_a_past_time_on_an_expected_milestone_is_no_deadline(store):
    data = report("late-report", "2017-09-25", ["KOR", "MYS"], "MoU", status="negotiating")
    data["times"] = [{"id": "t1", "text": "in December", "value": "2016-12", "granularity": "month",
                      "relation": "on", "start": 0, "end": 11}]
    data["agreements"][0]["milestones"] = [
        {"kind": "signing", "state": "expected", "time": "t1", "text": "signed in December"}]
    store.add_analyses([data])
    assert store.agreement_records(overdue=True, as_of="2018-01-01") == []
    (record,) = store.agreement_records(as_of="2018-01-01")
    assert record["overdue"] == []
    # The same milestone reported before December is a deadline, overdue once it passes unreported.
    early = report("early-report", "2016-10-01", ["KOR", "MYS"], "MoU", status="negotiating")
    early["times"] = data["times"]
    early["agreements"][0]["milestones"] = data["agreements"][0]["milestones"]
    store.add_analyses([early])
    assert [m["due"] for m in store.agreement_records(as_of="2017-01-15")[0]["overdue"]] == ["2016-12-31"]


def test_a_done_milestone_is_never_overdue(store):
    data = report("done", "2016-10-01", ["KOR", "MYS"], "MoU", status="negotiating")
    data["times"] = [{"id": "t1", "text": "in December", "value": "2016-12", "granularity": "month",
                      "relation": "on", "start": 0, "end": 11}]
    data["agreements"][0]["milestones"] = [
        {"kind": "signing", "state": "done", "time": "t1", "text": "signed in December"}]
    store.add_analyses([data])
    assert store.agreement_records(overdue=True, as_of="2018-01-01") == []


def _media(aid: str, name: str) -> dict:
    return {"id": aid, "type": "ORGANISATION", "name": name, "canonical": name, "country": None,
            "sector": "MED", "roles": [], "honorifics": [],
            "mentions": [{"start": 0, "end": 1, "text": name}]}


def test_the_publisher_is_no_speaker_but_a_quoted_outlet_is(store):
    data = pending(minister("a3", "Khaled Nordin", [])).to_dict()
    data["document"]["source"] = "Bernama"
    data["actors"] += [_media("a4", "Bernama"), _media("a5", "Reuters")]
    said = data["statements"][0]
    data["statements"] += [{**said, "speaker": "a4", "start": 50, "end": 90, "text": data["text"][50:90]},
                           {**said, "speaker": "a5", "start": 100, "end": 140, "text": data["text"][100:140]}]
    store.add_analyses([data])
    actors = store.actors().set_index("name")
    assert actors.loc["Bernama", "statements"] == 0
    assert actors.loc["Reuters", "statements"] == 1
    assert actors.loc["Khaled Nordin", "statements"] == 1
    speakers = store.latest_statements(limit=10, per_document=5)["speaker"]
    assert speakers.fillna("-").tolist() == ["Khaled Nordin", "-", "Reuters"]
    # The stored analysis is unchanged: the statement still names its speaker there.
    assert [s["speaker"] for s in store.document("seed-like")["statements"]] == ["a3", "a4", "a5"]
