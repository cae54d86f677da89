"""Cue lexicons shared by the events and agreements layers: cooperation modes, context and modality.

- `modes_in(doc, start, end)`: the cooperation modes (`modes.tsv`) named in a span;
- `contexts_in(doc, start, end)`: the context labels (`contexts.tsv`) named in a span;
- `modality_at(doc, start, end, trigger_start)`: the modality (`modality.tsv`) of a trigger at
  `trigger_start` inside the clause [start, end).

All three return values in the contract's vocabulary order, so output is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jalin.doc import Doc
from jalin.extract.common.matcher import PhraseMatcher
from jalin.extract.common.words import alternation, function_words
from jalin.lexicon import Lexicon, split_cell
from jalin.model import CONTEXTS, MODALITIES, MODES

# Strongest first: when several cues reach one trigger, the first of these wins.
MODALITY_STRENGTH = ("negated", "hypothetical", "requested", "expected", "intended")
_SHADOW = "-"
_WORD = re.compile(r"\w+")  # "latihan", "2024" (one word)


def _label_matcher(
    table: str, vocabulary: tuple[str, ...], column: str
) -> Callable[[Lexicon], PhraseMatcher[str]]:
    def build(lexicon: Lexicon) -> PhraseMatcher[str]:
        entries = []
        for row in lexicon.table(table):
            for label in split_cell(row.get(column, "")):
                if label != _SHADOW and label not in vocabulary:
                    raise ValueError(f"{table}.tsv: unknown label {label!r} for cue {row['cue']!r}")
                entries.append((row["cue"], label))
        return PhraseMatcher(entries)

    return build


_build_modes = _label_matcher("modes", MODES, "modes")
_build_contexts = _label_matcher("contexts", CONTEXTS, "contexts")


def _labels(
    doc: Doc, key: str, build: Callable[[Lexicon], PhraseMatcher[str]], vocabulary: tuple[str, ...],
    start: int, end: int,
) -> list[str]:
    matcher: PhraseMatcher[str] = doc.lexicon.cached(key, build)
    found = {label for _, _, labels in matcher.finditer(doc.text, start, end) for label in labels}
    return [label for label in vocabulary if label in found]


# A modifier shared by two coordinated nouns: "latihan dan pembangunan bersama" is also
# "latihan bersama"; "joint training and exercises" is also "joint exercises".
_AND_MS = alternation(function_words("CONJ", kind=("and", "also"), lang="ms"))  # dan, serta
_AND_EN = alternation(function_words("CONJ", kind=("and", "also"), lang="en"))  # and
# "latihan dan pembangunan bersama", "joint training and exercises"
_SHARED_MODIFIER = re.compile(
    rf"\b(\w+)\s+{_AND_MS}\s+\w+\s+(bersama|secara bersama)\b"
    rf"|\b(joint|jointly|co)[\s-]+\w+\s+{_AND_EN}\s+(\w+)\b",
    re.IGNORECASE,
)


# A transfer of something technical, with up to four words between: "transferring rotor blade
# repair technology", "memindahkan teknologi pembuatan", "transfer of radar know-how".
_TRANSFER = re.compile(
    r"\b(?:transfer(?:s|red|ring)?|memindahkan|dipindahkan|pemindahan)(?:\W+\w+){0,4}?\W+"
    r"(?:technolog(?:y|ies)|know-how|expertise|teknologi|kepakaran)\b",
    re.IGNORECASE,
)


def modes_in(doc: Doc, start: int, end: int) -> list[str]:
    """Cooperation modes named in doc.text[start:end], in the contract's order."""
    found = _labels(doc, "cues.modes", _build_modes, MODES, start, end)
    matcher: PhraseMatcher[str] = doc.lexicon.cached("cues.modes", _build_modes)
    extra = set(found)
    for match in _SHARED_MODIFIER.finditer(doc.text, start, end):
        phrase = f"{match[1]} {match[2]}" if match[1] else f"{match[3]} {match[4]}"
        extra.update(label for _, _, labels in matcher.finditer(phrase) for label in labels)
    if _TRANSFER.search(doc.text, start, end):
        extra.add("technology_transfer")
    extra.discard(_SHADOW)
    return [label for label in MODES if label in extra]


def contexts_in(doc: Doc, start: int, end: int) -> list[str]:
    """Context labels named in doc.text[start:end], in the contract's order."""
    return _labels(doc, "cues.contexts", _build_contexts, CONTEXTS, start, end)


def context_hits(doc: Doc, start: int, end: int) -> list[tuple[int, int, list[str], float]]:
    """Every context cue in the span: (start, end, labels, weight), for article-level counts."""
    matcher: PhraseMatcher[tuple[str, float]] = doc.lexicon.cached("cues.context_weights", _build_weights)
    hits = []
    for s, e, values in matcher.finditer(doc.text, start, end):
        labels = sorted({label for label, _ in values if label != _SHADOW})
        hits.append((s, e, labels, max(weight for _, weight in values)))
    return hits


def _build_weights(lexicon: Lexicon) -> PhraseMatcher[tuple[str, float]]:
    _build_contexts(lexicon)  # validates the labels
    entries = []
    for row in lexicon.table("contexts"):
        weight = float(row.get("weight") or 1)
        entries.extend((row["cue"], (label, weight)) for label in split_cell(row["contexts"]))
    return PhraseMatcher(entries)


def _build_modality(lexicon: Lexicon) -> PhraseMatcher[tuple[str, int | None]]:
    allowed = (*MODALITIES, "break")
    entries = []
    for row in lexicon.table("modality"):
        modality = row["modality"]
        if modality not in allowed:
            raise ValueError(f"modality.tsv: unknown modality {modality!r} for cue {row['cue']!r}")
        reach = int(row["reach"]) if row.get("reach") else None
        entries.append((row["cue"], (modality, reach)))
    return PhraseMatcher(entries)


def modality_at(doc: Doc, start: int, end: int, trigger_start: int) -> str:
    """Modality of the trigger at `trigger_start` in clause [start, end): cues before it decide.

    A semicolon or a "break" cue (but, tetapi) cuts the clause: only cues after the last break
    count. A cue with a reach counts only when at most that many words stand between it and the
    trigger.
    """
    if not start <= trigger_start <= end:
        raise ValueError(f"trigger offset {trigger_start} outside clause [{start}, {end})")
    matcher: PhraseMatcher[tuple[str, int | None]] = doc.lexicon.cached("cues.modality", _build_modality)
    start = max(start, doc.text.rfind(";", start, trigger_start) + 1)
    found: list[tuple[int, str, int | None]] = []
    for _, cue_end, values in matcher.finditer(doc.text, start, trigger_start):
        modality, reach = values[0]
        if modality == "break":
            found.clear()
        elif modality != "asserted":
            found.append((cue_end, modality, reach))
    present = set()
    for cue_end, modality, reach in found:
        if reach is None or len(_WORD.findall(doc.text, cue_end, trigger_start)) <= reach:
            present.add(modality)
    return next((m for m in MODALITY_STRENGTH if m in present), "asserted")
