"""The agreements layer: every agreement a document names, its parties, stage and milestones.

One pass of three compiled matchers (heads, stage cues, function words) over the lower-cased text;
documents without an agreement head stop after the first. Each mention gets a scope (its sentence,
split between the sentence's other agreement mentions) where its parties, stage cues, exclusivity
and milestone times are read. Mentions that point back ("perjanjian itu", "the deal"), repeat an
agreement already found (same type and parties), or name no party of their own ("the G2G contract"
after the G2G agreement with Korea) join that record; "the second country after X to sign such an
agreement" adds the implied, already signed agreement with X. A named frame after "under"/"di
bawah" with no stage said of it, and a common word ("usaha sama", "deal") with no party, stage or
name, are not reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from jalin.doc import Doc
from jalin.extract.agreements import about
from jalin.extract.agreements.followups import FollowUp, follow_ups
from jalin.extract.agreements.lexicon import STATUS_RANK, Hit, Matchers, matchers, scan, searchable
from jalin.extract.agreements.mentions import Mention, find_mentions
from jalin.extract.agreements.parties import (
    Country,
    countries,
    own_side,
    parties,
    places_in_name,
    signing_companies,
)
from jalin.extract.agreements.stage import StageCue, stage_cues
from jalin.extract.common import cues as cue_layer
from jalin.extract.common import queries
from jalin.extract.common.words import trie_regex
from jalin.lexicon import Lexicon
from jalin.model import MODES, Agreement, Milestone, Span, TimeExpr

# Markers read around stage cues: tense and modality, the Cabinet of a Cabinet approval, the asset
# that arrives.
_TENSE_ROLES = frozenset({"future", "past", "conditional", "negation", "awaited", "infinitive", "cabinet",
                          "decided", "asset", "after"})
# A cooperation agreement in a sentence with these contexts is a defence cooperation agreement.
_DEFENCE_CONTEXTS = frozenset({"military", "security", "defence_industry", "defence"})
# Where common words name an agreement (agreement_types.tsv `domain`); "security" alone is too broad
# for a contract or a purchase (Malay "keselamatan" is also safety).
_DEFENCE_DOMAIN = frozenset({"military", "defence_industry", "defence"})
_DOMAINS = {
    "defence": _DEFENCE_DOMAIN,
    "relations": _DEFENCE_DOMAIN | {"security", "maritime", "diplomatic", "relations"},
}
# What "the second country after X to sign/ratify/implement such an agreement" says X has done.
_JOINT_VENTURE = "joint_venture"
_PURCHASE_TYPES = frozenset({"procurement_contract", "g2g_procurement"})
_IMPLIED_MILESTONES = frozenset({"signing", "ratification", "entry_into_force"})
_TIME_REACH = 8  # words between a milestone cue and its time ("said today" at a clause's end is not it)
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/|$)")  # "2024-03", "2024-03-05/" (an ISO date value)
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
    grounded: bool = False  # a country or company named with it, a proper name, or a specific head
    after_signing: list[str] = field(default_factory=list)  # statuses a coming delivery implies
    title: str = ""      # its name as written, when the text names it ("Visiting Forces Agreement")
    subject: str = ""    # the named asset, else the phrase after "on"/"mengenai"/"for" its label
    scopes: set[tuple[int, int]] = field(default_factory=set)  # the clauses that speak of it
    companies: set[str] = field(default_factory=set)  # actor ids of the companies that are parties
    # (kind, state, time) and (kind, state) of the milestones, so that a check is a look-up, not a scan
    milestone_keys: set[tuple[str, str, str | None]] = field(default_factory=set)
    milestone_states: set[tuple[str, str]] = field(default_factory=set)

    def add_milestone(self, milestone: Milestone) -> None:
        self.milestones.append(milestone)
        self.milestone_keys.add((milestone.kind, milestone.state, milestone.time))
        self.milestone_states.add((milestone.kind, milestone.state))


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
        lowered, words, [h for h in scan(m.stages, lowered, spans) if not _in_name(doc.text, h, m)],
        [h for h in words if _TENSE_ROLES & m.cue_roles[h.key]],
        [h for h in words if "ordinal" in m.cue_roles[h.key]],
        [h.start for h in words],
    )
    contexts: dict[int, frozenset[str]] = {}

    def passage_contexts(start: int, end: int) -> frozenset[str]:
        """The contexts (cue layer) and domains (agreement_domains) named in [start, end)."""
        found = set(cue_layer.contexts_in(doc, start, end))
        found.update(m.domain_of[h.key] for h in scan(m.domains, lowered, [(start, end)]))
        found.discard("-")
        return frozenset(found)

    def sentence_contexts(index: int) -> frozenset[str]:
        if index not in contexts:
            span = doc.sentences[index]
            contexts[index] = passage_contexts(span.start, span.end)
        return contexts[index]

    def defence(index: int) -> bool:
        return bool(_DEFENCE_CONTEXTS & sentence_contexts(index))

    def in_domain(domain: str, index: int, reach: int, head: tuple[int, int]) -> bool:
        """Whether sentence `index` or one within `reach` of it is about the head's domain; the
        head's own words do not count in its sentence ("perolehan" alone is not defence)."""
        wanted = _DOMAINS[domain]
        window = range(max(0, index - reach), min(len(doc.sentences), index + reach + 1))
        if any(wanted & sentence_contexts(i) for i in window if i != index):
            return True
        span = doc.sentences[index]
        if domain == "relations" and len({c[0] for c in countries(doc, span.start, span.end)}) >= 2:
            return True  # two countries named in its sentence: foreign relations
        return any(wanted & passage_contexts(start, end)
                   for start, end in ((span.start, head[0]), (head[1], span.end)) if start < end)

    equipment_units = about.words(doc.lexicon).equipment

    def equipment(start: int, end: int) -> tuple[int, int] | None:
        return next(((q.start, q.end) for q in doc.quantities
                     if start <= q.start and q.end <= end and q.unit in equipment_units), None)

    mentions = find_mentions(
        doc.text, lowered, heads, words, m, doc.sentence_index, defence, in_domain, doc.language == "en",
        equipment,
    )
    drafts: list[_Draft] = []
    referred: dict[int, _Draft] = {}  # sentence -> the joint venture a mention in it points back to
    for mention, scope in zip(mentions, _scopes(doc, mentions, found, m), strict=True):
        _read_mention(doc, m, found, mention, scope, drafts, referred)
    _same_model_sides(doc, m, drafts)
    assets = any(draft.asset for draft in drafts)
    for follow in follow_ups(doc, m, lowered, set(indexes), _TENSE_ROLES, assets):
        _follow_up(doc, m, drafts, follow)
    modes = {id(draft): _modes(doc, draft) for draft in drafts}
    for draft in drafts:
        if draft.like is not None:
            modes[id(draft)] |= modes[id(draft.like)]
    kept = [draft for draft in drafts if not _vague(draft)]
    return [_finish(doc, index, draft, modes[id(draft)]) for index, draft in enumerate(kept, 1)]


