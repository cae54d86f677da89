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
