"""Read-only queries over earlier layers' records, for any layer: the countries named in a span,
the times in a span, who is speaking at an offset, and the date relative times are resolved
against. Each reads a typed `Doc` field and raises `LayerOrderError` when the layer that writes
it has not run yet (the pipeline's order is wrong), instead of running that layer itself.
"""

from __future__ import annotations

import bisect
from datetime import date

from jalin.doc import CountryRef, Doc, TimeReference
from jalin.model import Statement, TimeExpr


class LayerOrderError(RuntimeError):
    """A layer asked for another layer's output before that layer ran."""


def country_refs(doc: Doc) -> list[CountryRef]:
    """(start, end, ISO3, actor id) of every explicit country reference (the actors layer's)."""
    if doc.country_refs is None:
        raise LayerOrderError("countries_in: the actors layer has not run on this document yet")
    return doc.country_refs


def countries_in(doc: Doc, start: int, end: int) -> list[tuple[str, int, int, str]]:
    """(ISO3, mention start, mention end, actor id) of every country reference in [start, end)."""
    mentions = country_refs(doc)
    first = bisect.bisect_left(mentions, (start,))
    out = []
    for i in range(first, len(mentions)):  # an index, not a slice: a slice copies the rest of the list
        m_start, m_end, iso, actor_id = mentions[i]
        if m_start >= end:
            break
        if m_end <= end:
            out.append((iso, m_start, m_end, actor_id))
    return out


def times_in(doc: Doc, start: int, end: int) -> list[TimeExpr]:
    """The document's time expressions that lie inside [start, end), in the order of `doc.times`
    (by bisect over their starts, indexed once per list of times)."""
    times = doc.times
    cache = doc.private("common.queries")
    cached = cache.get("times")
    if cached is None or cached[0] is not times or cached[1] != len(times):
        cached = cache["times"] = (times, len(times), sorted((t.start, i) for i, t in enumerate(times)))
    starts: list[tuple[int, int]] = cached[2]
    inside = []
    for i in range(bisect.bisect_left(starts, (start,)), len(starts)):
        if starts[i][0] >= end:
            break
        inside.append(starts[i][1])
    return [times[i] for i in sorted(inside) if times[i].end <= end]


def speaker_at(doc: Doc, offset: int) -> str | None:
    """The actor id of whoever is speaking at `offset` (inside a quote or reported clause)."""
    found = statement_at(doc, offset)
    return found.speaker if found is not None else None


def statement_at(doc: Doc, offset: int) -> Statement | None:
    """The first statement holding `offset`, found by bisect over the statements' starts (indexed
    once per list)."""
    statements = doc.statements
    cache = doc.private("common.queries")
    cached = cache.get("statements")
    if cached is None or cached[0] is not statements or cached[1] != len(statements):
        ordered = sorted((s.start, i) for i, s in enumerate(statements))
        longest = max((s.end - s.start for s in statements), default=0)
        starts = [start for start, _ in ordered]
        cached = cache["statements"] = (statements, len(statements), ordered, starts, longest)
    _, _, ordered, starts, longest = cached
    # Only a statement starting within the longest one's length before `offset` can hold it.
    low, high = bisect.bisect_left(starts, offset - longest), bisect.bisect_right(starts, offset)
    found = min((i for _, i in ordered[low:high] if offset < statements[i].end), default=None)
    return statements[found] if found is not None else None


def time_reference(doc: Doc) -> TimeReference:
    """The times layer's reference; before it ran, the publication date (and its year) alone."""
    if doc.time_reference is not None:
        return doc.time_reference
    return TimeReference(doc.published, doc.published.year if doc.published else None)


def reference_date(doc: Doc) -> date | None:
    """The date relative expressions were resolved against: the publication date, else the one
    inferred from the dateline and the text's years (None when neither gives a full date)."""
    return time_reference(doc).date


def reference_year(doc: Doc) -> int | None:
    """The year relative expressions were resolved against (known more often than the full date)."""
    return time_reference(doc).year
