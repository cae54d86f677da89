"""`jalin plover-types` and the PLOVER/CAMEO table behind it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from jalin.cli import app
from jalin.cli.plover import plover_types
from jalin.model import PLOVER_TYPES


def test_every_type_once_with_codes_and_cues_in_both_languages() -> None:
    rows = plover_types()
    assert [row["type"] for row in rows] == list(PLOVER_TYPES)
    for row in rows:
        assert row["cameo"] and all(str(code).isdigit() for code in row["cameo"])  # type: ignore[attr-defined]
        assert row["examples_ms"] and row["examples_en"] and row["definition"]
        assert row["triggers_ms"] >= 5 and row["triggers_en"] >= 5  # type: ignore[operator]


def test_command_prints_json_lines_and_a_table() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["plover-types", "--json"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["type"] for line in lines] == list(PLOVER_TYPES)
    table = runner.invoke(app, ["plover-types"])
    assert table.exit_code == 0 and "ASSAULT" in table.stdout and "menyerang" in table.stdout


def test_missing_lexicon_folder_is_an_error() -> None:
    result = CliRunner().invoke(app, ["plover-types", "--lexicon", "/nonexistent/jalin-lexicon"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "jalin plover-types: --lexicon: /nonexistent/jalin-lexicon: lexicon directory does not exist"]