# A model designation: "FA-50", "H145M", "C-130J", "AW149"; not an amount ("RM4.1").
_MODEL = re.compile(r"(?<![\w.])[A-Z]{1,3}-?\d{2,4}[A-Z]{0,3}(?![\w]|[.,]\d)")


def _same_model_sides(doc: Doc, m: Matchers, drafts: list[_Draft]) -> None:
    """A purchase with one side named whose sentences name a model an earlier agreement between two
    countries names is between those countries ("its first contract for 18 FA-50 aircraft" after "an
    agreement with Korea for the purchase of FA-50 aircraft")."""
    models = [_models(doc, m, draft) for draft in drafts]
    for index, draft in enumerate(drafts):
        if draft.type not in _PURCHASE_TYPES or len(draft.parties) != 1:
            continue
        earlier = next((other for other, named in zip(drafts[:index], models, strict=False)
                        if len(other.parties) > 1
                        and set(draft.parties) <= set(other.parties) and named & models[index]), None)
        if earlier is not None:
            draft.parties = earlier.parties


def _models(doc: Doc, m: Matchers, draft: _Draft) -> set[str]:
    """The model designations in an agreement's sentences, not acronyms of agreement kinds ("G2G")."""
    text = doc.text
    found = {model.group() for start, end in draft.evidence for model in _MODEL.finditer(text, start, end)}
    return {model for model in found if model.casefold() not in m.head_rows}


