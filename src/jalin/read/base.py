"""Document records and errors, decoding, and one document from text, a JSON record or an HTML page."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

MAX_DOCUMENT_BYTES = 5_000_000
# A .json file holds a whole collection in memory (use .jsonl to stream): bounded separately.
MAX_JSON_FILE_BYTES = 500_000_000
TEXT_SUFFIXES = (".txt",)
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
MAX_FEED_BYTES = 50_000_000  # a feed is parsed whole (jalin.read.feeds)
FOLDER_SUFFIXES = frozenset(TEXT_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES)
URL_PREFIXES = ("http://", "https://")
RECORD_FIELDS = ("id", "title", "published", "url", "text")
# The legacy encodings Malay and English news files come in; detection picks among these only
# (on short texts an open-ended guess lands on cp1250 or cp1257 as readily as on cp1252).
LEGACY_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "mac_roman")
MAX_NESTING = 64  # levels of JSON arrays and objects in one record's metadata
# A lone UTF-16 surrogate, as a JSON escape "\ud800" decodes to; it cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


class InputError(Exception):
    """Input that cannot be read; str() is one line naming the input and the reason."""

    def __init__(self, origin: str, reason: str | None = None) -> None:
        if reason is None:  # one ready-made line "origin: reason"
            origin, _, reason = origin.partition(": ")
        super().__init__(f"{origin}: {reason}" if reason else origin)
        self.origin = origin
        self.reason = reason


@dataclass(slots=True)
class RawDocument:
    text: str
    origin: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


Item = RawDocument | InputError


# ---------------------------------------------------------------- bytes to text


def decode(data: bytes, origin: str) -> str:
    """UTF-8 (BOM or not), else the encoding charset-normalizer detects; raises InputError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise InputError(origin, "not UTF-8 and no encoding could be detected (binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536], cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None or best.encoding is None:
        raise InputError(origin, "not UTF-8 and no encoding could be detected")
    return data.decode(best.encoding, errors="replace")


def check_size(size: int, origin: str, limit: int = MAX_DOCUMENT_BYTES) -> None:
    if size > limit:
        what = "document" if limit == MAX_DOCUMENT_BYTES else "file"
        raise InputError(origin, f"{what} too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)")


def _check_text(doc: RawDocument) -> RawDocument:
    if not doc.text.strip():
        raise InputError(doc.origin, "empty document")
    if "\x00" in doc.text:
        raise InputError(doc.origin, "not text: contains NUL characters (binary data)")
    return doc


# ---------------------------------------------------------------- one text to one document

# "date 2024-03-05 " (a first line giving the publication date)
_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")


def from_text(text: str, origin: str) -> RawDocument:
    """A plain text, with the seed's optional leading `date YYYY-MM-DD` header (same line as the dateline)."""
    match = _HEADER.match(text)
    if match:
        return _check_text(RawDocument(text=text[match.end():], origin=origin, published=match[1]))
    return _check_text(RawDocument(text=text, origin=origin))


def clean_value(value: Any, origin: str, depth: int = 0) -> Any:
    """A parsed JSON value with lone surrogates replaced by U+FFFD; raises InputError when it is
    nested deeper than MAX_NESTING."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if not value.isascii() else value
    if depth >= MAX_NESTING and isinstance(value, dict | list):
        raise InputError(origin, f"JSON nested too deeply (more than {MAX_NESTING} levels)")
    if isinstance(value, dict):
        return {clean_value(k, origin): clean_value(v, origin, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_value(v, origin, depth + 1) for v in value]
    return value


def loads(text: str, where: str) -> Any:
    """json.loads, with a structure too deep for the parser as an InputError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise InputError(where, "JSON nested too deeply to read") from None


def from_record(row: Any, origin: str) -> RawDocument:
    """A JSON object with `text` and optional `id`, `title`, `published`, `url`; the rest is metadata."""
    if not isinstance(row, dict):
        raise InputError(origin, f"expected a JSON object, found {type(row).__name__}")
    row = clean_value(row, origin)
    text = row.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError(origin, f"\"text\" is {type(text).__name__}, not a string")
    check_size(len(text or ""), origin)
    for name in ("id", "title", "published", "url"):
        if row.get(name) is not None and not isinstance(row[name], str | int):
            raise InputError(origin, f"\"{name}\" is {type(row[name]).__name__}, not a string")

    def opt(name: str) -> str | None:
        value = row.get(name)
        return None if value in (None, "") else str(value)

    return _check_text(
        RawDocument(
            text=text or "", origin=origin, id=opt("id"), title=opt("title"),
            published=opt("published"), url=opt("url"),
            metadata={k: v for k, v in row.items() if k not in RECORD_FIELDS},
        )
    )


def from_html(html: str, origin: str) -> RawDocument:
    """The article of an HTML page (trafilatura), with its title, date and url when the page gives them."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False)
    found: dict[str, Any] = extracted.as_dict() if extracted is not None else {}
    text = found.get("text")
    if not text or not text.strip():
        raise InputError(origin, "no article text found in the HTML page")
    date = found.get("date")
    title = found.get("title") or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1:]  # the page's headline, already kept as the title
    return _check_text(
        RawDocument(
            text=text, origin=origin, title=title,
            published=str(date)[:10] if date else None, url=found.get("url") or None,
            metadata={k: found[k] for k in ("sitename", "author") if found.get(k)},
        )
    )
