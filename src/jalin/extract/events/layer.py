"""The events layer: PLOVER events (with the nearest CAMEO code) from trigger words and the
countries around them, in Malay and English.

For each sentence: find triggers (`event_triggers.tsv`), cut the sentence into clauses at reporting
verbs, conjunctions, quotes and relative words (`event_roles.tsv`), keep the strongest trigger of
each clause, then find its source (the subject before it, the antecedent of "yang"/"which", the
previous clause's subject after "and"/"dan", the doer after "oleh"/"by" for a passive, the owner of
a noun: "China's request", "lawatan Prabowo", "a warning from Washington") and its target (the
first other country after it, the other members of "Malaysia dan Jepun" / "between X and Y" /
"Malaysia-Korea"). A noun trigger that is the subject of a passive ("sanctions were imposed on X")
needs its doer. Actors count by their country, and references count as the country they stand for
("kita", "both countries", "the company"). An event needs a country on both sides, except that a
country acting on an indefinite object or a body that is no country ("menggesa semua pihak", "will
not sign any pact", "urged the UN Security Council") is an event with no target, and such a body
acting on a country right after the trigger ("ASEAN ministers condemned Pyongyang") is one with no
source. Modality, modes and context come from `jalin.extract.common.cues`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from jalin.doc import Doc
from jalin.extract.common.cues import contexts_in, modality_at, modes_in
from jalin.extract.common.matcher import PhraseMatcher
from jalin.extract.common.queries import times_in
from jalin.extract.common.words import alternation, function_words
from jalin.extract.events.parties import Party, PartyIndex, party_index
from jalin.lexicon import Lexicon, split_cell
from jalin.lexicon.forms import passive_forms
from jalin.model import MODALITIES, PLOVER_TYPES, Event, Span, TextSpan

_SHADOW = "-"
VISIT_CAMEOS = frozenset({"042", "043"})
# Roles of the words before a country that keep it from being a subject, an antecedent, a target.
_PLACE_ROLES = frozenset({"agent", "locative", "destination", "oblique", "topic", "attribution",
                          "recipient", "partner", "example"})
# Roles that introduce the other side of a noun trigger's act.
_COUNTERPART = frozenset({"recipient", "partner", "destination"})
# Roles that shape clauses: ignored when they fall inside a trigger phrase.
_REFERENCES = frozenset({"self", "pronoun", "pair", "company"})
_PASSIVE_ROLES = frozenset({"break", "report", "addressee", "relative", "subordinator"})
# Types whose joint subject ("Malaysia dan Jepun bersetuju") is a symmetric pair of its own.
RECIPROCAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "ASSAULT"})
# SUPPORT codes that two sides do together: signing (057) and diplomatic ties (050).
RECIPROCAL_CAMEOS = frozenset({"050", "057"})
# Material cooperation (06) and aid (07) stated as an intention: CAMEO 031 and 033 (AGREE).
INTENT_CAMEOS = {"06": "031", "07": "033"}
# Types whose target may be named as a place ("di sempadan Ukraine", "targets in Iran").
PLACE_TARGET_TYPES = frozenset({"MOBILIZE", "ASSAULT", "COERCE", "THREATEN", "AID"})
_NOT_SUBJECT = frozenset({"locative", "destination", "topic", "attribution"})
_NOT_ANTECEDENT = _NOT_SUBJECT | {"oblique"}
_NOT_TARGET = frozenset({"locative", "topic", "attribution"})
# Before a pair of countries, roles that make it a place or examples, not two sides acting together.
_PLACE_OR_EXAMPLE = frozenset({"locative", "example"})
# How many words may stand between a trigger and its indefinite object ("terhadap mana-mana").
OBJECT_REACH = 3


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    type: str
    cameo: str | None
    modality: str
    voice: str  # active | passive | stative
    strength: int
    lang: str


@dataclass(slots=True)
class Group:
    """Country mentions joined only by "dan", "and", commas or hyphens: one side of an event."""

    start: int
    end: int
    parties: list[Party]

    def countries(self) -> list[str]:
        return sorted({p.country for p in self.parties})


def _build_triggers(lexicon: Lexicon) -> PhraseMatcher[TriggerSpec | None]:
    entries = []
    for row in lexicon.table("event_triggers"):
        if row["type"] == _SHADOW:
            entries.extend((form, None) for form in split_cell(row["trigger"]))
            continue
        if row["type"] not in PLOVER_TYPES:
            raise ValueError(f"event_triggers.tsv: unknown PLOVER type {row['type']!r}")
        modality = row.get("modality") or "asserted"
        if modality not in MODALITIES:
            raise ValueError(f"event_triggers.tsv: unknown modality {modality!r}")
        spec = TriggerSpec(row["type"], row.get("cameo") or None, modality,
                           row.get("voice") or "active", int(row.get("strength") or 2),
                           row.get("lang") or "any")
        for form in split_cell(row["trigger"]):
            entries.append((form, spec))
            if spec.lang != "en" and " " not in form and not form.casefold().endswith("nya"):
                entries.append((form + "nya", spec))  # Malay enclitic: perbincangannya, lawatannya
    return PhraseMatcher(entries + _passives(entries))


def _passives(entries: list[tuple[str, TriggerSpec | None]]) -> list[tuple[str, TriggerSpec | None]]:
    """The di- forms of the listed Malay me- verbs that the table does not list itself: "dikecam
    oleh X" is X's criticism (the doer after "oleh" or right after the verb)."""
    known = {form.casefold() for form, _ in entries}
    out: list[tuple[str, TriggerSpec | None]] = []
    for form, spec in entries:
        if spec is None or spec.lang == "en" or spec.voice != "active":
            continue
        passive = replace(spec, voice="passive")
        for candidate in passive_forms(form):
            if candidate not in known:
                known.add(candidate)
                out.append((candidate, passive))
    return out


