"""The topics layer: the context labels (SCHEMA `topics`) central to the whole article.

Each label scores the weights of its cues (`contexts.tsv`) across the text (a cue said n times
counts sqrt(n) times, so one word repeated does not outweigh many different ones), cues in the
title counting `TITLE_WEIGHT` times, plus `EVENT_WEIGHT` for every event whose sentence carries it and
for every event between two countries (`diplomatic`). The best label is central when it reaches
`MIN_SCORE`; the runner-up needs `SECOND_SHARE` of the best score as well, each further label
`OTHER_SHARE` (the more labels, the higher the bar; both shares chosen on the dev golds, the seed
exact). A broad label gives way to a narrower one that is central ("technology" to
"artificial_intelligence" or "cyber").
"""

from __future__ import annotations

import math

from jalin.doc import Doc
from jalin.extract.common.cues import context_hits
from jalin.model import CONTEXTS

TITLE_WEIGHT = 3.0
EVENT_WEIGHT = 0.25
MIN_SCORE = 3.0
SECOND_SHARE = 0.35
OTHER_SHARE = 0.6
# Events between countries of these types are diplomacy, whatever else they are about.
DIPLOMATIC_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "REQUEST", "REJECT", "PROTEST"})
NARROWER = {"technology": ("artificial_intelligence", "cyber")}


def scores(doc: Doc) -> dict[str, float]:
    """Each context label's score over the article (labels without cues are left out)."""
    total: dict[str, float] = {}
    seen: dict[tuple[str, str], int] = {}
    for start, end, labels, weight in context_hits(doc, 0, len(doc.text)):
        cue = doc.text[start:end].casefold()
        for label in labels:
            n = seen[(cue, label)] = seen.get((cue, label), 0) + 1
            # Each repetition of one cue counts less: n uses add up to weight * sqrt(n).
            total[label] = total.get(label, 0.0) + weight * (math.sqrt(n) - math.sqrt(n - 1))
    title = doc.info.title or ""
    if title:
        title_doc = Doc(text=title, info=doc.info, lexicon=doc.lexicon)
        for _, _, labels, weight in context_hits(title_doc, 0, len(title)):
            for label in labels:
                total[label] = total.get(label, 0.0) + TITLE_WEIGHT * weight
    for event in doc.events:
        labels = set(event.context)
        if event.type in DIPLOMATIC_TYPES:
            labels.add("diplomatic")
        for label in labels:
            total[label] = total.get(label, 0.0) + EVENT_WEIGHT
    return total


def _share(rank: int) -> float:
    return 1.0 if rank == 0 else SECOND_SHARE if rank == 1 else OTHER_SHARE


def extract(doc: Doc) -> list[str]:
    if not doc.text:
        return []
    total = scores(doc)
    if not total:
        return []
    ranked = sorted(total.items(), key=lambda item: (-item[1], CONTEXTS.index(item[0])))
    best = ranked[0][1]
    central = {
        label for rank, (label, score) in enumerate(ranked)
        if score >= MIN_SCORE and score >= best * _share(rank)
    }
    for broad, narrow in NARROWER.items():
        if broad in central and central.intersection(narrow):
            central.discard(broad)
    return [label for label in CONTEXTS if label in central]


