"""The text layer: normalisation, document fields found in the text, language, sentences, tokens.

`prepare()` turns raw text and metadata into a `Doc` whose `text` is final: every later offset
indexes it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from typing import Any

from jalin.doc import Doc
from jalin.language import identify_language
from jalin.lexicon import Lexicon, split_cell
from jalin.model import DocumentInfo, Span

# Site furniture that scraped bodies carry (font-size widgets and the like).
_WIDGETS = re.compile(r"(?:^|\s)A-\s+A\+(?=\s|$)")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_MOJIBAKE_HINT = re.compile("[ÃÂâ][\u0080-\u00bf\u2018-\u203a€™œ]")


def normalise(raw: str) -> str:
    """NFC text with repaired mojibake, unified spaces and line breaks, scraper quirks removed."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if _MOJIBAKE_HINT.search(text):
        import ftfy

        text = ftfy.fix_text(text, normalization="NFC")
    text = unicodedata.normalize("NFC", text)
    text = _WIDGETS.sub(" ", text)
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text).strip()
    # Crawled bodies that lost their dateline start with ": ".
    text = re.sub(r"^[:\-–—]\s+", "", text)
    return text


def document_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_published(value: str | date | None) -> date | None:
    """An ISO date (or the date part of an ISO datetime); None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


# ---------------------------------------------------------------- dateline and source agency

_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?[A-Z.])      # PLACE in capitals
        (?:\s*,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2}\b)?     # , Dec 8
        (?:\s*\((?:[A-Za-z ]{2,20})\))?                # (Bernama)
        \s*(?::|--|—|–|-\s)""",
    re.VERBOSE,
)


def find_dateline(text: str) -> str | None:
    match = _DATELINE.match(text[:80])
    if not match:
        return None
    place = match["place"].strip()
    return place if any(c.isalpha() for c in place) and place.upper() == place else None


def _source_patterns(lexicon: Lexicon) -> list[tuple[re.Pattern[str], str]]:
    patterns = []
    for row in lexicon.table("sources"):
        names = [row["name"], *split_cell(row.get("aliases", ""))]
        alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        patterns.append(
            (
                re.compile(
                    rf"(?:[-–—]{{1,2}}\s*(?:{alternation})\s*$"
                    rf"|\((?:{alternation})\)"
                    rf"|^(?:{alternation})\s*[:\-–—])",
                    re.IGNORECASE | re.MULTILINE,
                ),
                row["name"],
            )
        )
    return patterns


def find_source(text: str, lexicon: Lexicon) -> str | None:
    """The news agency or publisher the text names ("– Bernama", "(Bernama)"), else None."""
    head, tail = text[:200], text[-200:]
    for pattern, name in lexicon.cached("text.sources", _source_patterns):
        if pattern.search(tail) or pattern.search(head):
            return name
    return None


# ---------------------------------------------------------------- sentences and tokens

_TERMINATOR = re.compile(r"[.!?…]+[\"'”’)\]]*")


def _abbreviations(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["abbreviation"].casefold() for row in lexicon.table("abbreviations"))


def split_sentences(text: str, lexicon: Lexicon) -> list[Span]:
    """Sentence spans for Malay and English wire copy (abbreviations, decimals, run-together text)."""
    abbreviations = lexicon.cached("text.abbreviations", _abbreviations)
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for match in _TERMINATOR.finditer(text, para.start(), para.end()):
            end = match.end()
            if not _is_boundary(text, match.start(), end, para.end(), abbreviations):
                continue
            _add(spans, text, start, end)
            start = end
        _add(spans, text, start, para.end())
    return spans


def _is_boundary(text: str, dot: int, end: int, limit: int, abbreviations: frozenset[str]) -> bool:
    if end >= limit:
        return True
    following = text[end]
    if text[dot] == "." and dot + 1 < len(text) and text[dot + 1].isdigit() and dot > 0 and text[dot - 1].isdigit():
        return False  # 2.5, RM1.4
    word = re.search(r"([\w'’.]+)$", text[max(0, dot - 20):dot])
    token = word.group(1).casefold() if word else ""
    if text[dot] == "." and token and (token in abbreviations or f"{token}." in abbreviations):
        return False
    if text[dot] == "." and len(token) == 1 and token.isalpha():
        return False  # initials: "A. Samad", "U.S."
    if following == " ":
        nxt = text[end + 1:end + 2]
        return bool(nxt) and (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘(")
    # run-together scraped text: "lancar.Beliau", '."Kerjasama'
    if following.isupper() or following in "\"“‘":
        return not (text[dot] == "." and dot > 0 and text[dot - 1].isupper() and len(token) <= 4)
    return False


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans (words with inner hyphens/apostrophes, and single punctuation marks)."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


# ---------------------------------------------------------------- the prepared document


def prepare(
    raw: str,
    *,
    published: str | date | None,
    id: str | None,
    title: str | None,
    url: str | None,
    source: str | None,
    metadata: dict[str, Any],
    lexicon: Lexicon,
) -> Doc:
    text = normalise(raw)
    pub = parse_published(published)
    info = DocumentInfo(
        id=str(id) if id not in (None, "") else document_id(text),
        source=source or find_source(text, lexicon),
        published=pub.isoformat() if pub else None,
        dateline=find_dateline(text),
        language=identify_language(text),
        title=title,
        url=url,
    )
    return Doc(
        text=text,
        info=info,
        lexicon=lexicon,
        published=pub,
        sentences=split_sentences(text, lexicon),
        metadata=metadata,
    )
