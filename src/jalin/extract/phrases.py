"""Phrase matching for cue and trigger lexicons: one Aho-Corasick automaton per table.

A phrase matches whole words only, case-insensitively, whatever punctuation or white space stands
between its words ("co-production" also matches "co production"). A phrase written wholly in
capitals ("AI", "TLDM") matches only in capitals, so an acronym does not fire on an ordinary word.
Overlapping hits resolve leftmost-longest ("bukan sahaja" before "bukan"). The edges of the searched
span count as word boundaries.

The text is searched through a same-length copy in which every non-word character is a space, so
offsets into the copy are offsets into the text and no per-token objects are made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import ahocorasick

V = TypeVar("V")

_NON_WORD = re.compile(r"[\W_]")


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _spaced(text: str) -> str:
    """`text` with every non-word character replaced by a space: same length, same offsets."""
    return _NON_WORD.sub(" ", text)


def _lower(text: str) -> str:
    """Lower case without changing the length (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _key(phrase: str, exact: bool) -> str:
    words = _spaced(phrase).split()
    body = " ".join(words) if exact else _lower(" ".join(words))
    return f" {body} " if words else ""


class PhraseMatcher(Generic[V]):
    """Finds every listed phrase in a text span; each hit carries the values listed for it."""

    __slots__ = ("_exact", "_folded")

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        folded: dict[str, list[V]] = {}
        exact: dict[str, list[V]] = {}
        for phrase, value in entries:
            is_exact = _is_acronym(phrase)
            key = _key(phrase, is_exact)
            if not key:
                continue
            bucket = (exact if is_exact else folded).setdefault(key, [])
            if value not in bucket:
                bucket.append(value)
        self._folded = _automaton(folded)
        self._exact = _automaton(exact)

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int, list[V]]]:
        """(start, end, values) of each non-overlapping hit inside [start, end), in text order."""
        stop = len(text) if end is None else min(end, len(text))
        if stop <= start:
            return
        spaced = " " + _spaced(text[start:stop]) + " "
        hits: list[tuple[int, int, list[V]]] = []
        for automaton, haystack in ((self._folded, _lower(spaced)), (self._exact, spaced)):
            if automaton is None:
                continue
            for last, (length, values) in automaton.iter(haystack):
                # The key is " words ": its first and last characters are the padding spaces.
                first = last - length + 1
                hits.append((start + first, start + last - 1, values))
        hits.sort(key=lambda h: (h[0], -h[1]))
        reached = start
        for hit in hits:
            if hit[0] >= reached:
                reached = hit[1]
                yield hit


def _automaton(entries: dict[str, list[V]]) -> ahocorasick.Automaton | None:
    if not entries:
        return None
    automaton = ahocorasick.Automaton()
    for key, values in entries.items():
        automaton.add_word(key, (len(key), values))
    automaton.make_automaton()
    return automaton
