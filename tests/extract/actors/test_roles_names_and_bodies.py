"""Actors: persons (honorific, rank, role chains, appositions, short forms), organisations, groups,
places, in Malay and English wire copy; the seed's gold; bad input."""

from __future__ import annotations

import json

import pytest

from helpers import SHARED_DIR
from jalin.model import Actor
from jalin.pipeline import analyze

SHARED = SHARED_DIR


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
    # An English text without a dateline gives a title that names no country no country at all.
    assert people == {"Budi Santoso": ("IDN", ["President"]), "Steven Lim": (None, ["Editor-in-Chief"])}


def test_ambassador_to_host_country_keeps_own_nationality() -> None:
    text = ("BANGKOK: Thai Ambassador to Malaysia Somchai Wongsa said Bangkok welcomed the plan, while "
            "Ambassador to Japan Datuk Lim Kok Wah said the talks went well.")
    assert _summary(_person(text, "Somchai Wongsa")) == ("Somchai Wongsa", "THA", "GOV", ["Ambassador"], [])
    assert _summary(_person(text, "Lim Kok Wah")) == ("Lim Kok Wah", "MYS", "GOV", ["Ambassador"], ["Datuk"])


def test_role_with_ordinal_numeral() -> None:
    text = "Timbalan Menteri Pertahanan II, Datuk Seri Razak Ali, pula berkata TLDM akan menerima kapal itu."
    assert _summary(_person(text, "Razak Ali")) == (
        "Razak Ali", "MYS", "GOV", ["Deputy Minister of Defence"], ["Datuk Seri"])


def test_all_capitals_capital_is_an_acronym_outside_the_dateline() -> None:
    text = ("LIMA, May 3 -- Peru and Malaysia signed a pact.\n\n"
            "The deal was signed at LIMA 2025 in Langkawi, while Lima said it would follow up.")
    summary = [(a.type, a.name, a.country, len(a.mentions)) for a in _actors(text)]
    assert summary == [("LOCATION", "Lima", "PER", 1), ("COUNTRY", "Peru", "PER", 2),
                       ("COUNTRY", "Malaysia", "MYS", 1), ("LOCATION", "Langkawi", "MYS", 1)]


def test_national_bodies_take_the_country_named_with_them() -> None:
    text = ("PUTRAJAYA: Malaysia menyerahkan nota bantahan kepada Kedutaan Besar Vietnam berhubung kapal "
            "Pengawal Pantai Vietnam. Seramai 400 anggota Tentera Darat India turut serta.\n\n"
            "The Indian Army, the Philippine Coast Guard and the Embassy of Japan issued statements. "
            "Singapore's Foreign Ministry said it was monitoring the situation. The embassy declined "
            "to comment, and the Royal Malaysian Navy took part.")
    bodies = [(a.name, a.canonical, a.country, a.sector, len(a.mentions))
              for a in _actors(text) if a.type == "ORGANISATION"]
    assert bodies == [
        ("Kedutaan Besar Vietnam", "Embassy (Vietnam)", "VNM", "GOV", 1),
        ("Pengawal Pantai Vietnam", "Coast Guard (Vietnam)", "VNM", "MIL", 1),
        ("Tentera Darat India", "Army (India)", "IND", "MIL", 2),
        ("Philippine Coast Guard", "Coast Guard (Philippines)", "PHL", "MIL", 1),
        ("Embassy of Japan", "Embassy (Japan)", "JPN", "GOV", 1),
        ("Singapore's Foreign Ministry", "Ministry of Foreign Affairs (Singapore)", "SGP", "GOV", 1),
        ("Royal Malaysian Navy", "Royal Malaysian Navy", "MYS", "MIL", 1),
    ]


def test_companies_by_legal_form_and_their_short_forms() -> None:
    text = ("KUALA LUMPUR: Syarikat tempatan Perisai Dinamik Sdn Bhd hari ini memeterai MoU dengan "
            "Aselsan.\n\n"
            "MoU itu ditandatangani oleh Ketua Pegawai Eksekutif Perisai Dinamik, Datuk Razak Hamid Yusof, "
            "manakala Aselsan diwakili Naib Presiden Kanannya, Emre Yilmaz.\n\n"
            "PT Len Industri and Hanwha Ocean Co. Ltd will also take part.")
    bodies = [(a.name, a.country, a.sector, len(a.mentions))
              for a in _actors(text) if a.type == "ORGANISATION"]
    assert bodies == [("Perisai Dinamik Sdn Bhd", "MYS", "BUS", 2), ("Aselsan", "TUR", "BUS", 2),
                      ("PT Len Industri", "IDN", "BUS", 1), ("Hanwha Ocean Co. Ltd", "KOR", "BUS", 1)]
    assert _summary(_person(text, "Razak Hamid Yusof")) == (
        "Razak Hamid Yusof", "MYS", "BUS", ["Chief Executive Officer"], ["Datuk"])
    assert _summary(_person(text, "Emre Yilmaz")) == (
        "Emre Yilmaz", "TUR", "BUS", ["Senior Vice President"], [])


def test_role_after_its_company_takes_the_company_country() -> None:
    text = ("LANGKAWI: The firm will open a service centre, said Airbus Helicopters Southeast Asia chief "
            "executive officer Pierre Martin.")
    assert _summary(_person(text, "Pierre Martin")) == (
        "Pierre Martin", "FRA", "BUS", ["Chief Executive Officer"], [])
    speakers = {s.speaker for s in analyze(text).statements}
    assert speakers == {next(a.id for a in _actors(text) if a.name == "Pierre Martin")}


