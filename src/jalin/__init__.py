"""Jalin: evidence-linked records of defence and diplomatic cooperation from Malay and English news.

Public Python API: `analyze()` for one document, `open_store()` for the knowledge base. Both are
loaded on first use, so that `import jalin.read` or `import jalin.store` does not load the analysis.
"""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING, Any

from jalin.version import __version__

if TYPE_CHECKING:
    from jalin.model import SCHEMA_ID, Analysis
    from jalin.pipeline import analyze
    from jalin.store.base import Store


def open_store(path: str | PathLike[str] | None = None) -> Store:
    """Open the knowledge base (SQLite file; default `$JALIN_DB` or `./jalin.db`). See `jalin.store`."""
    from jalin.store import open_store as _open

    return _open(path)


def __getattr__(name: str) -> Any:
    """`analyze`, `Analysis` and `SCHEMA_ID`, imported when first asked for."""
    if name == "analyze":
        from jalin.pipeline import analyze

        return analyze
    if name in ("Analysis", "SCHEMA_ID"):
        from jalin import model

        return getattr(model, name)
    raise AttributeError(f"module 'jalin' has no attribute {name!r}")


__all__ = ["SCHEMA_ID", "Analysis", "__version__", "analyze", "open_store"]
