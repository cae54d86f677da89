"""An agreement's stage from the cues around a mention: status, milestones, tense.

A stage cue ("ditandatangani", "signed", "kelulusan Kabinet") counts as done unless a marker
before it in the same clause says otherwise: future ("akan", "will", "dijangka"), conditional
("jika", "once"), awaited ("untuk", "awaiting"), negation ("belum", "not") or an infinitive "to".
The nearest marker decides; "telah", "has", "was" say done. A cue right after the agreement's own
head only looks back to that head ("the agreement signed last year"). In "the second country after
X to sign", the tense is the main clause's ("bakal menjadi", "will become"), read before the ordinal.
In a clause that speaks of the future, a subordinate "after"/"selepas"/"within ... of" before a cue or its
label makes it a condition still to come ("deliveries will start after the new contract is signed"),
unless a past marker or a past date says it happened. A
decision verb right before a cue keeps it to come ("bersetuju memeterai", agreed to sign) but makes
a cancellation done ("bersetuju untuk membatalkan", "decided to scrap"); an
approval cue near any Cabinet ("the approval of the Thai Cabinet") marks a Cabinet approval. Some
delivery cues ("arrive", "tiba") count only right after an asset noun ("the first jets will arrive").
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from jalin.extract.agreements.lexicon import Hit, Matchers

# How many words a marker may sit before the cue it qualifies.
_REACH = {
    "future": 8, "past": 8, "conditional": 6, "negation": 3, "awaited": 1, "infinitive": 0, "decided": 0,
}
_CLAUSE_MARKS = ",;:“”\"()"
_AHEAD = 2


def _start(hit: Hit) -> int:
    return hit.start


@dataclass(slots=True)
class StageCue:
    start: int
    end: int
    key: str
    done: bool           # happened (True) or still to come / negated (False)
    status: str          # the status it implies, "" for none
    milestone: str       # milestone kind, "" for none
    if_expected: str     # the status it implies when it turns out to be still to come
    subordinate: bool = False  # to come only as the condition of another clause ("after it is signed")


def clause_start(lowered: str, lo: int, offset: int) -> int:
    """Start of the clause holding `offset`, not before `lo`."""
    cut = max(lowered.rfind(mark, lo, offset) for mark in _CLAUSE_MARKS)
    return max(lo, cut + 1)


def is_done(
    lowered: str, cue: Hit, lo: int, hi: int, markers: list[Hit], ordinals: list[Hit], m: Matchers
) -> bool:
    """Whether the stage cue `cue` is asserted as done, judged from markers in [lo, cue.start), else
    from a future marker right after it (before `hi`)."""
    until = cue.start
    first = bisect_left(ordinals, lo, key=_start)  # the first ordinal from `lo` on (they are in text order)
    if first < len(ordinals) and ordinals[first].start < cue.start:
        until = ordinals[first].start
    index = bisect_left(markers, until, key=_start)
    for i in range(index - 1, -1, -1):  # backwards from `until`, without copying the list
        marker = markers[i]
        if marker.end > until:
            continue
        if marker.start < lo:
            break
        distance = len(lowered[marker.end:until].split())
        roles = m.cue_roles[marker.key]
        for role, reach in _REACH.items():
            if role in roles and distance <= reach:
                return role == "past"
    if until == cue.start:  # a noun cue may take its tense after it: "delivery is expected in May"
        for marker in markers[bisect_left(markers, cue.end, key=_start):index + 4]:
            if len(lowered[cue.end:marker.start].split()) > _AHEAD or hi <= marker.start:
                break
            if "future" in m.cue_roles[marker.key]:
                return False
    return True


def _decided(lowered: str, cue: Hit, markers: list[Hit], m: Matchers) -> bool:
    """A decision verb right before the cue, or before a "to"/"untuk" right before it ("decided to
    cancel", "memutuskan membatalkan")."""
    index = bisect_left(markers, cue.start, key=_start)
    end = cue.start
    for marker in reversed(markers[max(0, index - 2):index]):
        if lowered[marker.end:end].strip():
            return False
        roles = m.cue_roles[marker.key]
        if "decided" in roles:
            return True
        if not {"awaited", "infinitive"} & roles:
            return False
        end = marker.start
    return False


_APPROVALS = frozenset({"approved", "pending_approval"})
_CABINET_REACH = 4  # words between an approval word and the Cabinet it names


def _cabinet_near(lowered: str, cue: Hit, scope: tuple[int, int], markers: list[Hit], m: Matchers) -> bool:
    """A "cabinet" word within a few words of an approval cue, either side, in its clause."""
    for marker in markers[bisect_left(markers, cue.start - 80, key=_start):]:
        if marker.start >= min(scope[1], cue.end + 80):
            break
        if "cabinet" not in m.cue_roles[marker.key] or marker.start < scope[0]:
            continue
        gap = lowered[marker.end:cue.start] if marker.end <= cue.start else lowered[cue.end:marker.start]
        if len(gap.split()) <= _CABINET_REACH and not any(mark in gap for mark in _CLAUSE_MARKS):
            return True
    return False


_ASSET_REACH = 4  # words between an asset noun and the delivery cue that needs it


def _asset_before(lowered: str, cue: Hit, lo: int, markers: list[Hit], m: Matchers) -> bool:
    """An asset noun within a few words before `cue`, in its clause ("the first aircraft should arrive")."""
    for marker in reversed(markers[:bisect_left(markers, cue.start, key=_start)]):
        gap = lowered[marker.end:cue.start]
        if marker.start < lo or len(gap.split()) > _ASSET_REACH or any(mark in gap for mark in _CLAUSE_MARKS):
            return False
        if "asset" in m.cue_roles[marker.key]:
            return True
    return False


_CONDITION_REACH = {"conditional": 3, "after": 4}


def _condition_before(lowered: str, offset: int, lo: int, markers: list[Hit], m: Matchers) -> str:
    """The role of a conditional ("if", "once", "jika") or subordinating ("after", "within ... of",
    "selepas") marker a few words before the agreement's label, else ""."""
    for marker in reversed(markers[:bisect_left(markers, offset, key=_start)]):
        distance = len(lowered[marker.end:offset].split())
        if marker.start < lo or distance > max(_CONDITION_REACH.values()):
            return ""
        for role, reach in _CONDITION_REACH.items():
            if role in m.cue_roles[marker.key] and distance <= reach:
                return role
    return ""


def _past_between(start: int, end: int, markers: list[Hit], m: Matchers) -> bool:
    """A past marker in [start, end) ("after the contract was signed")."""
    window = markers[bisect_left(markers, start, key=_start):bisect_left(markers, end, key=_start)]
    return any("past" in m.cue_roles[h.key] for h in window)


def stage_cues(
    lowered: str, hits: list[Hit], scope: tuple[int, int], head: tuple[int, int],
    markers: list[Hit], ordinals: list[Hit], m: Matchers,
) -> list[StageCue]:
    """The stage cues inside `scope` (outside the agreement's label `head`), each with its tense."""
    found = []
    window = markers[bisect_left(markers, scope[0], key=_start):bisect_left(markers, scope[1], key=_start)]
    future = any("future" in m.cue_roles[h.key] for h in window)  # a main clause still to come
    for hit in hits[bisect_left(hits, scope[0], key=_start):]:
        if hit.start >= scope[1]:
            break
        if hit.end > scope[1] or head[0] <= hit.start < head[1]:
            continue
        row = m.stage_rows[hit.key]
        if row.needs_asset and not _asset_before(lowered, hit, scope[0], markers, m):
            continue  # "the minister arrives": a visit, not a delivery
        if row.needs_head and not (hit.end <= head[0] and len(lowered[hit.end:head[0]].split()) <= 1):
            continue  # "an MoU on the exchange of threat data": its subject, not a ceremony
        lo = head[1] if head[1] <= hit.start else scope[0]
        hi = head[0] if hit.end <= head[0] else scope[1]
        start = clause_start(lowered, lo, hit.start)
        done = is_done(lowered, hit, start, hi, markers, ordinals, m)
        condition = _condition_before(lowered, head[0], scope[0], markers, m) if lo == head[1] else ""
        after = future and "after" in (condition, _condition_before(lowered, hit.start, start, markers, m))
        if condition == "after" and not future:
            condition = ""  # "he said after the MoU signing": a past event
        if done and (condition or after) and not _past_between(min(head[1], start), hit.start, markers, m):
            done = False  # "once the agreement is signed", "within a year of the contract signing"
        subordinate = not done and after
        if not done and not row.expected and _decided(lowered, hit, markers, m):
            done = True  # "bersetuju untuk membatalkan", "decided to scrap": the decision is the act
        milestone = "" if done and row.only_expected else row.milestone
        if not milestone and row.done in _APPROVALS and _cabinet_near(lowered, hit, scope, markers, m):
            milestone = "cabinet_approval"  # "approval of the Thai Cabinet", "kelulusan Kabinet Thailand"
            done = done and row.done == "approved"
        found.append(StageCue(hit.start, hit.end, hit.key, done,
                              row.done if done else row.expected, milestone, row.expected, subordinate))
    return found
