"""`make bench`: every benchmark `--runs` times, then one table: figure, target, min, median, max, met.

Reads ../shared/corpus at run time (the repository root's parent). The archive store (one million
events) is built once and read by every run; everything else is measured anew in each run. A
benchmark that cannot run says why and the others go on. "met" is judged on the median of the runs
(a figure with an alternative target, such as "or within 10% of the ceiling", on each run's own
verdict, by majority). The table and every run's full results go to benchmarks/results/ as JSON.
Targets are reported here, never asserted in tests: the machine is shared, so a timing can only be
read, not enforced; ratios are measured against baselines in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import archive
import grammar_cost
import scaleout
import scaling
import startup
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


def _within(value: float, goal: str | None, bound: float | None) -> bool | None:
    if goal is None or bound is None or value != value:
        return None
    return {"<=": value <= bound, "<": value < bound, ">=": value >= bound, ">": value > bound}[goal]


def rows(runs: list[dict[str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """One row per figure: its values over the runs, in the order first seen, and its verdict: on the
    median when every run's verdict followed from the bound alone, else by majority of the runs'
    own verdicts (an alternative target such as "within 10% of the ceiling", a failed status)."""
    merged: dict[str, dict[str, Any]] = {}
    for run in runs:
        for bench, figures in run.items():
            for position, item in enumerate(figures):
                row = merged.setdefault(
                    f"{bench}:{position}", {**item, "values": [], "verdicts": [], "plain": True}
                )
                row["name"], row["note"] = item["name"], item["note"] or row["note"]
                row["values"].append(item["value"])
                row["verdicts"].append(item["met"])
                row["plain"] &= item["met"] == _within(item["value"], item["goal"], item["bound"])
    for row in merged.values():
        values = [v for v in row["values"] if v == v]  # NaN: not measured
        row["min"], row["max"] = (min(values), max(values)) if values else (float("nan"),) * 2
        row["median"] = statistics.median(values) if values else float("nan")
        verdicts = [v for v in row["verdicts"] if v is not None]
        if not verdicts:
            row["met_all"] = None
        elif row["plain"]:
            row["met_all"] = _within(row["median"], row["goal"], row["bound"])
        else:
            row["met_all"] = sum(verdicts) * 2 > len(verdicts)
    return list(merged.values())


def _number(value: float) -> str:
    if value != value:
        return "n/a"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}" if abs(value) >= 1 else f"{value:.3f}"


def table(merged: list[dict[str, Any]], runs: int) -> str:
    width = max(len(r["name"]) for r in merged)
    head = (
        f"{'figure':{width}}  {'target':>9}  {'min':>9}  {'median':>9}  {'max':>9}  {'unit':6}  met"
        f"   ({runs} run{'s' if runs > 1 else ''})"
    )
    lines = [head, "-" * len(head)]
    for r in merged:
        target = f"{r['goal']} {_number(r['bound'])}" if r["goal"] else ""
        met = {True: "yes", False: "NO", None: ""}[r["met_all"]]
        lines.append(
            f"{r['name']:{width}}  {target:>9}  {_number(r['min']):>9}  {_number(r['median']):>9}  "
            f"{_number(r['max']):>9}  {r['unit']:6}  {met}" + (f"  ({r['note']})" if r["note"] else "")
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--events", type=int, default=archive.EVENTS, help="events in the archive store")
    parser.add_argument("--cli-runs", type=int, default=archive.CLI_RUNS, help="runs of each CLI query")
    parser.add_argument("--requests", type=int, default=archive.REQUESTS, help="requests of each page/route")
    parser.add_argument(
        "--only", nargs="*", default=None,
        help="some of: throughput scaling scaleout startup archive grammar"
    )
    args = parser.parse_args()
    began = time.perf_counter()
    try:
        documents = bulk_documents()
    except Skip as skip:
        print(f"benchmarks: {skip}")
        return 0
    wanted = set(args.only or ("throughput", "scaling", "scaleout", "startup", "archive", "grammar"))
    everything: dict[str, Any] = {"runs": []}
    with tempfile.TemporaryDirectory(prefix="jalin-archive-") as folder:
        db = Path(folder) / "archive.db"
        built = None
        if "archive" in wanted:
            print(f"building the archive store ({args.events:,} events) ...", flush=True)
            built = attempt("archive store", lambda: archive.build(db, documents, args.events))
            everything["archive_store"] = built
        for number in range(1, args.runs + 1):
            results: dict[str, Any] = {}
            plan: list[tuple[str, Callable[[], dict[str, Any]]]] = [
                ("throughput", lambda: throughput.run(documents)),
                ("scaling", lambda: scaling.run(documents)),
                ("scaleout", lambda: scaleout.run(documents)),
                ("startup", lambda: startup.run(documents)),
                ("grammar", lambda: grammar_cost.run(documents)),
            ]
            if built is not None:
                plan.append(("archive", lambda: archive.run(db, built, args.cli_runs, args.requests)))
            for name, function in plan:
                if name not in wanted:
                    continue
                print(f"run {number}/{args.runs}: {name} ...", flush=True)
                result = attempt(name, function)
                if result is not None:
                    results[name] = result
            everything["runs"].append(results)
            save("all", everything)
    merged = rows([{name: r["figures"] for name, r in results.items()} for results in everything["runs"]])
    everything["table"] = [
        {
            k: r[k]
            for k in ("name", "goal", "bound", "unit", "values", "min", "median", "max", "met_all", "note")
        }
        for r in merged
    ]
    everything["seconds"] = time.perf_counter() - began
    text = table(merged, args.runs) if merged else "no figures"
    everything["table_text"] = text
    path = save("all", everything)
    print()
    print(text)
    print(f"\nresults: {path.relative_to(RESULTS.parent.parent)} ({everything['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
