"""The times layer: every temporal expression, resolved against the publication date.

One compiled scanner (see `timewords`) finds the expressions; each is resolved to an ISO 8601
value at its own granularity (`2025-10-22`, `2025-W43`, `2025-10`, `2025-Q3`, `2025`, or an
interval `2025-05-29/2025-05-31` for ranges and periods) and given the relation its cue word says
(menjelang / by → by, sejak / since → since …). A month or a day written without a year goes the
way of the sentence's tense (SCHEMA.md). Without a publication date, relative expressions keep
`value` null. A date inside the opening dateline ("PUTRAJAYA 7 Sept. -") is the report's own
stamp, not something the article talks about, and is left out.

Without a publication date the layer infers a reference date (`reference`), keeping
`document.published` null: the dateline's own day and month ("PHNOM PENH, Feb 24 —") in the latest
year the text writes outside a look-ahead (years after "by", "menjelang", "until" or in a sentence
about the future are targets, not the report's year). With a year but no dateline date only
expressions that need no more than the year resolve ("this year", "Jan 28", "in March"); with
no year nothing relative resolves.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from jalin.doc import Doc, NumberScan, TimeReference
from jalin.extract.common.numbers import number_value
from jalin.extract.common.queries import reference_date, reference_year
from jalin.extract.common.units import unit_after
from jalin.extract.common.words import trie_regex
from jalin.extract.times.words import TimeWords, time_words
from jalin.lexicon import Lexicon
from jalin.model import TimeExpr

# "PUTRAJAYA, 5 Mac (Bernama) --" (a dateline with its date)
_DATELINE = re.compile(
    r"[A-Z]{2,}[A-Za-z.'’\- ]{0,40}?,?\s+(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"(?:\s*\([^)]{1,30}\))?\s*(?:--|[-–—:])"
)
_YEARS_TRIED = 20  # the latest years written (and mentions of each) looked at for one that is no target
# "2024" (a year, not part of a number or a date)
_YEAR = re.compile(r"(?<![\w.,$/\-])(?:19|20)\d{2}(?![\w/]|[.,-]\d)")
# "5 Mac", "March 5" (the date in a dateline)
_STAMP_DATE = re.compile(
    r"(?P<d1>\d{1,2})\s+(?P<m1>[A-Z][a-z]{2,8})|(?P<m2>[A-Z][a-z]{2,8})\.?\s+(?P<d2>\d{1,2})"
)
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z]{2,}\)?\s$")  # "ATM) " (an acronym right before a position)
_CAPITAL_BEFORE = re.compile(r"([A-Z][\w'’]*)\s+$")  # "Tahun " (a capitalised word right before a position)
_YEARS_PLAUSIBLE = range(1900, 2101)
_VALUE_YEAR = re.compile(r"(?:^|/)(-?\d+)")  # "2024", "/2025" (a year in a time value)
_PERIOD_UNITS = {"hari": "day", "day": "day", "minggu": "week", "week": "week", "bulan": "month",
                 "month": "month", "tahun": "year", "year": "year"}


def extract(doc: Doc) -> list[TimeExpr]:
    words = time_words(doc.lexicon)
    text = doc.text
    stamp = _DATELINE.match(text[:80])
    skip_until = stamp.end() if stamp else 0
    doc.time_reference = (TimeReference(doc.published, doc.published.year) if doc.published
                          else TimeReference(*_inferred(doc, words, stamp)))
    found: list[TimeExpr] = []
    durations: list[tuple[int, int]] = []
    hits, runs, numbers = words.anchors.scan(text)
    doc.number_scan = NumberScan(text, numbers, runs)  # for the quantities layer (`Anchors.scan`)
    for found_match in words.anchors.matches(words.pattern, text, words.digit_pattern, (hits, runs)):
        match = _Found(found_match, words.groups)
        if match.end() <= skip_until or match.start() < (found[-1].end if found else 0):
            continue
        if (match["wd"] or match["mon"]) and _excluded(words, text, match.start(), match.end()):
            continue
        try:
            resolved = _resolve(doc, words, match)
        except (OverflowError, ValueError):  # "tomorrow" of 9999-12-31 or "yesterday" of 0001-01-01
            resolved = None
        if resolved is None:
            continue
        value, granularity, relation, end = resolved
        if value is not None and not _plausible(value):
            value = None  # a year far outside 1900-2100 comes from a misread count, never from the text
        start = match.start()
        cue = words.cue.search(text, max(0, start - 40), start)
        if match["pn"] is not None:
            durations.append((match.start("pn"), match.end("pu")))
        elif match["ppn"] is not None or match["ppn2"] is not None:
            key = "" if match["ppn"] is not None else "2"  # its length stays a quantity, as above
            durations.append((match.start("ppn" + key), match.end("ppu" + key)))
        elif cue and relation is None:
            relation = words.relations[_fold(cue["cue"])]
            start = cue.start()
            if relation == "before" and _ends_period(words, match):
                relation = "by"  # "before the end of the year": by the year's last day
        if relation in (None, "on") and granularity == "year" and value and _ends_period(words, match):
            # "akhir tahun ini", "by the end of 2026": by the year's last month
            value, granularity, relation = f"{value}-12", "month", "by"
        found.append(
            TimeExpr(f"t{len(found) + 1}", text[start:end], value, granularity, relation or "on", start, end)
        )
    doc.durations = durations
    return _with_written_dates(text, found)


_DATE_BESIDE = re.compile(r"\s*(?:\(\s*|,\s*)")  # "Selasa (4/9/2018)", "Rabu, 27 Desember 2017"


def _with_written_dates(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """A day named in words and the date written beside it are one expression with the written
    date's value: "pada hari Selasa (4/9/2018)", "kemarin (09/07)", "Rabu, 27 Desember 2017"."""
    joined: list[TimeExpr] = []
    for expr in found:
        last = joined[-1] if joined else None
        beside = last is not None and _DATE_BESIDE.fullmatch(text, last.end, expr.start)
        if last is None or not beside or not _named_then_written(last, expr):
            joined.append(expr)
            continue
        bracketed = "(" in text[last.end:expr.start]
        if bracketed and text[expr.end:expr.end + 1] != ")":
            joined.append(expr)
            continue
        end = expr.end + 1 if bracketed else expr.end
        relation = last.relation if last.relation != "on" else expr.relation
        joined[-1] = TimeExpr(last.id, text[last.start:end], expr.value, "day", relation, last.start, end)
    return [
        TimeExpr(f"t{i}", e.text, e.value, e.granularity, e.relation, e.start, e.end)
        for i, e in enumerate(joined, 1)
    ]


