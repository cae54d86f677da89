"""An agreement's parties as ISO3 codes, from the countries around its mention.

The countries named in the mention's clause (names, adjectives, compounds, metonyms, through
`queries.countries_in` over the actors layer's records) and the countries of the companies named
there are parties. The speaking side joins them when the clause names no country, when every
country named follows "dengan/bersama/with" (the subject is the other party), or when the speaker
says "kita/kami/we".
The speaking side is the speaker's country, else the country of the first person or organisation
named in the sentence, else the country the document mentions most (else the dateline's); when
that is the country after "with", the dateline's country or the next most mentioned. A "local
company", "syarikat tempatan" is the dateline's country. "antara A dan B"/"between A and B" with
only one country named takes the countries of the sentence before (the other side was named
there); "kedua-dua negara"/"both countries"/"the leaders" takes the two countries the document
mentions most.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from jalin.doc import Doc
from jalin.extract.common import queries
from jalin.lexicon import split_cell

Country = tuple[str, int, int, str]


def countries(doc: Doc, start: int, end: int, excluded: Sequence[tuple[int, int]] = ()) -> list[Country]:
    """Country references in [start, end), minus those inside an `excluded` span and those that name
    where something happens ("di ibu negara Switzerland", "ke Geneva, Switzerland")."""
    return [
        c for c in queries.countries_in(doc, start, end)
        if not any(s <= c[1] < e for s, e in excluded) and not _venue(doc, c[1])
    ]


def places_in_name(doc: Doc, label: tuple[int, int]) -> list[tuple[int, int]]:
    """Spans of the cities named inside an agreement's name ("Paris Agreement", "Perjanjian Iklim
    Oslo"): where it was made, no party; a capital there is the city, not its government (a metonym
    of countries.tsv). A country's own name in it ("Malaysia Agreement 1963") stays."""
    private = doc.private("agreements")  # built once per document: one per name was quadratic
    kinds = private.get("actor_kinds")
    if kinds is None:
        kinds = private["actor_kinds"] = {a.id: a.type for a in doc.actors}
    metonyms = doc.lexicon.cached("agreements.metonyms", lambda lex: frozenset(
        name.casefold() for r in lex.table("countries") for name in split_cell(r.get("metonyms", ""))))
    return [(c[1], c[2]) for c in queries.countries_in(doc, label[0], label[1])
            if kinds.get(c[3]) == "LOCATION" or doc.text[c[1]:c[2]].casefold() in metonyms]


# A capitalised place and a comma right before a country: "Geneva, Switzerland", "Bern, Switzerland".
_CITY_COMMA = re.compile(r"(?:di|ke|in|at|to|dari|from)\s+[A-Z][\w\-]+,\s*$")


def _venue(doc: Doc, offset: int) -> bool:
    """Whether the country named at `offset` is a venue or a broker: after a place or broker phrase
    (agreement_venues.tsv: "di ibu negara", "brokered by") or after "in/di <City>,"."""
    before = doc.text[max(0, offset - 40):offset]
    phrases = doc.lexicon.cached("agreements.venues", lambda lex: tuple(
        r["phrase"].casefold() for r in lex.table("agreement_venues")))
    folded = " ".join(before.casefold().split()) + " "
    return any(folded.endswith(f" {p} ") or folded == f"{p} " for p in phrases) or bool(
        _CITY_COMMA.search(before))


_SUBJECT_REACH = 6   # words between a company and the agreement it signs ("X Sdn Bhd today signed an MoU")
_PARTNER_REACH = 4   # words between "with/dengan/between" and the company it introduces


def signing_companies(
    doc: Doc, scope: tuple[int, int], label: tuple[int, int], joins: list[int]
) -> list[Country]:
    """The countries of the organisations that sign: one a few words before the agreement's label (its
    subject: "NACSA and CISA are negotiating an MoU"), or a company a few words after
    "with/dengan/between" (`joins`: where those words end). A company named only as a maker of the
    subject matter ("fighters built by X") is no party; a subject agency with no country known is of
    the speaking side, and agencies count only when one of them is foreign."""
    text = doc.text
    found: list[tuple[Country, bool]] = []
    side = own_side(doc, label[0]) or ""
    for iso, start, end, actor, business in organisations(doc, scope[0], scope[1]):
        subject = end <= label[0] and len(text[end:label[0]].split()) <= _SUBJECT_REACH
        partner = business and any(j <= start and len(text[j:start].split()) <= _PARTNER_REACH for j in joins)
        if (subject or partner) and (iso or side):
            found.append(((iso or side, start, end, actor), business))
    # Agencies only of the speaking side say nothing ("the ministry is committed to transparency in
    # this contract"); a foreign one among them makes them the two sides.
    foreign = any(not business and c[0] != side for c, business in found)
    return [c for c, business in found if business or foreign]


_SIGNERS = frozenset({"BUS", "GOV", "MIL"})


def organisations(doc: Doc, start: int, end: int) -> list[tuple[str, int, int, str, bool]]:
    """(country or "", start, end, actor id, is a company) of the companies, government bodies and
    armed forces mentioned in [start, end): a Malaysian firm signing with a Turkish maker makes an
    agreement between the two countries; only companies are needed to have a country."""
    private = doc.private("agreements")
    if "organisations" not in private:
        private["organisations"] = sorted(
            (mention.start, mention.end, actor.country or "", actor.id, actor.sector == "BUS")
            for actor in doc.actors
            if actor.type == "ORGANISATION" and actor.sector in _SIGNERS
            and (actor.country or actor.sector != "BUS")
            for mention in actor.mentions
        )
    found: list[tuple[int, int, str, str, bool]] = private["organisations"]
    out = []
    for i in range(bisect_left(found, (start,)), len(found)):  # not a slice: that copies the rest
        s, e, iso, actor, business = found[i]
        if s >= end:
            break
        if e <= end:
            out.append((iso, s, e, actor, business))
    return out


