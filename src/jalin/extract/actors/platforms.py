"""Social media platforms named as a medium, not as an actor: "di laman Facebook", "on Twitter",
"melalui media sosial kesayangannya, Twitter", "seperti Facebook, Instagram dan TikTok". A platform
that acts ("Facebook mengumumkan", "TikTok said") keeps its mentions and stays an organisation."""

from __future__ import annotations

import re

from jalin.doc import Doc
from jalin.lexicon import Lexicon
from jalin.model import Actor

# Right before a platform named as a medium: "di laman sosial ", "on ", "melalui media sosial
# kesayangannya, ", "seperti ", "foto ", "akaun ".
_MEDIUM_BEFORE = re.compile(
    r"(?<![\w-])(?:di|pada|melalui|menerusi|lewat|via|on|through|in|seperti|such as|like|penggunaan"
    r"|menggunakan|using|foto|laman|akaun|aplikasi|platform|page|account|posted on|follow)"
    r"(?: (?:laman|akaun|media|aplikasi|platform|sosial|social|rasmi|official|kesayangannya|miliknya"
    r"|beliau|his|her|its))*,? $",
    re.IGNORECASE,
)
# Between two platforms of a list: "Facebook, Instagram dan TikTok" (", " and " dan ").
_LIST_GAP = re.compile(r",? (?:dan|serta|and|or|atau|&) |, ")


def _platforms(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon.table("platforms"))


def drop_media(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """The actors without the platform mentions that name a medium; a platform left with no mention
    is dropped."""
    names = doc.lexicon.cached("platforms.names", _platforms)
    text = doc.text
    spans = sorted((m.start, m.end) for a in actors if a.type == "ORGANISATION" and a.name in names
                   for m in a.mentions)
    if not spans:
        return actors
    medium: set[tuple[int, int]] = set()
    previous = (-1, -1)
    for start, end in spans:
        before = text[max(0, start - 60):start]
        listed = previous in medium and bool(_LIST_GAP.fullmatch(text, previous[1], start))
        if _MEDIUM_BEFORE.search(before) or listed:
            medium.add((start, end))
        previous = (start, end)
    kept: list[Actor] = []
    for actor in actors:
        if actor.type == "ORGANISATION" and actor.name in names:
            actor.mentions = [m for m in actor.mentions if (m.start, m.end) not in medium]
            if not actor.mentions:
                continue
        kept.append(actor)
    return kept
