"""Run every benchmark and print one summary line each (`make bench`); results JSON in results/.

Reads ../shared/corpus at run time (the repository root's parent); each benchmark that cannot run
says why ("skipped: ...") and the others go on. Targets are reported, never asserted.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import dask_speedup
import grammar_cost
import memory
import scaling
import spacy_baseline
import store
import throughput
from common import RESULTS, Skip, bulk_documents, save


def attempt(label: str, function: Callable[[], dict[str, Any]]) -> dict[str, Any] | None:
    try:
        return function()
    except Skip as skip:
        print(f"{label}: {skip}", flush=True)
    except Exception as exc:  # one broken benchmark must not hide the others' figures
        print(f"{label}: failed: {type(exc).__name__}: {exc}", flush=True)
    return None


def main() -> int:
    began = time.perf_counter()
    try:
        documents = bulk_documents()
    except Skip as skip:
        print(f"benchmarks: {skip}")
        return 0
    everything: dict[str, Any] = {}

    result = attempt("throughput", lambda: throughput.run(documents))
    if result:
        everything["throughput"] = result
        print(throughput.summary(result), flush=True)
    jalin_rate = result["jalin_docs_per_s_per_core"] if result else None

    result = attempt("spaCy baseline", lambda: spacy_baseline.run(documents, jalin_rate))
    if result:
        everything["spacy_baseline"] = result
        print(spacy_baseline.summary(result), flush=True)

    if "throughput" in everything:
        print(throughput.regex_summary(everything["throughput"]), flush=True)

    result = attempt("grammar cost", lambda: grammar_cost.run(documents))
    if result:
        everything["grammar_cost"] = result
        print(grammar_cost.summary(result), flush=True)

    result = attempt("scaling", lambda: scaling.run(documents))
    if result:
        everything["scaling"] = result
        print(scaling.summary(result), flush=True)

    for name, module, label in ((("dask_speedup", dask_speedup, "dask")), ("store", store, "store"),
                                ("memory", memory, "memory")):
        result = attempt(label, module.run)
        if result:
            everything[name] = result
            print(module.summary(result), flush=True)

    everything["seconds"] = time.perf_counter() - began
    path = save("all", everything)
    print(f"results: {path.relative_to(RESULTS.parent.parent)} ({everything['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
