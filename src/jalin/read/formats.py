"""Bytes or a byte stream of a known format to documents: JSONL line by line, JSON, HTML, feeds, text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from jalin.read.base import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    MAX_FEED_BYTES,
    MAX_JSON_FILE_BYTES,
    InputError,
    Item,
    check_size,
    decode,
    from_html,
    from_record,
    from_text,
    loads,
)
from jalin.read.feeds import read_feed


def read_jsonl(stream: BinaryIO, origin: str) -> Iterator[Item]:
    for number, line in enumerate(stream, 1):
        where = f"{origin}: line {number}"
        try:
            check_size(len(line), where)
            content = decode(line, where).strip()
            if not content:
                continue
            try:
                row = loads(content, where)
            except json.JSONDecodeError as exc:
                raise InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
            yield from_record(row, f"{origin}:{number}")
        except InputError as exc:
            # Errors raised inside from_record name "origin:number"; say "line N" uniformly.
            yield exc if exc.origin == where else InputError(where, exc.reason)


def read_bytes(data: bytes, origin: str, suffix: str) -> Iterator[Item]:
    try:
        check_size(len(data), origin, size_limit(suffix))
        if not data.strip():
            raise InputError(origin, "empty document")
        yield from _parsed(data, origin, suffix)
    except InputError as exc:
        yield exc
    except ImportError as exc:  # a parser's optional part missing from the installation
        yield InputError(origin, f"cannot be read here: module {exc.name or exc} is not installed")
    except RecursionError:
        yield InputError(origin, "nested too deeply to read")
    except Exception as exc:  # a parser's own failure is this input's, never the run's
        yield InputError(origin, f"could not be parsed ({type(exc).__name__}: {exc})")


def _parsed(data: bytes, origin: str, suffix: str) -> Iterator[Item]:
    if suffix in FEED_SUFFIXES:
        yield from read_feed(data, origin)
        return
    text = decode(data, origin)
    if suffix in HTML_SUFFIXES:
        yield from_html(text, origin)
    elif suffix in JSON_SUFFIXES:
        try:
            parsed = loads(text, origin)
        except json.JSONDecodeError as exc:
            raise InputError(origin, f"line {exc.lineno}: invalid JSON ({exc.msg})") from None
        if not isinstance(parsed, list):
            yield from_record(parsed, origin)
            return
        for index, row in enumerate(parsed):
            try:
                yield from_record(row, f"{origin}[{index}]")
            except InputError as exc:
                yield exc
    else:
        yield from_text(text, origin)


def size_limit(suffix: str) -> int:
    if suffix in FEED_SUFFIXES:
        return MAX_FEED_BYTES
    return MAX_JSON_FILE_BYTES if suffix in JSON_SUFFIXES else MAX_DOCUMENT_BYTES


