"""Flattening analyses into table rows, independent of the database.

`BatchRows` collects, for one batch of new documents, the rows of every per-document table plus the
new and changed cross-document entities; a backend inserts each list with one `executemany`. Primary
keys are assigned here (from the backend's next free values) so rows can refer to each other without
a round trip per row.
"""

from __future__ import annotations

import dataclasses
import hashlib
import zlib
from dataclasses import dataclass, field
from typing import Any

import lz4.block
import orjson

from jalin import model
from jalin.model import Analysis, Record
from jalin.store.dates import day_of, due_date
from jalin.store.relevance import document_relevance, relevant
from jalin.store.resolve import EntityIndex, NewActor, PersonUpdate, agreement_keys, fold


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode() if value else "[]"


# Stored analyses start with this byte, then an LZ4 block (its size first). Version 1 stores wrote zlib
# streams, which start with 0x78; both are read.
_LZ4 = b"\x04"


def analysis_without_text(data: dict[str, Any], given: str | bytes | None = None) -> bytes:
    """The stored form of an analysis: its contract JSON minus the "text" (kept in its own column),
    LZ4-compressed (half the size; six times faster to write than zlib). `given`: the JSON `data` was
    parsed from, when it was; its "text" member is cut out of it rather than the rest encoded again."""
    body = _without_text(given, data["text"]) if given is not None else None
    if body is None:
        body = orjson.dumps({k: v for k, v in data.items() if k != "text"})
    return _LZ4 + lz4.block.compress(body)


def _without_text(given: str | bytes, text: str) -> bytes | None:
    """The JSON `given` minus its top-level "text" member, when that is found for certain: the first
    `"text":` key (a quote inside a JSON string is always escaped, so it is a key), holding exactly
    `text`, after the document and before any array (records, whose own "text" keys sit in arrays).
    None otherwise (another key order or spacing): the caller encodes the parsed object instead."""
    raw = given.encode("utf-8") if isinstance(given, str) else given
    at = raw.find(b'"text":')
    member = b'"text":' + orjson.dumps(text)
    end = at + len(member)
    if at < 1 or raw[at - 1:at] != b"," or not raw.startswith(member, at) or raw[end:end + 1] not in b",}" \
            or raw.find(b"[", 0, at) >= 0:
        return None
    return raw[:at - 1] + raw[end:]


def _decompress(stored: bytes) -> bytes:
    if stored[:1] == _LZ4:
        return lz4.block.decompress(stored[1:])
    return zlib.decompress(stored)


def analysis_with_text(stored: bytes, text: str) -> dict[str, Any]:
    """Rebuild the contract object from its stored form, "text" back in its place after "document"."""
    out: dict[str, Any] = {}
    for key, value in orjson.loads(_decompress(stored)).items():
        out[key] = value
        if key == "document":
            out["text"] = text
    return out


def _evidence(text: str, spans: list[dict[str, int]]) -> str:
    return " … ".join(text[s["start"]:s["end"]] for s in spans)


def _publishers(actors: list[dict[str, Any]], source: str | None) -> set[str]:
    """The actor ids naming the document's own publisher: a media organisation whose name, canonical
    name or a mention is the document's source. The newspaper that prints a quote did not say it, so a
    statement the analysis gives it is stored without a speaker entity (the analysis keeps it as is);
    another outlet quoted in the story ("Reuters reported") stays a speaker."""
    if not source:
        return set()
    publisher = fold(source)

    def names(actor: dict[str, Any]) -> set[str]:
        return {fold(actor["name"]), fold(actor.get("canonical")),
                *(fold(m["text"]) for m in actor["mentions"])}

    return {a["id"] for a in actors
            if a["type"] == "ORGANISATION" and a.get("sector") == "MED" and publisher in names(a)}


