"""Persons named with no honorific and no lexicon title: a run of capitalised name words that its
shape or the words around it mark as a person's name.

Shape: a naming particle inside ("Siti Hajar binti Osman", "S. Devi a/p Muniandy", "Jimbun anak
Liang"), an initial first ("R. Kumaravel"), or a common given name first (`given_names.tsv`:
"Mohd Rizal Hamdan", "Tan Wei Ming"). Context: a lower-case noun for a person before it
(`person_nouns.tsv`: "coach Azlan Hamid", "the suspect, Wong Kar Lok", "wartawan akhbar Harian
Kita, Lim Mei Ling"), a speech cue before it ("kata Marina Lopez"), an age or an appositive after it
("Carlos Ruiz, 41,", "Helga Brandt, a lawyer", "Suharyanto, seorang petani").
A run that touches a lexicon name (organisation, place, country, role) or follows a place head
("Jalan Ahmad Zaki") is never read here; the lexicon keeps deciding what it knows.
"""

from __future__ import annotations

import re

from jalin.doc import Doc
from jalin.extract.actors.entries import Match
from jalin.extract.actors.names import name_at, stopwords
from jalin.extract.actors.spans import SpanIndex
from jalin.extract.common.speech import all_cues
from jalin.extract.common.words import alternation, function_words
from jalin.lexicon import Lexicon

# The first word of a capitalised run: "… kata Marina Lopez": the M of Marina.
_RUN_START = re.compile(r"(?<![\w'’./@-])[^\W\d_a-z]")
# Particles that only ever sit inside a person's name: "Aina binti Kamal", "Devi a/p Muniandy".
_PARTICLES = frozenset({"bin", "binti", "bte", "a/l", "a/p", "anak", "ibni", "@"})
# An initial: "R." or "S" (one capital letter, with or without its full stop).
_INITIAL = re.compile(r"[A-Z]\.?")
# A Malay noun made from a verb, capitalised as a sentence's first word: "Kedatangan", "Pertemuan".
_NOMINAL = re.compile(r"(?:Ke|Pe[mn]?g?|Per)[a-z]{3,}an")
# After the name: an age (", 28," ", 61." " (34)") or an appositive (", seorang …", ", a …").
_AGE = re.compile(r"(?:, \d{1,2}(?:,|\.(?!\d)| tahun| years?)| \(\d{1,2}\))")
# ", seorang petani", ", a farmer" (an appositive after a name)
_APPOSITIVE = re.compile(r", (?:salah seorang|seorang|a|an) [a-z]")
# A photograph's marker after a name: "Aminah Latif (gambar)", "Oskar Brenner (picture)".
_PICTURED = re.compile(r" \((?:gambar|foto|picture|pic|photo)\)")
# A name as a clause's subject, with the adverb or auxiliary that follows a person in news copy:
# "Rosa Diaz juga memaklumkan", "Rosa Diaz pula berkata", "Rosa Diaz has also".
_SUBJECT_ADVERB = re.compile(r" (?:juga|pula|turut|sebelum ini|kemudiannya|telah|sudah|pernah"
                             r"|also|has|had|later) [a-z]")
# Before the name: a speech cue and its comma ("kata Marina", "said Carlos", "menurut Helga,").
_GAP = re.compile(r",? ?$")


def _place_heads(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon.table("place_heads"))


def _after_place(doc: Doc, start: int) -> bool:
    """Whether a place head (or a capitalised word after one) comes right before `start`."""
    before = doc.text[max(0, start - 30):start].split()
    heads = doc.lexicon.cached("bare.place_heads", _place_heads)
    return bool(before) and (before[-1] in heads or (len(before) > 1 and before[-2] in heads
                                                      and before[-1][:1].isupper()))


def _lone_nouns(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["form"] for row in lexicon.table("person_nouns") if " " not in row["form"])


def _portfolio_words(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon.table("portfolio_words"))


def is_nominal(doc: Doc, word: str) -> bool:
    """Whether a capitalised word opens a portfolio or a topic rather than a name: a listed word
    ("Teknologi", "Hal") or a Malay noun made from a verb or an adjective ("Kebudayaan")."""
    if word in doc.lexicon.cached("bare.portfolio_words", _portfolio_words):
        return True
    return bool(_NOMINAL.fullmatch(word)) and word not in doc.lexicon.cached("bare.given_names",
                                                                             _given_names)


