"""The agreements layer: every agreement a document names, its parties, stage and milestones.

One pass of three compiled matchers (heads, stage cues, function words) over the lower-cased text;
documents without an agreement head stop after the first. Each mention gets a scope (its sentence,
split between the sentence's other agreement mentions) where its parties, stage cues, exclusivity
and milestone times are read. Mentions that point back ("perjanjian itu", "the deal") or repeat an
agreement already found (same type and parties) join that record; "the second country after X to
sign such an agreement" adds the implied, already signed agreement with X.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from jalin.doc import Doc
from jalin.extract import cues as cue_layer
from jalin.extract import times as times_layer
from jalin.extract.agreement_lexicon import STATUS_RANK, Hit, Matchers, matchers, scan, searchable
from jalin.extract.agreement_mentions import Mention, find_mentions
from jalin.extract.agreement_parties import countries, own_side, parties
from jalin.extract.agreement_stage import StageCue, stage_cues
from jalin.model import MODES, Agreement, Milestone, Span

_TENSE_ROLES = frozenset({"future", "past", "conditional", "negation", "awaited", "infinitive"})
_DEFENCE_CONTEXTS = frozenset({"military", "security", "defence_industry", "defence"})
_DOMAINS = {"defence": _DEFENCE_CONTEXTS, "relations": _DEFENCE_CONTEXTS | {"diplomatic", "relations"}}
_DOMAIN_REACH = 2  # sentences either side that may set a head's domain
_LIST_GAP = frozenset({"", ",", "dan", "and", "serta", "&", "the", ", dan", ", and", "dan the", "and the"})


@dataclass(slots=True)
class _Draft:
    type: str
    label: str
    parties: list[str]
    statuses: list[str] = field(default_factory=list)
    exclusive: bool | None = None
    milestones: list[Milestone] = field(default_factory=list)
    evidence: set[tuple[int, int]] = field(default_factory=set)
    asset: str = ""      # purchases of different named assets are different agreements
    like: _Draft | None = None  # "such an agreement": the agreement it is like (same subject matter)


@dataclass(slots=True)
class _Found:
    """The document's matches, shared by every mention."""
    lowered: str
    cues: list[Hit]
    stages: list[Hit]
    markers: list[Hit]
    ordinals: list[Hit]
    cue_starts: list[int]


