"""Growth of analysis time on pathological inputs: each pattern of `tests/pathological.py` doubled
from 16 KB up to 1 MB; prints the CPU seconds and the ratio per doubling (2.0 = linear). Target:
every pattern grows at most 2.3x per doubling.

One step's ratio divides two measurements, each of which another process on a shared machine can
inflate (the least of `--repeats` CPU times is kept, but a step of 0.24 s after 0.10 s reads 2.5 where
the next reads 1.5): so the figure judged is the growth per doubling fitted over every size (least
squares on log time against log size, 2 ** slope), with the worst single step printed beside it.
`python benchmarks/complexity.py [--top BYTES] [--repeats N] [PATTERN...]`; exit status 1 when a
pattern misses the target."""

from __future__ import annotations

import argparse
import math
import sys

from common import ROOT

sys.path.insert(0, str(ROOT / "tests"))

from jalin.pipeline import warm_up
from pathological import PATTERNS, cpu_seconds

TARGET = 2.3


def fitted_growth(sizes: list[int], seconds: list[float]) -> float:
    """The time ratio per doubling of the size, from the least-squares slope of log2(time) on
    log2(size): [1, 2, 4] KB taking [1, 2, 4] s -> 2.0."""
    xs = [math.log2(s) for s in sizes]
    ys = [math.log2(max(t, 1e-9)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    return float(2**slope)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("patterns", nargs="*", default=sorted(PATTERNS))
    parser.add_argument("--top", type=int, default=1 << 20)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    warm_up()
    missed = 0
    summary = []
    for name in args.patterns:
        size, sizes, times, worst = 16 << 10, [], [], 0.0
        while size <= args.top:
            seconds = cpu_seconds(PATTERNS[name](size), args.repeats)
            ratio = seconds / times[-1] if times else None
            worst = max(worst, ratio or 0.0)
            shown = f"  x{ratio:.2f}" if ratio is not None else ""
            print(f"{name:18} {size >> 10:5} KB  {seconds:7.3f} s{shown}", flush=True)
            sizes.append(size)
            times.append(seconds)
            size *= 2
        growth = fitted_growth(sizes, times) if len(sizes) > 1 else float("nan")
        met = growth <= TARGET
        missed += not met
        summary.append(f"{name} {growth:.2f} ({'met' if met else 'MISSED'}; worst step {worst:.2f})")
    print(f"growth per doubling, fitted over 16-{args.top >> 10} KB (target <= {TARGET}): "
          + ", ".join(summary))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
