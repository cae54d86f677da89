"""The events layer: PLOVER-typed events with their source and target parties."""

from jalin.extract.events.layer import extract

__all__ = ["extract"]
