"""Persons: honorific/rank/role chains before a capitalised name, appositive roles after it, names
before attribution verbs; then one person per referent with every mention (short forms, bare roles).

A chain is read left to right over the lexicon matches that touch each other:
  [country adjective] [prefix]* role [country] [organisation] [,] [rank]* [honorific]* NAME [, role]
"Menteri Luar Jepun, Kenji Sato", "US Secretary of State John Barrow", "Timbalan Menteri Pertahanan
Datuk Seri X", "Armed Forces chief General Tan Sri X", "X, Menteri Pertahanan".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from jalin.doc import Doc
from jalin.extract.actors.bare import bare_people, coordinated, is_nominal, opens_with_noun
from jalin.extract.actors.entries import Entry, Match
from jalin.extract.actors.lexicon import scan
from jalin.extract.actors.names import is_name_word, name_at, name_key, stopwords
from jalin.extract.actors.spans import SpanIndex
from jalin.extract.common import matcher as phrases
from jalin.extract.common.speech import all_cues
from jalin.extract.common.words import alternation, function_words
from jalin.lexicon import Lexicon
from jalin.model import Role, TextSpan

# The country of the publication (the corpus is Malaysian press): a role with no country belongs here.
HOME_COUNTRY = "MYS"
# The country whose press writes a language standard: Malaysian Malay, Indonesian.
PRESS_COUNTRY = {"ms": "MYS", "id": "IDN"}

_ROLE_KINDS = ("prefix", "role")
# "rakan sejawatnya, ", "his Thai counterpart ", "her deputy " (a counterpart before a name)
_COUNTERPART = re.compile(
    r"\b(?:rakan sejawat(?:an)?(?:nya)?"
    r"|(?:his|her|their) (?:(?P<adj>[A-Z][\w-]*(?: [A-Z][\w-]*)?) )?counterpart"
    r"|(?P<deputy>(?:his|her) deputy|timbalannya))\b,? "
)
# Between a name and its role: "X, Menteri Pertahanan", "X, who is also the Foreign Minister",
# "X yang juga Menteri Luar".
_APPOSITION = re.compile(r"(?:,| yang juga(?: merupakan)?)(?: who is(?: also)?)?(?: (?:the|a|an))? ")
# ", " / " yang juga " / ", who is also the " (right before a role after a name)
_APPOSITION_BEFORE = re.compile(r"(?:,| yang juga(?: merupakan)?)(?: who is(?: also)?)?(?: (?:the|a|an))? $")
# A title after these words belongs to someone else: "isteri Perdana Menteri, Datin Seri X".
_RELATIVE_BEFORE = re.compile(
    r"\b(?:isteri|suami|anak|balu|ibu|bapa|wife|husband|son|daughter|widow|mother|father)"
    r"(?: (?:kepada|of))?(?: the)? $",
    re.IGNORECASE,
)
# " ke ", " to ", " in " (between a role and the country it is posted to)
_TO_COUNTRY = re.compile(r" (?:ke|to|di|in) ")
_OF = re.compile(r" (?:of|for) (?:the )?")  # " of the ", " for " (between a role and its body)
# " yang baharu", " pada masa itu,", " at the time" (between a role and a name)
_FILLER = re.compile(
    r" (?:yang (?:baharu|baru|juga|terdahulu|lalu|dilantik)|pada (?:waktu|masa|ketika) itu|ketika itu"
    r"|at the time|then),?"
)
_CAPITAL_WORD = re.compile(r"(?<![\w'’-])[^\W\d_a-z][\w'’-]*")  # "Menteri", "Élodie" (a capitalised word)
# "Pertahanan", "(UMY)" (a word of a role's description)
_DESCRIPTOR_WORD = re.compile(r"[^\W\d_][\w'’-]*|\([A-Z][A-Za-z]{1,9}\)")
_ROLE_SUFFIX = re.compile(r"[- ](?:designate|elect)\b")  # "-designate", " elect" (after a role)
_SENIOR = re.compile(r" Kanan(?:nya)?(?![\w-])")  # " Kanan", " Kanannya" (after a role: senior)
_OWNED = re.compile(r"\b(?:its|their) $")  # "its ", "their " (right before a role)
_CAPITALISED_GAP = re.compile(r"(?: [A-Z][\w'’-]*)*(?:['’]s?)? ?")  # possessive: "Airbus Helicopters' CEO"
# " (B)", " (Bersara)", " (Retd)" (after a retired officer's name)
_RETIRED = re.compile(r" \((?:B|Bersara|Purn\.?|Purnawirawan|Rtd|Retd|[Rr]etired)\)")
_BRACKETED = re.compile(r" \([A-Za-z]{2,10}\)")  # " (PKR)" (a bracketed acronym)
_BRACKET_AT = re.compile(r"\([A-Za-z]{2,10}\)")  # "(UMY)" right at a position
_DESCRIPTOR_LINK = re.compile(r"(?:untuk|bagi|ke|to|for|of|di|in) ")  # "Dubes X untuk Rusia"
_ROLE_JOINERS = alternation(function_words("CONJ", kind="and"), ["merangkap", "cum", "&"])  # not serta
_JOINED_ROLE = re.compile(f" {_ROLE_JOINERS} ")  # " dan ", " merangkap "
_NUMERAL = re.compile(r" (?:I|II|III)(?=[ ,.])")  # " II" (a numeral after a name)
_THAT = re.compile(r"\s(?:itu|tersebut)\b")  # " itu", " tersebut" (a demonstrative)
# A seat's name follows: "Ahli Parlimen Kota Lama", "ADUN Bukit Tinggi", "kerusi Sungai Besar".
_CONSTITUENCY_BEFORE = re.compile(
    r"(?<![\w-])(?:Parlimen|DUN|ADUN|Dewan Undangan Negeri|kerusi|kawasan|MP for|constituency of"
    r"|seat of|Daerah Pemilihan|Dapil) $")


@dataclass(slots=True)
class PersonMention:
    start: int
    end: int
    words: list[str]
    honorifics: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    honorific_country: str | None = None
    # A bare "role + one word" ("Presiden Barrow", "Menteri Kewangan") names a person only when that
    # word is part of the name of someone named in full.
    weak: bool = False
    # Found by its shape or context alone (jalin.extract.actors.bare): yields to any organisation.
    bare: bool = False


@dataclass(slots=True)
class RoleMention:
    """A role with no name after it ("Timbalan Perdana Menteri menjelaskan", "said the prime minister")."""

    start: int
    end: int
    en: str
    country: str | None
    anaphoric: bool


@dataclass(slots=True)
class Person:
    words: list[str]
    key: frozenset[str]
    honorifics: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    honorific_country: str | None = None
    mentions: list[TextSpan] = field(default_factory=list)


def _heads(lexicon: Lexicon) -> dict[str, str]:
    return {row["word"]: row["sector"] for row in lexicon.table("organisation_heads")}


def _honorific_countries(lexicon: Lexicon) -> dict[str, str]:
    out = {}
    for row in lexicon.table("honorifics"):
        for form in [row["honorific"], *(f for f in row.get("forms", "").split("|") if f)]:
            out[form] = row.get("country", "")
    return out


class _Reader:
    """Walks one chain over the lexicon matches of a document."""

    def __init__(self, doc: Doc, matches: list[Match]) -> None:
        self.doc = doc
        self.text = doc.text
        self.matches = matches
        self.at = {m.start: m for m in matches}
        self.starts = [m.start for m in matches]
        self.blocked = {m.start: _kind(m) for m in matches}
        self.heads = doc.lexicon.cached("persons.heads", _heads)
        self.hon_country = doc.lexicon.cached("persons.honorific_countries", _honorific_countries)

    def skip(self, pos: int, comma: bool = False) -> int:
        text = self.text
        if text[pos:pos + 1] == " ":
            pos += 1
        if comma and text[pos:pos + 1] == ",":
            pos += 1
            if text[pos:pos + 1] == " ":
                pos += 1
        return pos

    def match(self, pos: int, *kinds: str) -> tuple[Match, Entry] | None:
        found = self.at.get(pos)
        if found is None:
            return None
        entry = found.first(*kinds)
        return (found, entry) if entry is not None else None

    def country_after(self, pos: int) -> tuple[int, str | None] | None:
        """A country named right after a role: "Menteri Luar Jepun", "Prime Minister of Cambodia"."""
        hit = self.match(self.skip(pos), "country")
        if hit is None:
            of = _OF.match(self.text, pos)
            if of:
                hit = self.match(of.end(), "country")
        if hit is None:
            host = _TO_COUNTRY.match(self.text, pos)  # "Ambassador to Malaysia": the host, not its country
            if host is not None and self.match(host.end(), "country") is not None:
                return self.at[host.end()].end, None
            return None
        end = hit[0].end
        extra = _TO_COUNTRY.match(self.text, end)  # "Duta Besar Jepun ke Malaysia"
        if extra:
            also = self.match(extra.end(), "country")
            if also is not None:
                end = also[0].end
        return end, hit[1].key

    def role_at(self, pos: int) -> tuple[int, int, Role, str, str | None] | None:
        """(start, end, role, sector, country) of a role phrase at `pos`, prefixes and country included."""
        country = None
        hit = self.match(pos, "adjective", "country")
        if hit is not None:
            after = hit[0].end
            if self.text[after:after + 2] in ("'s", "’s"):  # "Singapore's Defence Minister"
                after += 2
            nxt = self.match(self.skip(after), *_ROLE_KINDS)
            if nxt is None:
                return None
            country = hit[1].key
            hit = nxt
        else:
            hit = self.match(pos, *_ROLE_KINDS)
        if hit is None:
            return None
        role_start = hit[0].start
        prefixes = []
        while hit is not None and hit[1].kind == "prefix":
            prefixes.append(hit[1].key)
            hit = self.match(self.skip(hit[0].end), "prefix", "role")
        if hit is None or hit[1].kind != "role":
            return None
        entry = hit[1]
        end = self.portfolio_end(hit[0].end) if entry.portfolio else hit[0].end
        en = " ".join([*prefixes, entry.key])
        suffix = _ROLE_SUFFIX.match(self.text, end)
        if suffix:
            end = suffix.end()
        numeral = _NUMERAL.match(self.text, end)  # "Timbalan Menteri Pertahanan II"
        if numeral:
            end = numeral.end()
        senior = _SENIOR.match(self.text, end)  # "Naib Presiden Kanan", "Naib Presiden Kanannya"
        if senior:
            end, en = senior.end(), f"Senior {en}"
        role = Role(self.text[role_start:end], en)
        country = country or entry.country or None
        bracket = _BRACKETED.match(self.text, end)  # "Menteri Luar Negeri (Menlu) Indonesia"
        named = self.country_after(bracket.end() if bracket else end)
        if named is not None:
            end, country = named[0], country or named[1]
            bracket = _BRACKETED.match(self.text, end)  # "Setiausaha Negara Amerika Syarikat (AS)"
            if bracket:
                end = bracket.end()
        return pos, end, role, entry.sector, country

    def owner_before(self, start: int, role_end: int) -> Entry | None:
        """The organisation a role belongs to when it precedes it: "Airbus Helicopters Southeast Asia
        chief executive officer X" (capitalised words between), or "Aselsan diwakili Naib Presiden
        Kanannya, X" / "its senior vice-president" (the last body of the sentence)."""
        owned = (bool(_OWNED.search(self.text, max(0, start - 7), start))
                 or self.text[role_end - 3:role_end] == "nya")
        index = bisect.bisect_left(self.starts, start) - 1
        low = self.doc.sentences[self.doc.sentence_index(start)].start if self.doc.sentences else 0
        reach = start
        while index >= 0 and self.matches[index].start >= low:
            match = self.matches[index]
            entry = match.first("organisation")
            adjacent = _CAPITALISED_GAP.fullmatch(self.text, match.end, reach) is not None
            if entry is not None and (adjacent or owned) and entry.sector:
                return entry
            if not adjacent and not owned:
                return None
            reach = match.start
            index -= 1
        return None

    def portfolio_end(self, pos: int) -> int:
        """End of the portfolio after a generic title: "Menteri Tugas-Tugas Khas", "Minister of X"."""
        text, stop = self.text, stopwords(self.doc)
        end = pos
        p = pos
        while text[p:p + 1] == " ":
            if self.blocked.get(p + 1) in ("honorific", "rank"):
                break
            word = _DESCRIPTOR_WORD.match(text, p + 1)
            if not word or word.group()[0] == "(":
                break
            token = word.group()
            if token in ("dan", "and", "of", "for", "bagi", "&"):
                p = word.end()
                continue
            if not token[0].isupper() or (token in stop and token not in self.heads):
                break
            end = p = word.end()
        return end

    def people_words(self, pos: int) -> tuple[int, list[str], list[str], str | None] | None:
        """[rank]* [honorific]* NAME at `pos`: (end, name words, honorifics, rank sector)."""
        honorifics: list[str] = []
        rank_sector = None
        while True:
            hit = self.match(pos, "rank", "honorific")
            if hit is None:
                break
            match, entry = hit
            end = match.end
            if entry.kind == "rank":
                rank_sector = entry.sector or "MIL"
                retired = _RETIRED.match(self.text, end)  # "Leftenan Jeneral (B)", "Maj Gen (Rtd)"
                end = retired.end() if retired else end
            else:
                honorifics.append(self.text[match.start:match.end])
            pos = self.skip(end)
        name = name_at(self.doc, pos, self.blocked)
        if name is None:
            return None
        return name[1], name[2], honorifics, rank_sector

    def descriptor_name(self, pos: int) -> tuple[int, list[str], list[str], str | None, str] | None:
        """After a role, an organisation not in the lexicon then the name: "Komander Pangkalan Udara
        Gong Kedak, Brigedier Jeneral X", "Pengarah Jabatan Kerja Raya Perak Ir X"."""
        text, stop = self.text, stopwords(self.doc)
        first = _CAPITAL_WORD.match(text, pos)
        if not first or first.group() not in self.heads:
            return None
        sector = self.heads[first.group()]
        words: list[tuple[int, int]] = []
        p = pos
        while True:
            if self.blocked.get(p) in ("honorific", "rank"):
                found = self.people_words(p)
                return (found[0], found[1], found[2], found[3], sector) if found else None
            word = _DESCRIPTOR_WORD.match(text, p)
            if not word or not (word.group()[0] in "(" or word.group()[0].isupper()
                                or word.group() in ("dan", "and", "of", "&")):
                break
            words.append(word.span())
            p = word.end()
            if text[p:p + 2] == ", ":
                found = self.people_words(p + 2)
                return (found[0], found[1], found[2], found[3], sector) if found else None
            if text[p:p + 1] != " ":
                break
            p += 1
        # No comma: "… Perak Ahmad Zaki": the body ends with a place, the last two words name.
        tail = [text[s:e] for s, e in words[-2:]]
        if (len(words) >= 4 and self.blocked.get(words[-3][0]) in ("place", "country", "metonym")
                and all(is_name_word(w, stop) and w not in self.heads for w in tail)
                and not any(self.blocked.get(s) for s, _ in words[-2:])):
            return words[-1][1], tail, [], None, sector
        return None

    def counterpart_at(self, pos: int) -> re.Match[str] | None:
        return _COUNTERPART.match(self.text, pos)


