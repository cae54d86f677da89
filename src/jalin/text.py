"""The text layer: normalisation, document fields found in the text, sentences, tokens.

`prepare()` turns raw text and metadata into a `Doc` whose `text` is final: every later offset
indexes it. Language identification lives in `jalin.language`, sentence segmentation in
`jalin.sentences`; this module ties them together.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from jalin.doc import Doc
from jalin.language import identify_language
from jalin.lexicon import Lexicon, split_cell
from jalin.model import DocumentInfo
from jalin.sentences import split_sentences

__all__ = [
    "document_id", "find_dateline", "find_signoff", "find_source", "normalise", "parse_published",
    "prepare", "publisher_from_url", "split_sentences", "tokens", "without_surrogates",
]

_INVISIBLE_CHARS = "\ufeff\u00ad\u200b\u200c\u200d\u2060"
_ODD_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")  # "\ufeff", "\u200b" (an invisible character)
# Runs of white space other than one plain space: two or more, or one that is not a plain space.
# (Each branch opens with one character class, which `re` scans for quickly.)
_SPACES = re.compile(f" [ {_ODD_SPACE_CHARS}]+|[{_ODD_SPACE_CHARS}][ {_ODD_SPACE_CHARS}]*")
# One scan says whether a non-ASCII text needs any of the rewrites below: most need none.
_NEEDS_CLEANING = re.compile(f"[{_INVISIBLE_CHARS}{_ODD_SPACE_CHARS}ÃÂâÅÄ]")
_SPACED_BREAK = re.compile(r" \n ?|\n ")  # " \n ", "\n " (a line break with spaces beside it)
_BLANK_LINES = re.compile(r"\n{3,}")  # "\n\n\n" (three or more breaks)
_MOJIBAKE_HINT = re.compile("[ÃÂâÅÄ][\u0080-\u00bf\u2018-\u203a€™œ]")  # "Ã©", "â€™" (UTF-8 read as cp1252)
# Crawled bodies that lost their dateline start with ": " (or a stray dash).
_LOST_DATELINE = re.compile(r"^(?:[:\-–—]+\s*)+")
TAIL_WINDOW = 600


class _Boilerplate:
    """The `boilerplate` table compiled: head, tail and line patterns (None when the table has none).

    `line_first` (a match at the start) and `line_after_break` (a search led by a literal line
    break, much cheaper than trying `line` at every offset) tell whether the text holds a furniture
    line at all, so that `line` runs only on the few texts that do.
    """

    __slots__ = ("head", "line", "line_after_break", "line_first", "tail")

    def __init__(self, lexicon: Lexicon) -> None:
        found: dict[str, list[str]] = {"head": [], "tail": [], "line": []}
        for row in lexicon.table("boilerplate"):
            found.setdefault(row["where"], []).append(row["pattern"])
        head, tail, line = ("|".join(f"(?:{p})" for p in found[k]) for k in ("head", "tail", "line"))
        flags = re.IGNORECASE | re.MULTILINE
        self.head = re.compile(rf"^\s*(?:{head})\s*", re.IGNORECASE) if head else None
        self.tail = re.compile(rf"(?:{tail})\s*$", re.IGNORECASE) if tail else None
        self.line = re.compile(rf"^(?:{line})$\n*", flags) if line else None
        self.line_first = re.compile(rf"(?:{line})$", flags) if line else None
        self.line_after_break = re.compile(rf"\n(?:{line})$", flags) if line else None


# A lone UTF-16 surrogate ("\ud800" from a JSON escape): no UTF-8 text can hold one.
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(value: Any) -> Any:
    """A string (or the strings in a JSON-like value) with lone surrogates replaced by U+FFFD."""
    if isinstance(value, str):
        return value if value.isascii() else _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [without_surrogates(v) for v in value]
    return value


def normalise(raw: str, lexicon: Lexicon | None = None) -> str:
    """NFC text with repaired mojibake, unified spaces and line breaks, site furniture removed."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    if (text.isascii() and "\t" not in text) or (
            not _NEEDS_CLEANING.search(text) and unicodedata.is_normalized("NFC", text)):
        text = _single_spaces(text)  # the usual case: nothing but runs of plain spaces to see to
    else:
        text = _SPACES.sub(" ", unicodedata.normalize("NFC", _INVISIBLE.sub("", text)))
        if _MOJIBAKE_HINT.search(text):
            import ftfy  # only for texts that look broken: keeps ftfy off the hot path

            fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
            if fixed != text:
                text = _SPACES.sub(" ", _INVISIBLE.sub("", fixed))
    if "\n " in text or " \n" in text:
        text = _SPACED_BREAK.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    text = text.strip()
    while True:  # furniture uncovers furniture ("A- A+" before a tail line): until nothing changes
        cleaned = _LOST_DATELINE.sub("", _strip_furniture(text, lexicon)).strip()
        if cleaned == text:
            return text
        text = cleaned


def _single_spaces(text: str) -> str:
    """Runs of plain spaces made one (str.replace is much faster than a regular expression)."""
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _strip_furniture(text: str, lexicon: Lexicon | None) -> str:
    if lexicon is None:
        return text
    patterns: _Boilerplate = lexicon.cached("text.furniture", _Boilerplate)
    head, tail, line = patterns.head, patterns.tail, patterns.line
    if line is not None and (patterns.line_first.match(text)  # type: ignore[union-attr]
                             or patterns.line_after_break.search(text)):  # type: ignore[union-attr]
        text = line.sub("", text)
    if head is not None:
        text = head.sub("", text, count=1)
    while tail is not None:
        match = tail.search(text, max(0, len(text) - TAIL_WINDOW))
        if not match or match.start() == len(text):
            break
        text = text[:match.start()].rstrip()
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