_WORD = re.compile(r"[^\W\d_]{3,}")  # "kapal", "frigates" (three or more letters)


def _follow_up(doc: Doc, m: Matchers, drafts: list[_Draft], follow: FollowUp) -> None:
    """Give a later sentence's milestone to its agreement: a coming delivery (with its time) to the
    latest purchase whose asset shares a word with the sentence; a Cabinet decision to the latest
    agreement named in the sentence before."""
    span = doc.sentences[follow.sentence]
    cue = follow.cue
    if cue.milestone == "delivery":
        said = {_stem(w) for w in _WORD.findall(doc.text[span.start:span.end].casefold())}
        draft = next((d for d in reversed(drafts) if _asset_words(m, d.asset) & said
                      and min(d.evidence)[0] < span.start), None)
    else:
        before = doc.sentences[follow.sentence - 1] if follow.sentence else None
        draft = next((d for d in reversed(drafts) if before is not None
                      and any(before.start <= start < before.end for start, _ in d.evidence)), None)
        if draft is not None and (cue.milestone, "done") in draft.milestone_states:
            return
    if draft is None:
        return
    milestone = _milestone(doc, cue, (span.start, span.end), (cue.start, cue.start), [])
    if cue.milestone == "delivery" and (milestone.time is None or milestone.state != "expected"
                                        or _before_publication(doc, milestone.time)):
        return  # no date: maybe of something else; a past date: it should have come ("sepatutnya")
    (draft.after_signing if cue.milestone == "delivery" else draft.statuses).append(cue.status)
    draft.evidence.add((span.start, span.end))
    for found in (milestone, *_coordinated(doc, milestone, (span.start, span.end), [cue])):
        draft.add_milestone(found)


def _asset_words(m: Matchers, asset: str) -> set[str]:
    """The words of a named asset that may name it again ("kapal" of "tiga kapal peronda (OPV)"), not
    function words ("three")."""
    return {_stem(w) for w in _WORD.findall(asset.casefold()) if m.cue_roles.get(w, frozenset()) <= {"asset"}}


def _stem(word: str) -> str:
    """A word without an English plural "s" ("ships" names a "ship" again)."""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _in_name(text: str, hit: Hit, m: Matchers) -> bool:
    """A stage cue written with a capital inside a sentence is part of a name ("the Points Agreed",
    "Perkara-Perkara yang Dipersetujui"), unless the cue itself has one ("Cabinet approval")."""
    if not text[hit.start].isupper() or m.stage_rows[hit.key].proper:
        return False
    before = text[max(0, hit.start - 4):hit.start].rstrip()
    return bool(before) and before[-1] not in ".!?:\"“”'‘’\n"


