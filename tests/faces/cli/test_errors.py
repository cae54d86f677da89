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

from helpers import ROOT
from jalin.cli import app
from jalin.store import open_store
from store_fixtures import approved, pending


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


def test_ingest_counts_ahead_and_names_its_phases(tmp_path):
    from jalin.ingest import Ingest
    from jalin.ingest_count import count_documents

    text = ("HANOI, May 2 -- Vietnam and the Philippines agreed on Friday to hold joint coast guard drills "
            "in the South China Sea, the Vietnamese Foreign Ministry said in a statement.")
    feed = tmp_path / "news"
    feed.mkdir()
    (feed / "a.jsonl").write_text("\n".join(json.dumps({"id": f"n{i}", "text": f"{text} Report {i}."})
                                            for i in range(5)) + "\n\n{broken\n", encoding="utf-8")
    pair = [{"id": "j1", "text": text}, {"id": "j2", "text": text + " Two."}]
    (feed / "b.json").write_text(json.dumps(pair), encoding="utf-8")
    (feed / "c.txt").write_text(text, encoding="utf-8")
    (feed / "notes.md").write_text("not read", encoding="utf-8")
    assert count_documents([str(feed)]) == 6 + 2 + 1
    assert count_documents([str(feed), "-"]) is None
    phases: list[str] = []
    done: list[int] = []
    with open_store(tmp_path / "kb.db") as store:
        report = Ingest(store, batch_size=4, on_failure=lambda line: None,
                        on_progress=lambda r: (phases.append(r.phase), done.append(r.done))).run([str(feed)])
    assert (report.read, report.done, report.failed) == (9, 9, 1)
    assert done == sorted(done) and done[-1] == 9
    seen = list(dict.fromkeys(phases))
    assert seen[0] == "analysing" and seen[-1] == "done"
    assert {"resolving", "writing", "indexing"} <= set(seen)


def test_open_store_only_creates_when_asked(tmp_path):
    from jalin.store import StoreError, split_location

    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()
    open_store(f"sqlite:///{tmp_path / 'made.db'}").close()
    assert (tmp_path / "made.db").exists()
    (tmp_path / "junk.db").write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError, match="not a Jalin store"):
        open_store(tmp_path / "junk.db", create=False)
    with pytest.raises(StoreError, match="unsupported store URL scheme 'redis://'"):
        open_store("redis://localhost/0")
    assert split_location("C://data/kb.db") == ("", "C://data/kb.db")
    assert split_location("postgresql://u@h/db") == ("postgresql", "postgresql://u@h/db")
