"""`jalin analyze` end to end: the real CLI in a subprocess (`python -m jalin`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, assert_valid
from jalin.model import (
    Actor,
    Agreement,
    Analysis,
    DocumentInfo,
    Event,
    Gathering,
    Milestone,
    Quantity,
    Role,
    Span,
    Statement,
    TextSpan,
    TimeExpr,
)
from jalin.pipeline import analyze
from jalin.summary import render

MALAY = ("PUTRAJAYA: Malaysia dan Jepun bersetuju memperkukuh kerjasama keselamatan maritim, kata Menteri "
         "Luar hari ini. Beliau berkata latihan bersama akan diadakan tahun depan. – Bernama")
ENGLISH = ("KUALA LUMPUR, Dec 8 — Malaysia and South Korea will sign a defence cooperation agreement next "
           "month, the defence minister said on Monday.")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "160"}
    return subprocess.run([sys.executable, "-m", "jalin", *args], input=stdin, capture_output=True,
                          env=env, timeout=120, check=False)


def lines(out: bytes) -> list[dict]:
    """The printed analyses, each validated against the contract."""
    return [assert_valid(json.loads(line)) for line in out.decode("utf-8").splitlines()]


def test_seed_and_bundled_example(seed_path: Path) -> None:
    example = ROOT / "examples" / "bernama-2025-09-22-malaysia-korea-defence.txt"
    result = run("analyze", str(seed_path), str(example))
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    for data in lines(result.stdout):
        assert_valid(data)
        assert {k: data["document"][k] for k in ("published", "language", "source", "dateline")} == {
            "published": "2025-09-22", "language": "ms", "source": "Bernama", "dateline": "KUALA LUMPUR"}
        assert len(data["sentences"]) == 15


def test_many_documents_in_input_order_and_pretty(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(ENGLISH)
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps({"id": f"j{i}", "text": MALAY, "published": "2024-02-0" + str(i)})
                               for i in (1, 2)))
    result = run("analyze", str(tmp_path / "b.txt"), str(jsonl))
    assert result.returncode == 0
    assert run("analyze", str(tmp_path / "b.txt"), str(jsonl)).stdout == result.stdout  # byte for byte
    docs = lines(result.stdout)
    assert [d["document"]["language"] for d in docs] == ["en", "ms", "ms"]
    assert [d["document"]["id"] for d in docs][1:] == ["j1", "j2"]
    assert [d["document"]["published"] for d in docs] == [None, "2024-02-01", "2024-02-02"]
    for d in docs:
        assert_valid(d)
        assert list(d) == ["schema", "document", "text", "sentences", "actors", "statements", "events",
                           "agreements", "gatherings", "quantities", "times", "topics"]
    pretty = run("analyze", "--pretty", str(tmp_path / "b.txt"))
    assert pretty.stdout.decode().startswith('{\n  "schema": "jalin.analysis/1"')
    assert json.loads(pretty.stdout) == docs[0]


def test_published_option_is_the_default_date(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(ENGLISH)
    dated = tmp_path / "dated.txt"
    dated.write_text("date 2025-01-05 " + ENGLISH)
    docs = lines(run("analyze", "--published", "2024-12-31", str(plain), str(dated)).stdout)
    assert [d["document"]["published"] for d in docs] == ["2024-12-31", "2025-01-05"]
    bad = run("analyze", "--published", "31/12/2024", str(plain))
    assert bad.returncode == 2
    assert b"is not a date YYYY-MM-DD" in bad.stderr


def test_lexicon_option_adds_a_source(tmp_path: Path) -> None:
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "sources.tsv").write_text("name\taliases\nBerita Kampung\tBK\n")
    doc = tmp_path / "a.txt"
    doc.write_text("KUALA LUMPUR: Malaysia dan Thailand akan membuka sempadan. - BK")
    assert assert_valid(analyze(doc.read_text()))["document"]["source"] is None
    result = run("analyze", "--lexicon", str(lexicon), str(doc))
    assert lines(result.stdout)[0]["document"]["source"] == "Berita Kampung"
    missing = run("analyze", "--lexicon", str(tmp_path / "nope"), str(doc))
    assert missing.returncode == 2
    assert b"lexicon directory does not exist" in missing.stderr


def test_stdin() -> None:
    result = run("analyze", "-", stdin=("date 2024-07-01 " + MALAY).encode())
    (data,) = lines(result.stdout)
    assert (data["document"]["published"], data["document"]["source"]) == ("2024-07-01", "Bernama")
    jsonl = "\n".join(json.dumps({"id": f"s{i}", "text": ENGLISH}) for i in range(2)).encode()
    assert [d["document"]["id"] for d in lines(run("analyze", "-", stdin=jsonl).stdout)] == ["s0", "s1"]


def test_bad_inputs_one_line_each_others_still_printed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(MALAY)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 100)
    latin = tmp_path / "latin.txt"
    latin_text = "Menteri Luar José berkata «kerjasama» itu penting bagi kedua-dua negara."
    latin.write_bytes(latin_text.encode("latin-1"))
    huge = tmp_path / "huge.txt"
    huge.write_text("kata " * 4_200_000)
    broken = tmp_path / "rows.jsonl"
    broken.write_text("\n".join([json.dumps({"id": "r1", "text": ENGLISH}), "{not json",
                                 json.dumps({"id": "r3", "text": MALAY})]))
    page = tmp_path / "page.html"
    page.write_text("<html><body><form><input name=q></form></body></html>")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    missing = tmp_path / "missing.txt"
    result = run("analyze", str(good), str(empty), str(binary), str(latin), str(huge), str(broken), str(page),
                 str(empty_dir), str(missing))
    assert result.returncode == 2
    assert [d["document"]["id"] for d in lines(result.stdout)][2:] == ["r1", "r3"]
    assert len(lines(result.stdout)) == 4
    assert "José" in lines(result.stdout)[1]["text"]
    errors = result.stderr.decode().splitlines()
    assert errors[:4] == [
        f"{empty}: empty document",
        f"{binary}: not UTF-8 and no encoding could be detected (binary data)",
        f"{huge}: document too large (21.0 MB; the limit is 5 MB)",
        f"{broken}: line 2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
    ]
    assert errors[4:] == [
        f"{page}: no article text found in the HTML page",
        f"{empty_dir}: no readable files in the folder "
        "(looked for .atom, .htm, .html, .json, .jsonl, .ndjson, .rss, .txt, .xml)",
        f"{missing}: no such file or directory",
    ]


def test_help_lists_analyze() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert b"analyze" in result.stdout


def test_text_format_on_the_seed(seed_path: Path) -> None:
    result = run("analyze", "--format", "text", str(seed_path))
    assert result.returncode == 0
    out = result.stdout.decode()
    for expected in ("source", "Bernama", "KUALA LUMPUR", "2025-09-22", "15 sentences"):
        assert expected in out
    for section in ("Actors", "Statements", "Events", "Agreements", "Gatherings", "Quantities", "Times",
                    "Topics"):
        assert section in out


def _hand_made() -> Analysis:
    text = ("Malaysia dan Korea Selatan dijangka menandatangani perjanjian G2G menjelang Oktober, "
            "kata Menteri.")
    return Analysis(
        schema="jalin.analysis/1",
        document=DocumentInfo(id="x", source="Bernama", published="2025-09-22", language="ms"),
        text=text,
        sentences=[Span(0, len(text))],
        actors=[Actor("a1", "COUNTRY", "Malaysia", "Malaysia", "MYS",
                      mentions=[TextSpan(0, 8, "Malaysia")]),
                Actor("a2", "COUNTRY", "Korea Selatan", "South Korea", "KOR",
                      mentions=[TextSpan(13, 26, "Korea Selatan")]),
                Actor("a3", "PERSON", "Menteri", None, "MYS", "GOV", [Role("Menteri", "Minister")],
                      mentions=[TextSpan(90, 97, "Menteri")])],
        statements=[Statement("a3", "indirect", text[:84], "kata", 0, 84)],
        events=[Event("e1", "AGREE", "057", ["a1"], ["a2"], "expected", ["procurement"], ["military"], "t1",
                      TextSpan(35, 49, "menandatangani"), 0)],
        agreements=[Agreement("g1", "g2g_procurement", "perjanjian G2G", ["KOR", "MYS"], "pending_approval",
                              True,
                              [Milestone("signing", "expected", "t1", "menjelang Oktober")], [Span(0, 84)])],
        gatherings=[Gathering("seminar", "Seminar Ketiga", 3, "KUALA LUMPUR", None, ["KOR", "MYS"], ["q1"])],
        quantities=[Quantity("q1", 150, "approx", "participants", "kira-kira 150 peserta", 0, 5)],
        times=[TimeExpr("t1", "menjelang Oktober", "2025-10", "month", "by", 66, 83)],
        topics=["defence_industry"],
    )


def test_text_summary_shows_every_layer() -> None:
    from rich.console import Console

    console = Console(width=200, record=True)
    console.print(render(_hand_made()))
    out = console.export_text()
    for expected in ("South Korea", "Minister", "indirect", "AGREE (057)", "Malaysia → South Korea",
                     "expected", "procurement", "g2g_procurement", "pending_approval",
                     "signing expected 2025-10", "Seminar Ketiga", "approx", "participants",
                     "menjelang Oktober", "by", "Topics: defence_industry"):
        assert expected in out, expected
    assert "none" not in out
