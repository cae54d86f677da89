"""Milestones said of an agreement in a later sentence that names no agreement.

Two kinds: a coming delivery of the asset an earlier purchase names ("the first ship is expected to be
handed over in the third quarter of 2026", "kapal pertama dijangka diserahkan pada 2026"), and a
Cabinet decision about what the sentence before reported ("the decision was made at the Cabinet
meeting last Wednesday", "keputusan itu dibuat dalam mesyuarat Jemaah Menteri"). Only sentences
without an agreement head are read; the caller decides which agreement each one belongs to.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from jalin.doc import Doc
from jalin.extract.agreements.lexicon import Hit, Matchers, scan
from jalin.extract.agreements.stage import StageCue, stage_cues

_ABOUT = (["to"], ["untuk"], ["on"], ["mengenai"], ["for"], ["bagi"], ["tentang"], ["regarding"])
_DECISION_REACH = 10  # words between "the decision"/"keputusan itu" and the Cabinet that made it


@dataclass(slots=True)
class FollowUp:
    sentence: int
    cue: StageCue


def _start(hit: Hit) -> int:
    return hit.start


def follow_ups(
    doc: Doc, m: Matchers, lowered: str, skipped: set[int], markers_of: frozenset[str], deliveries: bool
) -> list[FollowUp]:
    """Coming deliveries (when `deliveries`: some purchase names an asset) and Cabinet decisions in the
    sentences not in `skipped` (those that name an agreement); `markers_of`: the cue roles that mark
    tense (as for the agreement sentences)."""
    sentences = doc.sentences
    stages = []
    if deliveries:
        spans = [(s.start, s.end) for i, s in enumerate(sentences) if i not in skipped]
        stages = [h for h in scan(m.stages, lowered, spans) if m.stage_rows[h.key].milestone == "delivery"]
    # Function words only where they can matter: around those deliveries, and in the sentence right
    # after each agreement sentence (a decision there is about it).
    read = {doc.sentence_index(h.start) for h in stages}
    read.update(i + 1 for i in skipped if i + 1 < len(sentences) and i + 1 not in skipped)
    words = scan(m.cues, lowered, [(sentences[i].start, sentences[i].end) for i in sorted(read)])
    decisions = [h for h in words if "decision" in m.cue_roles[h.key]]
    if not stages and not decisions:
        return []
    markers = [h for h in words if markers_of & m.cue_roles[h.key]]
    found = []
    for hit in stages:
        index = doc.sentence_index(hit.start)
        scope = (doc.sentences[index].start, doc.sentences[index].end)
        for cue in stage_cues(lowered, [hit], scope, (scope[0], scope[0]), markers, [], m):
            if not cue.done:
                found.append(FollowUp(index, cue))
    for hit in decisions:
        if lowered[hit.end:hit.end + 12].split()[:1] in _ABOUT:
            continue  # "the decision to raise fuel prices": about something else
        cabinet = _cabinet_after(lowered, hit, markers, m)
        if cabinet is not None:
            found.append(FollowUp(doc.sentence_index(hit.start), StageCue(
                hit.start, cabinet.end, hit.key, True, "approved", "cabinet_approval", "pending_approval")))
    return sorted(found, key=lambda f: f.cue.start)


def _cabinet_after(lowered: str, decision: Hit, markers: list[Hit], m: Matchers) -> Hit | None:
    """The Cabinet named a few words after a decision word, with no future or negation between."""
    for marker in markers[bisect_left(markers, decision.end, key=_start):]:
        if len(lowered[decision.end:marker.start].split()) > _DECISION_REACH or "." in lowered[
                decision.end:marker.start]:
            return None
        roles = m.cue_roles[marker.key]
        if roles & {"future", "negation", "conditional"}:
            return None
        if "cabinet" in roles:
            return marker
    return None
