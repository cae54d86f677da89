"""RSS and Atom feeds to `RawDocument`s: one per entry, in feed order (feedparser).

An entry gives its id (guid), title, link, the date it was published (the local date the feed
wrote, not shifted to UTC), and its text: the entry's content, else its summary, with the HTML
reduced to text (paragraphs become blank lines, `<br>` a line break). The feed's title goes to
the metadata. Malformed XML still yields the entries feedparser recovered; a feed with none is one
`InputError`. The feed is parsed from bytes: feedparser never fetches anything (it would for a
string that looks like a URL, and it reads no external entities).
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any

from jalin.read.base import MAX_DOCUMENT_BYTES, InputError, Item, RawDocument

# b'<?xml', b'<rss version=', b'<feed xmlns=' (a feed's first bytes)
_XML_START = re.compile(rb"\s*(?:<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>])")
# "https://example.org/a" (a whole absolute URL)
_ABSOLUTE_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://\S+$")
# b'<!DOCTYPE html>', b'<html lang=' (an HTML page, not a feed)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+)?html[\s>]", re.IGNORECASE)


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of an input start a feed: `<rss`, `<feed`, `<rdf:RDF`, or `<?xml`
    that is not XHTML."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    return bool(_XML_START.match(head)) and not _HTML_ROOT.search(head)


def read_feed(data: bytes, origin: str) -> Iterator[Item]:
    """The entries of one feed, each a `RawDocument` (or an `InputError` when it has no text)."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        yield InputError(origin, _no_entries_reason(parsed))
        return
    feed_title = _one_line(_text_of(parsed.feed.get("title_detail")))
    for number, entry in enumerate(parsed.entries, 1):
        try:
            yield _document(entry, f"{origin}: entry {number}", feed_title)
        except InputError as exc:
            yield exc


def _no_entries_reason(parsed: Any) -> str:
    if parsed.bozo:
        return f"not a well-formed feed ({_bozo_reason(parsed.bozo_exception)})"
    if not parsed.version:
        return "not an RSS or Atom feed"
    return "the feed has no entries"


def _bozo_reason(exc: Exception) -> str:
    get_line = getattr(exc, "getLineNumber", None)
    if get_line is not None:  # xml.sax.SAXParseException
        return f"line {get_line()}, column {exc.getColumnNumber()}: {exc.getMessage()}"  # type: ignore[attr-defined]
    return str(exc) or type(exc).__name__


def _document(entry: Any, origin: str, feed_title: str) -> RawDocument:
    text = _entry_text(entry)
    if not text:
        raise InputError(origin, "no text (neither content nor summary)")
    if len(text) > MAX_DOCUMENT_BYTES:
        raise InputError(origin, f"document too large ({len(text) / 1e6:.1f} MB of text)")
    metadata: dict[str, Any] = {}
    if feed_title:
        metadata["feed_title"] = feed_title
    if entry.get("author"):
        metadata["author"] = _one_line(entry["author"])
    return RawDocument(
        text=text, origin=origin,
        id=_one_line(entry.get("id") or entry.get("link") or "") or None,
        title=_one_line(_text_of(entry.get("title_detail"))) or None,
        published=_entry_date(entry),
        url=_absolute_url(entry.get("link") or ""),
        metadata=metadata,
    )


def _absolute_url(link: str) -> str | None:
    """The entry's link when it is an absolute URL (an RSS guid without `isPermaLink="false"`
    becomes the link even when it is a bare key)."""
    link = link.strip()
    return link if _ABSOLUTE_URL.match(link) else None


def _entry_text(entry: Any) -> str:
    """The longest of the entry's contents, else its summary, as text."""
    contents = [_text_of(content) for content in entry.get("content") or ()]
    best = max(contents, key=len, default="")
    return best or _text_of(entry.get("summary_detail"))


def _text_of(detail: Any) -> str:
    """The text of a feedparser value (`{"type", "value"}`): HTML reduced to text, plain text kept."""
    if not detail or not detail.get("value"):
        return ""
    value = detail["value"]
    if "html" in (detail.get("type") or ""):
        return html_to_text(value)
    return _tidy(value)


def _entry_date(entry: Any) -> str | None:
    """The entry's date as the feed wrote it (its own time zone), else feedparser's UTC reading."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            local = _local_date(raw)
            if local:
                return local
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _local_date(raw: str) -> str | None:
    """`2025-09-22T08:30:00+08:00` (Atom) or `Mon, 22 Sep 2025 08:30:00 +0800` (RSS) to 2025-09-22."""
    raw = raw.strip()
    try:
        return datetime.fromisoformat(raw).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


# ---------------------------------------------------------------- HTML to text

_BLOCKS = frozenset((
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "aside",
    "hr", "address",
))
_SKIPPED = frozenset(("script", "style", "noscript", "template"))
_SPACES = re.compile(r"\s+")  # "  \t" (white space, folded to one space)
_AROUND_BREAK = re.compile(r" *\n *")  # "  \n " (spaces around a line break)
_MANY_BREAKS = re.compile(r"\n{3,}")  # "\n\n\n" (three or more breaks)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_SPACES.sub(" ", data))


def html_to_text(html: str) -> str:
    """An HTML fragment as text: paragraphs (block elements) separated by a blank line, `<br>` a
    line break, other whitespace collapsed, script and style dropped."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return _tidy("".join(collector.parts))


def _tidy(text: str) -> str:
    text = _AROUND_BREAK.sub("\n", text.replace("\r\n", "\n").replace("\t", " "))
    return _MANY_BREAKS.sub("\n\n", text).strip()


def _one_line(text: str) -> str:
    return " ".join(text.split())
