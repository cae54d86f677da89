"""`jalin watch` against a feed server on 127.0.0.1 whose feed changes between polls, answers 304 to a
conditional request, fails once, and carries a malformed entry; on both store backends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from helpers import ROOT
from jalin.cli import app
from jalin.store import open_store
from jalin.watch import MAX_BACKOFF, Watcher, format_seconds, parse_every

# Invented reports (names, places and numbers of our own), one per feed entry.
STORIES = {
    "navy-1": ("Vietnam and the Philippines to hold joint coast guard drills",
               "HANOI, April 2 -- Vietnam and the Philippines agreed on Tuesday to hold their first joint "
               "coast guard exercise in the South China Sea next June, the Vietnamese defence ministry "
               "said."),
    "navy-2": ("Brunei signs training pact with New Zealand",
               "BANDAR SERI BEGAWAN, April 3 -- Brunei and New Zealand signed a memorandum of understanding "
               "on military training on Wednesday, allowing 40 Bruneian officers to train in Waiouru "
               "each year."),
    "navy-3": ("Tentera Laut Thailand terima dua kapal ronda baharu",
               "BANGKOK, 4 April -- Tentera Laut Diraja Thailand menerima dua kapal ronda luar pesisir dari "
               "sebuah limbungan Korea Selatan semalam, kata jurucakap tentera laut itu."),
}


def entry(guid: str) -> str:
    title, text = STORIES[guid]
    return (f"<item><guid>{guid}</guid><title>{title}</title><link>http://127.0.0.1/{guid}</link>"
            f"<pubDate>Tue, 02 Apr 2024 08:00:00 GMT</pubDate><description>{text}</description></item>")


# An entry with no text at all: the feed reader reports it and the rest goes on.
MALFORMED = "<item><guid>broken-1</guid><title>Untitled</title><description></description></item>"


def feed(*items: str) -> bytes:
    return ("<?xml version='1.0'?><rss version='2.0'><channel><title>Regional Defence Wire</title>"
            + "".join(items) + "</channel></rss>").encode()


@dataclass
class Script:
    """The server's answers, one per request (the last one repeats), and the requests it saw."""

    answers: list[tuple[int, bytes, str | None]]
    requests: list[dict[str, str]] = field(default_factory=list)


@pytest.fixture()
def feed_server() -> Iterator[tuple[str, Script]]:
    script = Script([])

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            script.requests.append({k.lower(): v for k, v in self.headers.items()})
            status, body, etag = script.answers[min(len(script.requests), len(script.answers)) - 1]
            self.send_response(status)
            if etag:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", "Tue, 02 Apr 2024 09:00:00 GMT")
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml", script
    finally:
        server.shutdown()
        server.server_close()


