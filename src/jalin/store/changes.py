"""What changed in the agreements record since a date: new agreements, status changes, and milestones
that became overdue, each with the report that shows it.

Works on `Store.agreement_records()` (any backend): an agreement is new on the day of its first report;
its status changes on the day of a report whose status differs from the one before (reports that say
nothing of the status, `unknown`, are skipped); a milestone becomes overdue the day after it was due.
Changes are listed newest first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

KINDS = ("new", "status", "overdue")


@dataclass(frozen=True, slots=True)
class Change:
    id: str                # stable: kind, agreement and what changed ("status:12:2025-10-24:approved")
    kind: str              # new | status | overdue
    date: str              # ISO day it happened (for a report: the report's date)
    agreement: int
    parties: list[str]
    summary: str           # the agreement's summary line
    text: str              # one English sentence of what changed
    evidence: str | None   # the sentence(s) that show it
    document: str | None   # the report (document id) that shows it
    start: int | None      # the evidence's offsets in that document
    end: int | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _label(value: str | None) -> str:
    return (value or "unknown").replace("_", " ")


def _name(record: dict[str, Any]) -> str:
    return record.get("summary") or f"{_label(record['type'])} agreement ({'–'.join(record['parties'])})"


def agreement_changes(record: dict[str, Any], since: str, as_of: str) -> list[Change]:
    """The changes of one agreement record dated in [since, as_of]."""
    found: list[Change] = []
    pk, parties, line = record["id"], record["parties"], _name(record)

    def add(kind: str, day: str, key: str, text: str, row: dict[str, Any], evidence: str | None) -> None:
        if since <= day <= as_of:
            found.append(Change(f"{kind}:{pk}:{key}", kind, day, pk, parties, line, text, evidence,
                                row.get("document", row.get("doc_id")), row.get("start"), row.get("end")))

    history = [h for h in record["history"] if h.get("date")]
    if history:
        first = history[0]
        add("new", first["date"], first["date"], f"New agreement reported: {line}", first,
            first.get("evidence"))
    previous: str | None = None
    for step in history:
        status = step.get("status")
        if not status or status == "unknown":
            continue
        if previous is not None and status != previous:
            add("status", step["date"], f"{step['date']}:{status}",
                f"Status changed from {_label(previous)} to {_label(status)}: {line}", step,
                step.get("evidence"))
        previous = status
    for mark in record.get("overdue", ()):
        due = mark.get("due")
        if not due:
            continue
        late = (date.fromisoformat(due) + timedelta(days=1)).isoformat()
        add("overdue", late, f"{mark['kind']}:{due}",
            f"{_label(mark['kind']).capitalize()} overdue (due {due}): {line}", mark, mark.get("text"))
    return found


def changes(records: Iterable[dict[str, Any]], since: str, as_of: str | None = None) -> list[Change]:
    """Every change of these agreement records (a list or a stream) dated in [since, as_of] (default
    today), newest first."""
    until = as_of or date.today().isoformat()
    found = [change for record in records for change in agreement_changes(record, since, until)]
    return sorted(found, key=lambda c: (c.date, KINDS.index(c.kind), c.agreement), reverse=True)
