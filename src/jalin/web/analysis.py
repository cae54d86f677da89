"""The server's analyses, each in a child process it can end: a document past its time budget, or
whose client has gone, stops at once instead of holding a worker (and the server's shutdown).

    payload = await analyse_in_child(request, {"text": ..., "published": ...}, seconds=60)

The child is forked from the server, so it starts with the matchers the server warmed up; it sends
back the analysis as JSON (orjson, as ingest does) and exits.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from multiprocessing.connection import Connection
from typing import Any

from starlette.requests import Request

POLL_SECONDS = 0.01


class AnalysisStopped(Exception):
    """The analysis did not finish: `reason` says why (time budget, client gone, child failed)."""

    def __init__(self, reason: str, timed_out: bool = False) -> None:
        super().__init__(reason)
        self.timed_out = timed_out


def _child(conn: Connection, fields: dict[str, Any]) -> None:
    try:
        from jalin.pipeline import analyze
        from jalin.store.rows import analysis_json

        result = analyze(fields.pop("text"), **fields)
        conn.send_bytes(b"ok" + analysis_json(result))
    except BaseException as exc:  # the parent reports it; the child never raises past here
        conn.send_bytes(b"no" + f"{type(exc).__name__}: {exc}".encode("utf-8", "replace"))
    finally:
        conn.close()
        os._exit(0)


async def analyse_in_child(request: Request | None, fields: dict[str, Any], seconds: float) -> bytes:
    """The analysis JSON of `fields` (analyze()'s arguments); raises AnalysisStopped when it takes
    longer than `seconds`, when the client disconnects, or when the analysis fails."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, fields), daemon=True)
    child.start()
    sender.close()
    deadline = time.monotonic() + seconds
    try:
        while not receiver.poll():
            if not child.is_alive() and not receiver.poll():
                raise AnalysisStopped("the analysis process ended without an answer")
            if time.monotonic() > deadline:
                raise AnalysisStopped(f"analysis took longer than the {seconds:g} s budget", timed_out=True)
            if request is not None and await request.is_disconnected():
                raise AnalysisStopped("the client disconnected")
            await asyncio.sleep(POLL_SECONDS)
        try:
            answer = receiver.recv_bytes()
        except EOFError:
            raise AnalysisStopped("the analysis process ended without an answer") from None
    finally:  # an answer, a refusal or a cancelled request (shutdown): the child goes now
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(timeout=5)
    if answer[:2] != b"ok":
        raise AnalysisStopped(f"analysis failed ({answer[2:].decode('utf-8', 'replace')})")
    return answer[2:]
