"""Person names in running text: capitalised word runs with Malay and English name particles."""

from __future__ import annotations

import re

from jalin.doc import Doc
from jalin.lexicon import Lexicon

# One word of a name: a capitalised word (inner hyphens and apostrophes), a particle, or "@".
_WORD = re.compile(r"a/[lp]\b|[^\W\d_][\w'’]*(?:-[\w'’]+)*\.?|@")
PARTICLES = frozenset({"bin", "binti", "bte", "bt", "a/l", "a/p", "@", "anak", "van", "von", "de", "der",
                       "da", "del", "al", "el", "le", "ibni"})
MAX_TOKENS = 7
# A name word written with a lower-case Arabic article: "al-Hussein", "el-Sisi", "ad-Din".
_ARTICLED = re.compile(r"(?:al|el|ad|as|ar|an|at|ash)-[A-Z][\w'’]*")


def _stopwords(lexicon: Lexicon) -> frozenset[str]:
    """Words that are never part of a person's name: the stopword list, organisation heads and the
    generic words of bodies and places (`not_name_words.tsv`)."""
    words = {row["word"] for row in lexicon.table("name_stopwords")}
    words.update(row["word"] for row in lexicon.table("organisation_heads"))
    words.update(row["word"] for row in lexicon.table("not_name_words"))
    return frozenset(words)


def _abbreviations(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon.table("name_abbreviations"))


def stopwords(doc: Doc) -> frozenset[str]:
    return doc.lexicon.cached("names.stopwords", _stopwords)


def is_name_word(word: str, stop: frozenset[str]) -> bool:
    """A capitalised word that can be part of a person's name (not an acronym, not a stopword)."""
    bare = word.rstrip(".")
    if not bare or not bare[0].isupper() or bare in stop:
        return False
    return len(bare) == 1 or not bare.isupper()  # acronyms (MEA, PAT) are not names


def name_at(doc: Doc, pos: int, blocked: dict[int, str]) -> tuple[int, int, list[str]] | None:
    """The name starting at `pos`: (start, end, words); `blocked` maps offsets where a lexicon
    match of another kind (role, organisation, country, place) starts, which ends the name."""
    text, stop = doc.text, stopwords(doc)
    abbreviations = doc.lexicon.cached("names.abbreviations", _abbreviations)
    words: list[tuple[int, int, str]] = []
    p = pos
    while len(words) < MAX_TOKENS:
        match = _WORD.match(text, p)
        if not match:
            break
        word = match.group()
        kind = blocked.get(p)
        if kind is not None and not (kind == "honorific" and words):
            break
        if word.lower() in PARTICLES:
            if not words:
                break
        elif words and _ARTICLED.fullmatch(word):
            pass  # "Riyad al-Maliki", "Zeid Ra'ad al-Hussein": an Arabic article joined to the name
        elif not is_name_word(word, stop):
            break
        end = match.end()
        if word.endswith(".") and len(word) > 2 and word[:-1] not in abbreviations:
            word, end = word[:-1], end - 1  # sentence-final stop, not an initial
        if word.endswith(("'", "’")) and len(word) > 2:
            word, end = word[:-1], end - 1  # closing quote mark, not part of the name
        if word.endswith(("'s", "’s")) and len(word) > 3:
            word, end = word[:-2], end - 2  # possessive: "Widodo's"
        words.append((match.start(), end, word))
        if text[end:end + 1] != " " or end != match.end():
            break
        p = end + 1
    while words and words[-1][2].lower() in PARTICLES:
        words.pop()
    if not words:
        return None
    return words[0][0], words[-1][1], [w for _, _, w in words]


def name_key(words: list[str]) -> tuple[str, ...]:
    """The name's comparable words: case-folded, particles and initials dropped."""
    return tuple(w.casefold().rstrip(".") for w in words
                 if w.lower() not in PARTICLES and len(w.rstrip(".")) > 1)
