"""Chunks: a sentence's words grouped into noun phrases (title + name + appositive, pronouns,
descriptions) and verb groups (aspect, negation, modality, voice), the other words kept as they are.
"""

from __future__ import annotations

from jalin.grammar.model import Phrase, VerbGroup
from jalin.grammar.words import Word

Unit = Phrase | VerbGroup | Word

_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "DET"})
_GROUP_LEAD = frozenset({"AUX", "NEG", "MOD", "FAIL", "ADV"})
# English words after which a bare word is a verb ("will sign", "did not meet", "to visit").
_EN_VERB_BEFORE = frozenset({"AUX", "MOD", "NEG", "FAIL"})


def chunk(words: list[Word], mentions: list[tuple[int, int, str]], language: str) -> list[Unit]:
    """Units of one sentence. `mentions` are (start, end, actor id) of the actors named in it,
    sorted: a mention is one noun phrase, with the title and nouns before it and an appositive
    between commas after it ("Naib Presiden Jualan Asia Syarikat X, Ali Baba, …")."""
    words = _english_verbs(words) if language == "en" else words
    units: list[Unit] = []
    i = 0
    m = 0
    while i < len(words):
        word = words[i]
        while m < len(mentions) and mentions[m][1] <= word.start:
            m += 1
        if m < len(mentions) and mentions[m][0] <= word.start < mentions[m][1]:
            j = i
            while j < len(words) and words[j].start < mentions[m][1]:
                j += 1
            _add_phrase(units, Phrase(words[i].start, words[j - 1].end, "name", mentions[m][2]))
            i = j
            continue
        if word.cls in ("PRON", "DESC"):
            kind = "pronoun" if word.cls == "PRON" else "description"
            units.append(Phrase(word.start, word.end, kind, None, word.value))
            i += 1
            continue
        if word.cls in _GROUP_LEAD or word.cls == "VERB":
            group, j = _verb_group(words, i)
            if group is not None:
                units.append(group)
                i = j
                continue
        if word.cls in _NOMINAL and word.cls != "ADJ":
            j = i
            while j < len(words) and words[j].cls in _NOMINAL and not _mention_starts(
                mentions, m, words[j].start
            ):
                j += 1
                if words[j - 1].cls == "DET" and words[j - 1].text.casefold() in _CLOSING:
                    break
            _add_phrase(units, Phrase(word.start, words[j - 1].end,
                                      "name" if word.cls == "PROPN" else "noun"), language == "en")
            i = max(j, i + 1)
            continue
        units.append(word)
        i += 1
    return _coordinations(_appositives(_inverted(units)))


def _inverted(units: list[Unit]) -> list[Unit]:
    """A reporting verb right after a comma or a closing quote, before its speaker, is inverted:
    "…," said Ali; "…, kata Ali"."""
    for i in range(1, len(units) - 1):
        unit, before = units[i], units[i - 1]
        if (isinstance(unit, VerbGroup) and unit.report == "report" and isinstance(before, Word)
                and before.cls in ("COMMA", "QUOTE") and isinstance(units[i + 1], Phrase)
                and not (i + 2 < len(units) and isinstance(units[i + 2], VerbGroup))):
            unit.report = "report-inverted"
    return units


_CLOSING = frozenset({"itu", "ini", "tersebut"})


def _mention_starts(mentions: list[tuple[int, int, str]], m: int, offset: int) -> bool:
    return m < len(mentions) and mentions[m][0] <= offset < mentions[m][1]


def _add_phrase(units: list[Unit], phrase: Phrase, english: bool = False) -> None:
    """A name right after nouns joins them: "Perdana Menteri" + "Jepun" is one phrase whose actor
    is the name's ("Menteri Pertahanan [Thailand]")."""
    last = units[-1] if units else None
    if isinstance(last, Phrase) and last.kind in ("noun", "name") and phrase.kind == "name" and (
        last.actor is None or phrase.actor is None
    ):
        units[-1] = Phrase(last.start, phrase.end, "name", phrase.actor or last.actor)
        return
    if isinstance(last, Phrase) and last.kind == "name" and phrase.kind == "noun" and (
        last.actor is None or english
    ):
        # "Airbus Helicopters chief", "the Chilean foreign minister" (English modifiers come first)
        units[-1] = Phrase(last.start, phrase.end, "name", last.actor)
        return
    units.append(phrase)


def _appositives(units: list[Unit]) -> list[Unit]:
    """`NP , NAME ,` is one phrase whose actor is the name's: "the company's chief, Ali Baba,"."""
    out: list[Unit] = []
    i = 0
    while i < len(units):
        unit = units[i]
        if (isinstance(unit, Phrase) and unit.kind in ("noun", "name") and i + 3 < len(units)
                and _is(units[i + 1], "COMMA") and isinstance(units[i + 2], Phrase)
                and units[i + 2].actor is not None and units[i + 2].kind == "name"
                and _is(units[i + 3], "COMMA")):
            name = units[i + 2]
            assert isinstance(name, Phrase)
            out.append(Phrase(unit.start, name.end, "name", name.actor))
            i += 3
            continue
        out.append(unit)
        i += 1
    return out


