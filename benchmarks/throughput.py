"""Documents/s per core of the full `analyze` pipeline on bulk.jsonl, against one regex word pass.

Single process. The per-core figure uses this process's CPU time (robust when other jobs share the
machine); wall-clock figures are saved too. In the same run, one regex word-tokenising pass over the
same texts gives the practical limit; the ratio says how many times slower the pipeline is (target
within 10x). Also issue 2's yardstick: `python benchmarks/throughput.py`.
"""

from __future__ import annotations

import re
import statistics
import time
from typing import Any

from common import Skip, bulk_documents, cpu_timed, rate, save
from jalin.batch import analyze_raw
from jalin.language import identify_language
from jalin.lexicon import load_lexicon
from jalin.pipeline import LAYERS, to_analysis, warm_up
from jalin.read import RawDocument
from jalin.sentences import split_sentences
from jalin.text import normalise, prepare

WORD = re.compile(r"\w+")
TARGET_DOCS_PER_S = 1000
TARGET_REGEX_RATIO = 10.0


def regex_pass(texts: list[str]) -> int:
    return sum(len(WORD.findall(text)) for text in texts)


def pipeline_pass(documents: list[RawDocument], latencies: list[float], errors: dict[str, str]) -> int:
    """Analyse every document; one that raises is timed all the same and its error kept by id."""
    clock = time.perf_counter
    for doc in documents:
        began = clock()
        try:
            analyze_raw(doc)
        except Exception as exc:
            errors[doc.id or doc.origin] = f"{type(exc).__name__}: {exc}"
        latencies.append(clock() - began)
    return len(documents)


def stage_costs(documents: list[RawDocument]) -> dict[str, float]:
    """CPU ms per document of each stage: the text layer's parts, `prepare` whole, each layer, JSON.

    The text layer's parts (normalise, language, sentences) are timed apart on the normalised
    text, then `prepare` as the pipeline calls it; a layer that raises ends that document's run.
    """
    lexicon = load_lexicon()
    clock = time.process_time
    totals: dict[str, float] = {}

    def add(name: str, began: float) -> float:
        now = clock()
        totals[name] = totals.get(name, 0.0) + now - began
        return now

    for raw in documents:
        began = clock()
        text = normalise(raw.text, lexicon)
        began = add("text.normalise", began)
        identify_language(text, lexicon)
        began = add("text.language", began)
        split_sentences(text, lexicon)
        began = add("text.sentences", began)
        doc = prepare(raw.text, published=raw.published, id=raw.id, title=raw.title, url=raw.url,
                      source=None, metadata={}, lexicon=lexicon)
        began = add("prepare (whole text layer)", began)
        try:
            for layer in LAYERS:
                setattr(doc, layer.name, layer.run(doc))
                began = add(layer.name, began)
            to_analysis(doc).to_json()
            add("to_json", began)
        except Exception:
            continue
    ordered = sorted(totals.items(), key=lambda item: -item[1])
    return {name: 1000 * seconds / len(documents) for name, seconds in ordered}


def growth(documents: list[RawDocument], times: int = 4, sample: int = 20) -> dict[str, float]:
    """Per stage: cost of the longest documents repeated `times` over, / `times` x their cost.

    1.0 is linear in the document's length; clearly above (1.3 is flagged) means a step that grows faster
    than the text, e.g. a scan over all earlier records for each new one.
    """
    longest = sorted(documents, key=lambda d: len(d.text), reverse=True)[:sample]
    longer = [RawDocument(text="\n\n".join([d.text] * times), origin=d.origin, id=d.id,
                          published=d.published) for d in longest]
    single, repeated = stage_costs(longest), stage_costs(longer)
    return {name: repeated[name] / (times * single[name]) for name in single
            if single[name] > 0.01 and name in repeated}


def run(documents: list[RawDocument] | None = None) -> dict[str, Any]:
    documents = documents if documents is not None else bulk_documents()
    texts = [d.text for d in documents]
    warm_up()
    pipeline_pass(documents[:20], [], {})
    latencies: list[float] = []
    errors: dict[str, str] = {}
    count, cpu, wall = cpu_timed(lambda: pipeline_pass(documents, latencies, errors))
    tokens, regex_cpu, regex_wall = cpu_timed(lambda: regex_pass(texts))
    jalin_rate, regex_rate = rate(count, cpu), rate(len(texts), regex_cpu)
    stages = stage_costs(documents)
    grows = growth(documents)
    ordered = sorted(latencies)
    slowest = max(range(len(latencies)), key=latencies.__getitem__)
    return {
        "documents": count,
        "characters": sum(len(t) for t in texts),
        "jalin_docs_per_s_per_core": jalin_rate,
        "jalin_docs_per_s_wall": rate(count, wall),
        "jalin_ms_per_doc_p50": 1000 * statistics.median(ordered),
        "jalin_ms_per_doc_p99": 1000 * ordered[int(0.99 * (len(ordered) - 1))],
        "jalin_slowest_doc": {"id": documents[slowest].id, "ms": 1000 * latencies[slowest],
                              "chars": len(texts[slowest])},
        "stage_ms_per_doc": stages,
        "stage_growth_4x_text": grows,
        "failed_documents": len(errors),
        "errors": dict(sorted(errors.items())[:20]),
        "regex_docs_per_s": regex_rate,
        "regex_tokens": tokens,
        "regex_wall_s": regex_wall,
        "regex_over_jalin": regex_rate / jalin_rate,
        "target_docs_per_s": TARGET_DOCS_PER_S,
        "target_regex_ratio": TARGET_REGEX_RATIO,
    }


def summary(result: dict[str, Any]) -> str:
    top = [(k, v) for k, v in result["stage_ms_per_doc"].items() if not k.startswith("text.")][:3]
    superlinear = ", ".join(f"{k} {v:.1f}x" for k, v in sorted(result["stage_growth_4x_text"].items(),
                                                                 key=lambda item: -item[1]) if v >= 1.3)
    return (f"throughput: {result['jalin_docs_per_s_per_core']:,.0f} docs/s per core "
            f"(target >= {TARGET_DOCS_PER_S:,}; p50 {result['jalin_ms_per_doc_p50']:.2f} ms, "
            f"p99 {result['jalin_ms_per_doc_p99']:.2f} ms per doc, {result['documents']} docs"
            + (f"; {result['failed_documents']} RAISED, see results/throughput-latest.json"
               if result["failed_documents"] else "")
            + "; costliest: " + ", ".join(f"{k} {v:.2f} ms" for k, v in top)
            + (f"; faster than linear at 4x text: {superlinear}" if superlinear else "") + ")")


def regex_summary(result: dict[str, Any]) -> str:
    return (f"regex pass: {result['regex_docs_per_s']:,.0f} docs/s; Jalin is "
            f"{result['regex_over_jalin']:.1f}x slower (target within {TARGET_REGEX_RATIO:.0f}x)")


def main() -> None:
    try:
        result = run()
    except Skip as skip:
        print(f"throughput: {skip}")
        return
    save("throughput", result)
    print(summary(result))
    print(regex_summary(result))


if __name__ == "__main__":
    main()
