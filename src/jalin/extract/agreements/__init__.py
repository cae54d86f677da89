"""The agreements layer: agreement mentions, their parties, status, stage and milestones."""

from jalin.extract.agreements.layer import extract

__all__ = ["extract"]
