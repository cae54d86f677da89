"""The working document: normalised text with offsets, plus the records found so far.

Each extraction layer is a function `(doc) -> records`; the pipeline stores what it returns on
the doc, so a later layer reads the earlier layers' records from here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

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


@dataclass(slots=True)
class Doc:
    text: str
    info: DocumentInfo
    lexicon: Lexicon
    published: date | None = None
    sentences: list[Span] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    gatherings: list[Gathering] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    # Clauses, arguments and references (jalin.grammar), read by the layers after it.
    grammar: Grammar | None = None
    # Layer-to-layer working state that is not part of the contract (e.g. pronoun links).
    notes: dict[str, Any] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.info.language

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding `offset` (the previous one when it falls between)."""
        if not self._starts:
            self._starts = [s.start for s in self.sentences]
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def sentence_text(self, index: int) -> str:
        span = self.sentences[index]
        return self.text[span.start:span.end]
