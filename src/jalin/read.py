"""Readers: turn files, folders and stdin into `RawDocument`s (first version: seed format, .txt, .jsonl)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class InputError(Exception):
    """Input that cannot be read; str() is one line naming the input and the reason."""


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


_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")


def from_text(text: str, origin: str) -> RawDocument:
    """A plain text, with the seed's optional leading `date YYYY-MM-DD` header."""
    match = _HEADER.match(text)
    if match:
        return RawDocument(text=text[match.end():], origin=origin, published=match[1])
    return RawDocument(text=text, origin=origin)


def read_path(path: str) -> Iterator[RawDocument | InputError]:
    p = Path(path)
    if p.suffix == ".jsonl":
        for number, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(f"{path}: line {number}: invalid JSON ({exc.msg})")
                continue
            yield RawDocument(
                text=row.get("text") or "", origin=f"{path}:{number}", id=row.get("id"),
                title=row.get("title"), published=row.get("published"), url=row.get("url"),
                metadata={k: v for k, v in row.items() if k not in {"text", "id", "title", "published", "url"}},
            )
    else:
        yield from_text(p.read_text(encoding="utf-8"), path)
