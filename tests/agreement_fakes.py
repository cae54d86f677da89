"""Stand-ins for the layers the agreements layer reads, so its rules are tested on their own.

`install(monkeypatch)` replaces `countries_in`, `speaker_at`, `times_in`, `modes_in` and
`contexts_in` with small, exact versions; `make_doc()` builds a `Doc` with hand-made actors and times.
"""

from __future__ import annotations

import re
from datetime import date

from jalin.doc import Doc
from jalin.extract.common import cues, queries
from jalin.lexicon import load_lexicon
from jalin.model import Actor, DocumentInfo, TextSpan, TimeExpr
from jalin.text import split_sentences

COUNTRIES = {
    "Malaysia": "MYS", "Malaysian": "MYS", "Korea Selatan": "KOR", "South Korea": "KOR",
    "Turkiye": "TUR", "Turkey": "TUR", "Jepun": "JPN", "Japan": "JPN", "Indonesia": "IDN",
    "Philippines": "PHL", "Filipina": "PHL", "Italy": "ITA", "Itali": "ITA", "Cambodia": "KHM",
    "Kemboja": "KHM", "France": "FRA", "Perancis": "FRA", "Singapore": "SGP", "Singapura": "SGP",
}
_COUNTRY = re.compile(r"\b(?:" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + r")\b")
_MODES = {"pemindahan teknologi": "technology_transfer", "technology transfer": "technology_transfer",
          "perolehan": "procurement", "procurement": "procurement", "training": "training",
          "latihan": "training"}
_RELATIONS = re.compile(r"(?i)\b(?:menteri|minister|kerajaan|government|kementerian|ministry)\b")
_DEFENCE = re.compile(r"(?i)\b(?:pertahanan|ketenteraan|keselamatan|defence|military|security|navy|army)\b")


def make_doc(
    text: str, *, speaker: Actor | None = None, time_words: dict[str, tuple[str, str]] = (),
    published: date | None = None,
) -> Doc:
    """A Doc over `text` with COUNTRY actors for every country named, one optional speaker, and a
    TimeExpr for each `time_words` entry (text -> (value, relation))."""
    lexicon = load_lexicon()
    language = "en" if re.search(r"\b(?:the|and|of|with)\b", text) else "ms"
    doc = Doc(text=text, info=DocumentInfo(id="t", language=language), lexicon=lexicon, published=published)
    doc.sentences = split_sentences(text, lexicon)
    by_code: dict[str, Actor] = {}
    for match in _COUNTRY.finditer(text):
        code = COUNTRIES[match.group()]
        actor = by_code.setdefault(code, Actor(id=f"c{code}", type="COUNTRY", name=code, country=code))
        actor.mentions.append(TextSpan(match.start(), match.end(), match.group()))
    doc.actors = sorted(by_code.values(), key=lambda a: a.mentions[0].start)
    if speaker is not None:
        doc.actors.append(speaker)
    for number, (words, (value, relation)) in enumerate(dict(time_words).items(), 1):
        start = text.index(words)
        doc.times.append(TimeExpr(f"t{number}", words, value, "month", relation, start, start + len(words)))
    return doc


def _countries_in(doc: Doc, start: int, end: int) -> list[tuple[str, int, int, str]]:
    return [
        (COUNTRIES[m.group()], m.start(), m.end(), f"c{COUNTRIES[m.group()]}")
        for m in _COUNTRY.finditer(doc.text, start, end)
    ]


def _speaker_at(doc: Doc, offset: int) -> str | None:
    return next((a.id for a in doc.actors if a.type == "PERSON"), None)


def _times_in(doc: Doc, start: int, end: int) -> list[TimeExpr]:
    return [t for t in doc.times if start <= t.start and t.end <= end]


def _modes_in(doc: Doc, start: int, end: int) -> list[str]:
    segment = doc.text[start:end].lower()
    return sorted({mode for words, mode in _MODES.items() if words in segment})


def _contexts_in(doc: Doc, start: int, end: int) -> list[str]:
    found = ["military"] if _DEFENCE.search(doc.text, start, end) else []
    if _RELATIONS.search(doc.text, start, end) or _COUNTRY.search(doc.text, start, end):
        found.append("diplomatic")
    return found


def install(monkeypatch) -> None:
    monkeypatch.setattr(queries, "countries_in", _countries_in)
    monkeypatch.setattr(queries, "speaker_at", _speaker_at)
    monkeypatch.setattr(queries, "times_in", _times_in)
    monkeypatch.setattr(cues, "modes_in", _modes_in)
    monkeypatch.setattr(cues, "contexts_in", _contexts_in)


MINISTER = Actor(id="p1", type="PERSON", name="Menteri", country="MYS")


def run(text: str, **kwargs) -> list[dict]:
    """The agreements of `text` as contract dicts, spoken by a Malaysian minister."""
    from jalin.extract.agreements import layer as agreements

    return [g.to_dict() for g in agreements.extract(make_doc(text, speaker=MINISTER, **kwargs))]


def brief(text: str, **kwargs) -> list[tuple]:
    """(type, parties, status) of each agreement of `text`."""
    return [(g["type"], g["parties"], g["status"]) for g in run(text, **kwargs)]
