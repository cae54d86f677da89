"""The JSON Schema of the contract `jalin.analysis/1` and a validator for analyses.

`validate(obj)` checks the schema (strict on the contract's fields and enums, extra fields allowed)
and then what a JSON Schema cannot say: offsets lie inside `text`, spans that carry their `text`
match it, and ids point at records that exist. It raises `AnalysisInvalid` with one readable line
per problem.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).with_name("analysis.schema.json")


class AnalysisInvalid(ValueError):
    """An analysis that breaks the contract; the message lists every problem found."""


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=1)
def _validator():  # type: ignore[no-untyped-def]
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


def validate(obj: dict[str, Any]) -> None:
    """Raise `AnalysisInvalid` naming each place where `obj` breaks `jalin.analysis/1`."""
    problems = [
        f"{_where(error.absolute_path)}: {error.message}"
        for error in sorted(_validator().iter_errors(obj), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if not problems:
        problems = list(_consistency(obj))
    if problems:
        ident = obj.get("document", {}).get("id") if isinstance(obj.get("document"), dict) else None
        raise AnalysisInvalid(
            f"analysis {ident!r} breaks jalin.analysis/1:\n  " + "\n  ".join(problems)
        )


def _where(path: Any) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in path]
    return "$" + "".join(parts)


def _consistency(obj: dict[str, Any]) -> Iterator[str]:
    """Every offset inside the text, every id unique and every reference to an existing record."""
    ids = {kind: {item["id"] for item in obj[kind]}
           for kind in ("actors", "times", "quantities", "events", "agreements")}
    yield from _sentence_errors(obj)
    for kind, found in ids.items():
        if len(found) != len(obj[kind]):
            yield f"$.{kind}: ids are not unique"
    yield from _actor_and_statement_errors(obj, ids["actors"])
    yield from _event_errors(obj, ids)
    yield from _agreement_errors(obj, ids)
    yield from _gathering_errors(obj, ids)
    for kind in ("quantities", "times"):
        for i, item in enumerate(obj[kind]):
            yield from _span_errors(obj["text"], f"$.{kind}[{i}]", item, carries_text=True)


def _span_errors(text: str, where: str, item: dict[str, Any], carries_text: bool = False) -> Iterator[str]:
    """A span outside the text, or (`carries_text`) whose text differs from the text's slice."""
    start, end = item["start"], item["end"]
    size = len(text)
    if not 0 <= start <= end <= size:
        yield f"{where}: span [{start}, {end}) is not inside text of length {size}"
    elif carries_text and text[start:end] != item["text"]:
        yield f"{where}: text {item['text']!r} differs from text[{start}:{end}] {text[start:end]!r}"


def _ref_errors(where: str, value: str | None, ids: set[str], kind: str) -> Iterator[str]:
    if value is not None and value not in ids:
        yield f"{where}: {value!r} is not the id of one of the {kind}"


def _sentence_errors(obj: dict[str, Any]) -> Iterator[str]:
    previous_end = 0
    for i, s in enumerate(obj["sentences"]):
        yield from _span_errors(obj["text"], f"$.sentences[{i}]", s)
        if s["start"] < previous_end:
            yield (f"$.sentences[{i}]: starts at {s['start']}, "
                   f"before the previous sentence ends ({previous_end})")
        previous_end = max(previous_end, s["end"])


def _actor_and_statement_errors(obj: dict[str, Any], actor_ids: set[str]) -> Iterator[str]:
    text = obj["text"]
    for i, a in enumerate(obj["actors"]):
        for j, m in enumerate(a["mentions"]):
            yield from _span_errors(text, f"$.actors[{i}].mentions[{j}]", m, carries_text=True)
    for i, s in enumerate(obj["statements"]):
        yield from _span_errors(text, f"$.statements[{i}]", s)
        yield from _ref_errors(f"$.statements[{i}].speaker", s["speaker"], actor_ids, "actors")


def _event_errors(obj: dict[str, Any], ids: dict[str, set[str]]) -> Iterator[str]:
    for i, e in enumerate(obj["events"]):
        yield from _span_errors(obj["text"], f"$.events[{i}].trigger", e["trigger"], carries_text=True)
        for role in ("source", "target"):
            for actor in e[role]:
                yield from _ref_errors(f"$.events[{i}].{role}", actor, ids["actors"], "actors")
        yield from _ref_errors(f"$.events[{i}].time", e["time"], ids["times"], "times")
        if e["sentence"] >= len(obj["sentences"]):
            yield f"$.events[{i}].sentence: {e['sentence']} is not the index of a sentence"


def _agreement_errors(obj: dict[str, Any], ids: dict[str, set[str]]) -> Iterator[str]:
    for i, g in enumerate(obj["agreements"]):
        for j, m in enumerate(g["milestones"]):
            where = f"$.agreements[{i}].milestones[{j}].time"
            yield from _ref_errors(where, m["time"], ids["times"], "times")
        for j, ev in enumerate(g["evidence"]):
            yield from _span_errors(obj["text"], f"$.agreements[{i}].evidence[{j}]", ev)
        for q in g.get("assets", ()):
            yield from _ref_errors(f"$.agreements[{i}].assets", q, ids["quantities"], "quantities")
        for actor in g.get("companies", ()):
            yield from _ref_errors(f"$.agreements[{i}].companies", actor, ids["actors"], "actors")


def _gathering_errors(obj: dict[str, Any], ids: dict[str, set[str]]) -> Iterator[str]:
    for i, g in enumerate(obj["gatherings"]):
        yield from _ref_errors(f"$.gatherings[{i}].time", g["time"], ids["times"], "times")
        for q in g["attendance"]:
            yield from _ref_errors(f"$.gatherings[{i}].attendance", q, ids["quantities"], "quantities")
        for j, ev in enumerate(g["evidence"]):
            yield from _span_errors(obj["text"], f"$.gatherings[{i}].evidence[{j}]", ev)
