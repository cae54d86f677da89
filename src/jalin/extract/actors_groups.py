"""GROUP actors: a group noun tied to a country, in Malay word order ("syarikat pertahanan utama
Korea Selatan", "Sumber dari pihak Rusia") or English ("Malaysian defence companies"); later bare uses
of the same noun ("kata sumber") are mentions of the same group.
"""

from __future__ import annotations

import re

from jalin.doc import Doc
from jalin.extract.actors_lexicon import Match
from jalin.lexicon import Lexicon

# Up to three lower-case modifiers between a Malay group noun and its country ("dari pihak" allowed).
_MODIFIER = re.compile(r" (?!dan\b|atau\b|di\b|ke\b|yang\b|dari\b|daripada\b)[a-z][\w-]*")
_FROM = re.compile(r" (?:dari|daripada) (?:pihak )?| ")


def _patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, str]]]:
    rows = lexicon.table("groups")
    info = {row["noun"]: (row["en"], row.get("sector", "")) for row in rows}
    ms = "|".join(re.escape(r["noun"]) for r in rows if r["language"] == "ms")
    en = "|".join(re.escape(r["noun"]) for r in rows if r["language"] == "en")
    malay = re.compile(rf"(?<![\w-])(?P<noun>{ms})(?= )", re.IGNORECASE)
    english = re.compile(rf" ((?:[a-z][\w-]* ){{0,2}}?)(?P<noun>{en})(?![\w-])")
    return malay, english, info


def find_groups(doc: Doc, matches: list[Match]) -> list[tuple[str, int, int, str, str, str]]:
    """(key, start, end, name, country, sector) of group mentions, in text order."""
    if not doc.text:
        return []
    malay, english, info = doc.lexicon.cached("actors.groups", _patterns)
    at = {m.start: m for m in matches}
    ending = {m.end: m for m in matches}
    found: list[tuple[str, int, int, str, str, str]] = []
    text = doc.text
    for hit in malay.finditer(text):
        country = _country_after(text, hit.end(), at)
        entry = country.first("country") if country else None
        if entry is None or country is None or country.first("organisation", "role"):
            continue
        en, sector = info[hit.group("noun").lower()]
        found.append((f"{en}/{entry.key}", hit.start(), country.end, text[hit.start():country.end],
                      entry.key, sector))
    for hit in english.finditer(text):
        country = ending.get(hit.start())
        entry = country.first("adjective", "country") if country else None
        if entry is None or country is None:
            continue
        en, sector = info[hit.group("noun").lower()]
        found.append((f"{en}/{entry.key}", country.start, hit.end(), text[country.start:hit.end()],
                      entry.key, sector))
    found.sort(key=lambda g: g[1])
    return found


def _country_after(text: str, pos: int, at: dict[int, Match]) -> Match | None:
    """The country match after at most three modifiers: "syarikat pertahanan utama Korea Selatan"."""
    for _ in range(4):
        link = _FROM.match(text, pos)
        if link is not None and link.end() in at:
            return at[link.end()]
        modifier = _MODIFIER.match(text, pos)
        if modifier is None:
            return None
        pos = modifier.end()
    return None


def bare_mentions(
    doc: Doc, nouns: dict[str, str], taken: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """(group key, start, end) of a group noun used alone ("kata sumber") outside `taken`."""
    if not nouns:
        return []
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, sorted(nouns)))})(?![\w-])", re.IGNORECASE)
    out = []
    for hit in pattern.finditer(doc.text):
        if any(s <= hit.start() < e for s, e in taken):
            continue
        out.append((nouns[hit.group().lower()], hit.start(), hit.end()))
    return out
