"""TEMPORARY stand-in for `jalin.extract.actors.countries_in` until the actors layer lands on main.

Delete this file after merging main; gatherings then imports the real one.
"""

from __future__ import annotations

import re

from jalin.doc import Doc

_NAMES = {
    "MYS": "Malaysia|Malaysian|Putrajaya|Wisma Putra",
    "KOR": "Korea Selatan|South Korea|South Korean|Korea|Korean",
    "IDN": "Indonesia|Indonesian",
    "SGP": "Singapura|Singapore|Singaporean",
    "IND": "India|Indian",
    "JPN": "Jepun|Japan|Japanese",
    "USA": "Amerika Syarikat|United States|American|Amerika",
    "PHL": "Filipina|Philippines|Philippine|Filipino",
    "KHM": "Kemboja|Cambodia|Cambodian",
    "THA": "Thailand|Thai",
    "CHN": "China|Chinese",
    "RUS": "Rusia|Russia|Russian",
    "UKR": "Ukraine|Ukrainian",
    "TUR": "Turkiye|Türkiye|Turki|Turkey|Turkish",
    "MMR": "Myanmar",
}
_PATTERN = re.compile(
    "|".join(rf"(?P<{code}>(?<![\w])(?:{names})(?![\w]))" for code, names in _NAMES.items())
)


def countries_in(doc: Doc, start: int, end: int) -> list[tuple[str, int, int, str]]:
    return [(m.lastgroup or "", m.start(), m.end(), "") for m in _PATTERN.finditer(doc.text, start, end)]
