"""Hostile and broken inputs for the readers and `analyze`, made from a random generator: shared by
`tests/pipeline/test_fuzz.py` (a few hundred examples per reader, through hypothesis) and
`benchmarks/fuzz.py` (10,000 inputs). Every input is invented here.

`make_input(rng, kind)` gives bytes of one kind; `run_reader(path_or_bytes, suffix)` and
`run_analysis(text)` raise only when Jalin lets an exception escape past a record.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

from jalin.pipeline import analyze
from jalin.read import InputError, RawDocument, read_path
from jalin.read.files import read_stdin

WORDS = ("menteri", "berkata", "said", "Malaysia", "Vietnam", "perjanjian", "agreement", "Sdn Bhd",
         "\"", "“", "”", "'", ".", ",", "semalam", "tomorrow", "2025", "RM1.5 bilion", "Datuk", "\n",
         "\n\n", "KUALA LUMPUR --", "menandatangani", "signed", "MoU", "Jun", "9999", "0001")
SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".xml", "-")
KINDS = ("bytes", "unicode", "surrogates", "nuls", "deep_json", "deep_html", "bomb", "wrong_encoding",
         "huge_line", "words", "json_record", "feed")


def _unicode(rng: random.Random, size: int) -> str:
    """Code points from every plane, lone surrogates included (as a JSON escape or raw)."""
    out = []
    for _ in range(size):
        pick = rng.random()
        if pick < 0.5:
            out.append(chr(rng.randrange(32, 0x250)))
        elif pick < 0.8:
            out.append(chr(rng.randrange(0x250, 0xD800)))
        elif pick < 0.9:
            out.append(chr(rng.randrange(0xE000, 0x110000)))
        else:
            out.append(rng.choice(WORDS))
    return "".join(out)


def _words(rng: random.Random, size: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(size))


def _record(rng: random.Random) -> dict[str, object]:
    row: dict[str, object] = {"text": _words(rng, rng.randrange(1, 80))}
    for name in ("id", "title", "published", "url"):
        if rng.random() < 0.5:
            row[name] = rng.choice(["", "x", 7, None, "9999-12-31", "0001-01-01", "2025-02-30", "\ud800",
                                    "2025-06-01T10:00:00+08:00", [1], {"a": 1}, 1e308])
    if rng.random() < 0.3:
        row["text"] = rng.choice([None, 5, ["a"], "", " ", "\x00", "\ud800 kata menteri"])
    return row


def make_input(rng: random.Random, kind: str) -> bytes:
    """One input of `kind` (one of KINDS)."""
    size = rng.choice((1, 10, 100, 1000, 5000))
    if kind == "bytes":
        return rng.randbytes(size)
    if kind == "unicode":
        return _unicode(rng, size).encode("utf-8", "surrogatepass")
    if kind == "surrogates":
        return json.dumps({"text": _words(rng, 20) + "\ud800" + _words(rng, 5), "title": "\udfff"}).encode()
    if kind == "nuls":
        return (_words(rng, 30) + "\x00" * rng.randrange(1, 5) + _words(rng, 30)).encode()
    if kind == "deep_json":
        depth = rng.choice((10, 70, 1000, 100_000))
        return ('{"text": "kata menteri", "x": ' + "[" * depth + "]" * depth + "}").encode()
    if kind == "deep_html":
        depth = rng.choice((50, 300, 5000, 50_000))
        return ("<html><body>" + "<div>" * depth + "<p>" + _words(rng, 50) + "</p>" + "</div>" * depth
                + "</body></html>").encode()
    if kind == "bomb":
        return (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;'
                b'&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;'
                b'&c;&c;&c;">]><rss><channel><item><title>&d;</title><description>&d;&d;</description>'
                b'</item></channel></rss>')
    if kind == "wrong_encoding":
        text = _words(rng, 60) + " café naïve “quoted” — Ærø"
        codec = rng.choice(("cp1252", "latin_1", "utf-16-le", "utf-16-be", "utf-32", "cp1250", "mac_roman"))
        return text.encode(codec, "replace")
    if kind == "huge_line":
        return (_words(rng, 5) + " berkata" * rng.choice((1000, 20_000)) + _words(rng, 5)).encode()
    if kind == "words":
        return _words(rng, size).encode()
    if kind == "json_record":
        rows = [_record(rng) for _ in range(rng.randrange(1, 5))]
        return "\n".join(json.dumps(r) for r in rows).encode()
    if kind == "feed":
        dates = ["", "Mon, 31 Dec 9999", "Sat, 01 Jan 0001 00:00:00 GMT", "x"]
        items = "".join(f"<item><title>{_words(rng, 3)}</title><pubDate>{rng.choice(dates)}"
                        f"</pubDate><description>{_words(rng, 30)}</description></item>"
                        for _ in range(rng.randrange(0, 4)))
        return f"<rss><channel><title>t</title>{items}".encode()  # often unclosed
    raise ValueError(f"unknown kind {kind!r}")


def run_reader(data: bytes, suffix: str, folder: Path) -> int:
    """Read `data` as a file with `suffix` (or stdin for "-") and analyse every document; returns how
    many items the reader gave. Anything raised here is an exception that escaped a record."""
    if suffix == "-":
        items = list(read_stdin(io.BufferedReader(io.BytesIO(data))))  # type: ignore[arg-type]
    else:
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_path(path))
    for item in items:
        assert isinstance(item, RawDocument | InputError), item
        if isinstance(item, InputError):
            assert "\n" not in str(item), str(item)
            continue
        analysis = analyze(item.text, published=item.published, id=item.id, title=item.title,
                           url=item.url, source=item.source, metadata=item.metadata)
        analysis.to_json().encode("utf-8")
    return len(items)


def run_analysis(text: str, published: str | None = None) -> None:
    """analyze() on any text; what it returns must serialise to UTF-8 JSON."""
    analyze(text, published=published).to_json().encode("utf-8")
