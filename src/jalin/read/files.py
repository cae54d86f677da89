"""Command-line arguments to documents: files (by extension), folders, stdin and URLs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from jalin.read.base import FOLDER_SUFFIXES, JSONL_SUFFIXES, URL_PREFIXES, InputError, Item, check_size
from jalin.read.feeds import looks_like_feed
from jalin.read.formats import read_bytes, read_jsonl, size_limit
from jalin.read.urls import read_url


def read_file(path: Path, origin: str | None = None) -> Iterator[Item]:
    """The documents of one file (JSONL streamed line by line)."""
    origin = origin or str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                yield from read_jsonl(stream, origin)
            return
        check_size(path.stat().st_size, origin, size_limit(suffix))
        data = path.read_bytes()
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(origin, _os_reason(exc))
        return
    yield from read_bytes(data, origin, suffix)


def read_folder(path: Path) -> Iterator[Item]:
    """Every file with a known extension under `path`, recursively, in sorted order; a subfolder
    that cannot be listed is one error line (after the files)."""
    unreadable: list[OSError] = []
    files = sorted(
        Path(folder) / name
        for folder, _, names in os.walk(path, onerror=unreadable.append)
        for name in names
        if Path(name).suffix.lower() in FOLDER_SUFFIXES and (Path(folder) / name).is_file()
    )
    if not files and not unreadable:
        known = ", ".join(sorted(FOLDER_SUFFIXES))
        yield InputError(str(path), f"no readable files in the folder (looked for {known})")
        return
    for file in files:
        yield from read_file(file)
    for exc in unreadable:
        yield InputError(exc.filename or str(path), _os_reason(exc))


def read_stdin(stream: BinaryIO | None = None, origin: str = "<stdin>") -> Iterator[Item]:
    """stdin: JSONL when it starts with `{`, a feed with `<?xml`/`<rss`/`<feed`, HTML with any
    other `<`, else text in the seed format."""
    stream = stream or sys.stdin.buffer
    head = stream.peek(512)[:512] if hasattr(stream, "peek") else b""
    first = head.lstrip()[:1]
    if first == b"{":
        yield from read_jsonl(stream, origin)
        return
    suffix = ".txt"
    if first == b"<":
        suffix = ".xml" if looks_like_feed(head) else ".html"
    data = stream.read(size_limit(suffix) + 1)
    yield from read_bytes(data, origin, suffix)


def read_path(path: str | Path) -> Iterator[Item]:
    """Documents and errors of one command-line argument: a file, a folder, `-` for stdin, or an
    http(s) URL."""
    path = str(path)
    if path == "-":
        yield from read_stdin()
        return
    if path.lower().startswith(URL_PREFIXES):
        yield from read_url(path)
        return
    p = Path(path)
    if p.is_dir():
        yield from read_folder(p)
    else:
        yield from read_file(p, path)


def read_paths(paths: Iterable[str]) -> Iterator[Item]:
    for path in paths:
        yield from read_path(path)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({exc.strerror or exc})"
