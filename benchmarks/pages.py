"""Dashboard page latency: p50/p95 of the server-rendered pages on a store of the whole corpus.

The corpus (../shared/corpus/*.jsonl) is ingested once into a temporary store with `jalin ingest`
(or `--db FILE` reuses a store), the app is served by uvicorn on loopback, and every page kind is
requested with varied parameters over HTTP: home, agreements board, agreement, country pair,
actors, actor, documents, document, search. One warm-up round fills the cache first (its slowest
request is reported as the cold figure). Prints one summary line. Target p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import CORPUS, ROOT, Skip

TARGET_P95_MS = 200
ROUNDS = 20
WORDS = ("kerjasama", "pertahanan", "defence", "cooperation", "Korea", "Indonesia", "latihan", "minister")


def ingest(db: Path) -> None:
    sources = sorted(str(p) for p in CORPUS.glob("*.jsonl"))
    if not sources:
        raise Skip(f"skipped: no corpus at {CORPUS}")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT / "src"),
                                                                      os.environ.get("PYTHONPATH"))))}
    done = subprocess.run([sys.executable, "-m", "jalin", "ingest", *sources, "--db", str(db), "--jobs", "2"],
                          cwd=ROOT, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"jalin ingest failed: {done.stderr[-2000:]}")


def serve(db: Path):  # type: ignore[no-untyped-def]
    import uvicorn

    from jalin.web.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def page_paths(client, rng: random.Random) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(page kind, path) for one round, with parameters sampled from the store."""
    def pick(path: str, key: str) -> list:  # type: ignore[type-arg]
        return [item[key] for item in client.get(path, params={"limit": 500}).json()["items"]]

    agreements, actors, documents = pick("/api/agreements", "id"), pick("/api/actors", "id"), pick(
        "/api/documents", "id")
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    pairs = {tuple(sorted((e["source_countries"][0], e["target_countries"][0]))) for e in events
             if e["source_countries"] and e["target_countries"]
             and e["source_countries"][0] != e["target_countries"][0]}
    paths = [("home", "/"), ("board", "/agreements"), ("actors", "/actors"), ("documents", "/documents"),
             ("search", f"/search?q={rng.choice(WORDS)}")]
    if agreements:
        paths.append(("agreement", f"/agreements/{rng.choice(agreements)}"))
    if actors:
        paths.append(("actor", f"/actors/{rng.choice(actors)}"))
    if documents:
        paths.append(("document", f"/documents/{rng.choice(documents)}"))
    if pairs:
        a, b = rng.choice(sorted(pairs))
        paths.append(("pair", f"/pairs/{a}/{b}"))
    return paths


def measure(db: Path) -> str:
    import httpx

    server, url = serve(db)
    rng = random.Random(7)
    timings: dict[str, list[float]] = {}
    cold = 0.0
    with httpx.Client(base_url=url, trust_env=False, timeout=60) as client:
        counts = client.get("/api/health").json()["counts"]
        for round_ in range(ROUNDS + 1):
            for kind, path in page_paths(client, rng):
                began = time.perf_counter()
                response = client.get(path)
                elapsed = (time.perf_counter() - began) * 1000
                if response.status_code != 200:
                    raise RuntimeError(f"{path}: HTTP {response.status_code}")
                if round_ == 0:
                    cold = max(cold, elapsed)
                else:
                    timings.setdefault(kind, []).append(elapsed)
    server.should_exit = True
    every = sorted(t for ts in timings.values() for t in ts)
    p95 = every[int(0.95 * (len(every) - 1))]
    worst = max(timings, key=lambda k: sorted(timings[k])[int(0.95 * (len(timings[k]) - 1))])
    worst_p95 = sorted(timings[worst])[int(0.95 * (len(timings[worst]) - 1))]
    verdict = "meets" if p95 < TARGET_P95_MS else "misses"
    return (f"pages: p50 {statistics.median(every):.1f} ms, p95 {p95:.1f} ms over {len(every)} requests "
            f"({len(timings)} page kinds) on {counts['documents']} documents / {counts['events']} events; "
            f"slowest kind {worst} p95 {worst_p95:.1f} ms; cold first load {cold:.0f} ms; "
            f"{verdict} the p95 < {TARGET_P95_MS} ms target")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store to measure (default: a temporary corpus store)")
    args = parser.parse_args()
    try:
        if args.db:
            print(measure(Path(args.db)))
        else:
            with tempfile.TemporaryDirectory() as tmp:
                db = Path(tmp) / "corpus.db"
                ingest(db)
                print(measure(db))
    except Skip as skip:
        print(f"pages: {skip}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