def _vague(draft: _Draft) -> bool:
    """An agreement only a common word names (one that needs a defence or diplomatic context) and nothing
    pins down: no stage, milestone, party named with it or name ("the ministry urges firms to seek
    joint ventures")."""
    return not (draft.statuses or draft.after_signing or draft.milestones or draft.grounded or draft.like
                or len(draft.parties) > 1)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 2:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _scopes(doc: Doc, mentions: list[Mention], found: _Found, m: Matchers) -> list[tuple[int, int]]:
    """Each mention's clause: its sentence, cut between it and the other full (non-anaphoric) mentions
    in it, at the last clause break between the two (",", ";", "dan", "while") or else at the other."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    scopes = []
    for mention in mentions:
        sentence = doc.sentences[mention.sentence]
        start, end = sentence.start, sentence.end
        for other in by_sentence[mention.sentence]:
            if other.anaphor or other.head_start == mention.head_start:
                continue  # assets listed after one purchase noun share its clause
            if other.end <= mention.start:
                start = max(start, _clause_break(found, m, other.end, mention.start, other.end))
            elif other.start >= mention.end:
                end = min(end, _clause_break(found, m, mention.end, other.start, other.start))
        scopes.append((start, end))
    return scopes


def _clause_break(found: _Found, m: Matchers, start: int, end: int, default: int) -> int:
    """The offset of the last clause break in [start, end), else `default`."""
    cut = max(found.lowered.rfind(",", start, end), found.lowered.rfind(";", start, end))
    window = found.cues[bisect_left(found.cue_starts, start):bisect_left(found.cue_starts, end)]
    joins = [h.start for h in window if "clause" in m.cue_roles[h.key]]
    cut = max([cut, *joins])
    return cut if cut >= start else default


@dataclass(slots=True)
class _Clause:
    """What one mention's clause says."""
    scope: tuple[int, int]
    words: str                        # the mention's label as written
    label: tuple[int, int]            # where it is
    stage: list[StageCue]
    exclusive: bool | None
    evidence: tuple[int, int]         # the sentence
    named: list[Country]              # the countries named (not those of an "after X")
    with_at: list[int]                # offsets of "dengan/bersama/with"


def _read_mention(
    doc: Doc, m: Matchers, found: _Found, mention: Mention, scope: tuple[int, int], drafts: list[_Draft],
    referred: dict[int, _Draft],
) -> None:
    label = (mention.start, mention.end)
    whole = found.cues[bisect_left(found.cue_starts, scope[0]):bisect_left(found.cue_starts, scope[1])]
    said = {role for h in whole for role in m.cue_roles[h.key]} & {"exclusive", "nonexclusive"}
    in_scope = [h for h in whole if not label[0] <= h.start < label[1]]
    roles = {h.start: m.cue_roles[h.key] for h in in_scope}
    implied = _implied_countries(doc, found, m, in_scope, scope[1])
    joins = [h.end for h in in_scope if {"with", "between"} & m.cue_roles[h.key]]
    sentence = doc.sentences[mention.sentence]
    clause = _Clause(
        scope=scope, words=doc.text[label[0]:label[1]], label=label,
        stage=stage_cues(found.lowered, found.stages, scope, label, found.markers, found.ordinals, m),
        exclusive=False if "nonexclusive" in said else True if said else None,
        evidence=(sentence.start, sentence.end),
        named=sorted(countries(doc, scope[0], scope[1], [(c[1], c[2]) for c in implied]
                               + places_in_name(doc, label))
                     + signing_companies(doc, scope, label, joins), key=lambda c: c[1]),
        with_at=[s for s, r in roles.items() if "with" in r],
    )
    if mention.passing and not clause.stage:
        return  # "under the X Agreement": an existing frame named in passing, nothing said about it
    if mention.anaphor:  # "the MoU" after only a cooperation agreement: None, a new one of its own
        antecedent = _antecedent(drafts, mention, doc.text[mention.head_start:mention.head_end])
    else:
        antecedent = _repeated(drafts, mention) if _repeats(mention, clause, roles) else None
    if antecedent is not None:
        draft = like = antecedent
        if mention.anaphor and draft.type == _JOINT_VENTURE:
            referred[mention.sentence] = draft
    else:
        like = drafts[-1] if mention.such and drafts else None
        kind = like.type if like is not None and mention.generic else mention.type
        codes = parties(doc, scope, mention.start, clause.named, roles)
        if mention.follows and drafts and not clause.named:
            codes = drafts[-1].parties  # "an LOI with X for the procurement of ...": the same sides
        venture = referred.get(mention.sentence)
        if venture is not None and kind in _PURCHASE_TYPES and not clause.named and set(codes) <= set(
                venture.parties):
            codes = venture.parties  # "awarded the joint venture a contract": with the venture's partners
        new = mention.such or mention.indefinite or mention.named or not mention.generic
        same = None if new else _same_parties(drafts, codes, kind)
        if same is None and not (mention.such or mention.indefinite or mention.named or mention.asset):
            same = _same_purchase(drafts, codes, kind)
        draft = same or _draft(drafts, kind, clause.words, codes, mention.asset)
    draft.grounded = (draft.grounded or bool(clause.named) or not mention.common
                      or any(c.isupper() for c in clause.words[1:]))
    _describe(doc, draft, mention, clause)
    _apply(doc, m, draft, clause, clause.stage)
    if implied:
        _apply_implied(doc, m, drafts, draft, like, implied, clause)


def _describe(doc: Doc, draft: _Draft, mention: Mention, clause: _Clause) -> None:
    """What a mention adds to what an agreement is about: its name, subject, clause and companies."""
    draft.scopes.add(clause.scope)
    if not draft.title:
        draft.title = about.title(about.words(doc.lexicon), clause.words, mention.named) or ""
    if not draft.subject:
        if mention.asset:
            draft.subject = mention.asset.strip()
        else:
            phrase = about.subject_phrase(doc, about.words(doc.lexicon), mention.end, clause.scope[1])
            draft.subject = phrase or ""
    companies = about.business(doc)
    draft.companies.update(c[3] for c in clause.named if c[3] in companies)


def _apply_implied(
    doc: Doc, m: Matchers, drafts: list[_Draft], draft: _Draft, like: _Draft | None,
    implied: list[Country], clause: _Clause,
) -> None:
    """"the second country after X to sign such an agreement (with Malaysia)": X's agreement of the
    same kind (like `like`, else `draft`) with the other side exists, at the stage the clause names."""
    counterpart = sorted({c[0] for c in clause.named if clause.with_at and c[1] > min(clause.with_at)})
    if not counterpart:
        side = own_side(doc, clause.scope[0])
        counterpart = [side] if side else []
    done = [StageCue(c.start, c.end, c.key, True, m.stage_rows[c.key].done, c.milestone, c.if_expected)
            for c in clause.stage if c.milestone in _IMPLIED_MILESTONES]
    for iso, _, _, _ in implied:
        other = _draft(drafts, draft.type, clause.words, sorted({iso, *counterpart}))
        if other is not draft:
            other.like = like or draft
            _apply(doc, m, other, clause, done)


def _repeats(mention: Mention, clause: _Clause, roles: dict[int, frozenset[str]]) -> bool:
    """A mention whose clause names no party (no country, no company, no "with"/"between"/"we") and is
    not new ("an", "such", a named asset, a name of its own) repeats the agreement already named:
    "the G2G agreement with Korea ... the G2G deal will be signed by December"."""
    if mention.indefinite or mention.such or mention.asset or mention.named or clause.named:
        return False
    said = set().union(*roles.values()) if roles else set()
    return not said & {"with", "between", "both", "first_person", "local"}


def _repeated(drafts: list[_Draft], mention: Mention) -> _Draft | None:
    """The latest agreement of the mention's type (of any type for a general word)."""
    return next((d for d in reversed(drafts) if mention.generic or d.type == mention.type), None)


def _antecedent(drafts: list[_Draft], mention: Mention, word: str) -> _Draft | None:
    """The latest agreement of the mention's type (or kind of purchase); a general head ("the agreement")
    takes the latest whose label has the same word ("cooperation agreement", not the MoUs named since),
    else the latest; None when a specific head has none of its kind."""
    if mention.generic:
        word = word.casefold()
        named = next((d for d in reversed(drafts) if word in d.label.casefold().split()), None)
        if named is not None:
            return named
    for draft in reversed(drafts):
        if mention.generic or _kin(draft.type, mention.type):
            return draft
    return None


