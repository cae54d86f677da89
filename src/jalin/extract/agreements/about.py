"""What an agreement is about: its subject, its assets and a one-line English summary.

The subject is, first found: the named asset of a purchase ("Offshore Patrol Vessel (OPV)"); the
phrase an "about" word introduces right after the agreement's label, up to a stop word, a clause
mark, a time, a country or an amount ("an MoU on maritime security between ...", "perjanjian
mengenai pertukaran maklumat risikan yang ..."); the subject matter (`modes`) of its sentences in
English ("procurement, technology transfer and joint production"); else what its type says
("defence procurement"). Words come from `agreement_subjects.tsv`. Assets are the quantities of
equipment (`equipment_units.tsv`) in the agreement's clauses. The summary line is built from the
record with the English words of `agreement_phrases.tsv`: "Malaysia and South Korea: G2G
procurement agreement, pending Cabinet approval by October 2025".
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass

from jalin.doc import Doc
from jalin.extract.agreements.parties import countries, organisations
from jalin.extract.common import queries
from jalin.extract.common.words import trie_regex
from jalin.lexicon import Lexicon
from jalin.model import Milestone, Quantity, TimeExpr

_SUBJECT_WORDS = 8  # at most this many words in a subject phrase
_CLAUSE_MARKS = ".,;:!?()“”\"\n"
# A gloss right after a label: " (MoU)", " (VFA)".
_GLOSS = re.compile(r"\s*\([^()\n]{1,40}\)")
_WORD = re.compile(r"\S+")  # "kapal," (a run of non-space)


@dataclass(frozen=True, slots=True)
class Words:
    """The subject words and English phrases, compiled once per lexicon."""
    about: re.Pattern[str]    # an "about" phrase at a position: "on", "for the purchase of", "mengenai"
    stop: frozenset[str]      # words that end a subject phrase (first word of a stop phrase)
    stops: tuple[str, ...]    # stop phrases, folded
    drop: frozenset[str]      # words of no subject ("the", "satu")
    equipment: frozenset[str]  # quantity units that count equipment
    vocabulary: frozenset[str]  # words of agreement head phrases ("memorandum", "perjanjian")
    english: dict[tuple[str, str], str]  # (field, code) -> English words


def words(lexicon: Lexicon) -> Words:
    return lexicon.cached("agreements.about", _build)


def _build(lexicon: Lexicon) -> Words:
    rows = lexicon.table("agreement_subjects")
    about = [r["word"].casefold() for r in rows if r["role"] == "about"]
    stops = tuple(sorted((r["word"].casefold() for r in rows if r["role"] == "stop"), key=len, reverse=True))
    return Words(
        # "on", "for the purchase of" right at the position, as whole words
        about=re.compile(rf"\s+(?i:{trie_regex(about)})(?=\s)"),
        stop=frozenset(s.split()[0] for s in stops),
        stops=stops,
        drop=frozenset(r["word"].casefold() for r in rows if r["role"] == "drop"),
        equipment=frozenset(r["unit"] for r in lexicon.table("equipment_units")),
        english={(r["field"], r["value"]): r["en"] for r in lexicon.table("agreement_phrases")},
        vocabulary=_vocabulary(lexicon),
    )


def _country_words(lexicon: Lexicon) -> frozenset[str]:
    """The words of country names and adjectives ("malaysia", "korea", "thai"): a label that only
    names its parties ("MoU Malaysia-Thailand") has no name of its own."""
    found: set[str] = set()
    for row in lexicon.table("countries"):
        for cell in (row.get("name", ""), row.get("names", ""), row.get("adjectives", "")):
            found.update(_NAME_WORD.findall(cell.casefold()))
    return frozenset(found)


def _vocabulary(lexicon: Lexicon) -> frozenset[str]:
    """The words that name a kind of agreement: every word of a general head ("perjanjian", "G2G",
    "procurement of") and the head noun of the others ("agreement" of "visiting forces agreement")."""
    found: set[str] = set(_country_words(lexicon))
    for row in lexicon.table("agreement_types"):
        phrase = _NAME_WORD.findall(row["phrase"].casefold())
        found.update(phrase if row["kind"] != "head" else phrase[-1:])
    return frozenset(found)


# A word of a name: "Visiting", "Forces", "ZOPFAN", "1963".
_NAME_WORD = re.compile(r"[^\W_][\w'’\-]*")


def title(w: Words, label: str, named: bool) -> str | None:
    """The label as the agreement's name when it is one: a mention the agreements layer found named,
    or a label with two capitalised words that are not agreement vocabulary ("Visiting Forces
    Agreement (VFA)"; not "Memorandum of Understanding", "G2G agreement")."""
    label = label.strip()
    common = w.vocabulary | w.drop
    capitals = [word for word in _NAME_WORD.findall(label)
                if word[0].isupper() and not word.isupper() and word.casefold() not in common]
    return label if named or len(capitals) >= 2 else None


def equipment_subject(doc: Doc, w: Words, ids: list[str]) -> str | None:
    """The equipment of the first asset quantity, without its number: "18 FA-50 light combat
    aircraft" -> "FA-50 light combat aircraft"."""
    if not ids:
        return None
    _quantities_in(doc, 0, 0)
    quantity = doc.private("agreements")["quantities"][2].get(ids[0])
    if quantity is None:
        return None
    words = quantity.text.split()
    return " ".join(words[1:]) if len(words) > 1 else None


def subject_phrase(doc: Doc, w: Words, label_end: int, scope_end: int) -> str | None:
    """The phrase an "about" word introduces right after a label ending at `label_end`, within the
    clause ending at `scope_end`: "on maritime security" -> "maritime security"."""
    text = doc.text
    gloss = _GLOSS.match(text, label_end, scope_end)
    position = gloss.end() if gloss else label_end
    about = w.about.match(text, position, scope_end) or _after_parties(doc, w, position, scope_end)
    if about is None:
        return None
    limit = _limit(doc, w, about.end(), scope_end)
    kept: list[str] = []
    for word in _WORD.finditer(text, about.end(), limit):
        token = word.group()
        bare = token.strip(_CLAUSE_MARKS).casefold()
        if len(kept) >= _SUBJECT_WORDS or (bare in w.stop and _stops_at(text, word.start(), w)):
            break
        clipped = token.rstrip(_CLAUSE_MARKS)
        if not kept and bare in w.drop:
            continue
        if clipped:
            kept.append(clipped)
        if clipped != token:  # a clause mark ends the phrase
            break
    while kept and kept[-1].casefold() in {"and", "dan", "serta", "or", "atau"}:
        kept.pop()
    phrase = " ".join(kept).strip()
    return phrase or None


_PARTY_GAP = 8  # words of a party phrase between a label and its "about" word ("with Brazil Ltd for")


def _after_parties(doc: Doc, w: Words, start: int, end: int) -> re.Match[str] | None:
    """An "about" word after a party phrase that follows the label: "a contract with Brazil for the
    jets", "perjanjian dengan syarikat Turki Otokar bagi ..."; the gap holds only countries, companies
    and the words that introduce them."""
    text = doc.text
    for match in w.about.finditer(text, start, end):
        gap = text[start:match.start()]
        if len(gap.split()) > _PARTY_GAP or any(mark in gap for mark in _CLAUSE_MARKS):
            return None
        named = [(c[1], c[2]) for c in countries(doc, start, match.start())]
        named += [(o[1], o[2]) for o in organisations(doc, start, match.start())]
        rest = "".join(" " if any(s <= start + i < e for s, e in named) else ch for i, ch in enumerate(gap))
        if named and all(word.casefold() in w.stop or word.casefold() in w.drop for word in rest.split()):
            return match
    return None


def _stops_at(text: str, start: int, w: Words) -> bool:
    """Whether a stop phrase starts at `start` (a one-word stop always does)."""
    folded = text[start:start + 40].casefold()
    return any(folded.startswith(stop) and (len(folded) == len(stop) or not folded[len(stop)].isalnum())
               for stop in w.stops)


def _limit(doc: Doc, w: Words, start: int, end: int) -> int:
    """Where a subject phrase starting at `start` must end: at a time, a country, an amount that is
    not equipment, or the clause's end."""
    limit = end
    for t in queries.times_in(doc, start, limit)[:1]:
        limit = t.start
    for country in countries(doc, start, limit)[:1]:
        limit = min(limit, country[1])
    for q in _quantities_in(doc, start, limit):
        if q.unit not in w.equipment:
            limit = q.start
            break
    return limit


def _quantities_in(doc: Doc, start: int, end: int) -> list[Quantity]:
    """The quantities starting in [start, end), by bisect over their starts (indexed once)."""
    private = doc.private("agreements")
    if "quantities" not in private:
        ordered = sorted(doc.quantities, key=lambda q: q.start)
        private["quantities"] = ([q.start for q in ordered], ordered, {q.id: q for q in ordered})
    starts, ordered, _ = private["quantities"]
    found = []
    for index in range(bisect_left(starts, start), len(starts)):
        if starts[index] >= end:
            break
        found.append(ordered[index])
    return found


def business(doc: Doc) -> frozenset[str]:
    """The actor ids of the document's companies (indexed once)."""
    private = doc.private("agreements")
    if "business" not in private:
        private["business"] = frozenset(a.id for a in doc.actors if a.sector == "BUS")
    found: frozenset[str] = private["business"]
    return found


def assets(doc: Doc, w: Words, scopes: list[tuple[int, int]]) -> list[str]:
    """Ids of the quantities of equipment inside the agreement's clauses, in text order."""
    found = {q.id: q.start for start, end in scopes for q in _quantities_in(doc, start, end)
             if q.unit in w.equipment and q.end <= end}
    return sorted(found, key=found.__getitem__)


def fallback_subject(w: Words, kind: str, modes: list[str]) -> str | None:
    """The subject from the record when the text names none: its subject matter, else its type's."""
    named = [w.english.get(("mode", mode), mode.replace("_", " ")) for mode in modes]
    if named:
        return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return w.english.get(("subject", kind))


def summary(
    lexicon: Lexicon, w: Words, kind: str, parties: list[str], status: str, milestones: list[Milestone],
    times: list[TimeExpr], title: str | None, subject: str | None,
) -> str:
    """`subject`: one the text names (a subject from the record alone adds nothing to the line)."""
    """"Malaysia and South Korea: G2G procurement agreement on submarine maintenance, pending Cabinet
    approval by October 2025"."""
    names = _country_names(lexicon)
    sides = sorted(names.get(code, code) for code in parties)
    who = (", ".join(sides[:-1]) + " and " + sides[-1]) if len(sides) > 1 else (sides[0] if sides else "")
    what = w.english.get(("type", kind), kind.replace("_", " "))
    if title:
        what = title
    if subject and (not title or subject.casefold() not in title.casefold()):
        what = f"{what} on {subject}"
    state = w.english.get(("status", status), status.replace("_", " "))
    kind_of, coming, when = _next_milestone(w, milestones, times)
    if kind_of == "cabinet_approval" and status == "pending_approval":
        state, kind_of = f"pending {coming} {when}".rstrip(), ""  # "pending Cabinet approval by October 2025"
    line = f"{who}: {what}, {state}" if who else f"{what[:1].upper()}{what[1:]}, {state}"
    return f"{line}; {coming} {when or 'expected'}" if kind_of else line


def _next_milestone(w: Words, milestones: list[Milestone], times: list[TimeExpr]) -> tuple[str, str, str]:
    """(kind, its English words, "by October 2025" or "") of the first expected milestone with a
    resolved time, else of the first expected one; ("", "", "") when none is expected."""
    by_id = {t.id: t for t in times}
    expected = [m for m in milestones if m.state == "expected"]
    timed = [m for m in expected if m.time in by_id and by_id[m.time].value]
    chosen = timed[0] if timed else expected[0] if expected else None
    if chosen is None:
        return "", "", ""
    kind = w.english.get(("milestone", chosen.kind), chosen.kind)
    when = by_id.get(chosen.time) if chosen.time else None
    if when is None or not when.value:
        return chosen.kind, kind, ""
    relation = w.english.get(("relation", when.relation), "in")
    return chosen.kind, kind, f"{relation} {_english_date(when.value)}"


def _english_date(value: str) -> str:
    """"2025-10" -> "October 2025", "2025-10-24" -> "24 October 2025", "2025-Q4" -> "Q4 2025"."""
    first = value.split("/")[0]
    parts = first.split("-")
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 2 and parts[1].isdigit():
        return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 2:
        return f"{parts[1]} {parts[0]}"
    return first


def _country_names(lexicon: Lexicon) -> dict[str, str]:
    return lexicon.cached("agreements.country_names",
                          lambda lex: {r["iso3"]: r["name"] for r in lex.table("countries")})
