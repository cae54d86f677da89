"""Generated Malay word forms: the di- passive of a me- verb ("mengecam" → "dikecam").

The nasal prefix hides the root's first letter, so a form may give two candidates ("menolak" →
"ditolak" or "dinolak"); a candidate that is no word never matches text, so both are kept.
"""

from __future__ import annotations

import re

_VOWEL = "aeiou"

# (prefix of the active form, the letters that may follow it, what replaces it in the passive)
_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("memper", "", ("diper",)),               # memperkukuh → diperkukuh
    ("meng", "ghk", ("di",)),                 # mengkritik → dikritik, menggesa → digesa
    ("meng", _VOWEL, ("di", "dik")),          # mengancam → diancam, mengecam → dikecam
    ("meny", _VOWEL, ("dis",)),               # menyerang → diserang
    ("mem", "bfv", ("di",)),                  # membantu → dibantu, memveto → diveto
    ("mem", _VOWEL, ("dip", "dim")),          # memukul → dipukul, meminta → diminta
    ("men", "cdjsz", ("di",)),                # mendesak → didesak
    ("men", _VOWEL, ("dit", "din")),          # menolak → ditolak, menafikan → dinafikan
    ("me", "lmnrwy", ("di",)),                # melawat → dilawat, merampas → dirampas
)

_WORD = re.compile(r"[a-z-]+")  # one Malay word, lower case: "mengalu-alukan"


def passive_forms(active: str) -> list[str]:
    """The di- forms of a one-word me- verb, in rule order; [] for anything else."""
    word = active.casefold()
    if not _WORD.fullmatch(word):
        return []
    for prefix, follows, replacements in _RULES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 3 and (not follows or rest[0] in follows):
            return [replacement + rest for replacement in replacements]
    return []
