"""Analysis time grows linearly with the text on pathological inputs: each pattern (an unpunctuated
run with "berkata" every few words, repeated "X Sdn Bhd … contract" sentences, many names in one
sentence, many quotes, one sentence repeated) is analysed at a size and at twice that size, and the
CPU-time ratio must stay below 3 (quadratic work gives about 4). Ratios only, never absolute times;
`benchmarks/complexity.py` doubles each pattern up to 1 MB."""

from __future__ import annotations

import pytest

from jalin.pipeline import analyze, warm_up
from jalin.sentences import MAX_SENTENCE
from pathological import PATTERNS, berkata_run, cpu_seconds

SIZE = 60_000


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_doubling_the_input_at_most_triples_the_time(name: str) -> None:
    warm_up()
    make = PATTERNS[name]
    small, large = cpu_seconds(make(SIZE)), cpu_seconds(make(2 * SIZE))
    assert large / small < 3, f"{name}: {small:.3f}s -> {large:.3f}s at twice the size"


def test_an_unpunctuated_run_is_cut_into_bounded_sentences() -> None:
    text = berkata_run(3 * MAX_SENTENCE)
    sentences = analyze(text).sentences
    assert len(sentences) >= 3
    assert all(s.end - s.start <= MAX_SENTENCE for s in sentences)
    assert all(text[s.end - 1] == "," or text[s.end] in " ," for s in sentences[:-1])


def test_sentences_of_ordinary_length_are_not_cut() -> None:
    sentence = ("Menteri Pertahanan Thailand berkata kedua-dua negara akan mengadakan latihan bersama, "
                "termasuk rondaan maritim di Selat Melaka, pada tahun depan.")
    analysis = analyze(" ".join([sentence] * 3))
    assert [analysis.text[s.start:s.end] for s in analysis.sentences] == [sentence] * 3
