"""Numbers written in digits or in Malay and English words, with their values.

`number_pattern(lexicon)` is one compiled regex whose matches are whole numbers ("1,200", "1.5
bilion", "dua puluh lima", "twenty-four", "tiga ratus ribu"); `number_value(lexicon, text)` reads
the value of such a match. Both are built from `numbers.tsv`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jalin.extract.common.words import trie_regex
from jalin.lexicon import Lexicon

# "1,200", "1,200.5" · "600.000", "1.250.000" (a dot between thousands, as Indonesian and some Malay
# texts write) · "12", "1.5"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![.,]?\d)|\d+(?:\.\d+)?"
_DIGITS_AT = re.compile(DIGITS)  # "1,200", "3.5" (the digits at a position)
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+$")  # "600.000"
_DECIMAL_COMMA = re.compile(r"(\d+),(\d{1,2})(?!\d)")  # "1,6 juta": one point six million
_WORD_GAP = re.compile(r"[\s\-]+")  # " ", "-" between number words ("dua puluh", "twenty-one")


@dataclass(frozen=True, slots=True)
class NumberWords:
    kinds: dict[str, tuple[int, str]]  # folded word -> (value, kind)
    body: str  # regex source of one number, groups `digits` and `words`, no left boundary
    count: str  # regex source of a small count (no groups, no magnitude word: "dua", "12", not "4 bilion")
    pattern: re.Pattern[str]  # `body` standing alone (not inside a word or another number)


def _alternation(words: list[str]) -> str:
    return trie_regex(words)


def _build(lexicon: Lexicon) -> NumberWords:
    kinds = {row["word"].casefold(): (int(row["value"]), row["kind"]) for row in lexicon.table("numbers")}
    spelled = _alternation([w for w, (_, k) in kinds.items() if k != "abbrev"])
    scales = _alternation([w for w, (_, k) in kinds.items() if k in ("scale", "abbrev")])
    word = rf"(?:{spelled})"
    edge_l, edge_r = r"(?<![\w\-])", r"(?![\w\-])"
    words = rf"{word}(?:(?:\s+|-){word})*"
    # a decimal comma before a magnitude word ("1,6 juta"), else digits with an optional magnitude
    digits = rf"(?:\d+,\d{{1,2}}(?!\d)(?=\s?(?:{scales}){edge_r})|{DIGITS})(?:\s?(?:{scales}){edge_r})?"
    # a spelled number may end at a hyphen that does not go on with another number word
    # ("two-day"), so that a caller can read the compound's unit
    words_end = rf"(?![\w])(?!-(?:{spelled})(?![\w]))"
    body = rf"(?:(?P<digits>{digits})(?![\d])|(?P<words>{words}){words_end})"
    small_words = [w for w, (_, k) in kinds.items() if k not in ("scale", "scale1", "abbrev")]
    small = rf"(?:{_alternation(small_words)})"
    count = rf"(?:(?:{DIGITS})(?![\d])(?!\s?(?:{scales}){edge_r})|{small}(?:(?:\s+|-){small})*{edge_r})"
    return NumberWords(kinds, body, count, re.compile(rf"{edge_l}(?<![\d.,]){body}", re.IGNORECASE))


def spelled_words(lexicon: Lexicon) -> list[str]:
    """The number words that can start a number written in words (not scale abbreviations)."""
    return [row["word"] for row in lexicon.table("numbers") if row["kind"] != "abbrev"]


def number_words(lexicon: Lexicon) -> NumberWords:
    return lexicon.cached("numbers.words", _build)


def number_value(lexicon: Lexicon, text: str) -> float | int | None:
    """The value of a number written in digits (with an optional scale word) or in words."""
    table = number_words(lexicon).kinds
    comma = _DECIMAL_COMMA.match(text)
    if comma and text[comma.end():].strip().casefold() in table:
        text = f"{comma.group(1)}.{comma.group(2)}{text[comma.end():]}"
    match = _DIGITS_AT.match(text)
    if match:
        written = match.group()
        plain = written.replace(".", "") if _DOT_THOUSANDS.match(written) else written.replace(",", "")
        value: float = float(plain)
        rest = text[match.end():].strip().casefold()
        if rest:
            if rest not in table:
                return None
            value *= table[rest][0]
        return _plain(value)
    return _words_value(table, text)


def _words_value(table: dict[str, tuple[int, str]], text: str) -> int | None:
    total = current = last = 0
    seen = False
    for word in _WORD_GAP.split(text.casefold()):
        if word not in table:
            return None
        value, kind = table[word]
        seen = True
        if kind == "atom":
            current += value
            last = value
        elif kind == "teen":
            current += value
            last = 0
        elif kind == "tens":
            current += last * (value - 1)
            last = 0
        elif kind == "hundred":
            current = (current or 1) * value
            last = 0
        elif kind == "scale1":
            total += value
        else:
            total += (current or 1) * value
            current = last = 0
    return total + current if seen else None


def _plain(value: float) -> float | int:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded
