"""Compiled matchers for the agreements layer, built once per lexicon from five tables.

`agreement_types` (head phrases), `agreement_status` and `milestones` (stage cues),
`agreement_cues` (function words: demonstratives, "such", tense markers, "with"/"between" ...) and
`agreement_domains` (words that make a passage about defence or foreign relations).
Each table becomes one Aho-Corasick automaton over the lower-cased text; a scan yields
leftmost-longest whole-word matches as `Hit`s.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from jalin.lexicon import Lexicon, split_cell

STATUS_RANK = {
    status: rank
    for rank, status in enumerate(
        ("unknown", "proposed", "negotiating", "pending_approval", "approved", "signed",
         "in_force", "implemented", "stalled", "cancelled")
    )
}


@dataclass(frozen=True, slots=True)
class HeadRow:
    type: str            # SCHEMA type, or "-" for "not an agreement"
    kind: str            # head | generic | purchase
    defence_type: str    # type in a defence/security sentence, "" when the same
    noun_only: bool
    domain: str          # "defence" | "relations" | "" (see agreement_types.tsv)
    acronym: bool        # "MoU", "LOI": the text must be in capitals too ("Kampung Loi" is a place)


@dataclass(frozen=True, slots=True)
class StageRow:
    done: str            # status when the cue happened ("" = says nothing)
    expected: str        # status when it is still to come
    milestone: str       # milestone kind, "" when the cue marks none
    only_expected: bool = False  # marks its milestone only when still to come ("will finalise")
    needs_asset: bool = False    # counts only a few words after an asset noun ("the first jets arrive")
    needs_head: bool = False     # counts only right before the agreement's head ("exchange of MoUs")
    proper: bool = False         # written with a capital ("Cabinet approval"): a capital is no name
    past_form: bool = False      # a passive or past form that asserts the milestone happened ("dimeterai")


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    key: str             # the lower-cased phrase matched


@dataclass(slots=True)
class Matchers:
    heads: ahocorasick.Automaton
    head_rows: dict[str, HeadRow]
    stages: ahocorasick.Automaton
    stage_rows: dict[str, StageRow]
    cues: ahocorasick.Automaton
    cue_roles: dict[str, frozenset[str]]
    role_words: dict[str, frozenset[str]]   # role -> the cue words that have it
    domains: ahocorasick.Automaton
    domain_of: dict[str, str]


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _automaton(keys: list[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, key)
    if keys:
        automaton.make_automaton()
    return automaton


def _build(lexicon: Lexicon) -> Matchers:
    head_rows = {
        _key(row["phrase"]): HeadRow(
            type=row["type"], kind=row.get("kind") or "head",
            defence_type=row.get("defence_type", ""), noun_only=row.get("noun", "") == "yes",
            domain=row.get("domain", ""), acronym=sum(c.isupper() for c in row["phrase"]) >= 2,
        )
        for row in lexicon.table("agreement_types") if row.get("phrase")
    }
    stage_rows: dict[str, StageRow] = {}
    for row in lexicon.table("agreement_status"):
        if row.get("cue"):
            stage_rows[_key(row["cue"])] = StageRow(
                row.get("done", ""), row.get("expected", ""), "", proper=row["cue"][0].isupper())
    for row in lexicon.table("milestones"):
        needs = row.get("needs", "")
        if row.get("cue"):
            stage_rows[_key(row["cue"])] = StageRow(
                row.get("done", ""), row.get("expected", ""), row.get("kind", "other") or "other",
                row.get("only", "") == "expected", needs == "asset", needs == "head", row["cue"][0].isupper(),
                row.get("form", "") == "past",
            )
    roles: dict[str, set[str]] = {}
    for row in lexicon.table("agreement_cues"):
        if row.get("cue"):
            roles.setdefault(_key(row["cue"]), set()).update(split_cell(row.get("role", "")))
    cue_roles = {key: frozenset(value) for key, value in roles.items()}
    domain_of = {
        _key(row["cue"]): row.get("domain", "")
        for row in lexicon.table("agreement_domains") if row.get("cue")
    }
    return Matchers(
        heads=_automaton(sorted(head_rows)), head_rows=head_rows,
        stages=_automaton(sorted(stage_rows)), stage_rows=stage_rows,
        cues=_automaton(sorted(cue_roles)), cue_roles=cue_roles,
        role_words={
            role: frozenset(k for k, r in cue_roles.items() if role in r)
            for role in sorted({role for r in cue_roles.values() for role in r})
        },
        domains=_automaton(sorted(domain_of)), domain_of=domain_of,
    )


def matchers(lexicon: Lexicon) -> Matchers:
    return lexicon.cached("agreements.matchers", _build)


def searchable(text: str) -> str:
    """Lower-cased text of the same length (offsets stay valid), lines joined by spaces."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.replace("\n", " ")


def scan(
    automaton: ahocorasick.Automaton, lowered: str, spans: list[tuple[int, int]] | None = None
) -> list[Hit]:
    """Leftmost-longest whole-word matches in text order, in the whole text or only in `spans`."""
    if not len(automaton):
        return []
    hits: list[Hit] = []
    for start, end in spans if spans is not None else [(0, len(lowered))]:
        hits.extend(_scan(automaton, lowered, start, end))
    return hits


def _scan(automaton: ahocorasick.Automaton, lowered: str, lo: int, hi: int) -> list[Hit]:
    hits = []
    # A slice, not iter_long's own bounds: pyahocorasick copies the whole string on every call.
    for end, key in automaton.iter_long(lowered[lo:hi]):
        end += lo
        start = end - len(key) + 1
        if start > 0 and lowered[start - 1].isalnum():
            continue
        if end + 1 < len(lowered) and lowered[end + 1].isalnum():
            continue
        hits.append(Hit(start, end + 1, key))
    return hits
