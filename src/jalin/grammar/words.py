"""Word classes: the tokens of a text with a class each, from the lexicon's function words
(`grammar_words.tsv`, several-word forms first: "in order to", "kedua-dua negara") and otherwise
from Malay and English morphology (meN-, di-, ber-, ter-, memper-, -kan, -i, peN-…-an, ke-…-an,
-ed, -ing, -s) and capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jalin.extract.common.matcher import PhraseMatcher
from jalin.lexicon import Lexicon, split_cell

# A word with inner hyphens or apostrophes, a number, or one punctuation mark:
# "kedua-dua", "China's", "RM5.2", ",".
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]")
# Malay verb prefixes: active meN- (melawat, menyokong, mengadakan, menyerang, memperkukuh),
# passive di- (disokong, diperkukuh), ber- (bertemu), ter- (terlibat), memper-/diper-.
_MENG = re.compile(r"^(?:memper|diper|meng|meny|mem|men|me)(?=[a-z]{3})")
_DI = re.compile(r"^di(?=[a-z]{3,})")  # "ditandatangani" (the di- of a passive)
# "berbincang", "bekerja", "belajar" (the ber-/be-/bel- prefix)
_BER = re.compile(r"^(?:ber|be|bel)(?=[a-z]{3,})")
_TER = re.compile(r"^ter(?=[a-z]{3,})")  # "termeterai" (the ter- prefix)
# Malay nominalisations: peN-…-an (pengiktirafan, pertemuan), ke-…-an (kerjasama is listed),
# per-…-an (perjanjian), -an (latihan, bantuan).
_NOMINAL = re.compile(r"^(?:peng|peny|pem|pen|pe|per|ke)\w{3,}an$|^\w{4,}an$")
_EN_PAST = re.compile(r"^\w{2,}ed$")              # signed
_EN_ING = re.compile(r"^\w{2,}ing$")              # signing
_EN_ADVERB = re.compile(r"^\w{3,}ly$")            # strongly
_PUNCT_CLASS = {",": "COMMA", ".": "STOP", "!": "STOP", "?": "STOP", ";": "SEMI", ":": "SEMI"}
_QUOTES = frozenset("\"“”«»")
CLASSES = frozenset({
    "AUX", "NEG", "MOD", "FAIL", "PREP", "REL", "COMP", "SUB", "CONJ", "COP", "DET", "PRON", "DESC",
    "NOUN", "ADJ", "ADV", "VERB", "PROPN", "NUM", "COMMA", "STOP", "SEMI", "QUOTE", "PUNCT",
})


@dataclass(frozen=True, slots=True)
class Word:
    """One token: its span, class, a value for function words (aspect, role, person…) and, for a
    verb, its voice (active | passive | middle) from its affixes."""

    start: int
    end: int
    text: str
    cls: str
    value: str = ""
    voice: str = ""


@dataclass(frozen=True, slots=True)
class WordTable:
    single: dict[str, tuple[str, str, str]]  # folded word -> (class, value, lang)
    phrases: PhraseMatcher[tuple[str, str, str]]  # several-word forms
    reporting: dict[str, str]  # one-word reporting verb of `speech_verbs.tsv` -> its position


def _build(lexicon: Lexicon) -> WordTable:
    single: dict[str, tuple[str, str, str]] = {}
    phrases: list[tuple[str, tuple[str, str, str]]] = []
    for row in lexicon.table("grammar_words"):
        cls = row["class"]
        if cls not in CLASSES:
            raise ValueError(f"grammar_words.tsv: unknown class {cls!r} for {row['form']!r}")
        entry = (cls, row.get("value") or "", row.get("lang") or "any")
        for form in split_cell(row["form"]):
            if " " in form:
                phrases.append((form, entry))
            else:
                single.setdefault(form.casefold(), entry)
    reporting = {
        row["form"].casefold(): row["position"] for row in lexicon.table("speech_verbs")
        if row.get("position") in ("after", "inverted", "alone") and " " not in row["form"].strip()}
    return WordTable(single, PhraseMatcher(phrases), reporting)


def words_of(lexicon: Lexicon, text: str, start: int, end: int, language: str) -> list[Word]:
    """The tokens of text[start:end] with their classes (several-word function forms as one)."""
    table = lexicon.cached("grammar.words", _build)
    phrases = {s: (e, v[0]) for s, e, v in table.phrases.finditer(text, start, end)}
    found: list[Word] = []
    pos = start
    first = True  # the first word of a sentence: its capital says nothing
    while True:
        match = _TOKEN.search(text, pos, end)
        if match is None:
            break
        s = match.start()
        hit = phrases.get(s)
        if hit is not None and _language_fits(hit[1][2], language):
            e, (cls, value, _) = hit
            found.append(Word(s, e, text[s:e], cls, value))
            pos, first = e, False
            continue
        token = match.group()
        found.append(classify(table, token, s, match.end(), language, first))
        pos = match.end()
        first = token in _QUOTES or (first and not token[0].isalnum())
    return found


def _language_fits(lang: str, language: str) -> bool:
    return lang == "any" or language not in ("ms", "en") or lang == language


def classify(table: WordTable, token: str, start: int, end: int, language: str, first: bool) -> Word:
    """The class of one token: listed, punctuation, number, name, else by its affixes; a
    reporting verb ("berkata", "said") is a VERB with the value "report" ("report-inverted" for
    one written before its speaker: "kata X"; "report-alone" for one that holds it: "katanya")."""
    word = _classify(table, token, start, end, language, first)
    position = table.reporting.get(token.casefold())
    if position is not None and word.cls in ("VERB", "NOUN", "PROPN"):
        value = "report" if position == "after" else f"report-{position}"
        return Word(start, end, token, "VERB", value, "active")
    return word


def _classify(table: WordTable, token: str, start: int, end: int, language: str, first: bool) -> Word:
    end_ = end
    if not token[0].isalnum():
        if token in _QUOTES:
            return Word(start, end_, token, "QUOTE")
        return Word(start, end_, token, _PUNCT_CLASS.get(token, "PUNCT"))
    if token[0].isdigit():
        return Word(start, end_, token, "NUM")
    folded = token.casefold()
    listed = table.single.get(folded)
    if listed is not None and _language_fits(listed[2], language):
        return Word(start, end_, token, listed[0], listed[1])
    if token[0].isupper() and not first:
        return Word(start, end_, token, "PROPN")
    return morphology(token, start, end_, language)


def morphology(token: str, start: int, end: int, language: str) -> Word:
    """The class a Malay or English word's affixes give it."""
    word = token.casefold()
    if language == "en":
        if _EN_ING.match(word):
            return Word(start, end, token, "VERB", "ing", "active")
        if _EN_PAST.match(word):
            return Word(start, end, token, "VERB", "ed", "participle")
        if _EN_ADVERB.match(word):
            return Word(start, end, token, "ADV")
        return Word(start, end, token, "NOUN")
    stem = word.removesuffix("nya")
    if _DI.match(stem):
        return Word(start, end, token, "VERB", "di", "passive")
    if _MENG.match(stem):
        return Word(start, end, token, "VERB", "meN", "active")
    if _NOMINAL.match(stem):
        return Word(start, end, token, "NOUN", "an")
    if _BER.match(stem):
        return Word(start, end, token, "VERB", "ber", "middle")
    if _TER.match(stem):
        return Word(start, end, token, "VERB", "ter", "passive")
    return Word(start, end, token, "NOUN")
