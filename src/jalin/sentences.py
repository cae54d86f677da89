"""Sentence segmentation for Malay and English wire copy, as spans of the normalised text.

A line break ends a sentence, unless it is a soft wrap (one newline, then lower case). Inside a
line, a terminator (`.`, `!`, `?`, `…`, with the closing quotes and brackets after it) ends a
sentence when what follows opens one: a capital, a digit or an opening quote, after a space or run
together as scraped text leaves it (`lancar.Beliau`, `."Kerjasama`). It does not end one:
- inside a number (`2.5`, `RM1.4`, `1,896.18`), nor after a list marker opening a line (`1.`, `iv.`);
- after a title abbreviation (`Dr.`, `Prof.`, `Mohd.`), nor after another abbreviation, a month
  or an initial (`Sdn. Bhd.`, `Sept.`, `U.S.`, `A. Samad`) unless the next word is one that
  opens sentences (tables `abbreviations` and `sentence_starters`);
- inside an attributed quotation: a quote that closes with a comma or runs on into lower case
  (`“Dialog … mencukupi. Inilah masanya …,” katanya.`) is one sentence with its attribution.

A sentence longer than `MAX_SENTENCE` characters (no news sentence comes near it; an unpunctuated
run does) is cut at a safe point, the last comma or space before the limit, so that the work of
every later layer per sentence stays bounded and analysis stays linear in the text's length.
"""

from __future__ import annotations

import bisect
import re

from jalin.lexicon import Lexicon
from jalin.model import Span

MAX_QUOTE = 1500
MAX_SENTENCE = 4000
_LINE = re.compile(r"[^\n]+")  # "one line of text" (up to a line break)
# `[.!?…]+` written so that the pattern opens with one character class: `re` then scans for its
# first character in C, twice as fast as trying the repetition at every offset.
_TERMINATOR = re.compile(r"[.!?…][.!?…]*")
_LINE_ENDS = ".!?…:;\"'”’"
# "1.", "(a).", "iv." opening a list item: not a sentence of its own.
_LIST_MARKER = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})\)?")
_QUOTE_MARKS = re.compile("[\"“”'‘’]")  # "“", "'" (any quote mark)
_CLOSERS = "\"'”’)]"
_OPENERS = "\"'“‘(["
# " “Kerajaan" (the next word after spaces, quotes or a bracket)
_NEXT_WORD = re.compile(r"[\s\"'“‘(]*([^\W\d_]+)")
_WORD_EDGE = "([\"'“‘"


class _Tables:
    __slots__ = ("kinds", "starters")

    def __init__(self, lexicon: Lexicon) -> None:
        self.kinds = {row["abbreviation"].casefold(): row["kind"] for row in lexicon.table("abbreviations")}
        self.starters = frozenset(row["word"].casefold() for row in lexicon.table("sentence_starters"))


def split_sentences(text: str, lexicon: Lexicon, end: int | None = None) -> list[Span]:
    """Ordered, non-overlapping, stripped sentence spans of text[:end]."""
    tables: _Tables = lexicon.cached("sentences.tables", _Tables)
    limit = len(text) if end is None else end
    spans: list[Span] = []
    for start, stop in _blocks(text, limit):
        _split_line(text, start, stop, tables, spans)
    if any(span.end - span.start > MAX_SENTENCE for span in spans):
        spans = [piece for span in spans for piece in _bounded(text, span)]
    return spans


def _bounded(text: str, span: Span) -> list[Span]:
    """The span cut into pieces of at most MAX_SENTENCE characters, after a comma or a space when
    there is one in the second half of a piece (`… kata menteri itu, kerjasama …` cuts after `,`)."""
    pieces: list[Span] = []
    start, end = span.start, span.end
    while end - start > MAX_SENTENCE:
        low, high = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
        cut = text.rfind(", ", low, high) + 1 or text.rfind(" ", low, high) + 1 or high
        _add(pieces, text, start, cut)
        start = cut
    _add(pieces, text, start, end)
    return pieces


def _blocks(text: str, limit: int) -> list[tuple[int, int]]:
    """Lines, with a line that a soft wrap broke off (one newline, then lower case) joined back."""
    blocks: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, 0, limit):
        start, stop = line.span()
        if (blocks and text[start].islower() and text[start - 2] != "\n"
                and text[blocks[-1][1] - 1] not in _LINE_ENDS):
            blocks[-1] = (blocks[-1][0], stop)
        else:
            blocks.append((start, stop))
    return blocks


