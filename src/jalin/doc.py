"""The working document: normalised text with offsets, the records found so far, and the typed
hand-offs between layers.

Each extraction layer is a function `(doc) -> records`; the pipeline stores what it returns on
the doc, so a later layer reads the earlier layers' records from here. What a layer leaves for
later layers beyond its records is declared below, in one place, with its type (the pipeline says
which layer writes and which reads each field, and `jalin.extract.common.queries` reads them).
A layer's own per-document caches live in `doc.private(layer)`, which no other layer reads.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from jalin.lexicon import Lexicon
from jalin.model import (
    Actor,
    Agreement,
    DocumentInfo,
    Event,
    Gathering,
    Quantity,
    Span,
    Statement,
    TimeExpr,
)

if TYPE_CHECKING:
    from jalin.grammar.model import Grammar

# (start, end, ISO3, actor id) of an explicit country reference, in text order.
CountryRef = tuple[int, int, str, str]


class TimeReference(NamedTuple):
    """What relative times were resolved against: a full date when known, else only a year."""

    date: date | None
    year: int | None


class NumberScan(NamedTuple):
    """The times layer's anchor pass over `text`: digit runs and the quantities' number words, so
    the quantities layer need not scan the text again."""

    text: str
    words: list[tuple[int, int, str]]
    runs: list[tuple[int, int]]


@dataclass(slots=True)
class SpeechCue:
    """An attribution cue ("berkata", "said", "according to") and where it stands."""

    start: int
    end: int
    form: str
    position: str  # after | inverted | alone | prep | continue (see speech_verbs.tsv; "none" is dropped)


@dataclass(slots=True)
class Doc:
    text: str
    info: DocumentInfo
    lexicon: Lexicon
    published: date | None = None
    sentences: list[Span] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    # The layers' records (the contract), written by the pipeline from each layer's return value.
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    gatherings: list[Gathering] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    # Hand-offs between layers: None until the layer that writes them has run.
    country_refs: list[CountryRef] | None = None  # actors -> queries.countries_in
    time_reference: TimeReference | None = None  # times -> queries.reference_date / reference_year
    durations: list[tuple[int, int]] | None = None  # times -> quantities (a duration's number stays a count)
    number_scan: NumberScan | None = None  # times -> quantities (optional: quantities scans itself without)
    grammar: Grammar | None = None  # grammar -> events: clauses, arguments, references (jalin.grammar)
    # Shared look-ups computed on first use by extract.common (any layer may ask for them).
    word_keys: str | None = None  # common.matcher: the text keyed like the phrases
    speech_cues: list[SpeechCue] | None = None  # common.speech: attribution cues in text order
    speech_cue_starts: list[int] | None = None
    _private: dict[str, dict[str, Any]] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.info.language

    def private(self, layer: str) -> dict[str, Any]:
        """The per-document working state (caches) of one layer: only that layer reads or writes it."""
        found = self._private.get(layer)
        if found is None:
            found = self._private[layer] = {}
        return found

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding `offset` (the previous one when it falls between)."""
        if not self._starts:
            self._starts = [s.start for s in self.sentences]
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def sentence_text(self, index: int) -> str:
        span = self.sentences[index]
        return self.text[span.start:span.end]
