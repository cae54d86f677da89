"""Actors: persons (honorific, rank, role chains, appositions, short forms), organisations, groups,
places, in Malay and English wire copy; the seed's gold; bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jalin.model import Actor
from jalin.pipeline import analyze

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _actors(text: str) -> list[Actor]:
    return analyze(text).actors


def _person(text: str, name: str) -> Actor:
    found = [a for a in _actors(text) if a.type == "PERSON" and a.name == name]
    assert len(found) == 1, [a.name for a in _actors(text) if a.type == "PERSON"]
    return found[0]


def _summary(actor: Actor) -> tuple:
    return (actor.name, actor.country, actor.sector, [r.en for r in actor.roles], actor.honorifics)


def test_malay_role_honorific_name() -> None:
    text = "PUTRAJAYA: Menteri Pertahanan Datuk Seri Ahmad Faizal Hamdan berkata kerjasama itu penting."
    assert _summary(_person(text, "Ahmad Faizal Hamdan")) == (
        "Ahmad Faizal Hamdan", "MYS", "GOV", ["Minister of Defence"], ["Datuk Seri"])


def test_english_role_with_country_adjective() -> None:
    text = "US Secretary of State John Barrow met Japanese Foreign Minister Kenji Sato in Tokyo."
    assert _summary(_person(text, "John Barrow")) == ("John Barrow", "USA", "GOV", ["Secretary of State"], [])
    assert _summary(_person(text, "Kenji Sato")) == (
        "Kenji Sato", "JPN", "GOV", ["Minister of Foreign Affairs"], [])


def test_nested_role_deputy_prefix() -> None:
    text = "Timbalan Menteri Pertahanan Datuk Lim Wei Kiat dan Deputy Prime Minister Tan Hock Seng hadir."
    assert _summary(_person(text, "Lim Wei Kiat"))[3] == ["Deputy Minister of Defence"]
    assert _summary(_person(text, "Tan Hock Seng"))[3] == ["Deputy Prime Minister"]


def test_role_country_after_role_and_foreign_visitor() -> None:
    text = ("Duta Besar Korea Selatan ke Malaysia, Park Min-jun mengadakan kunjungan hormat ke atas "
            "Perdana Menteri Datuk Seri Rahman Ali di Putrajaya.")
    assert _summary(_person(text, "Park Min-jun")) == ("Park Min-jun", "KOR", "GOV", ["Ambassador"], [])
    assert _summary(_person(text, "Rahman Ali")) == (
        "Rahman Ali", "MYS", "GOV", ["Prime Minister"], ["Datuk Seri"])


def test_appositive_role_after_name() -> None:
    text = "Ahmad Zaki Rashid, Menteri Luar Negeri, berkata Malaysia menyokong rundingan itu."
    assert _summary(_person(text, "Ahmad Zaki Rashid"))[:4] == (
        "Ahmad Zaki Rashid", "MYS", "GOV", ["Minister of Foreign Affairs"])


def test_rank_is_not_an_honorific_and_gives_military_sector() -> None:
    text = "Panglima Angkatan Tentera Jeneral Tan Sri Hamid Osman menerima kunjungan itu."
    assert _summary(_person(text, "Hamid Osman")) == (
        "Hamid Osman", "MYS", "MIL", ["Chief of Defence Force"], ["Tan Sri"])


def test_name_particles() -> None:
    text = "Tan Sri Mohd Rizal bin Abdullah dan Datuk Seri K. Rajan a/l Muthu hadir ke majlis itu."
    names = sorted(a.name for a in _actors(text) if a.type == "PERSON")
    assert names == ["K. Rajan a/l Muthu", "Mohd Rizal bin Abdullah"]


def test_short_forms_are_mentions_of_one_person() -> None:
    text = ("KUALA LUMPUR: Menteri Pertahanan Datuk Seri Ahmad Faizal Hamdan berkata kerjasama itu penting. "
            "Ahmad Faizal berkata demikian semasa lawatan. Faizal turut menyaksikan latihan itu.")
    person = _person(text, "Ahmad Faizal Hamdan")
    assert [m.text for m in person.mentions] == [
        "Menteri Pertahanan Datuk Seri Ahmad Faizal Hamdan", "Ahmad Faizal", "Faizal"]


def test_bare_role_refers_to_holder() -> None:
    text = ("Prime Minister Datuk Seri Rahman Ali met Thai Prime Minister Somchai Wong. "
            "The prime minister said the talks went well.")
    rahman = _person(text, "Rahman Ali")
    assert [m.text for m in rahman.mentions][-1] == "prime minister"


def test_counterpart_takes_role_and_other_country() -> None:
    text = ("Prime Minister Datuk Seri Rahman Ali said so at a joint press conference with his "
            "Cambodian counterpart Sok Vanna.")
    assert _summary(_person(text, "Sok Vanna"))[:4] == ("Sok Vanna", "KHM", "GOV", ["Prime Minister"])


def test_organisations_with_canonical_names() -> None:
    text = ("Kementerian Pertahanan (MINDEF) dan Jemaah Menteri meneliti tawaran Hanwha Aerospace "
            "serta kenyataan Kementerian Luar Negeri Jepun.")
    orgs = {a.name: (a.canonical, a.country, a.sector) for a in _actors(text) if a.type == "ORGANISATION"}
    assert orgs == {
        "Kementerian Pertahanan": ("Ministry of Defence (Malaysia)", "MYS", "GOV"),
        "Jemaah Menteri": ("Cabinet of Malaysia", "MYS", "GOV"),
        "Hanwha Aerospace": ("Hanwha Aerospace", "KOR", "BUS"),
        "Kementerian Luar Negeri Jepun": ("Ministry of Foreign Affairs (Japan)", "JPN", "GOV"),
    }


def test_unlisted_organisation_from_head_word_and_acronym() -> None:
    text = "The Malaysian Institute of Maritime Affairs (MIMA) said MIMA would publish the study."
    orgs = [a for a in _actors(text) if a.type == "ORGANISATION"]
    assert [(a.name, a.sector, [m.text for m in a.mentions]) for a in orgs] == [
        ("Malaysian Institute of Maritime Affairs", "EDU", ["Malaysian Institute of Maritime Affairs", "MIMA",
                                                           "MIMA"])]


def test_groups_in_both_languages() -> None:
    text = ("Lebih 20 syarikat pertahanan Malaysia hadir. Several South Korean defence companies "
            "also joined.")
    groups = [(a.name, a.country, a.sector) for a in _actors(text) if a.type == "GROUP"]
    assert groups == [("syarikat pertahanan Malaysia", "MYS", "BUS"),
                      ("South Korean defence companies", "KOR", "BUS")]


def test_place_metonym_and_sea() -> None:
    text = "Menteri itu tiba di Seoul semalam untuk membincangkan isu Laut China Selatan."
    places = sorted((a.name, a.country) for a in _actors(text) if a.type == "LOCATION")
    assert places == [("Seoul", "KOR"), ("South China Sea", None)]
    assert not [a for a in _actors(text) if a.type == "COUNTRY"]


def test_ids_are_sequential_and_deterministic() -> None:
    text = "Malaysia dan Jepun menandatangani perjanjian di Tokyo, kata Menteri Luar Datuk Ali Hassan."
    first = analyze(text).to_json()
    assert first == analyze(text).to_json()
    assert [a.id for a in analyze(text).actors] == [f"a{i}" for i in range(1, len(analyze(text).actors) + 1)]


def test_bad_input() -> None:
    assert _actors("") == []
    assert [a.type for a in _actors("@@@ ### 12345 ??? \u0000")] == []
    long_text = "Menteri Pertahanan Datuk Seri Ahmad Faizal Hamdan berkata Malaysia bersedia. " * 500
    actors = _actors(long_text)
    assert sorted(a.type for a in actors) == ["COUNTRY", "PERSON"]
    assert len(next(a for a in actors if a.type == "PERSON").mentions) == 500


def test_seed_gold_actors() -> None:
    seed = SHARED / "seed" / "bernama-2025-09-22-malaysia-korea-defence.txt"
    if not seed.exists():
        pytest.skip("../shared (seed article) is not available")
    from jalin.read import read_path

    record = next(iter(read_path(seed)))
    analysis = analyze(record.text, published=record.published)
    gold = json.loads((SHARED / "gold" / "dev" / "bernama-2025-09-22-malaysia-korea-defence.gold.json")
                      .read_text(encoding="utf-8"))
    countries = sorted(a.country for a in analysis.actors if a.type == "COUNTRY")
    assert countries == sorted(g["country"] for g in gold["actors"] if g["type"] == "COUNTRY")
    person = next(a for a in analysis.actors if a.type == "PERSON")
    expected = next(g for g in gold["actors"] if g["type"] == "PERSON")
    got = (person.name, person.country, person.sector, person.roles[0].en, person.honorifics)
    assert got == tuple(expected[k] for k in ("name", "country", "sector", "role_en", "honorifics"))
    assert [m.text for m in person.mentions][1:] == ["Mohamed Khaled", "Mohamed Khaled"]


def test_designate_role_and_abbreviated_name_word() -> None:
    text = ("Deputy Prime Minister-designate Dr Nurul Ain Hassan met the troops led by Major Mohd. Asri "
            "Che Wil.")
    assert _summary(_person(text, "Nurul Ain Hassan"))[3:] == (["Deputy Prime Minister"], ["Dr"])
    assert _summary(_person(text, "Mohd. Asri Che Wil"))[:3] == ("Mohd. Asri Che Wil", None, "MIL")


def test_generic_minister_portfolio_is_not_a_name() -> None:
    text = "Menteri Tugas-Tugas Khas Datuk Seri Ahmad Faizal Hamdan hadir."
    people = [a for a in _actors(text) if a.type == "PERSON"]
    assert [(a.name, [r.text for r in a.roles]) for a in people] == [
        ("Ahmad Faizal Hamdan", ["Menteri Tugas-Tugas Khas"])]


def test_seats_and_parties_are_not_person_names() -> None:
    text = ("Ahli Parlimen Lembah Pantai itu berkata demikian manakala Naib Presiden Parti Keadilan Rakyat "
            "hadir bersama Datuk Seri Ahmad Faizal Hamdan.")
    assert [a.name for a in _actors(text) if a.type == "PERSON"] == ["Ahmad Faizal Hamdan"]


def test_unlisted_body_country_follows_its_language() -> None:
    text = ("Laporan itu menyebut Arakan Liberation Army (ALA) dan Lembaga Penggalakan Pelancongan Negeri "
            "(LPPN).")
    orgs = {a.name: a.country for a in _actors(text) if a.type == "ORGANISATION"}
    assert orgs == {"Arakan Liberation Army": None, "Lembaga Penggalakan Pelancongan Negeri": "MYS"}


def test_ministry_with_several_portfolios_and_lists_of_ministries() -> None:
    text = ("Kementerian Pendidikan, Kebudayaan, Sukan dan Teknologi akan berbincang dengan Kementerian "
            "Pertahanan, Kementerian Kewangan dan Jemaah Menteri.")
    orgs = [(a.name, a.canonical) for a in _actors(text) if a.type == "ORGANISATION"]
    assert orgs == [
        ("Kementerian Pendidikan, Kebudayaan, Sukan dan Teknologi",
         "Kementerian Pendidikan, Kebudayaan, Sukan dan Teknologi"),
        ("Kementerian Pertahanan", "Ministry of Defence (Malaysia)"),
        ("Kementerian Kewangan", "Ministry of Finance (Malaysia)"),
        ("Jemaah Menteri", "Cabinet of Malaysia"),
    ]


def test_appositions_with_who_is_and_yang_juga() -> None:
    text = ("Ahmad Zaki Rashid yang juga Menteri Luar Negeri hadir. Later, Lim Wei Kiat, who is also the "
            "Defence Minister, said the talks would resume.")
    assert _summary(_person(text, "Ahmad Zaki Rashid"))[3] == ["Minister of Foreign Affairs"]
    assert _summary(_person(text, "Lim Wei Kiat"))[3] == ["Minister of Defence"]


def test_spouse_does_not_take_the_title_and_initials_do_not_merge_names() -> None:
    text = ("Isteri Perdana Menteri, Datin Seri Aminah Yusof dan Menteri Kesihatan Datuk Seri Dr S. Raman "
            "bersama Puan Sri Tina Raman hadir.")
    people = {a.name: [r.en for r in a.roles] for a in _actors(text) if a.type == "PERSON"}
    assert people == {"Aminah Yusof": [], "S. Raman": ["Minister of Health"], "Tina Raman": []}


def test_mayor_title_is_a_role_and_mou_is_not_a_body() -> None:
    text = ("Datuk Bandar Kuala Lumpur Datuk Seri Hamzah Ali hadir pada Majlis Memeterai Memorandum "
            "Persefahaman (MoU) itu.")
    actors = _actors(text)
    assert [(a.name, [r.en for r in a.roles], a.honorifics) for a in actors if a.type == "PERSON"] == [
        ("Hamzah Ali", ["Mayor"], ["Datuk Seri"])]
    assert [a for a in actors if a.type == "ORGANISATION"] == []


def test_possessive_is_not_part_of_the_name() -> None:
    text = "Indonesian President Budi Santoso’s visit was praised by Editor-in-chief Steven Lim."
    people = {a.name: (a.country, [r.en for r in a.roles]) for a in _actors(text) if a.type == "PERSON"}
    assert people == {"Budi Santoso": ("IDN", ["President"]), "Steven Lim": ("MYS", ["Editor-in-Chief"])}
