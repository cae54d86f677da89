"""Ingest end to end: reading, analysing, batching, idempotence, bad input, kill and resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers import ROOT, TESTS_DIR
from jalin.ingest import Ingest, is_batch_result
from jalin.store import open_store
from store_fixtures import approved, pending, wire_copy, write_jsonl

SHARED = ROOT.parent / "shared"
DATA = TESTS_DIR / "data" / "store"

def run_cli(*args: str, env_db: Path | str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if env_db is not None:
        env["JALIN_DB"] = str(env_db)
    return subprocess.run([sys.executable, "-m", "jalin", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_ingest_is_idempotent_and_reports_bad_documents(tmp_path, new_db):
    rows = [wire_copy(i) for i in range(40)]
    source = write_jsonl(tmp_path / "news.jsonl", rows)
    with source.open("a", encoding="utf-8") as f:
        f.write("{not json\n")
        f.write(json.dumps({"id": "empty", "text": "   "}) + "\n")
    failures: list[str] = []
    store = open_store(new_db("kb"))
    first = Ingest(store, batch_size=7, on_failure=failures.append).run([str(source)])
    assert (first.read, first.added, first.skipped, first.failed) == (42, 40, 0, 2)
    assert failures == [
        f"{source}: line 41: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{source}: line 42: empty document"]
    second = Ingest(store, jobs=2, on_failure=failures.append).run([str(source)])
    assert (second.analysed, second.added, second.skipped, second.failed) == (0, 0, 40, 2)
    assert store.counts()["documents"] == 40
    assert store.document("wire-00003")["document"]["published"] == "2024-03-04"
    store.close()


def test_ingest_in_a_process_pool_keeps_input_order(tmp_path, new_db):
    source = write_jsonl(tmp_path / "news.jsonl", [wire_copy(i) for i in range(60)])
    with open_store(new_db("kb")) as store:
        report = Ingest(store, jobs=2, batch_size=16, on_failure=print).run([str(source)])
        assert (report.added, report.failed) == (60, 0)
        assert store.table("documents")["id"].tolist() == [f"wire-{i:05d}" for i in range(60)]


def test_missing_path_and_garbage_are_one_line_each(tmp_path, new_db):
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(b"\xff\xfe\x00\x81 not text")
    failures: list[str] = []
    with open_store(new_db("kb")) as store:
        report = Ingest(store, on_failure=failures.append).run([str(tmp_path / "nope.txt"), str(garbage)])
    assert report.added + report.failed == 2
    assert failures[0] == f"{tmp_path / 'nope.txt'}: no such file or directory"
    assert all("\n" not in line for line in failures)


def test_batch_result_folder_loads_without_analysing(tmp_path, new_db):
    folder = tmp_path / "run"
    (folder / "analyses").mkdir(parents=True)
    (folder / "failures").mkdir()
    analyses = [pending(), approved()]
    table = pa.table({"id": [a.document.id for a in analyses], "analysis": [a.to_json() for a in analyses]})
    pq.write_table(table, folder / "analyses" / "part-00000.parquet")
    pq.write_table(pa.table({"origin": ["feed.jsonl:9"], "reason": ["empty document"]}),
                   folder / "failures" / "part-00000.parquet")
    assert is_batch_result(folder)
    failures: list[str] = []
    with open_store(new_db("kb")) as store:
        report = Ingest(store, on_failure=failures.append).run([str(folder)])
        assert (report.read, report.added, report.failed) == (2, 2, 1)
        assert failures == ["feed.jsonl:9: empty document"]
        history = store.agreement_records()[0]["history"]
        assert [h["status"] for h in history] == ["pending_approval", "approved"]
        assert Ingest(store).run([str(folder)]).added == 0


def test_killed_ingest_resumes_with_every_document_exactly_once(tmp_path):
    total = 1500
    source = write_jsonl(tmp_path / "news.jsonl", [wire_copy(i) for i in range(total)])
    db = tmp_path / "kb.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, "-m", "jalin", "ingest", str(source), "--db", str(db),
                                "--jobs", "1", "--batch", "25"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and stored < 50:
        time.sleep(0.02)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
    process.send_signal(signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db) as con:
        before = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 50 <= before < total and before % 25 == 0
    result = run_cli("ingest", str(source), "--jobs", "2", env_db=db)
    assert result.returncode == 0, result.stderr
    assert f"added {total - before:,}" in result.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*), count(DISTINCT id), count(DISTINCT content_hash) FROM documents"
                           ).fetchone() == (total, total, total)
        assert con.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == total
        con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        assert con.execute("SELECT count(*) FROM (SELECT doc FROM topics GROUP BY doc, topic "
                           "HAVING count(*) > 1)").fetchone()[0] == 0


def _seed() -> Path:
    seeds = sorted((SHARED / "seed").glob("*.txt")) if SHARED.exists() else []
    if not seeds:
        pytest.skip(f"the shared seed article is not available at {SHARED / 'seed'}")
    return seeds[0]


def test_seed_then_cabinet_approval_gives_one_agreement_history(new_db):
    seed = _seed()
    db = new_db("kb")
    assert run_cli("ingest", str(seed), "--jobs", "1", env_db=db).returncode == 0
    late = json.loads(run_cli("agreements", "--overdue", "--as-of", "2025-11-15", "--json", env_db=db).stdout)
    assert [(a["type"], a["parties"], a["status"]) for a in late] == [
        ("g2g_procurement", ["KOR", "MYS"], "pending_approval")]
    assert [(m["kind"], m["due"]) for m in late[0]["overdue"]] == [("cabinet_approval", "2025-10-31")]
    assert run_cli("ingest", str(DATA / "cabinet-approves-g2g-ms.txt"), env_db=db).returncode == 0
    records = json.loads(run_cli("agreements", "--country", "KOR", "--json", env_db=db).stdout)
    korea = [r for r in records if r["type"] == "g2g_procurement"]
    assert len(korea) == 1
    assert [h["status"] for h in korea[0]["history"]] == ["pending_approval", "approved"]
    assert json.loads(run_cli("agreements", "--overdue", "--as-of", "2025-11-15", "--json",
                              env_db=db).stdout) == []


def test_english_follow_up_joins_the_same_agreement(new_db):
    seed = _seed()
    with open_store(new_db("kb")) as store:
        Ingest(store).run([str(seed), str(DATA / "cabinet-approves-g2g-en.txt")])
        korea = [r for r in store.agreement_records(country="KOR") if r["type"] == "g2g_procurement"]
        assert [h["status"] for h in korea[0]["history"]] == ["pending_approval", "approved"]


def test_seed_and_follow_ups_are_stored_and_searchable(new_db):
    seed = _seed()
    with open_store(new_db("kb")) as store:
        report = Ingest(store).run([str(seed), str(DATA)])
        assert (report.added, report.failed) == (3, 0)
        again = Ingest(store).run([str(seed), str(DATA)])
        assert (again.read, again.analysed, again.added, again.skipped) == (3, 0, 0, 3)
        assert store.search("Jemaah Menteri meluluskan")["published"].tolist() == ["2025-10-22"]
        assert store.search("Cabinet approved")["published"].tolist() == ["2025-10-23"]
        assert sorted(store.table("documents")["language"]) == ["en", "ms", "ms"]
        countries = store.actors(type="COUNTRY")
        assert countries[["name", "country", "documents"]].values.tolist() == [
            ["Malaysia", "MYS", 3], ["South Korea", "KOR", 3], ["Türkiye", "TUR", 1]]


def test_batch_runner_output_loads_the_same_as_direct_ingest(tmp_path, new_db):
    from jalin.batch import analyze_partition, partitions, prepare_output, write_partition
    from jalin.read import read_paths

    rows = [wire_copy(i) for i in range(25)]
    source = write_jsonl(tmp_path / "news.jsonl", rows)
    with source.open("a", encoding="utf-8") as f:
        f.write("{broken\n")
    out = tmp_path / "run"
    prepare_output(out)
    for index, partition in enumerate(partitions(read_paths([str(source)]), 10)):
        write_partition(out, index, analyze_partition(partition))
    failures: list[str] = []
    with open_store(new_db("from-batch")) as loaded, open_store(new_db("direct")) as direct:
        report = Ingest(loaded, on_failure=failures.append).run([str(out)])
        assert (report.added, report.failed) == (25, 1)
        assert failures[0].startswith(str(source)) and "invalid JSON" in failures[0]
        Ingest(direct, on_failure=failures.append).run([str(source)])
        assert list(loaded.iter_analyses()) == list(direct.iter_analyses())


WIRE_MS = ("Malaysia dan Indonesia bersetuju mempergiat rondaan bersama di Selat Melaka bagi membanteras "
           "penyeludupan dan lanun, kata Panglima Angkatan Tentera hari ini. Beliau berkata kedua-dua negara "
           "akan berkongsi maklumat risikan secara masa nyata dan mengadakan latihan bersama setiap tahun. "
           "Menurutnya, mesyuarat jawatankuasa sempadan bulan depan akan memuktamadkan prosedur operasi "
           "standard bagi rondaan tersebut, termasuk penggunaan pesawat peronda maritim.")


def test_same_wire_story_in_two_outlets_is_linked_once(tmp_path, new_db):
    rows = [{"id": "outlet-a", "published": "2024-05-02", "text": "KUALA LUMPUR: " + WIRE_MS + " – Bernama"},
            {"id": "outlet-b", "published": "2024-05-02",
             "text": "KUALA LUMPUR, 2 Mei: " + WIRE_MS + " Ikuti berita terkini di laman web kami."},
            wire_copy(1)]
    source = write_jsonl(tmp_path / "news.jsonl", rows)
    with open_store(new_db("kb")) as store:
        report = Ingest(store).run([str(source)])
        assert (report.added, report.duplicates) == (3, 1)
        assert store.document("outlet-b")["duplicate_of"] == "outlet-a"
        assert store.document(wire_copy(1)["id"])["duplicate_of"] is None
        assert store.counts()["duplicates"] == 1