def test_maritime_rank_and_role_over_a_bracketed_acronym() -> None:
    text = ("Sementara itu, Ketua Pengarah Agensi Penguatkuasaan Maritim Malaysia (APMM), Laksamana Maritim "
            "Datuk Ahmad Rizal Ismail, berkata tiga kapal asing dikesan.")
    assert _summary(_person(text, "Ahmad Rizal Ismail")) == (
        "Ahmad Rizal Ismail", "MYS", "GOV", ["Director-General"], ["Datuk"])


def test_bodies_with_acronyms_including_bodies_of_an_igo() -> None:
    text = ("KUALA LUMPUR: The National Cyber Response Team (NCRT) will leave tomorrow. It will work with "
            "the ASEAN Coordinating Centre for Cyber Defence (ACC Centre), and NCRT will report to the "
            "ACC Centre.")
    bodies = [(a.canonical, a.country, a.sector, len(a.mentions))
              for a in _actors(text) if a.type == "ORGANISATION"]
    assert bodies == [("National Cyber Response Team", None, "GOV", 3),
                      ("ASEAN Coordinating Centre for Cyber Defence", None, "IGO", 3),
                      ("Association of Southeast Asian Nations", None, "IGO", 1)]


def test_malay_body_ending_with_its_country() -> None:
    text = ("CANBERRA: Pegawai ATM akan berlatih di Akademi Pertahanan Australia mulai tahun depan, kata "
            "Menteri Pertahanan Australia Richard Miles. Wakil Universiti Pertahanan Nasional Filipina "
            "turut hadir.")
    bodies = [(a.name, a.country, a.sector) for a in _actors(text) if a.type == "ORGANISATION"]
    assert bodies == [("ATM", "MYS", "MIL"), ("Akademi Pertahanan Australia", "AUS", "EDU"),
                      ("Universiti Pertahanan Nasional Filipina", "PHL", "EDU")]
    assert _summary(_person(text, "Richard Miles")) == (
        "Richard Miles", "AUS", "GOV", ["Minister of Defence"], [])


def test_title_and_name_after_a_place_word_name_the_place() -> None:
    text = ("GEMAS: Latihan itu bermula di Kem Syed Sirajuddin dan Jalan Tun Razak ditutup. "
            "Tun Ahmad Sarji hadir.")
    assert [a.name for a in _actors(text) if a.type == "PERSON"] == ["Ahmad Sarji"]


def test_names_next_to_person_taking_verbs() -> None:
    text = ("KUALA LUMPUR: Rahman Ali met Joko Susanto in Jakarta yesterday. The pact was signed by Peter "
            "Hollis and Datuk Lim Kok Wah. The delegation was led by Mark Davies.\n\n"
            "Beliau turut bertemu dengan Maria Santos dan diiringi oleh Azlan Yusof. The talks were hosted "
            "by Wisma Putra, and Malaysia Airlines visited Kuala Lumpur.")
    assert [a.name for a in _actors(text) if a.type == "PERSON"] == [
        "Rahman Ali", "Joko Susanto", "Peter Hollis", "Lim Kok Wah", "Mark Davies", "Maria Santos",
        "Azlan Yusof"]


def test_two_joined_roles_of_one_person() -> None:
    text = ("BANGKOK: Timbalan Perdana Menteri merangkap Menteri Pertahanan Thailand, Somsak Chai berkata "
            "latihan itu berjaya. Deputy Prime Minister and Defence Minister Heng Wei Ming agreed, while "
            "the Prime Minister and Foreign Minister Datuk Lim Kok Wah met. Ketua Tentera Laut Laksamana "
            "Datuk Zulkifli Ahmad hadir.")
    assert _summary(_person(text, "Somsak Chai")) == (
        "Somsak Chai", "THA", "GOV", ["Deputy Prime Minister", "Minister of Defence"], [])
    assert _summary(_person(text, "Heng Wei Ming"))[3] == ["Deputy Prime Minister", "Minister of Defence"]
    assert _summary(_person(text, "Lim Kok Wah"))[3] == ["Minister of Foreign Affairs"]
    assert _summary(_person(text, "Zulkifli Ahmad")) == (
        "Zulkifli Ahmad", "MYS", "MIL", ["Chief of Navy"], ["Datuk"])


def test_company_name_does_not_take_the_title_before_it_and_police_ranks() -> None:
    text = ("KUALA LUMPUR: Pengarah Urusan Serba Cekap Holdings Bhd, Datuk Ahmad Ali, dan Ketua Eksekutif "
            "Anggun Berhad hadir. Superintenden Kalsom Idris berkata siasatan diteruskan.")
    bodies = [a.name for a in _actors(text) if a.type == "ORGANISATION"]
    assert bodies == ["Serba Cekap Holdings Bhd", "Anggun Berhad"]
    assert _summary(_person(text, "Ahmad Ali")) == (
        "Ahmad Ali", "MYS", "BUS", ["Managing Director"], ["Datuk"])
    assert _summary(_person(text, "Kalsom Idris")) == ("Kalsom Idris", None, "GOV", [], [])
