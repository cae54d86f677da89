"""A document's text cut into segments, each marked with the extracted records that cover it.

Every record with a span (actor mentions, statements, event triggers, agreement and gathering
evidence, times, quantities) becomes a mark of its layer; the text is cut at every mark boundary and
sentence start, in one sweep, so overlapping marks simply give a segment several layers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

# Layer name, label, and the priority of its record when a segment links to one (lower first).
LAYERS: tuple[tuple[str, str], ...] = (
    ("agreement", "Agreement evidence"),
    ("event", "Event trigger"),
    ("statement", "Statement"),
    ("gathering", "Gathering"),
    ("actor", "Actor mention"),
    ("time", "Time"),
    ("quantity", "Quantity"),
)
_PRIORITY = {name: i for i, (name, _) in enumerate(LAYERS)}


@dataclass(slots=True, frozen=True)
class Mark:
    layer: str
    ref: str      # the record's anchor id in the side list, e.g. "g1", "s2", "a1"
    label: str    # a short description (tooltip)
    start: int
    end: int


@dataclass(slots=True)
class Segment:
    text: str
    start: int
    marks: list[Mark] = field(default_factory=list)
    sentence: int | None = None   # set on the segment that opens a sentence
    focus: bool = False           # inside the span the page was asked to show

    @property
    def layers(self) -> list[str]:
        return sorted({m.layer for m in self.marks}, key=_PRIORITY.__getitem__)

    @property
    def primary(self) -> Mark | None:
        """The record a click on this segment goes to: the most specific layer, innermost span."""
        if not self.marks:
            return None
        return min(self.marks, key=lambda m: (_PRIORITY[m.layer], m.end - m.start, m.start, m.ref))

    @property
    def title(self) -> str:
        return " · ".join(m.label for m in sorted(self.marks, key=lambda m: (_PRIORITY[m.layer], m.ref)))


def _spans(items: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [s for s in (items or []) if isinstance(s, dict) and "start" in s and "end" in s]


def marks_of(analysis: dict[str, Any]) -> list[Mark]:
    """Every highlightable span of an analysis (contract dict), as marks."""
    names = {a["id"]: a.get("name") or a["id"] for a in analysis.get("actors", [])}
    out: list[Mark] = []
    for a in analysis.get("actors", []):
        label = f"{a.get('name')} ({a.get('type')}{', ' + a['country'] if a.get('country') else ''})"
        out.extend(Mark("actor", a["id"], label, m["start"], m["end"]) for m in _spans(a.get("mentions")))
    for i, s in enumerate(analysis.get("statements", []), 1):
        speaker = names.get(s.get("speaker"), "unattributed")
        label = f"{s.get('kind')} statement by {speaker}"
        out.append(Mark("statement", f"s{i}", label, s["start"], s["end"]))
    for e in analysis.get("events", []):
        trigger = e.get("trigger") or {}
        if "start" in trigger:
            out.append(Mark("event", e["id"], f"{e.get('type')} event ({e.get('modality')})",
                            trigger["start"], trigger["end"]))
    for g in analysis.get("agreements", []):
        label = f"{g.get('type')} agreement, {str(g.get('status')).replace('_', ' ')}"
        out.extend(Mark("agreement", g["id"], label, s["start"], s["end"]) for s in _spans(g.get("evidence")))
    for i, g in enumerate(analysis.get("gatherings", []), 1):
        label = f"{g.get('kind')}: {g.get('name') or ''}".strip(": ")
        out.extend(Mark("gathering", f"m{i}", label, s["start"], s["end"]) for s in _spans(g.get("evidence")))
    for t in analysis.get("times", []):
        label = f"time {t.get('value')} ({t.get('relation')})"
        out.append(Mark("time", t["id"], label, t["start"], t["end"]))
    for q in analysis.get("quantities", []):
        out.append(Mark("quantity", q["id"], f"{q.get('qualifier')} {q.get('value')} {q.get('unit')}",
                        q["start"], q["end"]))
    return out


def segments(text: str, marks: list[Mark], sentence_starts: Iterable[int] = (),
             focus: tuple[int, int] | None = None) -> list[Segment]:
    """`text` cut at every mark boundary, sentence start and focus boundary, in text order."""
    size = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= size]
    cuts = {0, size}
    for m in valid:
        cuts.update((m.start, m.end))
    starts = {s for s in sentence_starts if 0 <= s < size}
    cuts.update(starts)
    if focus is not None:
        cuts.update(max(0, min(size, f)) for f in focus)
    opening: dict[int, list[Mark]] = {}
    for m in valid:
        opening.setdefault(m.start, []).append(m)
    order = {s: i for i, s in enumerate(sorted(starts))}
    active: list[Mark] = []
    out: list[Segment] = []
    bounds = sorted(cuts)
    for left, right in pairwise(bounds):
        active = [m for m in active if m.end > left] + opening.get(left, [])
        inside = focus is not None and focus[0] <= left and right <= focus[1]
        out.append(Segment(text[left:right], left, sorted(active, key=lambda m: (m.start, m.layer, m.ref)),
                           order.get(left), inside))
    return out
