"""Runs the layers in order over one document: the pure per-document function behind `analyze`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from jalin.doc import Doc
from jalin.extract import gatherings, quantities, statements, topics
from jalin.extract.actors import layer as actors
from jalin.extract.agreements import layer as agreements
from jalin.extract.events import layer as events
from jalin.extract.times import layer as times
from jalin.language import preload
from jalin.lexicon import load_lexicon
from jalin.model import SCHEMA_ID, Analysis, DocumentInfo
from jalin.text import prepare

# (attribute on Doc, layer function). Order matters: a layer may read what earlier ones found.
LAYERS: tuple[tuple[str, Callable[[Doc], Any]], ...] = (
    ("actors", actors.extract),
    ("statements", statements.extract),
    ("times", times.extract),
    ("quantities", quantities.extract),
    ("events", events.extract),
    ("agreements", agreements.extract),
    ("gatherings", gatherings.extract),
    ("topics", topics.extract),
)


def analyze(
    text: str,
    *,
    published: str | date | None = None,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    metadata: dict[str, Any] | None = None,
    lexicon_dirs: Iterable[str | Path] = (),
) -> Analysis:
    """Analyse one document. Pure and deterministic: same inputs, same JSON, byte for byte."""
    doc = prepare(
        text,
        published=published,
        id=id,
        title=title,
        url=url,
        source=source,
        metadata=metadata or {},
        lexicon=load_lexicon(lexicon_dirs),
    )
    for name, layer in LAYERS:
        setattr(doc, name, layer(doc))
    return to_analysis(doc)


def to_analysis(doc: Doc) -> Analysis:
    info: DocumentInfo = doc.info
    return Analysis(
        schema=SCHEMA_ID,
        document=info,
        text=doc.text,
        sentences=doc.sentences,
        actors=doc.actors,
        statements=doc.statements,
        events=doc.events,
        agreements=doc.agreements,
        gatherings=doc.gatherings,
        quantities=doc.quantities,
        times=doc.times,
        topics=doc.topics,
    )


# Made-up wire copy in both languages that reaches every layer, so that each lazily built matcher
# is compiled before the first real document arrives.
_WARM_UP = (
    ("BANGKOK, 12 Mac (Bernama) -- Thailand dan Filipina menandatangani satu perjanjian latihan "
     "ketenteraan di ibu negara itu semalam, kata Panglima Tentera Darat. \"Kami akan menghantar 300 "
     "anggota untuk latihan bersama pada Jun 2026,\" katanya kepada pemberita semasa persidangan itu. "
     "-- BERNAMA"),
    ("CANBERRA, March 12 -- Australia and Vietnam agreed on Tuesday to start talks on a maritime "
     "security framework worth about A$200 million, the foreign ministry said. \"We expect to sign the "
     "deal by the end of next year,\" the minister told a conference in Hanoi."),
)


def warm_up(lexicon_dirs: Iterable[str | Path] = ()) -> None:
    """Load the lexicon, lingua's models and every layer's matchers in this process, now.

    A worker calls it when it starts, so that no document pays for set-up (lingua's models take
    seconds, and only the few unclear texts would reach them)."""
    lexicon_dirs = tuple(lexicon_dirs)
    preload(load_lexicon(lexicon_dirs))
    for text in _WARM_UP:
        analyze(text, published="2026-03-12", lexicon_dirs=lexicon_dirs)
