"""GROUP actors: a group noun tied to a country, in Malay word order ("syarikat pertahanan utama
Korea Selatan", "sumber dari pihak Jepun") or English ("Malaysian defence companies"); later bare uses
of the same noun ("kata sumber") are mentions of the same group.
"""

from __future__ import annotations

import re

from jalin.doc import Doc
from jalin.extract.actors.entries import Match
from jalin.extract.actors.ethnic import is_ethnic
from jalin.extract.actors.lexicon import group_nouns
from jalin.extract.actors.spans import SpanIndex

# Up to three lower-case modifiers between a Malay group noun and its country ("dari pihak" allowed).
_MODIFIER = re.compile(r" (?!dan\b|atau\b|di\b|ke\b|yang\b|dari\b|daripada\b)[a-z][\w-]*")
# " dari pihak ", " daripada ", " " (between a group noun and its country)
_FROM = re.compile(r" (?:dari|daripada) (?:pihak )?| ")
# "nelayan" (the lower-case word right before a position)
_WORD_BEFORE = re.compile(r"(?<![\w-])[a-z][\w-]*$")


def find_groups(doc: Doc, matches: list[Match]) -> list[tuple[str, int, int, str, str, str]]:
    """(key, start, end, name, country, sector) of group mentions, in text order."""
    if not doc.text:
        return []
    at = {m.start: m for m in matches}
    ending = {m.end: m for m in matches}
    found: list[tuple[str, int, int, str, str, str]] = []
    text = doc.text
    for start, end, entries in group_nouns(doc):
        en, sector = entries[0].key, entries[0].sector
        languages = {e.language for e in entries}
        if "ms" in languages:
            country = _country_after(text, end, at)
            entry = country.first("country") if country else None
            if (entry is not None and country is not None and not country.first("organisation", "role")
                    and not is_ethnic(doc, country, entry.key)):
                found.append((f"{en}/{entry.key}", start, country.end, text[start:country.end],
                              entry.key, sector))
        if "en" in languages:
            before = _adjective_before(text, start, ending)
            entry = before.first("adjective", "country") if before else None
            if entry is not None and before is not None and not is_ethnic(doc, before, entry.key):
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
    text = doc.text
    index = SpanIndex(taken)
    out = []
    for start, end, _ in group_nouns(doc):
        key = nouns.get(text[start:end].lower())
        if key is None or text[start - 1:start] == "-" or text[end:end + 1] == "-":
            continue
        if index.touches(start, start + 1):
            continue
        out.append((key, start, end))
    return out
