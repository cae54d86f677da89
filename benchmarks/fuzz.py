"""10,000 fuzzed inputs (tests/fuzzing.py: random bytes and unicode, surrogates, NULs, deep JSON and
HTML, an entity bomb, wrong encodings, huge lines, broken records and feeds) through every reader
and `analyze`; counts the exceptions that escaped. Target: 0.
`python benchmarks/fuzz.py [--count N] [--seed S]`."""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

from common import ROOT

sys.path.insert(0, str(ROOT / "tests"))

from fuzzing import KINDS, SUFFIXES, make_input, run_analysis, run_reader


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    rng = random.Random(args.seed)
    escaped: collections.Counter[str] = collections.Counter()
    items = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.count):
            kind, suffix = KINDS[n % len(KINDS)], SUFFIXES[(n // len(KINDS)) % len(SUFFIXES)]
            data = make_input(rng, kind)
            try:
                if n % 4 == 3:  # a quarter straight into analyze()
                    # undecodable bytes become lone surrogates (surrogateescape): analyze must cope
                    run_analysis(data.decode("utf-8", "surrogateescape"),
                                 rng.choice([None, "9999-12-31", "0001-01-01", "2025-06-01"]))
                else:
                    items += run_reader(data, suffix, Path(folder))
            except Exception as exc:  # what the run counts: an exception that escaped
                key = f"{kind} {suffix}: {type(exc).__name__}: {str(exc)[:120]}"
                if not escaped[key]:
                    traceback.print_exc(limit=3)
                escaped[key] += 1
    seconds = time.perf_counter() - started
    print(f"{args.count:,} inputs ({items:,} reader items) in {seconds:.0f} s: "
          f"{sum(escaped.values())} uncaught exceptions")
    for key, count in escaped.most_common():
        print(f"  {count:5}  {key}")


if __name__ == "__main__":
    main()
