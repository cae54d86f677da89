"""Clauses: a sentence's chunks cut at relative words, complementisers, subordinators, coordinators
before a new predicate, reporting verbs and quotes; each clause gets its predicate and arguments
(subject, object, agent after oleh/by, recipient, obliques), and a clause without a subject
inherits one: a relative clause its noun, a purpose or coordinate clause its parent's subject, a
fronted side or time clause the main clause's subject.
"""

from __future__ import annotations

from jalin.grammar.chunks import Unit
from jalin.grammar.model import Clause, Phrase, VerbGroup
from jalin.grammar.words import Word

_OPENERS = {"REL": "relative", "COMP": "reported"}
_FRONTED = frozenset({"time", "condition", "concession", "side"})


def clauses_of(units: list[Unit], sentence: int, start: int, end: int) -> list[Clause]:
    """The clauses of one sentence's units (`parent` indexes this list)."""
    base = 0
    segments = _segments(units)
    clauses: list[Clause] = []
    for kind, lo, hi, opener in segments:
        part = units[lo:hi]
        if not part:
            continue
        clause = Clause(_first(part), _last(part), kind, sentence)
        _arguments(clause, part)
        clause.parent = _parent(clauses, kind, opener, base)
        clauses.append(clause)
    if clauses:
        clauses[0].start = min(clauses[0].start, start)
    _inherit(clauses, units, segments, base)
    return clauses


def _first(part: list[Unit]) -> int:
    return part[0].start


def _last(part: list[Unit]) -> int:
    return part[-1].end


def _segments(units: list[Unit]) -> list[tuple[str, int, int, Unit | None]]:
    """(kind, first unit, end unit, opening unit) of each clause of a sentence."""
    cuts: list[tuple[int, str, Unit | None]] = [(0, "main", None)]
    fronted = False
    has_predicate = False  # the current clause has its verb group already
    for i, unit in enumerate(units):
        if len(cuts) > 1 and cuts[-1][0] == i:
            has_predicate = False
        if isinstance(unit, Word):
            fronted = _cut_at_word(units, i, unit, cuts, fronted, has_predicate)
        if isinstance(unit, VerbGroup):
            has_predicate = True
        if isinstance(unit, VerbGroup) and unit.report in ("report", "report-alone"):
            after = units[i + 1] if i + 1 < len(units) else None
            if not (isinstance(after, Word) and after.cls in ("COMP", "COMMA", "STOP", "QUOTE")):
                cuts.append((i + 1, "reported", unit))
    return _segments_of(cuts, len(units))


def _cut_at_word(
    units: list[Unit], i: int, unit: Word, cuts: list[tuple[int, str, Unit | None]], fronted: bool,
    has_predicate: bool,
) -> bool:
    """Add the clause cut a function word or mark makes ("yang", "bahawa", ";", a comma after a
    fronted phrase, "but"/"dan" before a new predicate); return whether a fronted phrase is open."""
    cls = unit.cls
    if cls in _OPENERS:
        cuts.append((i, _OPENERS[cls], unit))
    elif cls == "PREP" and i == 0 and _comma_ahead(units, i):
        fronted = True  # "Selepas mesyuarat itu, …", "After the talks, …"
        cuts[0] = (0, "side", unit)
    elif cls == "SUB":
        fronted = _cut_at_subordinator(units, i, unit, cuts) or fronted
    elif cls in ("SEMI", "QUOTE"):
        if cuts[-1][0] == i:
            cuts[-1] = (i + 1, cuts[-1][1], cuts[-1][2])  # an opening quote
        else:
            cuts.append((i + 1, "main", unit))
    elif cls == "COMMA" and cuts[-1][1] == "relative" and i + 1 < len(units) and isinstance(
        units[i + 1], VerbGroup
    ):
        cuts.append((i + 1, "resume", unit))  # "Peru, which signed it, said …"
    elif cls == "CONJ" and has_predicate and (unit.value == "but" or _predicate_follows(units, i + 1)):
        cuts.append((i, "coordinate", unit))
    elif cls == "COMMA" and fronted:
        cuts.append((i + 1, "main", unit))
        fronted = False
    elif cls == "COMMA" and _inverted_report(units, i + 1):
        cuts.append((i + 1, "main", unit))
    return fronted