def _may_open_chain(match: Match, reader: _Reader) -> bool:
    """A title starts a chain; a country only when a title follows it ("US Secretary of State")."""
    if match.first("role", "prefix", "rank", "honorific") is not None:
        return True
    if match.first("adjective", "country") is None:
        return False
    after = match.end + 2 if reader.text[match.end:match.end + 2] in ("'s", "’s") else match.end
    return reader.match(reader.skip(after), *_ROLE_KINDS) is not None


def _kind(match: Match) -> str:
    return match.entries[0].kind


def read_people(doc: Doc, matches: list[Match]) -> tuple[list[PersonMention], list[RoleMention]]:
    """Person mentions with their chains, and roles that stand without a name, in text order."""
    reader = _Reader(doc, matches)
    people: list[PersonMention] = []
    bare: list[RoleMention] = []
    reach = 0
    starts = {m.start for m in matches if _may_open_chain(m, reader)}
    low = phrases.word_text(doc)
    if "sejawat" in low or "counterpart" in low or "deputy" in low or "timbalannya" in low:
        starts.update(m.start() for m in _COUNTERPART.finditer(doc.text))
    for start in sorted(starts):
        if start < reach:
            continue
        found = _chain(doc, reader, start, people)
        if found is None:
            continue
        if isinstance(found, PersonMention):
            people.append(found)
        else:
            bare.append(found)
        reach = found.end
    people.extend(_names_first(doc, reader, people))
    taken = [(m.start, m.end) for m in people]
    people.extend(PersonMention(start, end, words, bare=True)
                  for start, end, words in bare_people(doc, matches, reader.blocked, taken))
    taken = [(m.start, m.end) for m in people]
    people.extend(PersonMention(start, end, words, bare=True)
                  for start, end, words in coordinated(doc, matches, reader.blocked, taken))
    people.sort(key=lambda m: m.start)
    return people, bare