def _named_then_written(named: TimeExpr, written: TimeExpr) -> bool:
    """A single day in words ("Selasa", "kemarin") then a single day in digits ("4/9/2018")."""
    return (
        named.granularity == written.granularity == "day"
        and not any(c.isdigit() for c in named.text) and any(c.isdigit() for c in written.text)
        and "/" not in (written.value or "/") and "/" not in (named.value or "")
    )


_PART_GROUPS = ("part", "bpart", "ypart", "mpart")


def _ends_period(words: TimeWords, match: _Found) -> bool:
    """Whether the expression is the end of a period ("the end of the year", "akhir tahun ini",
    "hujung bulan", "the end of 2026")."""
    part = next((match[g] for g in _PART_GROUPS if match[g] is not None), None)
    return part is not None and words.parts.get(_fold(part)) == "end"


def _inferred(doc: Doc, words: TimeWords, stamp: re.Match[str] | None) -> tuple[date | None, int | None]:
    """(reference date, reference year) of a document without a publication date: the latest year
    the text writes that is no look-ahead target and no landmark (after a history word, or decades
    before the latest year the text writes: "opened in Penang in 1972" in a report about 2024), with
    the dateline's day and month when it has them."""
    offsets: dict[int, list[int]] = {}
    history = doc.lexicon.cached("times.history", _history_tail)
    latest = 0
    for m in _YEAR.finditer(doc.text):
        latest = max(latest, int(m.group()))
        if history.search(doc.text, max(0, m.start() - _HISTORY_CHARS), m.start()):
            continue  # "ditubuhkan pada 1972", "since 2017": a landmark, not the report's year
        offsets.setdefault(int(m.group()), []).append(m.start())
    year = next(
        (
            found for found in sorted(offsets, reverse=True)[:_YEARS_TRIED]
            if found >= latest - _HISTORY_GAP
            and not all(_looks_ahead(doc, words, at) for at in offsets[found][:_YEARS_TRIED])
        ),
        None,
    )
    if year is None:
        return None, None
    if stamp is None:
        return None, year
    day_month = _STAMP_DATE.search(stamp.group())
    if day_month is None:
        return None, year
    month = words.months.get(_fold(day_month["m1"] or day_month["m2"]))
    day = int(day_month["d1"] or day_month["d2"])
    iso = _day(year, month, day) if month else None
    return (date.fromisoformat(iso) if iso else None), year


