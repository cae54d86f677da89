"""One bad record never stops a run: deep JSON, lone surrogates, parser failures, unreadable
subfolders and dates at the calendar's ends give one error line (or a clean document), and the
records around them are still read and analysed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT
from jalin.pipeline import analyze
from jalin.read import MAX_NESTING, InputError, RawDocument, read_path

GOOD = "Thailand dan Vietnam menandatangani perjanjian latihan maritim, kata menteri itu."


def _items(path: Path) -> list[RawDocument | InputError]:
    return list(read_path(path))


def test_deep_json_line_is_one_error_between_good_records(tmp_path):
    deep = "[" * 5000 + "]" * 5000
    nested = {"text": GOOD, "extra": json.loads("[" * (MAX_NESTING + 5) + "]" * (MAX_NESTING + 5))}
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join([json.dumps({"text": GOOD}), deep, json.dumps(nested),
                                 json.dumps({"text": GOOD + " Lagi."})]) + "\n", encoding="utf-8")
    items = _items(source)
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "InputError", "RawDocument"]
    assert str(items[1]) == f"{source}: line 2: JSON nested too deeply to read"
    assert "nested too deeply" in str(items[2]) and "line 3" in str(items[2])


def test_deep_json_file_is_one_error(tmp_path):
    source = tmp_path / "deep.json"
    source.write_text('{"text": "x", "a": ' + "[" * 5000 + "]" * 5000 + "}", encoding="utf-8")
    (item,) = _items(source)
    assert isinstance(item, InputError) and "nested too deeply" in str(item)


def test_lone_surrogate_escape_is_replaced_and_the_record_analysed(tmp_path):
    source = tmp_path / "surrogate.jsonl"
    source.write_text('{"text": "Menteri itu berkata \\ud800 kerjasama akan diperluas.", '
                      '"title": "a\\udfffb"}\n', encoding="utf-8")
    (doc,) = _items(source)
    assert isinstance(doc, RawDocument)
    assert "\ufffd" in doc.text and doc.title == "a\ufffdb"
    analysis = analyze(doc.text, title=doc.title)
    analysis.to_json().encode("utf-8")


def test_analyze_replaces_lone_surrogates_in_every_string():
    analysis = analyze("Perdana Menteri Laos berkata \udc00 rundingan akan diteruskan.", title="\ud834",
                       id="x\udfff", metadata={"k\ud801": ["v\udc02"]})
    text = analysis.to_json()
    text.encode("utf-8")
    assert analysis.document.id == "x\ufffd" and "\ud834" not in text


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_relative_times_at_the_ends_of_the_calendar_do_not_raise(published):
    text = ("HANOI -- The minister said yesterday that the talks would resume tomorrow, next week, "
            "next month and next year, after a meeting last week and last year.")
    analysis = analyze(text, published=published)
    assert analysis.document.published == published
    analysis.to_json()


def test_html_parser_failure_is_one_error_and_the_folder_goes_on(tmp_path, monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise ImportError("lxml.html.clean module is now a separate project", name="lxml_html_clean")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    first, second = _items(tmp_path)
    reason = "cannot be read here: module lxml_html_clean is not installed"
    assert str(first) == f"{tmp_path / 'a.html'}: {reason}"
    assert isinstance(second, RawDocument)


def test_deeply_nested_html_is_read_or_one_error(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 20000 + "<p>" + GOOD + "</p>" + "</div>" * 20000
                    + "</body></html>", encoding="utf-8")
    items = _items(page)
    assert len(items) == 1


def test_unreadable_subfolder_is_reported_after_the_files(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(GOOD, encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):
        for folder, dirs, files in real_walk(top, onerror=onerror, **kwargs):
            yield folder, dirs, files
            if Path(folder) == tmp_path and onerror is not None:
                onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))

    monkeypatch.setattr(os, "walk", walk)
    items = _items(tmp_path)
    assert isinstance(items[0], RawDocument)
    assert str(items[1]) == f"{tmp_path / 'locked'}: permission denied"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "jalin", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def test_ingest_stores_the_good_records_and_exits_2_when_some_failed(tmp_path):
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join([json.dumps({"text": GOOD}), "[" * 3000 + "]" * 3000,
                                 '{"text": "Menteri Brunei berkata \\ud800 latihan diteruskan."}']) + "\n",
                      encoding="utf-8")
    result = _run("ingest", str(source), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "kb.db"),
                  "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "added 2" in result.stderr and "failed 2" in result.stderr
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in result.stderr
    again = _run("ingest", str(source), "--db", str(tmp_path / "kb.db"), "--jobs", "1", cwd=tmp_path)
    assert "already stored 2" in again.stderr


def test_ingest_exits_0_when_every_input_succeeded(tmp_path):
    source = tmp_path / "good.txt"
    source.write_text(GOOD, encoding="utf-8")
    result = _run("ingest", str(source), "--db", str(tmp_path / "kb.db"), "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_every_reader_imports_in_an_isolated_interpreter():
    """Each reader module and the parsers it loads lazily import in `python -I` (no user site, no
    current folder), and every distribution they load is declared by jalin or one of its dependencies."""
    probe = r"""
import importlib, importlib.metadata as md, re, sys
at_start = set(sys.modules)  # the interpreter's own start-up (site, .pth hooks) is not the readers'
for name in ("jalin.read", "jalin.read.feeds", "jalin.read.urls", "trafilatura", "feedparser",
             "charset_normalizer", "lxml.html.clean", "httpx"):
    importlib.import_module(name)
from jalin.read import from_html
from jalin.read.feeds import read_feed
from_html("<html><head><title>T</title></head><body><article><p>" + "Kata menteri itu. " * 30
          + "</p></article></body></html>", "page.html")
list(read_feed(b"<rss><channel><item><title>a</title><description>b c</description></item>"
               b"</channel></rss>", "f.xml"))
declared, todo = set(), ["jalin"]
while todo:
    dist = todo.pop()
    for req in md.requires(dist) or []:
        if "extra ==" in req:
            continue
        name = re.split(r"[ <>=!~;\[(]", req, maxsplit=1)[0].lower().replace("_", "-")
        if name not in declared:
            declared.add(name)
            try:
                todo.append(md.metadata(name)["Name"])
            except md.PackageNotFoundError:
                pass
owners = md.packages_distributions()
loaded = {top for top in (m.split(".")[0] for m in set(sys.modules) - at_start) if top in owners}
missing = sorted({d.lower().replace("_", "-") for top in loaded for d in owners[top]}
                 - declared - {"jalin"})
print(" ".join(missing))
"""
    result = subprocess.run([sys.executable, "-I", "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [], f"loaded but not declared: {result.stdout}"


def test_a_document_past_its_time_budget_is_one_failure_and_the_next_is_analysed() -> None:
    """In a process of its own, as an ingest worker: the budget's alarm needs the main thread."""
    script = f"""
import sys
sys.path.insert(0, {str(ROOT / "tests")!r})
from jalin.ingest import analyse_chunk
from jalin.pipeline import warm_up
from jalin.read import RawDocument
from pathological import berkata_run
warm_up()  # set-up (models, matchers) is not the document's time
slow = RawDocument(text=berkata_run(1_500_000), origin="slow.txt")  # seconds of analysis
quick = RawDocument(text={GOOD!r}, origin="quick.txt")
for origin, analysis, reason in analyse_chunk([slow, quick], seconds=0.5):
    print(origin, analysis is not None, reason)
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "slow.txt False analysis stopped: took longer than the 0.5 s budget per document",
        "quick.txt True None",
    ]
