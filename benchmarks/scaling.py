"""How each stage's cost grows with the length of a document: the same documents repeated 1x, 4x, 16x.

A stage that is linear in the text costs 4x as much on a text 4 times as long: its growth
`cost(4x) / (4 * cost(1x))` is 1.0, and so is `cost(16x) / (4 * cost(4x))`. Clearly above (>= 1.3
is flagged) means a step that grows faster than the text, e.g. a scan over all quotes for each
sentence, or over all earlier records for each new one; a fixed cost per document makes the first
ratio read low, so the second (16x against 4x) is the one to watch. CPU time per stage as
`throughput.stage_costs` measures it; the documents are the `SAMPLE` longest of bulk.jsonl (where a
quadratic step shows first), each repeated with blank lines between.
`python benchmarks/scaling.py` prints the table; results JSON in results/.
"""

from __future__ import annotations

from typing import Any

from common import Skip, bulk_documents, save
from jalin.pipeline import warm_up
from jalin.read import RawDocument
from throughput import stage_costs

TIMES = (1, 4, 16)
SAMPLE = 20
FLAG = 1.3
MIN_MS = 0.005  # stages cheaper than this at 1x are too small to time reliably


def repeated(documents: list[RawDocument], times: int) -> list[RawDocument]:
    return [RawDocument(text="\n\n".join([d.text] * times), origin=d.origin, id=d.id,
                        published=d.published) for d in documents]


def longest(documents: list[RawDocument], sample: int = SAMPLE) -> list[RawDocument]:
    return sorted(documents, key=lambda d: (-len(d.text), d.origin))[:sample]


def run(documents: list[RawDocument] | None = None) -> dict[str, Any]:
    chosen = longest(documents if documents is not None else bulk_documents())
    warm_up()
    stage_costs(chosen[:5])  # first calls out of the way
    costs = {times: stage_costs(repeated(chosen, times)) for times in TIMES}
    stages = [name for name, ms in costs[1].items() if ms >= MIN_MS]
    growth = {name: {f"{times}x": costs[times].get(name, 0.0) / (4 * costs[times // 4][name])
                     for times in TIMES[1:]} for name in stages}
    return {
        "documents": len(chosen),
        "characters_1x": sum(len(d.text) for d in chosen) // len(chosen),
        "ms_per_doc": {f"{times}x": costs[times] for times in TIMES},
        "growth": growth,
        "flag": FLAG,
    }


def table(result: dict[str, Any]) -> str:
    """One row per stage: CPU ms per document at 1x, 4x, 16x and each step's growth over linear."""
    ms = result["ms_per_doc"]
    lines = [f"{'stage':28} {'1x ms':>8} {'4x ms':>8} {'16x ms':>8} {'4x/1x':>7} {'16x/4x':>8}  "
             "(growth / linear)"]
    for name, grows in sorted(result["growth"].items(), key=lambda item: -item[1]["16x"]):
        flag = "  <- faster than linear" if grows["16x"] >= result["flag"] else ""
        lines.append(f"{name:28} {ms['1x'][name]:8.3f} {ms['4x'].get(name, 0.0):8.3f} "
                     f"{ms['16x'].get(name, 0.0):8.3f} {grows['4x']:7.2f} {grows['16x']:8.2f}{flag}")
    return "\n".join(lines)


def summary(result: dict[str, Any]) -> str:
    flagged = [(name, grows["16x"]) for name, grows in result["growth"].items()
               if grows["16x"] >= result["flag"]]
    flagged.sort(key=lambda item: -item[1])
    return (f"scaling: {result['documents']} documents of ~{result['characters_1x']:,} chars repeated "
            f"1x/4x/16x; " + (", ".join(f"{name} {g:.1f}x linear from 4x to 16x" for name, g in flagged)
                               if flagged else "every stage within 1.3x of linear"))


def main() -> None:
    try:
        result = run()
    except Skip as skip:
        print(f"scaling: {skip}")
        return
    save("scaling", result)
    print(table(result))
    print(summary(result))


if __name__ == "__main__":
    main()
