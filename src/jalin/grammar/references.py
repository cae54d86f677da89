"""References: which actor a pronoun or a description stands for, by salience.

Every actor mention raises its actor's salience (a subject twice as much); salience halves at each
sentence. A third-person pronoun ("beliau", "dia", "he", "she") is the most salient person not
named in its own clause; "mereka"/"they" the two most salient of the kind most salient; "kita",
"kami", "we", "our" and "pihak kami" inside a quote or a reported clause are the speaker; "kedua-dua
negara", "both countries" are the two most salient countries; "the kingdom", "negara itu" the most
salient country; "the company", "syarikat itu" the most salient company; "the ministry" the most
salient ministry; "the minister", "menteri itu" the most salient person.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from jalin.doc import Doc
from jalin.grammar.model import Clause, Phrase, Reference
from jalin.model import Actor

_DECAY = 0.5
_SUBJECT_BONUS = 1.0
_MINISTRY_WORDS = ("minist", "kementerian", "department", "jabatan")


class Salience:
    """Salience of each actor at the point reached in the text (mentions fed in text order)."""

    def __init__(self) -> None:
        self.score: dict[str, float] = {}
        self.sentence: dict[str, int] = {}

    def add(self, actor: str, sentence: int, weight: float) -> None:
        self.score[actor] = self.at(actor, sentence) + weight
        self.sentence[actor] = sentence

    def at(self, actor: str, sentence: int) -> float:
        if actor not in self.score:
            return 0.0
        return self.score[actor] * _DECAY ** (sentence - self.sentence[actor])

    def best(self, sentence: int, keep: Callable[[str], bool], count: int = 1,
             exclude: frozenset[str] = frozenset()) -> list[str]:
        ranked = sorted((a for a in self.score if a not in exclude and keep(a)),
                        key=lambda a: (-self.at(a, sentence), a))
        return ranked[:count]


def resolve(doc: Doc, clauses: list[Clause], phrases: list[Phrase]) -> list[Reference]:
    """Resolve every pronoun and description phrase (sorted by start) against the actors named
    before it; the phrases' `actor` is set to the first actor found."""
    actors = {a.id: a for a in doc.actors}
    subjects = {c.subject.start for c in clauses if c.subject is not None}
    salience = Salience()
    references: list[Reference] = []
    clause_index = 0
    for phrase in phrases:
        number = doc.sentence_index(phrase.start)
        if phrase.kind in ("name", "noun", "group"):
            weight = 1.0 + (_SUBJECT_BONUS if phrase.start in subjects else 0.0)
            for actor_id in phrase.actors():
                actor = actors.get(actor_id)
                salience.add(actor_id, number, weight)
                if actor is not None and actor.country and actor.type != "COUNTRY":
                    country = _country_actor(doc, actor.country)
                    if country is not None:
                        salience.add(country, number, weight / 2)
            continue
        while clause_index + 1 < len(clauses) and clauses[clause_index + 1].start <= phrase.start:
            clause_index += 1
        clause = clauses[clause_index] if clauses else None
        found = _resolve(doc, phrase, clause, number, salience, actors)
        if found:
            phrase.actor = found[0]
        references.append(Reference(phrase.start, phrase.end, doc.text[phrase.start:phrase.end],
                                    _kind(phrase), found))
    return references


def _kind(phrase: Phrase) -> str:
    if phrase.kind == "pronoun":
        return {"1s": "self", "1p": "self", "3p": "plural"}.get(phrase.value, "pronoun")
    return phrase.value or "description"


def _country_actor(doc: Doc, country: str) -> str | None:
    cache = doc.private("grammar")
    by_country: dict[str, str] | None = cache.get("country_actors")
    if by_country is None:
        by_country = {}
        for actor in doc.actors:
            if actor.type == "COUNTRY" and actor.country:
                by_country.setdefault(actor.country, actor.id)
        cache["country_actors"] = by_country
    return by_country.get(country)


def _resolve(doc: Doc, phrase: Phrase, clause: Clause | None, number: int, salience: Salience,
             actors: dict[str, Actor]) -> list[str]:
    kind = _kind(phrase)

    def of_type(*types: str) -> Callable[[str], bool]:
        return lambda a: a in actors and actors[a].type in types

    if kind == "self":
        speaker = _speaker(doc, phrase.start, clause)
        return [speaker] if speaker else []
    local = frozenset(p.actor for p in (clause.subject, clause.object) if p is not None and p.actor
                      and p.start < phrase.start) if clause else frozenset()
    if kind in ("pronoun", "person"):
        if phrase.value == "3n":  # "it", "ia": a country or a body
            return salience.best(number, of_type("COUNTRY", "ORGANISATION"), exclude=local)
        return salience.best(number, of_type("PERSON"), exclude=local if kind == "pronoun" else frozenset())
    if kind == "plural":
        top = salience.best(number, lambda a: a in actors)
        if not top:
            return []
        return salience.best(number, of_type(actors[top[0]].type), count=2)
    if kind == "pair":
        return salience.best(number, of_type("COUNTRY"), count=2)
    if kind == "country":
        return salience.best(number, of_type("COUNTRY"))
    if kind == "company":
        return salience.best(number, lambda a: a in actors and actors[a].type == "ORGANISATION"
                             and actors[a].sector == "BUS")
    if kind == "ministry":
        return salience.best(number, lambda a: a in actors and actors[a].type == "ORGANISATION"
                             and any(w in actors[a].name.casefold() for w in _MINISTRY_WORDS))
    return []


def _speaker(doc: Doc, offset: int, clause: Clause | None) -> str | None:
    """Who "kita"/"we" is: the speaker of the statement or reported clause holding it."""
    for statement in _statements_at(doc, offset):
        if statement:
            return statement
    if clause is not None and clause.speaker is not None:
        return clause.speaker.actor
    return None


def _statements_at(doc: Doc, offset: int) -> list[str | None]:
    """Speakers of the statements holding `offset` (statements are sorted and seldom nested: the
    few starting last before it are looked at)."""
    cache = doc.private("grammar")
    starts: list[int] | None = cache.get("statement_starts")
    if starts is None:
        starts = cache["statement_starts"] = [s.start for s in doc.statements]
    i = bisect.bisect_right(starts, offset)
    return [s.speaker for s in doc.statements[max(0, i - 3):i] if s.start <= offset < s.end]
