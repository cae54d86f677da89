"""The statements layer (not yet built: its issue fills this in)."""

from __future__ import annotations

from typing import Any

from jalin.doc import Doc


def extract(doc: Doc) -> list[Any]:
    return []
