"""Scoring one document: greedy one-to-one matching per item layer, plus the document fields and topics.

Matching (README: one prediction per gold item, greedy, in gold order), with the open details
decided as follows:
- Required gold items are matched first, in gold order, then the optional ones, in gold order, so
  an optional item never takes a prediction a required item needed (a found optional item is a
  true positive; a missed one costs nothing).
- When several unused predictions match a gold item, the one taken is the one that matches the
  fewest gold items still to come (required and optional, in the order above), then the first in
  prediction order: the README's tie rule.
- Where the gold gives no `document.published`, every gold time is optional (and unmatched
  predicted times are no false positives, see `layers.TimeRule`).
- Per-group counts (`LayerResult.groups`): actors are also counted by type for PERSON and
  ORGANISATION, and persons by the gold's naming `form`, for the names report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jalin.evaluate.layers import RULES, Context, Item, Rule

LAYERS = (
    "document", "actors", "statements", "events", "agreements", "gatherings", "quantities", "times", "topics",
)


@dataclass(slots=True)
class Miss:
    """A missed gold item, readable, with predictions that pass its anchor criterion (near misses)."""

    gold: str
    near: list[str] = field(default_factory=list)


@dataclass(slots=True)
class LayerResult:
    """Counts for one layer of one document, with readable lines for `--explain`."""

    layer: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    # attribute name -> [right, scored]
    attributes: dict[str, list[int]] = field(default_factory=dict)
    # group key -> [tp, fp, fn] (see Rule.gold_group / Rule.pred_group)
    groups: dict[str, list[int]] = field(default_factory=dict)
    missed: list[Miss] = field(default_factory=list)         # FN gold items
    spurious: list[str] = field(default_factory=list)        # FP predictions
    wrong_attributes: list[str] = field(default_factory=list)  # matched pairs with a wrong attribute

    def add_attribute(self, name: str, right: bool) -> None:
        tally = self.attributes.setdefault(name, [0, 0])
        tally[0] += int(right)
        tally[1] += 1

    def count_group(self, key: str | None, slot: int) -> None:
        """Add one to slot 0 (tp), 1 (fp) or 2 (fn) of a group; a None key is no group."""
        if key is not None:
            self.groups.setdefault(key, [0, 0, 0])[slot] += 1

    def merge(self, other: LayerResult) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for key, counts in other.groups.items():
            mine = self.groups.setdefault(key, [0, 0, 0])
            for slot, value in enumerate(counts):
                mine[slot] += value
        for name, (right, scored) in other.attributes.items():
            tally = self.attributes.setdefault(name, [0, 0])
            tally[0] += right
            tally[1] += scored


def score_document(gold: dict[str, Any], analysis: dict[str, Any]) -> dict[str, LayerResult]:
    """Score one `jalin.analysis/1` dict against one `jalin.gold/1` dict: a LayerResult per layer."""
    ctx = Context(analysis=analysis, gold=gold)
    results = {"document": score_fields(gold.get("document") or {}, analysis.get("document") or {})}
    for rule in RULES:
        golds, preds = gold.get(rule.layer) or [], analysis.get(rule.layer) or []
        results[rule.layer] = match_layer(rule, golds, preds, ctx)
    results["topics"] = score_topics(gold.get("topics") or [], analysis.get("topics") or [])
    return {layer: results[layer] for layer in LAYERS}


def score_fields(gold: dict[str, Any], predicted: dict[str, Any]) -> LayerResult:
    """Each document field the gold gives, compared exactly: equal is a TP; otherwise an FN, and
    also an FP when the prediction gave a (wrong) value rather than none."""
    result = LayerResult("document")
    for name, want in gold.items():
        got = predicted.get(name)
        if got == want:
            result.tp += 1
            continue
        result.fn += 1
        result.fp += got is not None
        result.missed.append(Miss(f"{name}: gold {want!r}, predicted {got!r}"))
    return result


def score_topics(gold: list[str], predicted: list[str]) -> LayerResult:
    want, got = set(gold), set(predicted)
    result = LayerResult("topics", tp=len(want & got), fp=len(got - want), fn=len(want - got))
    result.missed = [Miss(topic) for topic in sorted(want - got)]
    result.spurious = sorted(got - want)
    return result


def match_layer(rule: Rule, golds: list[Item], preds: list[Item], ctx: Context) -> LayerResult:
    result = LayerResult(rule.layer)
    failures = [[rule.failures(g, p, ctx) for p in preds] for g in golds]
    optional = [bool(g.get("optional")) or (rule.layer == "times" and ctx.undated) for g in golds]
    order = sorted(range(len(golds)), key=lambda gi: optional[gi])  # required first, each in gold order
    # wanted[pi] = (required, optional) gold items not yet processed that prediction pi matches
    wanted = [[0, 0] for _ in preds]
    for gi, row in enumerate(failures):
        for pi, failed in enumerate(row):
            wanted[pi][optional[gi]] += not failed
    used: set[int] = set()
    for gi in order:
        candidates = [pi for pi, failed in enumerate(failures[gi]) if not failed]
        for pi in candidates:
            wanted[pi][optional[gi]] -= 1
        candidates = [pi for pi in candidates if pi not in used]
        if not candidates:
            if not optional[gi]:
                result.fn += 1
                result.count_group(rule.gold_group(golds[gi]), 2)
                result.missed.append(_describe_miss(rule, golds[gi], preds, failures[gi], ctx))
            continue
        chosen = min(candidates, key=lambda pi: (sum(wanted[pi]), pi))
        used.add(chosen)
        result.tp += 1
        result.count_group(rule.gold_group(golds[gi]), 0)
        scored = {chosen: rule.attributes(golds[gi], preds[chosen], ctx)}
        for name, right in scored[chosen]:
            result.add_attribute(name, right)
        wrong = sorted({name for name, right in scored[chosen] if not right})
        if wrong:
            result.wrong_attributes.append(
                f"{rule.show_gold(golds[gi], ctx)}  ⇐  {rule.show_pred(preds[chosen], ctx)}  "
                f"wrong: {', '.join(wrong)}"
            )
    for pi, pred in enumerate(preds):
        if pi not in used and not rule.fp_exempt(pred, ctx):
            result.fp += 1
            result.count_group(rule.pred_group(pred), 1)
            result.spurious.append(rule.show_pred(pred, ctx))
    return result


def _describe_miss(rule: Rule, gold: Item, preds: list[Item], failures: list[list[str]],
                   ctx: Context) -> Miss:
    """The missed gold item with up to three near misses, those failing the fewest criteria first."""
    anchor = rule.anchor(gold)
    near = sorted((len(failed), pi, failed) for pi, failed in enumerate(failures) if anchor not in failed)
    lines = [f"{rule.show_pred(preds[pi], ctx)}  fails: {', '.join(failed)}" for _, pi, failed in near[:3]]
    return Miss(rule.show_gold(gold, ctx), lines)
