"""A bounded loopback load test of `jalin serve`: the server runs as its own process on 127.0.0.1
over a store of the corpus's first documents; concurrent clients read the home page and the JSON
routes for a fixed time (and at most a fixed number of requests) while one document is written
every 0.5 s. Prints requests/s, p50 and p99 latency and errors per group, each figure with its target
and whether it was met, the machine's state (cores, load average before and after) and the CPU time
per request of the server and of the clients; exits 1 when a target is missed.
Targets: home page ≥ 300 req/s, JSON routes ≥ 500 req/s, p99 < 300 ms, 0 errors.

The readers speak plain HTTP/1.1 over keep-alive connections (`_Connection`, a few dozen lines on
asyncio streams) rather than through httpx, whose per-request CPU (about a millisecond) is several
times the server's: on a 2-core machine the clients would otherwise measure themselves. The writes
go through httpx (two a second).
`python benchmarks/load.py [--seconds 10] [--clients 16] [--documents 300]`. Only 127.0.0.1 is used.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import ROOT, Skip, bulk_documents, figure, save

TOKEN = "load-test-token"
JSON_ROUTES = ("/api/health", "/api/documents?limit=20", "/api/actors?limit=20", "/api/agreements?limit=20",
               "/api/events?limit=20", "/api/search?q=pertahanan", "/api/timeline?a=MYS&b=IDN")
TARGET_HOME, TARGET_JSON, TARGET_P99_MS = 300, 500, 300
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


class _Connection:
    """One keep-alive HTTP/1.1 connection to 127.0.0.1: GET a path, read the whole answer (by its
    Content-Length, or chunk by chunk), give its status; reconnects after an error."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        try:
            self.writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n".encode())
            head = await self.reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            fields = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
            if "content-length" in fields:
                await self.reader.readexactly(int(fields["content-length"]))
            elif fields.get("transfer-encoding") == "chunked":
                while size := int((await self.reader.readuntil(b"\r\n")).strip(), 16):
                    await self.reader.readexactly(size + 2)
                await self.reader.readuntil(b"\r\n")
            if fields.get("connection") == "close":
                await self.close()
            return status
        except Exception:
            await self.close()
            raise

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def _reader(port: int, paths: tuple[str, ...], stop: float, out: dict[str, Any]) -> None:
    connection = _Connection(port)
    i = 0
    while time.monotonic() < stop and out["count"] < MAX_REQUESTS:
        started = time.perf_counter()
        try:
            ok = await connection.get(paths[i % len(paths)]) == 200
        except Exception:
            ok = False
        out["latencies"].append(time.perf_counter() - started)
        out["count"] += 1
        out["errors"] += 0 if ok else 1
        i += 1
    await connection.close()


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
    port = int(url.rsplit(":", 1)[1])
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        for path in paths:  # warm: the first answer of a route builds its caches
            await client.get(path)
        started, cpu, own = time.monotonic(), _cpu_seconds(pid), time.process_time()
        stop = started + seconds
        await asyncio.gather(_writer(client, stop, writes),
                             *(_reader(port, paths, stop, reads) for _ in range(clients)))
        elapsed, cpu = time.monotonic() - started, _cpu_seconds(pid) - cpu
        own = time.process_time() - own
    # The server's CPU per request (writes included): 1000 / it is the rate one free core would hold,
    # a figure that does not depend on what else the machine runs.
    served = reads["count"] + writes["count"]
    return {"requests": reads["count"], "rate": reads["count"] / elapsed, "errors": reads["errors"],
            "server_cpu_ms": 1000 * cpu / served if served else 0.0,
            "client_cpu_ms": 1000 * own / served if served else 0.0,
            "p50_ms": 1000 * _percentile(reads["latencies"], 0.50),
            "p99_ms": 1000 * _percentile(reads["latencies"], 0.99),
            "writes": writes["count"], "write_errors": writes["errors"],
            "write_p99_ms": 1000 * _percentile(writes["latencies"], 0.99)}


def main() -> int:
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
        shutil.rmtree(folder, ignore_errors=True)
        return 0
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
        before = os.getloadavg()
        results = {"home": asyncio.run(_group(url, ("/",), args.clients, seconds, server.pid)),
                   "json": asyncio.run(_group(url, JSON_ROUTES, args.clients, seconds, server.pid))}
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    after = os.getloadavg()
    figures = _figures(results)
    for name, r in results.items():
        print(f"{name:5} {r['rate']:7.0f} req/s  p50 {r['p50_ms']:6.1f} ms  p99 {r['p99_ms']:6.1f} ms  "
              f"errors {r['errors']}/{r['requests']}  writes {r['writes']} (errors {r['write_errors']}, "
              f"p99 {r['write_p99_ms']:.0f} ms)  CPU per request: server {r['server_cpu_ms']:.2f} ms "
              f"(one free core: {1000 / max(r['server_cpu_ms'], 1e-9):.0f} req/s), clients "
              f"{r['client_cpu_ms']:.2f} ms")
    print(f"machine: {os.cpu_count()} cores, load average {before[0]:.2f} before, {after[0]:.2f} after "
          f"(1 min); {args.clients} clients, {seconds:.0f} s per group")
    for row in figures:
        print(f"{row['name']:34} {row['value']:9.1f} {row['unit']:6} target {row['goal']} {row['bound']:g}  "
              f"{'met' if row['met'] else 'MISSED'}")
    save("load", {"clients": args.clients, "seconds": seconds, "documents": args.documents,
                  "cores": os.cpu_count(), "load_before": before, "load_after": after, "figures": figures,
                  **results})
    return 0 if all(row["met"] for row in figures) else 1


def _figures(results: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The targets: each group's rate, its p99 and its errors (reads and writes)."""
    out = []
    for name, rate in (("home", TARGET_HOME), ("json", TARGET_JSON)):
        r = results[name]
        out += [figure(f"{name} requests/s", r["rate"], "req/s", ">=", rate),
                figure(f"{name} p99", r["p99_ms"], "ms", "<=", TARGET_P99_MS),
                figure(f"{name} errors (reads and writes)", r["errors"] + r["write_errors"], "", "<=", 0)]
    return out


if __name__ == "__main__":
    sys.exit(main())
