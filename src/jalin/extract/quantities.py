"""The quantities layer: counted and measured amounts with their qualifier and unit.

A quantity is a number (digits or Malay / English words, with an optional scale word) that counts
something: its unit is a currency sign before it (RM, US$), or the noun it counts after it, possibly
past a few modifiers ("300 delegat", "seven Pendekar battle tanks"). A qualifier just before it
(kira-kira, lebih, at least …) sets `qualifier`. Left out: numbers inside dates and years (the
times layer's spans, except the durations of its periods), ordinals (ke-3, 3rd), times of day,
numbers that are part of a name or code (5PC, MH17, AW 139, "Perjanjian Pertahanan Lima Negara"),
"satu"/"one" as an article, "the two countries" / "our two countries" / "dua negara" (a back
reference or the pair itself, not a count) and numbers that count nothing we can name. An amount
restated in another currency right after a qualified one ("about 400 million yen (RM12 million)",
"about USD920 million, or RM4.1 billion") shares its qualifier; "an estimated … of USD150
million" is approximate. The lower end of a range takes the upper end's unit ("10 to 15
helicopters": 10 at_least, 15 at_most). People counted next to a verb that says they take part
(`participation.tsv`: menyertai, took part) are participants.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from jalin.doc import Doc
from jalin.extract.common.matcher import Anchors
from jalin.extract.common.numbers import number_value, number_words, spelled_words
from jalin.extract.common.units import unit_after
from jalin.extract.common.words import trie_regex
from jalin.lexicon import Lexicon
from jalin.model import Quantity

_PARTICIPATION_REACH = 60  # characters between a count of people and the verb that says they take part
_ARTICLES = frozenset({"satu", "one", "se"})
_DURATIONS = frozenset({"days", "weeks", "months", "years", "decades", "hours"})
# "the ", "kedua-dua " (a word that points back, right before a number)
_BACK_REFERENCE = re.compile(r"(?i)(?<![\w\-])(?:the|kedua-dua|both|our|their|its|these|those)\s+$")
# " – ", " to ", " hingga ", " and " (between the two ends of a range)
_RANGE_GAP = re.compile(
    r"\s*(?:[–—]|\s-|(?i:to|hingga|sehingga|sampai)(?=\s)|(?P<joint>(?i:and|dan)(?=\s)))\s*"
)
_FROM = re.compile(r"(?i)(?<![\w-])(?:from|dari|daripada)\s+$")  # "from ", "dari " (right before a range)
# "between ", "di antara " (right before a range)
_BETWEEN = re.compile(r"(?i)(?<![\w-])(?:between|antara|di antara)\s+$")
# "Hornet " (a capitalised word right before a number)
_NAME_WORD_BEFORE = re.compile(r"(?<![\w\-])[A-Z][\w'’]*(?:-[\w'’]+)*\s+$")
# " (", ", or ", " iaitu " (before an amount restated)
_RESTATED = re.compile(r"\s*(?:\(|,?\s+(?:or|atau|iaitu|i\.e\.)\s+)$")
# "estimated at ", "dianggarkan bernilai " (right before an estimate)
_ESTIMATED = re.compile(
    r"(?i)(?<![\w\-])(?:estimated|dianggarkan|anggaran)(?:\s+[\w\-]+){0,3}?\s+"
    r"(?:of|at|bernilai|berjumlah)?\s*$"
)
# "F/A-18 " (a model code right before a number)
_CODE = re.compile(r"(?<![\w\-])[A-Z][A-Z0-9/\-]*[A-Z0-9]\s*$")


@dataclass(frozen=True, slots=True)
class QuantityWords:
    pattern: re.Pattern[str]          # run over `anchors` windows
    anchors: Anchors
    prefixes: dict[str, str]           # currency sign -> unit
    hyphened: dict[str, str]           # "50-member": the word after the hyphen -> unit
    qualifiers: dict[str, str]
    qualifier: re.Pattern[str]         # a qualifier right before a number (search the left text)
    blocker: re.Pattern[str]           # an age or label word right before a number (berusia, Fasa)
    taking_part: re.Pattern[str]       # a verb of taking part (menyertai, took part): people are participants
    involving: re.Pattern[str]         # … (melibatkan, involved) when a gathering is named too
    gathering: re.Pattern[str]         # a gathering word (latihan, seminar)


def _build(lexicon: Lexicon) -> QuantityWords:
    rows = lexicon.table("units")
    prefixes = {r["word"]: r["unit"] for r in rows if r["position"] == "prefix"}
    qualifiers = {
        " ".join(r["phrase"].casefold().split()): r["qualifier"] for r in lexicon.table("qualifiers")
    }
    signs = trie_regex(prefixes)
    body = number_words(lexicon).body
    hyphened = {r["word"].casefold(): r["unit"] for r in rows if r["position"] == "hyphen"}
    pattern = re.compile(
        rf"(?:(?<![\w$€£¥₩])(?P<sign>{signs})\s?(?=\d)|(?<![\w\-.,/]))(?<![\d.,]){body}"
        rf"(?:(?P<pct>\s?%)|-(?P<hy>{trie_regex(hyphened)})\b)?(?![\w:]|\.\d|/\d|-\w)",
        re.IGNORECASE,
    )
    quals = trie_regex(qualifiers)
    qualifier = re.compile(rf"(?<![\w\-])(?P<q>{quals})\s+$", re.IGNORECASE)
    spelled = spelled_words(lexicon)
    sign_lead = re.compile(rf"(?<![\w$€£¥₩])(?:{signs})\s?$", re.IGNORECASE)
    anchors = Anchors(spelled, digits=(0, 0), before=0, after=60, lead=sign_lead)
    blockers = trie_regex([r["word"] for r in lexicon.table("quantity_blockers")])
    blocker = re.compile(rf"(?<![\w\-])(?:{blockers})\.?\s+$", re.IGNORECASE)
    participation = lexicon.table("participation")
    return QuantityWords(
        pattern, anchors, prefixes, hyphened, qualifiers, qualifier, blocker,
        _words_regex([r["word"] for r in participation if not r.get("needs")]),
        _words_regex([r["word"] for r in participation if r.get("needs")]),
        _words_regex([r["phrase"] for r in lexicon.table("gatherings") if r.get("cased") != "yes"]),
    )


def quantity_words(lexicon: Lexicon) -> QuantityWords:
    return lexicon.cached("quantities.words", _build)


def extract(doc: Doc) -> list[Quantity]:
    words = quantity_words(doc.lexicon)
    text = doc.text
    blocked = _time_spans(doc)
    found: list[Quantity] = []
    upper_at = -1  # where the upper end of a range starts ("10 to 15 helicopters")
    shared = doc.number_scan  # the times layer's pass found the numbers already
    scanned = (shared.words, shared.runs) if shared and shared.text is text else None
    for match in words.anchors.matches(words.pattern, text, scanned=scanned):
        start, end = match.span()
        if _inside(blocked, start, end) or _is_label(text, match):
            continue
        if words.blocker.search(text, max(0, start - 12), start):
            continue
        number = match["digits"] or match["words"]
        value = number_value(doc.lexicon, number)
        if value is None:
            continue
        counted = _unit(doc, words, match)
        if counted is None:
            continue
        unit, end, lower, upper = counted
        upper_at = upper if upper is not None else upper_at
        if not _counts(number, unit):
            continue
        if unit == "countries" and value == 2 and not lower and upper is None:
            continue  # "kerjasama dua negara", "two nations": the pair named, not an amount
        if unit == "people" and _taking_part(doc, words, start):
            unit = "participants"
        qualifier, start = _qualifier(text, words, match, found, lower or start == upper_at, lower)
        found.append(Quantity(f"q{len(found) + 1}", value, qualifier, unit, text[start:end], start, end))
    return found


def _unit(
    doc: Doc, words: QuantityWords, match: re.Match[str]
) -> tuple[str, int, bool, int | None] | None:
    """(unit, end, lower end of a range, where the range's upper end starts) of a number, or None.

    "RM5" -> ringgit; "15%" -> percent; "50-member" -> its hyphened unit; "300 delegat" -> the unit
    of the words after it; "10 to 15 helicopters": 10 takes the upper end's unit and is the lower end.
    """
    end = match.end()
    if match["sign"]:
        unit = words.prefixes.get(match["sign"]) or words.prefixes.get(match["sign"].upper())
        return (unit, end, False, None) if unit is not None else _unit_after_words(doc, words, match)
    if match["pct"]:
        return "percent", end, False, None
    if match["hy"]:
        return words.hyphened[match["hy"].casefold()], end, False, None
    return _unit_after_words(doc, words, match)


def _unit_after_words(
    doc: Doc, words: QuantityWords, match: re.Match[str]
) -> tuple[str, int, bool, int | None] | None:
    after = unit_after(doc, match.end())
    if after is not None:
        return after[0], after[1], False, None
    ranged = _range_unit(doc, words, match)
    if ranged is not None:
        return ranged[0], match.end(), True, ranged[1]
    return None


def _qualifier(
    text: str, words: QuantityWords, match: re.Match[str], found: list[Quantity], bounded: bool, lower: bool
) -> tuple[str, int]:
    """(qualifier, start) of a quantity: a range end is at_least/at_most, a qualifier word before it
    ("kira-kira 300") sets it and starts the quantity, a restated amount shares the earlier one's,
    "an estimated ..." makes it approx."""
    start = match.start()
    qualifier = "exact"
    left = words.qualifier.search(text, max(0, start - 30), start)
    if bounded:
        qualifier = "at_least" if lower else "at_most"
    elif left:
        qualifier = words.qualifiers[" ".join(left["q"].casefold().split())]
        start = left.start()
    elif match["sign"] and found and _restates(text, found[-1], start):
        qualifier = found[-1].qualifier
    if qualifier == "exact" and _ESTIMATED.search(text, max(0, start - 50), start):
        qualifier = "approx"
    return qualifier, start


def _range_unit(doc: Doc, words: QuantityWords, match: re.Match[str]) -> tuple[str, int] | None:
    """(unit, start of the upper end) when a number is the lower end of a range whose upper end
    names the unit: "10 to 15 helicopters", "antara 200 dan 300 orang", "20 – 30 per cent"."""
    text = doc.text
    gap = _RANGE_GAP.match(text, match.end())
    if gap is None or match["sign"]:
        return None
    if gap["joint"] and not _BETWEEN.search(text, max(0, match.start() - 12), match.start()):
        return None  # "200 and 300" is a range only after "between"/"antara"
    if _FROM.search(text, max(0, match.start() - 12), match.start()):
        return None  # "rose from 5 to 8 per cent" is a change, not a range
    upper = words.pattern.match(text, gap.end())
    if upper is None or upper["sign"]:
        return None
    if upper["pct"]:
        return "percent", upper.start()
    after = unit_after(doc, upper.end())
    return (after[0], upper.start()) if after else None


def _taking_part(doc: Doc, words: QuantityWords, at: int) -> bool:
    if not doc.sentences:
        return False
    span = doc.sentences[doc.sentence_index(at)]
    text = doc.text
    lo, hi = max(span.start, at - _PARTICIPATION_REACH), min(span.end, at + _PARTICIPATION_REACH)
    if words.taking_part.search(text, lo, hi):
        return True
    involving = words.involving.search(text, lo, hi)
    return bool(involving) and bool(words.gathering.search(text, span.start, span.end))


def _words_regex(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<![\w\-])(?:{trie_regex(words)})(?![\w\-])")


def _restates(text: str, earlier: Quantity, start: int) -> bool:
    """True when an amount at `start` restates the money amount just before it in another currency."""
    return earlier.unit.isupper() and bool(_RESTATED.fullmatch(text, earlier.end, start))


def _counts(number: str, unit: str) -> bool:
    """"satu perjanjian" / "one of them" is an article, not a count; durations may use it."""
    return number.casefold() not in _ARTICLES or unit in _DURATIONS


def _is_label(text: str, match: re.Match[str]) -> bool:
    """Numbers that are part of a name or code (AW 139), or a back reference (the two countries)."""
    if match["sign"]:
        return False
    before = text[max(0, match.start() - 12):match.start()]
    if match["digits"] and _CODE.search(before):
        return True
    if match["words"] and match["words"][0].isupper() and _NAME_WORD_BEFORE.search(before):
        return True  # "Perjanjian Pertahanan Lima Negara", "the Five Power Defence Arrangements"
    # "the 12-week course" counts weeks; "the two countries" refers back
    return not match["hy"] and bool(_BACK_REFERENCE.search(before))


def _time_spans(doc: Doc) -> list[tuple[int, int]]:
    durations = doc.durations or []
    spans = []
    for t in doc.times:
        inner = [d for d in durations if t.start <= d[0] and d[1] <= t.end]
        if inner:
            spans.extend(_minus(t.start, t.end, inner))
        else:
            spans.append((t.start, t.end))
    return sorted(spans)


def _minus(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for hole_start, hole_end in sorted(holes):
        spans.append((start, hole_start))
        start = hole_end
    spans.append((start, end))
    return [s for s in spans if s[1] > s[0]]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted, not overlapping each other)."""
    index = bisect.bisect_left(spans, (end,)) - 1
    return index >= 0 and spans[index][1] > start
