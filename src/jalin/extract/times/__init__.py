"""The times layer: time expressions resolved against the publication (or inferred) date."""

from jalin.extract.times.layer import extract

__all__ = ["extract"]
