"""Agreement mentions: where the text names an agreement, its type, label, and how it refers.

A mention is a head phrase from `agreement_types` with its label stretched over a proper name
("Maritime Cooperation Arrangement", "Perjanjian Perdagangan Bebas ... (FTA)") and a trailing
"(ABC)". It is anaphoric when a demonstrative follows a Malay head ("perjanjian itu", "MoU
tersebut") or a determiner precedes an English one ("the deal"), and a "such" reference when
"serupa", "sedemikian", "such", "similar" sits next to it. Purchase nouns ("procurement of", "perolehan") make
one mention per named asset that follows them, unless they give the subject of the agreement just
named ("an agreement with X for the purchase of ..."). An agreement that is only supposed ("any
deal", "sebarang perjanjian"), denied ("is not a contract") or a person's own ("his contract") is no
mention; "in the form of an MoU"
gives the kind of the agreement named before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from jalin.extract.agreements.lexicon import HeadRow, Hit, Matchers
from jalin.extract.common.words import alternation, function_words

# A named asset after a purchase noun: capitalised words, acronyms or model numbers, an optional
# "(ABC)"; Malay may put up to two lower-case class nouns first ("kapal OPV");
_ASSET_WORD = r"(?:[A-Z][\w\-/]*|\d[\w\-/]*[A-Za-z][\w\-/]*)"
# or a common noun phrase glossed by an acronym ("kapal peronda luar pesisir (OPV)").
_ASSET = (rf"(?:{_ASSET_WORD}(?:[ ]+{_ASSET_WORD})*(?:[ ]*\([A-Z0-9][^()\n]{{0,40}}\))?"
          rf"|[a-z][a-z\-]*(?:[ ]+[a-z][a-z\-]*){{0,5}}[ ]*\([A-Z][A-Z0-9\-]+\))")
_CLASS_NOUN = r"(?!(?:dan|and|serta|atau|or|of|di|in|the|then)[ ])[a-z]+[ ]+"
# " the two patrol vessels (LMS)" (the asset after a purchase word)
_ASSET_LEAD = re.compile(
    rf"[ ]+(?:(?:the|a|an|new|\d+)[ ]+)?(?:{_CLASS_NOUN}){{0,2}}?(?P<item>{_ASSET})"
)
_AND = alternation(function_words("CONJ", kind=("and", "also")), [","])  # , dan serta and
# ", dan dua kapal ronda", " and the new frigates" (another asset in a list)
_ASSET_NEXT = re.compile(
    rf"[ ]*{_AND}[ ]+(?:(?:the|a|an|new|\d+)[ ]+)?(?P<item>{_ASSET})"
)
_MONEY = re.compile(r"(?:RM|USD?|AS|SGD?|EUR|Rp|RP)?[$\d]")  # "RM5", "USD3", "$" (the start of an amount)
# "LMS", "A400M" (an acronym or model code)
_ACRONYM = re.compile(r"[A-Z]{2,}|[A-Z0-9]*\d[A-Z0-9]*[A-Z][A-Z0-9]*")
# " Littoral", " 2024" (the next capitalised word or year)
_NAME_WORD = re.compile(r"[ ]+(?P<word>[A-Z][\w'’\-]*|\d{4})")
# " of" in "Ministry of Defence" (a connector inside a name)
_CONNECTOR = re.compile(r"[ ]+(?:dan|bagi|mengenai|tentang|on|of|the|and|for|in)(?=[ ]+[A-Z])")
# "Defence " (the capitalised word right before a position)
_PREV_NAME_WORD = re.compile(r"(?:^|(?<=[ ]))(?P<word>[A-Z][\w'’\-]*)[ ]+$")
# "Ministry of " (a capitalised word and a connector before a position)
_PREV_CONNECTOR = re.compile(r"(?:^|(?<=[ ]))(?P<word>[A-Z][\w'’\-]*)[ ]+(?:and|of|on|for)[ ]+$")
_PAREN = re.compile(r"[ ]*\((?P<inner>[A-Z0-9][^()\n]{0,60})\)")  # " (LMS Batch 2)" (a bracket after a name)
_PREV_WORD = re.compile(r"(\w+)[ ]*$")  # "kontrak " (the word right before a position)


@dataclass(slots=True)
class Mention:
    start: int           # label span
    end: int
    head_start: int
    head_end: int
    type: str
    generic: bool        # a general head: an anaphor may point to any type
    anaphor: bool        # points back to an agreement already named
    such: bool           # "such an agreement": same type as the last one named
    sentence: int
    indefinite: bool = False  # "an agreement", "satu perjanjian": a new one
    asset: str = ""      # the named asset of a purchase ("Offshore Patrol Vessel (OPV)")
    passing: bool = False  # a named agreement after "under", "di bawah": an existing frame, named in passing
    common: bool = False   # a common word that names an agreement only in context ("usaha sama", "deal")
    named: bool = False    # the label has a proper name ("Visiting Forces Agreement")
    follows: bool = False  # a purchase prepared by the agreement named just before ("an LOI ... for the
    #                        procurement of X"): between the same sides


@dataclass(slots=True)
class _Context:
    """What every head of one document is read against."""
    text: str
    lowered: str
    cues: list[Hit]
    cue_at: dict[int, Hit]
    cue_end: dict[int, Hit]
    m: Matchers
    names_before: bool


def find_mentions(
    text: str, lowered: str, heads: list[Hit], cues: list[Hit], m: Matchers,
    sentence_of: Callable[[int], int], defence: Callable[[int], bool],
    in_domain: Callable[[str, int, int, tuple[int, int]], bool], names_before: bool,
    equipment: Callable[[int, int], tuple[int, int] | None] = lambda start, end: None,
) -> list[Mention]:
    """Mentions in text order.

    `defence(i)`: whether sentence i is about defence (a cooperation agreement there is a defence
    cooperation agreement). `in_domain(d, i, r, head)`: whether sentence i or one within r of it is in
    a head's domain ("defence", "relations"); a purchase noun needs it in its own sentence, other words
    within two sentences. `names_before`: a name may precede its head, as in English ("Paris
    Agreement"; a Malay name follows its head). `equipment(start, end)`: the span of the first
    quantity of equipment in [start, end) ("enam pesawat"), else None.
    """
    ctx = _Context(text, lowered, cues, {h.start: h for h in cues}, {h.end: h for h in cues}, m, names_before)
    mentions: list[Mention] = []
    covered = -1
    for position, head in enumerate(heads):
        if head.start < covered:
            continue
        row = m.head_rows[head.key]
        if row.type == "-":
            covered = head.end
            continue
        if row.acronym and sum(c.isupper() for c in text[head.start:head.end]) < 2:
            continue
        previous = mentions[-1] if mentions else None
        if previous is not None and not previous.asset and not text[previous.end:head.start].strip():
            # "government-to-government (G2G) procurement agreement": one agreement; a general first
            # word ("perjanjian", "agreement") takes the kind of the specific one after it.
            if previous.type == "other" and row.type != "other":
                previous.type, previous.generic = row.type, False
            previous.end = covered = head.end
            continue
        following = heads[position + 1] if position + 1 < len(heads) else None
        if not _may_name(ctx, head, row, heads[position + 1:position + 3], mentions):
            continue
        if previous is not None and row.kind != "generic" and _gives_form(ctx, head, previous, sentence_of):
            previous.type, previous.generic = row.type, False  # "... in the form of an MoU": its kind
            covered = head.end
            continue
        if _named_by_another(ctx, head, row, following):
            continue
        sentence = sentence_of(head.start)
        reach = 0 if row.kind == "purchase" else _DOMAIN_REACH
        in_place = not row.domain or in_domain(row.domain, sentence, reach, (head.start, head.end))
        if not in_place and not _refers_back(ctx, head, mentions):
            continue
        if row.kind == "purchase":
            found = _purchases(ctx, head, row, sentence, mentions)
        elif row.kind == "buy":
            found = _buys(ctx, head, row, sentence, equipment)
        else:
            kind = row.defence_type if row.defence_type and defence(sentence) else row.type
            mention = _mention(ctx, head, row, kind, following, sentence)
            found = [mention] if mention is not None else []
            if mention is None:
                covered = head.end
        if found:
            mentions.extend(found)
            covered = found[-1].end
    return mentions


def _may_name(ctx: _Context, head: Hit, row: HeadRow, after: list[Hit], mentions: list[Mention]) -> bool:
    """False for an anaphor with nothing named before ("the draft") and for a modifier that modifies
    no head after it ("dealt with government to government": a manner, no agreement)."""
    if row.kind == "anaphor" and not _refers_back(ctx, head, mentions):
        return False
    return not (row.kind == "modifier" and not _modifies(ctx.text, head, after))


def _named_by_another(ctx: _Context, head: Hit, row: HeadRow, following: Hit | None) -> bool:
    """True for a generic head right before a specific one ("perjanjian memorandum persefahaman":
    the specific head names it) and for a noun-only head after a verb-like word."""
    text = ctx.text
    if row.kind == "generic" and following is not None and not text[head.end:following.start].strip():
        return True
    verbal = ctx.m.role_words.get("verbal", frozenset())
    return bool(row.noun_only and _previous_word(ctx.lowered, head.start) in verbal)


def _purchases(
    ctx: _Context, head: Hit, row: HeadRow, sentence: int, mentions: list[Mention]
) -> list[Mention]:
    """One mention per named asset after a purchase noun ("procurement of the X (ABC) and Y")."""
    text = ctx.text
    if text[head.start].isupper() and not _starts_sentence(text, head.start):
        return []  # "Jawatankuasa Perolehan Kerajaan": part of a name
    link = _subject_link(text, head, mentions)
    if link == "same":
        return []  # "the contract for the procurement of ...": the contract already named
    assets = _assets(text, head.end, ctx.m.role_words.get("company", frozenset()))
    return [
        Mention(head.start if number == 0 else start, end, head.start, head.end, row.type,
                False, False, False, sentence, asset=text[start:end], follows=link == "follows")
        for number, (start, end) in enumerate(assets)
    ]


_BUY_REACH = 10  # words from a purchase verb to "dari/from" and the seller ("membeli enam pesawat dari X")


def _buys(
    ctx: _Context, head: Hit, row: HeadRow, sentence: int,
    equipment: Callable[[int, int], tuple[int, int] | None],
) -> list[Mention]:
    """A purchase told by its verb: "akan membeli enam pesawat pejuang dari X", "bought two frigates
    from X". It needs a quantity of equipment after the verb and, a few words on, the seller after
    "dari/daripada/from" (agreement_cues role `with`): a country buying from another is a procurement
    between the two. The label is what is bought, so the verb before it is the purchase's stage."""
    text = ctx.text
    sellers = ctx.m.role_words.get("with", frozenset())
    seller = next((h for h in ctx.cues if h.start >= head.end and h.key in sellers
                   and len(text[head.end:h.start].split()) <= _BUY_REACH), None)
    if seller is None or "." in text[head.end:seller.start]:
        return []
    bought = equipment(head.end, seller.start)
    if bought is None:
        return []
    start, end = bought[0], len(text[:seller.start].rstrip())
    return [Mention(start, end, head.start, head.end, row.type, False, False, False, sentence,
                    common=True)]


def _mention(
    ctx: _Context, head: Hit, row: HeadRow, kind: str, following: Hit | None, sentence: int
) -> Mention | None:
    """The mention of an agreement head: its label, kind, and whether it points back; None for an
    agreement that is only supposed ("any agreement", "sebarang perjanjian", "no deal"), denied
    ("the LOI is not a contract", "bukan satu perjanjian") or a person's own ("his contract")."""
    m = ctx.m
    start, end, named = _label(ctx.text, head, frozenset(m.cue_roles), ctx.names_before)
    before = _roles_before(ctx, start)
    if any({"hypothetical", "personal"} & roles for distance, roles in before if distance <= 1):
        return None
    if _is_denied(before):
        return None
    glossed = _glossed(ctx.text, end, following, m) if row.kind == "generic" or row.type == "other" else None
    if glossed is not None:  # "perjanjian persefahaman (MoU)": the acronym says which kind
        kind, end = m.head_rows[glossed.key].type, max(end, glossed.end + 1)
    anaphor = such = False
    after = _demonstrative_after(ctx, end)
    if after is not None:
        anaphor, end = True, after.end
    article = _article_before(ctx, start)
    if not named and "determiner" in article:
        anaphor = not _introduces_party(ctx.lowered, end, ctx.cue_at, m)
    such_cue = _near_such(ctx.lowered, start, end, ctx.cues, m)
    if such_cue is not None:
        such, anaphor = True, False
        end = max(end, such_cue.end)
    passing = named and any("under" in roles for distance, roles in before if distance <= 1)
    return Mention(start, end, head.start, head.end, kind, row.kind == "generic", anaphor, such, sentence,
                   indefinite="indefinite" in article, passing=passing, common=bool(row.domain),
                   named=named)


_BEFORE_REACH = 4  # words before a label read for "any", "not a", "under"
_CLAUSE_MARK = re.compile(r"[.,;:!?()“”\"]")  # ",", "(", "“" (a mark that ends a clause)


def _roles_before(ctx: _Context, start: int) -> list[tuple[int, frozenset[str]]]:
    """(words between, roles) of the function words within a few words before `start`, nearest first,
    not across a clause mark."""
    found = []
    first = bisect_left(ctx.cues, start - 60, key=_start)
    for hit in reversed(ctx.cues[first:bisect_left(ctx.cues, start, key=_start)]):
        if hit.end > start:
            continue
        gap = ctx.text[hit.end:start]
        distance = len(gap.split())
        if distance > _BEFORE_REACH or _CLAUSE_MARK.search(gap):
            break
        found.append((distance, ctx.m.cue_roles[hit.key]))
    return found


def _is_denied(before: list[tuple[int, frozenset[str]]]) -> bool:
    """A negation right before the label ("bukan perjanjian biasa"), or an indefinite article right
    before it with a negation just before that ("is not a contract", "bukan satu perjanjian")."""
    if before and before[0][0] == 0 and "negation" in before[0][1]:
        return True  # "bukan perjanjian biasa"
    if not before or before[0][0] > 1 or "indefinite" not in before[0][1]:
        return False
    return any("negation" in roles for _, roles in before[1:])


_SUBJECT_REACH = 6  # words between an agreement and the purchase noun that gives its subject
_DOMAIN_REACH = 2  # sentences either side that may put a common agreement word in its domain
_PURCHASE_TYPES = frozenset({"procurement_contract", "g2g_procurement"})


def _gives_form(ctx: _Context, head: Hit, previous: Mention, sentence_of: Callable[[int], int]) -> bool:
    """A head right after "in the form of (a)", "dalam bentuk", in the sentence of the mention before it."""
    if sentence_of(head.start) != previous.sentence or previous.anaphor or previous.asset:
        return False
    return any("form" in roles for distance, roles in _roles_before(ctx, head.start) if distance <= 1)


def _modifies(text: str, head: Hit, after: list[Hit]) -> bool:
    """Whether another head follows a modifier head, past an optional "(ABC)": "government-to-government
    (G2G) agreement"."""
    paren = _PAREN.match(text, head.end)
    end = paren.end() if paren else head.end
    return any(not text[end:h.start].strip() for h in after if h.start >= end)


_SUBJECT_WORDS = frozenset({"for", "bagi", "untuk", "mengenai", "covering", "on"})


def _subject_link(text: str, head: Hit, mentions: list[Mention]) -> str:
    """How a purchase noun relates to the agreement named just before it: "same" when it describes
    that agreement (within three words after a procurement agreement, or a few words after a
    procurement or general agreement with "for/bagi/untuk" between: "an agreement with Korea for the
    purchase of ..."), "follows" when another kind prepares it ("a letter of intent with X for the
    procurement of ...": a purchase of its own between the same sides), else ""."""
    if not mentions or mentions[-1].end > head.start or mentions[-1].asset:
        return ""
    previous = mentions[-1]
    gap = text[previous.end:head.start]
    if any(mark in gap for mark in ".;"):
        return ""
    words = gap.lower().split()
    if previous.type in _PURCHASE_TYPES and len(words) <= 3:
        return "same"
    if len(words) > _SUBJECT_REACH or not _SUBJECT_WORDS.intersection(words):
        return ""
    return "same" if previous.type in _PURCHASE_TYPES or previous.generic else "follows"


# " kapal ronda (" (up to two words then an opening bracket)
_GLOSS = re.compile(r"(?:[ ]+[\w\-]+){0,2}[ ]*\($")


def _glossed(text: str, end: int, following: Hit | None, m: Matchers) -> Hit | None:
    """A specific head in brackets within two words after a general one ("perjanjian ... (MoU)")."""
    if following is None or following.start - end > 40 or text[following.end:following.end + 1] != ")":
        return None
    row = m.head_rows[following.key]
    if row.kind == "generic" or row.type == "-":
        return None
    inside = following.end < end and text[following.start - 1:following.start] == "("  # label's own "(MoU)"
    return following if inside or _GLOSS.fullmatch(text, end, following.start) else None


def _starts_sentence(text: str, offset: int) -> bool:
    before = text[max(0, offset - 4):offset].rstrip()
    return not before or before[-1] in ".!?:\"“”'‘’\n"


def _start(hit: Hit) -> int:
    return hit.start


def _refers_back(ctx: _Context, head: Hit, mentions: list[Mention]) -> bool:
    """"Perjanjian itu", "the deal", "such an agreement" after an agreement already found: it needs no
    domain of its own."""
    if not mentions:
        return False
    roles: set[str] = set()
    around = (_next_cue(ctx.lowered, head.end, ctx.cue_at), _prev_cue(ctx.lowered, head.start, ctx.cue_end))
    for hit in around:
        if hit is not None:
            roles |= ctx.m.cue_roles[hit.key]
    return bool(roles & {"demonstrative", "determiner", "such"}) or _near_such(
        ctx.lowered, head.start, head.end, ctx.cues, ctx.m) is not None


def _previous_word(lowered: str, offset: int) -> str:
    match = _PREV_WORD.search(lowered, max(0, offset - 30), offset)
    return match.group(1) if match else ""


def _label(
    text: str, head: Hit, function_words: frozenset[str], names_before: bool
) -> tuple[int, int, bool]:
    """The label span: the head, stretched over a proper name around a capitalised head, plus "(ABC)"."""
    start, end, named = head.start, head.end, False
    if text[head.start].isupper():
        while names_before:
            prev = _PREV_NAME_WORD.search(text, max(0, start - 40), start)
            if prev is None:  # "Comprehensive and Progressive Agreement": a joining word inside a name
                joint = _PREV_CONNECTOR.search(text, max(0, start - 60), start)
                prev = joint if joint and joint["word"].lower() not in function_words else None
            if not prev or prev["word"].lower() in function_words:
                break
            start, named = prev.start("word"), True
        while True:
            word = _NAME_WORD.match(text, end)
            if word:
                end, named = word.end(), True
                continue
            joint = _CONNECTOR.match(text, end)
            if joint and _NAME_WORD.match(text, joint.end()):
                end = _NAME_WORD.match(text, joint.end()).end()
                named = True
                continue
            break
    paren = _PAREN.match(text, end)
    if paren:
        end = paren.end()
    return start, end, named


_ADJECTIVE_AFTER = re.compile(r"[ ]+([a-z][\w\-]*)")  # " baharu" (the lower-case word after a noun)
# A lower-case word or an acronym ("the ABC arrangement", "the C-130 deal") between an article and a head.
_ADJECTIVE_BEFORE = re.compile(r"(?<!\w)([a-z][\w\-]*|[A-Z0-9][A-Z0-9\-]+)[ ]+$")
# Cue words that may stand as adjectives: "the exclusive arrangement", "the jet deal".
_ADJECTIVE_ROLES = frozenset({"exclusive", "nonexclusive", "asset"})
_ARTICLE_ROLES = frozenset({"determiner", "indefinite"})


def _is_adjective(ctx: _Context, word: str) -> bool:
    """A lower-case word that is no function word (or only "exclusive"): may sit between a head and
    its demonstrative or determiner ("perjanjian baharu itu", "the exclusive arrangement")."""
    roles = ctx.m.cue_roles.get(word)
    return roles is None or roles <= _ADJECTIVE_ROLES


def _demonstrative_after(ctx: _Context, end: int) -> Hit | None:
    """"itu", "tersebut" right after a Malay label or after up to two adjectives."""
    for _ in range(3):
        hit = _next_cue(ctx.lowered, end, ctx.cue_at)
        if hit is not None and "demonstrative" in ctx.m.cue_roles[hit.key]:
            return hit
        word = _ADJECTIVE_AFTER.match(ctx.text, end)
        if word is None or not _is_adjective(ctx, word.group(1)):
            return None
        end = word.end()
    return None


def _article_before(ctx: _Context, start: int) -> frozenset[str]:
    """The roles of the article ("the", "this", "an", "satu") right before a label or before up to two
    adjectives; empty when there is none."""
    for _ in range(3):
        hit = _prev_cue(ctx.lowered, start, ctx.cue_end)
        if hit is not None:
            roles = ctx.m.cue_roles[hit.key]
            if roles & _ARTICLE_ROLES:
                return roles & _ARTICLE_ROLES
            if not roles <= _ADJECTIVE_ROLES:
                return frozenset()
            start = hit.start
            continue
        word = _ADJECTIVE_BEFORE.search(ctx.text, max(0, start - 30), start)
        if word is None or not _is_adjective(ctx, word.group(1)):
            return frozenset()
        start = word.start()
    return frozenset()


def _next_cue(lowered: str, offset: int, cue_at: dict[int, Hit]) -> Hit | None:
    """The function word right after `offset` (one space between at most)."""
    hit = cue_at.get(offset)
    return hit if hit is not None else cue_at.get(offset + 1) if lowered[offset:offset + 1] == " " else None


def _prev_cue(lowered: str, offset: int, cue_end: dict[int, Hit]) -> Hit | None:
    for gap in (1, 0):
        hit = cue_end.get(offset - gap)
        if hit is not None and lowered[hit.end:offset].strip() == "":
            return hit
    return None


def _introduces_party(lowered: str, offset: int, cue_at: dict[int, Hit], m: Matchers) -> bool:
    """"the agreement between/with ..." names its own parties: a new agreement, not an anaphor."""
    hit = _next_cue(lowered, offset, cue_at)
    return hit is not None and bool({"with", "between"} & m.cue_roles[hit.key])


def _near_such(lowered: str, start: int, end: int, cues: list[Hit], m: Matchers) -> Hit | None:
    """A "such" cue within three words before the label or two after it."""
    window = cues[bisect_left(cues, start - 60, key=_start):bisect_left(cues, end + 60, key=_start)]
    for hit in window:
        if "such" not in m.cue_roles[hit.key]:
            continue
        if hit.end <= start and len(lowered[hit.end:start].split()) <= 3:
            return hit
        if hit.start >= end and len(lowered[end:hit.start].split()) <= 2:
            return hit
    return None


def _assets(text: str, offset: int, companies: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of the named assets listed after a purchase noun; [] when none is named."""
    match = _ASSET_LEAD.match(text, offset)
    if not match or not _is_asset(text, match, companies):
        return []
    items = [(match.start("item"), match.end("item"))]
    while True:
        more = _ASSET_NEXT.match(text, items[-1][1])
        if not more or not _is_asset(text, more, companies):
            return items
        items.append((more.start("item"), more.end("item")))


def _is_asset(text: str, match: re.Match[str], companies: frozenset[str]) -> bool:
    """A named asset has an acronym, a model number or at least two capitalised words; not money."""
    item = match["item"]
    if _MONEY.match(item) or text[match.end("item"):match.end("item") + 1] == "$":
        return False  # "perolehan RM2 bilion", "perolehan US$5 juta" (revenue, not a purchase)
    words = item.split()
    if any(word.lower().strip(".") in companies for word in words):
        return False  # "acquisition of Alpha Holdings Bhd": a takeover
    return bool(_ACRONYM.search(item)) or len(words) >= 2