def _cut_at_subordinator(
    units: list[Unit], i: int, unit: Word, cuts: list[tuple[int, str, Unit | None]]
) -> bool:
    """A subordinator opening the sentence fronts a side clause ("Walaupun …, …"); inside it, it
    opens one ("… kerana …"). True when it fronts one."""
    if i == 0 or (i == 1 and isinstance(units[0], Word)):
        cuts[0] = (0, unit.value or "side", unit)
        return True
    cuts.append((i, unit.value or "side", unit))
    return False


def _segments_of(
    cuts: list[tuple[int, str, Unit | None]], size: int
) -> list[tuple[str, int, int, Unit | None]]:
    """The clauses between the cuts, in order; of two cuts at one place the later names the clause."""
    cuts.sort(key=lambda c: c[0])
    segments: list[tuple[str, int, int, Unit | None]] = []
    for n, (lo, kind, opener) in enumerate(cuts):
        hi = cuts[n + 1][0] if n + 1 < len(cuts) else size
        if segments and segments[-1][1] == lo:
            segments.pop()  # two cuts at one place: the later names the clause
        if lo < hi:
            segments.append((kind, lo, hi, opener))
    return segments


def _comma_ahead(units: list[Unit], i: int) -> bool:
    """A comma closes the phrase opening at `i` before any verb group (within eight units)."""
    for unit in units[i + 1:i + 9]:
        if isinstance(unit, VerbGroup):
            return False
        if isinstance(unit, Word) and unit.cls == "COMMA":
            return True
    return False


def _predicate_follows(units: list[Unit], i: int) -> bool:
    """A coordinator opens a clause when a verb group follows (shared subject: "… and accused X"),
    or a noun phrase and then a verb group ("… dan Jepun menghantar …")."""
    if i < len(units) and isinstance(units[i], VerbGroup):
        return True
    return (i + 1 < len(units) and isinstance(units[i], Phrase)
            and isinstance(units[i + 1], VerbGroup))


def _inverted_report(units: list[Unit], i: int) -> bool:
    """After a comma: "kata X", "katanya", "said X", or "X said" closing the sentence."""
    if i < len(units) and isinstance(units[i], VerbGroup) and units[i].report in (
        "report-inverted", "report-alone"
    ):
        return True
    return (i + 1 < len(units) and isinstance(units[i], Phrase) and isinstance(units[i + 1], VerbGroup)
            and bool(units[i + 1].report) and (i + 2 >= len(units) or _is_stop(units[i + 2])))


def _is_stop(unit: Unit) -> bool:
    return isinstance(unit, Word) and unit.cls in ("STOP", "QUOTE", "COMMA")


def _arguments(clause: Clause, part: list[Unit]) -> None:
    predicate_at = next((i for i, u in enumerate(part) if isinstance(u, VerbGroup)), None)
    if predicate_at is None:
        # A subject cut off by a relative clause ("Peru, which …, said"): its last free phrase.
        clause.subject = next((u for i, u in reversed(list(enumerate(part)))
                               if isinstance(u, Phrase) and not _governed(part, i)), None)
        return
    predicate = part[predicate_at]
    assert isinstance(predicate, VerbGroup)
    clause.predicate = predicate
    subject = None
    for i in range(predicate_at - 1, -1, -1):
        unit = part[i]
        if isinstance(unit, Phrase):
            if not _governed(part, i):
                subject = unit
                break
        elif isinstance(unit, Word) and unit.cls in ("COMMA",) and subject is None and i < predicate_at - 1:
            continue
    clause.subject = subject
    i = predicate_at + 1
    if predicate.report == "report-inverted" and i < len(part) and isinstance(part[i], Phrase):
        clause.subject = part[i]  # "kata Menteri X": the speaker follows
        i += 1
    while i < len(part):
        unit = part[i]
        if isinstance(unit, Phrase):
            role = _role(part, i)
            if role is None:
                if clause.object is None and clause.agent is None and predicate.voice == "passive" and (
                    i == predicate_at + 1 and unit.actor is not None
                ):
                    clause.agent = unit  # Malay passive with its doer right after: "disokong Vietnam"
                elif clause.object is None:
                    clause.object = unit
            elif role == "agent" and clause.agent is None:
                clause.agent = unit
            elif role == "recipient" and clause.recipient is None:
                clause.recipient = unit
            else:
                clause.obliques.append((role or "oblique", unit))
        elif isinstance(unit, VerbGroup):
            break  # a second predicate: its arguments are its own
        i += 1


