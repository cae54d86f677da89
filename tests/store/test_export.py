"""Exports round-trip through pandas / pyarrow, and the store CLI commands."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from jalin.cli import app
from jalin.export import GDELT_COLUMNS, export, read_gdelt
from jalin.store import open_store
from store_fixtures import approved, minister, pending


@pytest.fixture()
def db(new_db):
    path = new_db("kb")
    with open_store(path) as store:
        store.add_analyses([pending(minister("a3", "Mohd Hafiz Ramli", ["Datuk"])), approved()])
    return path


def test_jsonl_round_trips_the_contract(db, tmp_path):
    out = tmp_path / "all.jsonl"
    with open_store(db) as store:
        assert export(store, "jsonl", out) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == [pending(minister("a3", "Mohd Hafiz Ramli", ["Datuk"])).to_json(), approved().to_json()]
    assert pd.read_json(out, lines=True)["schema"].tolist() == ["jalin.analysis/1"] * 2


def test_csv_and_parquet_tables_round_trip(db, tmp_path):
    with open_store(db) as store:
        assert export(store, "csv", tmp_path / "events.csv") == 2
        assert export(store, "parquet", tmp_path / "agreements.parquet", table="agreements") == 1
        expected = store.table("events")
    events = pd.read_csv(tmp_path / "events.csv", dtype={"cameo": str})
    assert events["cameo"].tolist() == ["057", "057"]
    assert events["source_country"].tolist() == ["MYS", "MYS"]
    assert events["document"].tolist() == expected["document"].tolist()
    agreements = pq.read_table(tmp_path / "agreements.parquet").to_pandas()
    assert [(a["type"], list(a["parties"]), a["status"]) for a in agreements.to_dict("records")] == [
        ("g2g_procurement", ["KOR", "MYS"], "approved")]


def test_plover_records(db, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    with open_store(db) as store:
        assert export(store, "plover", out) == 2
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {k: first[k] for k in ("id", "date", "event", "quad_code")} == {
        "id": "seed-like-e1", "date": "2025-09-22", "event": ["AGREE"], "quad_code": 1}
    assert [a["code"] for a in first["actor"]] == ["MYS"]
    assert [a["code"] for a in first["recipient"]] == ["KOR"]
    assert first["cite_info"]["publication"] == "Bernama"
    assert first["jalin"]["cameo"] == "057" and first["jalin"]["modes"] == ["procurement"]
    assert first["jalin"]["context"] == ["defence_industry"] and first["context"] == ["future"]


def test_gdelt_tsv_loads_in_pandas_with_codebook_columns(db, tmp_path):
    out = tmp_path / "events.tsv"
    with open_store(db) as store:
        assert export(store, "gdelt", out) == 2
    frame = read_gdelt(out)
    assert tuple(frame.columns) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    row = frame.iloc[1]
    assert (row["Day"], row["MonthYear"], row["Year"]) == (20251022, 202510, 2025)
    assert (row["Actor1CountryCode"], row["Actor2CountryCode"]) == ("MYS", "KOR")
    assert (row["Actor1Name"], pd.isna(row["SOURCEURL"])) == ("MALAYSIA", True)
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("057", "057", "05")
    assert (row["QuadClass"], row["GoldsteinScale"]) == (1, 8.0)
    assert len(str(row["DATEADDED"])) == 14
    with open_store(db) as store, pytest.raises(ValueError, match="unknown export format"):
        export(store, "xml", out)


def _cli(db, *args):
    return CliRunner().invoke(app, [*args, "--db", str(db)])


def test_cli_agreements_overdue_and_history(db, tmp_path, new_db):
    only_pending = new_db("pending")
    with open_store(only_pending) as store:
        store.add_analyses([pending()])
    late = json.loads(_cli(only_pending, "agreements", "--overdue", "--as-of", "2025-11-15", "--json").stdout)
    assert [(a["status"], [m["due"] for m in a["overdue"]]) for a in late] == [
        ("pending_approval", ["2025-10-31"])]
    assert json.loads(_cli(db, "agreements", "--overdue", "--as-of", "2025-11-15", "--json").stdout) == []
    table = _cli(db, "agreements", "--country", "MYS").stdout
    assert "agreements (1)" in table and "approved" in table


def test_cli_queries(db):
    actors = json.loads(_cli(db, "actors", "--country", "MYS", "--json").stdout)
    assert [(a["type"], a["name"]) for a in actors] == [
        ("COUNTRY", "Malaysia"), ("PERSON", "Mohd Hafiz Ramli")]
    actor = json.loads(_cli(db, "actor", "Hafiz Ramli", "--json").stdout)
    assert [r["en"] for r in actor["roles"]] == ["Minister of Defence"]
    assert _cli(db, "actor", "Nobody Here").exit_code == 1
    timeline = json.loads(_cli(db, "timeline", "MYS", "KOR", "--by", "month", "--json").stdout)
    assert timeline == [{"period": "2025-09", "type": "AGREE", "events": 1},
                        {"period": "2025-10", "type": "AGREE", "events": 1}]
    found = json.loads(_cli(db, "search", "Cabinet approved", "--json").stdout)
    assert [f["id"] for f in found] == ["follow-up"]
    shown = json.loads(_cli(db, "show", "follow-up").stdout)
    assert shown["document"]["published"] == "2025-10-22"
    assert _cli(db, "show", "missing").exit_code == 1
    assert "actors (3)" in _cli(db, "actors").stdout


def test_cli_export(db, tmp_path):
    result = _cli(db, "export", "--format", "gdelt", "--out", str(tmp_path / "e.tsv"))
    assert result.exit_code == 0
    assert len(read_gdelt(tmp_path / "e.tsv")) == 2
    assert _cli(db, "export", "--format", "nope", "--out", str(tmp_path / "x")).exit_code != 0
