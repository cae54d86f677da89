"""URL reader against a real HTTP server on 127.0.0.1 (loopback only): each content type to its
reader, redirects, HTTP errors, refused connections, timeouts and bodies over the size limit."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpers import ROOT, assert_valid
from jalin.read import InputError, RawDocument, read_path, read_paths
from jalin.read import urls as read_urls
from jalin.read.urls import reader_suffix

MALAY = ("PUTRAJAYA: Malaysia dan Jepun bersetuju memperkukuh kerjasama keselamatan maritim, termasuk "
         "latihan bersama pengawal pantai dan perkongsian maklumat, kata Menteri Luar hari ini.")
MALAY_2 = ("Beliau berkata kedua-dua negara akan menubuhkan jawatankuasa kerja bersama yang akan "
           "bermesyuarat buat kali pertama pada bulan depan di Tokyo.")
ENGLISH = ("HANOI, May 6 -- Vietnam and Australia signed a memorandum on peacekeeping training on Tuesday, "
           "the defence ministry said.")

PAGE = f"""<!doctype html><html><head><title>Malaysia dan Jepun perkukuh kerjasama maritim</title>
<meta property="article:published_time" content="2025-03-04T09:30:00+08:00"/></head>
<body><nav><a href="/other.html">Utama</a> | Sukan</nav><article>
<h1>Malaysia dan Jepun perkukuh kerjasama maritim</h1><img src="/photo.jpg">
<p>{MALAY}</p>
<p>{MALAY_2}</p></article><footer>Hak cipta terpelihara</footer></body></html>
"""

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Loopback Wire</title>
<item><title>Training memorandum</title><guid>lw-1</guid><link>http://127.0.0.1:9/never-fetched</link>
<pubDate>Tue, 06 May 2025 15:00:00 +0700</pubDate><description>{ENGLISH}</description></item>
<item><title>Kerjasama maritim</title><guid>lw-2</guid><description>{MALAY}</description></item>
</channel></rss>
"""

JSONL = "\n".join(json.dumps(row) for row in (
    {"id": "j1", "published": "2025-05-06", "text": ENGLISH},
    {"id": "j2", "text": MALAY, "desk": "nasional"},
)) + "\n{broken\n"

# path -> (status, headers, body)
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/news/page.html": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode()),
    "/feed": (200, {"Content-Type": "application/rss+xml"}, RSS.encode()),
    "/feed.xml": (200, {"Content-Type": "text/xml"}, RSS.encode()),
    "/articles": (200, {"Content-Type": "application/x-ndjson"}, JSONL.encode()),
    "/dump/articles.jsonl": (200, {"Content-Type": "application/octet-stream"}, JSONL.encode()),
    "/one.json": (200, {"Content-Type": "application/json"},
                  json.dumps({"id": "o1", "text": ENGLISH}).encode()),
    "/article.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, f"date 2025-03-04 {MALAY}".encode()),
    "/photo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
    "/moved": (302, {"Location": "/news/page.html"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/gone": (410, {"Content-Type": "text/html"}, b"<p>Gone</p>"),
    "/big": (200, {"Content-Type": "text/plain"}, b"x" * 5000),
}
SLOW_SECONDS = 2.0


class Handler(BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        if self.path == "/stream-big":  # no Content-Length: the body ends when the connection closes
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"y" * 1000)
            return
        status, headers, body = ROUTES.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, list[str]]]:
    """A real HTTP server on 127.0.0.1, a free port; yields (base URL, the paths requested)."""
    requests: list[str] = []
    handler = type("RecordingHandler", (Handler,), {"requests": requests})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loopback only: no proxy from the environment may stand between the test and its server."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


def _read(url: str) -> list[RawDocument | InputError]:
    return list(read_path(url))


def test_html_page_through_the_html_reader_and_nothing_else_fetched(server: tuple[str, list[str]]) -> None:
    base, requests = server
    requests.clear()
    url = f"{base}/news/page.html"
    (doc,) = _read(url)
    assert isinstance(doc, RawDocument)
    assert (doc.origin, doc.title, doc.published, doc.url) == (
        url, "Malaysia dan Jepun perkukuh kerjasama maritim", "2025-03-04", url)
    assert doc.text == f"{MALAY}\n{MALAY_2}"
    assert requests == ["/news/page.html"]  # not its links, not its image


def test_redirect_is_followed_and_the_final_url_kept(server: tuple[str, list[str]]) -> None:
    base, _ = server
    (doc,) = _read(f"{base}/moved")
    assert (doc.origin, doc.url) == (f"{base}/moved", f"{base}/news/page.html")
    (error,) = _read(f"{base}/loop")
    assert str(error) == f"{base}/loop: too many redirects (more than 5)"


def test_rss_by_content_type_and_by_extension(server: tuple[str, list[str]]) -> None:
    base, requests = server
    requests.clear()
    for path in ("/feed", "/feed.xml"):
        first, second = _read(base + path)
        assert (first.origin, first.id, first.title, first.published, first.url, first.text) == (
            f"{base}{path}: entry 1", "lw-1", "Training memorandum", "2025-05-06",
            "http://127.0.0.1:9/never-fetched", ENGLISH)
        assert (second.id, second.url, second.text, second.metadata) == (
            "lw-2", None, MALAY, {"feed_title": "Loopback Wire"})
    assert requests == ["/feed", "/feed.xml"]  # the entries' links are not fetched


