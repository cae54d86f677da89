"""An agreement's record across reports: status history, current status and overdue milestones.

Pure functions over plain rows, shared by every backend. An observation is one document's report of
the agreement; a milestone row belongs to one observation.

A milestone is overdue as of a date when the latest report expecting it (on or before that date) set
a deadline that has passed (see `expects`; a done milestone sets none), and no report up to that date
says it happened: neither a `done` milestone of the same kind nor a status that implies it (Cabinet
approval is implied by `approved` or any later stage; signing by `signed` or later, and so on). A
cancelled agreement has nothing overdue.
"""

from __future__ import annotations

from typing import Any

from jalin.model import AGREEMENT_STATUSES

# Order of progress; `stalled`, `cancelled` and `unknown` are not stages.
STAGES = ("proposed", "negotiating", "pending_approval", "approved", "signed", "in_force", "implemented")
_RANK = {status: i for i, status in enumerate(AGREEMENT_STATUSES)}
# Statuses that report a milestone of the kind as done.
IMPLIED_BY: dict[str, frozenset[str]] = {
    "cabinet_approval": frozenset(STAGES[3:]),
    "signing": frozenset(STAGES[4:]),
    "ratification": frozenset(STAGES[5:]),
    "entry_into_force": frozenset(STAGES[5:]),
    "delivery": frozenset(STAGES[6:]),
    "other": frozenset(),
}


def _when(row: dict[str, Any]) -> str:
    return row.get("date") or ""


def visible(rows: list[dict[str, Any]], as_of: str | None) -> list[dict[str, Any]]:
    """Rows reported on or before `as_of` (undated rows always), oldest first."""
    kept = [r for r in rows if as_of is None or not r.get("date") or r["date"] <= as_of]
    return sorted(kept, key=lambda r: (_when(r), r.get("doc_id") or ""))


def current_status(observations: list[dict[str, Any]]) -> tuple[str, str | None]:
    """(status, date) of the latest report that states one; ties go to the furthest stage."""
    known = [o for o in observations if o["status"] != "unknown"]
    if not known:
        return "unknown", None
    latest = max(known, key=lambda o: (_when(o), _RANK.get(o["status"], 0)))
    return latest["status"], latest.get("date")


def expects(milestone: dict[str, Any]) -> bool:
    """Whether a milestone row sets a deadline: it is expected and its time resolves to a due day that
    is not before the report itself ("signed in December", read as expected and resolved to a past
    December, reports something done, not a deadline)."""
    if milestone["state"] != "expected" or not milestone.get("due"):
        return False
    reported = milestone.get("date")
    return not reported or milestone["due"] >= reported


def overdue(observations: list[dict[str, Any]], milestones: list[dict[str, Any]],
            as_of: str) -> list[dict[str, Any]]:
    """The agreement's overdue milestones as of `as_of` (ISO date), given rows already `visible`."""
    if any(o["status"] == "cancelled" for o in observations):
        return []
    latest: dict[str, dict[str, Any]] = {}
    for m in milestones:
        if expects(m):
            latest[m["kind"]] = m  # rows are oldest first: the last one wins
    late = []
    for kind, m in sorted(latest.items()):
        if m["due"] >= as_of:
            continue
        since = _when(m)
        done = any(d["kind"] == kind and d["state"] == "done" for d in milestones) or any(
            o["status"] in IMPLIED_BY[kind] and _when(o) >= since for o in observations)
        if not done:
            late.append({"kind": kind, "due": m["due"], "value": m.get("value"),
                         "relation": m.get("relation"), "text": m.get("text"), "document": m.get("doc_id"),
                         "reported": m.get("date"), "start": m.get("start"), "end": m.get("end")})
    return late
