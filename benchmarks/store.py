"""Store ingest documents/s, and dashboard-query latency on a store of one million events.

1. Real ingest: bulk.jsonl analysed first (untimed), then `Store.add_analyses` into a fresh store in
   batches; documents/s. Target >= 5,000 documents/s.
2. The big store: synthetic documents made by recombining corpus sentences (10 sentences, three
   country actors, ten events, one agreement between two of those countries, every other one with an
   expected signing date), inserted directly as analyses (nothing is
   analysed) until there are one million events; documents/s and events/s of that ingest.
3. The dashboard's queries on it (timeline of a country pair, actors of a country, a page of
   agreements by status, of a country, overdue, full-text search, counts), each repeated
   with varied parameters: p50 and p95 in ms, and how many rows the last call returned (a query
   that finds nothing is fast for the wrong reason). Target p95 < 100 ms.

Uses `jalin.open_store` (the store issue); prints "skipped: store not available" until it exists.
`python benchmarks/store.py --events N` builds a smaller store for a quick look.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from common import Skip, bulk_documents, rate, save
from jalin.batch import analyze_raw
from jalin.lexicon import load_lexicon
from jalin.model import MODALITIES, PLOVER_TYPES, SCHEMA_ID, Analysis
from jalin.read import RawDocument
from jalin.text import normalise, split_sentences

EVENTS = 1_000_000
SENTENCES_PER_DOC = 10
EVENTS_PER_DOC = 10
BATCH = 2_000
QUERY_REPEATS = 20
PAGE = 50  # rows a dashboard list shows at once
TARGET_INGEST = 5_000
TARGET_P95_MS = 100
COUNTRIES = ("MYS", "IDN", "SGP", "THA", "PHL", "VNM", "BRN", "KHM", "LAO", "MMR", "KOR", "JPN", "CHN",
             "IND", "AUS", "USA", "GBR", "FRA", "DEU", "TUR", "RUS", "PAK", "SAU", "ARE", "NZL")
AGREEMENT_STATUSES = ("proposed", "negotiating", "approved", "signed", "in_force", "implemented")
WORDS = ("kerjasama", "pertahanan", "defence", "cooperation", "latihan", "training", "menteri", "minister")


def open_store_or_skip() -> Callable[[str], Any]:
    try:
        from jalin import open_store  # type: ignore[attr-defined]
    except ImportError as exc:
        raise Skip("skipped: store not available") from exc
    return open_store  # type: ignore[no-any-return]


def analyses_of(documents: list[RawDocument]) -> Iterator[Analysis]:
    """The analyses of the documents the pipeline gets through (a document that raises is left out)."""
    for doc in documents:
        try:
            yield analyze_raw(doc)
        except Exception:
            continue


def sentence_pool(documents: list[RawDocument]) -> list[str]:
    lexicon = load_lexicon()
    pool = []
    for doc in documents:
        text = normalise(doc.text)
        spans = split_sentences(text, lexicon)
        pool.extend(text[s.start:s.end] for s in spans if 40 <= s.end - s.start <= 400)
    return pool


def synthetic_analysis(number: int, pool: list[str], rng: random.Random) -> Analysis:
    """A made-up but contract-valid analysis: corpus sentences recombined, records placed on them."""
    chosen = rng.sample(pool, SENTENCES_PER_DOC)
    text, spans, offset = "", [], 0
    for sentence in chosen:
        spans.append({"start": offset, "end": offset + len(sentence)})
        text += sentence + " "
        offset += len(sentence) + 1
    text = text.rstrip()
    codes = rng.sample(COUNTRIES, 3)
    actors = [{"id": f"a{i + 1}", "type": "COUNTRY", "name": code, "canonical": code, "country": code,
               "sector": None, "roles": [], "honorifics": [],
               "mentions": [{"start": spans[i]["start"], "end": spans[i]["start"] + 3,
                             "text": text[spans[i]["start"]:spans[i]["start"] + 3]}]}
              for i, code in enumerate(codes)]
    events = []
    for i in range(EVENTS_PER_DOC):
        span = spans[i % SENTENCES_PER_DOC]
        source, target = rng.sample(range(3), 2)
        events.append({"id": f"e{i + 1}", "type": rng.choice(PLOVER_TYPES), "cameo": None,
                       "source": [f"a{source + 1}"], "target": [f"a{target + 1}"],
                       "modality": rng.choice(MODALITIES), "modes": [], "context": [], "time": None,
                       "trigger": {"start": span["start"], "end": span["start"] + 4,
                                   "text": text[span["start"]:span["start"] + 4]},
                       "sentence": i % SENTENCES_PER_DOC})
    # Parties are ISO3 codes (the contract's agreement parties), so the by-country and by-status
    # queries find agreements; every other one expects its signing by a month, for the overdue query.
    year, month = rng.randint(2015, 2025), rng.randint(1, 12)
    times, milestones = [], []
    if number % 2:
        start = spans[1]["start"]
        cue = text[start:start + 8]
        times.append({"id": "t1", "text": cue, "value": f"{year}-{month:02d}", "granularity": "month",
                      "relation": "by", "start": start, "end": start + 8})
        milestones.append({"kind": "signing", "state": "expected", "time": "t1", "text": cue})
    agreement = {"id": "g1", "type": "mou", "label": f"MoU {codes[0]}-{codes[1]}",
                 "parties": sorted(codes[:2]), "status": rng.choice(AGREEMENT_STATUSES), "exclusive": None,
                 "milestones": milestones, "evidence": [spans[0]]}
    published = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
    return Analysis.from_dict({
        "schema": SCHEMA_ID,
        "document": {"id": f"synthetic-{number}", "source": "Synthetic", "published": published,
                     "dateline": None, "language": "ms", "title": None, "url": None},
        "text": text, "sentences": spans, "actors": actors, "statements": [], "events": events,
        "agreements": [agreement], "gatherings": [], "quantities": [], "times": times, "topics": [],
    })


def batches(items: Iterator[Analysis], size: int) -> Iterator[list[Analysis]]:
    batch: list[Analysis] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def timed_ingest(store: Any, analyses: Iterator[Analysis]) -> tuple[int, float, float]:
    """(documents, wall seconds, CPU seconds of add_analyses only: making the analyses is not
    timed; CPU is the figure to compare on a shared machine)."""
    count, seconds, cpu = 0, 0.0, 0.0
    for batch in batches(analyses, BATCH):
        began, began_cpu = time.perf_counter(), time.process_time()
        store.add_analyses(batch)
        seconds += time.perf_counter() - began
        cpu += time.process_time() - began_cpu
        count += len(batch)
    return count, seconds, cpu


def dashboard_queries(store: Any, rng: random.Random) -> dict[str, Callable[[], Any]]:
    def pair() -> tuple[str, str]:
        a, b = rng.sample(COUNTRIES, 2)
        return a, b

    return {
        "timeline": lambda: store.timeline(*pair(), by="month"),
        "actors": lambda: store.actors(country=rng.choice(COUNTRIES), limit=100),
        "agreements": lambda: store.agreements(status=rng.choice(AGREEMENT_STATUSES), limit=PAGE),
        "agreements_of_country": lambda: store.agreements(country=rng.choice(COUNTRIES), limit=PAGE),
        "overdue": lambda: store.agreements(overdue=True, as_of="2025-06-30", limit=PAGE),
        "search": lambda: store.search(rng.choice(WORDS), limit=20),
        "counts": lambda: store.counts(),
    }


def query_latencies(store: Any, rng: random.Random) -> dict[str, dict[str, float]]:
    """p50/p95 ms of each dashboard query, and the rows its last call returned."""
    out = {}
    for name, query in dashboard_queries(store, rng).items():
        times = []
        rows: Any = None
        for _ in range(QUERY_REPEATS):
            began = time.perf_counter()
            rows = query()
            times.append(1000 * (time.perf_counter() - began))
        times.sort()
        out[name] = {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))],
                     "rows_last_call": len(rows)}
    return out


def run(events: int = EVENTS) -> dict[str, Any]:
    open_store = open_store_or_skip()
    documents = bulk_documents()
    rng = random.Random(20250922)
    real = list(analyses_of(documents))
    pool = sentence_pool(documents)
    result: dict[str, Any] = {"target_ingest_docs_per_s": TARGET_INGEST, "target_p95_ms": TARGET_P95_MS}
    with tempfile.TemporaryDirectory(prefix="jalin-bench-") as folder:
        store = open_store(str(Path(folder) / "real.db"))
        count, seconds, cpu = timed_ingest(store, iter(real))
        store.close()
        result["real_ingest"] = {"documents": count, "seconds": seconds, "cpu_seconds": cpu,
                                 "docs_per_s": rate(count, seconds), "docs_per_cpu_s": rate(count, cpu)}
        store = open_store(str(Path(folder) / "big.db"))
        wanted = -(-events // EVENTS_PER_DOC)
        count, seconds, cpu = timed_ingest(store, (synthetic_analysis(n, pool, rng) for n in range(wanted)))
        result["synthetic_ingest"] = {"documents": count, "events": count * EVENTS_PER_DOC,
                                      "seconds": seconds, "cpu_seconds": cpu,
                                      "docs_per_s": rate(count, seconds), "docs_per_cpu_s": rate(count, cpu),
                                      "events_per_s": rate(count * EVENTS_PER_DOC, seconds)}
        result["store_counts"] = store.counts()
        result["queries"] = query_latencies(store, rng)
        store.close()
        result["db_mb"] = (Path(folder) / "big.db").stat().st_size / 2**20
    result["worst_p95_ms"] = max(q["p95_ms"] for q in result["queries"].values())
    return result


def summary(result: dict[str, Any]) -> str:
    worst = max(result["queries"], key=lambda q: result["queries"][q]["p95_ms"])
    real, synthetic = result["real_ingest"], result["synthetic_ingest"]
    return (f"store: ingest {real['docs_per_s']:,.0f} docs/s real ({real['docs_per_cpu_s']:,.0f} per CPU s), "
            f"{synthetic['docs_per_s']:,.0f} docs/s synthetic ({synthetic['docs_per_cpu_s']:,.0f} per CPU s) "
            f"(target >= {TARGET_INGEST:,}); {result['synthetic_ingest']['events']:,} events: "
            f"query p95 worst {result['worst_p95_ms']:.1f} ms ({worst}) (target < {TARGET_P95_MS} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=EVENTS)
    args = parser.parse_args()
    try:
        result = run(args.events)
    except Skip as skip:
        print(f"store: {skip}")
        return
    save("store", result)
    print(summary(result))


if __name__ == "__main__":
    main()
