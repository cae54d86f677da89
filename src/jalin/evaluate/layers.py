"""The per-layer matching rules of the gold README, one `Rule` per item layer.

A rule says, for one gold item and one predicted item, which match criteria fail (`failures`: an
empty list means they match), which attributes are right on a matched pair (`attributes`: only the
attributes the gold item gives), and whether an unmatched prediction is exempt from counting as a
false positive. `show_gold` / `show_pred` give one readable line for `--explain`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from jalin.evaluate.fold import contains, honorific_set, names_match, same_text

Item = dict[str, Any]


@dataclass(slots=True)
class Context:
    """One document's prediction (a `jalin.analysis/1` dict) with its lookups, and its gold."""

    analysis: dict[str, Any]
    gold: dict[str, Any]
    _actors: dict[str, Item] = field(init=False)
    _times: dict[str, Item] = field(init=False)

    def __post_init__(self) -> None:
        self._actors = {a["id"]: a for a in self.analysis.get("actors", [])}
        self._times = {t["id"]: t for t in self.analysis.get("times", [])}

    def actor(self, actor_id: str | None) -> Item | None:
        return self._actors.get(actor_id) if actor_id is not None else None

    def time(self, time_id: str | None) -> Item | None:
        return self._times.get(time_id) if time_id is not None else None

    @property
    def undated(self) -> bool:
        """The gold gives no `document.published`: every time is optional (gold README)."""
        return not (self.gold.get("document") or {}).get("published")

    def countries(self, actor_ids: list[str]) -> frozenset[str]:
        """The set of countries of the given actors (actors without a country add nothing)."""
        found = (self.actor(i) for i in actor_ids)
        return frozenset(a["country"] for a in found if a is not None and a.get("country"))

    def sentence(self, index: int | None) -> str:
        sentences = self.analysis.get("sentences", [])
        if index is None or not 0 <= index < len(sentences):
            return ""
        span = sentences[index]
        return self.analysis.get("text", "")[span["start"]:span["end"]]

    def gold_names(self, name: str) -> list[str]:
        """A gold actor name plus the canonical name the gold gives that actor, if any."""
        names = [name]
        for actor in self.gold.get("actors", []):
            if actor.get("name") == name and actor.get("canonical"):
                names.append(actor["canonical"])
        return names

    def actor_label(self, actor_id: str | None) -> str:
        actor = self.actor(actor_id)
        if actor is None:
            return "—" if actor_id is None else f"{actor_id}?"
        return f"{actor_id}:{actor.get('name')}"


def _any_of(value: Any) -> list[Any]:
    """A gold value that may be one value or a list of alternatives."""
    return list(value) if isinstance(value, list) else [value]