_HISTORY_CHARS = 60
_HISTORY_GAP = 12  # years before the latest year a text writes: history, not the report's own year
_HISTORY_REACH = 4  # words between a history word and its year ("founded in the year 1972")


def _history_tail(lexicon: Lexicon) -> re.Pattern[str]:
    """A history word and up to four words at the end of a passage: "ditubuhkan pada ", "since "."""
    words = [r["word"] for r in lexicon.table("time_history")]
    return re.compile(rf"(?<![\w\-])(?i:{trie_regex(words)})(?:\s+[\w'’]+){{0,{_HISTORY_REACH - 1}}}?\s+$")


def _looks_ahead(doc: Doc, words: TimeWords, offset: int) -> bool:
    cue = words.cue.search(doc.text, max(0, offset - 40), offset)
    if cue and words.cue_tenses.get(_fold(cue["cue"])) == "future":
        return True
    return _tense(doc, words, offset) == "future"


# ---------------------------------------------------------------- resolution

Resolved = tuple[str | None, str, str | None, int]  # value, granularity, forced relation, end


class _Found(dict):
    """A match of either scanner (word-led or digit-led) as a dict of every group of both (a group
    the other one has reads None), so that reading a group is a plain dict lookup."""

    __slots__ = ("match",)

    def __init__(self, match: re.Match[str], empty: dict[str, None]) -> None:
        super().__init__(empty)
        self.update(match.groupdict())
        self.match = match

    def start(self, name: str | int = 0) -> int:
        return self.match.start(name)

    def end(self, name: str | int = 0) -> int:
        return self.match.end(name)

    @property
    def lastgroup(self) -> str | None:
        return self.match.lastgroup


def _resolve(doc: Doc, words: TimeWords, m: _Found) -> Resolved | None:
    """Dates written with digits here; everything else in `_resolve_words`."""
    pub = reference_date(doc)
    end = m.end()
    if m["rd1"] is not None or m["rx1"] is not None:
        return _day_range(doc, words, m)
    if m["ry1"] is not None:
        if int(m["ry2"]) <= int(m["ry1"]):
            return None
        return f"{m['ry1']}/{m['ry2']}", "year", "during", end
    if m["rm1"] is not None:
        year, end = _tail_year(doc, words, m, end, (words.months[_fold(m["rm1"])], 1), "month", ranged=True)
        first, last = words.months[_fold(m["rm1"])], words.months[_fold(m["rm2"])]
        if year is None:
            return None, "month", "during", end
        return f"{year}-{first:02d}/{year + (last < first)}-{last:02d}", "month", "during", end
    if m["dd"] is not None or m["mdm"] is not None:
        day = int(m["dd"] or m["mdd"])
        month = words.months[_fold(m["ddm"] or m["mdm"])]
        year, end = _tail_year(doc, words, m, end, (month, day), "day", m["mdpre"])
    elif m["iy"] is not None:
        year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
    elif m["nd"] is not None:
        day, month = int(m["nd"]), int(m["nm"])
        year = int(m["ny"]) if m["ny"] else _year_by_tense(doc, words, m.start(), (month, day), "day")
    elif m["hbd"] is not None:
        year, month, day = (pub.year, pub.month, int(m["hbd"])) if pub else (None, 1, int(m["hbd"]))
    else:
        return _resolve_words(doc, words, m)
    value = _day(year or 2000, month, day)  # 2000: a leap year, so 29 Feb stays possible
    if value is None:
        return None  # 31 Februari: not a date
    return (_day(year, month, day) if year else None), "day", None, end


def _resolve_words(doc: Doc, words: TimeWords, m: _Found) -> Resolved | None:
    """A word-led expression: a quarter ("suku ketiga 2025"), a count back ("three years ago"), a
    period ("in the past two weeks", "dalam masa empat bulan"), else one that names its time."""
    pub = reference_date(doc)
    end = m.end()
    if m["q"] is not None or m["qo"] is not None or m["qe"] is not None:
        quarter = int(m["q"]) if m["q"] else words.ordinals[_fold(m["qo"] or m["qe"])]
        if not 1 <= quarter <= 4:
            return None
        year, end = _tail_year(doc, words, m, end, None, "quarter")
        return (f"{year}-Q{quarter}" if year else None), "quarter", None, end
    if m["agon"] is not None:
        count = number_value(doc.lexicon, m["agon"])
        granularity = _PERIOD_UNITS[_fold(m["agou"]).rstrip("s")]
        if pub is None or not isinstance(count, int):
            return None, granularity, None, end
        return _shifted(pub, granularity, -count), granularity, None, end
    if m["ppn"] is not None or m["ppn2"] is not None:
        return _past_period(doc, m), "day", "during", end
    if m["pn"] is not None:
        # "dalam masa empat bulan" counts from now only when the sentence looks ahead; otherwise
        # it is a plain duration (a quantity), not a time.
        if _tense(doc, words, m.start()) != "future":
            return None
        return _period(doc, m), "day", "during", end
    return _resolve_named(doc, words, m)


