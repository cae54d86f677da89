"""Country names used as ethnic or diaspora references ("kaum Cina", "the Indian community"): these
are no reference to the country as an actor (lexicon `ethnic_nouns.tsv`)."""

from __future__ import annotations

import re

from jalin.doc import Doc
from jalin.extract.actors.entries import Match
from jalin.lexicon import Lexicon, split_cell

_Rules = tuple[re.Pattern[str], re.Pattern[str], dict[str, frozenset[str]]]


def _build(lexicon: Lexicon) -> _Rules:
    before: list[str] = []
    after: list[str] = []
    limits: dict[str, frozenset[str]] = {}
    for row in lexicon.table("ethnic_nouns"):
        word = row["word"].strip().lower()
        (before if row["place"].strip() == "before" else after).append(re.escape(word))
        limits[word] = frozenset(split_cell(row.get("countries", "")))
    words_before = "|".join(sorted(before, key=len, reverse=True)) or r"(?!)"
    words_after = "|".join(sorted(after, key=len, reverse=True)) or r"(?!)"
    return (re.compile(rf"(?i)(?<![\w-])({words_before}) $"),
            re.compile(rf"(?i) ({words_after})(?![\w-])"), limits)


def is_ethnic(doc: Doc, match: Match, iso: str) -> bool:
    """Whether the country reference `match` (of country `iso`) names an ethnic group."""
    before, after, limits = doc.lexicon.cached("actors.ethnic", _build)
    text = doc.text
    found = before.search(text, max(0, match.start - 16), match.start) or after.match(text, match.end)
    if found is None:
        return False
    allowed = limits.get(found.group(1).lower(), frozenset())
    return not allowed or iso in allowed
