"""Companies outside the lexicon, recognised by their legal form ("Perisai Dinamik Sdn Bhd", "PT Len
Industri", "Hanwha Ocean Co. Ltd"): the capitalised words next to a suffix of `company_suffixes.tsv` (found
by the actors scanner),
then every later mention of the same name without the suffix. Given to the scanner as lexicon
matches of kind organisation, so the persons rules read them as bodies ("CEO Perisai Dinamik, X")."""

from __future__ import annotations

import bisect
import re

import ahocorasick

from jalin.doc import Doc
from jalin.extract.actors.entries import Entry, Match
from jalin.extract.actors.names import stopwords

_NAME_WORD = re.compile(r"[A-Z][\w&'’.-]*|&")  # "Ocean", "&", "O'Neil" (a word of a company's name)
_MAX_WORDS = 6
_TITLES = frozenset({"role", "prefix", "honorific", "rank"})


def _run_before(text: str, end: int, stop: frozenset[str]) -> int | None:
    """Start of the capitalised words right before `end` (a space before `end`), or None."""
    words: list[tuple[int, str]] = []
    pos = end - 1
    while len(words) < _MAX_WORDS and pos > 0 and text[pos] == " ":
        space = text.rfind(" ", 0, pos)
        start = max(space, text.rfind("\n", space + 1, pos)) + 1  # a line may start the name
        word = text[start:pos]
        if not _NAME_WORD.fullmatch(word):
            break
        words.insert(0, (start, word))
        pos = start - 1
    while words and (words[0][1] in stop or not words[0][1][:1].isupper()):
        words.pop(0)
    return words[0][0] if words else None


def _run_after(text: str, start: int, stop: frozenset[str]) -> int | None:
    """End of the capitalised words right after `start` (after one space), or None."""
    end = None
    pos = start
    for _ in range(_MAX_WORDS):
        if text[pos:pos + 1] != " ":
            break
        word = _NAME_WORD.match(text, pos + 1)
        if not word or not word.group()[:1].isupper() or word.group() in stop:
            break
        end = pos = word.end()
    if end is not None and text[end - 1] == ".":
        end -= 1
    return end


def _occurrences(text: str, forms: set[str]) -> dict[str, list[int]]:
    """For each form, its starts in text as a whole word, left to right without overlaps (one pass
    of an automaton over the text for all the forms, not a search per form)."""
    found: dict[str, list[int]] = {form: [] for form in forms}
    if not forms:
        return found
    automaton = ahocorasick.Automaton()
    for form in forms:
        automaton.add_word(form, form)
    automaton.make_automaton()
    hits: dict[str, list[int]] = {form: [] for form in forms}
    for last, form in automaton.iter(text):
        hits[form].append(last - len(form) + 1)
    for form, starts in hits.items():
        free = 0  # the next occurrence may start here (an occurrence is skipped whole, as str.find does)
        for at in sorted(starts):
            if at < free:
                continue
            after = at + len(form)
            free = after
            if (at == 0 or not text[at - 1].isalnum()) and not text[after:after + 1].isalnum():
                found[form].append(at)
    return found


def _listed_country(matches: list[Match], starts: list[int], start: int, end: int) -> str:
    """The country of a listed organisation that begins the suffixed name ("Hindustan Aeronautics"
    in "Hindustan Aeronautics Limited"), else ""."""
    index = bisect.bisect_left(starts, start)
    while index < len(matches) and matches[index].start == start:
        entry = matches[index].first("organisation")
        if entry is not None and entry.country and matches[index].end <= end:
            return entry.country
        index += 1
    return ""


def company_matches(
    doc: Doc, lexicon_matches: list[Match], suffixes: list[tuple[int, int, Entry]]
) -> list[Match]:
    """The lexicon matches with the suffixed companies of the document and their short forms added;
    lexicon matches inside a company's name give way to it."""
    text = doc.text
    stop = stopwords(doc)
    titles = [m.end for m in lexicon_matches if m.entries[0].kind in _TITLES]
    found: list[tuple[int, int, Entry]] = []
    # short form -> where it occurs whole and no earlier company of that form took it yet (an
    # occurrence goes to the first company whose own name does not hold it)
    pending: dict[str, list[int]] = {}
    starts = [m.start for m in lexicon_matches]
    named: list[tuple[int, int, Entry, str]] = []
    for hit_start, hit_end, suffix in suffixes:
        country = suffix.country
        if suffix.key == "before":
            end = _run_after(text, hit_end, stop)
            start = hit_start
            short = (hit_end + 1, end) if end is not None else None
        else:
            first = _run_before(text, hit_start, stop)
            index = bisect.bisect_right(titles, hit_start) - 1  # "Pengarah Urusan X Bhd": not the title
            if first is not None and index >= 0 and titles[index] > first:
                first = titles[index] + 1 if titles[index] + 1 < hit_start else None
            start, end = (first, hit_end) if first is not None else (None, None)
            short = (first, hit_start - 1) if first is not None else None
        if start is None or end is None or short is None:
            continue
        name = text[start:end]
        country = country or _listed_country(lexicon_matches, starts, start, end)
        named.append((start, end, Entry("organisation", name, "exact", name, country, "BUS"),
                      text[short[0]:short[1]]))
    occurrences = _occurrences(text, {short_form for *_, short_form in named if short_form})
    for start, end, entry, short_form in named:
        found.append((start, end, entry))
        places = pending[short_form] if short_form in pending else occurrences.get(short_form, [])
        size = len(short_form)
        found.extend((at, at + size, entry) for at in places if not start <= at < end)
        pending[short_form] = [at for at in places if start <= at < end]
    if not found:
        return lexicon_matches
    companies: list[Match] = []
    for start, end, entry in sorted(found, key=lambda f: (f[0], -f[1])):
        if not companies or start >= companies[-1].end:
            companies.append(Match(start, end, (entry,)))
    ends = [c.end for c in companies]
    kept = []
    for match in lexicon_matches:
        index = bisect.bisect_right(ends, match.start)  # the first company ending after it starts
        if index == len(companies) or companies[index].start >= match.end:
            kept.append(match)
    return sorted(kept + companies, key=lambda m: m.start)
