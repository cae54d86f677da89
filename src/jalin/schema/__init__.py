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
    text: str = obj["text"]
    size = len(text)

    def span(where: str, item: dict[str, Any], carries_text: bool = False) -> Iterator[str]:
        start, end = item["start"], item["end"]
        if not 0 <= start <= end <= size:
            yield f"{where}: span [{start}, {end}) is not inside text of length {size}"
        elif carries_text and text[start:end] != item["text"]:
            yield f"{where}: text {item['text']!r} differs from text[{start}:{end}] {text[start:end]!r}"

    previous_end = 0
    for i, s in enumerate(obj["sentences"]):
        yield from span(f"$.sentences[{i}]", s)
        if s["start"] < previous_end:
            yield (f"$.sentences[{i}]: starts at {s['start']}, "
                   f"before the previous sentence ends ({previous_end})")
        previous_end = max(previous_end, s["end"])

    actor_ids = {a["id"] for a in obj["actors"]}
    time_ids = {t["id"] for t in obj["times"]}
    quantity_ids = {q["id"] for q in obj["quantities"]}
    for kind, ids in (("actors", actor_ids), ("times", time_ids), ("quantities", quantity_ids),
                      ("events", {e["id"] for e in obj["events"]}),
                      ("agreements", {g["id"] for g in obj["agreements"]})):
        if len(ids) != len(obj[kind]):
            yield f"$.{kind}: ids are not unique"

    def ref(where: str, value: str | None, ids: set[str], kind: str) -> Iterator[str]:
        if value is not None and value not in ids:
            yield f"{where}: {value!r} is not the id of one of the {kind}"

    for i, a in enumerate(obj["actors"]):
        for j, m in enumerate(a["mentions"]):
            yield from span(f"$.actors[{i}].mentions[{j}]", m, carries_text=True)
    for i, s in enumerate(obj["statements"]):
        yield from span(f"$.statements[{i}]", s)
        yield from ref(f"$.statements[{i}].speaker", s["speaker"], actor_ids, "actors")
    for i, e in enumerate(obj["events"]):
        yield from span(f"$.events[{i}].trigger", e["trigger"], carries_text=True)
        for role in ("source", "target"):
            for actor in e[role]:
                yield from ref(f"$.events[{i}].{role}", actor, actor_ids, "actors")
        yield from ref(f"$.events[{i}].time", e["time"], time_ids, "times")
        if e["sentence"] >= len(obj["sentences"]):
            yield f"$.events[{i}].sentence: {e['sentence']} is not the index of a sentence"
    for i, g in enumerate(obj["agreements"]):
        for j, m in enumerate(g["milestones"]):
            yield from ref(f"$.agreements[{i}].milestones[{j}].time", m["time"], time_ids, "times")
        for j, ev in enumerate(g["evidence"]):
            yield from span(f"$.agreements[{i}].evidence[{j}]", ev)
        for q in g.get("assets", ()):
            yield from ref(f"$.agreements[{i}].assets", q, quantity_ids, "quantities")
        for actor in g.get("companies", ()):
            yield from ref(f"$.agreements[{i}].companies", actor, actor_ids, "actors")
    for i, g in enumerate(obj["gatherings"]):
        yield from ref(f"$.gatherings[{i}].time", g["time"], time_ids, "times")
        for q in g["attendance"]:
            yield from ref(f"$.gatherings[{i}].attendance", q, quantity_ids, "quantities")
        for j, ev in enumerate(g["evidence"]):
            yield from span(f"$.gatherings[{i}].evidence[{j}]", ev)
    for kind in ("quantities", "times"):
        for i, item in enumerate(obj[kind]):
            yield from span(f"$.{kind}[{i}]", item, carries_text=True)
