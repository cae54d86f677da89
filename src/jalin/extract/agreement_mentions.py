"""Agreement mentions: where the text names an agreement, its type, label, and how it refers.

A mention is a head phrase from `agreement_types` with its label stretched over a proper name
("Trilateral Cooperative Arrangement", "Perjanjian ... (CPTPP)") and a trailing "(G2G)". It is
anaphoric when a demonstrative follows a Malay head ("perjanjian itu", "MoU tersebut") or a
determiner precedes an English one ("the deal"), and a "such" reference when "seumpama itu",
"serupa", "such", "similar" sits next to it. Purchase nouns ("procurement of", "perolehan") make
one mention per named asset that follows them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from jalin.extract.agreement_lexicon import Hit, Matchers

# A named asset after a purchase noun: capitalised words, acronyms or model numbers, an optional
# "(ABC)"; Malay may put up to two lower-case class nouns first ("kapal LCS").
_ASSET_WORD = r"(?:[A-Z][\w\-/]*|\d[\w\-/]*[A-Za-z][\w\-/]*)"
_ASSET = rf"{_ASSET_WORD}(?:[ ]+{_ASSET_WORD})*(?:[ ]*\([A-Z0-9][^()\n]{{0,40}}\))?"
_CLASS_NOUN = r"(?!(?:dan|and|serta|atau|or|of|di|in|the|then)[ ])[a-z]+[ ]+"
_ASSET_LEAD = re.compile(
    rf"[ ]+(?:(?:the|a|an|new|\d+)[ ]+)?(?:{_CLASS_NOUN}){{0,2}}?(?P<item>{_ASSET})"
)
_ASSET_NEXT = re.compile(
    rf"[ ]*(?:,|and|dan|serta)[ ]+(?:(?:the|a|an|new|\d+)[ ]+)?(?P<item>{_ASSET})"
)
_MONEY = re.compile(r"(?:RM|USD?|AS|SGD?|EUR|Rp|RP)?[$\d]")
_ACRONYM = re.compile(r"[A-Z]{2,}|[A-Z0-9]*\d[A-Z0-9]*[A-Z][A-Z0-9]*")
_NAME_WORD = re.compile(r"[ ]+(?P<word>[A-Z][\w'’\-]*|\d{4})")
_CONNECTOR = re.compile(r"[ ]+(?:dan|bagi|mengenai|tentang|on|of|the|and|for|in)(?=[ ]+[A-Z])")
_PREV_NAME_WORD = re.compile(r"(?:^|(?<=[ ]))(?P<word>[A-Z][\w'’\-]*)[ ]+$")
_PAREN = re.compile(r"[ ]*\((?P<inner>[A-Z0-9][^()\n]{0,60})\)")
_PREV_WORD = re.compile(r"(\w+)[ ]*$")


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
    asset: str = ""      # the named asset of a purchase ("Littoral Combat Ship (LCS)")


def find_mentions(
    text: str, lowered: str, heads: list[Hit], cues: list[Hit], m: Matchers,
    sentence_of: Callable[[int], int], defence: Callable[[int], bool],
    in_domain: Callable[[str, int], bool], names_before: bool,
) -> list[Mention]:
    """Mentions in text order; `defence(i)` says whether sentence i is about defence, `in_domain(d, i)`
    whether sentence i's neighbourhood is in a head's domain ("defence", "relations"); `names_before`
    lets a name precede its head, as in English ("Paris Agreement"; a Malay name follows it)."""
    cue_at = {hit.start: hit for hit in cues}
    cue_end = {hit.end: hit for hit in cues}
    mentions: list[Mention] = []
    covered = -1
    function_words = frozenset(m.cue_roles)
    for index, head in enumerate(heads):
        if head.start < covered:
            continue
        row = m.head_rows[head.key]
        if row.type == "-":
            covered = head.end
            continue
        if row.acronym and sum(c.isupper() for c in text[head.start:head.end]) < 2:
            continue
        following = heads[index + 1] if index + 1 < len(heads) else None
        if row.kind == "generic" and following is not None and not text[head.end:following.start].strip():
            continue  # "perjanjian memorandum persefahaman": the specific head names it
        if row.noun_only and _previous_word(lowered, head.start) in _role_words(m, "verbal"):
            continue
        sentence = sentence_of(head.start)
        if row.domain and not in_domain(row.domain, sentence) and not _refers_back(
                lowered, head, cues, cue_at, cue_end, m, mentions):
            continue
        if row.kind == "purchase":
            if text[head.start].isupper() and not _starts_sentence(text, head.start):
                continue  # "Jawatankuasa ..., Perolehan dan Kewangan": part of a name
            if _describes_previous(text, head, mentions):
                continue  # "the contract for the procurement of ...": the contract already named
            companies = _role_words(m, "company")
            for index, (start, end) in enumerate(_assets(text, head.end, companies)):
                mentions.append(Mention(head.start if index == 0 else start, end, head.start,
                                        head.end, row.type, False, False, False, sentence,
                                        text[start:end]))
                covered = end
            continue
        kind = row.type
        if row.defence_type and defence(sentence):
            kind = row.defence_type
        start, end, named = _label(text, head, function_words, names_before)
        anaphor = False
        such = False
        after = _next_cue(lowered, end, cue_at)
        if after is not None and "demonstrative" in m.cue_roles[after.key]:
            anaphor, end = True, after.end
        before = _prev_cue(lowered, start, cue_end)
        if before is not None and "determiner" in m.cue_roles[before.key] and not named:
            anaphor = not _introduces_party(lowered, end, cue_at, m)
        such_cue = _near_such(lowered, start, end, cues, m)
        if such_cue is not None:
            such, anaphor = True, False
            end = max(end, such_cue.end)
        mentions.append(Mention(start, end, head.start, head.end, kind,
                                row.kind == "generic", anaphor, such, sentence))
        covered = end
    return mentions


_PURCHASE_TYPES = frozenset({"procurement_contract", "g2g_procurement"})


def _describes_previous(text: str, head: Hit, mentions: list[Mention]) -> bool:
    """A purchase noun within three words after a procurement agreement's label describes it."""
    if not mentions or mentions[-1].type not in _PURCHASE_TYPES or mentions[-1].end > head.start:
        return False
    gap = text[mentions[-1].end:head.start]
    return len(gap.split()) <= 3 and not any(mark in gap for mark in ".;")