def opens_with_noun(doc: Doc, words: list[str]) -> bool:
    """Whether a capitalised run starts with a person noun ("Aktivis Siti Rohaya Ghani")."""
    return bool(words) and words[0].lower() in doc.lexicon.cached("bare.lone_nouns", _lone_nouns)


def _given_names(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon.table("given_names"))


def _noun_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(before, after): a person noun right before a name, an organisation's capitalised words and a
    comma allowed between ("wartawan Harian Kita, X"); a person noun after a name and its comma."""
    forms = sorted({row["form"] for row in lexicon.table("person_nouns")}, key=len, reverse=True)
    alternatives = "|".join(f"[{f[0].upper()}{f[0]}]{re.escape(f[1:])}" for f in forms)  # "[Pp]eguam"
    # "the suspect, " / "coach " / "wartawan Harian Kita (HK), " / "penyanyi terkenal, " /
    # "vokalis utama kumpulan Red Harbour, " / "seorang peguam bernama " / "a driver named "
    before = re.compile(
        rf"(?<![\w-])(?:{alternatives})(?:(?: [\w'’&-]+| \([A-Za-z]{{2,10}}\)){{1,5}},)?"
        rf"(?:(?: [\w'’&-]+){{0,3}} (?:iaitu|ialah|yang bernama|bernama|named|called))? ?,? $")
    # ", seorang jurulatih" is _APPOSITIVE; ", coach of …" / ", ketua …" here
    after = re.compile(rf", (?:{alternatives})(?![\w-])")
    return before, after


def _speakers(doc: Doc) -> frozenset[str]:
    """Capitalised words standing alone before a speech verb ("Tillerson berkata", "Okafor said"):
    a run elsewhere that starts or ends with one is that speaker's full name."""
    text = doc.text
    out = set()
    for cue in all_cues(doc):
        if cue.position != "after" or cue.start < 2 or text[cue.start - 1] != " ":
            continue
        space = text.rfind(" ", max(0, cue.start - 30), cue.start - 1)
        word = text[space + 1:cue.start - 1]
        previous = text[max(0, space - 20):space].rsplit(" ", 1)[-1] if space > 0 else ""
        if word[:1].isupper() and not word.isupper() and word.isalpha() and not previous[:1].isupper():
            out.add(word)
    return frozenset(out)


def _cue_ends(doc: Doc) -> set[int]:
    """Offsets right after an inverted speech cue or a source preposition ("kata ", "according to ")."""
    return {c.end for c in all_cues(doc) if c.position in ("inverted", "prep")}


def bare_people(doc: Doc, matches: list[Match], blocked: dict[int, str],
                taken: list[tuple[int, int]]) -> list[tuple[int, int, list[str]]]:
    """(start, end, words) of the persons named bare in the document, in text order."""
    text = doc.text
    given = doc.lexicon.cached("bare.given_names", _given_names)
    before_noun, after_noun = doc.lexicon.cached("bare.nouns", _noun_patterns)
    lone_nouns = doc.lexicon.cached("bare.lone_nouns", _lone_nouns)
    cue_ends = _cue_ends(doc)
    speakers = _speakers(doc) - stopwords(doc)
    spans = SpanIndex([(m.start, m.end) for m in matches] + list(taken))
    found: list[tuple[int, int, list[str]]] = []
    reach = 0
    for run in _RUN_START.finditer(text):
        pos = run.start()
        if pos < reach or blocked.get(pos) is not None:
            continue
        name = name_at(doc, pos, blocked)
        if name is None:
            continue
        start, end, words = name
        if words[0].lower() in lone_nouns or (_NOMINAL.fullmatch(words[0]) and words[0] not in given):
            continue  # "Peguam Ravindran Pillai": the noun opens the sentence, the name follows it
        if spans.touches(start, end) or blocked.get(end + 1) is not None:
            continue  # part of a lexicon name ("Ahmad Zaki Hospital" is the hospital's)
        if _after_place(doc, start):
            continue  # "Jalan Ahmad Zaki", "Kampung Siti Hajar": a place named after someone
        echoed = len(words) >= 2 and (words[-1] in speakers or words[0] in speakers)
        if not echoed and not _is_person(doc, start, end, words, given, before_noun, after_noun, cue_ends):
            continue  # a later word of the run may still open a name ("Peguam Ravindran Pillai")
        found.append((start, end, words))
        reach = end
    return found