@dataclass(slots=True)
class BatchRows:
    """Rows for one batch. `next_event` / `next_observation` are the next free primary keys."""

    index: EntityIndex
    next_event: int
    next_observation: int
    added: str | None = None  # when the batch is stored: ISO 8601 UTC, to the second
    documents: list[tuple] = field(default_factory=list)
    bands: list[tuple] = field(default_factory=list)
    actors: list[tuple] = field(default_factory=list)
    actor_roles: list[tuple] = field(default_factory=list)
    statements: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    event_pairs: list[tuple] = field(default_factory=list)
    observations: list[tuple] = field(default_factory=list)
    milestones: list[tuple] = field(default_factory=list)
    gatherings: list[tuple] = field(default_factory=list)
    topics: list[tuple] = field(default_factory=list)
    new_actors: list[NewActor] = field(default_factory=list)
    person_updates: dict[int, PersonUpdate] = field(default_factory=dict)
    # entity pk -> [documents, statements, first seen, last seen] added by this batch
    actor_counts: dict[int, list[Any]] = field(default_factory=dict)
    new_agreements: list[tuple] = field(default_factory=list)
    touched_agreements: set[int] = field(default_factory=set)
    new_gatherings: list[tuple] = field(default_factory=list)

    def add(self, pk: int, data: dict[str, Any], content_hash: str, minhash: bytes | None,
            keys: list[int], duplicate_of: int | None, given: str | bytes | None = None) -> None:
        """All rows of one analysis (contract dict, parsed from the JSON `given` if it was) stored as
        document `pk`."""
        info = data["document"]
        text = data["text"]
        day = info.get("published")
        dup = int(duplicate_of is not None)
        score = document_relevance(data)
        self.documents.append((
            pk, info["id"], content_hash, day, info.get("source"), info.get("url"), info.get("title"),
            info.get("language"), info.get("dateline"), minhash, duplicate_of, text,
            analysis_without_text(data, given), self.added, score,
        ))
        self.bands.extend(zip(keys, [pk] * len(keys), strict=True))
        times = {t["id"]: t for t in data["times"]}
        actors = self._actors(pk, data["actors"], day, dup)
        publishers = _publishers(data["actors"], info.get("source"))
        for s in data["statements"]:
            speaker = actors.get(s["speaker"]) if s["speaker"] and s["speaker"] not in publishers else None
            entity = speaker[0] if speaker else None
            self.statements.append((pk, s["speaker"], entity, s["kind"], s["text"], s["verb"], s["start"],
                                    s["end"], day, dup))
            if entity is not None and not dup:
                self.actor_counts[entity][1] += 1
        self._events(pk, data["events"], actors, times, day, dup)
        quantities = {q["id"]: q["text"] for q in data["quantities"]}
        self._agreements(pk, data["agreements"], text, times, day, dup, quantities, score)
        for g in data["gatherings"]:
            parties = "|".join(sorted(g["parties"]))
            entity, key, new = self.index.gathering(g["kind"], g["name"], g["ordinal"], parties, day)
            if new:
                self.new_gatherings.append((entity, g["kind"], g["name"], g["ordinal"], parties, key, day))
            value = times.get(g["time"], {}).get("value") if g["time"] else None
            self.gatherings.append((pk, entity, g["kind"], g["name"], g["ordinal"], g["location"], g["time"],
                                    value, parties, _dumps(g["attendance"]), _evidence(text, g["evidence"]),
                                    day, dup))
        self.topics.extend((pk, topic) for topic in data["topics"])

    def _actors(self, pk: int, actors: list[dict[str, Any]], day: str | None,
                dup: int) -> dict[str, tuple[int, str | None]]:
        """Resolve the document's actors; actor id -> (entity pk, country)."""
        found: dict[str, tuple[int, str | None]] = {}
        for a in actors:
            entity, new, update = self.index.actor(a["type"], a["name"], a.get("canonical"), a.get("country"),
                                                   a.get("sector"))
            if new is not None:
                self.new_actors.append(new)
            if update is not None:
                previous = self.person_updates.get(update.pk)
                if previous is not None and update.name is None:
                    update.name = previous.name
                self.person_updates[update.pk] = update
            found[a["id"]] = (entity, a.get("country"))
            self.actors.append((pk, entity, a["name"]))
            if a["roles"]:
                self.actor_roles.extend((entity, pk, day, r["text"], r.get("en")) for r in a["roles"])
            counts = self.actor_counts.get(entity)
            if counts is None:
                counts = self.actor_counts[entity] = [0, 0, day, day]
            if not dup:
                counts[0] += 1
            if day:
                if not counts[2] or day < counts[2]:
                    counts[2] = day
                if not counts[3] or day > counts[3]:
                    counts[3] = day
        return found

    def _events(self, pk: int, events: list[dict[str, Any]], actors: dict[str, tuple[int, str | None]],
                times: dict[str, dict[str, Any]], day: str | None, dup: int) -> None:
        for e in events:
            event_pk = self.next_event
            self.next_event += 1
            sources = [actors[a] for a in e["source"] if a in actors]
            targets = [actors[a] for a in e["target"] if a in actors]
            src = sorted({c for _, c in sources if c})
            tgt = sorted({c for _, c in targets if c})
            value = times.get(e["time"], {}).get("value") if e["time"] else None
            when = day_of(value) or day
            trigger = e["trigger"]
            self.events.append((
                event_pk, pk, e["id"], e["type"], e["cameo"], "|".join(e["source"]), "|".join(e["target"]),
                "|".join(src), "|".join(tgt), e["modality"], "|".join(e["modes"]), "|".join(e["context"]),
                e["time"], when, trigger["text"], trigger["start"], trigger["end"], e["sentence"],
                sources[0][0] if sources else None, targets[0][0] if targets else None, dup,
            ))
            if not dup:
                pairs = {(min(s, t), max(s, t)) for s in src for t in tgt if s != t}
                self.event_pairs.extend((a, b, when or "", e["type"], event_pk) for a, b in sorted(pairs))

    def _agreements(self, pk: int, agreements: list[dict[str, Any]], text: str,
                    times: dict[str, dict[str, Any]], day: str | None, dup: int, quantities: dict[str, str],
                    score: float) -> None:
        for g in agreements:
            parties = "|".join(sorted(g["parties"]))
            assets = [quantities[q] for q in g.get("assets", ()) if q in quantities]
            keys = agreement_keys(g["label"], g.get("title"), g.get("subject"), assets)
            entity, new = self.index.agreement(g["type"], parties, day, g["status"], g["label"], keys)
            if new:
                self.new_agreements.append((entity, g["type"], parties, g["label"], " ".join(sorted(keys))))
            self.touched_agreements.add(entity)
            obs = self.next_observation
            self.next_observation += 1
            exclusive = None if g["exclusive"] is None else int(g["exclusive"])
            first = g["evidence"][0] if g["evidence"] else {}
            self.observations.append((obs, pk, g["id"], entity, g["type"], g["label"], parties, g["status"],
                                      exclusive, day, _evidence(text, g["evidence"]), dup, first.get("start"),
                                      first.get("end"), g.get("subject"), g.get("title"), g.get("summary"),
                                      _dumps(assets), _dumps(g.get("companies", [])),
                                      int(relevant(g, score))))
            for m in g["milestones"]:
                time = times.get(m["time"], {}) if m["time"] else {}
                value, relation = time.get("value"), time.get("relation")
                at = text.find(m["text"]) if m["text"] else -1
                self.milestones.append((obs, entity, pk, m["kind"], m["state"], m["time"], value, relation,
                                        due_date(value, relation), m["text"], day,
                                        at if at >= 0 else None, at + len(m["text"]) if at >= 0 else None))


