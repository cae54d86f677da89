"""Actors: role titles of every portfolio, service chiefs, envoys, state media countries and
Myanmar honorifics, on sentences written for these tests (Malay and English wire copy)."""

from __future__ import annotations

from jalin.model import Actor
from jalin.pipeline import analyze


def _person(text: str, name: str) -> Actor:
    found = [a for a in analyze(text).actors if a.type == "PERSON" and a.name == name]
    assert len(found) == 1, [a.name for a in analyze(text).actors if a.type == "PERSON"]
    return found[0]


def _roles(text: str, name: str) -> tuple:
    actor = _person(text, name)
    return actor.country, [r.en for r in actor.roles]


def test_portfolio_ministers_and_deputies_english() -> None:
    text = ("KUALA LUMPUR: Deputy Communications and Multimedia Minister Amran Yusof said the network "
            "was secure, while Human Resources Minister Lee Chong Wah said jobs would follow.")
    assert _roles(text, "Amran Yusof") == ("MYS", ["Deputy Minister of Communications and Multimedia"])
    assert _roles(text, "Lee Chong Wah") == ("MYS", ["Minister of Human Resources"])


def test_indonesian_deputy_minister_and_service_chief_malay() -> None:
    text = ("JAKARTA: Wakil Menteri Pertahanan Indonesia Suharto Wibowo menerima kunjungan Kepala Staf "
            "Angkatan Darat Indonesia, Jeneral Agus Santoso, di ibu negara itu semalam.")
    assert _roles(text, "Suharto Wibowo") == ("IDN", ["Deputy Minister of Defence"])
    assert _roles(text, "Agus Santoso") == ("IDN", ["Chief of Army Staff"])


def test_defence_secretary_spelling_and_chief_executive() -> None:
    text = ("Indian Defence Secretary Ravi Kumar met US Defense Secretary Mark Ellis, while agency chief "
            "executive Datuk Salleh Omar and Airwing CEO Tom Baker looked on.")
    assert _roles(text, "Ravi Kumar") == ("IND", ["Defence Secretary"])
    assert _roles(text, "Mark Ellis") == ("USA", ["Secretary of Defense"])
    assert [r.en for r in _person(text, "Salleh Omar").roles] == ["Chief Executive"]
    assert [r.en for r in _person(text, "Tom Baker").roles] == ["Chief Executive Officer"]


def test_spokesman_and_assistant_secretary() -> None:
    text = "State Department spokesman Paul Green said Assistant Secretary Jane Moss would visit Manila."
    assert [r.en for r in _person(text, "Paul Green").roles] == ["Spokesman"]
    assert [r.en for r in _person(text, "Jane Moss").roles] == ["Assistant Secretary"]


def test_state_news_agency_takes_its_own_country() -> None:
    text = "North Korea fired a missile on Monday, the Korean Central News Agency (KCNA) reported."
    agency = [a for a in analyze(text).actors if a.name == "Korean Central News Agency"]
    assert [(a.type, a.country, a.sector) for a in agency] == [("ORGANISATION", "PRK", "MED")]


def test_myanmar_honorific_u() -> None:
    text = "Duta Myanmar ke Malaysia, U Thein Aung berkata negaranya memerlukan bantuan segera."
    actor = _person(text, "Thein Aung")
    assert (actor.country, actor.honorifics, [r.en for r in actor.roles]) == ("MMR", ["U"], ["Ambassador"])


def test_garbage_and_empty_input() -> None:
    assert analyze("").actors == []
    assert [a.type for a in analyze("U U U Wakil Kepala Staf ??? Head").actors if a.type == "PERSON"] == []


def test_listed_company_with_legal_form_keeps_its_country() -> None:
    text = "Hindustan Aeronautics Limited (HAL) and Syarikat Maju Jaya Sdn Bhd signed the contract."
    bodies = [(a.name, a.country) for a in analyze(text).actors if a.type == "ORGANISATION"]
    assert bodies == [("Hindustan Aeronautics Limited", "IND"), ("Maju Jaya Sdn Bhd", "MYS")]


def test_regional_cities_are_places_with_their_country() -> None:
    text = "JAKARTA: Delegasi itu bertolak dari Bogor ke Surabaya sebelum ke Osaka dan Chennai."
    places = [(a.type, a.name, a.country) for a in analyze(text).actors if a.name != "Jakarta"]
    assert places == [("LOCATION", "Bogor", "IDN"), ("LOCATION", "Surabaya", "IDN"),
                      ("LOCATION", "Osaka", "JPN"), ("LOCATION", "Chennai", "IND")]


def test_ethnic_groups_are_not_their_countries() -> None:
    malay = "KUALA LUMPUR: Masyarakat India dan kaum Cina menyambut baik langkah kerajaan Jepun itu."
    assert [(a.type, a.name) for a in analyze(malay).actors if a.type in ("COUNTRY", "GROUP")] == [
        ("COUNTRY", "Jepun")]
    english = "Leaders of the Indian community and ethnic Chinese traders met Indian officials."
    assert [(a.type, a.name, a.country) for a in analyze(english).actors] == [
        ("COUNTRY", "India", "IND"), ("GROUP", "Indian officials", "IND")]


def test_possessive_company_gives_its_chief_their_country_and_sector() -> None:
    text = "KUALA LUMPUR: Aselsan's chief executive Ahmet Akyol said the first batch would arrive in May."
    actor = _person(text, "Ahmet Akyol")
    assert (actor.country, actor.sector, [r.en for r in actor.roles]) == ("TUR", "BUS", ["Chief Executive"])



def test_retired_rank_marker_and_indonesian_ranks() -> None:
    malay = "Mesyuarat dipengerusikan Wakil Menteri Pertahanan Indonesia, Letnan Jeneral (B) Bambang Susilo."
    assert _roles(malay, "Bambang Susilo") == ("IDN", ["Deputy Minister of Defence"])
    english = "Analyst Maj Gen (Rtd) Ahmad Zaki Ali said the plan was sound."
    assert _person(english, "Ahmad Zaki Ali").sector == "MIL"


def test_appositive_role_with_an_article() -> None:
    text = "Speaking at the same event, Mehmet Yilmaz, a deputy head of Türkiye's defence agency, said it."
    assert _roles(text, "Mehmet Yilmaz") == ("TUR", ["Deputy Head"])
