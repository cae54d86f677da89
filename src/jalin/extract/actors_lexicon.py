"""One compiled matcher over every actor lexicon (countries, organisations, companies, places, roles,
honorifics, ranks): a single Aho-Corasick automaton on the lower-cased text, built once per lexicon,
then word-boundary and letter-case checks, then leftmost-longest selection.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from jalin.doc import Doc
from jalin.lexicon import Lexicon, split_cell


@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form of one lexicon row.

    kind: country | adjective | metonym | organisation | place | role | prefix | honorific | rank;
    key: the row's canonical value (ISO3, English name, English title, honorific as listed);
    case: exact (as written) | cap (first letter upper case) | any;
    country, sector: the row's affiliation, "" when none.
    """

    kind: str
    key: str
    case: str
    form: str
    country: str = ""
    sector: str = ""
    portfolio: bool = False  # roles: capitalised words after the title name its portfolio


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entries: tuple[Entry, ...]

    def first(self, *kinds: str) -> Entry | None:
        for entry in self.entries:
            if entry.kind in kinds:
                return entry
        return None


# Preference when one form belongs to several tables ("Wisma Putra": organisation and metonym).
_PRIORITY = {
    "organisation": 0, "role": 1, "country": 2, "adjective": 3, "metonym": 4, "place": 5,
    "prefix": 6, "rank": 7, "honorific": 8,
}


def _case_of(form: str, default: str) -> str:
    letters = [c for c in form if c.isalpha()]
    if letters and len(letters) <= 6 and all(c.isupper() for c in letters):
        return "exact"  # acronyms and codes: ATM, AS, UK, MINDEF
    return default


def _entries(lexicon: Lexicon) -> list[Entry]:
    out: list[Entry] = []
    for row in lexicon.table("countries"):
        iso = row["iso3"]
        for form in [row["name"], *split_cell(row.get("names", ""))]:
            out.append(Entry("country", iso, _case_of(form, "cap"), form, iso))
        for form in split_cell(row.get("adjectives", "")):
            out.append(Entry("adjective", iso, _case_of(form, "cap"), form, iso))
        for form in split_cell(row.get("metonyms", "")):
            out.append(Entry("metonym", iso, _case_of(form, "cap"), form, iso))
        for form in split_cell(row.get("exact", "")):
            out.append(Entry("country", iso, "exact", form, iso))
    for table in ("organisations", "companies"):
        for row in lexicon.table(table):
            for form in [row["name"], *split_cell(row.get("forms", ""))]:
                out.append(Entry("organisation", row["name"], _case_of(form, "cap"), form,
                                 row.get("country", ""), row.get("sector", "")))
    for row in lexicon.table("places"):
        for form in [row["name"], *split_cell(row.get("forms", ""))]:
            out.append(Entry("place", row["name"], _case_of(form, "cap"), form, row.get("country", "")))
    for row in lexicon.table("roles"):
        kind = "prefix" if row.get("kind") == "prefix" else "role"
        for form in split_cell(row["forms"]):
            out.append(Entry(kind, row["en"], "any", form, row.get("country", ""), row.get("sector", ""),
                             row.get("portfolio") == "yes"))
    for row in lexicon.table("honorifics"):
        for form in [row["honorific"], *split_cell(row.get("forms", ""))]:
            out.append(Entry("honorific", form, "cap", form))
    for row in lexicon.table("ranks"):
        for form in split_cell(row["forms"]):
            out.append(Entry("rank", row["en"], "cap", form, "", row.get("sector", "MIL")))
    return out


def _automaton(lexicon: Lexicon) -> ahocorasick.Automaton:
    grouped: dict[str, list[Entry]] = {}
    for entry in _entries(lexicon):
        grouped.setdefault(entry.form.lower(), []).append(entry)
    automaton = ahocorasick.Automaton()
    for key, entries in grouped.items():
        entries.sort(key=lambda e: (_PRIORITY[e.kind], e.key))
        automaton.add_word(key, (len(key), tuple(entries)))
    automaton.make_automaton()
    return automaton


def lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _case_ok(entry: Entry, surface: str) -> bool:
    if entry.case == "exact":
        return surface == entry.form
    if entry.case == "cap":
        return surface[:1].isupper()
    return True


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def scan(doc: Doc) -> list[Match]:
    """Leftmost-longest lexicon matches of the document, in text order (cached on the doc)."""
    cached = doc.notes.get("actors.matches")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    text = doc.text
    automaton = doc.lexicon.cached("actors.automaton", _automaton)
    candidates: list[Match] = []
    if text and len(automaton):
        for end_index, (length, entries) in automaton.iter(lower_same_length(text)):
            start, end = end_index - length + 1, end_index + 1
            if start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
                continue
            if end < len(text) and _is_word(text[end]) and _is_word(text[end - 1]):
                continue
            surface = text[start:end]
            valid = tuple(e for e in entries if _case_ok(e, surface))
            if valid:
                candidates.append(Match(start, end, valid))
    candidates.sort(key=lambda m: (m.start, -m.end))
    chosen: list[Match] = []
    reach = 0
    for match in candidates:
        if match.start >= reach:
            chosen.append(match)
            reach = match.end
    doc.notes["actors.matches"] = chosen
    return chosen
