"""Totals over files (micro average) and their three forms: JSON, a rich table, and `--explain` lines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table

from jalin.evaluate.match import LAYERS, LayerResult


@dataclass(slots=True)
class FileScore:
    name: str
    layers: dict[str, LayerResult]


@dataclass(slots=True)
class Report:
    files: list[FileScore] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # one line per gold file not scored as usual

    def totals(self) -> dict[str, LayerResult]:
        """Counts summed over all files (the micro average)."""
        totals = {layer: LayerResult(layer) for layer in LAYERS}
        for scored in self.files:
            for layer, result in scored.layers.items():
                totals[layer].merge(result)
        return totals


def ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def layer_scores(result: LayerResult) -> dict[str, Any]:
    """P/R/F1 of one layer. A zero denominator gives 0.0, except that a layer with nothing at all to
    score (no gold, no prediction) gives null for all three."""
    tp, fp, fn = result.tp, result.fp, result.fn
    if tp + fp + fn == 0:
        precision = recall = f1 = None
    else:
        precision = ratio(tp, tp + fp) or 0.0
        recall = ratio(tp, tp + fn) or 0.0
        f1 = round(2 * tp / (2 * tp + fp + fn), 4)
    scores: dict[str, Any] = {
        "tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1,
        "attributes": {
            name: {"accuracy": ratio(right, scored), "n": scored}
            for name, (right, scored) in sorted(result.attributes.items())
        },
    }
    if result.groups:  # only layers that group (actors), so other layers' JSON is unchanged
        scores["groups"] = {key: group_scores(*counts) for key, counts in sorted(result.groups.items())}
    return scores


def group_scores(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Counts and P/R of one group of a layer (e.g. actors of type PERSON named bare). A group keyed
    by a gold attribute the predictions lack (a naming form) has fp 0 and only its recall means much."""
    return {"tp": tp, "fp": fp, "fn": fn, "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn)}


def to_json(report: Report, per_file: bool = False, explain: bool = False) -> dict[str, Any]:
    """`{"layers": {...}}`; with `per_file` also `"files": {name: {"layers": {...}}}`, and with
    `explain` each file also gets `"explain": {layer: {"fn", "fp", "attributes"}}` (implies per_file)."""
    data: dict[str, Any] = {"layers": {layer: layer_scores(r) for layer, r in report.totals().items()}}
    if per_file or explain:
        data["files"] = {}
        for scored in report.files:
            entry: dict[str, Any] = {"layers": {layer: layer_scores(r) for layer, r in scored.layers.items()}}
            if explain:
                entry["explain"] = {
                    layer: {"fn": [{"gold": m.gold, "near": m.near} for m in r.missed],
                            "fp": r.spurious, "attributes": r.wrong_attributes}
                    for layer, r in scored.layers.items()
                    if r.missed or r.spurious or r.wrong_attributes
                }
            data["files"][scored.name] = entry
    return data


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def table(title: str, layers: dict[str, LayerResult]) -> Table:
    """One row per layer (tp fp fn P R F1), then one row per scored attribute (accuracy and n)."""
    grid = Table(title=title, title_justify="left")
    grid.add_column("layer / attribute")
    for column in ("tp", "fp", "fn", "P", "R", "F1"):
        grid.add_column(column, justify="right")
    attribute_rows = []
    for layer, result in layers.items():
        scores = layer_scores(result)
        grid.add_row(layer, str(scores["tp"]), str(scores["fp"]), str(scores["fn"]),
                     _cell(scores["precision"]), _cell(scores["recall"]), _cell(scores["f1"]))
        attribute_rows += [(f"{layer}.{name}", a) for name, a in scores["attributes"].items()]
    group_rows = [(f"{layer}[{key}]", group_scores(*counts))
                  for layer, result in layers.items() for key, counts in sorted(result.groups.items())]
    if group_rows:
        grid.add_section()
        for name, g in group_rows:
            grid.add_row(name, str(g["tp"]), str(g["fp"]), str(g["fn"]),
                         _cell(g["precision"]), _cell(g["recall"]), "")
    if attribute_rows:
        grid.add_section()
        grid.add_row("[bold]attribute[/bold]", "", "", "n", "", "", "[bold]accuracy[/bold]")
        for name, a in attribute_rows:
            grid.add_row(name, "", "", str(a["n"]), "", "", _cell(a["accuracy"]))
    return grid


def print_report(report: Report, console: Console, per_file: bool = False) -> None:
    if per_file:
        for scored in report.files:
            console.print(table(scored.name, scored.layers))
    console.print(table(f"All {len(report.files)} file(s), micro average", report.totals()))


def explain_lines(report: Report, layers: Iterable[str] = ()) -> list[str]:
    """Per file and layer (all, or those in `layers`): missed gold items (FN) each followed by its
    near misses, false positives (FP), and matched pairs with a wrong attribute (ATTR)."""
    wanted = set(layers)
    lines: list[str] = []
    for scored in report.files:
        header = len(lines)
        for layer, result in scored.layers.items():
            if wanted and layer not in wanted:
                continue
            if not (result.missed or result.spurious or result.wrong_attributes):
                continue
            lines.append(f"--- {layer}: tp {result.tp} fp {result.fp} fn {result.fn}")
            for miss in result.missed:
                lines.append(f"  FN   {miss.gold}")
                lines += [f"         near: {near}" for near in miss.near]
            lines += [f"  FP   {line}" for line in result.spurious]
            lines += [f"  ATTR {line}" for line in result.wrong_attributes]
        if len(lines) > header:
            lines.insert(header, f"=== {scored.name}")
    return lines
