"""What changed (issue 16): `jalin changes --since`, and the Atom feeds of the whole record, of one
agreement and of a country pair, read back with feedparser; over the bundled examples (the seed and
its follow-up) and over invented follow-ups."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import feedparser
import httpx
import pytest
from typer.testing import CliRunner

from jalin import analyze
from jalin.cli import app
from jalin.store import open_store
from jalin.store.changes import changes
from web_server import EXAMPLES, analyse_paths, build_store, serve

FIRST = ("BRASILIA: Brazil and Chile are negotiating a memorandum of understanding on Antarctic logistics "
         "support for their navies, the defence minister said.")
LATER = ("BRASILIA: The memorandum of understanding on Antarctic logistics support between Brazil and Chile "
         "was approved by the Cabinet and will be signed before the end of the year, the defence minister "
         "said on Tuesday.")


@pytest.fixture(scope="module")
def examples_db(module_db: Callable[..., str]) -> str | Path:
    return build_store(module_db("examples"), analyse_paths(EXAMPLES))


@pytest.fixture()
def invented_db(new_db: Callable[..., str]) -> str | Path:
    return build_store(new_db("invented"), [analyze(FIRST, id="br-1", published="2025-04-02"),
                                                  analyze(LATER, id="br-2", published="2025-06-10")])


def test_the_seed_and_its_follow_up_are_one_agreement_pending_then_approved_with_a_subject(examples_db):
    with open_store(examples_db) as store:
        [korea] = store.agreement_records(country="KOR")
    assert [h["status"] for h in korea["history"]] == ["pending_approval", "approved"]
    assert korea["status"] == "approved" and korea["subject"]
    assert korea["summary"].startswith("Malaysia and South Korea: G2G procurement agreement")


def test_before_the_end_of_the_year_is_due_on_its_last_day_and_overdue_after(invented_db):
    result = CliRunner().invoke(app, ["agreements", "--overdue", "--as-of", "2026-01-15", "--db",
                                      str(invented_db), "--json"])
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.output)
    assert [(m["kind"], m["due"]) for m in record["overdue"]] == [("signing", "2025-12-31")]
    result = CliRunner().invoke(app, ["agreements", "--overdue", "--as-of", "2025-12-20", "--db",
                                      str(invented_db), "--json"])
    assert json.loads(result.output) == []


def test_changes_list_new_agreements_status_changes_and_overdue_milestones(invented_db):
    with open_store(invented_db) as store:
        records = store.agreement_records(as_of="2026-01-15")
    found = changes(records, "2025-01-01", "2026-01-15")
    assert [(c.kind, c.date) for c in found] == [("overdue", "2026-01-01"), ("status", "2025-06-10"),
                                                  ("new", "2025-04-02")]
    assert all(c.document and c.evidence for c in found)
    assert [c.kind for c in changes(records, "2025-05-01", "2025-12-31")] == ["status"]


def test_changes_command_prints_json_and_rejects_a_bad_date(invented_db):
    runner = CliRunner()
    result = runner.invoke(app, ["changes", "--since", "2025-06-01", "--as-of", "2026-01-15", "--db",
                                 str(invented_db), "--json"])
    assert result.exit_code == 0, result.output
    assert [c["kind"] for c in json.loads(result.output)] == ["overdue", "status"]
    bad = runner.invoke(app, ["changes", "--since", "June", "--db", str(invented_db)])
    assert bad.exit_code == 2 and "not a date" in bad.output


def test_the_atom_feed_validates_and_shows_the_seed_agreement_s_status_change(examples_db):
    with serve(examples_db) as running, httpx.Client(base_url=running.url, trust_env=False, timeout=30) as c:
        response = c.get("/changes.atom", params={"since": "2025-01-01", "as_of": "2025-11-01"})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/atom+xml")
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        status = [e for e in feed.entries if "pending approval to approved" in e.title]
        assert len(status) == 1
        entry = status[0]
        assert "South Korea" in entry.title and "Cabinet" in entry.summary
        page = c.get(entry.link)
        assert page.status_code == 200 and "G2G procurement agreement" in page.text
        agreement_id = entry.link.rstrip("/").split("/")[-1]
        one = feedparser.parse(c.get(f"/agreements/{agreement_id}/changes.atom",
                                     params={"since": "2025-01-01"}).content)
        assert not one.bozo and {e.link for e in one.entries} == {entry.link}
        pair = feedparser.parse(c.get("/pairs/MYS/KOR/changes.atom", params={"since": "2025-01-01"}).content)
        assert any("approved" in e.title for e in pair.entries)
        assert all("Türkiye" not in e.title for e in pair.entries)
        assert c.get("/changes.atom", params={"since": "soon"}).status_code == 422


def test_feed_routes_check_the_id_range_and_read_only_what_they_show(invented_db):
    with serve(invented_db) as running, httpx.Client(base_url=running.url, trust_env=False, timeout=30) as c:
        for bad in (str(2**63), str(-(2**63) - 1), "9" * 40):
            assert c.get(f"/agreements/{bad}/changes.atom").status_code == 422, bad
        empty = feedparser.parse(c.get(f"/agreements/{2**63 - 1}/changes.atom").content)
        assert not empty.bozo and empty.entries == []
        whole = feedparser.parse(c.get("/changes.atom", params={"since": "2025-01-01",
                                                                "as_of": "2025-12-31"}).content)
        pair = feedparser.parse(c.get("/pairs/CHL/BRA/changes.atom", params={"since": "2025-01-01",
                                                                              "as_of": "2025-12-31"}).content)
        assert whole.entries and [e.id for e in pair.entries] == [e.id for e in whole.entries]
        assert feedparser.parse(c.get("/pairs/BRA/KOR/changes.atom").content).entries == []