def content_hash(text: str) -> str:
    """The identity of a document's content: sha256 of its normalised text (32 hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


_FIELDS: dict[type, tuple[str, ...]] = {}


def _record_json(record: Any) -> dict[str, Any]:
    """orjson's hook for records: a record's own `to_dict()` when its class overrides it (e.g. to
    leave out an empty additive field), else its fields one level deep (orjson encodes the rest)."""
    cls = type(record)
    if cls.to_dict is not Record.to_dict:
        return record.to_dict()
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(record))
    return {name: getattr(record, name) for name in names}


def _top_level_overrides() -> tuple[str, ...] | None:
    """The Analysis list fields whose records override `to_dict()`, when only such top-level records
    do (then orjson encodes the rest natively); None when a nested record does too."""
    classes = {name: getattr(model, str(f.type)[5:-1], None) for f in dataclasses.fields(Analysis)
               if (name := f.name) and str(f.type).startswith("list[")}
    overriding = {c for c in Record.__subclasses__() if c.to_dict is not Record.to_dict}
    if not overriding <= set(classes.values()):
        return None
    return tuple(sorted(name for name, cls in classes.items() if cls in overriding))


_OVERRIDDEN = _top_level_overrides()


def analysis_json(item: Analysis) -> bytes:
    """An analysis's contract JSON as UTF-8 bytes, encoded by orjson (records natively, in field order;
    records whose class overrides `to_dict()` by their own dict): the same object as `to_json()`
    gives, ten times faster, for handing analyses between processes."""
    if _OVERRIDDEN is None:
        return orjson.dumps(item, default=_record_json, option=orjson.OPT_PASSTHROUGH_DATACLASS)
    if not _OVERRIDDEN:
        return orjson.dumps(item)
    return orjson.dumps(as_dict(item))


def as_dict(item: Analysis | dict[str, Any] | str | bytes) -> dict[str, Any]:
    """An analysis as its contract dict (what `to_dict()` gives), from a record, a dict or JSON text."""
    if isinstance(item, Analysis):
        if _OVERRIDDEN is None or not _OVERRIDDEN:
            return orjson.loads(analysis_json(item))
        data = orjson.loads(orjson.dumps(item))
        for name in _OVERRIDDEN:
            data[name] = [record.to_dict() for record in getattr(item, name)]
        return data
    if isinstance(item, str | bytes):
        return orjson.loads(item)
    return item
