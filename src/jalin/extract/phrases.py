"""Phrase matching for cue and trigger lexicons: one compiled alternation per table.

A phrase matches on word boundaries, case-insensitively, with any run of white space between its
words. A phrase written wholly in capitals ("AI", "TLDM") matches only in capitals, so an acronym
does not fire on an ordinary word. Longer phrases win over their prefixes ("bukan sahaja" before
"bukan").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

V = TypeVar("V")

_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    """The key a matched phrase is looked up by: white space folded, case folded."""
    return _WS.sub(" ", text).strip().casefold()


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _pattern(phrase: str) -> str:
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    return f"(?-i:{body})" if _is_acronym(phrase) else body


class PhraseMatcher(Generic[V]):
    """Finds every listed phrase in a text span; each hit carries the values listed for it."""

    __slots__ = ("_exact", "_regex", "_values")

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        self._values: dict[str, list[V]] = {}
        self._exact: dict[str, list[V]] = {}
        phrases: set[str] = set()
        for phrase, value in entries:
            phrase = _WS.sub(" ", phrase).strip()
            if not phrase:
                continue
            phrases.add(phrase)
            target = self._exact if _is_acronym(phrase) else self._values
            key = phrase if _is_acronym(phrase) else fold(phrase)
            bucket = target.setdefault(key, [])
            if value not in bucket:
                bucket.append(value)
        ordered = sorted(phrases, key=lambda p: (-len(p), p))
        self._regex: re.Pattern[str] | None = (
            re.compile(r"(?<!\w)(?:" + "|".join(_pattern(p) for p in ordered) + r")(?!\w)",
                       re.IGNORECASE)
            if ordered else None
        )

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int, list[V]]]:
        """(start, end, values) of each non-overlapping hit inside [start, end), in text order."""
        if self._regex is None:
            return
        stop = len(text) if end is None else end
        for match in self._regex.finditer(text, start, stop):
            found = match.group()
            values = self._exact.get(_WS.sub(" ", found)) or self._values.get(fold(found))
            if values:
                yield match.start(), match.end(), values
