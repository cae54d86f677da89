"""What the grammar layer finds: chunks, clauses and references, as offsets into the text."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from jalin.grammar.words import Word


@dataclass(slots=True)
class Phrase:
    """A noun phrase: title + name + appositive, a pronoun or a description. `actor` is the actor
    of the mention it holds (or that a reference resolves to)."""

    start: int
    end: int
    kind: str  # name | noun | pronoun | description
    actor: str | None = None
    value: str = ""  # a pronoun's person (3s, 1p …) or a description's kind (pair, company …)
    members: list[Phrase] = field(default_factory=list)  # the conjuncts of "X dan Y", "X, Y and Z"

    def actors(self) -> list[str]:
        """The actors of the phrase: its members' for a coordination, else its own."""
        if self.members:
            return [a for m in self.members for a in m.actors()]
        return [self.actor] if self.actor else []


@dataclass(slots=True)
class VerbGroup:
    """Auxiliaries, negation, modality and the verb(s): "tidak akan menandatangani", "has been
    attacked", "gagal mencapai", "failed to reach"."""

    start: int
    end: int
    head: Word
    aspect: str = ""        # past | future | progressive | perfect
    negated: bool = False
    modality: str = ""      # hypothetical | intended | requested | expected
    voice: str = "active"   # active | passive | middle
    report: str = ""        # a reporting verb: report | report-inverted | report-alone


@dataclass(slots=True)
class Clause:
    """One clause: its kind, predicate and arguments. `parent` is the index of the clause it
    depends on (a relative clause's noun, a reported clause's reporting clause)."""

    start: int
    end: int
    # main | relative | reported | purpose | time | condition | concession | side | coordinate
    kind: str
    sentence: int
    predicate: VerbGroup | None = None
    subject: Phrase | None = None
    object: Phrase | None = None
    agent: Phrase | None = None
    recipient: Phrase | None = None
    obliques: list[tuple[str, Phrase]] = field(default_factory=list)
    parent: int | None = None
    speaker: Phrase | None = None  # a reported clause's speaker
    inherited: bool = False  # the subject is the parent's or the antecedent's

    def doer(self) -> Phrase | None:
        """Who does the act: the agent of a passive, else the subject."""
        if self.predicate is not None and self.predicate.voice == "passive":
            return self.agent
        return self.subject

    def undergoer(self) -> Phrase | None:
        """Whom the act is done to: the subject of a passive, else the object or recipient."""
        if self.predicate is not None and self.predicate.voice == "passive":
            return self.subject
        return self.object or self.recipient


@dataclass(slots=True)
class Reference:
    """A pronoun or description and the actor(s) it stands for (two for "kedua-dua negara")."""

    start: int
    end: int
    form: str
    kind: str  # self | pronoun | plural | pair | country | company | ministry | person
    actors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Grammar:
    """The grammar of one document. Clauses are sorted by start; `clause_at` finds the innermost."""

    words: list[Word] = field(default_factory=list)
    phrases: list[Phrase] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    _clause_starts: list[int] = field(default_factory=list)
    _reference_starts: list[int] = field(default_factory=list)

    def clause_at(self, offset: int) -> Clause | None:
        """The clause holding `offset` (the one starting last, so the innermost)."""
        if len(self._clause_starts) != len(self.clauses):
            self._clause_starts = [c.start for c in self.clauses]
        i = bisect.bisect_right(self._clause_starts, offset) - 1
        while i >= 0:
            clause = self.clauses[i]
            if clause.start <= offset < clause.end:
                return clause
            if offset - clause.start > 2000:
                break
            i -= 1
        return None

    def reference_at(self, start: int, end: int) -> Reference | None:
        """The reference lying wholly inside [start, end), if any."""
        if len(self._reference_starts) != len(self.references):
            self._reference_starts = [r.start for r in self.references]
        i = bisect.bisect_left(self._reference_starts, start)
        if i < len(self.references) and self.references[i].end <= end:
            return self.references[i]
        return None
