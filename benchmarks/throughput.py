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
from jalin.batch import analyze_raw, warm_up
from jalin.read import RawDocument

WORD = re.compile(r"\w+")
TARGET_DOCS_PER_S = 1000
TARGET_REGEX_RATIO = 10.0


def regex_pass(texts: list[str]) -> int:
    return sum(len(WORD.findall(text)) for text in texts)


def pipeline_pass(documents: list[RawDocument], latencies: list[float]) -> int:
    clock = time.perf_counter
    for doc in documents:
        began = clock()
        analyze_raw(doc)
        latencies.append(clock() - began)
    return len(documents)


def run(documents: list[RawDocument] | None = None) -> dict[str, Any]:
    documents = documents if documents is not None else bulk_documents()
    texts = [d.text for d in documents]
    warm_up()
    for doc in documents[:20]:
        analyze_raw(doc)
    latencies: list[float] = []
    count, cpu, wall = cpu_timed(lambda: pipeline_pass(documents, latencies))
    tokens, regex_cpu, regex_wall = cpu_timed(lambda: regex_pass(texts))
    jalin_rate, regex_rate = rate(count, cpu), rate(len(texts), regex_cpu)
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
        "regex_docs_per_s": regex_rate,
        "regex_tokens": tokens,
        "regex_wall_s": regex_wall,
        "regex_over_jalin": regex_rate / jalin_rate,
        "target_docs_per_s": TARGET_DOCS_PER_S,
        "target_regex_ratio": TARGET_REGEX_RATIO,
    }


def summary(result: dict[str, Any]) -> str:
    return (f"throughput: {result['jalin_docs_per_s_per_core']:,.0f} docs/s per core "
            f"(target >= {TARGET_DOCS_PER_S:,}; p50 {result['jalin_ms_per_doc_p50']:.2f} ms, "
            f"p99 {result['jalin_ms_per_doc_p99']:.2f} ms per doc, {result['documents']} docs)")


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
