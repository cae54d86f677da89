"""Classes of error found on unseen news (issue 14), each fixed as a general rule and tested on
sentences written for these tests (other names, countries and numbers than any article's).
Each case lists every event expected as "TYPE SOURCE>TARGET modality", countries by ISO3."""

from __future__ import annotations

import pytest

from jalin import analyze


def coded(text: str, published: str | None = None) -> list[str]:
    """Every event of the full analysis as "TYPE SOURCES>TARGETS modality"."""
    result = analyze(text, published=published)
    country = {a.id: a.country or a.name for a in result.actors}
    return [
        f"{e.type} {','.join(sorted(country[a] for a in e.source))}>"
        f"{','.join(sorted(country[a] for a in e.target))} {e.modality}"
        for e in result.events
    ]

# PLOVER's CAMEO table: signing (057), diplomatic ties (050) and apologies (055) are SUPPORT; a
# stated intention to cooperate or give aid is AGREE; easing sanctions (085) is RETREAT.
PLOVER = [
    ("Vietnam menandatangani perjanjian perdagangan dengan Laos semalam.", ["SUPPORT VNM>LAO asserted"]),
    ("Chile signed a fisheries accord with Peru on Monday.", ["SUPPORT CHL>PER asserted"]),
    ("Ecuador apologised to Colombia for the border incident.", ["SUPPORT ECU>COL asserted"]),
    ("Kenya memohon maaf kepada Uganda atas insiden itu.", ["SUPPORT KEN>UGA asserted"]),
    ("Norway will send medical teams to Sudan next week.", ["AGREE NOR>SDN intended"]),
    ("Canada lifted sanctions on Cuba last year.", ["RETREAT CAN>CUB asserted"]),
    ("Jepun menarik balik sekatan ekonomi terhadap Myanmar.", ["RETREAT JPN>MMR asserted"]),
]


@pytest.mark.parametrize(("text", "expected"), PLOVER, ids=[f"plover{i}" for i in range(len(PLOVER))])
def test_plover_types_follow_the_cameo_table(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


def test_signing_keeps_its_cameo_and_intent_its_own() -> None:
    signed = analyze("Chile signed a fisheries accord with Peru on Monday.").events
    assert [(e.type, e.cameo) for e in signed] == [("SUPPORT", "057")]
    promised = analyze("Brazil will sign a defence pact with Angola.").events
    assert [(e.type, e.cameo, e.modality) for e in promised] == [("AGREE", "030", "intended")]


# Vocabulary: purchases, assurances, mediation, upgrades, siding, Indonesian talks, violence,
# riots, arrests, investigations, sanctions, and the di- passives generated from listed me- verbs.
VOCABULARY = [
    ("Peru akan membeli empat kapal peronda dari Sepanyol.", ["AGREE PER>ESP intended"]),
    ("Ghana purchased two transport aircraft from Brazil last year.", ["COOPERATE GHA>BRA asserted"]),
    ("Qatar bertindak sebagai pemudah cara antara Sudan dan Chad.", ["CONSULT QAT>SDN,TCD asserted"]),
    ("Norway mediated between Colombia and the rebels.", ["CONSULT NOR>COL asserted"]),
    ("Mesir menyebelahi Jordan dalam pertikaian itu.", ["SUPPORT EGY>JOR asserted"]),
    ("Menteri Luar Chile membahas isu perikanan dengan Peru.", ["CONSULT CHL>PER asserted"]),
    ("Kenya memberi jaminan kepada Uganda bahawa sempadan akan dibuka.", ["AGREE KEN>UGA asserted"]),
    ("Polis Nepal menembak mati dua penyeludup India.", ["ASSAULT NPL>IND asserted"]),
    ("Ethiopia dikecam oleh Kenya kerana serangan itu.", ["ACCUSE KEN>ETH asserted"]),
    ("Resolusi Sweden itu diveto oleh Rusia.", ["REJECT RUS>SWE asserted"]),
    ("Norway menyiasat syarikat Chile itu.", ["ACCUSE NOR>CHL asserted"]),
    ("Kanada menjatuhkan sanksi terhadap Venezuela.", ["SANCTION CAN>VEN asserted"]),
]


@pytest.mark.parametrize(("text", "expected"), VOCABULARY,
                         ids=[f"vocab{i}" for i in range(len(VOCABULARY))])
def test_vocabulary_of_unseen_news(text: str, expected: list[str]) -> None:
    assert coded(text) == expected
