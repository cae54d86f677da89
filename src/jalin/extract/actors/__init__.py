"""The actors layer: countries, organisations, companies, groups and persons with their roles."""

from jalin.extract.actors.layer import extract

__all__ = ["extract"]