# "Ana binti Lopes" (a capitalised run right before a position)
_RUN_BEFORE = re.compile(
    r"(?<![\w'’-])(?:[^\W\d_a-z][\w'’-]*\.?)(?: (?:[^\W\d_a-z][\w'’-]*\.?|bin|binti|a/[lp]|@)){1,6}$"
)


def _names_first(doc: Doc, reader: _Reader, found: list[PersonMention]) -> list[PersonMention]:
    """Names with nothing before them: "X, Menteri Pertahanan, …" and "X Y berkata/said …"."""
    text = doc.text
    spans = SpanIndex((m.start, m.end) for m in found)
    anchors = _appositive_anchors(text, reader)  # (end of name, kind) 0 = appositive role, 1 = speech verb
    anchors.extend((c.start - 1, 1) for c in all_cues(doc) if c.position == "after" and c.start > 0
                   and text[c.start - 1] == " ")
    out: list[PersonMention] = []
    for cue_start, cue_end, position in _person_cues(doc):
        if position != "after" and cue_start > 0:
            anchors.append((cue_start - 1, 1))
        if position == "before" or spans.touches(cue_end + 1, cue_end + 2):
            continue
        name = name_at(doc, cue_end + 1, reader.blocked)
        if name is not None and len(name[2]) >= 2 and reader.blocked.get(name[1] + 1) is None:
            out.append(PersonMention(name[0], name[1], name[2]))
            spans.add((name[0], name[1]))
    for end, kind in sorted(anchors):
        if not text[text.rfind(" ", 0, end) + 1:end][:1].isupper():
            continue  # no capitalised word right before: no name
        if spans.touches(end - 1, end):
            continue
        mention = _name_ending_at(doc, reader, end, kind)
        if mention is not None:
            out.append(mention)
            spans.add((mention.start, end))
    return out


