"""The grammar layer: runs once, after the actors and statements (the resolver needs both), and
gives every later layer the document's chunks, clauses and references as `doc.grammar`, each
sentence analysed the first time a layer asks about it."""

from __future__ import annotations

import bisect

from jalin.doc import Doc
from jalin.grammar.chunks import chunk
from jalin.grammar.clauses import clauses_of
from jalin.grammar.model import Clause, Grammar, Phrase, Reference
from jalin.grammar.references import resolve
from jalin.grammar.words import Word, words_of


def extract(doc: Doc) -> Grammar:
    """The document's grammar: sentences are parsed when a layer first asks about them."""
    mentions = _outer_mentions(doc)
    starts = [start for start, _, _ in mentions]

    def parse(number: int) -> tuple[list[Word], list[Phrase], list[Clause]]:
        span = doc.sentences[number]
        words = words_of(doc.lexicon, doc.text, span.start, span.end, doc.language)
        lo = bisect.bisect_left(starts, span.start)
        hi = bisect.bisect_left(starts, span.end)
        units = chunk(words, mentions[lo:hi], doc.language)
        phrases = [u for u in units if isinstance(u, Phrase)]
        clauses = clauses_of(units, number, span.start, span.end)
        return words, phrases, clauses

    def resolve_all(clauses: list[Clause], phrases: list[Phrase]) -> list[Reference]:
        return resolve(doc, clauses, phrases)

    count = len(doc.sentences) if doc.text else 0
    return Grammar(count, doc.sentence_index, parse, resolve_all)


def _outer_mentions(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of every actor mention not nested in a longer one, in text order."""
    spans = sorted(((m.start, m.end, a.id) for a in doc.actors for m in a.mentions),
                   key=lambda s: (s[0], -s[1], s[2]))
    kept: list[tuple[int, int, str]] = []
    reach = -1
    for span in spans:
        if span[1] <= reach or (kept and span[0] < kept[-1][1]):
            continue
        kept.append(span)
        reach = span[1]
    return kept
