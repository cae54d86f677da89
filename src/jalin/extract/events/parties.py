"""Where countries are referred to in the text, for the events layer: every actor mention that
carries a country (countries, persons via their role, organisations), plus first-person words
resolved to the speaker's country, third-person pronouns resolved to the person most talked
about so far, and "both countries" (Malay or English) resolved to the two countries most talked
about so far. Mentions nested inside a longer one (the "Malaysia" in "Perdana Menteri Malaysia")
give way to it. Built once per document and kept in the layer's `doc.private("events")`.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass
from typing import NamedTuple

from jalin.doc import Doc
from jalin.extract.common.queries import speaker_at, statement_at
from jalin.extract.common.words import alternation, function_words
from jalin.model import Actor


class Party(NamedTuple):
    start: int
    end: int
    country: str
    actor: str
    kind: str  # the actor's type, or "self" / "pronoun" / "reporter" / "pair" / "company" for references


@dataclass(slots=True)
class PartyIndex:
    parties: list[Party]
    starts: list[int]
    by_id: dict[str, Actor]

    def between(self, start: int, end: int) -> list[Party]:
        """Parties lying wholly inside [start, end), in text order."""
        i = bisect.bisect_left(self.starts, start)
        found = []
        while i < len(self.parties) and self.parties[i].start < end:
            if self.parties[i].end <= end:
                found.append(self.parties[i])
            i += 1
        return found


def party_index(doc: Doc, pronouns: list[tuple[int, int, str]]) -> PartyIndex:
    """All country references of the document; `pronouns` are (start, end, kind) hits of first-
    person words ("self"), third-person pronouns ("pronoun"), references to two countries
    ("pair") and to the company last named ("company")."""
    private = doc.private("events")
    index: PartyIndex | None = private.get("parties")
    if index is None:
        index = private["parties"] = _build(doc, pronouns)
    return index


def _build(doc: Doc, pronouns: list[tuple[int, int, str]]) -> PartyIndex:
    by_id = {actor.id: actor for actor in doc.actors}
    raw = [
        Party(m.start, m.end, actor.country, actor.id, actor.type)
        for actor in doc.actors if actor.country
        for m in actor.mentions
    ]
    raw.sort(key=lambda p: (p.start, -p.end, p.country, p.actor))
    kept: list[Party] = []
    cover = (-1, -1)  # the span of the last mention not nested in another
    bilateral = _bilateral_bodies(raw)
    for party in raw:
        span = (party.start, party.end)
        if cover[0] <= party.start and party.end <= cover[1] and span != cover:
            if cover in bilateral and party.kind == "COUNTRY":
                kept.append(party)  # "Jawatankuasa Sempadan Malaysia-Indonesia": both countries count
            continue  # nested inside a longer mention
        cover = span
        if span in bilateral:
            continue  # the body gives way to the countries it is named after
        kept.append(party)
    # Not nested and sorted by start, the kept mentions' ends never decrease: the last one starting
    # before a span's end is the only one that can reach into it.
    taken_starts = [p.start for p in kept]
    taken_ends = [p.end for p in kept]
    persons = _PersonCounts(_person_mentions(doc))
    companies = sorted((m.start, a.id) for a in doc.actors
                       if a.type == "ORGANISATION" and a.sector == "BUS" and a.country for m in a.mentions)
    countries = [(p.start, p.country, p.actor) for p in kept]
    for start, end, kind in pronouns:
        if kind == "pair":
            kept = [p for p in kept if not (start <= p.start and p.end <= end)]
            sentence_start = doc.sentences[doc.sentence_index(start)].start if doc.sentences else 0
            pair = _salient_pair(countries, sentence_start, start, _recent_pair(doc.text, kept, start))
            kept.extend(Party(start, end, country, actor_id, kind) for country, actor_id in pair)
            continue
        reach = bisect.bisect_left(taken_starts, end)
        if reach and taken_ends[reach - 1] > start:
            continue
        if kind == "self":
            actor_id = _speaker(doc, start) or _attributed(doc, start, kept)
        elif kind == "company":
            actor_id = _company_before(companies, start)
        else:
            sentence_start = doc.sentences[doc.sentence_index(start)].start if doc.sentences else 0
            actor_id = persons.person_for(sentence_start, start, reporter=kind == "reporter")
        actor = by_id.get(actor_id) if actor_id else None
        if actor is not None and actor.country:
            kept.append(Party(start, end, actor.country, actor.id, kind))
    kept.sort(key=lambda p: (p.start, -p.end, p.country, p.actor))
    return PartyIndex(kept, [p.start for p in kept], by_id)


def _bilateral_bodies(raw: list[Party]) -> set[tuple[int, int]]:
    """Spans of organisation mentions named after two countries or more joined by a hyphen or "dan"
    inside them ("Jawatankuasa Sempadan Am Malaysia-Indonesia", "Malaysia-Korea Joint Committee")."""
    spans: set[tuple[int, int]] = set()
    for outer in raw:
        if outer.kind != "ORGANISATION":
            continue
        inner = {p.country for p in raw if p.kind == "COUNTRY" and outer.start <= p.start
                 and p.end <= outer.end and (p.start, p.end) != (outer.start, outer.end)}
        if len(inner) >= 2:
            spans.add((outer.start, outer.end))
    return spans


def _person_mentions(doc: Doc) -> list[tuple[int, str]]:
    return sorted(
        (m.start, actor.id) for actor in doc.actors if actor.type == "PERSON" and actor.country
        for m in actor.mentions
    )


def _company_before(companies: list[tuple[int, str]], offset: int) -> str | None:
    """Which company "the company"/"syarikat itu" at `offset` is: the last one named before it."""
    i = bisect.bisect_left(companies, (offset, ""))
    return companies[i - 1][1] if i else None


class _PersonCounts:
    """Who "beliau"/"he" at an offset is, from the person mentions (start, actor id) sorted. Right
    after a reporting verb ("X berkata beliau …") the reporter: the nearest person before it in the
    sentence. Otherwise the person mentioned most often before it (the earliest first on a tie),
    leaving out those named earlier in the same sentence ("penghargaan Trump terhadap beliau" is
    not Trump). Counts grow as the offsets asked grow (a heap gives the most mentioned), so the
    pronouns of a document in text order cost a pass over the mentions, not one each."""

    def __init__(self, persons: list[tuple[int, str]]) -> None:
        self.persons = persons
        self._reset()

    def _reset(self) -> None:
        self.taken = 0  # persons[:taken] are counted
        self.counts: dict[str, int] = {}
        self.first: dict[str, int] = {}
        self.heap: list[tuple[int, int, str]] = []  # (-count, first start, actor id); stale ones skipped

    def _advance(self, offset: int) -> None:
        stop = bisect.bisect_left(self.persons, (offset, ""))
        if stop < self.taken:
            self._reset()
        for start, actor_id in self.persons[self.taken:stop]:
            count = self.counts.get(actor_id, 0) + 1
            self.counts[actor_id] = count
            first = self.first.setdefault(actor_id, start)
            heapq.heappush(self.heap, (-count, first, actor_id))
        self.taken = stop

    def person_for(self, sentence_start: int, offset: int, reporter: bool) -> str | None:
        self._advance(offset)
        persons, heap = self.persons, self.heap
        low = bisect.bisect_left(persons, (sentence_start, ""), 0, self.taken)
        in_sentence = [actor_id for _, actor_id in persons[low:self.taken]]
        if reporter and in_sentence:
            return in_sentence[-1]
        left_out = set(in_sentence)
        set_aside: list[tuple[int, int, str]] = []
        found = None
        while heap:
            negative, _, actor_id = heap[0]
            if -negative != self.counts[actor_id]:
                heapq.heappop(heap)  # a stale count
            elif actor_id in left_out:
                set_aside.append(heapq.heappop(heap))
            else:
                found = actor_id
                break
        for entry in set_aside:
            heapq.heappush(heap, entry)
        if found is None:
            return in_sentence[-1] if in_sentence else None
        return found


_AND = alternation(function_words("CONJ", kind=("and", "also")), ["&", "-", "–"])  # dan serta and & - –
# " dan ", " & ", "-" (between two coordinated parties)
_COORDINATED = re.compile(rf"\s*{_AND}\s*", re.IGNORECASE)


def _recent_pair(text: str, parties: list[Party], offset: int) -> list[tuple[str, str]]:
    """The last two countries named together before `offset` ("Malaysia dan Singapura",
    "Rusia-Ukraine"), with an actor each; [] when none."""
    before = [p for p in parties if p.end <= offset and p.kind not in ("pair", "self", "pronoun", "company")]
    for left, right in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        if left.country != right.country and _COORDINATED.fullmatch(text, left.end, right.start):
            return [(left.country, left.actor), (right.country, right.actor)]
    return []


def _salient_pair(
    countries: list[tuple[int, str, str]], sentence_start: int, offset: int,
    recent: list[tuple[str, str]],
) -> list[tuple[str, str]]:
    """The two countries meant by "both countries" at `offset`: two named earlier in the same
    sentence; else the last pair named together (if it includes the one named in the sentence, or,
    when it names none, unless named once in passing beside the main country); else the
    sentence's and the most often mentioned before it. An actor each; [] if fewer."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str]] = {}
    local: set[str] = set()
    for start, country, actor_id in countries:
        if start >= offset:
            break
        counts[country] = counts.get(country, 0) + 1
        first.setdefault(country, (start, actor_id))
        if start >= sentence_start:
            local.add(country)
    recent_countries = {country for country, _ in recent}
    leader = min(counts, key=lambda c: (-counts[c], first[c][0])) if counts else None
    # A pair named once in passing ("observers from X and Y") gives way to the main country.
    passing = bool(recent) and leader not in recent_countries and min(
        counts.get(c, 0) for c in recent_countries) < 2
    if len(local) < 2 and recent and local <= recent_countries and (local or not passing):
        return recent
    if len(counts) < 2:
        return []
    top = sorted(counts, key=lambda c: (c not in local, -counts[c], first[c][0]))[:2]
    return [(country, first[country][1]) for country in top]