def ranked_countries(doc: Doc) -> list[str]:
    """The countries the document mentions, most mentioned first (first mentioned wins a tie)."""
    private = doc.private("agreements")
    if "countries" not in private:
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for actor in doc.actors:
            if actor.type == "COUNTRY" and actor.country:
                counts[actor.country] += len(actor.mentions) or 1
                start = min((m.start for m in actor.mentions), default=len(doc.text))
                first[actor.country] = min(first.get(actor.country, start), start)
        private["countries"] = sorted(counts, key=lambda iso: (-counts[iso], first[iso], iso))
    return private["countries"]  # type: ignore[no-any-return]


def home_country(doc: Doc) -> str | None:
    """The country the document mentions most, else the dateline's country."""
    ranked = ranked_countries(doc)
    return ranked[0] if ranked else dateline_country(doc)


def dateline_country(doc: Doc) -> str | None:
    """The country of the place in the dateline ("KUALA LUMPUR, March 10 --"), through the actors layer."""
    dateline = (doc.info.dateline or "").casefold()
    if not dateline:
        return None
    return next((a.country for a in doc.actors if a.country and a.type != "PERSON"
                 and any(m.text.casefold() == dateline for m in a.mentions)), None)


def own_side(doc: Doc, offset: int) -> str | None:
    """The country of whoever speaks at `offset`, else of the sentence's first person or organisation
    with a country (before `offset` first: "kata Menteri ..." after a quote counts too)."""
    countries_by_id, named = _named_countries(doc)
    speaker = queries.speaker_at(doc, offset)
    if speaker is not None and countries_by_id.get(speaker):
        return countries_by_id[speaker]
    sentence = doc.sentences[doc.sentence_index(offset)] if doc.sentences else None
    if sentence is not None:
        # The sentence's first mention (before `offset` or not: the first is before it if any is).
        first = bisect_left(named, (sentence.start,))
        if first < len(named) and named[first][0] < sentence.end:
            return named[first][1]
    return home_country(doc)


def _named_countries(doc: Doc) -> tuple[dict[str, str | None], list[tuple[int, str]]]:
    """Each actor's country by id, and (start, country) of every person's and organisation's
    mention with a country, sorted: built once per document."""
    private = doc.private("agreements")
    if "named_countries" not in private:
        private["named_countries"] = (
            {a.id: a.country for a in doc.actors},
            sorted((mention.start, actor.country)
                   for actor in doc.actors if actor.type in ("PERSON", "ORGANISATION") and actor.country
                   for mention in actor.mentions),
        )
    return private["named_countries"]  # type: ignore[no-any-return]


def parties(
    doc: Doc, scope: tuple[int, int], anchor: int, found: list[Country], roles: dict[int, frozenset[str]]
) -> list[str]:
    """Sorted ISO3 parties for a mention at `anchor` whose clause `scope` names the countries `found`;
    `roles`: the agreement_cues roles of the function words in the clause, by offset."""
    named = named_parties(doc, found, roles)
    if named:
        return named
    codes = {c[0] for c in found}
    with_at = [offset for offset, r in roles.items() if "with" in r]
    said = set().union(*roles.values()) if roles else set()
    if "both" in said and len(codes) < 2:
        codes.update(ranked_countries(doc)[:2])
    if "local" in said:
        home = dateline_country(doc) or home_country(doc)
        if home:
            codes.add(home)
    after_with = bool(found) and bool(with_at) and all(c[1] > min(with_at) for c in found)
    if not codes or after_with or "first_person" in said:
        side = own_side(doc, anchor)
        if after_with and side in codes:  # the side found is the one after "with": the subject is another
            side = next((c for c in (dateline_country(doc), *ranked_countries(doc)) if c and c not in codes),
                        None)
        if side:
            codes.add(side)
    if len(codes) < 2 and "between" in said:
        index = doc.sentence_index(scope[0])
        if index > 0:
            previous = doc.sentences[index - 1]
            codes.update(c[0] for c in countries(doc, previous.start, previous.end))
    return sorted(codes)


_LEAD_REACH = 3  # words from "antara/between/oleh/by" to the first party ("antara kerajaan Malaysia")
_PAIR_REACH = 3  # words between two parties joined by "dan/and" ("Malaysia dan kerajaan Jepun")


def named_parties(doc: Doc, found: list[Country], roles: dict[int, frozenset[str]]) -> list[str]:
    """The parties the clause names as such: "antara A dan B", "between A and B", "signed by A and B",
    "among A, B and C" (agreement_cues roles `between`/`signers` and `pair`). When the clause says so,
    other countries in it (a host, a broker, a country the deal is about) are no parties. Empty when
    the clause names no such list of at least two countries."""
    leads = sorted(o for o, r in roles.items() if r & {"between", "signers"})
    joins = sorted(o for o, r in roles.items() if "pair" in r)
    text = doc.text
    for lead in leads:
        after = [c for c in found if c[1] > lead]
        if not after or len(text[lead:after[0][1]].split()) > _LEAD_REACH:
            continue
        chain = [after[0]]
        for country in after[1:]:
            gap = text[chain[-1][2]:country[1]]
            joined = gap.strip() == "," or (
                len(gap.split()) <= _PAIR_REACH and any(chain[-1][2] <= j < country[1] for j in joins))
            if not joined:
                break
            chain.append(country)
        codes = sorted({c[0] for c in chain})
        if len(codes) >= 2:
            return codes
    return []