def _is_person(doc: Doc, start: int, end: int, words: list[str], given: frozenset[str],
               before_noun: re.Pattern[str], after_noun: re.Pattern[str], cue_ends: set[int]) -> bool:
    text = doc.text
    lowered = [w.lower() for w in words]
    if len(words) >= 3 and any(w in _PARTICLES for w in lowered[1:-1]):
        return True
    several = len([w for w in words if w.lower() not in _PARTICLES]) >= 2
    if several and (_INITIAL.fullmatch(words[0]) or words[0] in given):
        return True
    if not several:
        # one word: only with an appositive ("Suharyanto, seorang petani"); "named Rencong" may be a ship
        return bool(_APPOSITIVE.match(text, end))
    return (bool(before_noun.search(text, max(0, start - 80), start))
            or any(start - gap in cue_ends for gap in (1, 2))
            or bool(_AGE.match(text, end)) or bool(_APPOSITIVE.match(text, end))
            or bool(_PICTURED.match(text, end)) or bool(_SUBJECT_ADVERB.match(text, end))
            or bool(after_noun.match(text, end)))


# A capitalised run right before a position: "… kata Ana Lopes" (up to seven words).
_RUN_BEFORE = re.compile(r"(?<![\w'’-])[^\W\d_a-z][\w'’.-]*(?: [^\W\d_a-z][\w'’.-]*){1,6}$")
# Between two coordinated names: "Kim Jong-un dan Donald Trump", "Ana Lopes, Rui Costa and …".
_AND = alternation(function_words("CONJ", kind=("and", "also")), ["&"])  # dan, serta, and, &
_AND_AFTER = re.compile(f"(?:,? {_AND}|,) ")  # ", dan " / " and " / ", " (between two names)
# "Ana Lopes dan " / "Ana Lopes, " (right before the next name)
_AND_BEFORE = re.compile(f"(?:,? {_AND}|,) $")
# A list of names that goes on after one: "Ana Lopes, Rui Costa dan Eva Reis" ("," or "dan" next).
# "Ana Lopes, Rui Costa dari Porto, dan Eva Reis" (a few words of the item may come first).
_LIST_GOES_ON = re.compile(rf"[^.;:\n]{{0,30}}?(?:,|,? {_AND}) [^\W\d_a-z]")


def coordinated(doc: Doc, matches: list[Match], blocked: dict[int, str],
                people: list[tuple[int, int]]) -> list[tuple[int, int, list[str]]]:
    """Names of two words or more joined by "dan"/"and" to a person already found: the other side of
    the pair is a person too ("bertemu Kim Jong-un dan Donald Trump": Donald Trump)."""
    text = doc.text
    spans = SpanIndex([(m.start, m.end) for m in matches] + list(people))
    found: list[tuple[int, int, list[str]]] = []
    for start, end in sorted(people):
        link = _AND_AFTER.match(text, end)
        in_list = text[max(0, start - 2):start] == ", "
        if link is not None and text[link.end():link.end() + 1].isupper():
            name = name_at(doc, link.end(), blocked)
            # a bare comma is a list only when the list goes on: "Rui Costa, Sporting Lisbon" is not
            listed = name is not None and (link.group() != ", " or in_list
                                           or bool(_LIST_GOES_ON.match(text, name[1])))
            if name is not None and listed and len(name[2]) >= 2 and not spans.touches(name[0], name[1]) \
                    and blocked.get(name[1] + 1) is None:
                found.append(name)
                spans.add((name[0], name[1]))
        before = _AND_BEFORE.search(text, max(0, start - 12), start)
        if before is not None and before.group() == ", " and not _LIST_GOES_ON.match(text, end):
            before = None  # "penyanyi kumpulan Linkin Park, X berkata": the band, then the singer
        if before is None:
            continue
        run = _RUN_BEFORE.search(text, max(0, before.start() - 60), before.start())
        if run is None:
            continue
        for word in re.finditer(r"\S+", run.group()):
            name = name_at(doc, run.start() + word.start(), blocked)
            if name is not None and name[1] == before.start() and len(name[2]) >= 2:
                if not spans.touches(name[0], name[1]) and not opens_with_noun(doc, name[2]):
                    found.append(name)
                    spans.add((name[0], name[1]))
                break
    return found