def _kin(one: str, other: str) -> bool:
    """Whether two types may name one agreement: the same, or two kinds of purchase ("the G2G agreement
    ... the contract")."""
    return one == other or {one, other} <= _PURCHASE_TYPES


def _same_parties(drafts: list[_Draft], codes: list[str], kind: str) -> _Draft | None:
    """The latest agreement with these parties, else the latest whose parties include them: "the
    agreement with Seoul" after the G2G agreement between Malaysia and South Korea is that agreement
    (a general word names no kind of its own). A purchase of a named asset is only the same as a
    word of its own kind ("the contract with the local shipbuilder" after the purchase of ships)."""
    candidates = [d for d in reversed(drafts) if not d.asset or d.type == kind]
    wanted = set(codes)
    return next((d for d in candidates if d.parties == codes), None) or next(
        (d for d in candidates if wanted and wanted <= set(d.parties)), None)


def _same_purchase(drafts: list[_Draft], codes: list[str], kind: str) -> _Draft | None:
    """The latest purchase of a named asset of this kind between these parties: "the contract with the
    local shipbuilder" after "the procurement of three patrol vessels (OPV)"."""
    return next((d for d in reversed(drafts) if d.asset and d.type == kind and d.parties == codes), None)


def _draft(drafts: list[_Draft], kind: str, label: str, codes: list[str], asset: str = "") -> _Draft:
    """The record with this type, parties (and asset), made when there is none yet."""
    asset = asset.casefold()
    for draft in drafts:
        if draft.type == kind and draft.parties == codes and draft.asset == asset:
            return draft
    draft = _Draft(kind, label, codes, asset=asset)
    drafts.append(draft)
    return draft


def _implied_countries(doc: Doc, found: _Found, m: Matchers, hits: list[Hit], end: int) -> list[Country]:
    """Countries X in "<ordinal> ... after X" in a clause ("negara ketiga selepas Perancis")."""
    for index, hit in enumerate(hits):
        if "ordinal" not in m.cue_roles[hit.key]:
            continue
        for after in hits[index + 1:index + 4]:
            if "after" in m.cue_roles[after.key] and len(found.lowered[hit.end:after.start].split()) <= 3:
                return _listed(doc, found.lowered, after.end, end)
    return []


def _listed(doc: Doc, lowered: str, start: int, end: int) -> list[Country]:
    """The countries listed right from `start` ("Perancis", "Perancis dan Itali", "the Philippines")."""
    listed = []
    position = start
    for country in countries(doc, start, end):
        if lowered[position:country[1]].strip() not in _LIST_GAP:
            break
        listed.append(country)
        position = country[2]
    return listed


def _apply(doc: Doc, m: Matchers, draft: _Draft, clause: _Clause, cues: list[StageCue]) -> None:
    """Add what a clause says (stage cues, exclusivity, evidence) to an agreement."""
    draft.evidence.add(clause.evidence)
    if clause.exclusive is not None:
        draft.exclusive = clause.exclusive
    for cue in cues:
        milestone = _milestone(doc, cue, clause.scope, clause.label, clause.stage) if cue.milestone else None
        if milestone is not None and cue.done and milestone.state == "expected":
            cue = replace(cue, done=False, status=cue.if_expected)  # its date is still to come
        elif (milestone is not None and cue.subordinate and milestone.time is not None
              and _before_publication(doc, milestone.time)):
            cue = replace(cue, done=True, status=m.stage_rows[cue.key].done)  # "selepas ... pada 2017"
            milestone = replace(milestone, state="done")
        if cue.status and cue.milestone == "delivery" and not cue.done:
            draft.after_signing.append(cue.status)
        elif cue.status:
            draft.statuses.append(cue.status)
        if milestone is None:
            continue
        for found in (milestone, *_coordinated(doc, milestone, clause.scope, clause.stage)):
            if (found.kind, found.state, found.time) not in draft.milestone_keys:
                draft.add_milestone(found)