def _resolve_named(doc: Doc, words: TimeWords, m: _Found) -> Resolved | None:
    """A word-led expression that names its time: "bulan depan", "tahun 2026", "semalam", "2025",
    "Isnin lalu", "Oktober ini" (the others are counted periods and quarters, `_resolve_words`)."""
    pub = reference_date(doc)
    end = m.end()
    group = m.lastgroup or ""
    if m["mu"] is not None or m["eu"] is not None:
        granularity = words.units[_fold(m["mu"] or m["eu"])]
        offset = words.deixis[_fold(m["md"] or m["ed"])]
        return (*_unit(doc, granularity, offset), None, end)
    if m["yp"] is not None:
        return m["yp"], "year", None, end
    if m["bu"] is not None:
        return (*_unit(doc, words.units[_fold(m["bu"])], 0), None, end)
    if group == "word":
        granularity, offset = words.words[_fold(m["word"])]
        return (_shifted(pub, granularity, offset) if pub else None), granularity, None, end
    if m["year"] is not None:
        named = _ACRONYM_BEFORE.search(doc.text, max(0, m.start() - 14), m.start())
        if named or _followed_by_count(doc, end):
            return None  # "LIMA 2019", "(DSA) 2024" name an edition; "2000 peserta" counts
        return m["year"], "year", None, end
    if m["wd"] is not None:
        return _weekday(doc, words, m)
    if m["mon"] is not None:
        if m["mpre"] is None and m["mpart"] is None and _after_name(words, doc.text, m.start()):
            return None
        anchor = (words.months[_fold(m["mon"])], 1)
        year, end = _tail_year(doc, words, m, end, anchor, "month", m["mpre"])
        return (f"{year}-{anchor[0]:02d}" if year else None), "month", None, end
    return None


def _day_range(doc: Doc, words: TimeWords, m: _Found) -> Resolved:
    if m["rd1"] is not None:
        first_day, last_day = int(m["rd1"]), int(m["rd2"])
        first_month = last_month = words.months[_fold(m["rdm"])]
    else:
        first_day, last_day = int(m["rx1"]), int(m["rx2"])
        first_month, last_month = words.months[_fold(m["rxm1"])], words.months[_fold(m["rxm2"])]
    year, end = _tail_year(doc, words, m, m.end(), (first_month, first_day), "day")
    if year is None:
        return None, "day", "during", end
    first = _day(year, first_month, first_day)
    last = _day(year + (last_month < first_month), last_month, last_day)
    value = f"{first}/{last}" if first and last else None
    return value, "day", "during", end


def _past_period(doc: Doc, m: _Found) -> str | None:
    """ "sepanjang dua minggu lalu", "over the past three years": from that long ago to the reference day."""
    count = number_value(doc.lexicon, m["ppn"] or m["ppn2"] or "")
    pub = reference_date(doc)
    if pub is None or not isinstance(count, int) or count <= 0:
        return None
    unit = _PERIOD_UNITS[_fold(m["ppu"] or m["ppu2"] or "").rstrip("s")]
    days = {"day": 1, "week": 7}.get(unit)
    if days:
        first = pub - timedelta(days=days * count)
    else:
        first = _add_months(pub, -count * (12 if unit == "year" else 1))
    return f"{first.isoformat()}/{pub.isoformat()}"


def _period(doc: Doc, m: _Found) -> str | None:
    count = number_value(doc.lexicon, m["pn"])
    pub = reference_date(doc)
    if pub is None or not isinstance(count, int) or count <= 0:
        return None
    unit = _PERIOD_UNITS[_fold(m["pu"]).rstrip("s")]
    days = {"day": 1, "week": 7}.get(unit)
    if days:
        last = pub + timedelta(days=days * count)
    else:
        months = count * (12 if unit == "year" else 1)
        last = _add_months(pub, months)
    return f"{pub.isoformat()}/{last.isoformat()}"


