"""Fuzzing: random bytes and unicode, lone surrogates, NULs, deep JSON and HTML, an entity bomb,
wrong encodings, huge lines and broken records through every reader and `analyze` never let an
exception escape: a bad input is an InputError line, a good one an analysis that serialises."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import KINDS, SUFFIXES, make_input, run_analysis, run_reader

EXAMPLES = 200
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(rng=st.randoms(use_true_random=False), kind=st.sampled_from(KINDS))
def test_readers_never_raise_past_a_record(suffix: str, rng: random.Random, kind: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        run_reader(make_input(rng, kind), suffix, Path(folder))


@FUZZ
@given(text=st.text(st.characters(codec=None), max_size=400),
       published=st.one_of(st.none(), st.dates().map(str)))
def test_analyze_takes_any_text_and_date(text: str, published: str | None) -> None:
    run_analysis(text, published)


def test_the_generators_make_every_kind_they_promise() -> None:
    rng = random.Random(7)
    made = {kind: make_input(rng, kind) for kind in KINDS}
    assert b"\\ud800" in made["surrogates"] and b"\x00" in made["nuls"]
    assert made["deep_json"].count(b"[") >= 10 and b"<!ENTITY" in made["bomb"]