class Clock:
    """A clock the test moves; the watcher's schedule reads it."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_polls_conditionally_backs_off_and_ingests_each_item_once(feed_server, new_db: Callable[..., str]):
    url, script = feed_server
    script.answers = [
        (200, feed(entry("navy-1"), entry("navy-2")), '"v1"'),          # 1: two items
        (304, b"", None),                                                # 2: not modified
        (500, b"oops", None),                                            # 3: fails once
        (200, feed(entry("navy-2"), MALFORMED, entry("navy-1"), entry("navy-3")), '"v2"'),  # 4: one new
        (200, feed(entry("navy-3"), entry("navy-2")), '"v3"'),          # 5: nothing new
    ]
    lines: list[str] = []
    clock = Clock()
    with open_store(new_db()) as store:
        watcher = Watcher(store, [url], every=60, log=lines.append, clock=clock)
        polls = []
        for _ in range(5):
            (poll,) = watcher.poll_due()
            polls.append(poll)
            assert watcher.poll_due() == []  # nothing is due before its time
            clock.now += poll.wait
        assert [(p.status, p.new, p.added) for p in polls] == [
            ("fetched", 2, 2), ("unchanged", 0, 0), ("failed", 0, 0), ("fetched", 1, 1), ("fetched", 0, 0)]
        assert [p.wait for p in polls] == [60, 60, 120, 60, 60]  # the failure doubled the wait once
        assert polls[3].failed == ["entry 2: no text (neither content nor summary)"]
        assert sorted(store.table("documents")["id"]) == ["navy-1", "navy-2", "navy-3"]
        assert store.counts()["documents"] == 3
    # The conditional headers went back with the next request; the first request had none.
    assert "if-none-match" not in script.requests[0]
    assert script.requests[1]["if-none-match"] == '"v1"'
    assert script.requests[1]["if-modified-since"] == "Tue, 02 Apr 2024 09:00:00 GMT"
    assert script.requests[4]["if-none-match"] == '"v2"'
    assert len(lines) == 5 and all(url in line for line in lines)
    assert "HTTP 200, 2 items, 2 new, 2 stored; next poll in 1m" in lines[0]
    assert "304 not modified; next poll in 1m" in lines[1]
    assert "failed (HTTP 500 Internal Server Error); next try in 2m" in lines[2]
    assert "HTTP 200, 4 items, 1 new, 1 stored, 1 unreadable (entry 2: no text" in lines[3]


def test_back_off_doubles_up_to_its_cap_and_resets(feed_server, tmp_path):
    url, script = feed_server
    script.answers = [(503, b"busy", None)] * 7 + [(200, feed(entry("navy-1")), None)]
    clock = Clock()
    with open_store(tmp_path / "kb.db") as store:
        watcher = Watcher(store, [url], every=10, log=lambda _: None, clock=clock)
        waits = []
        for _ in range(8):
            (poll,) = watcher.poll_due()
            waits.append(poll.wait)
            clock.now += poll.wait
    assert waits == [20, 40, 80, 160, 10 * MAX_BACKOFF, 10 * MAX_BACKOFF, 10 * MAX_BACKOFF, 10]


def test_once_from_cron_keeps_state_between_runs(feed_server, tmp_path, new_db: Callable[..., str]):
    url, script = feed_server
    script.answers = [(200, feed(entry("navy-1")), '"a"'), (304, b"", None),
                      (200, feed(entry("navy-1"), entry("navy-2")), '"b"')]
    db, state = new_db(), str(tmp_path / "watch.json")
    runs = [CliRunner().invoke(app, ["watch", url, "--db", db, "--once", "--state", state]) for _ in range(3)]
    assert [r.exit_code for r in runs] == [0, 0, 0], [r.output for r in runs]
    assert "1 new, 1 stored" in runs[0].stderr and "304 not modified" in runs[1].stderr
    assert "2 items, 1 new, 1 stored" in runs[2].stderr
    assert script.requests[1]["if-none-match"] == '"a"' and script.requests[2]["if-none-match"] == '"a"'
    with open_store(db) as store:
        assert store.counts()["documents"] == 2


def test_once_exits_2_when_a_source_fails(tmp_path):
    missing = tmp_path / "nowhere.xml"
    ran = CliRunner().invoke(app, ["watch", str(missing), "--db", str(tmp_path / "kb.db"), "--once"])
    assert ran.exit_code == 2
    assert ran.stderr.count("\n") == 1 and f"{missing}: failed (" in ran.stderr


def test_a_file_is_read_again_only_when_it_changed(tmp_path):
    path = tmp_path / "wire.xml"
    path.write_bytes(feed(entry("navy-1")))
    clock = Clock()
    with open_store(tmp_path / "kb.db") as store:
        watcher = Watcher(store, [str(path)], every=5, log=lambda _: None, clock=clock)
        first = watcher.poll_due()[0]
        clock.now += 5
        second = watcher.poll_due()[0]
        path.write_bytes(feed(entry("navy-1"), entry("navy-3")))
        clock.now += 5
        third = watcher.poll_due()[0]
        assert [(p.status, p.new) for p in (first, second, third)] == [
            ("fetched", 1), ("unchanged", 0), ("fetched", 1)]
        assert store.counts()["documents"] == 2


def test_ctrl_c_stops_the_watch_cleanly(feed_server, tmp_path):
    url, script = feed_server
    script.answers = [(200, feed(entry("navy-2")), '"x"')]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, "-m", "jalin", "watch", url, "--every", "1s", "--db",
                                str(tmp_path / "kb.db")], env=env, stderr=subprocess.PIPE, text=True)
    try:
        first = process.stderr.readline()
        assert "1 new, 1 stored" in first
        second = process.stderr.readline()  # one second later: 304-less server, same ETag -> nothing new
        assert "0 new" in second
        process.send_signal(signal.SIGINT)
        rest = process.stderr.read()
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert rest.strip().splitlines()[-1] == "stopped" and "Traceback" not in rest


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("1h30m", 5400), ("2d", 172800),
                                               ("90", 90), (" 1 h ", 3600)])
def test_periods(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "15x", "0s", "1m30", "-5m"])
def test_bad_periods(text):
    with pytest.raises(ValueError, match="period"):
        parse_every(text)
    assert CliRunner().invoke(app, ["watch", "x.xml", "--every", text or " "]).exit_code == 2


def test_period_formatting():
    assert [format_seconds(s) for s in (45, 900, 5400, 3600)] == ["45s", "15m", "1h30m", "1h"]
