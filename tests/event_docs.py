"""Hand-built documents for the events and topics tests: the text layer's sentences plus actors
made by hand from a small gazetteer, so these tests do not depend on the actors layer."""

from __future__ import annotations

import re

from jalin.doc import Doc
from jalin.extract.events.layer import extract
from jalin.lexicon import load_lexicon
from jalin.model import Actor, TextSpan
from jalin.text import prepare

# surface form -> (actor type, ISO3); longer forms are matched first.
GAZETTEER: dict[str, tuple[str, str]] = {
    "Malaysia": ("COUNTRY", "MYS"), "Malaysian": ("COUNTRY", "MYS"), "Putrajaya": ("COUNTRY", "MYS"),
    "Korea Selatan": ("COUNTRY", "KOR"), "South Korea": ("COUNTRY", "KOR"), "Seoul": ("COUNTRY", "KOR"),
    "Korea Utara": ("COUNTRY", "PRK"), "North Korea": ("COUNTRY", "PRK"),
    "Jepun": ("COUNTRY", "JPN"), "Japan": ("COUNTRY", "JPN"), "Tokyo": ("COUNTRY", "JPN"),
    "China": ("COUNTRY", "CHN"), "Beijing": ("COUNTRY", "CHN"), "Chinese": ("COUNTRY", "CHN"),
    "Indonesia": ("COUNTRY", "IDN"), "Jakarta": ("COUNTRY", "IDN"),
    "Singapura": ("COUNTRY", "SGP"), "Singapore": ("COUNTRY", "SGP"),
    "Thailand": ("COUNTRY", "THA"), "Bangkok": ("COUNTRY", "THA"), "Thai": ("COUNTRY", "THA"),
    "Filipina": ("COUNTRY", "PHL"), "Philippines": ("COUNTRY", "PHL"), "Manila": ("COUNTRY", "PHL"),
    "Vietnam": ("COUNTRY", "VNM"), "Australia": ("COUNTRY", "AUS"), "Canberra": ("COUNTRY", "AUS"),
    "Amerika Syarikat": ("COUNTRY", "USA"), "United States": ("COUNTRY", "USA"),
    "Washington": ("COUNTRY", "USA"),
    "Rusia": ("COUNTRY", "RUS"), "Russia": ("COUNTRY", "RUS"), "Moscow": ("COUNTRY", "RUS"),
    "Ukraine": ("COUNTRY", "UKR"), "Kyiv": ("COUNTRY", "UKR"),
    "India": ("COUNTRY", "IND"), "New Delhi": ("COUNTRY", "IND"),
    "Myanmar": ("COUNTRY", "MMR"), "Iran": ("COUNTRY", "IRN"), "Israel": ("COUNTRY", "ISR"),
    "Turkiye": ("COUNTRY", "TUR"), "Turkey": ("COUNTRY", "TUR"),
    "Perancis": ("COUNTRY", "FRA"), "France": ("COUNTRY", "FRA"),
    "Britain": ("COUNTRY", "GBR"), "Kemboja": ("COUNTRY", "KHM"), "Cambodia": ("COUNTRY", "KHM"),
    "Brunei": ("COUNTRY", "BRN"), "Pakistan": ("COUNTRY", "PAK"), "Palestin": ("COUNTRY", "PSE"),
    "Palestine": ("COUNTRY", "PSE"),
    "Mohamad Hasan": ("PERSON", "MYS"), "Khaled Nordin": ("PERSON", "MYS"),
    "Anwar Ibrahim": ("PERSON", "MYS"), "Anwar": ("PERSON", "MYS"),
    "Wang Yi": ("PERSON", "CHN"), "Penny Wong": ("PERSON", "AUS"), "Marles": ("PERSON", "AUS"),
    "Prabowo": ("PERSON", "IDN"), "Marcos": ("PERSON", "PHL"), "Sugiono": ("PERSON", "IDN"),
    "Lawrence Wong": ("PERSON", "SGP"), "Kishida": ("PERSON", "JPN"), "Lavrov": ("PERSON", "RUS"),
}

_PATTERN = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(GAZETTEER, key=len, reverse=True)) + r")(?!\w)"
)


def make_doc(text: str, published: str | None = "2025-09-22", title: str | None = None) -> Doc:
    """The prepared document with one actor per gazetteer entry found, every mention listed."""
    doc = prepare(text, published=published, id=None, title=title, url=None, source=None,
                  metadata={}, lexicon=load_lexicon())
    by_name: dict[str, Actor] = {}
    for match in _PATTERN.finditer(doc.text):
        kind, iso = GAZETTEER[match.group()]
        key = iso if kind == "COUNTRY" else match.group()
        actor = by_name.get(key)
        if actor is None:
            actor = by_name[key] = Actor(id=f"a{len(by_name) + 1}", type=kind, name=match.group(),
                                         country=iso)
        actor.mentions.append(TextSpan(match.start(), match.end(), match.group()))
    doc.actors = list(by_name.values())
    return doc


def country_of(doc: Doc, actor_id: str) -> str:
    return next(a.country or "" for a in doc.actors if a.id == actor_id)


def coded(text: str) -> list[str]:
    """The events of `text` as "TYPE SOURCE>TARGET modality", countries by ISO3."""
    doc = make_doc(text)
    return [
        f"{e.type} {','.join(sorted(country_of(doc, a) for a in e.source))}>"
        f"{','.join(sorted(country_of(doc, a) for a in e.target))} {e.modality}"
        for e in extract(doc)
    ]
