"""Who is a party to an agreement when the clause says so (issue 16: venue or host countries, brokers
and other countries of a sentence taken as parties). On sentences written for these tests, through
the whole pipeline: "antara A dan B", "between A and B", "signed by A and B" name the parties, and the
other countries in the clause (a host, a broker, a country visited) are none; a broker ("diusahakan
X", "brokered by X") is no party; a city in an agreement's name ("Perjanjian Iklim Oslo", "the Lisbon
Accord") is where it was made, not a party."""

from __future__ import annotations

import json

import pytest

from jalin import analyze


def _parties(text: str) -> list[list[str]]:
    data = json.loads(analyze(text, published="2024-05-01").to_json())
    return [a["parties"] for a in data["agreements"]]


@pytest.mark.parametrize("text, parties", [
    ("HANOI: Bersempena lawatan ke Jepun, memorandum persefahaman antara Vietnam dan Filipina mengenai "
     "keselamatan maritim ditandatangani semalam.", ["PHL", "VNM"]),
    ("ACCRA: During the minister's visit to France, an agreement between Ghana and Senegal on border "
     "patrols was signed, officials said.", ["GHA", "SEN"]),
    ("NAIROBI: Perjanjian yang dicapai di Mesir itu dimeterai pada Mac oleh Kenya dan Ethiopia, kata "
     "menteri pertahanan.", ["ETH", "KEN"]),
    ("QUITO: A defence agreement among Peru, Ecuador and Bolivia was signed on Monday while Colombia "
     "watched, the defence minister said.", ["BOL", "ECU", "PER"]),
])
def test_the_parties_the_clause_names_are_the_parties(text, parties):
    assert _parties(text) == [parties]


@pytest.mark.parametrize("text, parties", [
    ("NAIROBI: Perjanjian yang diusahakan Mesir itu dimeterai pada Mac oleh Kenya dan Ethiopia, kata "
     "menteri pertahanan.", ["ETH", "KEN"]),
    ("ANKARA: The grain corridor deal brokered by Brazil was signed in March by Chile and Peru, officials "
     "said.", ["CHL", "PER"]),
    ("LIMA: Chile and Peru signed a ceasefire agreement mediated by Brazil on Friday.", ["CHL", "PER"]),
])
def test_a_broker_is_no_party(text, parties):
    assert _parties(text) == [parties]


def test_a_city_in_the_agreement_name_is_no_party():
    text = "CAIRO: Jordan menarik diri daripada Perjanjian Iklim Oslo, kata menteri luar."
    assert _parties(text) == [["JOR"]]
    assert _parties("LIMA: Peru and Chile signed the Lisbon Accord on fisheries patrols on Monday.") == [
        ["CHL", "PER"]]


def test_a_country_in_the_agreement_name_stays_a_party():
    [parties] = _parties("MANILA: The Philippines-Japan Reciprocal Access Agreement was signed on Monday.")
    assert "JPN" in parties and "PHL" in parties


def test_two_countries_not_joined_after_between_do_not_make_a_list():
    # "between Chile" alone, the other side named with "with": the usual rules decide, both sides stay.
    [parties] = _parties("SANTIAGO: Chile signed a memorandum of understanding with Norway on naval "
                         "training, the defence minister said.")
    assert parties == ["CHL", "NOR"]
