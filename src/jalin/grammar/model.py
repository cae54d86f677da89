"""What the grammar layer finds: chunks, clauses and references, as offsets into the text."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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
    """One clause: its kind, predicate and arguments. `parent` is the index, among its sentence's
    clauses, of the clause it depends on (a relative clause's noun, a reported clause's reporting
    clause)."""

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


class Grammar:
    """The grammar of one document, analysed on demand and once: a sentence is parsed the first
    time a layer asks about it (most sentences of most documents hold nothing a later layer
    looks at), and the references are resolved over the whole document the first time they are
    asked for. `parse(number)` gives (words, phrases, clauses) of one sentence; `resolve(clauses,
    phrases)` the references of the whole document."""

    def __init__(
        self,
        sentences: int,
        sentence_of: Callable[[int], int],
        parse: Callable[[int], tuple[list[Word], list[Phrase], list[Clause]]],
        resolve: Callable[[list[Clause], list[Phrase]], list[Reference]],
    ) -> None:
        self._count = sentences
        self._sentence_of = sentence_of
        self._parse = parse
        self._resolve = resolve
        self._parsed: dict[int, tuple[list[Word], list[Phrase], list[Clause]]] = {}
        self._references: list[Reference] | None = None
        self._reference_starts: list[int] = []

    def sentence(self, number: int) -> tuple[list[Word], list[Phrase], list[Clause]]:
        """(words, phrases, clauses) of sentence `number`, parsed on first use."""
        found = self._parsed.get(number)
        if found is None:
            found = self._parsed[number] = self._parse(number)
        return found

    def _all(self, part: int) -> list[Any]:
        return [item for n in range(self._count) for item in self.sentence(n)[part]]

    @property
    def words(self) -> list[Word]:
        return self._all(0)  # type: ignore[no-any-return]

    @property
    def phrases(self) -> list[Phrase]:
        return self._all(1)  # type: ignore[no-any-return]

    @property
    def clauses(self) -> list[Clause]:
        return self._all(2)  # type: ignore[no-any-return]

    @property
    def references(self) -> list[Reference]:
        if self._references is None:
            self._references = self._resolve(self.clauses, self.phrases)
            self._reference_starts = [r.start for r in self._references]
        return self._references

    def clause_at(self, offset: int) -> Clause | None:
        """The innermost clause holding `offset` (the one starting last)."""
        if not self._count:
            return None
        clauses = self.sentence(self._sentence_of(offset))[2]
        for clause in reversed(clauses):
            if clause.start <= offset < clause.end:
                return clause
        return None

    def reference_at(self, start: int, end: int) -> Reference | None:
        """The reference lying wholly inside [start, end), if any."""
        references = self.references
        i = bisect.bisect_left(self._reference_starts, start)
        if i < len(references) and references[i].end <= end:
            return references[i]
        return None
