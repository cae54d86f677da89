"""Watching feeds and pages: poll each source, ingest the items not seen before, one log line a poll.

    watcher = Watcher(store, ["https://example.org/news.rss", "saved/page.html"], every=900)
    watcher.run(stop)            # until `stop` (a threading.Event) is set; `watcher.poll_due()` once

A source is an http(s) URL (an RSS/Atom feed, a page, anything `jalin analyze URL` reads) or a local
file. URLs are fetched with conditional requests: the ETag and Last-Modified of the last answer go
back as If-None-Match / If-Modified-Since, and a 304 costs nothing more; a file is read again only
when its size or modification time changed. An item (a feed entry, a page) is known by its document
id (the entry's guid or link), else its content hash: an item seen before, in this run or in the
store, is neither analysed nor stored again. A failed poll (unreachable, a non-2xx status, a body
no reader takes) is retried after a back-off that doubles with each failure in a row, from `every`
up to `MAX_BACKOFF` times it; the first success resets it. Entries that cannot be read (a malformed
entry) are counted and named in the poll's line; the rest of the feed is ingested.

The ETag/Last-Modified, back-off and seen items can be kept in a JSON state file (`state_path`), so
`jalin watch --once` from cron sends conditional requests too.
"""

from __future__ import annotations

import io
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jalin.read import InputError, RawDocument
from jalin.read.base import URL_PREFIXES
from jalin.read.files import read_path
from jalin.read.formats import read_bytes, read_jsonl
from jalin.read.urls import MAX_FETCH_BYTES, MAX_REDIRECTS, TIMEOUT_SECONDS, USER_AGENT, reader_suffix
from jalin.store import Store, content_hash
from jalin.text import normalise

MAX_BACKOFF = 16  # a failing source waits at most this many periods between polls
SEEN_KEPT = 5000  # item keys remembered per source in the state file (newest)

# one duration part: "15m" -> (15, "m"); "1h30m" has two; a bare "90" is seconds
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd]?)")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """Seconds in a period written "30s", "15m", "1h30m", "1d" or "90"; ValueError otherwise."""
    compact = text.strip().lower().replace(" ", "")
    parts = _DURATION_PART.findall(compact)
    bare = any(not unit for _, unit in parts)  # a bare number stands alone: "90", never "1m30"
    if not compact or "".join(n + u for n, u in parts) != compact or (bare and len(parts) > 1):
        raise ValueError(f"{text!r} is not a period like 30s, 15m, 1h30m or 1d")
    seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise ValueError(f"{text!r} is not a period longer than zero")
    return seconds


def format_seconds(seconds: float) -> str:
    """A period for the log: 900 -> "15m", 5400 -> "1h30m", 45 -> "45s"."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "") + (f"{secs}s" if secs else "")
    return text or f"{seconds:.1f}s"


@dataclass(slots=True)
class SourceState:
    """What is remembered of one source between polls."""

    location: str
    etag: str | None = None
    last_modified: str | None = None
    file_stamp: list[int] | None = None  # a file's [size, mtime_ns] when last read
    failures: int = 0  # failed polls in a row
    next_poll: float = 0.0  # time.time() of the next poll
    seen: list[str] = field(default_factory=list)  # item keys, oldest first


@dataclass(slots=True)
class Poll:
    """One poll of one source."""

    location: str
    status: str  # "fetched", "unchanged" or "failed"
    detail: str = ""  # "HTTP 200", "304 not modified", the failure's reason
    items: int = 0
    new: int = 0
    added: int = 0
    failed: list[str] = field(default_factory=list)  # entries that could not be read or analysed
    wait: float = 0.0  # seconds until the next poll of this source

    def line(self, now: datetime | None = None) -> str:
        """The poll's log line."""
        stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        head = f"{stamp} {self.location}: "
        if self.status == "failed":
            return head + f"failed ({self.detail}); next try in {format_seconds(self.wait)}"
        if self.status == "unchanged":
            return head + f"{self.detail}; next poll in {format_seconds(self.wait)}"
        failed = f", {len(self.failed)} unreadable ({'; '.join(self.failed)})" if self.failed else ""
        return head + (f"{self.detail}, {self.items} items, {self.new} new, {self.added} stored{failed}; "
                       f"next poll in {format_seconds(self.wait)}")


