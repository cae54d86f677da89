"""The shared seed fixtures work (other helpers' tests rely on them)."""

from __future__ import annotations

from helpers import assert_valid


def test_seed_analysis_fixture_is_valid(seed_analysis) -> None:
    data = assert_valid(seed_analysis)
    assert data["schema"] == "jalin.analysis/1"
    assert data["document"]["published"] == "2025-09-22"
