"""Pathological inputs for the complexity checks: each pattern as a text of about `size` characters.

Shared by `tests/pipeline/test_linear_time.py` (small sizes) and `benchmarks/complexity.py` (doubling
up to 1 MB).
Every text is invented; none comes from the corpus.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

_NAMES = ("Ahmad Faizal", "Siti Rahmah", "Lee Chong Wei", "Nguyen Van Binh", "Park Ji Hoon",
          "Maria Santos", "Rajesh Kumar", "Tan Boon Keat")


def _fill(unit: Callable[[int], str], size: int, sep: str = "") -> str:
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        piece = unit(i)
        parts.append(piece)
        total += len(piece) + len(sep)
        i += 1
    return sep.join(parts)


def berkata_run(size: int) -> str:
    """One unpunctuated sentence with 'berkata' every few words."""
    return _fill(lambda i: f"menteri {_NAMES[i % len(_NAMES)]} berkata kerjasama pertahanan ", size)


def sdn_bhd_contracts(size: int) -> str:
    """Repeated 'X Sdn Bhd … contract' sentences."""
    return _fill(lambda i: f"Kenanga{i} Marine Sdn Bhd signed a contract worth RM{i % 90 + 10} million "
                           f"with Orion{i} Defence Bhd for patrol vessels.", size, " ")


_SYLLABLES = ("ka", "ri", "mo", "ta", "su", "le", "na", "pi", "do", "ve")


def _word(number: int) -> str:
    """A made-up name word per number: 0 -> 'Kaka', 371 -> 'Tavesu'."""
    digits = f"{number:02d}"
    return "".join(_SYLLABLES[int(d)] for d in digits).capitalize()


def many_names(size: int) -> str:
    """Many different person names in one sentence."""
    return _fill(lambda i: f"Datuk {_word(i)} {_word(i + 7919)}, ", size) + "hadir pada mesyuarat itu."


def many_quotes(size: int) -> str:
    """Many short attributed quotations on one line."""
    return _fill(lambda i: f"\"We will train {i} officers. It is a start,\" said {_NAMES[i % len(_NAMES)]}.",
                 size, " ")


def same_sentence(size: int) -> str:
    """The same sentence repeated, one paragraph each."""
    sentence = ("Defence Minister Datuk Seri Ahmad Faizal said Malaysia and Japan would sign an agreement "
                "on maritime security next month, \"to deepen our cooperation,\" he told reporters.")
    return _fill(lambda i: sentence, size, "\n\n")


PATTERNS: dict[str, Callable[[int], str]] = {
    "berkata_run": berkata_run,
    "sdn_bhd_contracts": sdn_bhd_contracts,
    "many_names": many_names,
    "many_quotes": many_quotes,
    "same_sentence": same_sentence,
}


def cpu_seconds(text: str, repeats: int = 3) -> float:
    """The least CPU time of `repeats` analyses of `text` (another process only ever adds time),
    with the garbage collector held off while timing."""
    from jalin.pipeline import analyze

    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            analyze(text, published="2025-01-01")
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best
