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
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import ROOT, bulk_documents, figure, save, write_jsonl
from jalin.read import RawDocument

RUNS = 20
TARGET_S = 0.4


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run(documents: list[RawDocument] | None = None, runs: int = RUNS) -> dict[str, Any]:
    documents = documents if documents is not None else bulk_documents()
    article = sorted(documents, key=lambda d: len(d.text))[len(documents) // 2]
    with tempfile.TemporaryDirectory(prefix="jalin-bench-") as folder:
        path = Path(folder) / "article.jsonl"
        write_jsonl([article], path)
        timed([sys.executable, "-m", "jalin", "analyze", str(path)])  # writes the bytecode
        bare: list[tuple[float, float]] = []
        command: list[tuple[float, float]] = []
        for _ in range(runs):
            bare.append(timed([sys.executable, "-c", "pass"]))
            command.append(timed([sys.executable, "-m", "jalin", "analyze", str(path)]))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    wall = statistics.median(w for w, _ in command)
    cpu = statistics.median(c for _, c in command)
    result = {
        "runs": runs,
        "characters": len(article.text),
        "analyze_wall_s": wall,
        "analyze_cpu_s": cpu,
        "interpreter_wall_s": statistics.median(w for w, _ in bare),
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
