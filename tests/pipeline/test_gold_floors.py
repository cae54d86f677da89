"""Regression floors on the articles written and annotated independently of the code.

`tests/gold/heldout/` and `tests/gold/final/` were written by annotators who did not read the rules;
their scores measure how the extraction generalises beyond the shared development golds. The
floors sit a little under the scores measured when they were set, so a change that makes the
rules fit fewer unseen articles fails here even when the development scores hold.
"""

from __future__ import annotations

import pytest

from helpers import TESTS_DIR
from jalin.evaluate import evaluate_paths

GOLD = TESTS_DIR / "gold"

# layer -> lowest acceptable F1, per set
FLOORS: dict[str, dict[str, float]] = {
    "heldout": {
        "actors": 0.95, "statements": 0.89, "events": 0.82, "agreements": 0.90,
        "gatherings": 0.82, "quantities": 0.82, "times": 0.93, "topics": 0.75,
    },
    "final": {
        "actors": 0.94, "statements": 0.93, "events": 0.78, "agreements": 0.90,
        "gatherings": 0.82, "quantities": 0.90, "times": 0.92, "topics": 0.72,
    },
}


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_independent_golds_stay_above_their_floors(name: str) -> None:
    golds = sorted((GOLD / name).glob("*.gold.json"))
    assert len(golds) >= 10, f"expected the {name} gold set under {GOLD / name}"
    totals = evaluate_paths(golds).totals()
    scores = {layer: round(_f1(totals[layer].tp, totals[layer].fp, totals[layer].fn), 3)
              for layer in FLOORS[name]}
    below = {layer: (score, FLOORS[name][layer]) for layer, score in scores.items()
             if score < FLOORS[name][layer]}
    assert not below, f"{name}: F1 below floor (score, floor): {below}"


def test_documents_are_read_exactly_as_annotated() -> None:
    for name in FLOORS:
        totals = evaluate_paths(sorted((GOLD / name).glob("*.gold.json"))).totals()
        assert totals["document"].fn == 0 and totals["document"].fp == 0
