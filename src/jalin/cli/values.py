"""Values given on the command line, checked before any store is read: each bad value is one sentence
naming the option, the value and what it accepts (`UserError`, exit status 2)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache

from jalin.cli.group import UserError
from jalin.model import ACTOR_TYPES, AGREEMENT_STATUSES

PERIODS = ("day", "month", "year")
STATUSES = AGREEMENT_STATUSES
ACTOR_KINDS = ACTOR_TYPES


def one_of(option: str, value: str, valid: Iterable[str], fold: bool = False) -> str:
    """`value` when it is among `valid` (case-insensitively with `fold`, giving the valid spelling)."""
    choices = list(valid)
    for choice in choices:
        if value == choice or (fold and value.casefold() == choice.casefold()):
            return choice
    raise UserError(f"{option} {value!r} is not valid; use one of {', '.join(choices)}")


def iso_day(option: str, value: str) -> str:
    """An ISO date (YYYY-MM-DD), as given."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UserError(f"{option} {value!r} is not a date; write it YYYY-MM-DD (e.g. 2025-11-15)") from None


@cache
def _countries() -> tuple[frozenset[str], dict[str, str]]:
    """The ISO 3166-1 alpha-3 codes, and every English, Malay and Indonesian name of a country (folded)
    -> its code, from the lexicon's countries table."""
    from jalin.lexicon import load_lexicon, split_cell

    codes: set[str] = set()
    names: dict[str, str] = {}
    for row in load_lexicon().table("countries"):
        code = row["iso3"]
        codes.add(code)
        for name in [row["name"], *split_cell(row.get("names") or ""), *split_cell(row.get("exact") or "")]:
            names.setdefault(name.casefold(), code)
    return frozenset(codes), names


def country(option: str, value: str) -> str:
    """The ISO3 code of a country given by its code ("MYS", "mys") or its name ("Malaysia",
    "Korea Selatan")."""
    codes, names = _countries()
    if value.upper() in codes:
        return value.upper()
    code = names.get(" ".join(value.split()).casefold())
    if code is not None:
        return code
    raise UserError(f"{option} {value!r} is neither an ISO 3166-1 alpha-3 code nor a country name Jalin "
                    f"knows; give a code such as MYS, KOR or IDN")