# ---------------------------------------------------------------- dateline

_DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Z'’.\-]*(?:\ [A-Z][A-Z'’.\-]*){0,3})   # PLACE, up to four words in capitals
        (?:,?\ \d{1,2}\ [A-Z][a-z]{2,8}\.?                        #  7 Sept.   (Malay papers)
          |,\ [A-Z][a-z]{2,8}\.?\ \d{1,2}                          # , Dec 8     (wires)
          |\ \([A-Z][a-z]{2,8}\.?\ \d{1,2}\)                       #  (May 14)
        )?
        (?:\ ?\((?P<agency>[A-Za-z][\w .]{1,30})\))?             #  (Bernama)
        (?::\ ?(?=\S)|\ ?[-–—]{1,2}\ )                            # : or a dash
    """,
    re.VERBOSE,
)
DATELINE_LINES = 3


def _not_places(lexicon: Lexicon) -> frozenset[str]:
    words = {row["word"].casefold() for row in lexicon.table("not_datelines")}
    return frozenset(words | set(lexicon.cached("text.sources", _source_patterns)[1]))


def _dateline_match(text: str, lexicon: Lexicon) -> re.Match[str] | None:
    not_places = lexicon.cached("text.not_datelines", _not_places)
    start = 0
    for _ in range(DATELINE_LINES):
        match = _DATELINE.match(text, start, start + 120)
        if match and len(match["place"]) >= 3 and match["place"].casefold() not in not_places:
            return match
        start = text.find("\n", start, start + 400) + 1
        if start <= 0:
            break
        while text.startswith("\n", start):
            start += 1
    return None


def find_dateline(text: str, lexicon: Lexicon) -> str | None:
    """The place of the opening "PLACE:" / "PLACE, Dec 8 —" / "PLACE 7 Sept. -" in its first lines."""
    match = _dateline_match(text, lexicon)
    return match["place"].strip() if match else None


# ---------------------------------------------------------------- source agency / publisher


def _source_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for row in lexicon.table("sources"):
        for written in (row["name"], *split_cell(row.get("aliases", ""))):
            names[written.casefold()] = row["name"]
    alternation = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    signoff = re.compile(
        rf"(?<![^\W\d_])[-–—]{{1,2}}\s*(?P<name>{alternation})(?:\s*/\s*[^\W\d_][\w ]{{0,30}})?"
        rf"(?:\s+\d{{1,2}}/\d{{1,2}}/\d{{2,4}})?\s*$",
        re.IGNORECASE,
    )
    return signoff, names


def find_signoff(text: str, lexicon: Lexicon) -> tuple[str, int] | None:
    """The agency of a closing sign-off ("– Bernama", "--BERNAMA") and where the sign-off starts."""
    signoff, names = lexicon.cached("text.sources", _source_patterns)
    match = signoff.search(text, max(0, len(text) - 80))
    if not match:
        return None
    return names[match["name"].casefold()], match.start()


def find_source(text: str, lexicon: Lexicon) -> str | None:
    """The news agency or publisher the text names: a sign-off, or "(Bernama)" in the dateline."""
    found = find_signoff(text, lexicon)
    if found:
        return found[0]
    match = _dateline_match(text, lexicon)
    if match and match["agency"]:
        _, names = lexicon.cached("text.sources", _source_patterns)
        return names.get(match["agency"].strip().casefold())
    return None


def _publisher_hosts(lexicon: Lexicon) -> dict[str, str]:
    return {row["host"].casefold(): row["name"] for row in lexicon.table("publishers")}


def publisher_from_url(url: str | None, lexicon: Lexicon) -> str | None:
    """The publisher of a URL's host (or of a parent domain) from table `publishers`."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").casefold()
    except ValueError:
        return None
    hosts = lexicon.cached("text.publishers", _publisher_hosts)
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = hosts.get(".".join(parts[i:]))
        if name:
            return name
    return None


# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"[^\W\d_]*\d+(?:[.,:/]\d+)*[^\W_]*"     # numbers and amounts: 2.5, RM1.4, 1,896.18, 22hb, 14:30
    r"|(?:[^\W\d_]\.){2,}"                     # dotted abbreviations: U.S., e.g.
    r"|\w+(?:[-'’]\w+)*"                      # words, with inner hyphens and apostrophes
    r"|[^\w\s]"                                # any other mark, one at a time
)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans in text[start:end]: words, numbers with their decimals, and single marks."""
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
    text = normalise(raw, lexicon)
    pub = parse_published(published)
    signoff = find_signoff(text, lexicon)
    info = DocumentInfo(
        id=str(id) if id not in (None, "") else document_id(text),
        source=source or find_source(text, lexicon) or publisher_from_url(url, lexicon),
        published=pub.isoformat() if pub else None,
        dateline=find_dateline(text, lexicon),
        language=identify_language(text, lexicon),
        title=title,
        url=url,
    )
    return Doc(
        text=text,
        info=info,
        lexicon=lexicon,
        published=pub,
        sentences=split_sentences(text, lexicon, end=signoff[1] if signoff else None),
        metadata=metadata,
    )
