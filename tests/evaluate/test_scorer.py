"""The scorer itself, on hand-made gold and hand-made `jalin.analysis/1` predictions."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import SHARED_DIR
from jalin.cli import app
from jalin.evaluate import GoldError, Report, load_gold, score_document, to_json
from jalin.evaluate.fold import fold, honorific_set, name_tokens, names_match
from jalin.evaluate.report import FileScore, explain_lines
from jalin.model import Analysis

SHARED = SHARED_DIR

TEXT = (
    "PUTRAJAYA: Malaysia dan Jepun akan memeterai perjanjian kerjasama pertahanan menjelang Disember, "
    "kata Menteri Pertahanan Datuk Seri Aminah Yusof. "
    "\u201cKami bersedia berkongsi kepakaran latihan dengan Tokyo,\u201d katanya. "
    "Lebih 40 syarikat menyertai Pameran Pertahanan Asia Keempat di Kuala Lumpur."
)


def span(needle: str) -> dict[str, Any]:
    start = TEXT.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


def sentences() -> list[dict[str, int]]:
    cuts, start = [], 0
    for end_mark in ("Aminah Yusof.", "katanya.", "Kuala Lumpur."):
        end = TEXT.index(end_mark) + len(end_mark)
        cuts.append({"start": start, "end": end})
        start = end + 1
    return cuts


def perfect_prediction() -> dict[str, Any]:
    minister = span("Menteri Pertahanan Datuk Seri Aminah Yusof")
    quote = span("Kami bersedia berkongsi kepakaran latihan dengan Tokyo,")
    return {
        "schema": "jalin.analysis/1",
        "document": {"id": "d1", "source": None, "published": "2025-09-01", "dateline": "PUTRAJAYA",
                     "language": "ms", "title": None, "url": None},
        "text": TEXT,
        "sentences": sentences(),
        "actors": [
            {"id": "a1", "type": "COUNTRY", "name": "Malaysia", "canonical": "Malaysia", "country": "MYS",
             "sector": None, "roles": [], "honorifics": [], "mentions": [span("Malaysia")]},
            {"id": "a2", "type": "COUNTRY", "name": "Jepun", "canonical": "Japan", "country": "JPN",
             "sector": None, "roles": [], "honorifics": [], "mentions": [span("Jepun"), span("Tokyo")]},
            {"id": "a3", "type": "PERSON", "name": "Aminah Yusof", "canonical": "Aminah Yusof",
             "country": "MYS", "sector": "GOV",
             "roles": [{"text": "Menteri Pertahanan", "en": "Minister of Defence"}],
             "honorifics": ["Datuk Seri"], "mentions": [minister]},
            {"id": "a4", "type": "LOCATION", "name": "Kuala Lumpur", "canonical": "Kuala Lumpur",
             "country": "MYS", "sector": None, "roles": [], "honorifics": [],
             "mentions": [span("Kuala Lumpur")]},
        ],
        "statements": [
            {"speaker": "a3", "kind": "direct", "text": quote["text"], "verb": "katanya",
             "start": quote["start"], "end": quote["end"]},
        ],
        "events": [
            {"id": "e1", "type": "AGREE", "cameo": "057", "source": ["a1"], "target": ["a2"],
             "modality": "intended", "modes": [], "context": ["military"], "time": "t1",
             "trigger": span("memeterai perjanjian"), "sentence": 0},
            {"id": "e2", "type": "COOPERATE", "cameo": "062", "source": ["a3"], "target": ["a2"],
             "modality": "intended", "modes": ["training", "personnel_exchange"], "context": ["military"],
             "time": None, "trigger": span("berkongsi kepakaran"), "sentence": 1},
        ],
        "agreements": [
            {"id": "g1", "type": "defence_cooperation", "label": "perjanjian kerjasama pertahanan",
             "parties": ["JPN", "MYS"], "status": "negotiating", "exclusive": None, "modes": [],
             "milestones": [{"kind": "signing", "state": "expected", "time": "t1",
                             "text": "memeterai perjanjian kerjasama pertahanan menjelang Disember"}],
             "evidence": [{"start": 0, "end": 80}], "subject": "defence cooperation", "title": None,
             "assets": [], "companies": [],
             "summary": "Japan and Malaysia: defence cooperation agreement, under negotiation; signing by "
                        "December 2025"},
        ],
        "gatherings": [
            {"kind": "exhibition", "name": "Pameran Pertahanan Asia Keempat", "ordinal": 4,
             "location": "KUALA LUMPUR", "time": None, "parties": [], "attendance": ["q1"],
             "evidence": [{"start": 200, "end": 260}]},
        ],
        "quantities": [
            {"id": "q1", "value": 40, "qualifier": "more_than", "unit": "companies",
             **span("Lebih 40 syarikat")},
        ],
        "times": [
            {"id": "t1", "value": "2025-12", "granularity": "month", "relation": "by",
             **span("menjelang Disember")},
        ],
        "topics": ["military", "diplomatic"],
    }


def make_gold() -> dict[str, Any]:
    return {
        "schema": "jalin.gold/1",
        "text": TEXT,
        "document": {"published": "2025-09-01", "language": "ms", "dateline": "PUTRAJAYA"},
        "actors": [
            {"type": "COUNTRY", "country": "MYS"},
            {"type": "COUNTRY", "country": "JPN"},
            {"type": "PERSON", "name": "Datuk Seri Aminah Yusof", "country": "MYS", "sector": "GOV",
             "role_en": "minister of defence", "honorifics": ["Datuk Seri"]},
            {"type": "LOCATION", "name": "Kuala Lumpur", "country": "MYS", "optional": True},
        ],
        "statements": [
            {"speaker": "Aminah Yusof", "kind": "direct", "contains": "kami  bersedia BERKONGSI"},
        ],
        "events": [
            {"types": ["AGREE", "COOPERATE"], "source": ["MYS"], "target": ["JPN"],
             "in": "akan memeterai perjanjian", "modality_any": ["intended"]},
            {"types": ["COOPERATE"], "source": ["MYS"], "target": ["JPN"],
             "in": "bersedia berkongsi kepakaran", "modes": ["training"]},
        ],
        "agreements": [
            {"type": ["defence_cooperation", "mou"], "parties": ["MYS", "JPN"],
             "status_any": ["negotiating", "proposed"],
             "milestones": [{"kind": "signing", "state": "expected", "value": "2025-12", "relation": "by"}]},
        ],
        "gatherings": [
            {"kind": ["exhibition", "other"], "parties": [], "name_contains": "pameran pertahanan asia",
             "ordinal": 4},
        ],
        "quantities": [{"value": 40.0, "qualifier": "more_than", "unit": "companies"}],
        "times": [{"value": "2025-12", "granularity": "month", "relation": "by", "contains": "Disember"}],
        "topics": ["military", "diplomatic"],
    }


def scores(gold: dict[str, Any], prediction: dict[str, Any]) -> dict[str, Any]:
    report = Report(files=[FileScore("hand", score_document(gold, prediction))])
    return to_json(report)["layers"]


def counts(layer: dict[str, Any]) -> tuple[int, int, int]:
    return layer["tp"], layer["fp"], layer["fn"]


def test_hand_made_prediction_is_contract_shaped() -> None:
    prediction = perfect_prediction()
    assert Analysis.from_dict(prediction).to_dict() == prediction


def test_perfect_prediction_scores_one_everywhere() -> None:
    layers = scores(make_gold(), perfect_prediction())
    assert set(layers) == {"document", "actors", "statements", "events", "agreements", "gatherings",
                           "quantities", "times", "topics"}
    for name, layer in layers.items():
        assert (layer["precision"], layer["recall"], layer["f1"]) == (1.0, 1.0, 1.0), name
        assert layer["fp"] == 0 and layer["fn"] == 0, name
        for attribute, value in layer["attributes"].items():
            assert value["accuracy"] == 1.0, (name, attribute)
    assert counts(layers["actors"]) == (4, 0, 0)  # the optional LOCATION found counts as a TP
    assert layers["actors"]["attributes"] == {
        "country": {"accuracy": 1.0, "n": 2}, "honorifics": {"accuracy": 1.0, "n": 1},
        "role_en": {"accuracy": 1.0, "n": 1}, "sector": {"accuracy": 1.0, "n": 1},
    }
    assert layers["agreements"]["attributes"] == {
        "milestones": {"accuracy": 1.0, "n": 1}, "status": {"accuracy": 1.0, "n": 1},
    }
    assert layers["events"]["attributes"] == {
        "modality": {"accuracy": 1.0, "n": 1}, "modes": {"accuracy": 1.0, "n": 1},
    }


def test_empty_prediction_has_zero_recall() -> None:
    empty = perfect_prediction()
    for layer in ("actors", "statements", "events", "agreements", "gatherings", "quantities", "times"):
        empty[layer] = []
    empty["topics"] = []
    empty["document"] = {key: None for key in empty["document"]}
    layers = scores(make_gold(), empty)
    for name, layer in layers.items():
        assert layer["recall"] == 0.0 and layer["tp"] == 0 and layer["fp"] == 0, name
        assert layer["attributes"] == {}, name
    assert counts(layers["actors"]) == (0, 0, 3)  # the optional LOCATION costs nothing
    assert counts(layers["document"]) == (0, 0, 3)
    assert counts(layers["events"]) == (0, 0, 2)
    assert counts(layers["topics"]) == (0, 0, 2)


def test_partly_wrong_prediction_gives_exact_counts() -> None:
    pred = perfect_prediction()
    pred["document"]["language"] = "id"                    # document: 2 TP, 1 FN + 1 FP
    pred["actors"][2]["honorifics"] = ["Dato'"]            # matched, honorifics wrong
    pred["actors"][2]["roles"] = [{"text": "Menteri Luar", "en": "Minister of Foreign Affairs"}]
    pred["actors"].append({"id": "a5", "type": "ORGANISATION", "name": "Kementerian Pertahanan",
                           "canonical": None, "country": "MYS", "sector": "GOV", "roles": [],
                           "honorifics": [], "mentions": []})  # FP
    pred["statements"][0]["kind"] = "indirect"             # statement: FN + FP
    pred["events"][0]["modality"] = "asserted"             # matched, modality wrong
    pred["events"][1]["modes"] = ["training"]              # still ⊇ gold modes
    pred["events"][1]["sentence"] = 2                      # wrong sentence: FN + FP
    pred["agreements"][0]["status"] = "signed"             # matched, status wrong
    pred["times"][0]["relation"] = "on"                    # time: FN + FP; milestone relation now wrong
    pred["quantities"][0]["value"] = 40.0                  # numbers compare as numbers
    pred["gatherings"][0]["ordinal"] = None                # matched, ordinal wrong
    pred["topics"] = ["military", "economic", "maritime"]  # 1 TP, 2 FP, 1 FN
    layers = scores(make_gold(), pred)
    assert counts(layers["document"]) == (2, 1, 1)
    assert counts(layers["actors"]) == (4, 1, 0)
    assert layers["actors"]["precision"] == 0.8
    assert layers["actors"]["attributes"] == {
        "country": {"accuracy": 1.0, "n": 2}, "honorifics": {"accuracy": 0.0, "n": 1},
        "role_en": {"accuracy": 0.0, "n": 1}, "sector": {"accuracy": 1.0, "n": 1},
    }
    assert counts(layers["statements"]) == (0, 1, 1)
    assert counts(layers["events"]) == (1, 1, 1)
    assert layers["events"]["attributes"] == {"modality": {"accuracy": 0.0, "n": 1}}
    assert layers["events"]["f1"] == 0.5
    assert counts(layers["agreements"]) == (1, 0, 0)
    assert layers["agreements"]["attributes"] == {
        "milestones": {"accuracy": 0.0, "n": 1}, "status": {"accuracy": 0.0, "n": 1},
    }
    assert counts(layers["quantities"]) == (1, 0, 0)
    assert counts(layers["times"]) == (0, 1, 1)
    assert layers["gatherings"]["attributes"] == {"ordinal": {"accuracy": 0.0, "n": 1}}
    assert counts(layers["topics"]) == (1, 2, 1)
    assert (layers["topics"]["precision"], layers["topics"]["recall"]) == (0.3333, 0.5)


def test_optional_items_found_earn_tp_missed_cost_nothing_and_never_steal() -> None:
    gold = make_gold()
    gold["times"] = [
        {"value": "2025-12", "granularity": "month", "relation": "by", "optional": True},
        {"value": "2025-12", "granularity": "month", "relation": "by", "contains": "Disember"},
        {"value": "2026", "granularity": "year", "relation": "on", "optional": True},
    ]
    layers = scores(gold, perfect_prediction())
    # The required item takes the one matching time; the optional ones are missed for free.
    assert counts(layers["times"]) == (1, 0, 0)
    pred = perfect_prediction()
    pred["times"].append({"id": "t2", "value": "2025-12", "granularity": "day", "relation": "by",
                          "text": "menjelang Disember", "start": 0, "end": 1})
    layers = scores(gold, pred)
    assert counts(layers["times"]) == (2, 0, 0)
    assert layers["times"]["attributes"] == {"granularity": {"accuracy": 0.5, "n": 2}}


def test_prediction_is_not_taken_from_a_gold_item_that_needs_it() -> None:
    gold = make_gold()
    gold["quantities"] = [
        {"value": 40, "qualifier": "more_than", "unit": "companies"},
        {"value": 40, "qualifier": "more_than", "unit": "companies"},
    ]
    pred = perfect_prediction()
    pred["quantities"].append({**pred["quantities"][0], "id": "q2"})
    assert counts(scores(gold, pred)["quantities"]) == (2, 0, 0)
    # Event e1 (AGREE) fits both gold events' type lists when they share a sentence; the first gold
    # event must leave it to the second, which no other prediction fits.
    gold["events"] = [
        {"types": ["AGREE", "COOPERATE"], "source": ["MYS"], "target": ["JPN"], "in": "memeterai"},
        {"types": ["AGREE"], "source": ["MYS"], "target": ["JPN"], "in": "memeterai"},
    ]
    pred["events"][1]["sentence"] = 0
    pred["events"][1]["source"] = ["a1"]
    assert counts(scores(gold, pred)["events"]) == (2, 0, 0)


def test_symmetric_events_match_either_way_round() -> None:
    gold = make_gold()
    pred = perfect_prediction()
    pred["events"] = [dict(pred["events"][0], source=["a2"], target=["a1"])]
    gold["events"] = [dict(gold["events"][0], symmetric=True)]
    assert counts(scores(gold, pred)["events"]) == (1, 0, 0)
    gold["events"] = [dict(gold["events"][0], symmetric=False)]
    assert counts(scores(gold, pred)["events"]) == (0, 1, 1)


def test_event_countries_come_from_actors_and_ignore_actors_without_one() -> None:
    gold = make_gold()
    gold["events"] = gold["events"][:1]
    pred = perfect_prediction()
    pred["actors"].append({"id": "a9", "type": "GROUP", "name": "pegawai", "canonical": None,
                           "country": None, "sector": None, "roles": [], "honorifics": [], "mentions": []})
    pred["events"] = [dict(pred["events"][0], source=["a1", "a3", "a9"], target=["a2"])]
    layers = scores(gold, pred)
    assert counts(layers["events"]) == (1, 0, 0)
    pred["events"] = [dict(pred["events"][0], source=["a1"], target=["a2", "a4"])]  # a4 is in MYS
    assert counts(scores(gold, pred)["events"]) == (0, 1, 1)


def test_name_tokens_drop_honorifics_and_fold_case() -> None:
    assert name_tokens("Datuk Seri Dr. Aminah binti Yusof") == {"aminah", "binti", "yusof"}
    assert name_tokens("DATO' SRI Haji Ali") == {"ali"}
    assert name_tokens("Dato’ Ali") == {"ali"}  # the typographic apostrophe splits the token
    assert name_tokens("Laksamana Ahmad") == {"ahmad"}
    assert fold("  Ｍalaysia\u00a0 dan\nJepun ") == "malaysia dan jepun"


@pytest.mark.parametrize(("gold_name", "predicted", "expected"), [
    ("Datuk Seri Aminah Yusof", "Aminah Yusof", True),             # honorifics removed
    ("Aminah Yusof", "Menteri Pertahanan Aminah Yusof", True),     # gold tokens inside prediction
    ("Aminah binti Yusof", "Aminah Yusof", True),                  # reversed, two tokens shared
    ("Aminah binti Yusof", "Yusof", False),                        # reversed, one token only
    ("Aminah Yusof", "Aminah", False),
    ("Tan Sri Dr", "Tan Sri Dr", False),                            # nothing left to compare
    ("Mr Lee Chong Wei", "LEE CHONG WEI", True),
])
def test_actor_name_rule(gold_name: str, predicted: str, expected: bool) -> None:
    assert names_match([gold_name], [predicted]) is expected


def test_actor_matches_through_canonical_and_type() -> None:
    gold = make_gold()
    gold["actors"] = [{"type": "ORGANISATION", "name": "Jemaah Menteri", "canonical": "Cabinet of Malaysia"}]
    pred = perfect_prediction()
    pred["actors"] = [{"id": "a1", "type": "ORGANISATION", "name": "Kabinet",
                       "canonical": "Cabinet of Malaysia", "country": "MYS", "sector": "GOV",
                       "roles": [], "honorifics": [], "mentions": []}]
    assert counts(scores(gold, pred)["actors"]) == (1, 0, 0)
    pred["actors"][0]["type"] = "PERSON"
    assert counts(scores(gold, pred)["actors"]) == (0, 1, 1)


def test_unmatched_location_predictions_are_not_false_positives() -> None:
    gold = make_gold()
    gold["actors"] = gold["actors"][:3]
    layers = scores(gold, perfect_prediction())
    assert counts(layers["actors"]) == (3, 0, 0)
    pred = perfect_prediction()
    pred["actors"][3]["type"] = "ORGANISATION"
    assert counts(scores(gold, pred)["actors"]) == (3, 1, 0)


def test_honorifics_compare_as_folded_sets_without_trailing_stop() -> None:
    assert honorific_set(["Dr.", "Datuk  Seri"]) == honorific_set(["datuk seri", "DR"])
    assert honorific_set(["Dato'"]) != honorific_set(["Datuk"])


def test_statement_speaker_uses_the_actor_rule() -> None:
    gold = make_gold()
    pred = perfect_prediction()
    pred["statements"][0]["speaker"] = "a2"
    layers = scores(gold, pred)
    assert counts(layers["statements"]) == (1, 0, 0)
    assert layers["statements"]["attributes"] == {"speaker": {"accuracy": 0.0, "n": 1}}
    pred["statements"][0]["speaker"] = None
    assert scores(gold, pred)["statements"]["attributes"]["speaker"]["accuracy"] == 0.0
    gold["statements"][0]["speaker"] = "Jepun"  # a country speaking, by its Malay name
    pred["statements"][0]["speaker"] = "a2"
    assert scores(gold, pred)["statements"]["attributes"]["speaker"]["accuracy"] == 1.0


def test_milestones_resolve_through_the_predictions_times() -> None:
    gold = make_gold()
    pred = perfect_prediction()
    pred["times"][0]["value"] = "2026-12"  # the milestone's time now resolves to another value
    assert scores(gold, pred)["agreements"]["attributes"]["milestones"] == {"accuracy": 0.0, "n": 1}
    pred = perfect_prediction()
    pred["agreements"][0]["milestones"][0]["time"] = None
    assert scores(gold, pred)["agreements"]["attributes"]["milestones"] == {"accuracy": 0.0, "n": 1}
    pred = perfect_prediction()
    pred["agreements"][0]["milestones"][0]["state"] = "done"
    assert scores(gold, pred)["agreements"]["attributes"]["milestones"] == {"accuracy": 0.0, "n": 1}
    gold["agreements"][0]["milestones"].append(
        {"kind": "signing", "state": "expected", "value": "2025-12", "relation": "by"})
    # One predicted milestone serves one gold milestone.
    assert scores(gold, perfect_prediction())["agreements"]["attributes"]["milestones"] == {
        "accuracy": 0.5, "n": 2}


def test_agreement_and_gathering_keys() -> None:
    gold = make_gold()
    pred = perfect_prediction()
    pred["agreements"][0]["parties"] = ["MYS"]
    pred["gatherings"][0]["name"] = None
    layers = scores(gold, pred)
    assert counts(layers["agreements"]) == (0, 1, 1)
    assert counts(layers["gatherings"]) == (0, 1, 1)


def test_micro_average_sums_counts_over_files() -> None:
    gold = make_gold()
    empty = copy.deepcopy(perfect_prediction())
    empty["events"] = []
    report = Report(files=[FileScore("a", score_document(gold, perfect_prediction())),
                           FileScore("b", score_document(gold, empty))])
    events = to_json(report)["layers"]["events"]
    assert counts(events) == (2, 0, 2)
    assert (events["precision"], events["recall"], events["f1"]) == (1.0, 0.5, 0.6667)


def test_layer_with_nothing_to_score_gives_null() -> None:
    gold = make_gold()
    gold["quantities"] = []
    pred = perfect_prediction()
    pred["quantities"] = []
    assert scores(gold, pred)["quantities"] == {"tp": 0, "fp": 0, "fn": 0, "precision": None,
                                                "recall": None, "f1": None, "attributes": {}}


def test_explain_lists_misses_near_misses_and_false_positives() -> None:
    pred = perfect_prediction()
    pred["events"][0]["target"] = []
    report = Report(files=[FileScore("hand.gold.json", score_document(make_gold(), pred))])
    lines = "\n".join(explain_lines(report))
    assert "=== hand.gold.json" in lines
    assert "--- events: tp 1 fp 1 fn 1" in lines
    assert "  FN   AGREE|COOPERATE MYS→JPN in “akan memeterai perjanjian”" in lines
    assert "near: e1 AGREE MYS→? intended" in lines
    assert "fails: source/target" in lines
    assert "  FP   e1 AGREE MYS→?" in lines


def test_garbage_and_empty_predictions_do_not_crash() -> None:
    gold = make_gold()
    pred = perfect_prediction()
    pred["events"][0]["sentence"] = 99
    pred["events"][0]["source"] = ["nobody"]
    pred["statements"][0]["speaker"] = "a77"
    layers = scores(gold, pred)
    assert counts(layers["events"]) == (1, 1, 1)
    assert scores({"schema": "jalin.gold/1", "text": ""}, {})["actors"]["f1"] is None


def test_gold_loading(tmp_path: Path) -> None:
    inline = tmp_path / "inline.gold.json"
    inline.write_text(json.dumps({"schema": "jalin.gold/1", "text": "date 2024-05-02 KUALA LUMPUR: Ujian."}))
    loaded = load_gold(inline)
    assert (loaded.document.published, loaded.document.text) == ("2024-05-02", "KUALA LUMPUR: Ujian.")
    jsonl = tmp_path / "one.jsonl"
    jsonl.write_text(json.dumps({"id": "x1", "published": "2024-01-02", "text": "Ujian."}) + "\n")
    linked = tmp_path / "linked.gold.json"
    linked.write_text(json.dumps({"schema": "jalin.gold/1", "file": "one.jsonl"}))
    assert load_gold(linked).document.id == "x1"
    missing = tmp_path / "missing.gold.json"
    missing.write_text(json.dumps({"schema": "jalin.gold/1", "file": "nothing.jsonl"}))
    with pytest.raises(GoldError, match="not found"):
        load_gold(missing)
    wrong = tmp_path / "wrong.gold.json"
    wrong.write_text("{}")
    with pytest.raises(GoldError, match=r"not a jalin\.gold/1 file"):
        load_gold(wrong)


def test_cli_reports_a_bad_gold_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gold.json"
    bad.write_text("not json")
    result = CliRunner().invoke(app, ["evaluate", str(bad)])
    assert result.exit_code == 2


def test_cli_on_the_dev_golds() -> None:
    golds = sorted((SHARED / "gold" / "dev").glob("*.gold.json"))
    if not golds:
        pytest.skip(f"no dev gold files under {SHARED}")
    result = CliRunner().invoke(app, ["evaluate", *map(str, golds), "--json", "--per-file"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data["layers"]) == ["document", "actors", "statements", "events", "agreements",
                                    "gatherings", "quantities", "times", "topics"]
    for layer in data["layers"].values():
        assert set(layer) - {"groups"} == {"tp", "fp", "fn", "precision", "recall", "f1", "attributes"}
        assert all(set(a) == {"accuracy", "n"} for a in layer["attributes"].values())
    assert set(data["layers"]["actors"]["groups"]) >= {"PERSON", "ORGANISATION"}
    assert len(data["files"]) == len(golds)
    assert data["layers"]["events"]["tp"] + data["layers"]["events"]["fn"] >= 40
    table = CliRunner().invoke(app, ["evaluate", str(golds[0])])
    assert table.exit_code == 0 and "micro average" in table.stdout


def test_explain_in_json_and_layer_filter() -> None:
    pred = perfect_prediction()
    pred["times"][0]["relation"] = "on"
    pred["topics"] = ["military"]
    report = Report(files=[FileScore("hand.gold.json", score_document(make_gold(), pred))])
    explained = to_json(report, explain=True)["files"]["hand.gold.json"]["explain"]
    assert sorted(explained) == ["agreements", "times", "topics"]
    assert explained["times"]["fn"] == [{
        "gold": "by 2025-12 (month) “Disember”",
        "near": ["t1 on 2025-12 (month) “menjelang Disember”  fails: relation"],
    }]
    assert explained["times"]["fp"] == ["t1 on 2025-12 (month) “menjelang Disember”"]
    assert explained["topics"] == {"fn": [{"gold": "diplomatic", "near": []}], "fp": [], "attributes": []}
    only_times = explain_lines(report, ["times"])
    assert only_times[0] == "=== hand.gold.json"
    assert only_times[1] == "--- times: tp 0 fp 1 fn 1"
    assert not any(line.startswith("--- topics") for line in only_times)


def test_a_crashing_analysis_is_reported_and_scored_as_empty(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import jalin.evaluate as evaluate

    def crash(*_: Any) -> dict[str, Any]:
        raise ValueError("layer broke")

    gold = tmp_path / "hand.gold.json"
    gold.write_text(json.dumps(make_gold()), encoding="utf-8")
    bad = tmp_path / "bad.gold.json"
    bad.write_text("[]", encoding="utf-8")
    monkeypatch.setattr(evaluate, "predict", crash)
    report = evaluate.evaluate_paths([gold, bad])
    assert [f.name for f in report.files] == ["hand.gold.json"]
    assert report.failures[0].startswith(f"{gold}: analysis failed: ValueError: layer broke (")
    assert report.failures[1] == f"{bad}: not a jalin.gold/1 file"
    assert counts(to_json(report)["layers"]["actors"]) == (0, 0, 3)
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 2


def oracle(gold: dict[str, Any]) -> dict[str, Any]:
    """A prediction built from a gold file so that it should match every gold item, optional ones
    included. Helper actors the gold does not list (event parties, speakers) are LOCATIONs, which
    never count as false positives."""
    actors = [{"id": f"a{i}", "type": a["type"], "name": a.get("name") or a["country"],
               "canonical": a.get("canonical"), "country": a.get("country"), "sector": a.get("sector"),
               "roles": [{"text": a["role_en"], "en": a["role_en"]}] if a.get("role_en") else [],
               "honorifics": a.get("honorifics", []), "mentions": []}
              for i, a in enumerate(gold["actors"])]

    def helper_actor(name: str | None, country: str | None) -> str:
        actors.append({"id": f"h{len(actors)}", "type": "LOCATION", "name": name or "", "canonical": None,
                       "country": country, "sector": None, "roles": [], "honorifics": [], "mentions": []})
        return actors[-1]["id"]

    times = [{"id": f"t{i}", "text": t.get("contains", ""), "value": t["value"],
              "granularity": t["granularity"], "relation": t["relation"], "start": 0, "end": 0}
             for i, t in enumerate(gold["times"])]
    texts: list[str] = []
    events = []
    for i, e in enumerate(gold["events"]):
        texts.append(e["in"])
        events.append({
            "id": f"e{i}", "type": e["types"][0], "cameo": None,
            "source": [helper_actor(None, c) for c in e["source"]],
            "target": [helper_actor(None, c) for c in e["target"]],
            "modality": (e.get("modality_any") or ["asserted"])[0], "modes": e.get("modes", []),
            "context": [], "time": None, "trigger": {"start": 0, "end": 0, "text": ""}, "sentence": i,
        })
    statements = [{"speaker": helper_actor(s["speaker"], None), "kind": s["kind"], "text": s["contains"],
                   "verb": None, "start": 0, "end": 0} for s in gold["statements"]]

    def milestone(m: dict[str, Any]) -> dict[str, Any]:
        time = next(t["id"] for t in times if (t["value"], t["relation"]) == (m["value"], m["relation"]))
        return {"kind": m["kind"], "state": m["state"], "time": time, "text": ""}

    def first(value: str | list[str]) -> str:
        return value if isinstance(value, str) else value[0]

    agreements = [{"id": f"g{i}", "type": first(a["type"]), "label": "", "parties": sorted(a["parties"]),
                   "status": (a.get("status_any") or ["unknown"])[0], "exclusive": a.get("exclusive"),
                   "modes": [], "milestones": [milestone(m) for m in a.get("milestones", [])], "evidence": []}
                  for i, a in enumerate(gold["agreements"])]
    gatherings = [{"kind": first(g["kind"]), "name": g.get("name_contains"), "ordinal": g.get("ordinal"),
                   "location": None, "time": None, "parties": g["parties"], "attendance": [], "evidence": []}
                  for g in gold["gatherings"]]
    quantities = [{"id": f"q{i}", "text": "", "start": 0, "end": 0, **q}
                  for i, q in enumerate(gold["quantities"])]
    text = "\n".join(texts)
    starts = [sum(len(t) + 1 for t in texts[:i]) for i in range(len(texts))]
    return {
        "schema": "jalin.analysis/1", "document": dict(gold["document"]), "text": text,
        "sentences": [{"start": s, "end": s + len(t)} for s, t in zip(starts, texts, strict=True)],
        "actors": actors, "statements": statements, "events": events, "agreements": agreements,
        "gatherings": gatherings, "times": times, "topics": list(gold["topics"]),
        "quantities": quantities,
    }


def test_an_oracle_built_from_each_dev_gold_scores_one_everywhere() -> None:
    golds = sorted((SHARED / "gold" / "dev").glob("*.gold.json"))
    if not golds:
        pytest.skip(f"no dev gold files under {SHARED}")
    files = []
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        files.append(FileScore(path.name, score_document(gold, oracle(gold))))
    layers = to_json(Report(files=files))["layers"]
    for name, layer in layers.items():
        assert (layer["fp"], layer["fn"], layer["f1"]) == (0, 0, 1.0), (name, layer)
        assert all(a["accuracy"] == 1.0 for a in layer["attributes"].values()), (name, layer)
    assert layers["events"]["attributes"]["modality"]["n"] >= 20


ENGLISH = ("KUALA LUMPUR, March 3 -- Malaysia and Indonesia will step up joint maritime patrols in the "
           "Sulawesi Sea, Defence Minister Datuk Seri Dr. Ahmad Razif said today.")


def test_english_document_with_dotted_honorifics_and_a_symmetric_event() -> None:
    gold = {
        "schema": "jalin.gold/1", "text": ENGLISH,
        "document": {"language": "en", "dateline": "KUALA LUMPUR"},
        "actors": [{"type": "PERSON", "name": "Dr. Ahmad Razif", "country": "MYS", "sector": "GOV",
                    "role_en": "Minister of Defence", "honorifics": ["Datuk Seri", "Dr."]},
                   {"type": "COUNTRY", "country": "IDN"}],
        "events": [{"types": ["COOPERATE"], "source": ["MYS"], "target": ["IDN"], "symmetric": True,
                    "in": "step up joint maritime patrols", "modality_any": ["intended"],
                    "modes": ["exercise"]}],
        "statements": [{"speaker": "Ahmad Razif", "kind": "indirect",
                        "contains": "Malaysia and Indonesia will"}],
    }
    start, end = ENGLISH.index("Malaysia"), ENGLISH.index(", Defence")
    prediction = {
        "document": {"id": "e1", "language": "en", "dateline": "KUALA LUMPUR", "source": None},
        "text": ENGLISH, "sentences": [{"start": 0, "end": len(ENGLISH)}],
        "actors": [
            {"id": "a1", "type": "PERSON", "name": "Ahmad Razif", "canonical": None, "country": "MYS",
             "sector": "GOV", "roles": [{"text": "Defence Minister", "en": "Minister of Defence"}],
             "honorifics": ["Dr", "Datuk Seri"], "mentions": []},
            {"id": "a2", "type": "COUNTRY", "name": "Indonesia", "canonical": "Indonesia", "country": "IDN",
             "sector": None, "roles": [], "honorifics": [], "mentions": []},
            {"id": "a3", "type": "LOCATION", "name": "Sulawesi Sea", "canonical": None, "country": None,
             "sector": None, "roles": [], "honorifics": [], "mentions": []},
        ],
        "events": [{"id": "e1", "type": "COOPERATE", "source": ["a2"], "target": ["a1"],
                    "modality": "intended", "modes": ["exercise", "intelligence_sharing"], "sentence": 0}],
        "statements": [{"speaker": "a1", "kind": "indirect", "text": ENGLISH[start:end],
                        "start": start, "end": end}],
    }
    layers = scores(gold, prediction)
    assert counts(layers["document"]) == (2, 0, 0)
    assert counts(layers["actors"]) == (2, 0, 0)
    assert layers["actors"]["attributes"]["honorifics"] == {"accuracy": 1.0, "n": 1}
    assert counts(layers["events"]) == (1, 0, 0)
    assert layers["events"]["attributes"] == {"modality": {"accuracy": 1.0, "n": 1},
                                              "modes": {"accuracy": 1.0, "n": 1}}
    assert layers["statements"]["attributes"] == {"speaker": {"accuracy": 1.0, "n": 1}}


def test_many_identical_items_score_fast_and_one_to_one() -> None:
    gold = {"schema": "jalin.gold/1", "text": "", "document": {"published": "2024-01-01"}, "times": [
        {"value": "2024", "granularity": "year", "relation": "on", "optional": i % 2 == 1}
        for i in range(400)]}
    prediction = {"times": [{"id": f"t{i}", "text": "2024", "value": "2024", "granularity": "year",
                             "relation": "on", "start": 0, "end": 4} for i in range(300)]}
    layers = scores(gold, prediction)
    assert counts(layers["times"]) == (300, 0, 0)  # all 200 required found, 100 optional found
    prediction["times"] = prediction["times"][:150]
    assert counts(scores(gold, prediction)["times"]) == (150, 0, 50)


def test_gold_may_point_at_a_corpus_line_by_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [{"id": "a-1", "published": "2024-03-01", "title": "One", "text": "Kuala Lumpur, 1 Mac — Satu."},
             {"id": "b-2", "published": "2024-03-02", "title": "Two", "text": "Jakarta, 2 Mac — Dua."}]
    (corpus / "pool.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    monkeypatch.setenv("JALIN_CORPUS", str(corpus))
    gold = tmp_path / "b.gold.json"
    ref = {"schema": "jalin.gold/1", "corpus": "pool.jsonl", "id": "b-2"}
    gold.write_text(json.dumps(ref), encoding="utf-8")
    loaded = load_gold(gold)
    assert loaded.document.id == "b-2" and "Dua" in loaded.document.text
    gold.write_text(json.dumps({**ref, "id": "zz"}), encoding="utf-8")
    with pytest.raises(GoldError, match="no document with id 'zz'"):
        load_gold(gold)


def test_tie_goes_to_the_prediction_needed_by_fewest_items_to_come_then_first() -> None:
    gold = make_gold()
    gold["quantities"] = [{"value": 40, "qualifier": "more_than", "unit": ["companies", "firms"]}]
    pred = perfect_prediction()
    # Two equal candidates, neither needed later: the first in prediction order is taken.
    pred["quantities"] = [{**pred["quantities"][0], "id": "q7"}, {**pred["quantities"][0], "id": "q8"}]
    report = Report(files=[FileScore("hand", score_document(gold, pred))])
    assert counts(to_json(report)["layers"]["quantities"]) == (1, 1, 0)
    assert report.files[0].layers["quantities"].spurious[0].startswith("q8")
    # A later optional gold item needs q7 (its unit): q8 is taken for the first one.
    pred["quantities"][0]["unit"] = "firms"
    gold["quantities"].append({"value": 40, "qualifier": "more_than", "unit": "firms", "optional": True})
    assert counts(scores(gold, pred)["quantities"]) == (2, 0, 0)


def test_unit_may_be_a_list_of_alternatives() -> None:
    gold = make_gold()
    gold["quantities"] = [{"value": 40, "qualifier": "more_than", "unit": ["units", "companies"]}]
    assert counts(scores(gold, perfect_prediction())["quantities"]) == (1, 0, 0)
    gold["quantities"][0]["unit"] = ["units", "vessels"]
    assert counts(scores(gold, perfect_prediction())["quantities"]) == (0, 1, 1)


def test_unmatched_group_actors_are_no_false_positives() -> None:
    pred = perfect_prediction()
    pred["actors"].append({"id": "a9", "type": "GROUP", "name": "penduduk", "canonical": None,
                           "country": None, "sector": None, "roles": [], "honorifics": [], "mentions": []})
    pred["actors"].append({"id": "a10", "type": "ORGANISATION", "name": "Majlis Belia", "canonical": None,
                           "country": None, "sector": None, "roles": [], "honorifics": [], "mentions": []})
    # the optional location is found; of the two unmatched, only the organisation counts
    assert counts(scores(make_gold(), pred)["actors"]) == (4, 1, 0)


def test_undated_gold_makes_every_time_optional_and_free() -> None:
    gold = make_gold()
    del gold["document"]["published"]
    gold["times"].append({"value": "2019-03", "relation": "on", "contains": "Mac"})
    pred = perfect_prediction()
    pred["times"].append({"id": "t9", "value": "2031", "granularity": "year", "relation": "on",
                          "text": "2031", "start": 0, "end": 4})
    assert counts(scores(gold, pred)["times"]) == (1, 0, 0)  # found earns, missed and spurious are free
    gold["document"]["published"] = "2025-09-01"
    assert counts(scores(gold, pred)["times"]) == (1, 1, 1)


def test_events_inside_one_country_are_outside_the_gold_scope() -> None:
    gold = make_gold()
    pred = perfect_prediction()
    pred["events"].append({**pred["events"][0], "id": "e9", "type": "ASSAULT", "source": ["a1"],
                           "target": ["a3"]})  # Malaysia against a Malaysian minister
    assert counts(scores(gold, pred)["events"]) == (2, 0, 0)
    pred["events"][-1]["target"] = ["a2"]
    assert counts(scores(gold, pred)["events"]) == (2, 1, 0)


def test_actor_groups_count_people_by_naming_form_and_organisations() -> None:
    gold = make_gold()
    gold["actors"][2]["form"] = "honorific"
    gold["actors"].append({"type": "PERSON", "name": "Lim Kok Seng", "form": "bare"})
    gold["actors"].append({"type": "ORGANISATION", "name": "Majlis Belia"})
    pred = perfect_prediction()
    pred["actors"].append({"id": "a10", "type": "ORGANISATION", "name": "Majlis Belia Negara",
                           "canonical": None, "country": None, "sector": None, "roles": [],
                           "honorifics": [], "mentions": []})
    pred["actors"].append({"id": "a11", "type": "PERSON", "name": "Siti Hajar", "canonical": None,
                           "country": None, "sector": None, "roles": [], "honorifics": [], "mentions": []})
    groups = score_document(gold, pred)["actors"].groups
    assert groups == {"PERSON/honorific": [1, 0, 0], "PERSON/bare": [0, 0, 1], "PERSON": [0, 1, 0],
                      "ORGANISATION": [1, 0, 0]}


def test_first_seen_scores_are_recorded_once_and_sealed_batches_wait(tmp_path: Path) -> None:
    from jalin.evaluate.batches import markdown_table, score_batches

    for name in ("batch-01", "batch-02"):
        (tmp_path / name).mkdir()
        gold = {**make_gold(), "times": []}
        (tmp_path / name / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "batch-02" / "SEALED").write_text("", encoding="utf-8")
    calls: list[int] = []

    def fake(paths: list[Path]) -> Report:
        calls.append(len(paths))
        scored = score_document(make_gold(), perfect_prediction() if len(calls) == 1 else {})
        return Report(files=[FileScore("a", scored)])

    rows = score_batches(tmp_path, fake)
    assert calls == [1] and rows[1].sealed and rows[1].now is None
    record = json.loads((tmp_path / "batch-01" / "first-seen.json").read_text())
    assert record["layers"]["events"]["f1"] == 1.0 and record["files"] == 1
    rows = score_batches(tmp_path, fake)  # the code got worse: first-seen stays, now shows it
    table = markdown_table(rows)
    assert "| batch-01 | 1 |" in table and "1.00 / 0.00" in table
    assert "| batch-02 | 1 | sealed |" in table
    score_batches(tmp_path, fake, unseal=True)
    assert (tmp_path / "batch-02" / "first-seen.json").exists()


def test_first_seen_cli_rejects_a_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", "--first-seen", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "no such folder" in result.stderr
