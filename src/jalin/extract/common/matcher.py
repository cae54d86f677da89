"""Phrase matching for cue and trigger lexicons: one Aho-Corasick automaton per table.

A phrase matches whole words only, case-insensitively, with one space or punctuation mark between
its words ("co-production" also matches "co production"; the text layer has already folded runs of
spaces). A phrase written wholly in
capitals ("AI", "TLDM") matches only in capitals, so an acronym does not fire on an ordinary word.
Overlapping hits resolve leftmost-longest ("bukan hanya" before "bukan").

The text is searched through a same-length copy in which every non-word character is a space, so
offsets into the copy are offsets into the text and no per-token objects are made. The copy of the
last text searched is kept, so the many matchers and spans of one document map it only once.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import ahocorasick

V = TypeVar("V")

_NON_WORD = re.compile(r"[^\w\s]|_")
_ASCII_SPACED = bytes(
    32 if chr(i) in string.punctuation or chr(i).isspace() else i for i in range(128)
) + bytes(range(128, 256))
_COMMON_PUNCTUATION = "“”‘’–—…•·«»\u00a0"


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def spaced(text: str) -> str:
    """`text` with every non-word character as a space: same length, same offsets."""
    for mark in _COMMON_PUNCTUATION:
        if mark in text:
            text = text.replace(mark, " ")
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_SPACED).decode("ascii")
    return _NON_WORD.sub(" ", text).replace("\n", " ")


def _lower(text: str) -> str:
    """Lower case without changing the length (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _key(phrase: str, exact: bool) -> str:
    words = spaced(phrase).split()
    body = " ".join(words) if exact else _lower(" ".join(words))
    return f" {body} " if words else ""


_last: tuple[str, str, str] = ("", " ", " ")


def _haystacks(text: str) -> tuple[str, str]:
    """The padded spaced copy of `text` and its lower case (cached for the last text)."""
    global _last
    cached = _last
    if cached[0] is text:
        return cached[1], cached[2]
    padded = " " + spaced(text) + " "
    _last = (text, padded, _lower(padded))
    return padded, _last[2]


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
        start = max(0, start)
        if stop <= start:
            return
        padded, lowered = _haystacks(text)
        hits: list[tuple[int, int, list[V]]] = []
        # Padded index i is text index i - 1; a key " words " spans padded [first, last].
        for automaton, haystack in ((self._folded, lowered), (self._exact, padded)):
            if automaton is None:
                continue
            # A slice, not iter's own bounds: pyahocorasick copies the whole string on every call.
            for last, (length, values) in automaton.iter(haystack[start:stop + 2]):
                last += start
                first = last - length + 1
                if first >= start and last - 1 <= stop:
                    hits.append((first, last - 1, values))
        if len(hits) > 1:
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
