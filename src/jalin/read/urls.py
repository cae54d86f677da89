"""http(s) URLs to `RawDocument`s: fetch exactly the URL the user named (httpx), then read the body
with the reader its content type calls for.

`text/html` and XHTML go to the HTML reader, RSS/Atom types to the feed reader, JSON and JSON Lines
types to the record readers, `text/plain` to the text reader. When the type says nothing useful
(`application/octet-stream`, a missing header, plain text or XML served for everything), the URL's
extension decides, else the first bytes (as for stdin). Redirects are followed (at most
`MAX_REDIRECTS`), every network step has a `TIMEOUT_SECONDS` timeout, and a body over
`MAX_FETCH_BYTES` is refused without reading the rest. An unreachable URL, a non-2xx status or an
unreadable body is one `InputError` naming the URL and the reason. Nothing else is fetched: the
page's links, images and feeds' entries are never followed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from jalin.read.base import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_FEED_BYTES,
    InputError,
    Item,
    RawDocument,
)
from jalin.read.feeds import looks_like_feed
from jalin.read.formats import read_bytes, read_jsonl
from jalin.version import __version__

TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
MAX_FETCH_BYTES = MAX_FEED_BYTES
USER_AGENT = f"jalin/{__version__}"

# Content types that decide the reader (named by the suffix the file readers use).
_BY_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/rdf+xml": ".xml",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "application/x-jsonlines": ".jsonl",
    "application/jsonlines": ".jsonl",
}
# Types servers send for anything (and every other text/*): the URL's extension or the body decides.
_VAGUE_TYPES = frozenset(("", "application/octet-stream", "binary/octet-stream", "application/xml",
                          "application/json"))
_ERRNO = re.compile(r"^\[Errno -?\d+\]\s*")  # "[Errno -2] " (the prefix of an OSError message)
_SUFFIXES = frozenset(HTML_SUFFIXES + FEED_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + (".txt",))


def read_url(url: str) -> Iterator[Item]:
    """The documents behind one http(s) URL, or one `InputError` naming it and the reason."""
    try:
        final_url, content_type, data = fetch(url)
    except InputError as exc:
        yield exc
        return
    suffix = reader_suffix(content_type, final_url, data)
    if suffix is None:
        yield InputError(url, f"unsupported content type {content_type}")
        return
    items = read_jsonl(io.BytesIO(data), url) if suffix in JSONL_SUFFIXES else read_bytes(data, url, suffix)
    for item in items:
        if isinstance(item, RawDocument) and suffix in (".html", ".txt") and not item.url:
            item.url = final_url
        yield item


def fetch(url: str) -> tuple[str, str, bytes]:
    """(final URL after redirects, content type without parameters, body); raises InputError."""
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
    try:
        with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=True, max_redirects=MAX_REDIRECTS,
                          headers=headers) as client, client.stream("GET", url) as response:
            if not response.is_success:
                raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_FETCH_BYTES:
                raise InputError(url, _too_large(int(declared)))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_FETCH_BYTES:
                    raise InputError(url, _too_large(None))
            content_type = response.headers.get("content-type", "").partition(";")[0].strip().lower()
            return str(response.url), content_type, bytes(body)
    except httpx.TooManyRedirects:
        raise InputError(url, f"too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException:
        raise InputError(url, f"timed out (no answer within {TIMEOUT_SECONDS:g} s)") from None
    except httpx.ConnectError as exc:
        raise InputError(url, f"cannot connect ({_ERRNO.sub('', _first_line(exc)) or 'failed'})") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise InputError(url, f"not a valid http(s) URL ({_first_line(exc)})") from None
    except httpx.HTTPError as exc:
        raise InputError(url, f"fetch failed ({type(exc).__name__}: {_first_line(exc)})") from None


def reader_suffix(content_type: str, url: str, data: bytes) -> str | None:
    """Which reader takes the body: the content type, else the URL's extension, else the first
    bytes; None for a type no reader takes (an image, a PDF)."""
    if content_type in _BY_TYPE:
        return _BY_TYPE[content_type]
    if content_type not in _VAGUE_TYPES and not content_type.startswith("text/"):
        return None
    path = urlsplit(url).path.lower()
    extension = path[path.rfind("."):] if "." in path.rpartition("/")[2] else ""
    if extension in _SUFFIXES:
        return extension
    head = data[:512].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head[:1] == b"<":
        return ".xml" if looks_like_feed(head) else ".html"
    if content_type == "application/json" or head[:1] == b"[":
        return ".json"
    if head[:1] == b"{":
        return ".jsonl"
    return ".txt"


def _too_large(size: int | None) -> str:
    limit = f"the limit is {_amount(MAX_FETCH_BYTES)}"
    return f"response too large ({_amount(size)}; {limit})" if size else f"response too large ({limit})"


def _amount(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{size:,} bytes"


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else ""
