"""The actors layer: countries, persons, organisations, groups and places, one actor per referent,
every mention listed.

Country references come from the lexicon matcher (names, adjectives, metonyms, compounds such as
"Malaysia-Korea Selatan"); persons from honorific/role/rank + capitalised name patterns
(`actors_persons`); organisations and places from their lexicons.
"""

from __future__ import annotations

import bisect
import re

from jalin.doc import Doc
from jalin.extract.actors_lexicon import Match, scan
from jalin.model import Actor, TextSpan

# A capital or seat after one of these words is the place itself, not the country it stands for.
_LOCATIVE = re.compile(
    r"(?:\b(?:di|ke|dari|dekat|sekitar|in|at|to|from|near|around|outside|luar)\s+$)", re.IGNORECASE
)


def _country_names(doc: Doc) -> dict[str, str]:
    def build(lexicon):  # type: ignore[no-untyped-def]
        return {row["iso3"]: row["name"] for row in lexicon.table("countries")}

    return doc.lexicon.cached("actors.country_names", build)


def _is_place_use(doc: Doc, match: Match) -> bool:
    """A metonym used as a place: after a locative preposition, or the dateline."""
    if doc.text[:match.start].strip() == "":
        surface = doc.text[match.start:match.end]
        return surface.isupper() or doc.text[match.end:match.end + 1] in (":", ",")
    return bool(_LOCATIVE.search(doc.text[max(0, match.start - 12):match.start]))


def country_mentions(doc: Doc) -> list[tuple[str, int, int, str]]:
    """(ISO3, start, end, kind) of every country reference, in text order."""
    found: list[tuple[str, int, int, str]] = []
    for match in scan(doc):
        entry = match.first("organisation", "country", "adjective", "metonym")
        if entry is None or entry.kind == "organisation":
            continue
        if entry.kind == "metonym" and _is_place_use(doc, match):
            continue
        found.append((entry.key, match.start, match.end, entry.kind))
    return found


def _country_actors(doc: Doc) -> list[Actor]:
    names = _country_names(doc)
    by_code: dict[str, Actor] = {}
    for iso, start, end, kind in country_mentions(doc):
        actor = by_code.get(iso)
        surface = doc.text[start:end]
        if actor is None:
            actor = by_code[iso] = Actor(id="", type="COUNTRY", name=surface,
                                         canonical=names.get(iso, surface), country=iso)
            actor.name = ""
        if kind == "country" and not actor.name:
            actor.name = surface
        actor.mentions.append(TextSpan(start, end, surface))
    for actor in by_code.values():
        if not actor.name:
            actor.name = actor.canonical or actor.mentions[0].text
    return list(by_code.values())


def extract(doc: Doc) -> list[Actor]:
    actors = _country_actors(doc)
    actors.sort(key=lambda a: (a.mentions[0].start if a.mentions else 0, a.type, a.name))
    for number, actor in enumerate(actors, 1):
        actor.id = f"a{number}"
    doc.notes["actors.countries"] = sorted(
        (m.start, m.end, a.country or "", a.id)
        for a in actors if a.type == "COUNTRY" for m in a.mentions
    )
    return actors


def countries_in(doc: Doc, start: int, end: int) -> list[tuple[str, int, int, str]]:
    """(ISO3, mention start, mention end, actor id) of every country reference in [start, end)."""
    if "actors.countries" not in doc.notes:
        doc.actors = extract(doc)
    mentions: list[tuple[int, int, str, str]] = doc.notes["actors.countries"]
    first = bisect.bisect_left(mentions, (start,))
    out = []
    for m_start, m_end, iso, actor_id in mentions[first:]:
        if m_start >= end:
            break
        if m_end <= end:
            out.append((iso, m_start, m_end, actor_id))
    return out
