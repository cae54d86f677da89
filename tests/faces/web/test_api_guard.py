"""The server holds against hostile and careless clients: Host allow-list, security headers, the
token checked and the body size limited before the body is read, ids and dates kept to their range,
lone surrogates, an analysis past its budget or whose client left stopped, every error status in
the OpenAPI spec, and `jalin serve` ending within seconds on SIGTERM."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import jalin.pipeline
from helpers import ROOT
from jalin.web.guard import MAX_BODY_BYTES, host_name
from pathological import berkata_run
from web_server import TOKEN, Running, build_store, free_port, hand_made, serve

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = "PUTRAJAYA -- Menteri Pertahanan Brunei berkata kedua-dua negara akan mengadakan latihan bersama."


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    db = build_store(tmp_path_factory.mktemp("guard") / "kb.db", hand_made())
    with serve(db) as running:
        yield running


@pytest.fixture(scope="module")
def client(server: Running) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def _raw(server: Running, request: bytes, wait: float = 5.0) -> bytes:
    """Send raw bytes, return what the server answers within `wait` seconds."""
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(request)
        return sock.recv(65536)


def test_host_names_are_read_without_their_port() -> None:
    assert host_name("127.0.0.1:8000") == "127.0.0.1"
    assert host_name("[::1]:8080") == "::1"
    assert host_name("LocalHost") == "localhost"
    assert host_name("::1") == "::1"


def test_a_host_outside_the_allow_list_is_refused(client: httpx.Client) -> None:
    assert client.get("/api/health", headers={"Host": "attacker.example:8000"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost"}).status_code == 200
    assert client.get("/api/health").status_code == 200


def test_pages_and_answers_carry_the_security_headers(client: httpx.Client) -> None:
    for path in ("/", "/api/health", "/no-such-page"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src 'self';" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" in client.get("/docs").headers["content-security-policy"].split("script-src")[1]


def test_a_write_without_the_token_is_refused_before_its_body(server: Running) -> None:
    head = (b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 300000000\r\n\r\n{\"text\": \"")
    started = time.monotonic()
    answer = _raw(server, head)
    assert answer.startswith(b"HTTP/1.1 401") and time.monotonic() - started < 5
    wrong = head.replace(b"Host: 127.0.0.1\r\n", b"Host: 127.0.0.1\r\nAuthorization: Bearer nope\r\n")
    assert _raw(server, wrong).startswith(b"HTTP/1.1 401")


def test_a_body_over_the_limit_is_refused_by_its_length_or_as_it_streams(server: Running,
                                                                         client: httpx.Client) -> None:
    head = (b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN.encode()
            + b"\r\nContent-Type: application/json\r\nContent-Length: " + str(MAX_BODY_BYTES + 1).encode()
            + b"\r\n\r\n{")
    assert _raw(server, head).startswith(b"HTTP/1.1 413")

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 1_000_000 + 2):
            yield b"a" * 1_000_000
        yield b'"}'

    json_type = {**AUTH, "Content-Type": "application/json"}
    answer = client.post("/api/documents", content=chunks(), headers=json_type)
    assert answer.status_code == 413


def test_ids_beyond_sqlites_integers_are_422_not_500(client: httpx.Client) -> None:
    for path in ("/api/actors/9223372036854775808", "/api/agreements/-9223372036854775809",
                 "/actors/99999999999999999999", "/agreements/9223372036854775808"):
        assert client.get(path).status_code == 422, path
    assert client.get("/api/actors/9223372036854775807").status_code == 404


def test_publication_dates_outside_the_calendar_range_are_422(client: httpx.Client) -> None:
    for published in ("9999-12-31", "0001-01-01"):
        answer = client.post("/api/documents", json={"text": TEXT, "published": published}, headers=AUTH)
        assert answer.status_code == 422, answer.text


def test_a_lone_surrogate_in_the_body_is_one_clean_422(client: httpx.Client) -> None:
    body = '{"text": "HANOI -- Menteri itu berkata \\ud800 latihan bersama akan diteruskan."}'
    answer = client.post("/api/documents", content=body.encode(),
                         headers={**AUTH, "Content-Type": "application/json"})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"][0] == "body"


def test_every_error_status_is_in_the_openapi_spec(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"400", "401", "403", "413", "422"} <= set(paths["/api/documents"]["post"]["responses"])
    assert {"400", "404", "422"} <= set(paths["/api/actors/{actor_id}"]["get"]["responses"])
    assert {"400", "422"} <= set(paths["/api/search"]["get"]["responses"])


def test_an_analysis_past_its_budget_is_one_422(tmp_path: Path, monkeypatch) -> None:
    def slow(text: str, **kwargs: object) -> None:  # the forked analysis process runs this
        time.sleep(60)

    monkeypatch.setattr(jalin.pipeline, "analyze", slow)
    db = build_store(tmp_path / "kb.db", [])
    with serve(db, analysis_seconds=0.5) as running:
        answer = httpx.post(f"{running.url}/api/documents", json={"text": TEXT}, headers=AUTH, timeout=30)
    assert answer.status_code == 422 and "budget" in answer.json()["detail"]


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_analysis_stops_when_the_client_disconnects(tmp_path: Path, monkeypatch) -> None:
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to see the analysis process")
    marker = tmp_path / "analysing.pid"

    def slow(text: str, **kwargs: object) -> None:  # the forked analysis process runs this
        partial = marker.with_suffix(".part")
        partial.write_text(str(os.getpid()))
        partial.replace(marker)  # whole or absent: the test may read it the moment it appears
        time.sleep(60)

    monkeypatch.setattr(jalin.pipeline, "analyze", slow)
    db = build_store(tmp_path / "kb.db", [])
    with serve(db, analysis_seconds=120) as running:
        port = int(running.url.rsplit(":", 1)[1])
        body = json.dumps({"text": TEXT}).encode()
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                         + TOKEN.encode() + b"\r\nContent-Type: application/json\r\nContent-Length: "
                         + str(len(body)).encode() + b"\r\n\r\n" + body)
            deadline = time.monotonic() + 20
            while not marker.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            sock.shutdown(socket.SHUT_RDWR)  # the client gives up and leaves
        pid = int(marker.read_text())
        deadline = time.monotonic() + 10
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(pid), "the analysis went on after its client left"


def test_serve_stops_within_seconds_on_sigterm_during_an_analysis(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "JALIN_TOKEN": TOKEN}
    process = subprocess.Popen([sys.executable, "-m", "jalin", "serve", "--db", str(tmp_path / "kb.db"),
                                "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)

        def post() -> None:
            with contextlib.suppress(httpx.TransportError):  # the server goes away, as it was told to
                httpx.post(f"{url}/api/documents", json={"text": berkata_run(1_900_000)}, headers=AUTH,
                           timeout=60)

        threading.Thread(target=post, daemon=True).start()
        time.sleep(1.5)
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)
        assert time.monotonic() - started < 8
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
