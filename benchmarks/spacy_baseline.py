"""spaCy baseline: a blank tokenizer plus an EntityRuler holding Jalin's own gazetteer phrases.

The phrases are read from Jalin's lexicon tables (countries, organisations, roles: whichever exist
when run) through `load_lexicon().table(...)`, so the baseline grows with the lexicons. Only
phrase-like cells go in (codes such as ISO3 or sector columns, and enum-like columns whose values
repeat, are left out). In the same run Jalin's full pipeline is timed on the same texts; the ratio
Jalin/spaCy is the target (>= 0.5: at least half spaCy's speed while doing every layer).
Needs the `bench` extra (`pip install -e '.[bench]'`); no model is downloaded (blank pipeline).
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from common import Skip, bulk_documents, cpu_timed, rate, save
from jalin.lexicon import load_lexicon, split_cell
from jalin.read import RawDocument

GAZETTEERS = {"countries": "GPE", "organisations": "ORG", "organizations": "ORG", "roles": "ROLE"}
TARGET_RATIO = 0.5
_CODE = re.compile(r"[A-Z0-9_]{1,4}")


def phrases(table: list[dict[str, str]]) -> list[str]:
    """The phrase cells of a lexicon table: names and aliases, not the key codes or enum columns."""
    if not table:
        return []
    found: set[str] = set()
    for position, column in enumerate(table[0]):
        values = [v for row in table for v in split_cell(row.get(column, ""))]
        if not values or len(set(values)) * 2 < len(values):  # an enum-like column (type, sector)
            continue
        if position == 0 and all(_CODE.fullmatch(v) for v in values):  # a key of codes (ISO3)
            continue
        found.update(values)
    return sorted(found)


def gazetteer_patterns() -> tuple[list[dict[str, str]], dict[str, int]]:
    lexicon = load_lexicon()
    available = set(lexicon.names())
    patterns: list[dict[str, str]] = []
    counts: dict[str, int] = {}
    for name, label in GAZETTEERS.items():
        if name in available:
            found = phrases(lexicon.table(name))
            counts[name] = len(found)
            patterns.extend({"label": label, "pattern": p} for p in found)
    return patterns, counts


def spacy_pass(texts: list[str], patterns: list[dict[str, str]]) -> int:
    import spacy

    nlp = spacy.blank("ms")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(patterns)
    with warnings.catch_warnings():  # W036, "no patterns", while no gazetteer table exists yet
        warnings.simplefilter("ignore", UserWarning)
        return sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=256))


def run(documents: list[RawDocument] | None = None, jalin_rate: float | None = None) -> dict[str, Any]:
    try:
        import spacy  # noqa: F401
    except ImportError as exc:
        raise Skip("skipped: spaCy not installed (pip install -e '.[bench]')") from exc
    documents = documents if documents is not None else bulk_documents()
    texts = [d.text for d in documents]
    patterns, counts = gazetteer_patterns()
    spacy_pass(texts[:20], patterns)  # warm-up: vocab, pattern compilation
    entities, cpu, _ = cpu_timed(lambda: spacy_pass(texts, patterns))
    spacy_rate = rate(len(texts), cpu)
    if jalin_rate is None:
        import throughput

        jalin_rate = throughput.run(documents)["jalin_docs_per_s_per_core"]
    return {
        "documents": len(texts),
        "phrases": counts,
        "spacy_entities": entities,
        "spacy_docs_per_s_per_core": spacy_rate,
        "jalin_docs_per_s_per_core": jalin_rate,
        "jalin_over_spacy": jalin_rate / spacy_rate,
        "target_ratio": TARGET_RATIO,
    }


def summary(result: dict[str, Any]) -> str:
    tables = ", ".join(f"{k} {v}" for k, v in result["phrases"].items())
    tables = f"phrases: {tables}" if tables else "no gazetteer table yet"
    return (f"spaCy baseline: {result['spacy_docs_per_s_per_core']:,.0f} docs/s ({tables}); "
            f"Jalin/spaCy = {result['jalin_over_spacy']:.2f} (target >= {TARGET_RATIO})")


def main() -> None:
    try:
        result = run()
    except Skip as skip:
        print(f"spaCy baseline: {skip}")
        return
    save("spacy_baseline", result)
    print(summary(result))


if __name__ == "__main__":
    main()
