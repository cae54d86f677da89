"""Start-up: `jalin analyze` on one article, a fresh process each time, against a bare interpreter.

The article is the corpus's median-length one, written to a temporary file. Each round runs
`python -c pass` (the interpreter's own start) and then `python -m jalin analyze FILE` (stdout to
/dev/null); the medians of `RUNS` rounds are the figures, wall and CPU (user + system of the child),
with the peak RSS. Target: the command's median wall time <= 0.4 s. The children may write bytecode
(PYTHONDONTWRITEBYTECODE is dropped from their environment, and one untimed run writes it first), as
an installed command's would be: compiling every module's source each time is not start-up cost a
user pays.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import ROOT, bulk_documents, figure, save, write_jsonl
from jalin.read import RawDocument

RUNS = 20
TARGET_S = 0.4


# Each command runs in a wrapper process of its own, so that the peak RSS is that command's alone
# (RUSAGE_CHILDREN of the benchmark's own process also counts the other benchmarks' Dask workers).
_WRAPPER = """
import resource, subprocess, sys, time
began = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
wall = time.perf_counter() - began
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def timed(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MB) of one child process, free to write bytecode."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True,
                         check=True, env={**env, "PYTHONPATH": str(ROOT / "src")}).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]) / 1024


def run(documents: list[RawDocument] | None = None, runs: int = RUNS) -> dict[str, Any]:
    documents = documents if documents is not None else bulk_documents()
    article = sorted(documents, key=lambda d: len(d.text))[len(documents) // 2]
    with tempfile.TemporaryDirectory(prefix="jalin-bench-") as folder:
        path = Path(folder) / "article.jsonl"
        write_jsonl([article], path)
        timed([sys.executable, "-m", "jalin", "analyze", str(path)])  # writes the bytecode
        bare: list[tuple[float, float, float]] = []
        command: list[tuple[float, float, float]] = []
        for _ in range(runs):
            bare.append(timed([sys.executable, "-c", "pass"]))
            command.append(timed([sys.executable, "-m", "jalin", "analyze", str(path)]))
    peak = max(p for _, _, p in command)
    wall = statistics.median(w for w, _, _ in command)
    cpu = statistics.median(c for _, c, _ in command)
    result = {
        "runs": runs,
        "characters": len(article.text),
        "analyze_wall_s": wall,
        "analyze_cpu_s": cpu,
        "interpreter_wall_s": statistics.median(w for w, _, _ in bare),
        "peak_rss_mb": peak,
    }
    result["figures"] = [
        figure(
            "jalin analyze one article: wall (median)",
            wall,
            "s",
            "<=",
            TARGET_S,
            note=f"CPU {cpu:.2f} s; bare interpreter {result['interpreter_wall_s']:.2f} s",
        ),
        figure("jalin analyze one article: peak RSS", peak, "MB"),
    ]
    return result


def main() -> None:
    result = run()
    save("startup", result)
    for row in result["figures"]:
        print(f"{row['name']}: {row['value']:.2f} {row['unit']} {row['note']}")


if __name__ == "__main__":
    main()
