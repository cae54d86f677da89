"""The options several commands share are one declaration: same name, metavar and help everywhere."""

from __future__ import annotations

import typer.main
from typer.testing import CliRunner

from jalin.cli import app


def _options(name: str) -> dict[str, tuple[str | None, str | None]]:
    """command -> (metavar, help) of its option `name`, for every command that takes it."""
    group = typer.main.get_command(app)
    found = {}
    for command_name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            if name in getattr(param, "opts", ()):
                found[command_name] = (param.metavar, param.help)
    return found


def test_lexicon_and_db_are_the_same_option_on_every_command() -> None:
    lexicon = _options("--lexicon")
    assert {"analyze", "batch", "plover-types", "evaluate"} <= set(lexicon)
    assert len(set(lexicon.values())) == 1
    db = _options("--db")
    assert {"ingest", "agreements", "actors", "serve", "export"} <= set(db)
    assert len(set(db.values())) == 1


def test_a_missing_lexicon_folder_is_one_usage_error_on_each_command(tmp_path) -> None:
    missing = str(tmp_path / "no-such-lexicon")
    (tmp_path / "a.txt").write_text("Laos dan Nepal menandatangani perjanjian.", encoding="utf-8")
    for args in (["analyze", str(tmp_path / "a.txt")], ["plover-types"],
                 ["batch", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")],
                 ["evaluate", str(tmp_path / "a.gold.json")]):
        result = CliRunner().invoke(app, [*args, "--lexicon", missing])
        assert result.exit_code == 2, args
        assert "does not exist" in result.output and "Traceback" not in result.output
