"""The grammar layer: runs once, after the actors and statements (the resolver needs both), and
gives every later layer the document's chunks, clauses and references as `doc.grammar`."""

from __future__ import annotations

from jalin.doc import Doc
from jalin.grammar.chunks import chunk
from jalin.grammar.clauses import clauses_of
from jalin.grammar.model import Grammar, Phrase
from jalin.grammar.references import resolve
from jalin.grammar.words import words_of


def extract(doc: Doc) -> Grammar:
    """Words, chunks, clauses and references of the whole document."""
    grammar = Grammar()
    if not doc.text or not doc.sentences:
        return grammar
    mentions = _outer_mentions(doc)
    m = 0
    for number, span in enumerate(doc.sentences):
        words = words_of(doc.lexicon, doc.text, span.start, span.end, doc.language)
        while m < len(mentions) and mentions[m][1] <= span.start:
            m += 1
        n = m
        while n < len(mentions) and mentions[n][0] < span.end:
            n += 1
        units = chunk(words, mentions[m:n], doc.language)
        grammar.words.extend(words)
        grammar.phrases.extend(u for u in units if isinstance(u, Phrase))
        grammar.clauses.extend(clauses_of(units, number, span.start, span.end, len(grammar.clauses)))
    grammar.references = resolve(doc, grammar.clauses, grammar.phrases)
    return grammar


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
