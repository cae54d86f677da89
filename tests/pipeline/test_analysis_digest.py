"""The analysis output of the shared corpus and every gold set equals the stored digest.

The digest (tests/data/analysis_digest.json, sha256 per document) was made by
scripts/analysis_digest.py; a change that alters analysis output on purpose regenerates it with
`make digest` in the same commit and says so. Skips when the shared folder is absent.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from helpers import ROOT

SCRIPT = ROOT / "scripts" / "analysis_digest.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("analysis_digest", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


digest = _script()


@pytest.fixture(scope="module")
def shared() -> Path:
    found = digest.shared_dir()
    if found is None:
        pytest.skip("the shared folder (corpus and gold) is absent; set JALIN_SHARED to check the digest")
    return found


def test_every_document_of_every_set_is_analysed_as_stored(shared: Path) -> None:
    stored = digest.load()
    current = digest.build(shared)
    changed = digest.differences(stored["documents"], current["documents"])
    assert not changed, (f"{len(changed)} documents' analysis differs from the stored digest "
                         f"(first: {changed[:5]}); if on purpose, regenerate with {digest.COMMAND}")
    assert current["sets"] == stored["sets"]
    assert current["overall"] == stored["overall"]


def test_a_changed_document_is_named() -> None:
    stored = {"a#1 x": "00", "a#2 y": "11"}
    assert digest.differences(stored, {"a#1 x": "00", "a#2 y": "12"}) == ["a#2 y"]
    assert digest.differences(stored, {"a#1 x": "00"}) == ["a#2 y"]
    assert digest.differences(stored, dict(stored)) == []
    assert digest.combined(stored) != digest.combined({"a#1 x": "00", "a#2 y": "12"})