def _unit(doc: Doc, granularity: str, offset: int) -> tuple[str | None, str]:
    """ "minggu depan", "tahun lalu"; a part of one ("akhir tahun ini", "early next year") resolves to
    the period it is part of, at that period's granularity."""
    pub = reference_date(doc)
    if pub is None:
        year = reference_year(doc)
        if granularity == "year" and year is not None:
            return str(year + offset), granularity
        return None, granularity
    return _shifted(pub, granularity, offset), granularity


def _weekday(doc: Doc, words: TimeWords, m: _Found) -> Resolved:
    pub = reference_date(doc)
    tail = words.tail.match(doc.text, m.end())
    marked = bool(m["wpre"] or (tail and tail["mod"]))
    end = tail.end() if tail and tail["mod"] else m.end()
    if pub is None:
        return None, "day", None, end
    target = words.weekdays[_fold(m["wd"])]
    back = (pub.weekday() - target) % 7
    forward = (target - pub.weekday()) % 7
    if marked:
        # "last Monday", "Isnin lepas": strictly before (after); "Isnin ini": this week's.
        direction = words.deixis[_fold(m["wpre"])] if m["wpre"] else words.deixis.get(_fold(tail["mod"]), 1)
        if direction < 0:
            day = pub - timedelta(days=back or 7)
        elif direction > 0:
            day = pub + timedelta(days=forward or 7)
        else:
            day = pub + timedelta(days=target - pub.weekday())
            tense = _tense(doc, words, m.start())
            if tense == "future" and day < pub:  # "akan melawat … pada Rabu ini", said on a Sunday
                day = pub + timedelta(days=forward)
        return day.isoformat(), "day", None, end
    # "on Monday": the sentence's tense picks the side (today counts), else the nearer one.
    tense = _tense(doc, words, m.start())
    if tense == "past" or (tense is None and back <= forward):
        return (pub - timedelta(days=back)).isoformat(), "day", None, end
    return (pub + timedelta(days=forward)).isoformat(), "day", None, end


def _tail_year(
    doc: Doc,
    words: TimeWords,
    m: _Found,
    end: int,
    anchor: tuple[int, int] | None,
    granularity: str,
    prefix: str | None = None,
    ranged: bool = False,
) -> tuple[int | None, int]:
    """The year written after the expression (2025, tahun ini, lalu …) or else the tense's."""
    tail = words.tail.match(doc.text, end)
    pub = reference_date(doc)
    if tail and tail["year"]:
        return int(tail["year"]), tail.end()
    year = reference_year(doc)
    if tail and (tail["ydm"] or tail["yde"]):
        offset = words.deixis[_fold(tail["ydm"] or tail["yde"])]
        return (year + offset if year else None), tail.end()
    if pub is None or anchor is None:
        return year, end
    direction = None
    if prefix:
        direction = words.deixis[_fold(prefix)]
    elif tail and tail["mod"]:
        direction = words.deixis.get(_fold(tail["mod"]), 1)
        end = tail.end()
    if direction is not None:
        return _year_towards(pub, anchor, granularity, direction), end
    return _year_by_tense(doc, words, m.start(), anchor, granularity, ranged), end


def _year_by_tense(
    doc: Doc, words: TimeWords, offset: int, anchor: tuple[int, int], granularity: str, ranged: bool = False
) -> int | None:
    """SCHEMA: a bare month goes back in a past sentence, else forward; a day or a range without
    tense goes to the nearer of the two."""
    pub = reference_date(doc)
    if pub is None:
        return reference_year(doc)
    tense = _tense(doc, words, offset)
    if tense == "past":
        return _year_towards(pub, anchor, granularity, -1)
    if tense == "future" or (granularity == "month" and not ranged):
        return _year_towards(pub, anchor, granularity, 1)
    before = _year_towards(pub, anchor, granularity, -1)
    after = _year_towards(pub, anchor, granularity, 1)
    nearer_before = _gap(before, anchor, granularity, pub) <= _gap(after, anchor, granularity, pub)
    return before if nearer_before else after


def _year_towards(pub: date, anchor: tuple[int, int], granularity: str, direction: int) -> int:
    month, day = anchor
    here = (pub.month, pub.day if granularity == "day" else 1)
    there = (month, day if granularity == "day" else 1)
    if direction < 0:
        return pub.year if there <= here else pub.year - 1
    if direction > 0:
        return pub.year if there >= here else pub.year + 1
    return pub.year


