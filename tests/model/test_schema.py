"""The contract's JSON Schema and validator: accepts good analyses, names what is wrong in bad ones."""

from __future__ import annotations

import copy
import json

import pytest

from helpers import assert_valid
from jalin.model import Analysis
from jalin.pipeline import analyze
from jalin.schema import AnalysisInvalid, validate

TEXT = "KUALA LUMPUR: Malaysia dan Indonesia menandatangani memorandum persefahaman pada Isnin. – Bernama"


def _full() -> dict:
    data = analyze(TEXT, published="2025-03-03").to_dict()
    data["actors"] = [{"id": "a1", "type": "COUNTRY", "name": "Malaysia", "canonical": "Malaysia",
                       "country": "MYS", "sector": None, "roles": [], "honorifics": [],
                       "mentions": [{"start": 14, "end": 22, "text": "Malaysia"}]},
                      {"id": "a2", "type": "COUNTRY", "name": "Indonesia", "canonical": "Indonesia",
                       "country": "IDN", "sector": None, "roles": [], "honorifics": [],
                       "mentions": [{"start": 27, "end": 36, "text": "Indonesia"}]}]
    start = TEXT.index("Isnin")
    data["times"] = [{"id": "t1", "text": "Isnin", "value": "2025-03-03", "granularity": "day",
                      "relation": "on", "start": start, "end": start + 5}]
    trig = TEXT.index("menandatangani")
    data["events"] = [{"id": "e1", "type": "AGREE", "cameo": "057", "source": ["a1"], "target": ["a2"],
                       "modality": "asserted", "modes": [], "context": ["diplomatic"], "time": "t1",
                       "trigger": {"start": trig, "end": trig + 14, "text": "menandatangani"},
                       "sentence": 0}]
    data["agreements"] = [{"id": "g1", "type": "mou", "label": "memorandum persefahaman",
                           "parties": ["IDN", "MYS"], "status": "signed", "exclusive": None, "modes": [],
                           "milestones": [{"kind": "signing", "state": "done", "time": "t1",
                                           "text": "menandatangani"}],
                           "evidence": [{"start": 0, "end": 85}], "subject": "border security",
                           "title": None, "assets": [], "companies": [],
                           "summary": "Indonesia and Malaysia: memorandum of understanding, signed"}]
    data["topics"] = ["diplomatic"]
    return data


def test_an_agreement_without_the_additive_fields_is_valid_and_reads_with_defaults() -> None:
    data = _full()
    for field in ("subject", "title", "assets", "companies", "summary"):
        del data["agreements"][0][field]
    assert_valid(data)
    again = Analysis.from_dict(data).agreements[0]
    found = (again.subject, again.title, again.assets, again.companies, again.summary)
    assert found == (None, None, [], [], "")


def test_an_asset_id_must_name_a_quantity_and_a_company_an_actor() -> None:
    data = _full()
    data["agreements"][0]["assets"] = ["q7"]
    with pytest.raises(AnalysisInvalid, match="assets"):
        validate(data)
    data["agreements"][0]["assets"] = []
    data["agreements"][0]["companies"] = ["a9"]
    with pytest.raises(AnalysisInvalid, match="companies"):
        validate(data)


def test_full_hand_made_analysis_is_valid_and_round_trips() -> None:
    data = _full()
    assert_valid(data)
    again = Analysis.from_dict(json.loads(json.dumps(data)))
    assert again.to_dict() == data


def test_additive_fields_are_allowed() -> None:
    data = _full()
    data["document"]["crawler"] = "x"
    data["events"][0]["confidence"] = 0.9
    validate(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["document"].update(language="malay"), "$.document.language: 'malay' is not one of"),
        (lambda d: d.pop("topics"), "'topics' is a required property"),
        (lambda d: d["events"][0].update(type="COOPERATION"), "$.events[0].type"),
        (lambda d: d["agreements"][0].update(status="done"), "$.agreements[0].status"),
        (lambda d: d["actors"][0].update(country="MY"), "$.actors[0].country"),
        (lambda d: d.update(schema="jalin.analysis/2"), "$.schema"),
        (lambda d: d["times"][0].update(end=10_000), "$.times[0]: span [81, 10000) is not inside text"),
        (lambda d: d["actors"][0]["mentions"][0].update(text="Malaysian"), "differs from text[14:22]"),
        (lambda d: d["events"][0].update(source=["a9"]), "$.events[0].source: 'a9' is not the id"),
        (lambda d: d["events"][0].update(time="t7"), "$.events[0].time: 't7'"),
        (lambda d: d["events"][0].update(sentence=3), "$.events[0].sentence: 3 is not the index"),
        (lambda d: d["sentences"].append({"start": 5, "end": 9}), "before the previous sentence ends"),
    ],
)
def test_broken_analyses_are_named(change, message: str) -> None:
    data = copy.deepcopy(_full())
    change(data)
    with pytest.raises(AnalysisInvalid) as caught:
        validate(data)
    assert message in str(caught.value)