def _governed(part: list[Unit], i: int) -> bool:
    """Whether the phrase at `i` follows a preposition (a determiner may stand between)."""
    return _role(part, i) is not None


def _role(part: list[Unit], i: int) -> str | None:
    j = i - 1
    while j >= 0 and isinstance(part[j], Word) and part[j].cls == "DET":
        j -= 1
    if j >= 0 and isinstance(part[j], Word) and part[j].cls == "PREP":
        return part[j].value or "oblique"
    return None


def _parent(clauses: list[Clause], kind: str, opener: Unit | None, base: int) -> int | None:
    if not clauses:
        return None
    if kind in ("relative", "reported", "purpose", "coordinate", "complement"):
        return base + len(clauses) - 1
    return None


def _inherit(clauses: list[Clause], units: list[Unit], segments: list[tuple[str, int, int, Unit | None]],
             base: int) -> None:
    """Subjects for clauses that name none; speakers for reported clauses."""
    for n, clause in enumerate(clauses):
        _, lo, _, opener = segments[n]
        if clause.kind == "resume":
            before = next((c for c in reversed(clauses[:n]) if c.kind != "relative"), None)
            clause.kind = before.kind if before is not None else "main"
            if clause.subject is None and before is not None:
                clause.subject, clause.inherited = before.subject, before.subject is not None
                if clause.predicate is not None and clause.predicate.report and n + 1 < len(clauses):
                    clauses[n + 1].speaker = clause.subject
        if clause.kind == "relative" and clause.subject is None:
            antecedent = next((u for u in reversed(units[:lo]) if isinstance(u, Phrase)), None)
            clause.subject, clause.inherited = antecedent, antecedent is not None
        elif clause.kind == "reported" and n > 0:
            reporter = clauses[n - 1]
            clause.speaker = reporter.subject if reporter.predicate and reporter.predicate.report else None
            if isinstance(opener, Word) and opener.cls == "COMP" and n > 1 and clause.speaker is None:
                clause.speaker = clauses[n - 2].subject
        elif clause.kind in ("purpose", "coordinate", "complement") and clause.subject is None and n > 0:
            parent = clauses[n - 1]
            clause.subject, clause.inherited = parent.subject, parent.subject is not None
    # A fronted side or time clause without a subject shares the next main clause's.
    for n, clause in enumerate(clauses):
        if clause.kind in _FRONTED and clause.subject is None and n + 1 < len(clauses):
            main = clauses[n + 1]
            clause.subject, clause.inherited = main.subject, main.subject is not None
            main.parent = None
            clause.parent = base + n + 1
    # "…, kata X" / "…, X said": the clauses before it are what X said.
    for n, clause in enumerate(clauses):
        if n and clause.predicate is not None and clause.predicate.report and clause.subject is not None and (
            clause.predicate.report == "report-inverted" or (clause.obliques == [] and clause.object is None)
        ) and clause.start >= clauses[n - 1].end - 1 and clauses[n - 1].kind != "reported":
            for earlier in clauses[:n]:
                if earlier.speaker is None and earlier.kind in ("main", "coordinate", "relative", "purpose"):
                    earlier.speaker = clause.subject
