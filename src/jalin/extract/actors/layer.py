"""The actors layer: countries, persons, organisations, groups and places, one actor per referent,
every mention listed.

Country references, organisations and places come from the one lexicon matcher (`actors_lexicon`);
persons from honorific/rank/role chains around capitalised names (`actors_persons`); organisations
outside the lexicon from a head word plus an acronym in brackets ("Agensi Keselamatan Siber Negara (NACSA)").
"""

from __future__ import annotations

import bisect
import re

from jalin.doc import Doc
from jalin.extract.actors.bare import opens_with_noun
from jalin.extract.actors.bodies import headed_bodies
from jalin.extract.actors.entries import Match
from jalin.extract.actors.ethnic import is_ethnic
from jalin.extract.actors.groups import bare_mentions, find_groups
from jalin.extract.actors.lexicon import scan
from jalin.extract.actors.names import stopwords
from jalin.extract.actors.persons import HOME_COUNTRY, Person, link_people, read_people
from jalin.extract.actors.platforms import drop_media
from jalin.extract.actors.spans import SpanIndex
from jalin.extract.common.words import alternation, function_words
from jalin.lexicon import Lexicon
from jalin.model import Actor, Role, TextSpan

# A capital or seat after one of these words is the place itself, not the country it stands for.
_LOCATIVE = re.compile(r"\b(?:di|ke|dari|dekat|sekitar|in|at|to|from|near|around|outside)\s+$", re.IGNORECASE)
# An organisation outside the lexicon: capitalised words (with connectors) then "(ACRONYM)".
_ACRONYM = re.compile(r" \((?P<acronym>[A-Z][A-Za-z]{1,9}|[A-Z]{2,8} [A-Z][a-z]{2,9})\)")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*")  # "Kementerian", "O'Brien" (a capitalised word)
# More portfolios written after a ministry's first one: ", Kebudayaan, Sukan dan Teknologi".
_AND = alternation(function_words("CONJ", kind="and"), ["&"])  # dan, and, & (not serta)
_PORTFOLIOS = re.compile(rf"(?:, [A-Z][\w-]*)+,? {_AND} [A-Z][\w-]*")  # ", Kebudayaan, Sukan dan Teknologi"
_TITLE_KINDS = frozenset({"role", "prefix", "honorific", "rank"})
_CONNECTORS = frozenset({"dan", "and", "of", "for", "the", "&"})


def _country_names(lexicon: Lexicon) -> dict[str, str]:
    return {row["iso3"]: row["name"] for row in lexicon.table("countries")}


def _heads(lexicon: Lexicon) -> dict[str, tuple[str, str]]:
    rows = lexicon.table("organisation_heads")
    return {row["word"]: (row["sector"], row.get("language", "")) for row in rows}


_OF_COUNTRY = re.compile(r" (?:of (?:the )?)?")  # " of the ", " of ", " " (between a role and its country)


def _is_place_use(doc: Doc, match: Match) -> bool:
    """A metonym used as a place: after a locative preposition, or as the dateline."""
    if doc.text[:match.start].strip() == "":
        surface = doc.text[match.start:match.end]
        return surface.isupper() or doc.text[match.end:match.end + 1] in (":", ",")
    return bool(_LOCATIVE.search(doc.text[max(0, match.start - 12):match.start]))


def country_mentions(doc: Doc) -> list[tuple[str, int, int, str]]:
    """(ISO3, start, end, kind) of every country reference, in text order (cached on the doc)."""
    cached = doc.private("actors").get("country_mentions")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    found: list[tuple[str, int, int, str]] = []
    for match in scan(doc):
        entry = match.first("organisation", "role", "country", "adjective", "metonym")
        if entry is None or entry.kind in ("organisation", "role"):
            continue
        if entry.kind == "metonym" and _is_place_use(doc, match):
            continue
        if entry.kind in ("country", "adjective") and is_ethnic(doc, match, entry.key):
            continue
        if doc.text[match.end:match.end + 1] == "$":
            continue  # a currency: "AS$20 juta", "US$5 million", "S$3 bilion"
        found.append((entry.key, match.start, match.end, entry.kind))
    doc.private("actors")["country_mentions"] = found
    return found