def _gap(year: int, anchor: tuple[int, int], granularity: str, pub: date) -> int:
    """How far (in months, or in days for a day) a month or day of `year` lies from publication."""
    month, day = anchor
    if granularity != "day":
        return abs(year * 12 + month - (pub.year * 12 + pub.month))
    try:
        return abs((date(year, month, day) - pub).days)
    except ValueError:
        return 1 << 30


_PASSIVE_BEFORE = re.compile(r"(?<![\w-])(?i:be|being)\s+$")  # "will be held": no past
_ENGLISH_PAST = re.compile(r"(?<![\w\-])[a-z]{2,}ed(?![\w\-])")  # "signed" (an English past form)


def _tense(doc: Doc, words: TimeWords, offset: int) -> str | None:
    """The tense an expression at `offset` is read in: its cue's (sejak/since look back, menjelang/by
    ahead), else that of the sentence's tense marker nearest to it ("… akan diiringi menteri yang
    sebelum ini mengadakan kunjungan pada 30 Disember": past; a participle after "be" is no past:
    "will be held"); in English, failing those, a verb in -ed marks the past."""
    cue = words.cue.search(doc.text, max(0, offset - 40), offset)
    if cue and _fold(cue["cue"]) in words.cue_tenses:
        return words.cue_tenses[_fold(cue["cue"])]
    if not doc.sentences:
        return None
    span = doc.sentences[doc.sentence_index(offset)]
    marks = [(abs(t.start() - offset), words.tenses[_fold(t.group())])
             for t in words.tense.finditer(doc.text, span.start, span.end)
             if not _PASSIVE_BEFORE.search(doc.text, max(0, t.start() - 8), t.start())]
    if marks:
        return min(marks)[1]
    if doc.language == "en" and any(
        _fold(w.group()) not in words.tenses for w in _ENGLISH_PAST.finditer(doc.text, span.start, span.end)
    ):
        return "past"
    return _tense_of_years(doc, span.start, span.end)


def _tense_of_years(doc: Doc, lo: int, hi: int) -> str | None:
    """A sentence with no tense word is told in the past when the years it writes are all before the
    publication year ("Susulan MoU pada Mac 2017, kedua-dua negara memeterai perjanjian pada
    Oktober", in a January 2018 report), in the future when all after it."""
    pub = reference_date(doc)
    years = {int(y.group()) for y in _YEAR.finditer(doc.text, lo, hi)}
    if pub is None or not years:
        return None
    if max(years) < pub.year:
        return "past"
    return "future" if min(years) > pub.year else None


def _shifted(pub: date, granularity: str, offset: int) -> str:
    if granularity == "day":
        return (pub + timedelta(days=offset)).isoformat()
    if granularity == "week":
        year, week, _ = (pub + timedelta(weeks=offset)).isocalendar()
        return f"{year}-W{week:02d}"
    if granularity == "month":
        moved = _add_months(pub.replace(day=1), offset)
        return f"{moved.year}-{moved.month:02d}"
    if granularity == "quarter":
        index = pub.year * 4 + (pub.month - 1) // 3 + offset
        return f"{index // 4}-Q{index % 4 + 1}"
    return str(pub.year + offset)


def _add_months(when: date, months: int) -> date:
    index = when.year * 12 + when.month - 1 + months
    year, month = divmod(index, 12)
    day = min(when.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def _day(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _after_name(words: TimeWords, text: str, start: int) -> bool:
    """True when a capitalised word other than a cue comes right before: "Theresa May", not "Pada Mei"."""
    before = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
    if not before:
        return False
    word = _fold(before.group(1))
    return word not in words.relations and word not in words.deixis and word not in words.parts


def _followed_by_count(doc: Doc, end: int) -> bool:
    """A four-digit number that counts something ("2000 peserta") is no year."""
    return unit_after(doc, end) is not None


def _excluded(words: TimeWords, text: str, start: int, end: int) -> bool:
    """The name stands inside a phrase that is no time ("solat Jumaat", "Good Friday") or after a
    word that makes it a habit ("every Friday", "setiap Isnin")."""
    if words.habit.search(text, max(0, start - 20), start):
        return True
    return any(
        hit.start() <= start and end <= hit.end()
        for hit in words.exclusions.finditer(text, max(0, start - 25), min(len(text), end + 25))
    )


def _plausible(value: str) -> bool:
    """Every year in an ISO value ("2025-10", "2024-03-01/2024-06-01") lies in 1900-2100."""
    return all(int(year) in _YEARS_PLAUSIBLE for year in _VALUE_YEAR.findall(value))


def _fold(text: str) -> str:
    return " ".join(text.casefold().rstrip(".").split())
