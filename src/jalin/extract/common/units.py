"""The unit a number counts, named by the words right after it ("300 delegat", "seven Pendekar
battle tanks", "tiga buah kapal"): shared by the quantities layer and the times layer (which keeps a
number followed by a unit as a count, not a year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jalin.doc import Doc
from jalin.lexicon import Lexicon

_UNIT_WINDOW = 6  # words looked at after a number for the noun it counts
_STOP = frozenset({
    "dan", "atau", "yang", "di", "ke", "dari", "daripada", "untuk", "bagi", "dengan", "pada", "dalam",
    "oleh", "telah", "akan", "ialah", "adalah", "ini", "itu", "tersebut", "termasuk", "iaitu",
    "and", "or", "of", "in", "to", "for", "from", "with", "by", "at", "on", "which", "that", "who",
    "was", "were", "is", "are", "will", "has", "have", "had", "the", "a", "an", "as", "than",
    "this", "these", "those", "its", "their",
})
# "kapal", "F-16", "2.5", "%", "," (a word, number, percent sign or mark)
_TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*|\d[\w./-]*|%|\S")


@dataclass(frozen=True, slots=True)
class UnitWords:
    by_first: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (entry, unit), longest first
    classifiers: dict[str, str]


def _build(lexicon: Lexicon) -> UnitWords:
    rows = lexicon.table("units")
    nouns: dict[tuple[str, ...], str] = {}
    for row in rows:
        if row["position"] == "after":
            *head, last = row["word"].casefold().split()
            for form in _plurals(last):
                nouns.setdefault((*head, form), row["unit"])
    for row in lexicon.table("countries"):  # "300 Malaysians"
        for demonym in (row.get("adjectives") or "").split("|"):
            if demonym.endswith("s") and " " not in demonym:
                nouns.setdefault((demonym.casefold(),), "people")
    classifiers = {r["word"].casefold(): r["unit"] for r in rows if r["position"] == "classifier"}
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, unit in sorted(nouns.items(), key=lambda item: (-len(item[0]), item[0])):
        by_first.setdefault(key[0], []).append((key, unit))
    return UnitWords(by_first, classifiers)


def _plurals(word: str) -> tuple[str, ...]:
    """The word with its English plural forms (vessel → vessels, company → companies)."""
    if not word[-1].isalpha():
        return (word,)
    if word.endswith("y"):
        return word, word + "s", word[:-1] + "ies"
    return word, word + "s", word + "es"


def unit_words(lexicon: Lexicon) -> UnitWords:
    return lexicon.cached("units.words", _build)


def unit_after(doc: Doc, end: int) -> tuple[str, int] | None:
    """The unit named by the words right after a number ending at `end`, and where it ends."""
    words = unit_words(doc.lexicon)
    text = doc.text
    # Malay puts the counted noun right after the number (or after a classifier: "tiga buah
    # kapal"); English may put modifiers first ("seven Pendekar battle tanks").
    window = 1 if doc.language == "ms" else _UNIT_WINDOW
    tokens = _Tokens(text, end)
    fallback: tuple[str, int] | None = None
    i = 0
    while i < window:
        token = tokens.at(i)
        if token is None:
            break
        raw, word = token
        for key, unit in words.by_first.get(word, ()):  # the longest entry first
            if all((nxt := tokens.at(i + k)) is not None and nxt[1] == key[k] for k in range(1, len(key))):
                return unit, tokens.end(i + len(key) - 1)
        if word in words.classifiers and fallback is None:
            fallback = words.classifiers[word], tokens.end(i)
            window = min(_UNIT_WINDOW, i + 2)
            i += 1
            continue
        if word in _STOP or not (raw[0].isalnum() or raw == "%"):
            break
        if i == 0 and word[0].isdigit():
            break
        i += 1
    return fallback


class _Tokens:
    """The words after a number, read and folded only as far as they are looked at."""

    __slots__ = ("found", "matches")

    def __init__(self, text: str, end: int) -> None:
        self.matches = _TOKEN.finditer(text, end, min(len(text), end + 120))
        self.found: list[tuple[re.Match[str], str, str]] = []

    def at(self, index: int) -> tuple[str, str] | None:
        while len(self.found) <= index:
            match = next(self.matches, None)
            if match is None:
                return None
            raw = match.group()
            self.found.append((match, raw, _singular(raw)))
        _, raw, folded = self.found[index]
        return raw, folded

    def end(self, index: int) -> int:
        return self.found[index][0].end()


def _singular(token: str) -> str:
    word = token.casefold()
    head, dash, rest = word.partition("-")
    if dash and head == rest:
        return head  # syarikat-syarikat
    return word