def _build_roles(lexicon: Lexicon) -> PhraseMatcher[frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for row in lexicon.table("event_roles"):
        roles.setdefault(" ".join(row["cue"].casefold().split()), set()).add(row["role"])
    return PhraseMatcher((cue, frozenset(values)) for cue, values in roles.items())


def _build_indefinite(lexicon: Lexicon) -> PhraseMatcher[bool]:
    return PhraseMatcher((row["cue"], True) for row in lexicon.table("event_roles")
                         if row["role"] == "indefinite")


# Punctuation that ends a clause: semicolons, colons (the dateline's too), quotation marks, and a
# full stop inside a quoted "sentence" ("... is family. Indonesia is ready ...").
_PUNCT_BREAK = re.compile(r"[;:“”\"«»']|\.(?<=[a-z]{3}\.)(?=\s+[A-Z])")
_CONJUNCTIONS = function_words("CONJ", kind=("and", "also", "or"))  # dan, serta, atau, and, or
_JOINERS = alternation(_CONJUNCTIONS, ["juga", "also", "the"])
_JOIN = re.compile(rf"(?:[\s,&/\-–—]|\b{_JOINERS}\b)*", re.IGNORECASE)  # " dan juga ", ", and the "
_CONJUNCTION = re.compile(rf"\b{alternation(_CONJUNCTIONS)}\b|&", re.IGNORECASE)  # "dan", "or", "&"
_WORD = re.compile(r"\w+")  # "menandatangani" (one word)
_PHRASE_START = re.compile(r"[.,;:!?()\[\]“”\"]")  # ",", "(", "“" (a mark that ends a phrase)


@dataclass(slots=True)
class Roles:
    """Role cues of one document, as sorted offsets."""

    hard: list[tuple[int, int]]      # clause breaks
    soft: list[tuple[int, int]]      # breaks, relative words and the comma after a fronted clause
    fronted: list[tuple[int, int]]   # the comma closing a fronted clause ("Jika …, …")
    cues: dict[int, frozenset[str]]  # end offset of a cue -> its roles
    indefinite: list[int]            # start offsets of "mana-mana", "any", "all parties"
    before: dict[int, frozenset[str]] = field(default_factory=dict)  # _roles_before, by offset

    def left(self, breaks: list[tuple[int, int]], offset: int, floor: int) -> int:
        i = bisect.bisect_right(breaks, (offset, offset)) - 1
        while i >= 0 and breaks[i][1] > offset:
            i -= 1
        return max(floor, breaks[i][1]) if i >= 0 else floor

    def right(self, breaks: list[tuple[int, int]], offset: int, ceiling: int) -> int:
        i = bisect.bisect_left(breaks, (offset, offset))
        return min(ceiling, breaks[i][0]) if i < len(breaks) else ceiling


def extract(doc: Doc) -> list[Event]:
    if not doc.text or not doc.sentences or not any(actor.country for actor in doc.actors):
        return []  # every event has a country on one side at least, named or through a person
    wanted: set[int] | None = None  # the sentences that may hold an event (None: all)
    if len({a.country for a in doc.actors if a.country}) < 2:
        # With one country only, an event needs an indefinite other side ("semua pihak").
        indefinite = doc.lexicon.cached("events.indefinite", _build_indefinite)
        wanted = {doc.sentence_index(start) for start, _, _ in indefinite.finditer(doc.text)}
        if not wanted:
            return []
    by_sentence: dict[int, list[tuple[int, int, TriggerSpec]]] = {}
    for start, end, specs in doc.lexicon.cached("events.triggers", _build_triggers).finditer(doc.text):
        number = doc.sentence_index(start)
        if specs[0] is not None and (wanted is None or number in wanted):
            by_sentence.setdefault(number, []).append((start, end, specs[0]))
    if not by_sentence:
        return []
    # Role words matter only in the sentences that have a trigger.
    role_matcher = doc.lexicon.cached("events.roles", _build_roles)
    role_hits = [hit for number in sorted(by_sentence) for hit in role_matcher.finditer(
        doc.text, doc.sentences[number].start, doc.sentences[number].end)]
    trigger_spans = sorted((s, e) for hits in by_sentence.values() for s, e, _ in hits)
    roles = _roles(doc, [doc.sentences[n] for n in sorted(by_sentence)], role_hits, trigger_spans)
    pronouns = [(s, e, _reference_kind(doc.text, s, kind, roles)) for s, e, kinds in role_hits
                for kind in sorted(kinds[0] & _REFERENCES)[:1]]
    index = party_index(doc, pronouns)
    skip_before = _dateline_end(doc)
    events: list[Event] = []
    for number in sorted(by_sentence):
        events.extend(_sentence_events(doc, number, by_sentence[number], index, roles, skip_before))
    for i, event in enumerate(events, 1):
        event.id = f"e{i}"
    return events


def _roles(
    doc: Doc, sentences: list[Span], hits: list[tuple[int, int, list[frozenset[str]]]],
    triggers: list[tuple[int, int]],
) -> Roles:
    """Clause breaks and role cues of the given sentences."""
    starts = [s for s, _ in triggers]

    def inside_trigger(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and triggers[i][1] >= end

    text = doc.text
    hard: list[tuple[int, int]] = [
        m.span() for span in sentences for m in _PUNCT_BREAK.finditer(text, span.start, span.end)
        if m.group() != "'" or not (text[m.start() - 1:m.start()].isalnum()
                                    and text[m.end():m.end() + 1].isalnum())
    ]
    soft = list(hard)
    fronted: list[tuple[int, int]] = []
    cues: dict[int, frozenset[str]] = {}
    for start, end, found in hits:
        values = found[0]
        if not _PASSIVE_ROLES.isdisjoint(values) and inside_trigger(start, end):
            continue
        if "break" in values or "report" in values or "addressee" in values:
            hard.append((start, end))
            soft.append((start, end))
        if "relative" in values:
            soft.append((start, end))
        if "subordinator" in values and _opens_sentence(doc, start):
            comma = doc.text.find(",", end, doc.sentences[doc.sentence_index(start)].end)
            if comma >= 0:
                soft.append((comma, comma + 1))
                fronted.append((comma, comma + 1))
        cues[end] = values
    hard.sort()
    soft.sort()
    fronted.sort()
    indefinite = sorted(start for start, _, found in hits if "indefinite" in found[0])
    return Roles(hard, soft, fronted, cues, indefinite)


def _opens_sentence(doc: Doc, offset: int) -> bool:
    sentence = doc.sentences[doc.sentence_index(offset)]
    return not _WORD.search(doc.text, sentence.start, offset)


def _reference_kind(text: str, start: int, kind: str, roles: Roles) -> str:
    """A third-person pronoun right after a reporting verb ("X berkata beliau …", "X said he …")
    is the reporter: kind "reporter"; other references keep their kind."""
    if kind != "pronoun":
        return kind
    window = _PHRASE_START.split(text[max(0, start - 30):start])[-1]
    ends = [m.end() for m in _WORD.finditer(window)]
    offset = start - len(window)
    for end in ends[-2:]:
        if roles.cues.get(offset + end, frozenset()) & {"report", "addressee"}:
            return "reporter"
    return kind


def _dateline_end(doc: Doc) -> int:
    """Offset after the dateline ("PUTRAJAYA:", "PHNOM PENH, Feb 24 —"): no party before it."""
    if not doc.info.dateline:
        return 0
    match = re.search(r"[:—–]|\s--?\s", doc.text[:100])
    return match.end() if match else 0


def _sentence_events(
    doc: Doc, number: int, hits: list[tuple[int, int, TriggerSpec]], index: PartyIndex,
    roles: Roles, skip_before: int,
) -> list[Event]:
    span = doc.sentences[number]
    parties = [p for p in index.between(span.start, span.end) if p.start >= skip_before]
    countries = {p.country for p in parties}
    if len(countries) < 2 and not (countries and _indefinite(roles, span.start, span.end)):
        return []  # both sides of an event stand in its sentence, or one and "any"/"all parties"
    groups = _groups(doc.text, parties)
    if not groups:
        return []
    by_clause: dict[tuple[int, int], list[tuple[int, int, TriggerSpec]]] = {}
    party_starts = {p.start for p in parties}
    for start, end, spec in hits:
        if _in_name(doc.text, start, span.start, party_starts) or any(
            p.start <= start < p.end for p in parties
        ):
            continue
        # A mention that begins inside the trigger ("memanggil [Duta Besar China]") is its object.
        end = min([end, *(_trim(doc.text, start, p.start) for p in parties if start < p.start < end)])
        clause = (roles.left(roles.soft, start, span.start), roles.right(roles.soft, end, span.end))
        act = _act(doc, start) if spec.strength >= 3 else ()  # a plain verb of its own
        by_clause.setdefault(clause + act, []).append((start, end, spec))
    events: list[Event] = []
    seen: set[tuple[str, frozenset[str], frozenset[str]]] = set()
    joint: set[frozenset[str]] = set()  # country sets already acting together in this sentence
    for key in sorted(by_clause):
        # The clause's event: its strongest trigger (the first on a tie) that has both sides.
        found: list[tuple[list[Party], list[Party], bool]] = []
        clause = key[:2]
        for start, end, spec in sorted(by_clause[key], key=lambda h: (-h[2].strength, h[0])):
            found = _sides(doc, start, end, spec, clause, groups, roles, span.start, span.end)
            if found:
                break
        for source, target, symmetric in found:
            src, tgt = frozenset(p.country for p in source), frozenset(p.country for p in target)
            if (spec.type, src, tgt) in seen or (spec.type, tgt, src) in seen or (
                symmetric and src | tgt in joint
            ):
                continue
            seen.add((spec.type, src, tgt))
            if symmetric:
                joint.add(src | tgt)
            events.append(_event(doc, number, start, end, spec, source, target, roles))
    return events


def _act(doc: Doc, offset: int) -> tuple[int, ...]:
    """Which act of its clause a trigger belongs to: a coordinate clause of the grammar layer with
    its own predicate ("condemned X and imposed sanctions on Y") is a separate act; () otherwise."""
    grammar = doc.grammar
    clause = grammar.clause_at(offset) if grammar is not None else None
    if clause is None or clause.kind != "coordinate" or clause.predicate is None:
        return ()
    # Its own act: the trigger is its verb (or the verb's object) and it names its own other side.
    if not (clause.predicate.start <= offset < clause.predicate.end or (
        clause.object is not None and clause.object.start <= offset < clause.object.end
    )):
        return ()
    others = [clause.object, clause.recipient, *(p for role, p in clause.obliques
                                                     if role in ("partner", "destination", "topic"))]
    if not any(p is not None and p.actors() and p.start > offset for p in others):
        return ()
    return (clause.start,)


def _passive_noun(doc: Doc, start: int, groups: list[Group]) -> tuple[Group, Group] | None:
    """(doer, undergoer) of a noun trigger that is the object of a passive verb with its agent:
    "Sumbangan X diberi pengiktirafan oleh Y" (Y recognises X)."""
    grammar = doc.grammar
    clause = grammar.clause_at(start) if grammar is not None else None
    if clause is None or clause.predicate is None or clause.predicate.voice != "passive":
        return None
    if clause.object is None or not clause.object.start <= start < clause.object.end:
        return None
    if clause.agent is None or clause.subject is None:
        return None
    agent = next((g for g in groups if clause.agent.start <= g.start < clause.agent.end), None)
    subject = next((g for g in groups if clause.subject.start <= g.start < clause.subject.end), None)
    if agent is None or subject is None or agent is subject:
        return None
    return agent, subject


def _trim(text: str, start: int, cut: int) -> int:
    """The end of a trigger cut at `cut`, without the spaces before it."""
    return len(text[start:cut].rstrip()) + start


def _groups(text: str, parties: list[Party]) -> list[Group]:
    """Coordinated mentions as one group: "Malaysia dan Jepun", "Malaysia-Korea", "X, Y and Z". A
    comma joins only inside a list that a conjunction closes, so in "Najib dan Trump, Anifah
    berkata" the reporter stays apart."""
    runs: list[list[tuple[Party, str]]] = []
    end = -1
    for party in parties:
        if runs and (party.start < end or _JOIN.fullmatch(text, end, party.start)):
            runs[-1].append((party, text[end:party.start] if party.start >= end else ""))
            end = max(end, party.end)
        else:
            runs.append([(party, "")])
            end = party.end
    groups: list[Group] = []
    for run in runs:
        closed = len(run) > 1 and bool(_CONJUNCTION.search(run[-1][1]))
        current: Group | None = None
        for party, gap in run:
            if current is not None and ("," not in gap or closed):
                current.parties.append(party)
                current.end = max(current.end, party.end)
            else:
                current = Group(party.start, party.end, [party])
                groups.append(current)
    return groups


def _in_name(text: str, start: int, sentence_start: int, party_starts: set[int]) -> bool:
    """A capitalised trigger inside a capitalised name ("Majlis Kerjasama Teluk", "Dialog Shangri-La")."""
    if not text[start].isupper() or not text[start + 1:start + 2].islower():
        return False
    before = re.search(r"(\w+)\W*$", text[max(sentence_start, start - 40):start])
    after = re.match(r"\w+\W+(\w+)", text[start:start + 60])
    if after and after.start(1) + start in party_starts:
        return False  # "Lawatan Anwar ke Jepun", "Kerjasama Malaysia-Jepun": a party follows
    if start == sentence_start:  # "Latihan Harimau Shakti …" opens with a name
        return bool(after and after.group(1)[0].isupper())
    return bool(before and before.group(1)[0].isupper() and text[start - 1] == " ") or bool(
        after and after.group(1)[0].isupper()
    )


@dataclass(slots=True)
class _Clause:
    """What a trigger's sides are chosen from: the groups before it in its clause, those after it up
    to the clause's hard break, and the subjects among those before."""

    doc: Doc
    text: str
    start: int
    end: int
    spec: TriggerSpec
    clause: tuple[int, int]
    groups: list[Group]
    roles: Roles
    hard_right: int
    visit: bool
    excluded: frozenset[str]
    before: list[Group]
    after: list[Group]
    subjects: list[Group]
    weak: bool  # a bare noun: both sides must stand in its own clause
    reciprocal: bool


def _clause_of(
    doc: Doc, start: int, end: int, spec: TriggerSpec, clause: tuple[int, int], groups: list[Group],
    roles: Roles, sentence_end: int,
) -> _Clause:
    text = doc.text
    hard_right = min(roles.right(roles.hard, end, sentence_end),
                     roles.right(roles.fronted, end, sentence_end))
    visit = spec.cameo in VISIT_CAMEOS
    # A place named after a visit, a deployment or an attack is where it is aimed.
    excluded = _NOT_TARGET - {"locative"} if visit or spec.type in PLACE_TARGET_TYPES else _NOT_TARGET
    before = [g for g in groups if clause[0] <= g.start and g.end <= start]
    after = [g for g in groups if end <= g.start and g.end <= hard_right
             and not _roles_before(text, g.start, roles) & excluded
             and (visit or not _in_topic(text, end, g.start, roles))]
    subjects = [g for g in before if not _roles_before(text, g.start, roles) & _NOT_SUBJECT]
    return _Clause(doc, text, start, end, spec, clause, groups, roles, hard_right, visit, frozenset(excluded),
                   before, after, subjects, spec.strength < 2,
                   spec.type in RECIPROCAL_TYPES or spec.cameo in RECIPROCAL_CAMEOS)


def _sides(
    doc: Doc, start: int, end: int, spec: TriggerSpec, clause: tuple[int, int], groups: list[Group],
    roles: Roles, sentence_start: int, sentence_end: int,
) -> list[tuple[list[Party], list[Party], bool]]:
    """(source, target, symmetric) of a trigger; several for a visit with several destinations.

    The steps: the doer the grammar names (`_doer_by_grammar`: a passive's agent, "a warning from
    X", "serangan dron AS", "China's request"), else the subject before the trigger and the first
    other group after it (`_doer_by_position`); then the checks that keep only events with two sides
    (`_checked`), and one more side per destination of a visit (`_destination_sides`)."""
    c = _clause_of(doc, start, end, spec, clause, groups, roles, sentence_end)
    found = _doer_by_grammar(c)
    if found is None:
        return []
    source, target = found
    borrowed = False  # the source comes from an earlier clause
    if source is None:
        source, target, borrowed = _doer_by_position(c, target)
    outcome = _checked(c, source, target, borrowed, sentence_end)
    if isinstance(outcome, list):
        return outcome
    source, target = outcome
    symmetric = (target is None and len(source.countries()) >= 2) or (
        target is not None and any(p.kind == "pair" for p in target.parties))
    src, tgt = _sided(source.parties, target.parties if target else [])
    if not (src and tgt):
        return []
    return [(src, tgt, symmetric), *_destination_sides(c, src, source, target)]


def _doer_by_grammar(c: _Clause) -> tuple[Group | None, Group | None] | None:
    """(source, target) when the grammar names the doer, (None, target) when it does not, None when
    there is no event (a passive that does not say who did it).

    "Kapal itu diserang oleh X" (passive: X the source, the subject the target); "a warning from
    Washington to Tehran"; "sanctions were imposed on X by Y" (a noun that is a passive's subject)."""
    text, spec, after = c.text, c.spec, c.after
    passive_noun = _passive_noun(c.doc, c.start, c.groups) if spec.voice == "active" else None
    if passive_noun is not None:  # "Sumbangan X diberi pengiktirafan oleh Y": Y recognises X
        return passive_noun
    if spec.voice != "active" or _english_passive(text, c.start, c.roles):
        source = _agent(text, c.end, after, c.roles)
        if source is not None:
            if not c.subjects and not _joint_passive(c.spec):
                # "Mereka disokong oleh X, Y dan Z": the doers are one side, the other unnamed (but
                # "perjanjian itu ditandatangani oleh X dan Y" is a joint act of X and Y).
                return None
            return source, (c.subjects[0] if c.subjects else None)
        if spec.voice != "stative":
            return None  # a passive that does not say who did it
        return _doer_of_noun(c)  # a stative with no agent: as if active
    noun = spec.strength < 3 and not c.reciprocal
    if noun and after and _from(text, c.end, after[0].start):
        # A noun with its doer after "from": "a warning from Washington (to Tehran)".
        source = after[0]
        return source, _first_other(after[1:], source) or _first_other(c.subjects, source)
    if noun and _NOUN_PASSIVE.match(text, c.end):
        # A noun that is the subject of a passive: "sanctions were imposed on X (by Y)"; not a
        # joint act ("rundingan diadakan antara X dan Y").
        source = _agent(text, c.end, after, c.roles)
        return None if source is None else (source, _first_other(after, source))
    return _doer_of_noun(c)


def _joint_passive(spec: TriggerSpec) -> bool:
    """A passive whose doers may act together on a thing: signing, agreeing, meeting, visiting."""
    return spec.type in ("CONSULT", "AGREE") or spec.cameo == "057"


def _doer_of_noun(c: _Clause) -> tuple[Group | None, Group | None] | None:
    """The doer of a noun trigger: after it in Malay ("serangan dron AS", "lawatan Prabowo ke
    Jepun"), before it in English ("China's request", "Japan's latest offer"); (None, None) when
    neither names one, None when there is no event."""
    text, spec, after, roles = c.text, c.spec, c.after, c.roles
    if spec.strength < 3 and spec.lang == "ms" and _possessor(text, c.end, after, roles):
        source, target = after[0], next(
            (g for g in after[1:] if _roles_before(text, g.start, roles) & _COUNTERPART), None)
        if target is None and len(source.countries()) < 2:
            return None
        return source, target
    owner = _english_owner(text, c.start, c.before) if spec.strength < 3 else None
    if owner is None:
        return None, None
    target = _first_other([g for g in after if _roles_before(text, g.start, roles) & _COUNTERPART]
                          + [g for g in c.subjects if g is not owner] + after, owner)
    return None if target is None else (owner, target)


def _doer_by_position(c: _Clause, target: Group | None) -> tuple[Group | None, Group | None, bool]:
    """(source, target, borrowed): the first subject before the trigger and the first other group
    after it (before it too, for a full verb); with no subject, the reporter of an earlier clause
    ("He added the ministry will strengthen ties with X": borrowed)."""
    text, roles = c.text, c.roles
    source = c.subjects[0] if c.subjects else None
    target = _first_other(c.after, source) or (None if c.weak else _first_other(
        [g for g in c.before[1:] if not _roles_before(text, g.start, roles) & c.excluded], source))
    if source is None and not c.weak:
        source = _antecedent(text, c.clause[0], c.groups, roles)
        return source, target, source is not None
    return source, target, False


Sides = list[tuple[list[Party], list[Party], bool]]


def _checked(
    c: _Clause, source: Group | None, target: Group | None, borrowed: bool, sentence_end: int
) -> Sides | tuple[Group, Group | None]:
    """The final (source, target), or the sides to return as they are (often none): a pair with no
    source ("talks between X and Y"), a body acting on a country, a country acting on anyone."""
    text, spec = c.text, c.spec
    if source is None and target is not None and len(target.countries()) >= 2:
        if not c.reciprocal or _roles_before(text, target.start, c.roles) & _PLACE_OR_EXAMPLE:
            return []  # "peperangan di Sudan dan Chad", "war-torn countries such as X and Y": no pair
        src, tgt = _split(target.parties)
        return [(src, tgt, True)]
    if c.weak and (source is None or (target is None and len(source.countries()) < 2)):
        return []
    if source is None and (spec.strength >= 3 or target is not None):
        source = _fronted_subject(text, c.end, c.groups, target, sentence_end)
    if source is None:
        return _without_source(c, target)
    if target is None:
        return _without_target(c, source, borrowed)
    return source, target


def _without_source(c: _Clause, target: Group | None) -> Sides:
    """A body that is no country acting on one: "ASEAN ministers condemned Pyongyang"."""
    if target is not None and c.spec.strength >= 3 and _near(c.text, c.end, target.start) and (
        _indefinite_subject(c.text, c.clause[0], c.start, c.roles)
    ):
        return [([], target.parties, False)]
    return []


def _without_target(c: _Clause, source: Group, borrowed: bool) -> Sides | tuple[Group, Group | None]:
    """A country acting on anyone ("Malaysia menggesa semua pihak", "will not sign any pact"), several
    countries acting together (reciprocal only), or "X memberitahunya akan …" (told the sentence's
    first subject)."""
    text, roles = c.text, c.roles
    if c.spec.strength >= 3 and not borrowed and (
        len(source.countries()) == 1 or not c.reciprocal
    ) and (
        all(p.kind in ("COUNTRY", "self") for p in source.parties)
        and _indefinite_object(text, c.end, c.hard_right, roles)
    ):
        return [(source.parties, [], False)]
    if len(source.countries()) >= 2 and not c.reciprocal:
        return []
    target = None
    if _told_someone(text, c.clause[0], roles):
        target = _first_other([g for g in c.groups if g.end <= c.start and g is not source
                               and not _roles_before(text, g.start, roles) & _NOT_SUBJECT], source)
    return source, target


def _destination_sides(c: _Clause, src: list[Party], source: Group, target: Group | None) -> Sides:
    """One more side per destination named after a visit ("lawatan ke Jepun dan Korea")."""
    if not c.visit:
        return []
    countries = {p.country for p in src}
    sides: Sides = []
    for group in c.groups:
        if group.start >= c.end and group is not target and group is not source and (
            "destination" in _roles_before(c.text, group.start, c.roles)
        ):
            destination = [p for p in group.parties if p.country not in countries]
            if destination:
                sides.append((src, destination, False))
    return sides


def _indefinite(roles: Roles, start: int, end: int) -> bool:
    """Whether an indefinite or universal object ("mana-mana", "semua pihak", "any", "all
    parties") starts in [start, end)."""
    i = bisect.bisect_left(roles.indefinite, start)
    return i < len(roles.indefinite) and roles.indefinite[i] < end


def _indefinite_subject(text: str, clause_start: int, start: int, roles: Roles) -> bool:
    """A subject that is no country right before the trigger (at most `OBJECT_REACH` words
    after its first): "ASEAN foreign ministers today condemned", "the ministers urged"."""
    i = bisect.bisect_left(roles.indefinite, start) - 1
    if i < 0 or roles.indefinite[i] < clause_start:
        return False
    return len(_WORD.findall(text, roles.indefinite[i], start)) <= OBJECT_REACH + 1


def _near(text: str, end: int, start: int) -> bool:
    """At most `OBJECT_REACH` words between a trigger's end and a mention's start."""
    return len(_WORD.findall(text, end, start)) <= OBJECT_REACH


def _indefinite_object(text: str, end: int, clause_end: int, roles: Roles) -> bool:
    """An indefinite object right after the trigger (at most `OBJECT_REACH` words between):
    "tidak akan menandatangani sebarang pakatan", "take firm action against any vessel"."""
    i = bisect.bisect_left(roles.indefinite, end)
    if i == len(roles.indefinite) or roles.indefinite[i] >= clause_end:
        return False
    return len(_WORD.findall(text, end, roles.indefinite[i])) <= OBJECT_REACH


# A noun trigger followed by a passive verb: "sanctions were imposed", "sekatan dikenakan".
_NOUN_PASSIVE = re.compile(
    r"\s+(?:(?:was|were|has been|have been|had been|is being|are being)\s+\w+ed"
    r"|(?:telah\s+)?di\w+(?:kan|i))\b", re.IGNORECASE)
# " from the ", " dari " (before where a visitor comes from)
_FROM = re.compile(r"\s+(?:from|daripada|dari)\s+(?:the\s+)?", re.IGNORECASE)


def _from(text: str, end: int, start: int) -> bool:
    """Only "from"/"daripada" (and "the") between a noun trigger and a mention."""
    match = _FROM.match(text, end)
    return match is not None and match.end() == start


# A clause that opens with a conjunction shares the previous clause's subject ("… and accused X").
_AND = alternation(function_words("CONJ", kind=("and", "also")))  # dan, serta, and
_LEADING_CONJUNCTION = re.compile(rf"\W*{_AND}\s", re.IGNORECASE)  # ", dan "
_OWNED = re.compile(r"['’]s?(?:\s+\w+){0,2}\s+")  # "'s two " (a possessive and up to two words)


def _english_owner(text: str, start: int, before: list[Group]) -> Group | None:
    """The group that owns an English noun trigger: "China's request", "Japan's new offer"."""
    if before and _OWNED.fullmatch(text, before[-1].end, start):
        return before[-1]
    return None


def _possessor(text: str, end: int, after: list[Group], roles: Roles) -> bool:
    """A country right after a noun trigger (at most two words between, no preposition)."""
    if not after:
        return False
    gap = [m.end() for m in _WORD.finditer(text, end, after[0].start)]
    return len(gap) <= 2 and not any(roles.cues.get(e, frozenset()) & _PLACE_ROLES for e in gap)


def _antecedent(text: str, clause_start: int, groups: list[Group], roles: Roles) -> Group | None:
    """Who a clause without a subject is about: after a conjunction ("tetapi", "but") the previous
    clause's subject; after a reporting verb, a relative word or a quote the nearest country before."""
    earlier = [g for g in groups if g.end <= clause_start
               and not _roles_before(text, g.start, roles) & _NOT_ANTECEDENT]
    if not earlier:
        return None
    if "break" in roles.cues.get(clause_start, ()) or _LEADING_CONJUNCTION.match(text, clause_start):
        previous = roles.left(roles.hard, earlier[-1].start, -1)
        return next(g for g in earlier if g.start >= previous)
    return earlier[-1]


def _told_someone(text: str, clause_start: int, roles: Roles) -> bool:
    """The clause follows a reporting verb with an object pronoun ("memberitahunya", "told him")."""
    return "addressee" in roles.cues.get(clause_start, ())


def _fronted_subject(
    text: str, end: int, groups: list[Group], target: Group | None, sentence_end: int,
) -> Group | None:
    """The subject right after a fronted phrase: "Semasa melawat Jepun, Dr Mahathir …"."""
    comma = text.find(",", end, sentence_end)
    if comma < 0:
        return None
    for group in groups:
        if group.start > comma:
            near = len(_WORD.findall(text, comma, group.start)) <= 2
            return group if near and group is not target else None
    return None


def _agent(text: str, end: int, after: list[Group], roles: Roles) -> Group | None:
    """The doer of a passive trigger: after "oleh"/"by", or right after a Malay di- verb."""
    for group in after:
        if "agent" in _roles_before(text, group.start, roles):
            return group
    if after and len(_WORD.findall(text, end, after[0].start)) <= 1:
        return after[0]
    return None


def _first_other(groups: list[Group], other: Group | None) -> Group | None:
    taken = set(other.countries()) if other else set()
    return next((g for g in groups if not set(g.countries()) <= taken), None)


def _split(parties: list[Party]) -> tuple[list[Party], list[Party]]:
    """A symmetric pair or more ("Malaysia dan Jepun"): the first country against the others."""
    first = parties[0].country
    return [p for p in parties if p.country == first], [p for p in parties if p.country != first]


def _sided(source: list[Party], target: list[Party]) -> tuple[list[Party], list[Party]]:
    countries = {p.country for p in source}
    if not target and len(countries) >= 2:
        return _split(source)
    return source, [p for p in target if p.country not in countries]


def _roles_before(text: str, offset: int, roles: Roles) -> frozenset[str]:
    """The roles of the cues among the (up to three) words right before `offset` in its phrase."""
    cached = roles.before.get(offset)
    if cached is not None:
        return cached
    window = _PHRASE_START.split(text[max(0, offset - 40):offset])[-1]
    ends = [m.end() for m in _WORD.finditer(window)]
    found: set[str] = set()
    for back in range(1, min(3, len(ends)) + 1):
        found |= roles.cues.get(offset - len(window) + ends[-back], frozenset())
    roles.before[offset] = result = frozenset(found & _PLACE_ROLES)
    return result


# Adjectives that head a trigger phrase: "is ready to provide" and "is committed to" are not passive.
_ADJECTIVE_HEADS = frozenset({"ready", "willing", "keen", "prepared", "committed", "able"})


def _in_topic(text: str, start: int, offset: int, roles: Roles) -> bool:
    """A country inside the topic phrase of a trigger: "bertukar pandangan mengenai perkembangan di
    Laut China Selatan dan Myanmar". A partner, recipient or agent cue after the topic word ends
    the phrase ("talks on defence with Japan")."""
    inside = False
    for match in _WORD.finditer(text, start, offset):
        found = roles.cues.get(match.end(), frozenset())
        if "topic" in found:
            inside = True
        elif found & (_COUNTERPART | {"agent"}):
            inside = False
    return inside


def _english_passive(text: str, start: int, roles: Roles) -> bool:
    """An auxiliary "was/were/been" right before the trigger (one word may stand between)."""
    head = _WORD.match(text, start)
    if head and (head.group().casefold() in _ADJECTIVE_HEADS or head.group().endswith("ing")):
        return False  # "is ready to", "is considering": not a passive
    window = text[max(0, start - 30):start]
    ends = [m.end() for m in _WORD.finditer(window)]
    return any("passive" in roles.cues.get(start - len(window) + e, ()) for e in ends[-2:])


def _event(
    doc: Doc, number: int, start: int, end: int, spec: TriggerSpec,
    source: list[Party], target: list[Party], roles: Roles,
) -> Event:
    sentence = doc.sentences[number]
    clause_start = roles.left(roles.hard, start, sentence.start)
    clause_end = roles.right(roles.hard, end, sentence.end)
    modality = modality_at(doc, clause_start, clause_end, start)
    if modality == "asserted":
        modality = spec.modality
    kind, cameo = _intent(spec, modality)
    return Event(
        id="",
        type=kind,
        cameo=cameo,
        source=_actor_ids(source),
        target=_actor_ids(target),
        modality=modality,
        modes=modes_in(doc, sentence.start, sentence.end),
        context=contexts_in(doc, sentence.start, sentence.end),
        time=_time(doc, clause_start, clause_end),
        trigger=TextSpan(start, end, doc.text[start:end]),
        sentence=number,
    )


def _intent(spec: TriggerSpec, modality: str) -> tuple[str, str | None]:
    """A stated intention to sign, cooperate or give aid is AGREE (CAMEO 03): "will send medical
    teams" is 033, "akan menandatangani" 030, "will hold joint exercises" 031."""
    code = spec.cameo or ""
    if modality != "intended" or spec.type == "AGREE":
        return spec.type, spec.cameo
    if code == "057":
        return "AGREE", "030"
    if code[:2] in INTENT_CAMEOS:
        return "AGREE", INTENT_CAMEOS[code[:2]]
    return spec.type, spec.cameo


def _actor_ids(parties: list[Party]) -> list[str]:
    """One actor per country: the first mention's, in order of the countries' codes."""
    first: dict[str, str] = {}
    for party in parties:
        first.setdefault(party.country, party.actor)
    return [first[c] for c in sorted(first)]


def _time(doc: Doc, start: int, end: int) -> str | None:
    found = times_in(doc, start, end)
    return found[0].id if found else None
