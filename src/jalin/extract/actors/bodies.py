"""Organisations outside the lexicon found by a head word alone (no acronym needed): a Malay or
Indonesian head opens the name ("Mahkamah Rayuan Sabah", "Universiti Teknologi Kinabalu", "Komisi
Pemilihan Umum"), an English head ends it ("Riverside Safety Board", "Harbour City Times").

The name is the capitalised run with its connectors ("dan", "and", "of", "&"); it stops at a title
(a role, rank or honorific starts a person) and it is dropped when it overlaps a lexicon name other
than a country or place at its end ("Dewan Perniagaan Jepun": Japan's; "Kementerian Luar Negeri"
is the lexicon's). A head written alone or followed by lower-case words is no name ("Dewan itu").
"""

from __future__ import annotations

import re

from jalin.doc import Doc
from jalin.extract.actors.entries import Match
from jalin.extract.actors.spans import SpanIndex
from jalin.lexicon import Lexicon

# One word of a body's name: "Keselamatan", "Anti-Rasuah", "(Sabah)" is not one.
_WORD = re.compile(r"[A-Z][\w'’&-]*")
_CONNECTORS = frozenset({"dan", "and", "of", "for", "&", "bagi", "untuk"})
_MAX_WORDS = 8
# A Malay verb right after a head word: "Majlis Menandatangani", "Majlis Berbuka".
_VERB = re.compile(r"(?:Meng?|Mem|Meny|Ber|Diper)[a-z]{3,}")
_END_KINDS = frozenset({"country", "place", "adjective", "metonym"})


def _heads(lexicon: Lexicon) -> dict[str, tuple[str, str]]:
    rows = lexicon.table("organisation_heads")
    return {row["word"]: (row["sector"], row.get("language", "")) for row in rows}


def _is_parent(entry: object) -> bool:
    """An intergovernmental body the name ends with: "Majlis Keselamatan PBB" is a body of the UN."""
    return getattr(entry, "kind", "") == "organisation" and getattr(entry, "sector", "") == "IGO"


def _function_words(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon.table("name_stopwords"))


def _words_after(text: str, pos: int, stop: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of the capitalised words (and inner connectors) from `pos` on, one space apart."""
    words: list[tuple[int, int]] = []
    while len(words) < _MAX_WORDS:
        word = re.compile(r"[\w'’&-]+").match(text, pos)
        if not word:
            break
        token = word.group()
        if token not in _CONNECTORS and (not _WORD.fullmatch(token) or token in stop):
            break
        words.append(word.span())
        if text[word.end():word.end() + 1] != " ":
            break
        pos = word.end() + 1
    while words and text[words[-1][0]:words[-1][1]] in _CONNECTORS:
        words.pop()
    return words


def _words_before(text: str, end: int, stop: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of the capitalised words (and inner connectors) ending at `end`."""
    words: list[tuple[int, int]] = []
    while len(words) < _MAX_WORDS and end > 0:
        space = text.rfind(" ", max(0, end - 40), end)
        token = text[space + 1:end]
        if token not in _CONNECTORS and (not _WORD.fullmatch(token) or token in stop):
            break
        words.insert(0, (space + 1, end))
        if space < 0 or text[space - 1:space] in ("", " ", "\n", ",", ".", ":", ";"):
            break
        end = space
    while words and text[words[0][0]:words[0][1]] in _CONNECTORS:
        words.pop(0)
    return words


def headed_bodies(doc: Doc, matches: list[Match],
                  covered: list[tuple[int, int]]) -> list[tuple[int, int, str | None, str, str]]:
    """(start, end, country, sector, language) of the bodies named by a head word, in text order."""
    text = doc.text
    heads = doc.lexicon.cached("bodies.heads", _heads)
    stop = doc.lexicon.cached("bodies.stopwords", _function_words)
    known = SpanIndex(covered)
    lexical = SpanIndex((m.start, m.end) for m in matches)
    kinds = {(m.start, m.end): m.entries[0] for m in matches}
    found: list[tuple[int, int, str | None, str, str]] = []
    for head in _WORD.finditer(text):
        word = head.group()
        if word not in heads or (head.start() and text[head.start() - 1].isalnum()):
            continue
        if lexical.touches(head.start(), head.end()):
            continue  # the head belongs to a lexicon name ("Amerika Syarikat")
        sector, language = heads[word]
        if language == "en":
            words = _words_before(text, head.end(), stop)
        elif text[head.end():head.end() + 1] == " ":
            words = [head.span(), *_words_after(text, head.end() + 1, stop)]
        else:
            words = []
        if len(words) < 2 or (language != "en" and words[0][0] != head.start()):
            continue
        start, end = words[0][0], words[-1][1]
        others = [text[s:e] for s, e in words if text[s:e] != word]
        if all(w.isupper() or w in _CONNECTORS for w in others):
            continue  # "the ACC Centre": an acronym and a head, a short form of a known body
        if language != "en" and _VERB.match(text, words[1][0]):
            continue  # "Majlis Menandatangani Memorandum …": a ceremony, the head then a verb
        parent = [span for span in lexical.overlapping(start, end)
                  if span[1] == end and language != "en" and _is_parent(kinds.get(span))]
        if any(span not in parent for span in known.overlapping(start, end)):
            continue  # a known body (a parent body at the end aside)
        country = None
        inside = lexical.overlapping(start, end)
        if any(getattr(kinds.get(span), "kind", "") not in _END_KINDS
               and not (span[1] == end and language != "en" and _is_parent(kinds.get(span)))
               for span in inside):
            continue  # a lexicon name inside; only a parent body may close it ("Dewan Keamanan PBB")
        for span in inside:
            entry = kinds.get(span)
            if entry is not None and entry.kind in ("country", "adjective"):
                country = entry.key
        found.append((start, end, country, sector, language))
        known.add((start, end))
    return found

