"""Country references: names in Malay, English and Indonesian, adjectives, codes, metonyms."""

from __future__ import annotations

from jalin.extract.actors import extract as find_actors
from jalin.extract.common.queries import countries_in
from jalin.lexicon import load_lexicon
from jalin.pipeline import analyze
from jalin.text import prepare


def _doc(text: str):
    """The prepared document with the actors layer run (countries_in reads its records)."""
    doc = prepare(text, published=None, id=None, title=None, url=None, source=None,
                  metadata={}, lexicon=load_lexicon())
    doc.actors = find_actors(doc)
    return doc


def _codes(text: str) -> list[str]:
    doc = _doc(text)
    return [iso for iso, *_ in countries_in(doc, 0, len(doc.text))]


def test_malay_names_and_compounds() -> None:
    text = "KUALA LUMPUR: Kerjasama pertahanan Malaysia-Korea Selatan diperkukuh, kata Jepun dan Turki."
    assert _codes(text) == ["MYS", "KOR", "JPN", "TUR"]


def test_english_names_adjectives_and_codes() -> None:
    text = "The US and Britain backed the South Korean plan, while Japanese and Turkish firms waited."
    assert _codes(text) == ["USA", "GBR", "KOR", "JPN", "TUR"]


def test_short_codes_only_in_capitals() -> None:
    assert _codes("Amerika Syarikat (AS) dan United Kingdom (UK) menyokong.") == [
        "USA", "USA", "GBR", "GBR"]
    assert _codes("The deal was signed as planned, as agreed with us.") == []


def test_spellings_map_to_one_code() -> None:
    assert _codes("Turkiye, Türkiye, Turkey dan Turki.") == ["TUR"] * 4
    assert _codes("Myanmar atau Burma; Filipina dan Republik Rakyat China.") == [
        "MMR", "MMR", "PHL", "CHN"]


def test_korea_alone_is_south_korea_and_north_is_distinct() -> None:
    assert _codes("Seminar Kerjasama Industri Pertahanan Malaysia-Korea.") == ["MYS", "KOR"]
    assert _codes("Korea Utara melancarkan peluru berpandu.") == ["PRK"]


def test_metonym_is_country_unless_used_as_place() -> None:
    assert _codes("Putrajaya dan Seoul bersetuju memeterai perjanjian.") == ["MYS", "KOR"]
    assert _codes("Beliau berada di Seoul minggu lalu.") == []
    assert _codes("Washington said Beijing must respond.") == ["USA", "CHN"]
    assert _codes("He arrived in Beijing on Monday.") == []


def test_word_boundaries() -> None:
    assert _codes("Malaysian officials met Indiana traders and Omani envoys.") == ["MYS", "OMN"]


def test_window_and_actor_ids() -> None:
    doc = _doc("Malaysia dan Jepun menandatangani perjanjian. Korea Selatan turut hadir.")
    analysis = analyze(doc.text)
    ids = {a.country: a.id for a in analysis.actors if a.type == "COUNTRY"}
    found = countries_in(doc, 0, 30)
    assert [(iso, doc.text[s:e]) for iso, s, e, _ in found] == [("MYS", "Malaysia"), ("JPN", "Jepun")]
    assert [i for *_, i in found] == [ids["MYS"], ids["JPN"]]


def test_every_iso_country_has_a_row() -> None:
    import pycountry

    codes = {row["iso3"] for row in load_lexicon().table("countries")}
    assert {c.alpha_3 for c in pycountry.countries} <= codes


def test_bad_input() -> None:
    assert _codes("") == []
    assert _codes("@@@ ### 123 \x00") == []
    long_text = "Malaysia dan Jepun bekerjasama. " * 3000
    assert len(_codes(long_text)) == 6000
