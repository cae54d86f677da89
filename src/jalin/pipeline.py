"""Runs the layers in order over one document: the pure per-document function behind `analyze`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from jalin.doc import Doc
from jalin.extract import (
    actors,
    agreements,
    events,
    gatherings,
    quantities,
    statements,
    times,
    topics,
)
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