def test_jsonl_by_content_type_and_by_extension(server: tuple[str, list[str]]) -> None:
    base, _ = server
    for path in ("/articles", "/dump/articles.jsonl"):
        url = base + path
        first, second, broken = _read(url)
        assert (first.origin, first.id, first.published, first.url, first.text) == (
            f"{url}:1", "j1", "2025-05-06", None, ENGLISH)
        assert (second.id, second.metadata) == ("j2", {"desk": "nasional"})
        assert str(broken) == (f"{url}: line 3: invalid JSON (Expecting property name enclosed in double "
                               "quotes at column 2)")


def test_json_and_plain_text(server: tuple[str, list[str]]) -> None:
    base, _ = server
    (record,) = _read(f"{base}/one.json")
    assert (record.id, record.text, record.url) == ("o1", ENGLISH, None)
    (text,) = _read(f"{base}/article.txt")
    assert (text.text, text.published, text.url) == (MALAY, "2025-03-04", f"{base}/article.txt")


def test_http_errors_and_unsupported_types_are_one_line_each(server: tuple[str, list[str]]) -> None:
    base, _ = server
    assert [str(e) for e in _read(f"{base}/missing")] == [f"{base}/missing: HTTP 404 Not Found"]
    assert [str(e) for e in _read(f"{base}/gone")] == [f"{base}/gone: HTTP 410 Gone"]
    assert [str(e) for e in _read(f"{base}/photo.png")] == [
        f"{base}/photo.png: unsupported content type image/png"]


def test_refused_connection(server: tuple[str, list[str]]) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago, now closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed"
    assert [str(e) for e in _read(url)] == [f"{url}: cannot connect (Connection refused)"]


def test_body_over_the_limit_is_refused(server: tuple[str, list[str]],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    base, _ = server
    monkeypatch.setattr(read_urls, "MAX_FETCH_BYTES", 4000)
    assert [str(e) for e in _read(f"{base}/big")] == [
        f"{base}/big: response too large (5,000 bytes; the limit is 4,000 bytes)"]
    assert [str(e) for e in _read(f"{base}/stream-big")] == [
        f"{base}/stream-big: response too large (the limit is 4,000 bytes)"]
    monkeypatch.setattr(read_urls, "MAX_FETCH_BYTES", 6000)
    (doc,) = _read(f"{base}/big")
    assert doc.text == "x" * 5000


def test_timeout(server: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    base, _ = server
    monkeypatch.setattr(read_urls, "TIMEOUT_SECONDS", 0.2)
    assert [str(e) for e in _read(f"{base}/slow")] == [f"{base}/slow: timed out (no answer within 0.2 s)"]


def test_urls_mix_with_files_in_input_order(server: tuple[str, list[str]], tmp_path: Path) -> None:
    base, _ = server
    local = tmp_path / "local.txt"
    local.write_text(ENGLISH, encoding="utf-8")
    origins = [item.origin for item in read_paths([f"{base}/one.json", str(local), f"{base}/missing"])]
    assert origins == [f"{base}/one.json", str(local), f"{base}/missing"]


@pytest.mark.parametrize(("content_type", "url", "head", "expected"), [
    ("text/html", "http://h/a.jsonl", b"{", ".html"),
    ("application/atom+xml", "http://h/x", b"<feed>", ".xml"),
    ("application/xml", "http://h/x", b'<?xml version="1.0"?><rss>', ".xml"),
    ("text/xml", "http://h/x", b"<html><body>", ".html"),
    ("application/json", "http://h/x.jsonl", b"{", ".jsonl"),
    ("application/json", "http://h/api/items", b"{", ".json"),
    ("application/octet-stream", "http://h/x", b"[{", ".json"),
    ("", "http://h/x?q=a.b", b"{", ".jsonl"),
    ("text/plain", "http://h/x.htm", b"<p>", ".htm"),
    ("text/markdown", "http://h/notes", b"# Heading", ".txt"),
    ("application/pdf", "http://h/x.txt", b"%PDF", None),
])
def test_reader_suffix(content_type: str, url: str, head: bytes, expected: str | None) -> None:
    assert reader_suffix(content_type, url, head) == expected


def test_cli_reads_a_feed_url(server: tuple[str, list[str]]) -> None:
    base, _ = server
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_PROXY": "127.0.0.1"}
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "-m", "jalin", "analyze", f"{base}/feed", f"{base}/missing"],
                            capture_output=True, env=env, timeout=120, check=False)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [f"{base}/missing: HTTP 404 Not Found"]
    analyses = [assert_valid(json.loads(line)) for line in result.stdout.decode().splitlines()]
    documents = [(a["document"]["id"], a["document"]["language"]) for a in analyses]
    assert documents == [("lw-1", "en"), ("lw-2", "ms")]
