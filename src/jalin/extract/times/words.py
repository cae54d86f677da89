"""The compiled matchers for temporal expressions, built once per lexicon from its tables.

Tables: `months`, `weekdays`, `time_words` (semalam, today …), `time_units` + `time_deixis`
(minggu depan, next year …), `time_parts` (akhir, the end of …), `time_relations` (menjelang, by,
sejak …), `tense_markers`, `ordinals` (suku ketiga, third quarter) and `numbers` (dalam tempoh dua
minggu). Month and day names are matched case-sensitively (capitalised or in capitals) so that
"may", "march" and "jun" as ordinary words stay out; everything else ignores case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jalin.extract.common.matcher import Anchors
from jalin.extract.common.numbers import number_words, spelled_words
from jalin.extract.common.words import trie_regex
from jalin.lexicon import Lexicon

YEAR = r"(?:19|20)\d{2}"
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
RANGE_SEP = r"(?:\s*[-–—]\s*|\s+(?i:hingga|sehingga|sampai|to|until|through|and|dan)\s+)"


@dataclass(frozen=True, slots=True)
class TimeWords:
    months: dict[str, int]          # folded name -> 1..12
    weekdays: dict[str, int]        # folded name -> 0..6
    words: dict[str, tuple[str, int]]  # folded phrase -> (granularity, offset)
    units: dict[str, str]           # folded unit word -> granularity
    deixis: dict[str, int]          # folded deictic word -> offset
    parts: dict[str, str]           # folded part phrase -> start | mid | end
    relations: dict[str, str]       # folded cue -> relation
    cue_tenses: dict[str, str]      # folded cue -> the tense it implies (sejak: past, menjelang: future)
    ordinals: dict[str, int]
    tenses: dict[str, str]          # folded marker -> past | future
    pattern: re.Pattern[str]        # expressions led by a word (run over `anchors` windows)
    digit_pattern: re.Pattern[str]  # expressions led by a digit (tried at each run of digits)
    anchors: Anchors                # words every expression contains (or digits)
    tail: re.Pattern[str]           # what may follow a month or a date: a year, "tahun ini", "lalu"
    cue: re.Pattern[str]            # a relation cue right before an expression (search the left text)
    tense: re.Pattern[str]          # tense markers in a sentence
    exclusions: re.Pattern[str]     # phrases whose day or month name is no time (solat Jumaat)
    habit: re.Pattern[str]          # a word before a day name that makes it a habit (every Friday)
    groups: dict[str, None]         # every group name of both patterns


def _cased(words: list[str]) -> str:
    """Names as written and in capitals, matched case-sensitively."""
    return trie_regex([form for w in words for form in (w, w.upper())])


def build(lexicon: Lexicon) -> TimeWords:
    month_rows = lexicon.table("months")
    months = {r["word"].casefold(): int(r["month"]) for r in month_rows}
    full_months = [r["word"] for r in month_rows if r.get("abbreviation", "no") != "yes"]
    weekday_rows = lexicon.table("weekdays")
    weekdays = {r["word"].casefold(): int(r["weekday"]) for r in weekday_rows}
    words = {
        r["phrase"].casefold(): (r["granularity"], int(r["offset"])) for r in lexicon.table("time_words")
    }
    units = {r["word"].casefold(): r["granularity"] for r in lexicon.table("time_units")}
    deixis_rows = lexicon.table("time_deixis")
    deixis = {r["word"].casefold(): int(r["offset"]) for r in deixis_rows}
    after = [r["word"] for r in deixis_rows if r["position"] == "after"]
    before = [r["word"] for r in deixis_rows if r["position"] == "before"]
    parts = {r["phrase"].casefold(): r["part"] for r in lexicon.table("time_parts")}
    relation_rows = lexicon.table("time_relations")
    relations = {r["cue"].casefold(): r["relation"] for r in relation_rows}
    cue_tenses = {r["cue"].casefold(): r["tense"] for r in relation_rows if r.get("tense")}
    ordinals = {r["word"].casefold(): int(r["value"]) for r in lexicon.table("ordinals")}
    tenses = {r["word"].casefold(): r["tense"] for r in lexicon.table("tense_markers")}
    numbers = number_words(lexicon)

    short_months = [r["word"] for r in month_rows if r.get("abbreviation", "no") == "yes"]
    month_any = rf"(?:{_cased(full_months)}|{_cased(short_months)}\.?)(?!\w)"
    month_full = rf"(?:{_cased(full_months)})"
    weekday = rf"(?:{_cased([r['word'] for r in weekday_rows])})"
    unit = trie_regex(list(units))
    part = trie_regex(list(parts))
    ordinal = trie_regex(list(ordinals))
    hb = r"(?:\s*hb\.?)?"
    number = numbers.count  # a count of days or years is never a magnitude ("RM4 bilion tahun lalu")
    duration_unit = r"(?:hari|minggu|bulan|tahun|days?|weeks?|months?|years?)"
    ago = rf"(?i:(?P<agon>{number})\s+(?P<agou>{duration_unit})\s+(?:ago|yang\s+lalu|lalu|lepas)(?!\w))"
    # Expressions that start with a digit, tried once at each run of digits.
    digit_led = [
        # 29 hingga 31 Mei (2018) · 29-31 May
        rf"(?P<rd1>{DAY}){hb}{RANGE_SEP}(?P<rd2>{DAY}){hb}\s*(?P<rdm>{month_any})",
        # 31 Mei hingga 2 Jun
        rf"(?P<rx1>{DAY}){hb}\s*(?P<rxm1>{month_any}){RANGE_SEP}(?P<rx2>{DAY}){hb}\s*(?P<rxm2>{month_any})",
        # 22 September · 22hb Oktober · 22 Sept
        rf"(?P<dd>{DAY}){hb}\s*(?P<ddm>{month_any})",
        # 2025-09-22
        rf"(?P<iy>{YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-3]\d)(?!\d)",
        # 22/9 · 22/9/2025
        rf"(?<![\d/.])(?P<nd>{DAY})/(?P<nm>1[0-2]|0?[1-9])(?:/(?P<ny>{YEAR}))?(?![\d/])",
        # 22hb (of the current month)
        rf"(?P<hbd>{DAY})\s*hb\b\.?",
        # 2021-2025 · 2021 hingga 2025
        rf"(?<![\w.,$/\-])(?P<ry1>{YEAR}){RANGE_SEP}(?P<ry2>{YEAR})(?![\w/]|[.,-]\d)",
        # akhir 2026 · early 2024 · the end of 2027 · mid-2026 (a part of a year is that year; tried
        # from the part word, the scanner's `lead`)
        rf"(?i:(?P<ypart>{part}|end)(?:\s+|-)(?P<yp>{YEAR})(?![\w/]|[.,-]\d))",
        # 2 tahun lalu
        ago,
        # 2030 (pada tahun 2022: "tahun" goes with the cue)
        rf"(?<![\w.,$/\-])(?P<year>{YEAR})(?![\w/]|[.,-]\d)",
    ]
    # Expressions that start with a word, looked for around the anchor words.
    word_led = [
        # Mei hingga September
        rf"(?P<rm1>{month_full}){RANGE_SEP}(?P<rm2>{month_full})(?!\w)",
        # September 22 · Sept 22nd
        rf"(?:(?i:(?P<mdpre>{trie_regex(before)}))\s+)?(?P<mdm>{month_any})\s+(?P<mdd>{DAY})(?:st|nd|rd|th)?(?![\d:.,]\d)(?!\d)",
        # Q3 · suku ketiga · third quarter
        rf"(?:Q(?P<q>[1-4])(?!\w)|(?i:suku(?:\s+tahun)?\s+(?P<qo>{ordinal})|(?:the\s+)?(?P<qe>{ordinal})\s+quarter)(?!\w))",
        # two years ago · dua tahun lalu
        ago,
        # sepanjang dua minggu lalu · over the past three years (up to now)
        rf"(?i:(?:(?:sepanjang|dalam\s+tempoh|dalam\s+masa)\s+(?P<ppn>{number})\s+(?P<ppu>{duration_unit})"
        rf"\s+(?:yang\s+lalu|lalu|lepas|terakhir|kebelakangan\s+ini)"
        rf"|(?:(?:over|in|for|during)\s+)?the\s+(?:past|last)\s+(?P<ppn2>{number})\s+(?P<ppu2>{duration_unit}))(?!\w))",
        # dalam tempoh dua minggu · within two weeks
        rf"(?i:(?P<pcue>dalam\s+tempoh|dalam\s+masa|dalam\s+jangka\s+masa|within|in\s+the\s+next)\s+"
        rf"(?P<pn>{number})\s+(?P<pu>{duration_unit})(?!\w))",
        # akhir tahun ini · the end of next year · minggu depan · next month
        rf"(?i:(?:(?P<part>{part})\s+)?(?:(?P<mu>{unit})\s+(?P<md>{trie_regex(after)})"
        rf"|(?P<ed>{trie_regex(before)})\s+(?P<eu>{unit}))(?!\w))",
        # the end of the year · akhir tahun (bare: the current one)
        rf"(?i:(?P<bpart>{part})\s+(?:the\s+)?(?P<bu>{unit})(?!\w)(?!\s+\d))",
        # hari ini · semalam · tomorrow
        rf"(?i:(?P<word>{trie_regex(list(words))})(?!\w))",
        # (last) Monday · Isnin (lepas)
        rf"(?:(?i:(?P<wpre>{trie_regex(before)}))\s+)?(?:(?i:hari)\s+)?(?P<wd>{weekday})(?!\w)",
        # (last) May · Oktober · akhir Oktober · the end of October
        rf"(?:(?i:(?P<mpre>{trie_regex(before)})|(?P<mpart>{part}))\s+)?(?P<mon>{month_full})(?!\w)",
    ]
    digit_pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(digit_led) + ")")
    # Every word-led expression starts with one of these words: checked first, in one pass, so
    # that the alternatives are tried only where one of them stands.
    first_words = [
        *months, *weekdays, *before, *units, *ordinals, *numbers.kinds, *(w.split()[0] for w in parts),
        *(w.split()[0] for w in words), "q", "suku", "the", "hari", "dalam", "within", "in",
        "sepanjang", "over", "for", "during",
    ]
    first = trie_regex([w.casefold() for w in first_words])
    pattern = re.compile(rf"(?<![\w\-])(?=(?i:{first}))(?:" + "|".join(word_led) + ")")
    year_deixis = (
        rf"(?i:tahun\s+(?P<ydm>{trie_regex(after)})|(?P<yde>{trie_regex(before)})\s+year)"
    )
    tail = re.compile(
        rf",?\s+(?:(?i:tahun|of|in)\s+)?(?P<year>{YEAR})(?!\d)"
        rf"|\s+{year_deixis}(?!\w)"
        rf"|\s+(?i:(?P<mod>{trie_regex([*after, 'nanti'])}))(?!\w)"
    )
    cue = re.compile(
        rf"(?i:(?<![\w\-])(?P<cue>{trie_regex(list(relations))}))\s+(?:(?i:the|hari|tarikh|tahun)\s+)?$"
    )
    tense = re.compile(rf"(?i:(?<![\w\-])(?:{trie_regex(list(tenses))})(?![\w\-]))")
    exclusion_rows = lexicon.table("time_exclusions")
    exclusions = [r["phrase"] for r in exclusion_rows if r.get("place", "around") != "before"]
    habits = [r["phrase"] for r in exclusion_rows if r.get("place") == "before"]
    anchor_words = [*months, *weekdays, *words, "suku", "q1", "q2", "q3", "q4"]
    for word in units:
        anchor_words += [word, word + "s"]
    anchor_words += ["hari", "days"]
    return TimeWords(
        months, weekdays, words, units, deixis, parts, relations, cue_tenses, ordinals, tenses,
        pattern, digit_pattern,
        Anchors(
            anchor_words, digits=(0, 40), before=35, after=25, also=spelled_words(lexicon),
            lead=re.compile(rf"(?<![\w\-])(?i:{part}|end)(?:\s+|-)$"), lead_reach=14,
        ),
        tail, cue, tense,
        re.compile(rf"(?i:(?<![\w\-])(?:{trie_regex(exclusions)})(?![\w\-]))"),
        re.compile(rf"(?i:(?<![\w\-])(?:{trie_regex(habits)})\s+(?:hari\s+)?)$"),
        dict.fromkeys([*pattern.groupindex, *digit_pattern.groupindex]),
    )


def time_words(lexicon: Lexicon) -> TimeWords:
    return lexicon.cached("times.words", build)