def _appositive_anchors(text: str, reader: _Reader) -> list[tuple[int, int]]:
    """(where a name would end, 0) before each role set off by a comma: "X, Menteri Pertahanan"."""
    anchors: list[tuple[int, int]] = []
    for match in reader.matches:
        titled = match.first("role", "prefix", "adjective", "country")
        if titled is None or text[match.start - 1:match.start] != " ":
            continue
        link = _APPOSITION_BEFORE.search(text, max(0, match.start - 40), match.start)
        if link and reader.role_at(match.start):
            anchors.append((link.start(), 0))
    return anchors


def _name_ending_at(doc: Doc, reader: _Reader, end: int, kind: int) -> PersonMention | None:
    """The name of two words or more that ends at `end` ("Siti Rohaya Ghani" before "berkata"), with
    the appositive role after it when `kind` is 0 ("X, Menteri Pertahanan"); None when there is none."""
    text = doc.text
    run = _RUN_BEFORE.search(text, max(0, end - 80), end)
    if run is None:
        return None
    start = run.start()
    for word in re.finditer(r"\S+", run.group()):
        name = name_at(doc, start + word.start(), reader.blocked)
        if name is not None and opens_with_noun(doc, name[2]):
            continue  # "Aktivis Siti Rohaya Ghani berkata": the noun is no part of the name
        if name is not None and name[1] == end and len(name[2]) >= 2:
            if _CONSTITUENCY_BEFORE.search(text, max(0, name[0] - 40), name[0]):
                return None  # "Ahli Parlimen Kota Lama berkata": the seat, not the member's name
            mention = PersonMention(name[0], end, name[2])
            if kind == 0:
                link = _APPOSITION.match(text, end)
                role = reader.role_at(link.end()) if link else None
                if role is not None:
                    mention.roles.append(role[2])
                    mention.sector, mention.country = role[3] or None, role[4]
            return mention
    return None


def _person_cue_automaton(lexicon: Lexicon) -> Any:
    return phrases.automaton((row["form"], row["position"]) for row in lexicon.table("person_cues"))