def _starts_sentence(text: str, offset: int) -> bool:
    before = text[max(0, offset - 4):offset].rstrip()
    return not before or before[-1] in ".!?:\"“”'‘’\n"


def _start(hit: Hit) -> int:
    return hit.start


def _refers_back(
    lowered: str, head: Hit, cues: list[Hit], cue_at: dict[int, Hit], cue_end: dict[int, Hit],
    m: Matchers, mentions: list[Mention],
) -> bool:
    """"Perjanjian itu", "the deal", "such an agreement" after an agreement already found: it needs no
    domain of its own."""
    if not mentions:
        return False
    roles = set()
    for hit in (_next_cue(lowered, head.end, cue_at), _prev_cue(lowered, head.start, cue_end)):
        if hit is not None:
            roles |= m.cue_roles[hit.key]
    return bool(roles & {"demonstrative", "determiner", "such"}) or _near_such(
        lowered, head.start, head.end, cues, m) is not None


def _role_words(m: Matchers, role: str) -> frozenset[str]:
    return frozenset(k for k, roles in m.cue_roles.items() if role in roles)


def _previous_word(lowered: str, offset: int) -> str:
    match = _PREV_WORD.search(lowered, max(0, offset - 30), offset)
    return match.group(1) if match else ""


def _label(text: str, head: Hit, function_words: frozenset[str], names_before: bool) -> tuple[int, int, bool]:
    """The label span: the head, stretched over a proper name around a capitalised head, plus "(ABC)"."""
    start, end, named = head.start, head.end, False
    if text[head.start].isupper():
        while names_before:
            prev = _PREV_NAME_WORD.search(text, max(0, start - 40), start)
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
        return False  # "perolehan RM2 bilion", "perolehan AS$740 juta" (revenue, not a purchase)
    words = item.split()
    if any(word.lower().strip(".") in companies for word in words):
        return False  # "acquisition of RHB Capital Bhd": a takeover
    return bool(_ACRONYM.search(item)) or len(words) >= 2
