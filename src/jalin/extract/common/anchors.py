"""Fast candidate finding: an Aho-Corasick automaton of anchor words (and digit runs) tells where a
slow, exact regex is worth running, so the regex looks at a few short windows instead of the
whole text.

`Anchors.hits(text)` gives the (start, end, word) of every anchor word standing as a whole word
(case-folded, longest first at each start); `Anchors.windows(text)` merges the regions around
them; `Anchors.matches(pattern, text)` runs a compiled pattern over those windows only (and at
digit runs), in text order, without overlaps. A pattern used this way must match only text that
contains an anchor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick

Scan = tuple[list[tuple[int, int, str]], list[tuple[int, int]], list[tuple[int, int, str]]]


class Anchors:
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
        own = {" ".join(w.split()).lower() for w in words if w.strip()}
        other = {" ".join(w.split()).lower() for w in also if w.strip()}
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
        low = text.lower().replace("\n", " ")
        if len(low) != len(text):  # a rare character that changes length when lower-cased
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text).replace("\n", " ")
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
                if (start and low[start - 1].isalnum()) or (end < len(low) and low[end].isalnum()):
                    continue  # inside a word (a hyphen counts as a boundary: "twenty-four")
                if mine:
                    found.append((start, end, word))
                if theirs:
                    found_also.append((start, end, word))
        return _leftmost_longest(found), runs, _leftmost_longest(found_also)

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
            for start, _ in runs:
                lead = self.lead.search(text, max(0, start - self.lead_reach), start) if self.lead else None
                match = (at_digits or pattern).match(text, lead.start()) if lead else None
                match = match or (at_digits or pattern).match(text, start)
                if match:
                    found.append(match)
            found.sort(key=lambda m: (m.start(), -m.end()))
        kept: list[re.Match[str]] = []
        for match in found:
            if not kept or match.start() >= kept[-1].end():
                kept.append(match)
        return kept


def _leftmost_longest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    found.sort(key=lambda h: (h[0], -h[1]))
    chosen: list[tuple[int, int, str]] = []
    for hit in found:
        if not chosen or hit[0] >= chosen[-1][1]:
            chosen.append(hit)
    return chosen


def trie_regex(words: Iterable[str]) -> str:
    """One regex alternation for a word list, factored by shared prefixes so that the regex engine
    tries one path per position instead of every word (a space in a word matches any white space).
    Case is kept as written; wrap it in (?i:…) for a case-insensitive match."""
    trie: dict[str, dict] = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_source(trie)


def _trie_source(node: dict[str, dict]) -> str:
    end = "" in node
    parts = []
    for char in sorted(c for c in node if c):
        piece = r"\s+" if char == " " else re.escape(char)
        parts.append(piece + _trie_source(node[char]))
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and not end else "(?:" + "|".join(parts) + ")"
    if end:
        body += "?" if len(parts) == 1 and body.startswith("(?:") else ""
        if not body.endswith("?"):
            body = f"(?:{body})?"
    return body
