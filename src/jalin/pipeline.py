"""Runs the layers in order over one document: the pure per-document function behind `analyze`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jalin.doc import Doc
from jalin.extract import gatherings, quantities, statements, topics
from jalin.extract.actors import layer as actors
from jalin.extract.agreements import layer as agreements
from jalin.extract.events import layer as events
from jalin.extract.times import layer as times
from jalin.grammar import layer as grammar
from jalin.language import preload
from jalin.lexicon import load_lexicon
from jalin.model import SCHEMA_ID, Analysis, DocumentInfo
from jalin.text import prepare, without_surrogates


class PipelineOrderError(RuntimeError):
    """A layer is placed before a layer whose output it reads."""


@dataclass(frozen=True, slots=True)
class Layer:
    """One extraction layer: what it reads from the `Doc` and what it writes there.

    `run(doc)` returns the layer's records, which the pipeline stores as `doc.<name>`; `writes`
    names that field and the typed hand-offs the layer sets itself (declared in `jalin.doc`);
    `reads` names the fields of earlier layers it reads (directly or through
    `jalin.extract.common.queries`). The text layer's fields (text, sentences, published, ...) are
    there before any layer runs.
    """

    name: str
    run: Callable[[Doc], Any]
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()


def check_order(layers: Sequence[Layer]) -> None:
    """Raise `PipelineOrderError` naming the first layer that reads a field no earlier layer wrote."""
    written: set[str] = set()
    for layer in layers:
        missing = [field for field in layer.reads if field not in written]
        if missing:
            raise PipelineOrderError(
                f"the {layer.name} layer reads {', '.join(missing)}, which no layer before it writes"
            )
        written.update((layer.name, *layer.writes))


# In order: a layer reads only what earlier ones wrote (checked below, when the module loads).
LAYERS: tuple[Layer, ...] = (
    Layer("actors", actors.extract, reads=(), writes=("actors", "country_refs")),
    Layer("statements", statements.extract, reads=("actors",), writes=("statements",)),
    Layer("grammar", grammar.extract, reads=("actors", "statements"), writes=("grammar",)),
    Layer("times", times.extract, reads=(), writes=("times", "time_reference", "durations", "number_scan")),
    Layer("quantities", quantities.extract, reads=("times", "durations", "number_scan"),
          writes=("quantities",)),
    Layer("events", events.extract, reads=("actors", "statements", "grammar", "times"),
          writes=("events",)),
    # Agreements also write times: a bare month with a past milestone form reads back ("dimeterai pada
    # Julai" is last July), the sentence's tense the times layer could not see.
    Layer("agreements", agreements.extract,
          reads=("actors", "country_refs", "statements", "times", "quantities"),
          writes=("agreements", "times")),
    Layer("gatherings", gatherings.extract,
          reads=("actors", "country_refs", "times", "time_reference", "quantities"), writes=("gatherings",)),
    Layer("topics", topics.extract, reads=("events",), writes=("topics",)),
)
check_order(LAYERS)


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
    """Analyse one document. Pure and deterministic: same inputs, same JSON, byte for byte.

    Lone UTF-16 surrogates (which no UTF-8 output can hold) become U+FFFD in every string given."""
    text, id, title, url, source = (
        without_surrogates(v) if isinstance(v, str) else v for v in (text, id, title, url, source))
    doc = prepare(
        text,
        published=published,
        id=id,
        title=title,
        url=url,
        source=source,
        metadata=without_surrogates(metadata or {}),
        lexicon=load_lexicon(lexicon_dirs),
    )
    for layer in LAYERS:
        setattr(doc, layer.name, layer.run(doc))
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
