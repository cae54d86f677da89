"""One compiled matcher over every actor lexicon (countries, organisations, companies, places, roles,
honorifics, ranks): a single whole-word Aho-Corasick automaton (`extract.common.matcher`), built once per
lexicon, then letter-case checks, then leftmost-longest selection.
"""

from __future__ import annotations

import ahocorasick

from jalin.doc import Doc
from jalin.extract.actors.companies import company_matches
from jalin.extract.actors.entries import Entry, Match
from jalin.extract.common import matcher as phrases
from jalin.lexicon import Lexicon, split_cell

# Preference when one form belongs to several tables ("Wisma Putra": organisation and metonym).
_PRIORITY = {
    "organisation": 0, "role": 1, "country": 2, "adjective": 3, "metonym": 4, "place": 5,
    "prefix": 6, "rank": 7, "honorific": 8, "suffix": 9, "group": 10,
}


def _case_of(form: str, default: str) -> str:
    letters = [c for c in form if c.isalpha()]
    if letters and len(letters) <= 6 and all(c.isupper() for c in letters):
        return "exact"  # acronyms and codes: ATM, AS, UK, MINDEF
    return default


def _entries(lexicon: Lexicon) -> list[Entry]:
    """Every surface form of every actor table, as `Entry`s (one per form and table row)."""
    out = _country_entries(lexicon)
    for table in ("organisations", "companies"):
        out.extend(_organisation_entries(lexicon, table))
    for row in lexicon.table("places"):
        for form in [row["name"], *split_cell(row.get("forms", ""))]:
            out.append(Entry("place", row["name"], _case_of(form, "cap"), form, row.get("country", "")))
    out.extend(_title_entries(lexicon))
    for row in lexicon.table("groups"):
        out.append(Entry("group", row["en"], "any", row["noun"], "", row.get("sector", ""),
                         language=row["language"]))
    for row in lexicon.table("company_suffixes"):
        position = row.get("position", "after")
        out.append(Entry("suffix", position, "exact", row["suffix"], row.get("country", ""), "BUS"))
    out.extend(_rank_entries(lexicon))
    return out


def _country_entries(lexicon: Lexicon) -> list[Entry]:
    """Names ("Malaysia", "Korea Selatan"), adjectives ("Malaysian"), metonyms ("Wisma Putra") and
    exact-case codes of each country row."""
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
    return out


def _organisation_entries(lexicon: Lexicon, table: str) -> list[Entry]:
    """The name and forms of each organisation or company row ("Kementerian Pertahanan", "MINDEF")."""
    out: list[Entry] = []
    for row in lexicon.table(table):
        for form in [row["name"], *split_cell(row.get("forms", ""))]:
            out.append(Entry("organisation", row["name"], _case_of(form, "cap"), form,
                             row.get("country", ""), row.get("sector", ""),
                             national=row.get("national") in ("yes", "only"),
                             needs_country=row.get("national") == "only",
                             generic=row.get("generic", "")))
    return out


def _title_entries(lexicon: Lexicon) -> list[Entry]:
    """Roles ("Menteri Pertahanan"), prefixes, honorifics ("Datuk Seri") and ranks ("Laksamana")."""
    out: list[Entry] = []
    for row in lexicon.table("roles"):
        kind = "prefix" if row.get("kind") == "prefix" else "role"
        for form in split_cell(row["forms"]):
            out.append(Entry(kind, row["en"], "any", form, row.get("country", ""), row.get("sector", ""),
                             row.get("portfolio") == "yes"))
    for row in lexicon.table("honorifics"):
        for form in [row["honorific"], *split_cell(row.get("forms", ""))]:
            out.append(Entry("honorific", form, "cap", form))
    return out


def _rank_entries(lexicon: Lexicon) -> list[Entry]:
    return [Entry("rank", row["en"], "cap", form, "", row.get("sector", "MIL"))
            for row in lexicon.table("ranks") for form in split_cell(row["forms"])]


def _automaton(lexicon: Lexicon) -> ahocorasick.Automaton:
    entries = sorted(_entries(lexicon), key=lambda e: (_PRIORITY[e.kind], e.key, e.form))
    return phrases.automaton((entry.form, entry) for entry in entries)


def _case_ok(entry: Entry, surface: str) -> bool:
    if entry.case == "exact":
        return surface == entry.form
    if entry.case == "cap":
        return surface[:1].isupper()
    return True


# How one automaton value reads for one surface form: (group nouns, company suffix, other entries).
_Reading = tuple[tuple[Entry, ...], Entry | None, tuple[Entry, ...]]
_MAX_READINGS = 200_000  # readings remembered per lexicon (surface forms of its phrases)


def _no_readings(lexicon: Lexicon) -> dict[tuple[int, str], _Reading]:
    """Readings by (id of the automaton value, surface), kept with the lexicon whose automaton
    holds those values (so the ids stay theirs)."""
    return {}


def _reading(entries: list[Entry], surface: str) -> _Reading:
    """The entries valid for this letter case, the group nouns and a company suffix set apart."""
    valid = tuple(e for e in entries if _case_ok(e, surface))
    group: tuple[Entry, ...] = ()
    suffix = None
    if valid and valid[-1].kind == "group":
        group = tuple(e for e in valid if e.kind == "group")
        valid = tuple(e for e in valid if e.kind != "group")
    if valid and valid[-1].kind == "suffix":
        suffix, valid = valid[-1], valid[:-1]
    return group, suffix, valid


def scan(doc: Doc) -> list[Match]:
    """Leftmost-longest lexicon matches of the document, in text order (cached on the doc)."""
    private = doc.private("actors")
    cached = private.get("matches")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    text = doc.text
    hits = []
    suffixes: list[tuple[int, int, Entry]] = []
    groups: list[tuple[int, int, tuple[Entry, ...]]] = []
    readings = doc.lexicon.cached("actors.readings", _no_readings)
    first_word = len(text) - len(text.lstrip())
    for start, end, entries in phrases.find(doc, doc.lexicon.cached("actors.automaton", _automaton)):
        surface = text[start:end]
        key = (id(entries), surface)
        reading = readings.get(key)
        if reading is None:
            reading = _reading(entries, surface)
            if len(readings) < _MAX_READINGS:
                readings[key] = reading
        group, suffix, valid = reading
        if group:
            groups.append((start, end, group))
        if suffix is not None:
            suffixes.append((start, end, suffix))
        if start > first_word and len(surface) > 2 and surface.isupper():
            # An all-capitals capital outside the dateline is an acronym ("LIMA" the exhibition).
            valid = tuple(e for e in valid if e.kind != "metonym")
        if valid:
            hits.append((start, end, valid))
    chosen = [Match(start, end, entries) for start, end, entries in phrases.leftmost_longest(hits)]
    if suffixes:
        chosen = company_matches(doc, chosen, suffixes)
    private["matches"] = chosen
    private["group_nouns"] = groups
    return chosen


def group_nouns(doc: Doc) -> list[tuple[int, int, tuple[Entry, ...]]]:
    """(start, end, entries) of every group noun of groups.tsv in the document ("sumber", "troops")."""
    scan(doc)
    return doc.private("actors")["group_nouns"]  # type: ignore[no-any-return]
