"""Phrase matching for every lexicon look-up, with one definition of a whole word and of case.

The definitions, shared by the three matchers below:

- A word character is a letter or digit of any script, or "_" (`is_word_char`: regex's word
  character); everything else (space, hyphen, apostrophe, quote marks) separates words. A phrase
  matches as a whole word when the characters on both sides of it are not word characters
  ("Korea" in "Malaysia-Korea", never "ir" in "air").
- Case is folded by `fold_case`: lower case character by character, keeping the length, so
  offsets in the folded text are offsets in the text.
- Between the words of a phrase, each non-word character of the text matches one separator
  (`spaced`: "co-production" = "co production", "Timor-Leste" = "Timor Leste").
- Overlapping hits resolve leftmost-longest (`leftmost_longest`: "bukan hanya" before "bukan").

The matchers:

- `PhraseMatcher`: a table of phrases with values, searched in any span of a text (cue and trigger
  tables). A phrase written wholly in capitals ("AI", "TLDM") matches only in capitals.
- `automaton` / `find`: one automaton searched over the whole document, whose folded copy is made
  once per document (`doc.word_keys`): the actors lexicon, person cues and speech cues. A phrase
  that ends in a mark ("Dr.", "Dato'") needs that mark as written.
- `Anchors`: anchor words and digit runs that tell a slow, exact regex where to look, so that the
  regex reads a few short windows instead of the whole text (times, quantities, gatherings).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Generic, TypeVar

import ahocorasick

from jalin.doc import Doc

V = TypeVar("V")

def is_word_char(char: str) -> bool:
    """Whether `char` belongs to a word: a letter or digit of any script, or "_" (regex's word class)."""
    return char.isalnum() or char == "_"


SEPARATOR = " "
# Every ASCII character that is not a word character becomes a separator; bytes past ASCII stay.
_ASCII_SPACED = bytes(
    i if is_word_char(chr(i)) else ord(SEPARATOR) for i in range(128)
) + bytes(range(128, 256))
# Any character that is not a word character, e.g. "’" in "Dato’" ("\w" is `is_word_char`).
_NON_WORD = re.compile(r"\W")
_COMMON_PUNCTUATION = "“”‘’–—…•·«»\u00a0"  # replaced first: they are what most non-ASCII texts hold
_QUOTES = {"’": "'", "‘": "'"}


def fold_case(text: str) -> str:
    """Lower case without changing the length (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def spaced(text: str) -> str:
    """`text` with every non-word character as a separator (a space): same length, same offsets."""
    for mark in _COMMON_PUNCTUATION:
        if mark in text:
            text = text.replace(mark, SEPARATOR)
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_SPACED).decode("ascii")
    return _NON_WORD.sub(SEPARATOR, text)


def phrase_key(phrase: str) -> str:
    """A phrase as the matchers key it: separators for non-word characters, case folded, the
    separators at its ends removed ("Timor-Leste" -> "timor leste")."""
    return fold_case(spaced(phrase)).strip(SEPARATOR)


def leftmost_longest(hits: Iterable[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Non-overlapping hits, in text order; of hits that start together the longest wins."""
    chosen: list[tuple[int, int, Any]] = []
    reach = 0
    for hit in sorted(hits, key=lambda h: (h[0], -h[1])):
        if hit[0] >= reach:
            chosen.append(hit)
            reach = hit[1]
    return chosen


# ---------------------------------------------------------------- phrase tables


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _table_key(phrase: str, exact: bool) -> str:
    words = spaced(phrase).split()
    body = " ".join(words) if exact else fold_case(" ".join(words))
    return f" {body} " if words else ""


_last: tuple[str, str, str] = ("", " ", " ")


def _haystacks(text: str) -> tuple[str, str]:
    """The padded spaced copy of `text` and its folded case (cached for the last text)."""
    global _last
    cached = _last
    if cached[0] is text:
        return cached[1], cached[2]
    padded = SEPARATOR + spaced(text) + SEPARATOR
    _last = (text, padded, fold_case(padded))
    return padded, _last[2]


class PhraseMatcher(Generic[V]):
    """Finds every listed phrase in a text span; each hit carries the values listed for it.

    Inside a phrase, a run of separators is one separator; the text is searched through a
    same-length spaced copy, so offsets into the copy are offsets into the text.
    """

    __slots__ = ("_exact", "_folded")

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        folded: dict[str, list[V]] = {}
        exact: dict[str, list[V]] = {}
        for phrase, value in entries:
            is_exact = _is_acronym(phrase)
            key = _table_key(phrase, is_exact)
            if not key:
                continue
            bucket = (exact if is_exact else folded).setdefault(key, [])
            if value not in bucket:
                bucket.append(value)
        self._folded = _table_automaton(folded)
        self._exact = _table_automaton(exact)

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


def _table_automaton(entries: dict[str, list[V]]) -> ahocorasick.Automaton | None:
    if not entries:
        return None
    automaton = ahocorasick.Automaton()
    for key, values in entries.items():
        automaton.add_word(key, (len(key), values))
    automaton.make_automaton()
    return automaton


# ---------------------------------------------------------------- one automaton over the document


def automaton(phrases: Iterable[tuple[str, Any]]) -> ahocorasick.Automaton:
    """An automaton over (phrase, value) pairs; values of one key are collected in a list.

    A phrase is keyed character by character (`fold_case(spaced(...))`) with a separator in front,
    so the automaton reports only phrases that start a word; `find` checks the end."""
    grouped: dict[str, list[Any]] = {}
    last: dict[str, str] = {}
    for phrase, value in phrases:
        phrase = phrase.strip()
        key = SEPARATOR + fold_case(spaced(phrase))
        if len(key) > 1 and key.strip(SEPARATOR):
            grouped.setdefault(key, []).append(value)
            if key.endswith(SEPARATOR):  # "Dr.", "Dato'": the final mark must be there as written
                last[key] = _QUOTES.get(phrase[-1], phrase[-1])
    built = ahocorasick.Automaton()
    for key, values in grouped.items():
        built.add_word(key, (len(key) - 1, values, last.get(key, "")))
    built.make_automaton()
    return built


def word_text(doc: Doc) -> str:
    """The document keyed like the phrases, behind one separator (made once per document)."""
    keyed = doc.word_keys
    if keyed is None:
        keyed = doc.word_keys = SEPARATOR + fold_case(spaced(doc.text))
    return keyed


def find(doc: Doc, built: ahocorasick.Automaton) -> Iterator[tuple[int, int, list[Any]]]:
    """(start, end, values) of every whole-word phrase occurrence (overlaps included)."""
    text = doc.text
    if not text or not len(built):
        return
    size = len(text)
    for end, (length, values, mark) in built.iter(word_text(doc)):
        start = end - length
        if mark:
            if _QUOTES.get(text[end - 1], text[end - 1]) != mark:
                continue
        elif end < size and is_word_char(text[end]):
            continue
        yield start, end, values


# ---------------------------------------------------------------- anchors for regexes

Scan = tuple[list[tuple[int, int, str]], list[tuple[int, int]], list[tuple[int, int, str]]]


class Anchors:
    """Anchor words (and digit runs) found in one pass, and a pattern run only around them.

    `hits(text)` gives the (start, end, word) of every anchor word standing as a whole word
    (case-folded, leftmost-longest); `windows(text)` merges the regions around them;
    `matches(pattern, text)` runs a compiled pattern over those windows only (and at digit runs), in
    text order, without overlaps. A pattern used this way must match only text that contains an
    anchor. An anchor word's own characters (hyphens too) are matched as written.
    """

    def __init__(
        self,
        words: Iterable[str],
        digits: tuple[int, int] | None = None,
        before: int = 40,
        after: int = 60,
        lead: re.Pattern[str] | None = None,
        also: Iterable[str] = (),
        lead_reach: int = 6,
    ) -> None:
        """`before`/`after`: characters around a word hit the pattern may need; `digits`: the same
        for a run of digits, or None when digits are no anchors ((0, _): a match starts at the
        digits themselves, so the pattern is tried there once instead of over a window); `lead`:
        what may stand right before such digits as part of the match (a currency sign: "RM1.4",
        "akhir 2026"), looked for up to `lead_reach` characters back;
        `also`: another scanner's words, found in the same pass (`scan`) so that it need not
        read the text again (times finds the quantities' number words)."""
        self.automaton = ahocorasick.Automaton()
        own = {fold_case(" ".join(w.split())) for w in words if w.strip()}
        other = {fold_case(" ".join(w.split())) for w in also if w.strip()}
        for word in own | other:
            self.automaton.add_word(word, (word, word in own, word in other))
        if digits is not None:  # digit runs found in the same pass as the words
            for digit in "0123456789":
                self.automaton.add_word(digit, ("", False, False))
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()
        self.digits = digits
        self.lead = lead
        self.lead_reach = lead_reach
        self.before = before
        self.after = after

    def hits(self, text: str) -> list[tuple[int, int, str]]:
        """Whole-word anchor hits (hyphens separate words), leftmost-longest, not overlapping."""
        return self.scan(text)[0]

    def scan(self, text: str) -> Scan:
        """The word hits, the runs of ASCII digits (when digits are anchors) and the hits of the
        `also` words, in one pass."""
        low = fold_case(text).replace("\n", " ")
        found: list[tuple[int, int, str]] = []
        found_also: list[tuple[int, int, str]] = []
        runs: list[tuple[int, int]] = []
        if not self.empty:
            for last, (word, mine, theirs) in self.automaton.iter(low):
                if not word:  # a digit: extend the current run or start one
                    if runs and runs[-1][1] == last:
                        runs[-1] = (runs[-1][0], last + 1)
                    else:
                        runs.append((last, last + 1))
                    continue
                start, end = last - len(word) + 1, last + 1
                if (start and is_word_char(low[start - 1])) or (end < len(low) and is_word_char(low[end])):
                    continue  # inside a word (a hyphen counts as a boundary: "twenty-four")
                if mine:
                    found.append((start, end, word))
                if theirs:
                    found_also.append((start, end, word))
        return leftmost_longest(found), runs, leftmost_longest(found_also)

    def windows(self, text: str) -> list[tuple[int, int]]:
        hits, runs, _ = self.scan(text)
        return self._windows(text, hits, runs)

    def _windows(
        self, text: str, hits: list[tuple[int, int, str]], runs: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        spans = [(s - self.before, e + self.after) for s, e, _ in hits]
        if self.digits and self.digits[0] > 0:
            before, after = self.digits
            spans.extend((start - before, end + after) for start, end in runs)
            spans.sort()
        merged: list[tuple[int, int]] = []
        size = len(text)
        for lo, hi in spans:
            lo, hi = max(0, lo), min(size, hi)
            while hi < size and not text[hi].isspace():
                hi += 1
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        return merged

    def matches(
        self,
        pattern: re.Pattern[str],
        text: str,
        at_digits: re.Pattern[str] | None = None,
        scanned: tuple[list[tuple[int, int, str]], list[tuple[int, int]]] | None = None,
    ) -> list[re.Match[str]]:
        """The pattern's matches around the anchors, in text order, not overlapping (the longest of
        two that start together); `at_digits` (default: `pattern`) is what is tried at digit runs;
        `scanned`: the (hits, runs) of this text when another scanner's pass found them already."""
        hits, runs = scanned if scanned is not None else self.scan(text)[:2]
        found = [m for lo, hi in self._windows(text, hits, runs) for m in pattern.finditer(text, lo, hi)]
        if self.digits and self.digits[0] == 0:
            found.extend(self._at_digits(text, runs, at_digits or pattern))
            found.sort(key=lambda m: (m.start(), -m.end()))
        kept: list[re.Match[str]] = []
        for match in found:
            if not kept or match.start() >= kept[-1].end():
                kept.append(match)
        return kept

    def _at_digits(
        self, text: str, runs: list[tuple[int, int]], pattern: re.Pattern[str]
    ) -> Iterator[re.Match[str]]:
        """The pattern tried once at each digit run, from a lead ("RM") just before it if any."""
        for start, _ in runs:
            lead = self.lead.search(text, max(0, start - self.lead_reach), start) if self.lead else None
            match = pattern.match(text, lead.start()) if lead else None
            match = match or pattern.match(text, start)
            if match:
                yield match

