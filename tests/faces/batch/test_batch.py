"""`jalin batch` on a two-worker LocalCluster gives, per document, exactly what `jalin analyze` prints."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from helpers import SHARED_DIR
from jalin import batch
from jalin.batch import SCHEMAS, Partition, analyze_partition, partitions, run_batch
from jalin.cli import app
from jalin.read import InputError, RawDocument

SHARED = SHARED_DIR

OWN_DOCUMENTS = [
    {"id": "own-ms-1", "published": "2024-03-05", "title": "Latihan bersama",
     "text": "KUALA LUMPUR, 5 Mac (Bernama) -- Angkatan Tentera Malaysia dan Tentera Nasional Indonesia "
             "akan mengadakan latihan bersama di Sabah bulan depan. Panglima Angkatan Tentera berkata "
             "latihan itu melibatkan 1,200 anggota.Beliau berkata kerjasama itu diperkukuh. -- BERNAMA"},
    {"id": "own-en-1", "published": "2024-06-11",
     "text": "PUTRAJAYA, June 11 -- Malaysia and Japan signed a memorandum of understanding on defence "
             "equipment and technology transfer on Tuesday, the Defence Ministry said. The agreement "
             "worth RM1.4 billion covers training and maintenance. -- Bernama"},
    {"id": "own-ms-2", "text": "Menteri Luar berkata Malaysia tidak akan menghantar tentera ke luar negara."},
    {"id": "own-empty", "text": ""},
]


def write_inputs(folder: Path) -> list[str]:
    own = folder / "own.jsonl"
    own.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in OWN_DOCUMENTS[:2])
                   + "{not json at all\n"
                   + "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in OWN_DOCUMENTS[2:]),
                   encoding="utf-8")
    plain = folder / "plain.txt"
    plain.write_text("date 2023-11-20 SEREMBAN: Tentera Darat menerima 20 kenderaan baharu semalam.\n",
                     encoding="utf-8")
    inputs = [str(own), str(plain)]
    inputs += [str(p) for p in sorted((SHARED / "seed").glob("*.txt"))]  # the seed, when present
    return inputs


def analyze_lines(inputs: list[str]) -> list[str]:
    result = CliRunner().invoke(app, ["analyze", *inputs, "--published", "2024-01-15"])
    assert result.exit_code == 2, result.output  # the broken line makes the run report a failure
    return [line for line in result.stdout.splitlines() if line.startswith("{")]


def read_table(out: Path, name: str) -> list[dict]:
    return pq.read_table(out / name).to_pylist()


def test_batch_matches_analyze_on_two_workers(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path)
    out = tmp_path / "out"
    ran = CliRunner().invoke(app, ["batch", *inputs, "--out", str(out), "--workers", "2",
                                   "--partition-size", "2", "--published", "2024-01-15"])
    assert ran.exit_code == 2, ran.output  # two inputs failed
    documents = 3 + len(inputs) - 1  # three good documents in own.jsonl, one per other file
    assert ran.stderr.startswith(f"{documents} documents analysed, 2 failed, {-(-documents // 2)} partitions")

    expected = analyze_lines(inputs)
    analyses = read_table(out, "analyses")
    assert [row["analysis"] for row in analyses] == expected  # byte-identical, in input order
    assert [row["id"] for row in analyses] == [json.loads(line)["document"]["id"] for line in expected]
    assert [row["id"] for row in analyses][:3] == ["own-ms-1", "own-en-1", "own-ms-2"]
    published = [json.loads(row["analysis"])["document"]["published"] for row in analyses[:4]]
    assert published == ["2024-03-05", "2024-06-11", "2024-01-15", "2023-11-20"]  # own date, else --published
    assert len(analyses) == documents
    failures = read_table(out, "failures")
    own = tmp_path / "own.jsonl"
    assert failures == [
        {"origin": f"{own}: line 3", "reason": "invalid JSON (Expecting property name enclosed in double "
                                               "quotes at column 2)"},
        {"origin": f"{own}: line 5", "reason": "empty document"},
    ]
    for name, schema in SCHEMAS.items():
        parts = sorted((out / name).glob("part-*.parquet"))
        # [ms-1, en-1] [bad line, ms-2, empty line, plain] [seed]: two documents per partition
        assert len(parts) == -(-len(analyses) // 2)
        assert pq.read_schema(parts[0]).names == schema.names


def test_rerun_overwrites(tmp_path: Path) -> None:
    own = tmp_path / "own.jsonl"
    own.write_text("".join(json.dumps(d) + "\n" for d in OWN_DOCUMENTS[:3]), encoding="utf-8")
    out = tmp_path / "out"
    (out / "analyses").mkdir(parents=True)
    (out / "analyses" / "part-99999999.parquet").write_bytes(b"stale")
    run_batch([str(own)], out, workers=1, partition_size=2)
    first = {p.name: p.read_bytes() for p in sorted((out / "analyses").iterdir())}
    run_batch([str(own)], out, workers=1, partition_size=2)
    second = {p.name: p.read_bytes() for p in sorted((out / "analyses").iterdir())}
    assert list(first) == ["part-00000000.parquet", "part-00000001.parquet"]
    assert [r["id"] for r in read_table(out, "analyses")] == ["own-ms-1", "own-en-1", "own-ms-2"]
    assert first == second


def test_partitions_keep_order_and_carry_read_failures() -> None:
    docs = [RawDocument(text=str(i), origin=f"f:{i}") for i in range(5)]
    stream = [docs[0], docs[1], InputError("f.jsonl: line 3", "invalid JSON (x)"), docs[2], docs[3], docs[4]]
    cut = list(partitions(stream, 2))
    assert [[d.origin for d in p.documents] for p in cut] == [["f:0", "f:1"], ["f:2", "f:3"], ["f:4"]]
    assert [p.index for p in cut] == [0, 1, 2]
    assert cut[1].failures == [("f.jsonl: line 3", "invalid JSON (x)")]
    (alone,) = partitions([InputError("gone.txt", "no such file or directory")], 10)
    assert alone.failures == [("gone.txt", "no such file or directory")]
    with pytest.raises(ValueError):
        next(partitions(stream, 0))


def test_a_document_that_breaks_the_analysis_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.analyze

    def fragile(text: str, **kwargs: object):  # type: ignore[no-untyped-def]
        if "boom" in text:
            raise RuntimeError("layer exploded")
        return real(text, **kwargs)

    monkeypatch.setattr(batch, "analyze", fragile)
    partition = Partition(0, [RawDocument(text="Malaysia dan Thailand.", origin="a:1", id="a"),
                              RawDocument(text="boom", origin="a:2", id="b")])
    parts = analyze_partition(partition)
    analyses = pq.read_table(pa.BufferReader(parts["analyses"])).to_pylist()
    failures = pq.read_table(pa.BufferReader(parts["failures"])).to_pylist()
    assert [r["id"] for r in analyses] == ["a"]
    assert failures == [{"origin": "a:2", "reason": "RuntimeError: layer exploded"}]


def test_failed_partition_loses_no_document() -> None:
    partition = Partition(4, [RawDocument(text="x", origin="a:1"), RawDocument(text="y", origin="a:2")],
                          [("a:3", "invalid JSON")])
    parts = batch.failed_partition(partition, "worker failed: KilledWorker")
    failures = pq.read_table(pa.BufferReader(parts["failures"])).to_pylist()
    assert [f["origin"] for f in failures] == ["a:3", "a:1", "a:2"]
    assert pq.read_table(pa.BufferReader(parts["analyses"])).num_rows == 0


def test_flat_rows_flatten_spans_and_lists() -> None:
    event = {"id": "e1", "type": "AGREE", "cameo": "057", "source": ["a1"], "target": ["a2"],
             "modality": "asserted", "modes": ["training"], "context": ["military"], "time": None,
             "trigger": {"start": 10, "end": 16, "text": "signed"}, "sentence": 0}
    (row,) = batch._flat_rows("events", "d1", [event])
    assert row == {"doc_id": "d1", "id": "e1", "type": "AGREE", "cameo": "057", "source": ["a1"],
                   "target": ["a2"], "modality": "asserted", "modes": ["training"],
                   "context": ["military"], "time": None, "trigger_text": "signed", "trigger_start": 10,
                   "trigger_end": 16, "sentence": 0}
    actor = {"id": "a1", "type": "PERSON", "name": "Ali", "roles": [{"text": "Menteri", "en": "Minister"}],
             "honorifics": ["Datuk"], "mentions": [{"start": 0, "end": 3, "text": "Ali"}]}
    (row,) = batch._flat_rows("actors", "d1", [actor])
    assert row["roles"] == '[{"text":"Menteri","en":"Minister"}]'
    assert row["honorifics"] == ["Datuk"]
    assert row["canonical"] is None


def test_batch_on_a_running_scheduler(tmp_path: Path) -> None:
    from distributed import LocalCluster

    own = tmp_path / "own.jsonl"
    own.write_text("".join(json.dumps(d) + "\n" for d in OWN_DOCUMENTS[:3]), encoding="utf-8")
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        summary = run_batch([str(own)], tmp_path / "out", scheduler=cluster.scheduler_address,
                            partition_size=2)
    assert (summary.documents, summary.failures, summary.partitions) == (3, 0, 2)
    assert [r["id"] for r in read_table(tmp_path / "out", "analyses")] == ["own-ms-1", "own-en-1", "own-ms-2"]


def test_bad_options_are_refused_before_any_cluster_starts(tmp_path: Path) -> None:
    ran = CliRunner().invoke(app, ["batch", "x.jsonl", "--out", str(tmp_path / "out"), "--published", "soon"])
    assert ran.exit_code == 2
    assert "'soon' is not a date YYYY-MM-DD" in ran.output
    missing = tmp_path / "no-such-lexicon"
    ran = CliRunner().invoke(app, ["batch", "x.jsonl", "--out", str(tmp_path / "out"),
                                   "--lexicon", str(missing)])
    assert ran.exit_code == 2
    assert "lexicon directory does not exist" in ran.output
    assert not (tmp_path / "out").exists()