def extract(doc: Doc) -> list[Agreement]:
    if not doc.text or not doc.sentences:
        return []
    m = matchers(doc.lexicon)
    lowered = searchable(doc.text)
    heads = scan(m.heads, lowered)
    if not heads:
        return []
    # Cue words only matter in the sentences that name an agreement.
    indexes = sorted({doc.sentence_index(h.start) for h in heads})
    spans = _merged([(doc.sentences[i].start, doc.sentences[i].end) for i in indexes])
    words = scan(m.cues, lowered, spans)
    found = _Found(
        lowered, words, scan(m.stages, lowered, spans),
        [h for h in words if _TENSE_ROLES & m.cue_roles[h.key]],
        [h for h in words if "ordinal" in m.cue_roles[h.key]],
        [h.start for h in words],
    )
    contexts: dict[int, frozenset[str]] = {}

    def sentence_contexts(index: int) -> frozenset[str]:
        """The sentence's contexts (cue layer) and domains (agreement_domains)."""
        if index not in contexts:
            span = doc.sentences[index]
            found = set(cue_layer.contexts_in(doc, span.start, span.end))
            found.update(m.domain_of[h.key] for h in scan(m.domains, lowered, [(span.start, span.end)]))
            found.discard("-")
            contexts[index] = frozenset(found)
        return contexts[index]

    def defence(index: int) -> bool:
        return bool(_DEFENCE_CONTEXTS & sentence_contexts(index))

    def in_domain(domain: str, index: int) -> bool:
        """Whether the sentence or one of its neighbours is about the head's domain."""
        wanted = _DOMAINS[domain]
        window = range(max(0, index - _DOMAIN_REACH), min(len(doc.sentences), index + _DOMAIN_REACH + 1))
        return any(wanted & sentence_contexts(i) for i in window)

    mentions = find_mentions(
        doc.text, lowered, heads, words, m, doc.sentence_index, defence, in_domain, doc.language == "en"
    )
    drafts: list[_Draft] = []
    for mention, scope in zip(mentions, _scopes(doc, mentions), strict=True):
        _read_mention(doc, m, found, mention, scope, drafts)
    modes = {id(draft): _modes(doc, draft) for draft in drafts}
    for draft in drafts:
        if draft.like is not None:
            modes[id(draft)] |= modes[id(draft.like)]
    return [_finish(index, draft, modes[id(draft)]) for index, draft in enumerate(drafts, 1)]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 2:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _scopes(doc: Doc, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Each mention's clause: its sentence, cut between the other full (non-anaphoric) mentions in it."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    scopes = []
    for mention in mentions:
        sentence = doc.sentences[mention.sentence]
        start, end = sentence.start, sentence.end
        for other in by_sentence[mention.sentence]:
            if other != mention.sentence or other.anaphor or other.head_start == mention.head_start:
                continue  # assets listed after one purchase noun share its clause
            if other.end <= mention.start:
                start = max(start, other.end)
            elif other.start >= mention.end:
                end = min(end, other.start)
        scopes.append((start, end))
    return scopes


def _read_mention(
    doc: Doc, m: Matchers, found: _Found, mention: Mention, scope: tuple[int, int], drafts: list[_Draft]
) -> None:
    label = (mention.start, mention.end)
    whole = found.cues[bisect_left(found.cue_starts, scope[0]):bisect_left(found.cue_starts, scope[1])]
    said = {role for h in whole for role in m.cue_roles[h.key]} & {"exclusive", "nonexclusive"}
    exclusive = False if "nonexclusive" in said else True if said else None
    in_scope = [h for h in whole if not label[0] <= h.start < label[1]]
    roles = {h.start: m.cue_roles[h.key] for h in in_scope}
    stage = stage_cues(found.lowered, found.stages, scope, label, found.markers, found.ordinals, m, label)
    sentence = doc.sentences[mention.sentence]
    evidence = (sentence.start, sentence.end)

    if mention.anaphor:
        antecedent = _antecedent(drafts, mention)
        if antecedent is not None:
            _apply(doc, antecedent, stage, scope, exclusive, evidence)
            return

    like = drafts[-1] if mention.such and drafts else None
    kind = like.type if like is not None else mention.type
    earlier = [h for h in in_scope if h.start < mention.start]
    implied = _implied_countries(doc, found, m, earlier, mention)
    excluded = [(c[1], c[2]) for c in implied]
    named = countries(doc, scope[0], scope[1], excluded)
    with_at = [s for s, r in roles.items() if "with" in r]
    between_at = [s for s, r in roles.items() if "between" in r]
    first_person = any("first_person" in r for r in roles.values())
    both = any("both" in r for r in roles.values())
    codes = parties(doc, scope, mention.start, named, with_at, between_at, first_person, both)
    draft = _draft(drafts, kind, doc.text[label[0]:label[1]], codes, mention.asset)
    _apply(doc, draft, stage, scope, exclusive, evidence)

    counterpart = sorted({c[0] for c in named if with_at and c[1] > min(with_at)})
    if implied and not counterpart:
        side = own_side(doc, mention.start)
        counterpart = [side] if side else []
    signed = [c for c in stage if implied[-1][2] <= c.start < mention.start] if implied else []
    for iso, _, _, _ in implied:
        other = _draft(drafts, kind, doc.text[label[0]:label[1]], sorted({iso, *counterpart}))
        if other is not like:
            other.like = like
        done = [StageCue(c.start, c.end, c.key, True, m.stage_rows[c.key].done, c.milestone) for c in signed]
        _apply(doc, other, done, scope, exclusive, evidence)


def _antecedent(drafts: list[_Draft], mention: Mention) -> _Draft | None:
    """The latest agreement of the mention's type; a general head ("the deal") takes the latest of any."""
    for draft in reversed(drafts):
        if mention.generic or draft.type == mention.type:
            return draft
    return drafts[-1] if drafts else None


def _draft(drafts: list[_Draft], kind: str, label: str, codes: list[str], asset: str = "") -> _Draft:
    """The record with this type, parties (and asset), made when there is none yet."""
    asset = asset.casefold()
    for draft in drafts:
        if draft.type == kind and draft.parties == codes and draft.asset == asset:
            return draft
    draft = _Draft(kind, label, codes, asset=asset)
    drafts.append(draft)
    return draft


def _implied_countries(
    doc: Doc, found: _Found, m: Matchers, earlier: list[Hit], mention: Mention
) -> list[tuple[str, int, int, str]]:
    """Countries X in "<ordinal> ... after X" before the mention ("negara kedua selepas Turkiye")."""
    for index, hit in enumerate(earlier):
        if "ordinal" not in m.cue_roles[hit.key]:
            continue
        for after in earlier[index + 1:index + 4]:
            if "after" in m.cue_roles[after.key] and len(found.lowered[hit.end:after.start].split()) <= 3:
                return _listed(doc, found.lowered, after.end, mention.start)
    return []


def _listed(doc: Doc, lowered: str, start: int, end: int) -> list[tuple[str, int, int, str]]:
    """The countries listed right from `start` ("Turkiye", "Turkiye dan Indonesia", "the Philippines")."""
    listed = []
    position = start
    for country in countries(doc, start, end):
        if lowered[position:country[1]].strip() not in _LIST_GAP:
            break
        listed.append(country)
        position = country[2]
    return listed


def _apply(
    doc: Doc, draft: _Draft, cues: list[StageCue], scope: tuple[int, int],
    exclusive: bool | None, evidence: tuple[int, int],
) -> None:
    draft.evidence.add(evidence)
    if exclusive is not None:
        draft.exclusive = exclusive
    for cue in cues:
        if cue.status:
            draft.statuses.append(cue.status)
        if cue.milestone:
            milestone = _milestone(doc, cue, scope)
            if all((x.kind, x.state, x.time) != (milestone.kind, milestone.state, milestone.time)
                   for x in draft.milestones):
                draft.milestones.append(milestone)


def _milestone(doc: Doc, cue: StageCue, scope: tuple[int, int]) -> Milestone:
    """The milestone a cue marks, with the time in its clause (after the cue first, else before)."""
    times = times_layer.times_in(doc, scope[0], scope[1])
    after = [t for t in times if t.start >= cue.end]
    before = [t for t in times if t.end <= cue.start]
    state = "done" if cue.done else "expected"
    if after:
        return Milestone(cue.milestone, state, after[0].id, doc.text[cue.start:after[0].end])
    if before:
        return Milestone(cue.milestone, state, before[-1].id, doc.text[cue.start:cue.end])
    return Milestone(cue.milestone, state, None, doc.text[cue.start:cue.end])


def _modes(doc: Doc, draft: _Draft) -> set[str]:
    """The subject matter named in the agreement's evidence sentences."""
    found: set[str] = set()
    for start, end in draft.evidence:
        found.update(cue_layer.modes_in(doc, start, end))
    return found


def _finish(index: int, draft: _Draft, modes: set[str]) -> Agreement:
    status = max(draft.statuses, key=STATUS_RANK.__getitem__, default="unknown")
    return Agreement(
        id=f"g{index}", type=draft.type, label=draft.label, parties=draft.parties, status=status,
        exclusive=draft.exclusive, milestones=draft.milestones,
        evidence=[Span(s, e) for s, e in sorted(draft.evidence)], modes=[x for x in MODES if x in modes],
    )
