"""A bounded loopback load test of `jalin serve`: the server runs as its own process on 127.0.0.1
over a store of the corpus's first documents; concurrent clients read the home page and the JSON
routes for a fixed time (and at most a fixed number of requests) while one document is written
every 0.5 s. Prints requests/s, p50 and p99 latency and errors per group.
Targets: home page ≥ 300 req/s, JSON routes ≥ 500 req/s, p99 < 300 ms, 0 errors.
`python benchmarks/load.py [--seconds 10] [--clients 16] [--documents 300]`. Only 127.0.0.1 is used.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import ROOT, Skip, bulk_documents, save

TOKEN = "load-test-token"
JSON_ROUTES = ("/api/health", "/api/documents?limit=20", "/api/actors?limit=20", "/api/agreements?limit=20",
               "/api/events?limit=20", "/api/search?q=pertahanan", "/api/timeline?a=MYS&b=IDN")
MAX_REQUESTS = 200_000  # per group: the loops stop at this count or at the time limit, whichever first


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _build_store(db: Path, count: int) -> None:
    from jalin.ingest import Ingest
    from jalin.store import open_store

    source = db.parent / "docs.jsonl"
    from common import write_jsonl

    write_jsonl(bulk_documents()[:count], source)
    with open_store(db) as store:
        Ingest(store, jobs=1, on_failure=lambda line: None).run([str(source)])


def _cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a process so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


async def _reader(client: Any, paths: tuple[str, ...], stop: float, out: dict[str, Any]) -> None:
    i = 0
    while time.monotonic() < stop and out["count"] < MAX_REQUESTS:
        started = time.perf_counter()
        try:
            response = await client.get(paths[i % len(paths)])
            ok = response.status_code == 200
        except Exception:
            ok = False
        out["latencies"].append(time.perf_counter() - started)
        out["count"] += 1
        out["errors"] += 0 if ok else 1
        i += 1


async def _writer(client: Any, stop: float, out: dict[str, Any]) -> None:
    n = 0
    while time.monotonic() < stop:
        body = {"text": f"HANOI -- Menteri Pertahanan Vietnam berkata kedua-dua negara akan mengadakan "
                        f"{n + 2} latihan bersama tahun depan, kata kenyataan nombor {time.time_ns()}."}
        started = time.perf_counter()
        try:
            response = await client.post("/api/documents", json=body,
                                         headers={"Authorization": f"Bearer {TOKEN}"})
            ok = response.status_code in (200, 201)
        except Exception:
            ok = False
        out["latencies"].append(time.perf_counter() - started)
        out["count"] += 1
        out["errors"] += 0 if ok else 1
        n += 1
        await asyncio.sleep(max(0.0, 0.5 - (time.perf_counter() - started)))


async def _group(url: str, paths: tuple[str, ...], clients: int, seconds: float, pid: int) -> dict[str, Any]:
    import httpx

    reads: dict[str, Any] = {"count": 0, "errors": 0, "latencies": []}
    writes: dict[str, Any] = {"count": 0, "errors": 0, "latencies": []}
    limits = httpx.Limits(max_connections=clients + 2, max_keepalive_connections=clients + 2)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        for path in paths:  # warm: the first answer of a route builds its caches
            await client.get(path)
        started, cpu = time.monotonic(), _cpu_seconds(pid)
        stop = started + seconds
        await asyncio.gather(_writer(client, stop, writes),
                             *(_reader(client, paths, stop, reads) for _ in range(clients)))
        elapsed, cpu = time.monotonic() - started, _cpu_seconds(pid) - cpu
    # The server's CPU per request (writes included): 1000 / it is the rate one free core would hold,
    # a figure that does not depend on what else the machine runs.
    served = reads["count"] + writes["count"]
    return {"requests": reads["count"], "rate": reads["count"] / elapsed, "errors": reads["errors"],
            "server_cpu_ms": 1000 * cpu / served if served else 0.0,
            "p50_ms": 1000 * _percentile(reads["latencies"], 0.50),
            "p99_ms": 1000 * _percentile(reads["latencies"], 0.99),
            "writes": writes["count"], "write_errors": writes["errors"],
            "write_p99_ms": 1000 * _percentile(writes["latencies"], 0.99)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0, help="per group (at most 60)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--documents", type=int, default=300)
    args = parser.parse_args()
    seconds = min(args.seconds, 60.0)
    try:
        folder = Path(tempfile.mkdtemp(prefix="jalin-load-"))
        db = folder / "kb.db"
        _build_store(db, args.documents)
    except Skip as exc:
        print(exc)
        return
    port = _free_port()
    env = {**os.environ, "JALIN_TOKEN": TOKEN, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen([sys.executable, "-m", "jalin", "serve", "--db", str(db), "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        import httpx

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        results = {"home": asyncio.run(_group(url, ("/",), args.clients, seconds, server.pid)),
                   "json": asyncio.run(_group(url, JSON_ROUTES, args.clients, seconds, server.pid))}
    finally:
        server.terminate()
        server.wait(timeout=30)
    for name, r in results.items():
        print(f"{name:5} {r['rate']:7.0f} req/s  p50 {r['p50_ms']:6.1f} ms  p99 {r['p99_ms']:6.1f} ms  "
              f"errors {r['errors']}/{r['requests']}  writes {r['writes']} (errors {r['write_errors']}, "
              f"p99 {r['write_p99_ms']:.0f} ms)  server CPU {r['server_cpu_ms']:.2f} ms/request "
              f"(one free core: {1000 / max(r['server_cpu_ms'], 1e-9):.0f} req/s)")
    save("load", {"clients": args.clients, "seconds": seconds, "documents": args.documents, **results})


if __name__ == "__main__":
    main()
