"""How the cost grows with the text: distinct real articles joined into longer documents.

Repeating one article cannot show a cost that grows with the number of distinct entities (people,
quotes, agreements), so the documents here are different articles of bulk.jsonl joined with blank
lines between them, in corpus order:

- 1x / 4x / 16x: `GROUPS` groups of 16 consecutive articles; each article analysed alone, then each
  run of 4 joined into one document, then all 16 joined. The figure is the CPU time of the joined
  documents over the time of the same articles one by one (1.0 = linear).
- corpus size: the first articles whose joined text reaches 1,000,000 characters, as one document,
  against the same articles one by one (target <= 1.5x).

Each stage's share is saved for the 1M-character document against its articles (`stages`: the
text layer, each layer, JSON; growth = joined / one by one), so a miss says where it grows.
"""

from __future__ import annotations

import time
from typing import Any

from common import Skip, bulk_documents, figure, save
from jalin.batch import analyze_raw
from jalin.lexicon import load_lexicon
from jalin.pipeline import LAYERS, to_analysis, warm_up
from jalin.read import RawDocument
from jalin.text import prepare

GROUPS = 8
GROUP = 16
MILLION = 1_000_000
TARGET_JOINED = 1.5


def joined(articles: list[RawDocument], label: str) -> RawDocument:
    return RawDocument(
        text="\n\n".join(a.text for a in articles), origin=label, id=label, published=articles[0].published
    )


def cpu_of(documents: list[RawDocument]) -> float:
    began = time.process_time()
    for doc in documents:
        analyze_raw(doc).to_json()
    return time.process_time() - began


def stage_costs(documents: list[RawDocument]) -> dict[str, float]:
    """CPU seconds of each stage over the documents: the text layer, each layer, JSON."""
    lexicon = load_lexicon()
    clock = time.process_time
    totals: dict[str, float] = {}
    for raw in documents:
        began = clock()
        doc = prepare(
            raw.text,
            published=raw.published,
            id=raw.id,
            title=raw.title,
            url=raw.url,
            source=None,
            metadata={},
            lexicon=lexicon,
        )
        now = clock()
        totals["text"] = totals.get("text", 0.0) + now - began
        for layer in LAYERS:
            began = now
            setattr(doc, layer.name, layer.run(doc))
            now = clock()
            totals[layer.name] = totals.get(layer.name, 0.0) + now - began
        to_analysis(doc).to_json()
        totals["json"] = totals.get("json", 0.0) + clock() - now
    return totals


def articles(documents: list[RawDocument]) -> list[RawDocument]:
    """Distinct articles in corpus order (no two with the same text)."""
    seen: set[str] = set()
    kept = []
    for doc in documents:
        if doc.text not in seen and len(doc.text) >= 200:
            seen.add(doc.text)
            kept.append(doc)
    return kept


def run(documents: list[RawDocument] | None = None) -> dict[str, Any]:
    distinct = articles(documents if documents is not None else bulk_documents())
    if len(distinct) < GROUPS * GROUP:
        raise Skip(f"skipped: fewer than {GROUPS * GROUP} distinct articles")
    warm_up()
    cpu_of(distinct[:10])
    chosen = distinct[: GROUPS * GROUP]
    groups = [chosen[i : i + GROUP] for i in range(0, len(chosen), GROUP)]
    alone = cpu_of(chosen)
    fours = cpu_of(
        [joined(g[i : i + 4], f"four-{n}-{i}") for n, g in enumerate(groups) for i in range(0, GROUP, 4)]
    )
    sixteens = cpu_of([joined(g, f"sixteen-{n}") for n, g in enumerate(groups)])

    big: list[RawDocument] = []
    size = 0
    for doc in distinct:
        if size >= MILLION:
            break
        big.append(doc)
        size += len(doc.text) + 2
    whole = joined(big, "million")
    parts_cpu = cpu_of(big)
    whole_cpu = cpu_of([whole])
    stages_alone, stages_whole = stage_costs(big), stage_costs([whole])
    stages = {
        name: {
            "one_by_one_s": stages_alone[name],
            "joined_s": stages_whole.get(name, 0.0),
            "growth": stages_whole.get(name, 0.0) / stages_alone[name] if stages_alone[name] else None,
        }
        for name in stages_alone
    }
    result: dict[str, Any] = {
        "groups": GROUPS,
        "group": GROUP,
        "characters_per_article": sum(len(d.text) for d in chosen) // len(chosen),
        "cpu_s": {"1x": alone, "4x": fours, "16x": sixteens},
        "million": {
            "articles": len(big),
            "characters": len(whole.text),
            "one_by_one_s": parts_cpu,
            "joined_s": whole_cpu,
        },
        "stages": dict(sorted(stages.items(), key=lambda item: -(item[1]["growth"] or 0))),
    }
    grows = ", ".join(f"{k} {v['growth']:.1f}x" for k, v in list(result["stages"].items())[:3] if v["growth"])
    result["figures"] = [
        figure("4 distinct articles joined / one by one", fours / alone, "x", "<=", TARGET_JOINED),
        figure("16 distinct articles joined / one by one", sixteens / alone, "x", "<=", TARGET_JOINED),
        figure(
            f"1M-char document ({len(big)} articles) / one by one",
            whole_cpu / parts_cpu,
            "x",
            "<=",
            TARGET_JOINED,
            note=f"fastest-growing stages: {grows}",
        ),
    ]
    return result


def main() -> None:
    try:
        result = run()
    except Skip as skip:
        print(f"scaling: {skip}")
        return
    save("scaling", result)
    for row in result["figures"]:
        print(f"{row['name']}: {row['value']:.2f} {row['unit']} {row['note']}")
    for name, stage in result["stages"].items():
        print(
            f"  {name:12} one by one {stage['one_by_one_s']:.3f} s  joined {stage['joined_s']:.3f} s  "
            f"growth {stage['growth'] or 0:.2f}x"
        )


if __name__ == "__main__":
    main()
