"""The index structures behind the actors and statements layers, and that a document repeated
(datelines aside) gives the same records repeated (no step that depends on how much text came before)."""

from __future__ import annotations

from jalin.extract.actors.spans import SpanIndex
from jalin.extract.statements import _QuotedIndex
from jalin.pipeline import analyze

_ENGLISH = ("Perisai Dinamik Bhd signed a deal with Aselsan, Defence Minister "
            "Datuk Seri Ahmad Faizal Hamdan said today.\n\n"
            "\"The partnership will build local skills,\" he told reporters after the ceremony, adding that "
            "Perisai Dinamik would deliver the first vessel in 2027.")
_MALAY = ("Menteri Luar Negeri Datuk Seri Mohd Aziz Rahman berkata Malaysia dan Jepun akan "
          "memperluas kerjasama maritim.\n\n"
          "\"Kita mahu latihan bersama diadakan setiap tahun,\" katanya kepada pemberita di Wisma Putra.")


def test_span_index_finds_overlaps_in_insertion_order() -> None:
    index = SpanIndex([(600, 700), (10, 20), (0, 1000), (300, 300)])
    assert index.overlapping(15, 16) == [(10, 20), (0, 1000)]
    assert index.overlapping(250, 650) == [(600, 700), (0, 1000), (300, 300)]
    assert index.overlapping(20, 25) == [(0, 1000)]
    index.add((5, 12))
    assert index.overlapping(0, 11) == [(10, 20), (0, 1000), (5, 12)]
    assert index.touches(1500, 1600) is False
    assert index.touches(699, 700) is True
    assert SpanIndex().overlapping(0, 10) == []


def test_quoted_index_gives_the_quotes_near_a_sentence_even_when_they_nest() -> None:
    spans = [(50, 60), (10, 30), (0, 200), (300, 320)]
    near = _QuotedIndex(spans)
    assert near.around(31, 40) == [(0, 200), (10, 30)]  # contains it, closes right before it
    assert near.around(250, 310) == [(300, 320)]
    assert near.around(400, 500) == []
    assert _QuotedIndex([]).around(0, 10) == []


def _records(text: str) -> tuple[list[tuple], list[tuple]]:
    analysis = analyze(text)
    names = {a.id: (a.type, a.name) for a in analysis.actors}
    actors = sorted((a.type, a.name, len(a.mentions)) for a in analysis.actors)
    said = [(names.get(s.speaker), s.kind, s.text) for s in analysis.statements]
    return actors, said


def test_repeated_document_repeats_its_actors_and_statements() -> None:
    for text, statements in ((_ENGLISH, 3), (_MALAY, 2)):
        actors_once, said_once = _records(text)
        actors_four, said_four = _records("\n\n".join([text] * 4))
        assert actors_four == [(t, n, 4 * count) for t, n, count in actors_once]
        assert said_four == said_once * 4
        assert len(said_once) == statements


def test_company_name_starting_a_paragraph_keeps_its_first_word() -> None:
    text = ("Syarikat itu menandatangani perjanjian semalam.\n\n"
            "Kenanga Maritim Sdn Bhd akan membina dua kapal, kata jurucakapnya.\n\n"
            "Orion Fleet Bhd, a Johor shipyard, will supply the engines.")
    bodies = sorted(a.name for a in analyze(text).actors if a.type == "ORGANISATION")
    assert bodies == ["Kenanga Maritim Sdn Bhd", "Orion Fleet Bhd"]


def test_span_index_gives_the_same_answers_with_few_and_many_spans() -> None:
    spans = [(start, start + 7) for start in range(0, 3000, 50)] + [(120, 2600)]
    few, many = SpanIndex(spans[:10]), SpanIndex(spans)
    assert few.overlapping(45, 110) == [(50, 57), (100, 107)]
    assert few.overlapping(6, 7) == [(0, 7)]
    assert many.overlapping(45, 110) == [(50, 57), (100, 107)]
    assert many.overlapping(2598, 2606) == [(2600, 2607), (120, 2600)]
    many.add((2601, 2602))
    assert many.overlapping(2598, 2606) == [(2600, 2607), (120, 2600), (2601, 2602)]