def _person_cues(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, position) of the person-taking verbs of the document ("met", "signed by") that
    a capitalised word follows."""
    text = doc.text
    found = phrases.find(doc, doc.lexicon.cached("persons.cues", _person_cue_automaton))
    hits = [(s, e, v[0]) for s, e, v in found if text[e:e + 1] == " " and text[e + 1:e + 2].isupper()
            and text[s:e].islower()]
    return phrases.leftmost_longest(hits)


@dataclass(slots=True)
class _Title:
    """The title read before a name: its roles, the sector and country they give, where it ends."""

    roles: list[Role]
    sector: str | None
    country: str | None
    pos: int


def _chain(
    doc: Doc, reader: _Reader, start: int, people: list[PersonMention]
) -> PersonMention | RoleMention | None:
    """The person (or the role alone) whose mention starts at `start`: the title first
    ("Menteri Pertahanan Malaysia", "his Thai counterpart"), then the name after it, then the person.

    "Menteri Pertahanan Datuk Seri Aminah Yusof" -> a person with that role;
    "the Defence Minister said" -> a role mention with no name (anaphoric)."""
    text = doc.text
    role_hit = reader.role_at(start)
    title = _Title([], None, None, start)
    if role_hit is not None:
        title = _titled(doc, reader, start, role_hit)
    else:
        counterpart = reader.counterpart_at(start)
        if counterpart is not None:
            role, country = _counterpart_role(doc, reader, start, counterpart, people)
            if role is None:
                return None
            title = _Title([role], "GOV", country, counterpart.end() - 1)
    roles, pos = title.roles, title.pos
    found = _name_after(doc, reader, title, reader.skip(pos, comma=bool(roles)))
    if found is None:
        if roles and role_hit is not None:
            anaphoric = bool(_THAT.match(text, pos)) or text[max(0, start - 4):start].lower() == "the "
            return RoleMention(start, pos, roles[0].en or "", title.country, anaphoric)
        return None
    return _person(doc, reader, start, role_hit is not None, title, found)


def _titled(doc: Doc, reader: _Reader, start: int, role_hit: tuple[Any, ...]) -> _Title:
    """The title that starts with a role: a second joined role ("Deputy Prime Minister and Defence
    Minister X"), the organisation ("Ketua Pengarah Agensi … (APMM)") and place ("Datuk Bandar Kuala
    Lumpur", "the Sultan of Kedah") after it, else the owner before it ("Airbus Helicopters' chief")."""
    text = doc.text
    _, end, role, sector, country = role_hit
    title = _Title([role], sector, country, end)
    joined = _JOINED_ROLE.match(text, end)  # "Deputy Prime Minister and Defence Minister X"
    if text[max(0, start - 4):start].lower() == "the ":
        joined = None  # "the Prime Minister and Defence Minister X": two people
    second = reader.role_at(joined.end()) if joined else None
    if second is not None and reader.people_words(reader.skip(second[1], comma=True)) is not None:
        title.roles.append(second[2])
        title.pos, title.country = second[1], title.country or second[4]
    filler = _FILLER.match(text, title.pos)
    if filler:
        title.pos = filler.end()
    org = _add_organisation(text, reader, title)
    _add_place(doc, reader, start, title)
    if title.country is None and org is None:
        owner = reader.owner_before(start, end)
        if owner is not None:
            title.country, title.sector = owner.country or None, owner.sector or title.sector
    return title


def _add_organisation(text: str, reader: _Reader, title: _Title) -> Any:
    """The organisation right after the title (returned as matched); one with a country or sector
    extends the title and gives it that sector and country."""
    org = reader.match(reader.skip(title.pos), "organisation")
    if org is not None and not (org[1].country == "" and org[1].sector == ""):
        title.pos = org[0].end
        bracket = _BRACKETED.match(text, title.pos)  # "Ketua Pengarah Agensi … (APMM), Laksamana X"
        if bracket:
            title.pos = bracket.end()
        title.sector = title.sector or org[1].sector
        title.country = title.country or org[1].country or None
    return org


def _add_place(doc: Doc, reader: _Reader, start: int, title: _Title) -> None:
    """A place after the title extends it ("Datuk Bandar Kuala Lumpur X"); a ruler's place becomes
    part of the ruler's role ("the Sultan of Kedah")."""
    text = doc.text
    place = reader.match(reader.skip(title.pos), "place")
    ruler = title.roles[0].en in doc.lexicon.cached("persons.rulers", _rulers)
    of = _OF.match(text, title.pos) if place is None and ruler else None
    if of is not None:  # "the Sultan of Kedah"
        place = reader.match(of.end(), "place")
    if place is not None:
        title.pos = place[0].end
        if ruler:
            title.roles[0] = Role(text[start:title.pos], title.roles[0].en)


def _name_after(
    doc: Doc, reader: _Reader, title: _Title, after: int
) -> tuple[int, list[str], list[str], str | None] | None:
    """(end, words, honorifics, rank sector) of the name after a title: the name itself, a ruler's
    second title then the name ("Yang di-Pertuan Agong Sultan Ibrahim"), a descriptor then the name,
    or the name after an unknown body and a comma ("Ketua Pegawai Eksekutif MyAid, Rahman Jaafar")."""
    roles = title.roles
    found = reader.people_words(after)
    if found is None and roles and roles[0].en in doc.lexicon.cached("persons.rulers", _rulers):
        second = reader.role_at(after)  # "Yang di-Pertuan Agong Sultan Ibrahim"
        found = reader.people_words(reader.skip(second[1])) if second is not None else None
        if second is not None and found is not None:
            roles.append(second[2])
    if found is None and roles:
        described = reader.descriptor_name(after)
        if described is not None:
            found = described[:4]
            title.sector = title.sector or described[4]
        else:
            found = _after_body(reader, after) or _after_known(reader, after)
    return found


def _after_known(reader: _Reader, pos: int) -> tuple[int, list[str], list[str], str | None] | None:
    """The name after a role's descriptor of capitalised words that ends with a known name or a
    bracketed acronym: "Ketua Pemuda MCA Wong Kah Fai", "Dubes Jepang untuk Rusia Kenji Morimoto",
    "Guru Besar Universitas Andalas (Unand) Rina Marlina". Two name words at least."""
    text = reader.text
    anchor = None
    p = pos
    for _ in range(10):
        hit = reader.at.get(p)
        if hit is not None and hit.first("country", "place", "organisation", "adjective", "metonym"):
            p = anchor = hit.end
        elif (bracket := _BRACKET_AT.match(text, p)) is not None:
            p = anchor = bracket.end()
        elif (link := _DESCRIPTOR_LINK.match(text, p)) is not None:
            p = link.end()
            continue
        elif reader.blocked.get(p) in ("honorific", "rank") or not _CAPITAL_WORD.match(text, p):
            break
        else:
            p = _CAPITAL_WORD.match(text, p).end()  # type: ignore[union-attr]
        if text[p:p + 1] != " ":
            break
        p += 1
    if anchor is None:
        return None
    found = reader.people_words(reader.skip(anchor))
    if found is None or (len(found[1]) < 2 and not found[2]):
        return None
    return found


def _person(
    doc: Doc, reader: _Reader, start: int, titled: bool, title: _Title,
    found: tuple[int, list[str], list[str], str | None],
) -> PersonMention | None:
    """The person of a title and a name; None for a place named after someone ("Kem Syed
    Sirajuddin") and for a bare name with neither title, honorific nor rank."""
    text = doc.text
    end, words, honorifics, rank_sector = found
    roles, country, sector = title.roles, title.country, title.sector
    if not roles and not honorifics and rank_sector is None:
        return None
    if not honorifics and rank_sector is None and is_nominal(doc, words[0]):
        return None  # "Menteri Belia, Kebudayaan Komuniti dan Sukan": a portfolio, not a name
    rulers = doc.lexicon.cached("persons.rulers", _rulers)
    if (not roles or roles[0].en in rulers) and _after_place_head(doc, start):
        return None  # "Kem Syed Sirajuddin", "Stadium Sultan Mahmud": a place named after someone
    if titled and _RELATIVE_BEFORE.search(text, max(0, start - 30), start):
        roles, country, sector = [], None, None  # "isteri Perdana Menteri, Datin Seri X": not X's title
        if not honorifics and rank_sector is None:
            return None
    if len(words) == 1 and roles and roles[-1].en in rulers:
        words = [roles[-1].text.split()[-1], *words]  # "Sultan Ibrahim": a ruler is named with the title
    mention = PersonMention(start, end, words, honorifics, roles, country, sector or rank_sector,
                            weak=len(words) == 1 and not honorifics and rank_sector is None
                            and not any(r.en in rulers for r in roles))
    hon = [reader.hon_country.get(h) for h in honorifics]
    mention.honorific_country = next((c for c in hon if c), None)
    _add_appositive(text, reader, mention, end)
    return mention


def _add_appositive(text: str, reader: _Reader, mention: PersonMention, end: int) -> None:
    """A role set off after the name ("X, Menteri Pertahanan, …") joins the person's roles."""
    link = _APPOSITION.match(text, end)
    if link:
        appositive = reader.role_at(link.end())
        if appositive is not None:
            _, _, role, a_sector, a_country = appositive
            mention.roles.append(role)
            mention.sector = mention.sector or a_sector
            mention.country = mention.country or a_country


# Capitalised words (an organisation the lexicon does not know) then a comma: "MyAid, " "Harian Kita
# (HK), " — between a role and a name: "Ketua Pegawai Eksekutif MyAid, Rahman Jaafar".
# "Duta Israel ke PBB, X": a place or a body it is sent to ("ke", "to", "bagi", "for") may follow.
_BODY_COMMA = re.compile(r"(?:(?:ke|to|di|at|bagi|for) )?(?:[A-Z][\w'’&-]*|\([A-Za-z]{2,10}\))"
                         r"(?: (?:[A-Z][\w'’&-]*|\([A-Za-z]{2,10}\)|dan|and|of|ke|to|bagi|for|di|at)){0,6}, ")


def _after_body(reader: _Reader, pos: int) -> tuple[int, list[str], list[str], str | None] | None:
    """The name after a role's organisation that the lexicon does not know, and its comma."""
    body = _BODY_COMMA.match(reader.text, pos)
    if body is None:
        return None
    found = reader.people_words(body.end())
    if found is None or (len(found[1]) < 2 and not found[2]):
        return None
    return found


def _rulers(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["en"] for row in lexicon.table("ruler_titles"))


def _place_heads(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon.table("place_heads"))


def _after_place_head(doc: Doc, start: int) -> bool:
    before = doc.text[max(0, start - 20):start].split()
    return bool(before) and before[-1] in doc.lexicon.cached("persons.place_heads", _place_heads)


def _counterpart_role(
    doc: Doc, reader: _Reader, start: int, counterpart: re.Match[str], people: list[PersonMention]
) -> tuple[Role | None, str | None]:
    """"his Cambodian counterpart X", "rakan sejawatannya X": the antecedent's role, the other country."""
    antecedent = _antecedent(doc, start, people)
    if antecedent is None:
        return None, None
    country = None
    adjective = counterpart.group("adj")
    if adjective:
        hit = reader.match(counterpart.start("adj"), "adjective", "country")
        country = hit[1].key if hit else None
    if country is None:
        sentence = doc.sentences[doc.sentence_index(start)] if doc.sentences else None
        low = sentence.start if sentence else 0
        own = antecedent.country or HOME_COUNTRY
        for match in reversed(reader.matches):
            if match.start >= start or match.start < low:
                continue
            entry = match.first("country", "adjective")
            if entry is not None and entry.key != own:
                country = entry.key
                break
    role = antecedent.roles[0]
    text = counterpart.group().rstrip(", ")
    if counterpart.group("deputy"):
        base = (role.en or "").removeprefix("Senior ")
        return Role(text, f"Deputy {base}"), antecedent.country
    return Role(text, role.en), country


def _antecedent(doc: Doc, start: int, people: list[PersonMention]) -> PersonMention | None:
    """The person a possessive ("his counterpart", "rakan sejawatannya") refers to: the most
    mentioned person so far (the story's subject), with the roles of all its mentions.

    Linear in the mentions and the text: the text before is lowered once, each word counted once,
    and the holders of a name (the mentions whose name contains it) found through a word index and
    worked out once per distinct name."""
    lowered = doc.text[:start].lower()
    keys = [set(name_key(p.words)) for p in people]
    by_word: dict[str, list[int]] = {}
    for position, words in enumerate(keys):
        for word in words:
            by_word.setdefault(word, []).append(position)
    counts: dict[str, int] = {}
    known: dict[frozenset[str], tuple[list[Role], str | None]] = {}
    best: PersonMention | None = None
    best_score = (0, 0)
    for index, mention in enumerate(people):
        if mention.start >= start:
            break
        key = keys[index]
        if not key:
            continue
        frozen = frozenset(key)
        if frozen not in known:
            rarest = min((by_word[w] for w in key), key=len)
            holders = [people[j] for j in rarest if key <= keys[j]]
            known[frozen] = ([r for p in holders for r in p.roles],
                             next((p.country for p in holders if p.country), None))
        roles, country = known[frozen]
        if not roles:
            continue
        longest = max(key, key=len)
        if longest not in counts:
            counts[longest] = lowered.count(longest)
        score = (counts[longest], -index)
        if score > best_score:
            best, best_score = PersonMention(mention.start, mention.end, mention.words, roles=list(roles),
                                             country=country), score
    return best


def link_people(doc: Doc, mentions: list[PersonMention], bare: list[RoleMention],
                covered: list[tuple[int, int]]) -> list[Person]:
    """One person per referent: full and short names merged, bare roles and short forms linked."""
    people: list[Person] = []
    by_word: dict[str, list[int]] = {}  # name word -> positions in `people` of those whose key holds it
    for mention in sorted(mentions, key=lambda m: m.weak):
        key = frozenset(name_key(mention.words))
        if not key:
            continue
        person = _find(people, by_word, key, mention.words)
        if person is None and mention.weak:
            continue
        if person is None:
            person = Person(list(mention.words), key)
            people.append(person)
            _file(by_word, key, len(people) - 1)
        elif len(key) > len(person.key):
            _file(by_word, key - person.key, next(i for i in _sharing(by_word, person.key)
                                                  if people[i] is person))
            person.words, person.key = list(mention.words), key
        _absorb(person, mention, doc.text)
    _short_forms(doc, people, by_word, covered)
    _bare_roles(doc, people, bare)
    home = dateline_country(doc) or PRESS_COUNTRY.get(doc.info.language or "")
    for person in people:
        if person.country is None:
            # A title that names no country: the dateline's country ("MANILA: Presiden X" → PHL),
            # else the country whose written standard the text is in; English text: none.
            person.country = person.honorific_country or (home if person.roles else None)
        person.mentions.sort(key=lambda m: m.start)
    return people


def dateline_country(doc: Doc) -> str | None:
    """The country of the dateline's place ("JAKARTA, 5 Mac --" → IDN), from the actor lexicons."""
    place = (doc.info.dateline or "").casefold()
    if not place:
        return None
    for match in scan(doc):
        if doc.text[match.start:match.end].casefold() == place:
            entry = match.first("country", "metonym", "place")
            return (entry.country or None) if entry is not None else None
    return None


def _file(by_word: dict[str, list[int]], words: frozenset[str], position: int) -> None:
    for word in words:
        by_word.setdefault(word, []).append(position)


def _sharing(by_word: dict[str, list[int]], key: frozenset[str]) -> list[int]:
    """Positions of the people whose key shares a word with `key`, in order (a key that holds
    another or is held by it shares all of the smaller one's words)."""
    return sorted({position for word in key for position in by_word.get(word, ())})


def _find(people: list[Person], by_word: dict[str, list[int]], key: frozenset[str],
          words: list[str]) -> Person | None:
    """The person this name is part of (or who is part of it); two names of two words or more must
    share two words ("S. Subramaniam" is not "Tina Subramaniam")."""
    for position in reversed(_sharing(by_word, key)):
        p = people[position]
        if (key <= p.key or p.key <= key) and (len(words) < 2 or len(p.words) < 2 or len(key & p.key) >= 2):
            return p
    return None


def _absorb(person: Person, mention: PersonMention, text: str) -> None:
    for honorific in mention.honorifics:
        if honorific not in person.honorifics:
            person.honorifics.append(honorific)
    for role in mention.roles:
        if all(r.en != role.en for r in person.roles):
            person.roles.append(role)
    person.country = person.country or mention.country
    person.sector = person.sector or mention.sector
    person.honorific_country = person.honorific_country or mention.honorific_country
    person.mentions.append(TextSpan(mention.start, mention.end, text[mention.start:mention.end]))


def _short_forms(doc: Doc, people: list[Person], by_word: dict[str, list[int]],
                 covered: list[tuple[int, int]]) -> None:
    """Later mentions by part of the name ("Ahmad Faizal", "Faizal", "Barrow"): a run of capitalised
    words starting with a word of a known name, all of whose words belong to one person."""
    if not people:
        return
    taken = sorted(covered + [(m.start, m.end) for p in people for m in p.mentions])
    starts = [s for s, _ in taken]
    reach_by_index = []  # furthest end of the spans up to each index
    furthest = 0
    for _, end in taken:
        furthest = max(furthest, end)
        reach_by_index.append(furthest)
    text = doc.text
    reach = 0
    for start in _occurrences(text, people):
        if start < reach:
            continue
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and reach_by_index[index] > start:
            continue
        limit = starts[index + 1] if index + 1 < len(starts) else len(text)
        name = name_at(doc, start, {})
        if name is None:
            continue
        end = min(name[1], limit)
        reach = end
        key = frozenset(name_key(text[start:end].split()))
        owners = [people[i] for i in _sharing(by_word, key) if key <= people[i].key]
        if len(owners) == 1:
            owners[0].mentions.append(TextSpan(start, end, text[start:end]))


def _occurrences(text: str, people: list[Person]) -> list[int]:
    """Start offsets of the known name words written as whole, capitalised words (one automaton
    pass over the text for all the words; each word's occurrences left to right without overlaps)."""
    words = {w.rstrip(".") for p in people for w in p.words if w[:1].isupper()} - {""}
    if not words:
        return []
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    hits: dict[str, list[int]] = {}
    for last, word in automaton.iter(text):
        hits.setdefault(word, []).append(last - len(word) + 1)
    found = set()
    for bare, starts in hits.items():
        free = 0  # an occurrence is skipped whole, as str.find does
        for at in sorted(starts):
            if at < free:
                continue
            after = free = at + len(bare)
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’-")) and not (
                    after < len(text) and (text[after].isalnum() or text[after] in "'’")):
                found.add(at)
    return sorted(found)


