"""Peak RSS of streaming `jalin analyze` and `jalin batch` over a growing corpus (1x, 4x bulk.jsonl).

Each run is a fresh subprocess (`python -m jalin ...`, output to /dev/null) started by a small
wrapper process that reports `resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`: the peak resident set
of the largest process in the run (for `batch`, the client or a worker). Streaming means the peak
does not grow with the corpus; the growth from 1x to 4x is printed. Target: < 500 MB at any size.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import ROOT, Skip, bulk_documents, save, write_jsonl

SIZES = (1, 4)
TARGET_MB = 500

_WRAPPER = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_rss_mb(command: list[str]) -> tuple[int, float]:
    """(exit code, peak RSS in MB) of `command` run in its own wrapper process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p)}
    output = subprocess.run([sys.executable, "-c", _WRAPPER, *command], env=env, check=True,
                            capture_output=True, text=True).stdout.split()
    return int(output[0]), int(output[1]) / 1024  # ru_maxrss is in KiB on Linux


def run(sizes: tuple[int, ...] = SIZES) -> dict[str, Any]:
    if sys.platform != "linux":
        raise Skip("skipped: ru_maxrss units are checked on Linux only")
    documents = bulk_documents()
    result: dict[str, Any] = {"sizes": list(sizes), "analyze": {}, "batch": {}}
    with tempfile.TemporaryDirectory(prefix="jalin-bench-") as folder:
        for size in sizes:
            source = Path(folder) / f"corpus-{size}x.jsonl"
            count = write_jsonl(documents, source, size)
            code, analyze_mb = peak_rss_mb([sys.executable, "-m", "jalin", "analyze", str(source)])
            result["analyze"][f"{size}x"] = {"documents": count, "exit": code, "peak_rss_mb": analyze_mb}
            code, batch_mb = peak_rss_mb([sys.executable, "-m", "jalin", "batch", str(source),
                                          "--out", str(Path(folder) / "out"), "--workers", "1"])
            result["batch"][f"{size}x"] = {"documents": count, "exit": code, "peak_rss_mb": batch_mb}
            source.unlink()
    for command in ("analyze", "batch"):
        peaks = [v["peak_rss_mb"] for v in result[command].values()]
        result[command]["growth_mb"] = peaks[-1] - peaks[0]
        result[command]["max_mb"] = max(peaks)
    result["target_mb"] = TARGET_MB
    return result


def summary(result: dict[str, Any]) -> str:
    parts = []
    for command in ("analyze", "batch"):
        sizes = ", ".join(f"{k} {v['peak_rss_mb']:.0f} MB" + (f" (EXIT {v['exit']})" if v["exit"] else "")
                          for k, v in result[command].items() if isinstance(v, dict))
        parts.append(f"{command} {sizes} (growth {result[command]['growth_mb']:+.0f} MB)")
    return f"memory: peak RSS {'; '.join(parts)} (target < {TARGET_MB} MB, flat)"


def main() -> None:
    try:
        result = run()
    except Skip as skip:
        print(f"memory: {skip}")
        return
    save("memory", result)
    print(summary(result))


if __name__ == "__main__":
    main()