class Unchanged(Exception):
    """The source has not changed since the last poll (HTTP 304, same file stamp)."""


class Watcher:
    """Polls sources into a store (see the module docstring)."""

    def __init__(self, store: Store, locations: Sequence[str], every: float,
                 log: Callable[[str], None] = print, state_path: str | Path | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.every = every
        self.log = log
        self.clock = clock
        self.state_path = Path(state_path) if state_path else None
        saved = self._load()
        self.sources = [saved.get(loc) or SourceState(loc) for loc in dict.fromkeys(locations)]
        self._seen = {s.location: set(s.seen) for s in self.sources}
        self.failed_polls = 0  # polls that failed, since this watcher started

    # ------------------------------------------------------------------ state file

    def _load(self) -> dict[str, SourceState]:
        if self.state_path is None or not self.state_path.exists():
            return {}
        try:
            raw = json.loads(self.state_path.read_text(encoding="utf-8"))
            return {s["location"]: SourceState(**s) for s in raw.get("sources", [])}
        except (OSError, ValueError, TypeError, KeyError):
            return {}  # an unreadable state file only costs unconditional requests

    def _save(self) -> None:
        if self.state_path is None:
            return
        for source in self.sources:
            source.seen = source.seen[-SEEN_KEPT:]
        temporary = self.state_path.with_name(self.state_path.name + ".tmp")
        temporary.write_text(json.dumps({"sources": [asdict(s) for s in self.sources]}, indent=1),
                             encoding="utf-8")
        os.replace(temporary, self.state_path)

    # ------------------------------------------------------------------ polling

    def poll_due(self) -> list[Poll]:
        """Poll every source whose time has come (all of them the first time); their log lines out."""
        polls = [self.poll(s) for s in self.sources if s.next_poll <= self.clock()]
        if polls:
            self._save()
        return polls

    def poll(self, source: SourceState) -> Poll:
        """Poll one source now: fetch it if changed, store its new items, schedule the next poll."""
        result = Poll(source.location, "fetched")
        try:
            detail, items = self._read(source)
            result.detail = detail
            self._ingest(source, items, result)
            source.failures = 0
        except Unchanged as unchanged:
            result.status, result.detail = "unchanged", str(unchanged)
            source.failures = 0
        except InputError as error:
            result.status, result.detail = "failed", error.reason or str(error)
            source.failures += 1
        except Exception as error:  # a store or analysis failure: retried like a fetch failure
            result.status, result.detail = "failed", f"{type(error).__name__}: {error}"
            source.failures += 1
        self.failed_polls += result.status == "failed"
        result.wait = self.every * min(2 ** source.failures, MAX_BACKOFF) if source.failures else self.every
        source.next_poll = self.clock() + result.wait
        self.log(result.line())
        return result

    def _read(self, source: SourceState) -> tuple[str, list[RawDocument | InputError]]:
        if source.location.lower().startswith(URL_PREFIXES):
            return self._fetch(source)
        path = Path(source.location)
        try:
            info = path.stat()
        except OSError as error:
            raise InputError(source.location, error.strerror or "cannot be read") from None
        stamp = [info.st_size, info.st_mtime_ns]
        if stamp == source.file_stamp:
            raise Unchanged("file unchanged")
        items = list(read_path(source.location))
        source.file_stamp = stamp
        return "file read", items

    def _fetch(self, source: SourceState) -> tuple[str, list[RawDocument | InputError]]:
        import httpx

        url = source.location
        headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
        if source.etag:
            headers["If-None-Match"] = source.etag
        if source.last_modified:
            headers["If-Modified-Since"] = source.last_modified
        try:
            with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=True, max_redirects=MAX_REDIRECTS,
                              headers=headers) as client, client.stream("GET", url) as response:
                if response.status_code == 304:
                    raise Unchanged("304 not modified")
                if not response.is_success:
                    raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_FETCH_BYTES:
                        raise InputError(url, f"response larger than {MAX_FETCH_BYTES:,} bytes")
                content_type = response.headers.get("content-type", "").partition(";")[0].strip().lower()
                final_url, status = str(response.url), response.status_code
                etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
        except httpx.HTTPError as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise InputError(url, f"cannot fetch ({reason})") from None
        data = bytes(body)
        suffix = reader_suffix(content_type, final_url, data)
        if suffix is None:
            raise InputError(url, f"unsupported content type {content_type}")
        reader = read_jsonl(io.BytesIO(data), url) if suffix == ".jsonl" else read_bytes(data, url, suffix)
        items: list[RawDocument | InputError] = []
        for item in reader:
            if isinstance(item, RawDocument) and suffix in (".html", ".txt") and not item.url:
                item.url = final_url
            items.append(item)
        if len(items) == 1 and isinstance(items[0], InputError):
            raise items[0]  # nothing readable at all (an empty body, a feed without entries)
        source.etag, source.last_modified = etag, modified
        return f"HTTP {status}", items

    def _ingest(self, source: SourceState, items: Iterable[RawDocument | InputError], result: Poll) -> None:
        from jalin.ingest import analyse_chunk

        seen = self._seen[source.location]
        fresh: list[tuple[str, RawDocument]] = []
        for item in items:
            result.items += 1
            if isinstance(item, InputError):  # "URL: entry 2" -> "entry 2: no text …"
                where = item.origin.removeprefix(source.location).removeprefix(": ")
                result.failed.append(f"{where}: {item.reason}" if where else str(item.reason))
                continue
            key = item.id or content_hash(normalise(item.text))
            if key in seen or any(key == k for k, _ in fresh):
                continue
            if item.id and self.store.has_document(item.id):
                self._remember(source, key)
                continue
            fresh.append((key, item))
        hashes = [content_hash(normalise(d.text)) for _, d in fresh]
        known = self.store.known_hashes(hashes)
        todo = []
        for (key, doc), digest in zip(fresh, hashes, strict=True):
            if digest in known:  # the same text under another id or none: stored already
                self._remember(source, key)
            else:
                todo.append((key, doc))
        result.new = len(todo)
        lines: list[Any] = []
        for (origin, line, reason) in analyse_chunk([doc for _, doc in todo]):
            if line is None:
                result.failed.append(f"{origin}: {reason}")
            else:
                lines.append(line)
        if lines:
            result.added = self.store.add_analyses(lines).added
        for key, _ in todo:  # analysed and stored, or failing the analysis: not tried again
            self._remember(source, key)

    def _remember(self, source: SourceState, key: str) -> None:
        seen = self._seen[source.location]
        if key not in seen:
            seen.add(key)
            source.seen.append(key)

    # ------------------------------------------------------------------ running

    def poll_all(self) -> list[Poll]:
        """Poll every source now (`--once`, from cron: the schedule is cron's), except those backing off
        after failures, which get a line saying until when."""
        polls = []
        for source in self.sources:
            wait = source.next_poll - self.clock()
            if source.failures and wait > 0:
                self.log(f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} {source.location}: backing off after "
                         f"{source.failures} failed polls; next try in {format_seconds(wait)}")
                continue
            polls.append(self.poll(source))
        self._save()
        return polls

    def run(self, stop: threading.Event, once: bool = False) -> None:
        """Poll until `stop` is set (each source when due), or every source once."""
        if once:
            self.poll_all()
            return
        self.poll_due()
        while not stop.is_set():
            due = min(s.next_poll for s in self.sources)
            if stop.wait(max(0.0, min(due - self.clock(), 1.0))):
                break
            self.poll_due()
