"""The actors lexicon's records: a surface form of a lexicon row (`Entry`) and a place in the text
where one or more of them match (`Match`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form of one lexicon row.

    kind: country | adjective | metonym | organisation | place | role | prefix | honorific | rank |
      suffix (a company's legal form) | group (a group noun);
    key: the row's canonical value (ISO3, English name, English title, honorific as listed; for a
      suffix its position, "after" or "before" the name);
    case: exact (as written) | cap (first letter upper case) | any;
    country, sector: the row's affiliation, "" when none.
    """

    kind: str
    key: str
    case: str
    form: str
    country: str = ""
    sector: str = ""
    portfolio: bool = False  # roles: capitalised words after the title name its portfolio
    national: bool = False  # organisations: a generic national body that takes a named country
    needs_country: bool = False  # organisations: a body only when a country is named with it
    generic: str = ""  # organisations: the English name composed with another country's name
    language: str = ""  # groups: the language of the noun (ms | en)


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entries: tuple[Entry, ...]

    def first(self, *kinds: str) -> Entry | None:
        for entry in self.entries:
            if entry.kind in kinds:
                return entry
        return None
