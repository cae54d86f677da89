"""Shared fixtures: the shared directory (gold, corpus, seed) and the seed analysed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SHARED_DIR, assert_valid
from jalin.model import Analysis
from jalin.pipeline import analyze
from jalin.read import read_path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (DESIGN, SCHEMA, gold, corpus, seed); skips the test when it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared data directory {SHARED_DIR} is absent (gold, corpus and seed live there)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    """The seed article (`date YYYY-MM-DD` header, then the body)."""
    found = sorted((shared_dir / "seed").glob("*.txt"))
    if not found:
        pytest.skip(f"no seed article in {shared_dir / 'seed'}")
    return found[0]


@pytest.fixture(scope="session")
def seed_analysis(seed_path: Path) -> Analysis:
    """The seed read by the seed reader and analysed once per session (validated)."""
    (raw,) = list(read_path(str(seed_path)))
    result = analyze(raw.text, published=raw.published, id=raw.id, title=raw.title, url=raw.url,
                     source=raw.source, metadata=raw.metadata)
    assert_valid(result)
    return result
