"""Every CLI error is one clear sentence on stderr with exit status 2, never a traceback; help texts
name the valid values; search snippets keep their words; country names are accepted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jalin.cli import app
from jalin.store import open_store
from store_fixtures import approved, pending

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "kb.db"
    with open_store(path) as store:
        store.add_analyses([pending(), approved()])
    return path


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def _one_error(result, *words: str) -> str:  # type: ignore[no-untyped-def]
    """The single stderr line of a failed command, checked: exit 2, no traceback, nothing on stdout."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    line = lines[0]
    for word in words:
        assert word in line, (word, line)
    return line


def test_a_query_on_a_store_that_does_not_exist_creates_nothing(tmp_path):
    missing = tmp_path / "typo.db"
    for command in (["agreements"], ["actors"], ["timeline", "MYS", "KOR"], ["search", "x"], ["show", "x"],
                    ["actor", "Someone"], ["export", "--format", "jsonl", "--out", str(tmp_path / "o")]):
        line = _one_error(_run(*command, "--db", str(missing)), str(missing), "no such store", "ingest")
        assert line.startswith(f"jalin {command[0]}: ")
    assert not missing.exists()


def test_invalid_values_list_the_valid_ones(db, tmp_path):
    _one_error(_run("agreements", "--status", "bogus", "--db", str(db)), "--status 'bogus'",
               "pending_approval", "cancelled")
    _one_error(_run("agreements", "--as-of", "15/11/2025", "--db", str(db)), "--as-of '15/11/2025'",
               "YYYY-MM-DD")
    _one_error(_run("timeline", "MYS", "KOR", "--by", "week", "--db", str(db)), "--by 'week'",
               "day, month, year")
    _one_error(_run("export", "--format", "csv", "--table", "bogus", "--out", str(tmp_path / "x.csv"),
                    "--db", str(db)), "--table 'bogus'", "agreement_observations")
    _one_error(_run("export", "--format", "xml", "--out", str(tmp_path / "x"), "--db", str(db)),
               "--format 'xml'", "plover", "gdelt")
    _one_error(_run("actors", "--type", "ROBOT", "--db", str(db)), "--type 'ROBOT'", "PERSON", "ORGANISATION")
    _one_error(_run("actors", "--country", "Atlantis", "--db", str(db)), "'Atlantis'", "MYS")
    _one_error(_run("agreements", "--nonsense", "--db", str(db)), "--nonsense")
    _one_error(_run("analyze", "--published", "2025-02-30", "-"), "2025-02-30", "YYYY-MM-DD")


def test_unsupported_store_url(tmp_path):
    _one_error(_run("agreements", "--db", "mysql://host/news"), "mysql://host/news", "unsupported",
               "file path")
    _one_error(_run("ingest", str(tmp_path), "--db", "mongodb://x/y"), "mongodb://x/y", "unsupported")


def test_an_unwritable_output_is_one_line(db, tmp_path):
    _one_error(_run("export", "--format", "gdelt", "--out", str(tmp_path / "no" / "such" / "dir.tsv"),
                    "--db", str(db)), "no such file or directory")


def test_country_names_are_accepted_where_codes_are_wanted(db):
    by_code = json.loads(_run("timeline", "MYS", "KOR", "--json", "--db", str(db)).stdout)
    assert by_code and json.loads(_run("timeline", "Malaysia", "Korea Selatan", "--json", "--db",
                                       str(db)).stdout) == by_code
    assert json.loads(_run("timeline", "mys", "South Korea", "--json", "--db", str(db)).stdout) == by_code
    parties = json.loads(_run("agreements", "--country", "South Korea", "--status", "APPROVED", "--json",
                              "--db", str(db)).stdout)
    assert [a["parties"] for a in parties] == [["KOR", "MYS"]]


def test_search_snippets_keep_their_highlighted_words(db):
    result = _run("search", "Cabinet approved", "--db", str(db))
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    assert "Cabinet" in flat and "approved" in flat
    assert "[Cabinet]" not in flat  # the markers became highlighting, not text


def test_help_lists_valid_values_and_no_bool_placeholder():
    for command, wanted in (("agreements", ["pending_approval", "YYYY-MM-DD", "Malaysia"]),
                            ("timeline", ["day, month or year"]),
                            ("export", ["gdelt", "agreement_observations", "--header"]),
                            ("analyze", ["feeds", "URLs", "folders"]),
                            ("actors", ["ORGANISATION"])):
        result = _run(command, "--help")
        assert result.exit_code == 0
        text = " ".join(result.stdout.split())
        for word in wanted:
            assert word in text, (command, word)
        assert "<bool>" not in result.stdout


def test_the_installed_command_prints_one_line_and_no_traceback(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-m", "jalin", "export", "--format", "csv", "--table", "nope",
                             "--out", str(tmp_path / "x.csv"), "--db", "postgresql://db.example/news"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "--table 'nope'" in result.stderr
