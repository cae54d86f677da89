"""A real uvicorn server on loopback over a small store, for the API, page and browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from helpers import ROOT
from jalin.model import SCHEMA_ID, Actor, Analysis, DocumentInfo, Event, Span, TextSpan
from jalin.pipeline import analyze
from jalin.read import InputError, read_path
from jalin.store import open_store
from jalin.web.app import create_app
from store_fixtures import approved, minister, pending

EXAMPLES = ROOT / "examples"
TOKEN = "test-token-7f3a"


@dataclass(slots=True)
class Running:
    url: str
    db: str | Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def analyse_paths(*paths: Path) -> list[Analysis]:
    """The documents under `paths`, read and analysed by the real pipeline."""
    out = []
    for path in paths:
        for raw in read_path(str(path)):
            assert not isinstance(raw, InputError), raw
            out.append(analyze(raw.text, published=raw.published, id=raw.id, title=raw.title, url=raw.url,
                               source=raw.source, metadata=raw.metadata))
    return out


PROTEST_TEXT = ("MANILA, Nov 3 -- The Philippines lodged a diplomatic protest against China over the "
                "latest incident near Second Thomas Shoal, the foreign ministry said on Monday.")


def protest() -> Analysis:
    """A hand-made conflictual report: the Philippines protests to China (one PROTEST event)."""
    actors = [Actor("a1", "COUNTRY", "Philippines", "Philippines", "PHL", None, [], [],
                    [TextSpan(21, 32, "Philippines")]),
              Actor("a2", "COUNTRY", "China", "China", "CHN", None, [], [], [TextSpan(69, 74, "China")])]
    return Analysis(
        schema=SCHEMA_ID, document=DocumentInfo("protest-1", None, "2025-11-03", "MANILA", "en"),
        text=PROTEST_TEXT, sentences=[Span(0, len(PROTEST_TEXT))], actors=actors,
        events=[Event("e1", "PROTEST", "111", ["a1"], ["a2"], "asserted", [], ["diplomatic", "maritime"],
                      None, TextSpan(33, 60, "lodged a diplomatic protest"), 0)],
        topics=["diplomatic", "maritime"])


def hand_made() -> list[Analysis]:
    """Two reports of one G2G agreement (pending approval, then approved) by a minister, and a protest."""
    person = minister("a3", "Ahmad Faizal Rahman", ["Datuk"])
    return [pending(person), approved(person), protest()]


def build_store(db: str | Path, analyses: list[Analysis]) -> str | Path:
    """A store at `db` (a SQLite file or a PostgreSQL URL) holding `analyses`."""
    with open_store(db) as store:
        store.add_analyses(analyses)
    return db


@contextmanager
def serve(db: str | Path, token: str | None = TOKEN, **options: Any) -> Iterator[Running]:
    """`create_app` over the store at `db` (`options` passed to it), served by uvicorn in a thread on a
    free loopback port."""
    port = free_port()
    config = uvicorn.Config(create_app(db, token=token, **options), host="127.0.0.1", port=port,
                            log_level="warning",
                            lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield Running(f"http://127.0.0.1:{port}", db)
    finally:
        server.should_exit = True
        thread.join(10)