def _coordinations(units: list[Unit]) -> list[Unit]:
    """`NP (, NP)* dan|and NP` before any verb group is one phrase with members: "Malaysia dan
    Jepun", "Chile, Peru and Bolivia" (after a verb group only names are joined, so "signed a pact
    and Peru said" stays two)."""
    out: list[Unit] = []
    seen_verb = False
    for i, unit in enumerate(units):
        if isinstance(unit, VerbGroup):
            seen_verb = True
        if (isinstance(unit, Phrase) and len(out) >= 2 and isinstance(out[-2], Phrase)
                and isinstance(out[-1], Word) and (
                    (out[-1].cls == "CONJ" and out[-1].value == "and")
                    or (out[-1].cls == "COMMA" and not seen_verb and unit.actor is not None
                        and _list_closes(units, i + 1)))
                and (not seen_verb or (out[-2].actor is not None and unit.actor is not None))):
            left = out[-2]
            assert isinstance(left, Phrase)
            members = (left.members or [left]) + [unit]
            out[-2:] = [Phrase(left.start, unit.end, "group", members[0].actor, "", members)]
            continue
        out.append(unit)
    return out


def _list_closes(units: list[Unit], i: int) -> bool:
    """After "X, Y": more ", Z" and then "dan"/"and" and a phrase close the list."""
    while i + 1 < len(units) and _is(units[i], "COMMA") and isinstance(units[i + 1], Phrase):
        i += 2
    return (i + 1 < len(units) and isinstance(units[i], Word) and units[i].cls == "CONJ"
            and isinstance(units[i + 1], Phrase))


def _is(unit: Unit, cls: str) -> bool:
    return isinstance(unit, Word) and unit.cls == cls


def _english_verbs(words: list[Word]) -> list[Word]:
    """An English word the affixes call a noun is a verb after an auxiliary, a modal, a negation or
    "to" ("will sign", "did not meet", "to visit"); a listed verb after a determiner is a noun
    ("the visit")."""
    out = list(words)
    for i in range(1, len(out)):
        word, before = out[i], out[i - 1]
        if word.cls == "NOUN" and (before.cls in _EN_VERB_BEFORE or (
            before.text.casefold() == "to" and i > 1 and out[i - 2].cls in ("VERB", "FAIL", "MOD", "ADJ")
        )):
            out[i] = Word(word.start, word.end, word.text, "VERB", "", "active")
        elif word.cls == "NOUN" and before.cls == "SUB" and word.text.endswith("ing"):
            out[i] = Word(word.start, word.end, word.text, "VERB", "ing", "active")  # "When meeting"
        elif word.cls == "VERB" and word.value != "report" and (
            before.cls in ("DET", "ADJ")
            or (i + 1 < len(out) and out[i + 1].cls == "AUX" and before.cls == "NOUN")
        ):
            out[i] = Word(word.start, word.end, word.text, "NOUN")  # "the visit", "relief supplies were"
    return out


def _verb_group(words: list[Word], i: int) -> tuple[VerbGroup | None, int]:
    """The verb group starting at words[i], and the index after it; None when no verb follows
    the auxiliaries. Serial verbs ("gagal mencapai", "bersedia membantu", "failed to reach") are
    one group whose head is the last verb."""
    aspect = modality = ""
    negated = False
    voice = "active"
    j = i
    head: Word | None = None
    while j < len(words):
        word = words[j]
        if word.cls == "AUX":
            if word.value == "be":
                voice = "be"
            else:
                aspect = aspect or word.value
        elif word.cls in ("NEG", "FAIL"):
            negated = True
        elif word.cls == "MOD":
            modality = modality or word.value
        elif word.cls == "VERB":
            if head is not None and head.value.startswith("report"):
                break
            head = word
            if word.value.startswith("report"):
                j += 1
                break
        elif word.cls == "ADV" or (word.text.casefold() in ("to", "untuk") and head is not None
                                    and j + 1 < len(words) and words[j + 1].cls == "VERB"):
            pass
        else:
            break
        j += 1
    if head is None:
        return None, i
    if voice == "be":  # "was attacked", "were sent"; not "was ready to help", "is meeting"
        participle = head.voice == "participle" or (not head.value and not head.text.endswith("ing"))
        voice = "passive" if participle and not modality else "active"
    elif head.voice == "passive":
        voice = "passive"
    elif head.voice == "middle":
        voice = "middle"
    report = head.value if head.value.startswith("report") else ""
    return VerbGroup(words[i].start, head.end, head, aspect, negated, modality, voice, report), j
