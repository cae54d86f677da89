"""Times, quantities and gatherings on the seed (exact records) and on the dev golds (F1 floors)."""

from __future__ import annotations

import pytest

from helpers import SHARED_DIR
from jalin.evaluate import evaluate_paths
from jalin.model import Analysis

SHARED = SHARED_DIR


def test_seed_times_quantities_gatherings(seed_analysis: Analysis) -> None:
    text = seed_analysis.text
    assert [(t.id, t.text, t.value, t.granularity, t.relation) for t in seed_analysis.times] == [
        ("t1", "menjelang Oktober", "2025-10", "month", "by"),
    ]
    assert [(q.id, q.value, q.qualifier, q.unit, q.text) for q in seed_analysis.quantities] == [
        ("q1", 150, "approx", "participants", "kira-kira 150 peserta"),
        ("q2", 20, "more_than", "companies", "Lebih 20 syarikat"),
    ]
    (seminar,) = seed_analysis.gatherings
    assert (seminar.kind, seminar.name, seminar.ordinal, seminar.parties, seminar.attendance) == (
        "seminar", "Seminar Ketiga Kerjasama Industri Pertahanan Malaysia-Korea", 3, ["KOR", "MYS"],
        ["q1", "q2"],
    )
    assert [text[e.start:e.end] for e in seminar.evidence] == [seminar.name, "Seminar"]
    assert seminar.location == "KUALA LUMPUR"  # nothing dates it away from the dateline's day


def test_dev_golds_floor() -> None:
    golds = sorted((SHARED / "gold" / "dev").glob("*.gold.json"))
    if not golds:
        pytest.skip(f"no dev golds under {SHARED / 'gold' / 'dev'}")
    totals = evaluate_paths(golds).totals()
    for layer in ("times", "quantities", "gatherings"):
        result = totals[layer]
        f1 = 2 * result.tp / (2 * result.tp + result.fp + result.fn)
        assert f1 >= 0.85, (layer, result.tp, result.fp, result.fn)
