"""The JSON API against a real uvicorn server on loopback, over hand-made analyses (exact values)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from helpers import ROOT
from store_fixtures import APPROVED_TEXT, PENDING_TEXT, pending
from web_server import TOKEN, Running, build_store, free_port, hand_made, serve


@pytest.fixture(scope="module")
def server(module_db: Callable[..., str]) -> Iterator[Running]:
    db = build_store(module_db("api"), hand_made())
    with serve(db) as running:
        yield running


@pytest.fixture(scope="module")
def client(server: Running) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, trust_env=False, timeout=30) as c:
        yield c


def items(response: httpx.Response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_health_counts_the_store(client: httpx.Client) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["documents"] == 3
    assert body["counts"]["agreement_entities"] == 1
    assert body["counts"]["events"] == 3


def test_documents_newest_first_with_pagination_and_filters(client: httpx.Client) -> None:
    assert [d["id"] for d in items(client.get("/api/documents"))] == ["protest-1", "follow-up", "seed-like"]
    page = client.get("/api/documents", params={"limit": 1, "offset": 1}).json()
    assert (page["total"], page["limit"], page["offset"]) == (3, 1, 1)
    assert [d["id"] for d in page["items"]] == ["follow-up"]
    ranged = client.get("/api/documents", params={"date_from": "2025-10-01", "date_to": "2025-10-31"})
    assert [d["id"] for d in items(ranged)] == ["follow-up"]
    assert items(client.get("/api/documents", params={"source": "bernama"}))[0]["source"] == "Bernama"


def test_document_with_its_analysis(client: httpx.Client) -> None:
    body = client.get("/api/documents/seed-like").json()
    assert body["text"] == PENDING_TEXT
    assert body["agreements"][0]["status"] == "pending_approval"
    assert body["duplicate_of"] is None
    assert client.get("/api/documents/no-such-id").status_code == 404


def test_agreement_history_and_current_status(client: httpx.Client) -> None:
    (found,) = items(client.get("/api/agreements", params={"country": "kor"}))
    assert (found["type"], found["status"]) == ("g2g_procurement", "approved")
    assert found["parties"] == ["KOR", "MYS"]
    assert [(h["date"], h["status"], h["document"]) for h in found["history"]] == [
        ("2025-09-22", "pending_approval", "seed-like"), ("2025-10-22", "approved", "follow-up")]
    assert found["overdue"] == []
    one = client.get(f"/api/agreements/{found['id']}").json()
    assert one["history"] == found["history"]
    assert client.get("/api/agreements/999").status_code == 404
    assert items(client.get("/api/agreements", params={"status": "signed"})) == []
    before = client.get(f"/api/agreements/{found['id']}", params={"as_of": "2025-10-01"}).json()
    assert before["status"] == "pending_approval"


def test_actors_and_an_actor_with_roles_and_statements(client: httpx.Client) -> None:
    (person,) = items(client.get("/api/actors", params={"country": "MYS", "type": "PERSON"}))
    assert person["name"] == "Ahmad Faizal Rahman"
    actor = client.get(f"/api/actors/{person['id']}").json()
    assert [r["en"] for r in actor["roles"]] == ["Minister of Defence"]
    assert [s["document"] for s in actor["statements"]] == ["seed-like", "follow-up"]
    assert actor["statements"][1]["text"] == APPROVED_TEXT[:40]
    assert client.get("/api/actors/0").status_code == 404


def test_events_by_country_pair_type_and_dates(client: httpx.Client) -> None:
    pair = items(client.get("/api/events", params={"a": "KOR", "b": "MYS"}))
    assert [(e["document"], e["type"]) for e in pair] == [("follow-up", "AGREE"), ("seed-like", "AGREE")]
    (protest,) = items(client.get("/api/events", params={"type": "PROTEST"}))
    assert (protest["source_countries"], protest["target_countries"]) == (["PHL"], ["CHN"])
    assert (protest["modes"], protest["context"]) == ([], ["diplomatic", "maritime"])
    assert items(client.get("/api/events", params={"a": "CHN", "b": "MYS"})) == []
    late = items(client.get("/api/events", params={"date_from": "2025-11-01"}))
    assert [e["document"] for e in late] == ["protest-1"]


def test_timeline_of_a_country_pair(client: httpx.Client) -> None:
    rows = client.get("/api/timeline", params={"a": "MYS", "b": "KOR"}).json()
    assert rows == [{"period": "2025-09", "type": "AGREE", "events": 1},
                    {"period": "2025-10", "type": "AGREE", "events": 1}]


def test_full_text_search(client: httpx.Client) -> None:
    hits = items(client.get("/api/search", params={"q": "Cabinet approval"}))
    assert [h["id"] for h in hits] == ["seed-like"]
    assert items(client.get("/api/search", params={"q": "\"unbalanced OR ("})) == []


@pytest.mark.parametrize("path, params", [
    ("/api/documents", {"limit": 0}), ("/api/documents", {"offset": -1}), ("/api/events", {"a": "MY1"}),
    ("/api/agreements", {"status": "finished"}), ("/api/search", {"q": ""}), ("/api/timeline", {"a": "MYS"}),
])
def test_bad_parameters_are_422(client: httpx.Client, path: str, params: dict) -> None:
    assert client.get(path, params=params).status_code == 422


def test_api_docs_work_offline(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/static/swagger/swagger-ui-bundle.js" in page.text and "cdn" not in page.text.lower()
    bundle = client.get("/static/swagger/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.content) > 100_000
    spec = client.get("/openapi.json").json()
    assert {"/api/documents", "/api/agreements/{agreement_id}", "/api/timeline"} <= set(spec["paths"])


# ---------------------------------------------------------------------- writes

ENGLISH = ("KUALA LUMPUR, March 3 (Bernama) -- Malaysia and Indonesia signed a memorandum of understanding "
           "on maritime security cooperation in Putrajaya today, the Foreign Ministry said.")
MALAY = ("PUTRAJAYA, 3 Mac (Bernama) -- Malaysia dan Indonesia hari ini menandatangani memorandum "
         "persefahaman mengenai kerjasama keselamatan maritim, kata Kementerian Luar Negeri.")


@pytest.fixture()
def writable(new_db: Callable[..., str]) -> Iterator[httpx.Client]:
    db = build_store(new_db("w"), [pending()])
    with serve(db, token=TOKEN) as running, httpx.Client(base_url=running.url, trust_env=False,
                                                         timeout=30) as c:
        yield c


def test_writes_need_the_right_token(writable: httpx.Client) -> None:
    body = {"text": ENGLISH, "id": "mou-en"}
    assert writable.post("/api/documents", json=body).status_code == 401
    wrong = writable.post("/api/documents", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert writable.post("/api/documents", json=body, headers={"Authorization": TOKEN}).status_code == 401
    assert writable.get("/api/health").json()["counts"]["documents"] == 1


def test_a_write_analyses_stores_and_is_idempotent(writable: httpx.Client) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for doc_id, text in (("mou-en", ENGLISH), ("mou-ms", MALAY)):
        stored = writable.post("/api/documents", json={"text": text, "id": doc_id, "published": "2026-03-03"},
                               headers=auth)
        assert stored.status_code == 201, stored.text
        assert stored.json() == {"id": doc_id, "added": 1, "skipped": 0, "replaced": 0, "duplicates": 0}
    again = writable.post("/api/documents", json={"text": MALAY, "id": "mou-ms"}, headers=auth)
    assert (again.status_code, again.json()["skipped"]) == (200, 1)
    document = writable.get("/api/documents/mou-ms").json()
    assert (document["document"]["language"], document["document"]["published"]) == ("ms", "2026-03-03")
    assert writable.get("/api/health").json()["counts"]["documents"] == 3
    assert writable.post("/api/documents", json={"text": ""}, headers=auth).status_code == 422


def test_overdue_milestone_as_of_a_date(writable: httpx.Client) -> None:
    (late,) = items(writable.get("/api/agreements", params={"overdue": True, "as_of": "2025-11-15"}))
    assert [(m["kind"], m["due"]) for m in late["overdue"]] == [("cabinet_approval", "2025-10-31")]
    assert items(writable.get("/api/agreements", params={"overdue": True, "as_of": "2025-10-15"})) == []


def test_writes_disabled_without_a_server_token(new_db: Callable[..., str]) -> None:
    db = build_store(new_db("ro"), [pending()])
    with serve(db, token=None) as running, httpx.Client(base_url=running.url, trust_env=False) as c:
        for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
            refused = c.post("/api/documents", json={"text": ENGLISH}, headers=headers)
            assert refused.status_code == 403
            assert "disabled" in refused.json()["detail"]
        assert c.get("/api/health").json()["counts"]["documents"] == 1


def test_document_ids_with_slashes(new_db: Callable[..., str]) -> None:
    analysis = pending()
    analysis.document.id = "https://example.org/news/2025/09/22/g2g"
    with serve(build_store(new_db("s"), [analysis])) as running, \
            httpx.Client(base_url=running.url, trust_env=False) as c:
        body = c.get("/api/documents/https%3A%2F%2Fexample.org%2Fnews%2F2025%2F09%2F22%2Fg2g").json()
        assert body["document"]["id"] == analysis.document.id
        page = c.get("/documents/https%3A%2F%2Fexample.org%2Fnews%2F2025%2F09%2F22%2Fg2g")
        assert page.status_code == 200 and "G2G procurement agreement" in page.text


def test_jalin_serve_binds_loopback_and_prints_its_url(new_db: Callable[..., str]) -> None:
    db = build_store(new_db("cli"), [pending()])
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
           "JALIN_TOKEN": ""}
    process = subprocess.Popen([sys.executable, "-m", "jalin", "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        line = process.stdout.readline()
        assert line.startswith(f"Jalin dashboard: http://127.0.0.1:{port}/"), line
        assert "writes disabled" in line
        with httpx.Client(trust_env=False) as c:
            for _ in range(200):
                try:
                    health = c.get(f"http://127.0.0.1:{port}/api/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.05)
            assert health.json()["counts"]["documents"] == 1
        with socket.socket() as probe:   # nothing listens on the other interfaces
            probe.settimeout(1)
            other = socket.gethostbyname(socket.gethostname())
            if not other.startswith("127."):
                assert probe.connect_ex((other, port)) != 0
    finally:
        process.terminate()
        process.wait(10)
