"""`--format plover`: the store's events as PLOVER records (JSON Lines), in the data format of the
PLOVER manual's "Data Fields" chapter (draft 0.8).

Each record has the manual's required fields (`id`, `date`, `actor`, `event`) and those Jalin can
fill: `recipient`, `event_text`, `quad_code` and `event_scale` (from the category), `mode`, `context`,
`text_info` and `cite_info`. `actor` and `recipient` are lists of entity objects (`code`: ISO 3166-1
alpha-3, `sector`, `entity_text`, plus `identifier_text` and `office` when known). `context` holds the
event's contexts that PLOVER names and the auxiliary mode its modality gives (future, hypothetical,
negation); `mode` is null, as Jalin codes none of PLOVER's modes. What PLOVER has no field for goes
to the extension object `jalin`: the CAMEO code, the modality, Jalin's cooperation modes, its contexts
outside PLOVER's list, the document and event ids. Events without a date or without an actor cannot
be PLOVER records (both are required): they are left out and counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jalin.export.codes import plover_contexts, plover_types
from jalin.store import Store

CODEBOOK = "PLOVER draft 0.8"
VERSION = "jalin-plover/2"
# Jalin's modality -> PLOVER's auxiliary mode (kept in `context`, as the manual asks).
AUXILIARY = {"intended": "future", "expected": "future", "hypothetical": "hypothetical",
             "negated": "negation"}


@dataclass(slots=True)
class Tally:
    written: int = 0
    undated: int = 0
    no_actor: int = 0


def _entity(actor: dict[str, Any]) -> dict[str, Any]:
    """An actor of the analysis as a PLOVER entity object."""
    entity: dict[str, Any] = {"code": actor.get("country"), "sector": actor.get("sector"),
                              "entity_text": actor["name"]}
    if actor.get("canonical") and actor["canonical"] != actor["name"]:
        entity["identifier_text"] = actor["canonical"]
    offices = [r["en"] or r["text"] for r in actor.get("roles") or [] if r.get("en") or r.get("text")]
    if offices:
        entity["office"] = offices[0]
    return entity


def record(event: dict[str, Any], day: str, document: dict[str, Any],
           actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One event of an analysis (contract dict) as a PLOVER record dated `day`."""
    known = plover_contexts()
    quad, scale = plover_types().get(event["type"], (None, None))
    contexts = [c for c in event["context"] if c in known]
    auxiliary = AUXILIARY.get(event["modality"])
    if auxiliary:
        contexts.append(auxiliary)
    trigger = event["trigger"]
    return {
        "id": f"{document['id']}-{event['id']}",
        "date": day,
        "actor": [_entity(actors[a]) for a in event["source"] if a in actors],
        "recipient": [_entity(actors[a]) for a in event["target"] if a in actors],
        "event": [event["type"]],
        "event_text": [trigger["text"]],
        "quad_code": quad,
        "event_scale": scale,
        "mode": None,
        "context": contexts or None,
        "text_info": {"sequence": event["sentence"], "start": trigger["start"], "end": trigger["end"]},
        "cite_info": {"citation": document["id"], "url": document.get("url"), "title": document.get("title"),
                      "language": document.get("language"), "publication": document.get("source"),
                      "coder": "jalin", "codebook": CODEBOOK, "version": VERSION},
        "jalin": {"cameo": event["cameo"], "modality": event["modality"], "modes": event["modes"],
                  "context": [c for c in event["context"] if c not in known],
                  "document": document["id"], "event": event["id"],
                  "published": document.get("published")},
    }


def records(store: Store, tally: Tally) -> Iterator[dict[str, Any]]:
    """The PLOVER records of the store's events, near-duplicate copies left out (each story counts
    once), in storage order; `tally` counts the events left out (undated, no actor)."""
    frame = store.table("events")
    frame = frame[frame["dup"] == 0]
    dates = {(doc, eid): day for doc, eid, day in frame[["document", "eid", "date"]].itertuples(index=False)}
    for analysis in store.iter_analyses():
        document = analysis["document"]
        actors = {a["id"]: a for a in analysis["actors"]}
        for event in analysis["events"]:
            key = (document["id"], event["id"])
            if key not in dates:
                continue  # a near-duplicate copy's event
            day = dates[key]
            if not isinstance(day, str) or not day:
                tally.undated += 1
                continue
            if not any(a in actors for a in event["source"]):
                tally.no_actor += 1
                continue
            yield record(event, day, document, actors)


def write(store: Store, out: Path) -> Tally:
    tally = Tally()
    with out.open("w", encoding="utf-8") as f:
        for item in records(store, tally):
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
            tally.written += 1
    return tally