def _milestone(
    doc: Doc, cue: StageCue, scope: tuple[int, int], label: tuple[int, int], others: list[StageCue]
) -> Milestone:
    """The milestone a cue marks, with the nearest time in its clause within a few words, not counting
    the agreement's own label ("will sign an MoU on border management next week") and with no other
    stage cue (`others`) between, after the cue first, else before; a done cue whose time is after the
    document's date is still expected."""
    times = [t for t in queries.times_in(doc, scope[0], scope[1]) if not _reported_at(doc, t)]
    text = doc.text

    def words(start: int, end: int) -> int:
        inside = text[label[0]:label[1]].split() if start <= label[0] and label[1] <= end else ()
        return len(text[start:end].split()) - len(inside)

    def free(start: int, end: int) -> bool:  # no other stage cue between: that one is nearer the time
        return not any(start <= other.start < end for other in others)

    after = [t for t in times if t.start >= cue.end and words(cue.end, t.start) <= _TIME_REACH
             and free(cue.end, t.start)]
    before = [t for t in times if t.end <= cue.start and words(t.end, cue.start) <= _TIME_REACH
              and free(t.end, cue.start)]
    when = after[0] if after else before[-1] if before else None
    row = matchers(doc.lexicon).stage_rows.get(cue.key)
    if (cue.done and row is not None and row.past_form and when is not None and _after_publication(doc, when)
            and _read_forward(doc, when)):
        _read_back(doc, when)  # "dimeterai pada Julai": signed last July, not next July
    state = "done" if cue.done and not (when and _after_publication(doc, when)) else "expected"
    end = when.end if when is not None and when in after else cue.end
    return Milestone(cue.milestone, state, when.id if when else None, doc.text[cue.start:end])


_WRITTEN_YEAR = re.compile(r"\d{4}")  # "Julai 2026", "2026": a year the text gives


def _read_forward(doc: Doc, when: TimeExpr) -> bool:
    """Whether a time is a month or day written without a year ("pada Julai", "on 3 March") that the
    times layer read forward for want of a tense in its sentence."""
    return (when.relation == "on" and when.granularity in ("month", "day") and when.value is not None
            and "/" not in when.value and not _WRITTEN_YEAR.search(when.text))


def _read_back(doc: Doc, when: TimeExpr) -> None:
    """Resolve a month or day written without a year to its latest occurrence on or before the
    document's date: a stage cue asserted as done is the sentence's tense (SCHEMA: a bare month goes
    the way of the sentence's tense)."""
    if doc.published is None or when.value is None:
        return
    year, rest = when.value.split("-", 1)
    for back in (1, 2):
        value = f"{int(year) - back}-{rest}"
        if value <= doc.published.isoformat()[:len(value)]:
            when.value = value
            return


_SAID_REACH = 2  # words between a speech verb and the time it was said at ("kata beliau semalam")


def _speech_tail(lexicon: Lexicon) -> re.Pattern[str]:
    """A speech verb and up to two words at the end of a passage: "katanya ", "the minister said ",
    "kata beliau ", "told reporters "; not English present forms, which are also plural nouns ("an
    exchange of notes next month")."""
    forms = [r["form"] for r in lexicon.table("speech_verbs") if r["position"] not in ("none", "prep")
             and not (r["language"] == "en" and r["form"].endswith("s"))]
    return re.compile(rf"(?<![\w\-])(?i:{trie_regex(forms)})(?:[ ]+[\w'’]+){{0,{_SAID_REACH}}}?[ ]*$")


