"""Throughput of the pipeline now against the commit before issue 12's package move, side by side.

Two worker processes, one importing `jalin` from this checkout's src/, one from `git archive` of the
baseline commit (default: 3d05293, the parent of d717532 "one package per extraction layer"), each
warmed up, then given the same distinct corpus articles in turn, interleaved per document and with
the order swapped every other document, so machine load falls on both alike. Each worker times its
own `analyze(...).to_json()` in CPU seconds. Prints CPU ms/doc of each, the throughput ratio
(baseline time / current time: above 1 is faster now) over all documents, and the median of the
per-document ratios.

`python benchmarks/move_throughput.py [N] [--rounds R] [--baseline COMMIT] [--candidate COMMIT]`
(N distinct articles of ../shared/corpus, default 600; R passes over them, default 2; the candidate
defaults to this checkout's src/).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from common import CORPUS, ROOT, Skip, figure, save

PRE_MOVE = "3d05293"  # parent of d717532, the commit that made extract/<layer>/ packages

WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from jalin.pipeline import analyze, warm_up
warm_up()
out = sys.stdout
for line in sys.stdin:
    doc = json.loads(line)
    began = time.process_time()
    analyze(doc["text"], published=doc.get("published"), id=doc.get("id"), title=doc.get("title"),
            url=doc.get("url")).to_json()
    out.write(f"{time.process_time() - began!r}\n")
    out.flush()
"""


def distinct_articles(limit: int) -> list[dict[str, Any]]:
    """The first `limit` articles of the corpus files whose text no earlier article has."""
    files = sorted(CORPUS.glob("*.jsonl")) if CORPUS.is_dir() else []
    if not files:
        raise Skip(f"skipped: corpus not found at {CORPUS}")
    seen: set[str] = set()
    chosen: list[dict[str, Any]] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            row = json.loads(line)
            key = hashlib.sha256(str(row.get("text", "")).encode()).hexdigest()
            if row.get("text") and key not in seen:
                seen.add(key)
                chosen.append({k: row.get(k) for k in ("id", "text", "published", "title", "url")})
    return chosen[:limit]


def source_of(commit: str, into: Path) -> Path:
    """src/ of `commit`, unpacked under `into` (git archive: no checkout, no worktree)."""
    archive = into / f"{commit}.tar"
    with archive.open("wb") as handle:
        subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src"], stdout=handle, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / commit, filter="data")
    return into / commit / "src"


class Worker:
    def __init__(self, src: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", WORKER, str(src)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, cwd=src.parent)

    def time(self, doc: dict[str, Any]) -> float:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(doc) + "\n")
        self.process.stdin.flush()
        return float(self.process.stdout.readline())

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def run(limit: int = 600, rounds: int = 2, baseline: str = PRE_MOVE,
        candidate: str | None = None) -> dict[str, Any]:
    docs = distinct_articles(limit)
    with tempfile.TemporaryDirectory(prefix="jalin-move-") as tmp:
        base = Worker(source_of(baseline, Path(tmp)))
        now = Worker(source_of(candidate, Path(tmp)) if candidate else ROOT / "src")
        try:
            for doc in docs[:5]:  # caches and lazily built tables, outside the measure
                base.time(doc)
                now.time(doc)
            base_s = [0.0] * len(docs)
            now_s = [0.0] * len(docs)
            for r in range(rounds):
                for i, doc in enumerate(docs):
                    first_base = (i + r) % 2 == 0
                    pair = (base, now) if first_base else (now, base)
                    a, b = (w.time(doc) for w in pair)
                    base_s[i] += a if first_base else b
                    now_s[i] += b if first_base else a
        finally:
            base.close()
            now.close()
    ratio = sum(base_s) / sum(now_s)
    per_doc = statistics.median(b / n for b, n in zip(base_s, now_s, strict=True) if n > 0)
    count = len(docs) * rounds
    return {
        "figures": [
            figure(f"throughput now / before the move ({baseline})", ratio, "x", ">=", 1.0),
            figure("median per-document ratio", per_doc, "x"),
        ],
        "documents": len(docs),
        "rounds": rounds,
        "baseline": baseline,
        "candidate": candidate or "working tree",
        "ms_per_doc_before": 1000 * sum(base_s) / count,
        "ms_per_doc_now": 1000 * sum(now_s) / count,
        "ratio": ratio,
        "median_document_ratio": per_doc,
    }


def summary(result: dict[str, Any]) -> str:
    return (f"{result['documents']} distinct articles x {result['rounds']} rounds, interleaved: "
            f"before ({result['baseline']}) {result['ms_per_doc_before']:.1f} ms/doc, now "
            f"({result['candidate']}) {result['ms_per_doc_now']:.1f} ms/doc; throughput ratio now/before "
            f"{result['ratio']:.3f}x (median per document {result['median_document_ratio']:.3f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("limit", nargs="?", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--baseline", default=PRE_MOVE)
    parser.add_argument("--candidate", default=None)
    args = parser.parse_args()
    try:
        result = run(args.limit, args.rounds, args.baseline, args.candidate)
    except Skip as skip:
        print(skip)
        return
    save("move_throughput", result)
    print(summary(result))


if __name__ == "__main__":
    main()
