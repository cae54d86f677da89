"""Jalin: evidence-linked records of defence and diplomatic cooperation from Malay and English news.

Public Python API: `analyze()` for one document.
"""

from jalin.model import SCHEMA_ID, Analysis
from jalin.pipeline import analyze

__all__ = ["SCHEMA_ID", "Analysis", "analyze"]
__version__ = "0.1.0"
