"""Whole-word phrase finding with one Aho-Corasick automaton.

The text is lower-cased and every character other than an ASCII letter or digit becomes a
separator; each phrase is keyed the same way with a separator in front, so the automaton only
reports phrases that start a word ("Korea" in "Malaysia-Korea", never "ir" in "air"); both ends of
a phrase are checked against the neighbouring characters. Punctuation inside a phrase matches any
punctuation or space ("Timor-Leste" = "Timor Leste").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import ahocorasick

from jalin.doc import Doc

_SEP = "\x00"
_QUOTES = {"’": "'", "‘": "'"}


# ASCII letters and digits lower-cased, every other byte a separator; text outside ASCII is first
# encoded with one "?" per character, so offsets are kept ("Türkiye" and its key both read "t?rkiye").
_BYTES = bytes(ord(chr(b).lower()) if chr(b).isalnum() else 0 for b in range(128)) + bytes(128)


def _key(text: str) -> str:
    return text.encode("ascii", "replace").translate(_BYTES).decode("ascii")


def automaton(phrases: Iterable[tuple[str, Any]]) -> ahocorasick.Automaton:
    """An automaton over (phrase, value) pairs; values of one key are collected in a list."""
    grouped: dict[str, list[Any]] = {}
    last: dict[str, str] = {}
    for phrase, value in phrases:
        phrase = phrase.strip()
        key = _SEP + _key(phrase)
        if len(key) > 1 and key.strip(_SEP):
            grouped.setdefault(key, []).append(value)
            if key.endswith(_SEP):  # "Dr.", "Dato'": the final mark must be there as written
                last[key] = _QUOTES.get(phrase[-1], phrase[-1])
    built = ahocorasick.Automaton()
    for key, values in grouped.items():
        built.add_word(key, (len(key) - 1, values, last.get(key, "")))
    built.make_automaton()
    return built


def word_text(doc: Doc) -> str:
    """The document keyed like the phrases (cached on the doc)."""
    keyed = doc.word_keys
    if keyed is None:
        keyed = doc.word_keys = _SEP + _key(doc.text)
    return keyed


def find(doc: Doc, built: ahocorasick.Automaton) -> Iterator[tuple[int, int, list[Any]]]:
    """(start, end, values) of every whole-word phrase occurrence (overlaps included)."""
    text = doc.text
    if not text or not len(built):
        return
    size = len(text)
    for end, (length, values, mark) in built.iter(word_text(doc)):
        start = end - length
        if start > 0 and text[start - 1].isalnum():
            continue  # a word that only looked separate because of a letter outside ASCII
        if mark:
            if _QUOTES.get(text[end - 1], text[end - 1]) != mark:
                continue
        elif end < size and (text[end].isalnum() or text[end] == "_"):
            continue
        yield start, end, values


def longest(hits: Iterable[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Leftmost-longest, non-overlapping selection of hits."""
    chosen: list[tuple[int, int, Any]] = []
    reach = 0
    for hit in sorted(hits, key=lambda h: (h[0], -h[1])):
        if hit[0] >= reach:
            chosen.append(hit)
            reach = hit[1]
    return chosen
