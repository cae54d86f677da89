"""`jalin.pipeline.warm_up()`: everything a worker needs is built before its first document."""

from __future__ import annotations

from jalin.language import _detector
from jalin.lexicon import load_lexicon
from jalin.pipeline import analyze, warm_up


def test_warm_up_builds_lingua_and_the_matchers() -> None:
    warm_up()
    assert _detector.cache_info().currsize == 1
    built = set(load_lexicon()._cache)
    assert {"language.country_markers", "text.furniture", "sentences.tables", "text.sources"} <= built
    layers = {key.split(".")[0] for key in built}
    assert {"actors", "agreements", "events", "gatherings", "quantities", "times"} <= layers


def test_warm_up_leaves_analysis_unchanged() -> None:
    text = "HANOI, March 4 -- Vietnam and the Philippines agreed to hold joint naval drills in June."
    first = analyze(text, published="2026-03-04").to_json()
    warm_up()
    assert analyze(text, published="2026-03-04").to_json() == first
