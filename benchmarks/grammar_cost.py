"""What the grammar layer costs: the whole pipeline with it against the pipeline without it, side by
side in one run over the same corpus documents (interleaved per document, so machine load falls on
both alike). Without it, the layers that read `doc.grammar` find None and fall back to their own
windows. Reports CPU ms per document of each, their ratio (budget: 1.3) and the layer's own ms/doc.
`python benchmarks/grammar_cost.py [N]` (the first N documents of bulk.jsonl, default 2000: all).
"""

from __future__ import annotations

import sys
import time
from typing import Any

from common import Skip, bulk_documents, figure, save
from jalin.doc import Doc
from jalin.lexicon import load_lexicon
from jalin.pipeline import LAYERS, to_analysis, warm_up
from jalin.read import RawDocument
from jalin.text import prepare

BUDGET = 1.3


def _run(raw: RawDocument, with_grammar: bool, lexicon: Any) -> tuple[float, float]:
    """(CPU seconds of the whole pipeline, of a full analysis of every sentence and reference) for
    one document; the full analysis is done after the pipeline, outside its time (the pipeline
    itself parses only the sentences a layer asks about)."""
    clock = time.process_time
    began = clock()
    doc: Doc = prepare(raw.text, published=raw.published, id=raw.id, title=raw.title, url=raw.url,
                       source=None, metadata={}, lexicon=lexicon)
    for layer in LAYERS:
        if layer.name == "grammar" and not with_grammar:
            continue
        setattr(doc, layer.name, layer.run(doc))
    to_analysis(doc).to_json()
    total = clock() - began
    full = 0.0
    if with_grammar and doc.grammar is not None:
        at = clock()
        doc.grammar.references  # noqa: B018 - parses every sentence, then resolves
        full = clock() - at
    return total, full


def run(documents: list[RawDocument] | None = None, limit: int = 2000) -> dict[str, Any]:
    chosen = (documents if documents is not None else bulk_documents())[:limit]
    warm_up()
    lexicon = load_lexicon()
    with_total = without_total = full_total = 0.0
    for n, raw in enumerate(chosen):
        # alternate which goes first, so neither gets the warmer caches every time
        order = (True, False) if n % 2 == 0 else (False, True)
        for with_grammar in order:
            total, full = _run(raw, with_grammar, lexicon)
            if with_grammar:
                with_total += total
                full_total += full
            else:
                without_total += total
    count = len(chosen)
    ratio = with_total / without_total if without_total else 0.0
    layer_ms = 1000 * (with_total - without_total) / count
    return {
        "figures": [
            figure("pipeline with grammar / without", ratio, "x", "<=", BUDGET),
            figure("grammar layer in the pipeline", layer_ms, "ms/doc"),
            figure("grammar: every sentence parsed", 1000 * full_total / count, "ms/doc"),
        ],
        "documents": count,
        "ms_per_doc_with": 1000 * with_total / count,
        "ms_per_doc_without": 1000 * without_total / count,
        "ms_per_doc_grammar_layer": layer_ms,
        "ms_per_doc_full_parse": 1000 * full_total / count,
        "ratio": ratio,
        "budget": BUDGET,
    }


def summary(result: dict[str, Any]) -> str:
    return (f"grammar cost: {result['documents']} docs, with {result['ms_per_doc_with']:.1f} ms/doc, "
            f"without {result['ms_per_doc_without']:.1f} ms/doc, ratio {result['ratio']:.3f} "
            f"(budget {BUDGET}), grammar layer {result['ms_per_doc_grammar_layer']:.2f} ms/doc in the "
            f"pipeline, {result['ms_per_doc_full_parse']:.1f} ms/doc to parse every sentence")


def main() -> int:
    try:
        result = run(limit=int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
    except Skip as skip:
        print(f"grammar cost: {skip}")
        return 0
    path = save("grammar_cost", result)
    print(f"{summary(result)} -> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
