"""GROUP actors: a group noun tied to a country, in Malay word order ("syarikat pertahanan utama
Korea Selatan", "sumber dari pihak Jepun") or English ("Malaysian defence companies"); later bare uses
of the same noun ("kata sumber") are mentions of the same group.
"""

from __future__ import annotations

import re
from typing import Any

from jalin.doc import Doc
from jalin.extract import actors_phrases as phrases
from jalin.extract.actors_lexicon import Match
from jalin.lexicon import Lexicon

# Up to three lower-case modifiers between a Malay group noun and its country ("dari pihak" allowed).
_MODIFIER = re.compile(r" (?!dan\b|atau\b|di\b|ke\b|yang\b|dari\b|daripada\b)[a-z][\w-]*")
_FROM = re.compile(r" (?:dari|daripada) (?:pihak )?| ")
_WORD_BEFORE = re.compile(r"(?<![\w-])[a-z][\w-]*$")


def _nouns(lexicon: Lexicon) -> tuple[Any, dict[str, tuple[str, str]]]:
    rows = lexicon.table("groups")
    info = {row["noun"]: (row["en"], row.get("sector", "")) for row in rows}
    return phrases.automaton((row["noun"], row["language"]) for row in rows), info


def find_groups(doc: Doc, matches: list[Match]) -> list[tuple[str, int, int, str, str, str]]:
    """(key, start, end, name, country, sector) of group mentions, in text order."""
    if not doc.text:
        return []
    built, info = doc.lexicon.cached("actors.groups", _nouns)
    at = {m.start: m for m in matches}
    ending = {m.end: m for m in matches}
    found: list[tuple[str, int, int, str, str, str]] = []
    text = doc.text
    for start, end, languages in phrases.find(doc, built):
        en, sector = info[text[start:end].lower()]
        if "ms" in languages:
            country = _country_after(text, end, at)
            entry = country.first("country") if country else None
            if entry is not None and country is not None and not country.first("organisation", "role"):
                found.append((f"{en}/{entry.key}", start, country.end, text[start:country.end],
                              entry.key, sector))
        if "en" in languages:
            before = _adjective_before(text, start, ending)
            entry = before.first("adjective", "country") if before else None
            if entry is not None and before is not None:
                found.append((f"{en}/{entry.key}", before.start, end, text[before.start:end],
                              entry.key, sector))
    found.sort(key=lambda g: g[1])
    return found


def _adjective_before(text: str, pos: int, ending: dict[int, Match]) -> Match | None:
    """The country adjective up to two lower-case words before an English group noun."""
    for _ in range(3):
        if text[pos - 1:pos] != " ":
            return None
        if pos - 1 in ending:
            return ending[pos - 1]
        word = _WORD_BEFORE.search(text, max(0, pos - 30), pos - 1)
        if word is None:
            return None
        pos = word.start()
    return None


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
