"""Growth of analysis time on pathological inputs: each pattern of `tests/pathological.py` doubled
from 16 KB up to 1 MB; prints the CPU seconds and the ratio per doubling (2.0 = linear). Target:
every ratio ≤ 2.3. `python benchmarks/complexity.py [--top BYTES] [PATTERN...]`."""

from __future__ import annotations

import argparse
import sys

from common import ROOT

sys.path.insert(0, str(ROOT / "tests"))

from jalin.pipeline import warm_up
from pathological import PATTERNS, cpu_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("patterns", nargs="*", default=sorted(PATTERNS))
    parser.add_argument("--top", type=int, default=1 << 20)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    warm_up()
    worst: dict[str, float] = {}
    for name in args.patterns:
        size, previous = 16 << 10, None
        while size <= args.top:
            seconds = cpu_seconds(PATTERNS[name](size), args.repeats)
            ratio = seconds / previous if previous else None
            if ratio is not None:
                worst[name] = max(worst.get(name, 0.0), ratio)
            shown = f"  x{ratio:.2f}" if ratio is not None else ""
            print(f"{name:18} {size >> 10:5} KB  {seconds:7.3f} s{shown}", flush=True)
            previous, size = seconds, size * 2
    print("worst ratio per doubling: " + ", ".join(f"{n} {r:.2f}" for n, r in worst.items()))


if __name__ == "__main__":
    main()
