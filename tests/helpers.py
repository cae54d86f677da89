"""Test helpers shared by every helper's tests: import `assert_valid` from here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jalin.model import Analysis
from jalin.schema import validate

TESTS_DIR = Path(__file__).resolve().parent
ROOT = TESTS_DIR.parent
SHARED_DIR = ROOT.parent / "shared"


def assert_valid(analysis: Analysis | dict[str, Any]) -> dict[str, Any]:
    """Validate an analysis (record or its JSON dict) against jalin.analysis/1; return the dict."""
    data = analysis.to_dict() if isinstance(analysis, Analysis) else analysis
    validate(data)
    return data
