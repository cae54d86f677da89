"""Agreements and stages the earlier rules missed (issue 14), on sentences written for these tests,
through the whole pipeline: a purchase told by its verb with what is bought and the seller ("akan
membeli enam pesawat dari X", "bought two frigates from X"), heads of agreement (a letter of intent),
the Indonesian signing noun ("penandatanganan kontrak"), and a court ruling an agreement void
("tidak sah", "null and void")."""

from __future__ import annotations

import json

import pytest

from jalin import analyze


def _agreements(text: str) -> list[tuple[str, list[str], str]]:
    data = json.loads(analyze(text, published="2024-05-01").to_json())
    return [(a["type"], a["parties"], a["status"]) for a in data["agreements"]]


@pytest.mark.parametrize("text, expected", [
    ("MANILA: Filipina akan membeli enam pesawat pejuang dari Korea Selatan, kata menteri pertahanan.",
     ("procurement_contract", ["KOR", "PHL"], "proposed")),
    ("CAIRO: Mesir membeli empat buah kapal frigat daripada Itali tahun lalu, kata menteri pertahanan.",
     ("procurement_contract", ["EGY", "ITA"], "signed")),
    ("NAIROBI: Kenya bought two patrol vessels from Spain in 2019, the defence ministry said.",
     ("procurement_contract", ["ESP", "KEN"], "signed")),
    ("NAIROBI: Kenya plans to buy 12 armoured vehicles from Turkey, the army chief said.",
     ("procurement_contract", ["KEN", "TUR"], "proposed")),
])
def test_a_purchase_told_by_its_verb_is_a_procurement_between_buyer_and_seller(text, expected):
    assert _agreements(text) == [expected]


@pytest.mark.parametrize("text", [
    "NAIROBI: Orang ramai membeli dua ekor lembu dari pasar, kata penduduk.",        # no equipment
    "NAIROBI: The ministry will buy new uniforms for soldiers from local tailors.",  # no quantity
    "NAIROBI: Kenya bought two patrol vessels last year. From Spain came only advice.",  # seller not in it
])
def test_a_purchase_verb_without_equipment_and_seller_is_no_agreement(text):
    assert _agreements(text) == []


def test_heads_of_agreement_are_a_letter_of_intent():
    assert _agreements("ACCRA: Ghana and Senegal signed heads of agreement on a joint naval patrol "
                       "programme on Monday.") == [("loi", ["GHA", "SEN"], "signed")]


def test_the_indonesian_signing_noun_is_a_signing():
    [(kind, parties, status)] = _agreements(
        "JAKARTA: Penandatanganan kontrak antara Kementerian Pertahanan Indonesia dan Hanwha Ocean untuk "
        "pembinaan kapal selam berlangsung semalam.")
    assert (kind, status) == ("procurement_contract", "signed") and "IDN" in parties


@pytest.mark.parametrize("text", [
    "LIMA: Mahkamah Agung memutuskan perjanjian pertahanan antara Peru dan Chile itu tidak sah, kata "
    "peguam negara.",
    "LIMA: The Supreme Court ruled that the defence agreement between Peru and Chile was null and void.",
])
def test_an_agreement_ruled_void_is_cancelled(text):
    assert _agreements(text) == [("defence_cooperation", ["CHL", "PER"], "cancelled")]


def test_an_agreement_said_valid_is_not_cancelled():
    assert _agreements("LIMA: Perjanjian pertahanan antara Peru dan Chile itu sah, kata peguam negara.") == [
        ("defence_cooperation", ["CHL", "PER"], "unknown")]