class _Registry:
    """Actors keyed by referent, each collecting its mentions."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_key: dict[tuple[str, str], Actor] = {}

    def add(self, type_: str, key: str, start: int, end: int, *, name: str | None = None,
            canonical: str | None = None, country: str | None = None, sector: str | None = None) -> Actor:
        actor = self.by_key.get((type_, key))
        surface = self.doc.text[start:end]
        if actor is None:
            actor = self.by_key[(type_, key)] = Actor(
                id="", type=type_, name=name or surface, canonical=canonical,
                country=country or None, sector=sector or None)
        elif name and _better_name(name, actor.name):
            actor.name = name
        actor.mentions.append(TextSpan(start, end, surface))
        return actor


def _better_name(new: str, old: str) -> bool:
    """Prefer a written-out name over an acronym, then the longer name."""
    return (old.isupper() and not new.isupper()) or (new.isupper() == old.isupper() and len(new) > len(old))


def _countries(doc: Doc, registry: _Registry) -> None:
    names = doc.lexicon.cached("actors.country_names", _country_names)
    written: dict[str, str] = {}
    for iso, start, end, kind in country_mentions(doc):
        actor = registry.add("COUNTRY", iso, start, end, canonical=names.get(iso), country=iso)
        if kind == "country":
            written.setdefault(iso, doc.text[start:end])
        actor.name = written.get(iso) or actor.canonical or actor.name


def _ambiguous(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["acronym"] for row in lexicon.table("ambiguous_acronyms"))


def _full_name_absent(doc: Doc, key: str, match: Match) -> bool:
    """Whether the document writes no longer form of the organisation than this acronym."""
    forms = [f for f in doc.lexicon.cached("actors.org_forms", _org_forms).get(key, ()) if len(f) > 5]
    return not any(form in doc.text for form in forms)


def _org_forms(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    rows = lexicon.table("organisations")
    return {row["name"]: (row["name"], *row.get("forms", "").split("|")) for row in rows}


def _organisations(doc: Doc, registry: _Registry, matches: list[Match]) -> list[tuple[int, int]]:
    """Organisations of the lexicon, as written; a national body takes the country named with it."""
    names = doc.lexicon.cached("actors.country_names", _country_names)
    text = doc.text
    at = {m.start: m for m in matches}
    ambiguous = doc.lexicon.cached("actors.ambiguous_acronyms", _ambiguous)
    covered = []
    for index, match in enumerate(matches):
        entry = match.first("organisation", "role")
        if entry is None or entry.kind != "organisation":
            continue
        start, end = match.start, match.end
        if text[start:end] in ambiguous and _full_name_absent(doc, entry.key, match):
            continue  # "rakaman CCTV": a camera, not the broadcaster
        canonical, country = entry.key, entry.country
        longer = _PORTFOLIOS.match(text, end)  # "Kementerian Pendidikan, Kebudayaan dan Sukan"
        if longer and entry.national and not any(end < m.start < longer.end() for m in matches):
            end = longer.end()
            canonical = text[start:end]
        if entry.national:
            other = _named_country(text, start, end, at, matches[index - 1] if index else None)
            if other is None and entry.needs_country:
                continue  # "the embassy", "Coast Guard" with no country: not a body of its own
            if other is not None and (other[0] != entry.country or entry.needs_country):
                base = canonical.rsplit(" (", 1)[0] if canonical.endswith(")") else canonical
                base = entry.generic or base
                canonical, country = f"{base} ({names.get(other[0], other[0])})", other[0]
                start, end = min(start, other[1]), max(end, other[2])
        registry.add("ORGANISATION", canonical, start, end, name=text[start:end], canonical=canonical,
                     country=country, sector=entry.sector)
        covered.append((start, end))
    _named_bodies(doc, registry, matches, covered)
    _bodies_of_a_country(doc, registry, matches, covered)
    for start, end, country, sector, language in headed_bodies(doc, matches, covered):
        canonical = text[start:end]
        registry.add("ORGANISATION", canonical, start, end, canonical=canonical,
                     country=country or (HOME_COUNTRY if language == "ms" else None), sector=sector)
        covered.append((start, end))
    return covered


def _named_country(text: str, start: int, end: int, at: dict[int, Match],
                   before: Match | None) -> tuple[str, int, int] | None:
    """(ISO3, start, end) of the country named right after ("… Jepun") or before ("Japanese …")."""
    of = _OF_COUNTRY.match(text, end)  # "Kedutaan Besar China", "Embassy of China"
    after = at.get(of.end()) if of else None
    entry = after.first("country") if after is not None else None
    if after is not None and entry is not None and entry.kind == "country":
        return entry.key, after.start, after.end
    gap = start - 3 if text[start - 3:start - 1] in ("'s", "’s") else start - 1  # "China's Foreign Ministry"
    if before is not None and before.end == gap:
        entry = before.first("adjective", "country")
        if entry is not None:
            return entry.key, before.start, before.end
    return None


def _needs_country(match: Match) -> bool:
    entry = match.first("organisation")
    return entry is not None and entry.needs_country


def _words_before(text: str, end: int) -> list[tuple[int, str]]:
    """(start, word) of the capitalised words and connectors right before `end` (at most ten)."""
    words: list[tuple[int, str]] = []
    while len(words) < 10 and end > 0:
        space = text.rfind(" ", max(0, end - 40), end)
        word = text[space + 1:end]
        if not (word in _CONNECTORS or _NAME_WORD.fullmatch(word)):
            break
        words.insert(0, (space + 1, word))
        if space < 0 or text[space - 1:space] in ("", " ", "\n"):
            break
        end = space
    while words and words[0][1] in _CONNECTORS:
        words.pop(0)
    return words if len(words) >= 2 else []


def _named_bodies(
    doc: Doc, registry: _Registry, matches: list[Match], covered: list[tuple[int, int]]
) -> None:
    """Organisations outside the lexicon: capitalised words with a head word, then "(ACRONYM)"."""
    text = doc.text
    heads = doc.lexicon.cached("actors.heads", _heads)
    stop = stopwords(doc)
    starts = [m.start for m in matches]
    index = SpanIndex(covered)
    for bracket in _ACRONYM.finditer(text):
        acronym = bracket.group("acronym")
        if acronym in stop:
            continue  # "(MoU)": a kind of document, not a body
        found = _words_before(text, bracket.start())
        if not found or not any(w in heads for _, w in found):
            continue
        end = bracket.start()
        near = matches[bisect.bisect_left(starts, found[0][0]):bisect.bisect_left(starts, end)]
        titles = [(m.start, m.end) for m in near if m.entries[0].kind in _TITLE_KINDS]
        while found and (found[0][1] in _CONNECTORS or (found[0][1] in stop and found[0][1] not in heads)
                         or any(s <= found[0][0] < e for s, e in titles)):
            found.pop(0)
        head_at, head = next(((at, w) for at, w in found if w in heads), (0, ""))
        if head and heads[head][1] != "en" and opens_with_noun(doc, [found[0][1]]):
            # "Mahasiswa Institut Perikanan Ambon (IPA)": the students', a Malay head opens the name
            found = [(at, w) for at, w in found if at >= head_at]
        if not head or len(found) < 2:
            continue
        start = found[0][0]
        parent = index.overlapping(start, bracket.end())
        if any(not (start <= s and e < head_at) for s, e in parent):
            continue  # overlaps a known body, other than one it belongs to ("ASEAN Coordinating Centre")
        if any(m.start <= head_at < m.end and not _needs_country(m) for m in near):
            continue  # the head word belongs to a known name ("Amerika Syarikat (AS)")
        inside = (m.first("country", "adjective") for m in near if m.start >= start)
        country = next((e.key for e in inside if e is not None), None)
        sector, language = heads[head]
        owner = next((m.first("organisation") for m in near if parent and m.start == parent[0][0]), None)
        if owner is not None and owner.sector == "IGO":
            sector = "IGO"
        if country is None and language == "ms":
            country = HOME_COUNTRY  # a Malay-named body is Malaysian unless it names another country
        canonical = " ".join(w for _, w in found)
        actor = registry.add("ORGANISATION", canonical, start, end, canonical=canonical,
                             country=country, sector=sector)
        actor.mentions.append(TextSpan(bracket.start("acronym"), bracket.end("acronym"), acronym))
        covered.append((start, bracket.end()))
        index.add((start, bracket.end()))
        at = text.find(acronym, bracket.end())
        while at >= 0:
            after = at + len(acronym)
            if not (text[at - 1].isalnum() or text[at - 1] == "-") and not (
                    after < len(text) and (text[after].isalnum() or text[after] == "-")):
                actor.mentions.append(TextSpan(at, after, acronym))
            at = text.find(acronym, after)


def _bodies_of_a_country(
    doc: Doc, registry: _Registry, matches: list[Match], covered: list[tuple[int, int]]
) -> None:
    """Malay-named bodies ending with the country they belong to: "Akademi Pertahanan Australia",
    "Universiti Pertahanan Nasional Filipina" (a Malay head word opens the capitalised run)."""
    text = doc.text
    heads = doc.lexicon.cached("actors.heads", _heads)
    bodies = SpanIndex(covered)
    for index, match in enumerate(matches):
        entry = match.first("country")
        if entry is None or entry.kind != "country" or text[match.start - 1:match.start] != " ":
            continue
        found = _words_before(text, match.start - 1)
        head = next((i for i, (_, w) in enumerate(found) if heads.get(w, ("", ""))[1] == "ms"), None)
        if head is None or len(found) - head < 2:
            continue
        start = found[head][0]
        if bodies.touches(start, match.end):
            continue
        if index and matches[index - 1].end > start:
            continue  # another lexicon name inside: not one body ("Menteri Pertahanan Australia")
        canonical = text[start:match.end]
        registry.add("ORGANISATION", canonical, start, match.end, canonical=canonical, country=entry.key,
                     sector=heads[found[head][1]][0])
        covered.append((start, match.end))
        bodies.add((start, match.end))


def _places(doc: Doc, registry: _Registry, matches: list[Match]) -> None:
    for match in matches:
        entry = match.first("organisation", "role", "country", "adjective", "metonym", "place")
        if entry is None or entry.kind in ("organisation", "role", "country", "adjective"):
            continue
        if entry.kind == "metonym" and not _is_place_use(doc, match):
            continue
        place = match.first("place")
        key = place.key if place else doc.text[match.start:match.end].title()
        country = (place.country if place else entry.country) or None
        registry.add("LOCATION", key, match.start, match.end, name=key, canonical=key, country=country)


def _groups(doc: Doc, registry: _Registry, matches: list[Match], covered: list[tuple[int, int]]) -> None:
    taken = list(covered)
    index = SpanIndex(taken)
    keys_by_noun: dict[str, set[str]] = {}
    for key, start, end, name, country, sector in find_groups(doc, matches):
        if index.touches(start, end):
            continue
        registry.add("GROUP", key, start, end, name=name, country=country, sector=sector)
        taken.append((start, end))
        index.add((start, end))
        noun = name.split(" ")[0] if name[:1].islower() or name.split(" ")[0].lower() != name.split(" ")[0] \
            else name.split(" ")[-1]
        keys_by_noun.setdefault(noun.lower(), set()).add(key)
    nouns = {noun: next(iter(keys)) for noun, keys in keys_by_noun.items() if len(keys) == 1}
    taken += [(m.start, m.end) for m in matches]
    for key, start, end in bare_mentions(doc, nouns, taken):
        registry.by_key[("GROUP", key)].mentions.append(TextSpan(start, end, doc.text[start:end]))
    covered.extend(taken[len(covered):])


def _name_organisations(registry: _Registry) -> None:
    """An organisation is named by its most frequent written-out form (acronyms last)."""
    for (type_, _), actor in registry.by_key.items():
        if type_ != "ORGANISATION":
            continue
        counts: dict[str, int] = {}
        for mention in actor.mentions:
            counts[mention.text] = counts.get(mention.text, 0) + 1
        actor.name = min(counts, key=lambda n: (n.isupper(), -counts[n], actor.mentions.index(
            next(m for m in actor.mentions if m.text == n))))


def _implicit_countries(doc: Doc, registry: _Registry) -> None:
    """A country whose government or forces act in the text is an actor even when not named."""
    names = doc.lexicon.cached("actors.country_names", _country_names)
    for (type_, _), actor in list(registry.by_key.items()):
        if type_ != "ORGANISATION" or actor.sector not in ("GOV", "MIL") or not actor.country:
            continue
        if ("COUNTRY", actor.country) in registry.by_key:
            continue
        first = actor.mentions[0]
        country = registry.add("COUNTRY", actor.country, first.start, first.end,
                               name=names.get(actor.country), canonical=names.get(actor.country),
                               country=actor.country)
        country.name = country.canonical or country.name
        country.mentions = list(actor.mentions)


def _person_actor(person: Person) -> Actor:
    name = " ".join(person.words)
    return Actor(id="", type="PERSON", name=name, canonical=name, country=person.country,
                 sector=person.sector or ("GOV" if person.roles else None),
                 roles=[Role(r.text, r.en) for r in person.roles], honorifics=list(person.honorifics),
                 mentions=person.mentions)


def extract(doc: Doc) -> list[Actor]:
    matches = scan(doc)
    registry = _Registry(doc)
    _countries(doc, registry)
    covered = _organisations(doc, registry, matches)
    _places(doc, registry, matches)
    _groups(doc, registry, matches, covered)
    _name_organisations(registry)
    _implicit_countries(doc, registry)
    mentions, bare = read_people(doc, matches)
    bodies = SpanIndex(covered)
    mentions = [m for m in mentions if not (m.bare and bodies.touches(m.start, m.end))]
    taken = sorted([(m.start, m.end) for m in matches] + covered)
    people = link_people(doc, mentions, bare, taken)
    actors = list(registry.by_key.values()) + [_person_actor(p) for p in people if p.mentions]
    actors = drop_media(doc, actors)
    for actor in actors:
        actor.mentions.sort(key=lambda m: (m.start, m.end))
    actors.sort(key=lambda a: (a.mentions[0].start, a.type, a.name))
    for number, actor in enumerate(actors, 1):
        actor.id = f"a{number}"
    explicit = {(start, end) for _, start, end, _ in country_mentions(doc)}
    doc.country_refs = sorted(
        (m.start, m.end, a.country or "", a.id)
        for a in actors if a.type == "COUNTRY" for m in a.mentions if (m.start, m.end) in explicit
    )
    return actors
