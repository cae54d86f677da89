"""Attribution cues ("berkata", "said", "katanya", "menurut", "according to"): found once per
document with the whole-word phrase finder, shared by the persons rules and the statements layer."""

from __future__ import annotations

import bisect
from typing import Any

from jalin.doc import Doc, SpeechCue
from jalin.extract.common import matcher as phrases
from jalin.lexicon import Lexicon

Cue = SpeechCue  # a hand-off type, declared with the other typed fields in `jalin.doc`


def _automaton(lexicon: Lexicon) -> Any:
    return phrases.automaton((row["form"], row["position"]) for row in lexicon.table("speech_verbs"))


def all_cues(doc: Doc) -> list[Cue]:
    """Every cue of the document in text order (cached on the doc); "kata-kata" is not a cue."""
    found = doc.speech_cues
    if found is None:
        text = doc.text
        hits = [(s, e, v[0]) for s, e, v in phrases.find(doc, doc.lexicon.cached("speech.cues", _automaton))
                if text[e:e + 1] != "-" and text[s - 1:s] != "-"]
        found = doc.speech_cues = [Cue(s, e, text[s:e], p) for s, e, p in phrases.leftmost_longest(hits)
                                            if p != "none"]
        doc.speech_cue_starts = [c.start for c in found]
    return found


def cues_in(doc: Doc, start: int, end: int) -> list[Cue]:
    """The cues inside [start, end)."""
    found = all_cues(doc)
    starts = _starts(doc)
    first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return [found[i] for i in range(first, last) if found[i].end <= end]


def any_cue(doc: Doc, start: int, end: int) -> bool:
    """Whether a cue starts inside [start, end)."""
    starts = _starts(doc)
    index = bisect.bisect_left(starts, start)
    return index < len(starts) and starts[index] < end


def _starts(doc: Doc) -> list[int]:
    all_cues(doc)
    assert doc.speech_cue_starts is not None
    return doc.speech_cue_starts