def _speaker(doc: Doc, offset: int) -> str | None:
    """The actor speaking at `offset` (the statements layer's records)."""
    return speaker_at(doc, offset)


_REFERENCE_KINDS = frozenset({"self", "pronoun", "reporter", "pair", "company"})
# How far from a quote its attribution may name the speaker's country: "…," kata Menteri Luar
# Estonia / Menteri Luar Estonia berkata: "…".
_ATTRIBUTION_REACH = 60


def _attributed(doc: Doc, offset: int, parties: list[Party]) -> str | None:
    """Whose side "kita"/"we" at `offset` is when the statement holding it has no speaker actor (a
    title with no name: "kata Menteri Luar Estonia"): the country named in its attribution, the
    first right after the quote in its sentence, else the last right before it."""
    statement = statement_at(doc, offset)
    if statement is None:
        return None
    sentence = doc.sentences[doc.sentence_index(statement.end - 1)] if doc.sentences else None
    limit = min(statement.end + _ATTRIBUTION_REACH, sentence.end if sentence else len(doc.text))
    named = [p for p in parties if p.kind not in _REFERENCE_KINDS]
    after = [p for p in named if statement.end <= p.start and p.end <= limit]
    if after:
        return min(after, key=lambda p: p.start).actor
    reach = statement.start - _ATTRIBUTION_REACH
    before = [p for p in named if reach <= p.start and p.end <= statement.start]
    return max(before, key=lambda p: p.start).actor if before else None

