"""Jalin: evidence-linked records of defence and diplomatic cooperation from Malay and English news.

Public Python API: `analyze()` for one document, `open_store()` for the knowledge base.
"""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING

from jalin.model import SCHEMA_ID, Analysis
from jalin.pipeline import analyze

if TYPE_CHECKING:
    from jalin.store.base import Store


def open_store(path: str | PathLike[str] | None = None) -> Store:
    """Open the knowledge base (SQLite file; default `$JALIN_DB` or `./jalin.db`). See `jalin.store`."""
    from jalin.store import open_store as _open

    return _open(path)


__all__ = ["SCHEMA_ID", "Analysis", "analyze", "open_store"]
__version__ = "0.1.0"