def _short(text: str | None, limit: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _optional(gold: Item) -> str:
    return " (optional)" if gold.get("optional") else ""


class Rule(ABC):
    layer: str = ""

    @abstractmethod
    def failures(self, gold: Item, pred: Item, ctx: Context) -> list[str]:
        """The match criteria this pair fails; empty when the prediction matches the gold item."""

    def attributes(self, gold: Item, pred: Item, ctx: Context) -> list[tuple[str, bool]]:
        return []

    @abstractmethod
    def anchor(self, gold: Item) -> str:
        """The criterion that places an item in the text: a prediction failing only other criteria
        is shown as a near miss by `--explain`."""

    def fp_exempt(self, pred: Item, ctx: Context) -> bool:
        """An unmatched prediction that the gold README says is no false positive."""
        return False

    def gold_group(self, gold: Item) -> str | None:
        """A key under which a gold item's TP/FN are also counted (`--by-group`), or None."""
        return None

    def pred_group(self, pred: Item) -> str | None:
        """The key under which an unmatched prediction's FP is also counted, or None."""
        return None

    @abstractmethod
    def show_gold(self, gold: Item, ctx: Context) -> str:
        """One readable line for a gold item."""

    @abstractmethod
    def show_pred(self, pred: Item, ctx: Context) -> str:
        """One readable line for a predicted item."""


class ActorRule(Rule):
    layer = "actors"

    def failures(self, gold: Item, pred: Item, ctx: Context) -> list[str]:
        failed = [] if gold.get("type") == pred.get("type") else ["type"]
        if self.anchor(gold) == "country":
            if gold.get("country") != pred.get("country"):
                failed.append("country")
        elif not names_match([gold.get("name"), gold.get("canonical")],
                             [pred.get("name"), pred.get("canonical")]):
            failed.append("name")
        return failed

    def anchor(self, gold: Item) -> str:
        return "country" if gold.get("type") == "COUNTRY" or not gold.get("name") else "name"

    def attributes(self, gold: Item, pred: Item, ctx: Context) -> list[tuple[str, bool]]:
        scored: list[tuple[str, bool]] = []
        if "country" in gold and gold.get("type") != "COUNTRY":
            scored.append(("country", gold["country"] == pred.get("country")))
        if "sector" in gold:
            scored.append(("sector", gold["sector"] == pred.get("sector")))
        if "role_en" in gold:
            titles = [r.get("en") for r in pred.get("roles") or [] if r.get("en")]
            scored.append(("role_en", any(same_text(title, gold["role_en"]) for title in titles)))
        if "honorifics" in gold:
            same = honorific_set(gold["honorifics"]) == honorific_set(pred.get("honorifics"))
            scored.append(("honorifics", same))
        return scored

    def fp_exempt(self, pred: Item, ctx: Context) -> bool:
        return pred.get("type") in ("LOCATION", "GROUP")

    def gold_group(self, gold: Item) -> str | None:
        """PERSON and ORGANISATION items by type, persons also by naming form when the gold says
        (`form`: honorific, role or bare)."""
        kind = gold.get("type")
        if kind not in ("PERSON", "ORGANISATION"):
            return None
        return f"{kind}/{gold['form']}" if kind == "PERSON" and gold.get("form") else kind

    def pred_group(self, pred: Item) -> str | None:
        return pred.get("type") if pred.get("type") in ("PERSON", "ORGANISATION") else None

    def show_gold(self, gold: Item, ctx: Context) -> str:
        details = [gold.get(k) for k in ("country", "sector", "role_en") if gold.get(k)]
        details += gold.get("honorifics") or []
        names = " / ".join(n for n in (gold.get("name"), gold.get("canonical")) if n)
        label = " ".join(part for part in (gold.get("type"), names) if part)
        return f"{label} [{', '.join(details)}]{_optional(gold)}"

    def show_pred(self, pred: Item, ctx: Context) -> str:
        name = pred.get("name") or ""
        if pred.get("canonical") and pred.get("canonical") != name:
            name += f" / {pred['canonical']}"
        details = [pred.get(k) for k in ("country", "sector") if pred.get(k)]
        details += [r.get("en") or r.get("text") for r in pred.get("roles") or []]
        details += pred.get("honorifics") or []
        return f"{pred.get('id')} {pred.get('type')} {name} [{', '.join(map(str, details))}]"


class StatementRule(Rule):
    layer = "statements"

    def failures(self, gold: Item, pred: Item, ctx: Context) -> list[str]:
        failed = []
        if gold.get("kind") != pred.get("kind"):
            failed.append("kind")
        if not contains(pred.get("text"), gold.get("contains")):
            failed.append("text")
        return failed

    def anchor(self, gold: Item) -> str:
        return "text"

    def attributes(self, gold: Item, pred: Item, ctx: Context) -> list[tuple[str, bool]]:
        if "speaker" not in gold:
            return []
        speaker = ctx.actor(pred.get("speaker"))
        if gold["speaker"] is None or speaker is None:
            return [("speaker", gold["speaker"] is None and speaker is None)]
        predicted = [speaker.get("name"), speaker.get("canonical")]
        return [("speaker", names_match(ctx.gold_names(gold["speaker"]), predicted))]

    def show_gold(self, gold: Item, ctx: Context) -> str:
        return f"{gold.get('kind')} “{gold.get('contains')}” — {gold.get('speaker')}{_optional(gold)}"

    def show_pred(self, pred: Item, ctx: Context) -> str:
        return f"{pred.get('kind')} “{_short(pred.get('text'))}” — {ctx.actor_label(pred.get('speaker'))}"


class EventRule(Rule):
    layer = "events"

    def failures(self, gold: Item, pred: Item, ctx: Context) -> list[str]:
        failed = []
        if pred.get("type") not in gold.get("types", []):
            failed.append("type")
        if not contains(ctx.sentence(pred.get("sentence")), gold.get("in")):
            failed.append("sentence")
        source = ctx.countries(pred.get("source") or [])
        target = ctx.countries(pred.get("target") or [])
        want = (frozenset(gold.get("source") or []), frozenset(gold.get("target") or []))
        if (source, target) != want and not (gold.get("symmetric") and (target, source) == want):
            failed.append("source/target")
        return failed

    def anchor(self, gold: Item) -> str:
        return "sentence"

    def attributes(self, gold: Item, pred: Item, ctx: Context) -> list[tuple[str, bool]]:
        scored: list[tuple[str, bool]] = []
        if gold.get("modality_any"):
            scored.append(("modality", pred.get("modality") in gold["modality_any"]))
        if gold.get("modes"):
            scored.append(("modes", set(gold["modes"]) <= set(pred.get("modes") or [])))
        return scored

    def fp_exempt(self, pred: Item, ctx: Context) -> bool:
        """An event whose source and target are the same single country is outside the gold's scope."""
        source = ctx.countries(pred.get("source") or [])
        return len(source) == 1 and source == ctx.countries(pred.get("target") or [])

    def show_gold(self, gold: Item, ctx: Context) -> str:
        arrow = "↔" if gold.get("symmetric") else "→"
        extra = ""
        if gold.get("modality_any"):
            extra += f" modality∈{'|'.join(gold['modality_any'])}"
        if gold.get("modes"):
            extra += f" modes⊇{','.join(gold['modes'])}"
        return (f"{'|'.join(gold.get('types', []))} {','.join(gold.get('source') or [])}{arrow}"
                f"{','.join(gold.get('target') or [])} in “{gold.get('in')}”{extra}{_optional(gold)}")

    def show_pred(self, pred: Item, ctx: Context) -> str:
        source = ",".join(sorted(ctx.countries(pred.get("source") or []))) or "?"
        target = ",".join(sorted(ctx.countries(pred.get("target") or []))) or "?"
        trigger = (pred.get("trigger") or {}).get("text")
        return (f"{pred.get('id')} {pred.get('type')} {source}→{target} {pred.get('modality')} "
                f"trigger “{trigger}” in “{_short(ctx.sentence(pred.get('sentence')), 70)}”")


class AgreementRule(Rule):
    layer = "agreements"

    def failures(self, gold: Item, pred: Item, ctx: Context) -> list[str]:
        failed = []
        if pred.get("type") not in _any_of(gold.get("type")):
            failed.append("type")
        if set(gold.get("parties") or []) != set(pred.get("parties") or []):
            failed.append("parties")
        return failed

    def attributes(self, gold: Item, pred: Item, ctx: Context) -> list[tuple[str, bool]]:
        scored: list[tuple[str, bool]] = []
        if gold.get("status_any"):
            scored.append(("status", pred.get("status") in gold["status_any"]))
        if "exclusive" in gold:
            scored.append(("exclusive", gold["exclusive"] == pred.get("exclusive")))
        scored.extend(("milestones", found) for found in self.milestones(gold, pred, ctx))
        return scored

    def anchor(self, gold: Item) -> str:
        return "parties"

    def milestones(self, gold: Item, pred: Item, ctx: Context) -> list[bool]:
        """For each gold milestone, whether a distinct predicted milestone has the same kind, state,
        and (through the prediction's `times`) the same resolved value and relation."""
        unused = list(pred.get("milestones") or [])
        found = []
        for want in gold.get("milestones") or []:
            hit = next((m for m in unused if self._same_milestone(want, m, ctx)), None)
            if hit is not None:
                unused.remove(hit)
            found.append(hit is not None)
        return found

    @staticmethod
    def _same_milestone(want: Item, got: Item, ctx: Context) -> bool:
        time = ctx.time(got.get("time")) or {}
        return (
            want.get("kind") == got.get("kind")
            and want.get("state") == got.get("state")
            and ("value" not in want or want["value"] == time.get("value"))
            and ("relation" not in want or want["relation"] == time.get("relation"))
        )

    def show_gold(self, gold: Item, ctx: Context) -> str:
        text = f"{'|'.join(_any_of(gold.get('type')))} {'+'.join(gold.get('parties') or [])}"
        if gold.get("status_any"):
            text += f" status∈{'|'.join(gold['status_any'])}"
        if "exclusive" in gold:
            text += f" exclusive={gold['exclusive']}"
        for m in gold.get("milestones") or []:
            text += f" [{m.get('kind')} {m.get('state')} {m.get('relation')} {m.get('value')}]"
        return text + _optional(gold)

    def show_pred(self, pred: Item, ctx: Context) -> str:
        text = (f"{pred.get('id')} {pred.get('type')} {'+'.join(pred.get('parties') or [])} "
                f"status={pred.get('status')} exclusive={pred.get('exclusive')}")
        for m in pred.get("milestones") or []:
            time = ctx.time(m.get("time")) or {}
            text += f" [{m.get('kind')} {m.get('state')} {time.get('relation')} {time.get('value')}]"
        return f"{text} “{_short(pred.get('label'), 60)}”"


class GatheringRule(Rule):
    layer = "gatherings"

    def failures(self, gold: Item, pred: Item, ctx: Context) -> list[str]:
        failed = []
        if pred.get("kind") not in _any_of(gold.get("kind")):
            failed.append("kind")
        if set(gold.get("parties") or []) != set(pred.get("parties") or []):
            failed.append("parties")
        if gold.get("name_contains") and not contains(pred.get("name"), gold["name_contains"]):
            failed.append("name")
        return failed

    def anchor(self, gold: Item) -> str:
        return "parties"

    def attributes(self, gold: Item, pred: Item, ctx: Context) -> list[tuple[str, bool]]:
        if "ordinal" not in gold:
            return []
        return [("ordinal", gold["ordinal"] == pred.get("ordinal"))]

    def show_gold(self, gold: Item, ctx: Context) -> str:
        text = f"{'|'.join(_any_of(gold.get('kind')))} {'+'.join(gold.get('parties') or [])}"
        if gold.get("name_contains"):
            text += f" name ∋ “{gold['name_contains']}”"
        if "ordinal" in gold:
            text += f" ordinal={gold['ordinal']}"
        return text + _optional(gold)

    def show_pred(self, pred: Item, ctx: Context) -> str:
        return (f"{pred.get('kind')} {'+'.join(pred.get('parties') or [])} “{_short(pred.get('name'), 70)}” "
                f"ordinal={pred.get('ordinal')}")


class QuantityRule(Rule):
    layer = "quantities"

    def failures(self, gold: Item, pred: Item, ctx: Context) -> list[str]:
        failed = []
        try:
            same_value = float(gold.get("value")) == float(pred.get("value"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            same_value = False
        if not same_value:
            failed.append("value")
        if gold.get("qualifier") != pred.get("qualifier"):
            failed.append("qualifier")
        if not any(same_text(unit, pred.get("unit")) for unit in _any_of(gold.get("unit"))):
            failed.append("unit")
        return failed

    def anchor(self, gold: Item) -> str:
        return "value"

    def show_gold(self, gold: Item, ctx: Context) -> str:
        unit = "|".join(map(str, _any_of(gold.get("unit"))))
        return f"{gold.get('qualifier')} {gold.get('value')} {unit}{_optional(gold)}"

    def show_pred(self, pred: Item, ctx: Context) -> str:
        return (f"{pred.get('id')} {pred.get('qualifier')} {pred.get('value')} {pred.get('unit')} "
                f"“{pred.get('text')}”")


class TimeRule(Rule):
    layer = "times"

    def failures(self, gold: Item, pred: Item, ctx: Context) -> list[str]:
        failed = []
        if gold.get("value") != pred.get("value"):
            failed.append("value")
        if gold.get("relation") != pred.get("relation"):
            failed.append("relation")
        if gold.get("contains") and not contains(pred.get("text"), gold["contains"]):
            failed.append("text")
        return failed

    def anchor(self, gold: Item) -> str:
        return "text" if gold.get("contains") else "value"

    def fp_exempt(self, pred: Item, ctx: Context) -> bool:
        """Where the gold gives no publication date, predicted times that match nothing are free."""
        return ctx.undated

    def attributes(self, gold: Item, pred: Item, ctx: Context) -> list[tuple[str, bool]]:
        if "granularity" not in gold:
            return []
        return [("granularity", gold["granularity"] == pred.get("granularity"))]

    def show_gold(self, gold: Item, ctx: Context) -> str:
        return (f"{gold.get('relation')} {gold.get('value')} ({gold.get('granularity')}) "
                f"“{gold.get('contains', '')}”{_optional(gold)}")

    def show_pred(self, pred: Item, ctx: Context) -> str:
        return (f"{pred.get('id')} {pred.get('relation')} {pred.get('value')} ({pred.get('granularity')}) "
                f"“{pred.get('text')}”")


RULES: tuple[Rule, ...] = (
    ActorRule(), StatementRule(), EventRule(), AgreementRule(), GatheringRule(), QuantityRule(), TimeRule(),
)