def _reported_at(doc: Doc, when: TimeExpr) -> bool:
    """Whether a time is when something was said ("katanya semalam", "said on Tuesday"), not when a
    milestone happens."""
    tail = doc.lexicon.cached("agreements.speech_tail", _speech_tail)
    before = doc.text[max(0, when.start - 60):when.start]
    return bool(tail.search(before))


_COORDINATORS = frozenset({"and", "dan", "manakala", "while", "whereas", "serta"})
_COORDINATED_REACH = 6  # words between two coordinated times ("by 2027 and the rest by 2029")


def _coordinated(
    doc: Doc, milestone: Milestone, scope: tuple[int, int], stage: list[StageCue]
) -> list[Milestone]:
    """The same milestone at the times coordinated after its own: "the first units to be delivered by
    mid-2027 and the rest by 2029", "kapal pertama ... pada 2026, manakala dua lagi menjelang 2027"."""
    if milestone.time is None:
        return []
    times = queries.times_in(doc, scope[0], scope[1])
    index = next((i for i, t in enumerate(times) if t.id == milestone.time), len(times))
    found: list[Milestone] = []
    for previous, later in zip(times[index:], times[index + 1:], strict=False):
        gap = doc.text[previous.end:later.start]
        words = gap.lower().replace(",", " ").split()
        if (len(words) > _COORDINATED_REACH or not _COORDINATORS.intersection(words)
                or any(previous.end <= cue.start < later.start for cue in stage) or ";" in gap):
            break
        found.append(Milestone(milestone.kind, milestone.state, later.id, doc.text[later.start:later.end]))
    return found


def _before_publication(doc: Doc, time_id: str) -> bool:
    """Whether the time `time_id` lies wholly before the document's date."""
    when = next((t for t in doc.times if t.id == time_id), None)
    if doc.published is None or when is None or when.value is None or not _ISO.match(when.value):
        return False
    value = when.value.split("/")[-1]
    return value < doc.published.isoformat()[:len(value)]


_DEADLINES = frozenset({"before", "by"})


def _after_publication(doc: Doc, when: TimeExpr) -> bool:
    """Whether a time lies after the document's date ("signing ... next year"), or is a deadline in the
    period the document's date falls in ("signing ... before the end of the year")."""
    if doc.published is None or when.value is None or not _ISO.match(when.value):
        return False
    value = when.value.split("/")[0]
    published = doc.published.isoformat()[:len(value)]
    # "before the end of the year" said this year: a deadline still to come
    return value > published or (value == published and when.relation in _DEADLINES)


def _modes(doc: Doc, draft: _Draft) -> set[str]:
    """The subject matter named in the agreement's evidence sentences."""
    found: set[str] = set()
    for start, end in draft.evidence:
        found.update(cue_layer.modes_in(doc, start, end))
    return found


def _finish(doc: Doc, index: int, draft: _Draft, modes: set[str]) -> Agreement:
    statuses = draft.statuses
    signings = {m.state for m in draft.milestones if m.kind == "signing"}
    if signings != {"expected"}:  # a coming delivery implies a signing, unless that is still to come
        statuses = statuses + draft.after_signing
    status = max(statuses, key=STATUS_RANK.__getitem__, default="unknown")
    w = about.words(doc.lexicon)
    kept_modes = [x for x in MODES if x in modes]
    title = draft.title or None
    assets = about.assets(doc, w, sorted(draft.scopes))
    named = draft.subject or about.equipment_subject(doc, w, assets)
    subject = named or about.fallback_subject(w, draft.type, kept_modes)
    return Agreement(
        id=f"g{index}", type=draft.type, label=draft.label, parties=draft.parties, status=status,
        exclusive=draft.exclusive, milestones=draft.milestones,
        evidence=[Span(s, e) for s, e in sorted(draft.evidence)], modes=kept_modes,
        subject=subject, title=title, assets=assets, companies=sorted(draft.companies),
        summary=about.summary(doc.lexicon, w, draft.type, draft.parties, status, draft.milestones, doc.times,
                              title, named),
    )