def _split_line(text: str, start: int, stop: int, tables: _Tables, spans: list[Span]) -> None:
    closing, quiet = _quotes(text, start, stop)
    firsts, lasts = _merged(quiet)
    for match in _TERMINATOR.finditer(text, start, stop):
        dot, end = match.start(), match.end()
        inside = bisect.bisect_left(firsts, dot) - 1  # the last quotation opening before the dot
        if inside >= 0 and dot < lasts[inside]:
            continue
        if dot - start <= 6 and _LIST_MARKER.fullmatch(text, start, dot):
            continue
        while end < stop and text[end] in _CLOSERS and (text[end] not in "\"'" or end in closing):
            end += 1
        if end >= stop:
            break
        if _ends_sentence(text, dot, match.end(), end, stop, tables):
            _add(spans, text, start, end)
            start = end
    _add(spans, text, start, stop)


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Overlapping open intervals (first, last) joined: sorted firsts and their lasts, for bisect."""
    firsts: list[int] = []
    lasts: list[int] = []
    for first, last in sorted(spans):
        if lasts and first < lasts[-1]:
            lasts[-1] = max(lasts[-1], last)
        else:
            firsts.append(first)
            lasts.append(last)
    return firsts, lasts


def _quotes(text: str, start: int, stop: int) -> tuple[set[int], list[tuple[int, int]]]:
    """Offsets of closing straight quotes, and the (open, close) spans of attributed quotations."""
    closing: set[int] = set()
    quiet: list[tuple[int, int]] = []
    open_at: dict[str, int] = {}
    for match in _QUOTE_MARKS.finditer(text, start, stop):
        i, mark = match.start(), match.group()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < stop else " "
        if mark in "'’" and before.isalnum() and after.isalnum():
            continue  # an apostrophe: ministry's, Malaysia’s
        family = '"' if mark in '"“”' else "'"
        if mark in "“‘":
            open_at[family] = i
        elif family in open_at and (mark in "”’" or not before.isspace()):
            first = open_at.pop(family)
            if mark in "\"'":
                closing.add(i)
            if i - first <= MAX_QUOTE and _attributed(text, i, stop):
                quiet.append((first, i))
        elif mark in "\"'" and not before.isalnum() and (after.isalnum() or after in "“‘"):
            open_at[family] = i
    return closing, quiet


def _attributed(text: str, close: int, stop: int) -> bool:
    """A quotation closing with a comma or running on in lower case: `…,” katanya`, `…?” soalnya`."""
    before = text[close - 1] if close > 0 else ""
    following = text[close + 1:min(stop, close + 4)].lstrip(" ,")[:1]
    return before == "," or (following.isalpha() and following.islower())


def _ends_sentence(text: str, dot: int, after_dot: int, end: int, stop: int, tables: _Tables) -> bool:
    mark = text[dot]
    if mark == "." and after_dot - dot == 1:
        if dot > 0 and text[dot - 1].isdigit() and text[after_dot:after_dot + 1].isdigit():
            return False  # 2.5, RM1.4, 1,896.18
        word = _word_before(text, dot)
        kind = tables.kinds.get(word.casefold())
        if kind is None and "." in word:
            word = word.rsplit(".", 1)[1]  # "ini.Dr" run together: the last word
            kind = tables.kinds.get(word.casefold())
        if kind is None and len(word) == 1 and word.isupper():
            kind = "other"  # an initial: "A. Samad", "M. N. Shaari"
        if kind == "title" and word[:1].isupper():
            return False
        if kind in ("month", "other"):
            following_word = _next_word(text, end, stop)
            return following_word[:1].isupper() and following_word.casefold() in tables.starters
    following = text[end]
    if following.isspace():
        nxt = text[end + 1:end + 2]
        return bool(nxt) and (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or not nxt.isalnum())
    if following.isupper() or following in "“‘":
        # run-together scraped text ("lancar.Beliau"), not a dotted name ("U.S.Navy" is handled above)
        return mark != "." or _word_chars_before(text, dot) >= 2 or (dot > 0 and text[dot - 1].isdigit())
    return following in "\"'"  # an opening straight quote run on after the stop: '."Kerjasama'


def _word_before(text: str, dot: int) -> str:
    """The word a full stop ends, without opening brackets or quotes ("U.S", "Dr", "ini.Dr")."""
    low = max(0, dot - 24)
    space = max(text.rfind(" ", low, dot), text.rfind("\n", low, dot))
    return text[space + 1 if space >= 0 else low:dot].lstrip(_WORD_EDGE)


def _word_chars_before(text: str, dot: int) -> int:
    n = 0
    while dot - n - 1 >= 0 and text[dot - n - 1].isalnum():
        n += 1
    return n


def _next_word(text: str, end: int, stop: int) -> str:
    match = _NEXT_WORD.match(text, end, stop)
    return match.group(1) if match else ""


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
