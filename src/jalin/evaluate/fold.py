"""Text folding for comparisons, exactly as the gold README defines it.

"Case-folded" is Unicode NFKC, then `str.casefold()`, with runs of white space folded to one space
(and no space at either end). Name tokens are the `[\\w']+` runs of the folded name, minus the
honorific stop words listed in the README.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")  # "  \n " (a run of white space)
_TOKEN = re.compile(r"[\w']+")  # "Bin", "Ma'ruf" (a word with its apostrophes)

# The README's list, verbatim: forms of address removed before comparing name tokens.
NAME_STOP_WORDS = frozenset((
    "tun", "tan", "sri", "datuk", "dato", "dato'", "datin", "seri", "dr", "haji", "hajah", "puan",
    "encik", "tuan", "yb", "ybhg", "mr", "mrs", "ms", "sir", "gen", "jeneral", "laksamana", "panglima",
))


def fold(text: str | None) -> str:
    """NFKC, casefold, white space runs to one space, trimmed; None folds to ''."""
    if not text:
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def contains(haystack: str | None, needle: str | None) -> bool:
    """Whether the folded `haystack` contains the folded `needle` (an empty needle never matches)."""
    wanted = fold(needle)
    return bool(wanted) and wanted in fold(haystack)


def name_tokens(name: str | None) -> frozenset[str]:
    """The folded name's `[\\w']+` tokens without the honorific stop words."""
    return frozenset(t for t in _TOKEN.findall(fold(name)) if t not in NAME_STOP_WORDS)


def names_match(gold_names: Iterable[str | None], predicted_names: Iterable[str | None]) -> bool:
    """The README's actor-name rule between any gold name and any predicted name (name or canonical).

    A pair matches when all the gold name's tokens are among the predicted name's tokens, or, the
    other way round, all the predicted name's tokens are among the gold name's with at least two
    tokens shared (so a lone surname or a lone "Menteri" never matches a longer gold name).
    """
    gold_sets = [t for t in map(name_tokens, gold_names) if t]
    predicted_sets = [t for t in map(name_tokens, predicted_names) if t]
    return any(
        g <= p or (p <= g and len(p) >= 2)
        for g in gold_sets
        for p in predicted_sets
    )


def honorific_set(values: Iterable[str] | None) -> frozenset[str]:
    """Honorifics as a folded set, a trailing full stop ignored ("Dr." equals "Dr")."""
    return frozenset(f for f in (fold(v).rstrip(".").rstrip() for v in values or ()) if f)


def same_text(a: str | None, b: str | None) -> bool:
    """Folded equality (used for role titles and units)."""
    return fold(a) == fold(b)