def _bare_roles(doc: Doc, people: list[Person], bare: list[RoleMention]) -> None:
    for role in bare:
        holders = [p for p in people if any(r.en == role.en for r in p.roles)
                   and (role.country is None or p.country in (None, role.country))]
        holder = None
        if len(holders) == 1 or (holders and role.anaphoric):
            holder = holders[0]
        elif holders:
            before = [p for p in holders if p.mentions and p.mentions[0].start < role.start]
            holder = before[-1] if before else holders[0]
        elif not role.anaphoric and _opens_sentence(doc, role.start):
            # "Timbalan Perdana Menteri menjelaskan, …" right after a person named without a title
            holder = _latest_before(people, role.start)
            if holder is not None and holder.roles:
                holder = None
            elif holder is not None:
                holder.roles.append(Role(doc.text[role.start:role.end], role.en))
                holder.sector = holder.sector or "GOV"
                holder.country = holder.country or role.country
        if holder is None and _names_a_ruler(doc, role):
            holder = _ruler(doc, people, role)
        if holder is not None:
            holder.mentions.append(TextSpan(role.start, role.end, doc.text[role.start:role.end]))


def _names_a_ruler(doc: Doc, role: RoleMention) -> bool:
    """A ruler's title with the state ("Sultan of Kedah", "Sultan Perak") or the one national title
    ("Yang di-Pertuan Agong") names a person even with no name."""
    if role.en not in doc.lexicon.cached("persons.rulers", _rulers):
        return False
    words = doc.text[role.start:role.end].split()
    return len(words) >= 2 and words[-1][:1].isupper()


def _ruler(doc: Doc, people: list[Person], role: RoleMention) -> Person:
    """The person a ruler's title names (one per title as written, case and "of" aside)."""
    text = doc.text[role.start:role.end]
    words = text.split()
    key = frozenset(name_key(words))
    for person in people:
        if person.key == key:
            return person
    person = Person(words, key, roles=[Role(text, role.en)], sector="GOV", country=role.country)
    people.append(person)
    return person


def _opens_sentence(doc: Doc, offset: int) -> bool:
    if not doc.sentences:
        return False
    return doc.sentences[doc.sentence_index(offset)].start == offset


def _latest_before(people: list[Person], offset: int) -> Person | None:
    best, best_start = None, -1
    for person in people:
        for mention in person.mentions:
            if best_start < mention.start < offset:
                best, best_start = person, mention.start
    return best
