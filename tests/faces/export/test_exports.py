"""Exports read by tools nobody here wrote: pandas with the GDELT codebook's column list, DuckDB and
pyarrow on the Parquet and CSV tables, the PLOVER manual's list of fields."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from jalin.export import TABLES, export
from jalin.model import (
    SCHEMA_ID,
    Actor,
    Agreement,
    Analysis,
    DocumentInfo,
    Event,
    Role,
    Span,
    TextSpan,
    TimeExpr,
)
from jalin.store import open_store

# The GDELT 2.0 event codebook's 61 columns, in its order, with its types (written here from the
# codebook, not imported from Jalin): i integer, f floating point, s string.
_GEO = [("Type", "i"), ("Fullname", "s"), ("CountryCode", "s"), ("ADM1Code", "s"), ("ADM2Code", "s"),
        ("Lat", "f"), ("Long", "f"), ("FeatureID", "s")]
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
CODEBOOK = (
    [("GlobalEventID", "i"), ("Day", "i"), ("MonthYear", "i"), ("Year", "i"), ("FractionDate", "f")]
    + [(f"Actor{n}{part}", "s") for n in (1, 2) for part in _ACTOR]
    + [("IsRootEvent", "i"), ("EventCode", "s"), ("EventBaseCode", "s"), ("EventRootCode", "s"),
       ("QuadClass", "i"), ("GoldsteinScale", "f"), ("NumMentions", "i"), ("NumSources", "i"),
       ("NumArticles", "i"), ("AvgTone", "f")]
    + [(f"{who}Geo_{part}", kind) for who in ("Actor1", "Actor2", "Action") for part, kind in _GEO]
    + [("DATEADDED", "i"), ("SOURCEURL", "s")]
)

WIRE = ("JAKARTA, March 5 -- Indonesia and Australia will hold a joint maritime patrol in the Timor Sea "
        "next month, the Indonesian Defence Minister Budi Santoso said on Tuesday after meeting his "
        "Australian counterpart Mark Ellison in Jakarta. The two navies will share surveillance data and "
        "train together under the defence cooperation arrangement signed last year, he told reporters. ")


def _country(aid: str, iso: str, name: str) -> Actor:
    return Actor(aid, "COUNTRY", name, name, iso, None, [], [], [TextSpan(0, len(name), name)])


def _analysis(doc_id: str, text: str, published: str | None, source: str, events: list[Event],
              times: list[TimeExpr] | None = None) -> Analysis:
    actors = [_country("a1", "IDN", "Indonesia"), _country("a2", "AUS", "Australia"),
              Actor("a3", "PERSON", "Budi Santoso", "Budi Santoso", "IDN", "MIL",
                    [Role("Menteri Pertahanan", "Minister of Defence")], [],
                    [TextSpan(90, 102, "Budi Santoso")])]
    return Analysis(schema=SCHEMA_ID, document=DocumentInfo(doc_id, source, published, "JAKARTA", "en",
                                                            f"Title of {doc_id}", f"https://news.test/{doc_id}"),
                    text=text, sentences=[Span(0, 200), Span(200, len(text))], actors=actors, statements=[],
                    events=events,
                    agreements=[Agreement("g1", "defence_cooperation", "arrangement", ["AUS", "IDN"],
                                          "signed", None, [], [Span(0, 20)])],
                    gatherings=[], times=times or [], topics=["maritime"])


def _event(eid: str, cameo: str, type_: str, source: list[str], target: list[str], sentence: int,
           modality: str = "asserted", time: str | None = None) -> Event:
    return Event(eid, type_, cameo, source, target, modality, ["exercise", "intelligence_sharing"],
                 ["military", "maritime"], time, TextSpan(60, 73, "joint patrol"), sentence)


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    """Three stories: a dated wire story with a copy from another outlet, an undated report, and one
    whose event names no actor."""
    events = [_event("e1", "0874", "RETREAT", ["a1"], ["a2"], 0),
              _event("e2", "042", "CONSULT", ["a3"], ["a2"], 1, "intended", "t1")]
    times = [TimeExpr("t1", "next month", "2024-04-17", "day", "on", 40, 50)]
    first = _analysis("wire-1", WIRE, "2024-03-05", "Antara", events, times)
    copy = _analysis("wire-2", WIRE + "Copyright reserved.", "2024-03-05", "Jakarta Post", events, times)
    undated = _analysis("undated", "Canberra said it would send two patrol boats to Indonesia soon. " * 3,
                        None, "ABC", [_event("e1", "0331", "AGREE", ["a2"], ["a1"], 0)])
    no_actor = _analysis("no-actor", "A patrol was held in the strait, officials said without naming anyone. "
                         * 3, "2024-05-01", "Antara", [_event("e1", "061", "COOPERATE", [], ["a1"], 0)])
    path = tmp_path / "kb.db"
    with open_store(path) as store:
        result = store.add_analyses([first, copy, undated, no_actor])
    assert result.duplicates == 1
    return path


def test_gdelt_loads_headerless_with_the_codebook_columns_and_types(store_path, tmp_path):
    out = tmp_path / "events.tsv"
    with open_store(store_path) as store:
        assert export(store, "gdelt", out) == 4  # the copy's two events count once
    names = [name for name, _ in CODEBOOK]
    assert len(names) == 61
    frame = pd.read_csv(out, sep="\t", header=None, names=names, dtype=str, keep_default_na=False)
    assert frame.shape == (4, 61)
    for name, kind in CODEBOOK:
        for value in frame[name]:
            if value == "":
                continue
            if kind == "i":
                assert re.fullmatch(r"-?\d+", value), (name, value)
            elif kind == "f":
                float(value)
    first, second = frame.iloc[0], frame.iloc[1]
    assert (first["Day"], first["MonthYear"], first["Year"]) == ("20240305", "202403", "2024")
    assert first["FractionDate"] == f"{2024 + (3 * 30 + 5) / 365:.4f}"
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("0874", "087", "08")
    assert (first["GoldsteinScale"], first["QuadClass"]) == ("10.0", "2")  # the code's own value
    assert (second["EventCode"], second["GoldsteinScale"], second["QuadClass"]) == ("042", "1.9", "1")
    assert (first["IsRootEvent"], second["IsRootEvent"]) == ("1", "0")
    assert (first["NumArticles"], first["NumSources"], first["NumMentions"]) == ("2", "2", "2")
    assert (first["Actor1Code"], first["Actor1Name"]) == ("IDN", "INDONESIA")
    assert first["Actor2CountryCode"] == "AUS"
    assert (second["Actor1Code"], second["Actor1Type1Code"]) == ("IDNMIL", "MIL")
    assert second["Day"] == "20240417"  # the event's own day
    added = datetime.strptime(first["DATEADDED"], "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    assert abs((datetime.now(UTC) - added).total_seconds()) < 3600
    assert first["SOURCEURL"] == "https://news.test/wire-1"
    undated = frame[frame["EventCode"] == "0331"].iloc[0]
    assert (undated["Day"], undated["FractionDate"], undated["GoldsteinScale"]) == ("", "", "5.2")
    assert (first["AvgTone"], first["ActionGeo_Lat"], first["Actor1EthnicCode"]) == ("", "", "")


def test_gdelt_header_row_on_request(store_path, tmp_path):
    out = tmp_path / "events.tsv"
    with open_store(store_path) as store:
        export(store, "gdelt", out, header=True)
    frame = pd.read_csv(out, sep="\t", dtype=str)
    assert list(frame.columns) == [name for name, _ in CODEBOOK] and len(frame) == 4


def test_duckdb_reads_every_parquet_table_with_dates_and_lists(store_path, tmp_path):
    with open_store(store_path) as store:
        for table in TABLES:
            export(store, "parquet", tmp_path / f"{table}.parquet", table=table)
    types = {}
    for table in TABLES:
        query = f"DESCRIBE SELECT * FROM read_parquet('{tmp_path / table}.parquet')"
        described = duckdb.sql(query).fetchall()
        types[table] = {row[0]: row[1] for row in described}
    assert types["events"]["date"] == "DATE" and types["events"]["modes"] == "VARCHAR[]"
    assert types["events"]["event_id"] == "BIGINT" and types["events"]["cameo"] == "VARCHAR"
    assert types["events"]["dup"] == "BOOLEAN"
    assert types["agreements"]["parties"] == "VARCHAR[]" and types["agreements"]["status_date"] == "DATE"
    assert types["documents"]["published"] == "DATE"
    assert types["actors"]["documents"] == "BIGINT" and types["actors"]["first_seen"] == "DATE"
    assert types["gatherings"]["parties"] == "VARCHAR[]"
    assert types["statements"]["date"] == "DATE"
    assert types["agreement_observations"]["parties"] == "VARCHAR[]"
    rows = duckdb.sql(f"SELECT cameo, modes, date FROM read_parquet('{tmp_path}/events.parquet') "
                      "WHERE NOT dup ORDER BY event_id").fetchall()
    assert rows[0][0] == "0874" and rows[0][1] == ["exercise", "intelligence_sharing"]
    assert str(rows[0][2]) == "2024-03-05" and rows[2][2] is None
    arrow = pq.read_table(tmp_path / "events.parquet")
    assert arrow.schema.field("source_countries").type == pa.list_(pa.string())


def test_duckdb_and_pandas_read_the_csv_with_codes_as_text(store_path, tmp_path):
    out = tmp_path / "events.csv"
    with open_store(store_path) as store:
        assert export(store, "csv", out) == 6
    query = f"SELECT cameo, trigger_start, modes, date FROM read_csv('{out}') ORDER BY event_id"
    rows = duckdb.sql(query).fetchall()
    assert [r[0] for r in rows] == ["0874", "042", "0874", "042", "0331", "061"]
    assert (rows[0][1], rows[0][2]) == (60, "exercise|intelligence_sharing")
    assert str(rows[0][3]) == "2024-03-05"
    frame = pd.read_csv(out, dtype={"cameo": str})
    assert frame["cameo"].tolist()[:2] == ["0874", "042"]
    assert frame["trigger_start"].dtype == "int64"


def _manual_fields(manual: Path) -> dict[str, bool]:
    """Field -> required, from the "PLOVER JSON" table of the manual's Data Fields chapter."""
    table = manual.read_text(encoding="utf-8").split("\\caption{PLOVER JSON }")[1].split("\\end{tabular}")[0]
    fields = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.rstrip("\\ ").split("&")]
        if len(cells) == 4 and cells[0] != "Name":
            fields[cells[0].replace("\\_", "_")] = cells[3].startswith("Y")
    return fields


