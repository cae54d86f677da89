"""Shared by the benchmarks: where the corpus is, reading it, timing, and saving results."""

from __future__ import annotations

import importlib.util
import json
import math
import platform
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
BULK = CORPUS / "bulk.jsonl"
RESULTS = ROOT / "benchmarks" / "results"

if importlib.util.find_spec("jalin") is None:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from jalin.read import RawDocument, read_path  # noqa: E402

T = TypeVar("T")


class Skip(Exception):
    """A benchmark that cannot run here; str() says why."""


def figure(name: str, value: float, unit: str, goal: str | None = None, bound: float | None = None,
           note: str = "", met: bool | None = None) -> dict[str, Any]:
    """One row of `make bench`'s table: a measured value and, when it has one, its target.

    `goal` is "<=" or ">=" and `bound` the target's number; `met` is computed from them unless given
    (a figure with an alternative target, such as "or within 10% of the ceiling", passes its own).
    """
    if met is None and goal is not None and bound is not None:
        met = value <= bound if goal == "<=" else value >= bound
    return {"name": name, "value": value, "unit": unit, "goal": goal, "bound": bound, "note": note,
            "met": met}


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile (0.95: p95) of the values."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered) - 1e-9))
    return ordered[min(len(ordered), rank) - 1]


def bulk_documents() -> list[RawDocument]:
    """The documents of ../shared/corpus/bulk.jsonl (read once; reading is never timed)."""
    if not BULK.exists():
        raise Skip(f"skipped: corpus not found at {BULK}")
    return [d for d in read_path(str(BULK)) if isinstance(d, RawDocument)]


def cpu_timed(function: Callable[[], T]) -> tuple[T, float, float]:
    """(result, CPU seconds of this process, wall seconds): CPU time is the per-core figure."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = function()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def write_jsonl(documents: Iterable[RawDocument], path: Path, copies: int = 1) -> int:
    """Write documents (repeated `copies` times, ids made unique) as JSONL; returns the count."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for doc in documents:
                row = {"id": f"{doc.id}~{copy}", "title": doc.title, "published": doc.published,
                       "url": doc.url, "text": doc.text}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    return count


def save(name: str, result: dict[str, Any]) -> Path:
    """Write one benchmark's result as JSON under benchmarks/results/ (gitignored)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    payload = {"benchmark": name, "at": stamp, "python": platform.python_version(),
               "machine": platform.machine(), **result}
    path = RESULTS / f"{name}-{stamp}.json"
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    (RESULTS / f"{name}-latest.json").write_text(text, encoding="utf-8")
    return path
