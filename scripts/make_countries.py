"""Generate the base of `lexicon/data/countries.tsv` from pycountry (run once; the file is then
curated by hand: Malay/Indonesian names, short forms, adjectives, metonyms).

Usage: python scripts/make_countries.py > src/jalin/lexicon/data/countries.tsv
pycountry is a development dependency only (`pip install -e '.[dev]'`): Jalin itself reads the TSV.
"""

from __future__ import annotations

import gettext
import sys

import pycountry

HEADER = """\
# Countries (ISO 3166-1). One row per country.
# iso3: alpha-3 code; name: English canonical short name;
# names: other names in English, Malay and Indonesian (|-separated), matched when capitalised;
# adjectives: adjectives and demonyms ("Malaysian", "South Korean"), matched when capitalised;
# metonyms: capitals and seats of government standing for the country ("Putrajaya", "Washington");
#   a metonym after a place preposition ("di", "in", "at") is a place, not the country;
# exact: forms matched only exactly as written (short upper-case codes: "AS", "UK", "US").
iso3\tname\tnames\tadjectives\tmetonyms\texact"""


def main() -> None:
    ms = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ms"])
    ind = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    print(HEADER)
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        name = getattr(country, "common_name", None) or country.name
        forms = [country.name, getattr(country, "official_name", ""), ms.gettext(country.name),
                 ind.gettext(country.name)]
        names = []
        for form in forms:
            if form and "," not in form and form != name and form not in names:
                names.append(form)
        print("\t".join([country.alpha_3, name, "|".join(names), "", "", ""]))


if __name__ == "__main__":
    sys.exit(main())