def test_plover_records_have_the_manuals_required_fields(store_path, tmp_path, shared_dir):
    manual = shared_dir / "reference" / "plover" / "PLOVER_MANUAL.tex"
    if not manual.exists():
        pytest.skip("the PLOVER manual is not in the shared reference folder")
    fields = _manual_fields(manual)
    required = {name for name, needed in fields.items() if needed}
    assert required == {"id", "date", "actor", "event"}
    notes: list[str] = []
    out = tmp_path / "events.plover.jsonl"
    with open_store(store_path) as store:
        assert export(store, "plover", out, note=notes.append) == 2
    assert notes == ["left out 1 events without a date (a PLOVER record needs one)",
                     "left out 1 events without an actor (a PLOVER record needs one)"]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for record in records:
        assert required <= record.keys()
        assert record["id"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"]) and record["event"]
        assert record["actor"] and all({"code", "sector", "entity_text"} <= a.keys() for a in record["actor"])
        assert set(record) - {"jalin"} <= set(fields)  # nothing outside the manual but the extension
    retreat, consult = records
    assert (retreat["event"], retreat["quad_code"], retreat["event_scale"]) == (["RETREAT"], 2, 6.5)
    assert retreat["actor"] == [{"code": "IDN", "sector": None, "entity_text": "Indonesia"}]
    assert consult["actor"][0]["office"] == "Minister of Defence" and consult["date"] == "2024-04-17"
    assert consult["context"] == ["military", "future"]  # PLOVER's own context and the auxiliary mode
    assert consult["jalin"]["context"] == ["maritime"] and consult["jalin"]["modality"] == "intended"
    assert consult["jalin"]["modes"] == ["exercise", "intelligence_sharing"] and consult["mode"] is None
    assert consult["cite_info"]["publication"] == "Antara" and consult["text_info"]["sequence"] == 1


def test_export_refuses_unknown_tables_and_formats(store_path, tmp_path):
    from jalin.export import ExportError

    with open_store(store_path) as store:
        with pytest.raises(ExportError, match="unknown table 'bogus'; use one of documents, actors"):
            export(store, "csv", tmp_path / "x.csv", table="bogus")
        with pytest.raises(ExportError, match="unknown export format 'xml'"):
            export(store, "xml", tmp_path / "x.xml")


def test_cli_counts_the_events_left_out_of_plover_on_stderr(store_path, tmp_path):
    from typer.testing import CliRunner

    from jalin.cli import app

    out = tmp_path / "p.jsonl"
    db = ["--db", str(store_path)]
    result = CliRunner().invoke(app, ["export", "--format", "plover", "--out", str(out), *db])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == ["left out 1 events without a date (a PLOVER record needs one)",
                                          "left out 1 events without an actor (a PLOVER record needs one)",
                                          f"wrote 2 records to {out}"]
    header = CliRunner().invoke(app, ["export", "--format", "gdelt", "--header", "--out",
                                      str(tmp_path / "g.tsv"), *db])
    assert header.exit_code == 0
    assert (tmp_path / "g.tsv").read_text(encoding="utf-8").split("\n", 1)[0].split("\t")[:2] == [
        "GlobalEventID", "Day"]
