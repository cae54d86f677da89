"""The records of the contract `jalin.analysis/1` (see SCHEMA.md) and their one JSON form.

Every record is a slotted dataclass. `to_dict()` gives the contract's JSON object with keys in the
contract's order; extra fields (additive) come after the contract's own. `Analysis.from_dict()` reads
it back, so the store and the batch results can rebuild records without re-analysing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

import orjson

SCHEMA_ID = "jalin.analysis/1"

ACTOR_TYPES = ("COUNTRY", "PERSON", "ORGANISATION", "GROUP", "LOCATION")
SECTORS = ("GOV", "MIL", "BUS", "MED", "EDU", "IGO", "CVL")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "intended", "expected", "requested", "negated", "hypothetical")
MODES = (
    "procurement", "technology_transfer", "joint_development", "joint_production", "training",
    "research", "maintenance", "investment", "industrial_participation", "exercise",
    "intelligence_sharing", "personnel_exchange",
)
CONTEXTS = (
    "military", "defence_industry", "diplomatic", "economic", "security", "technology",
    "artificial_intelligence", "maritime", "cyber", "humanitarian",
)
AGREEMENT_TYPES = (
    "g2g_procurement", "procurement_contract", "mou", "loi", "defence_cooperation", "framework",
    "joint_venture", "other",
)
AGREEMENT_STATUSES = (
    "proposed", "negotiating", "pending_approval", "approved", "signed", "in_force",
    "implemented", "stalled", "cancelled", "unknown",
)
MILESTONE_KINDS = ("cabinet_approval", "signing", "ratification", "delivery", "entry_into_force", "other")
GATHERING_KINDS = (
    "seminar", "conference", "summit", "meeting", "visit", "exhibition", "exercise", "talks", "other",
)
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most", "up_to")
GRANULARITIES = ("day", "week", "month", "quarter", "year")
RELATIONS = ("on", "by", "before", "after", "since", "during")
LANGUAGES = ("ms", "en", "id", "other")


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _plain_floats(quantities: list[Quantity]) -> bool:
    """No quantity value that orjson writes unlike Python's `repr` (exponents, NaN, infinities).

    `Quantity.value` is the contract's only float field (a test keeps it so)."""
    for quantity in quantities:
        value = quantity.value
        if type(value) is float and not (value == 0 or 1e-4 <= abs(value) < 1e16):
            return False
    return True


def _record_dict(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


class Record:
    """Mixin: JSON form of a slotted dataclass, fields in declaration order."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(slots=True)
class Span(Record):
    start: int
    end: int


@dataclass(slots=True)
class TextSpan(Record):
    start: int
    end: int
    text: str


@dataclass(slots=True)
class DocumentInfo(Record):
    id: str
    source: str | None = None
    published: str | None = None
    dateline: str | None = None
    language: str = "other"
    title: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Role(Record):
    text: str
    en: str | None = None


@dataclass(slots=True)
class Actor(Record):
    id: str
    type: str
    name: str
    canonical: str | None = None
    country: str | None = None
    sector: str | None = None
    roles: list[Role] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    mentions: list[TextSpan] = field(default_factory=list)


@dataclass(slots=True)
class Statement(Record):
    speaker: str | None
    kind: str
    text: str
    verb: str | None
    start: int
    end: int


@dataclass(slots=True)
class Event(Record):
    id: str
    type: str
    cameo: str | None
    source: list[str]
    target: list[str]
    modality: str
    modes: list[str]
    context: list[str]
    time: str | None
    trigger: TextSpan
    sentence: int


@dataclass(slots=True)
class Milestone(Record):
    kind: str
    state: str
    time: str | None
    text: str


@dataclass(slots=True)
class Agreement(Record):
    id: str
    type: str
    label: str
    parties: list[str]
    status: str
    exclusive: bool | None
    milestones: list[Milestone] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    # Additive: the subject matter (the `modes` vocabulary) of the sentences that name it.
    modes: list[str] = field(default_factory=list)
    # Additive: what it is about ("FA-50 light combat aircraft", "maritime security"), its name when
    # the text gives one ("Visiting Forces Agreement (VFA)"), the ids of the quantities of equipment it
    # buys or delivers, the actor ids of the companies that are its parties, and one English line.
    subject: str | None = None
    title: str | None = None
    assets: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    summary: str = ""


@dataclass(slots=True)
class Gathering(Record):
    kind: str
    name: str | None
    ordinal: int | None
    location: str | None
    time: str | None
    parties: list[str]
    attendance: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Quantity(Record):
    id: str
    value: float | int
    qualifier: str
    unit: str | None
    text: str
    start: int
    end: int


@dataclass(slots=True)
class TimeExpr(Record):
    id: str
    text: str
    value: str | None
    granularity: str | None
    relation: str
    start: int
    end: int


@dataclass(slots=True)
class Analysis(Record):
    schema: str
    document: DocumentInfo
    text: str
    sentences: list[Span] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    gatherings: list[Gathering] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)

    def to_json(self, pretty: bool = False) -> str:
        """The contract's JSON text: deterministic, UTF-8 characters kept as written.

        The compact form is encoded by orjson, byte for byte what `json.dumps(self.to_dict(),
        ensure_ascii=False, separators=(",", ":"))` gives (the reference, used whenever orjson could
        differ: floats it writes in another notation, text it rejects, integers beyond 64 bits).
        """
        if pretty:
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
        fast = self._orjson() if _plain_floats(self.quantities) else None
        if fast is not None:
            return fast.decode("utf-8")
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    def _orjson(self) -> bytes | None:
        try:
            if any(cls.to_dict is not Record.to_dict for cls in Record.__subclasses__()):
                # a record with its own `to_dict()`: every record goes through its `to_dict()`
                return orjson.dumps(self, default=_record_dict, option=orjson.OPT_PASSTHROUGH_DATACLASS)
            return orjson.dumps(self)  # slotted dataclasses natively, fields in declaration order
        except TypeError:  # lone surrogates, integers beyond 64 bits, keys that are not text
            return None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return Analysis(
            schema=data["schema"],
            document=DocumentInfo(**data["document"]),
            text=data["text"],
            sentences=[Span(**s) for s in data["sentences"]],
            actors=[
                Actor(**{**a, "roles": [Role(**r) for r in a["roles"]],
                         "mentions": [TextSpan(**m) for m in a["mentions"]]})
                for a in data["actors"]
            ],
            statements=[Statement(**s) for s in data["statements"]],
            events=[Event(**{**e, "trigger": TextSpan(**e["trigger"])}) for e in data["events"]],
            agreements=[
                Agreement(**{**g, "milestones": [Milestone(**m) for m in g["milestones"]],
                             "evidence": [Span(**s) for s in g["evidence"]]})
                for g in data["agreements"]
            ],
            gatherings=[
                Gathering(**{**g, "evidence": [Span(**s) for s in g["evidence"]]})
                for g in data["gatherings"]
            ],
            quantities=[Quantity(**q) for q in data["quantities"]],
            times=[TimeExpr(**t) for t in data["times"]],
            topics=list(data["topics"]),
        )
