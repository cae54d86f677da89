"""The gatherings layer: seminars, conferences, summits, meetings, visits, talks, exhibitions, exercises.

Trigger words come from `gatherings.tsv`; the words around them from `gathering_cues.tsv`. Each
mention gets a kind, a name when the trigger heads a capitalised name ("Seminar Ketiga Kerjasama
Industri Pertahanan Malaysia-Korea"), the ordinal in that name, a location, the nearest time of its
sentence, and the countries represented (in the name and the sentence: country names, people and
bodies whose country is known, the speaker when it is said in a quote). Mentions of one gathering
merge into one record with several evidence spans: a mention pointing back ("seminar tersebut",
"the meeting"), the same name again, a visit to a place already visited, or the same word with the
same parties. A visit to several countries ("lawatan rasmi ke Indonesia, Singapura dan Malaysia")
is one visit per host. Counts of people or companies in the sentence of a mention, or in a later
sentence that says they took part ("dihadiri lebih 300 delegat"), are its attendance.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from jalin.doc import Doc
from jalin.extract.common.matcher import Anchors
from jalin.extract.common.queries import countries_in, reference_date, times_in
from jalin.extract.common.words import alternation, function_words
from jalin.lexicon import Lexicon
from jalin.model import Gathering, Span

_ATTENDING = frozenset({"participants", "people", "companies", "countries"})
_BRACKETED = r"\([A-Z][\w&]{1,12}(?: [A-Z][\w&]{1,12}){0,2}\)"  # "(AMM)", "(JBC Malphi)"
# "Manila", "ke-5", "12th", "(AMM)" (a word of a gathering's name)
_NAME_WORD = re.compile(rf"[A-Z0-9][\w'’]*(?:-[\w'’]+)*|[Kk]e-\d+|\d+(?:st|nd|rd|th)|{_BRACKETED}")
_NAME_GLUE = frozenset({"of", "on", "and", "for", "the", "dan", "bagi", "mengenai", "&"})
_WORD_BEFORE = re.compile(r"(\w+)\s+$")  # "mesyuarat " (the word right before a position)
_WORD = re.compile(r"[\w'’]+")  # "Dato'", "Ministers’"
_PAIR = re.compile(r" [A-Z][\w'’]*-[A-Z]")  # " Malaysia-Thailand" (two capitalised names joined by a hyphen)
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")  # "ASEAN" (an acronym)
_HOME_SIDE_KINDS = frozenset({"meeting", "visit", "talks", "conference"})
# "latihan bersama itu" (up to the next comma, stop or quote)
_CLAUSE = re.compile(r"[^,.;:!?\"”(]*(?=[,.;:!?\"”(])")
_FOLLOWING_WORD = re.compile(r"\s+([\w'’-]+)(?=\s)")  # " Cobra " (the next word)
_HOSTED = frozenset({"meeting", "conference", "summit", "seminar", "exhibition"})
_ENCOUNTERS = frozenset({"meeting", "visit", "talks"})
# kinds the same sides hold once in a report (meetings recur: "a meeting with …", then "the next
# Joint Commission meeting")
_ONE_PER_SIDES = frozenset({"exercise", "exhibition"})
_QUOTE_END = re.compile(r"[,.!?;]['’\"”]")  # ".”", ",'" (a mark closing a quote)
_VENUE_BEFORE = re.compile(r"(?<![\w-])(?i:di|in|at)\s+(?:[A-Z][\w'’-]*,?\s+)*$")  # "di Manila, "
# " Kuala Lumpur, Malaysia" (capitalised place words)
_PLACE = re.compile(r"\s+((?:[A-Z][\w'’]*(?:-[\w'’]+)*)(?:[ ,]+[A-Z][\w'’]*(?:-[\w'’]+)*)*)")
# capitalised words (joined by "and", "of", "dan" … before another capitalised word) ending before a trigger
_NAME_LEFT = re.compile(
    rf"(?:(?:[A-Z0-9][\w'’]*(?:-[\w'’]+)*|{_BRACKETED})[ ]+"
    r"(?:(?:and|of|on|for|dan|bagi|mengenai|&)[ ]+(?=[A-Z]))?)+$"
)
_LENGTH_THEN_BACK = re.compile(  # "Mesyuarat dua hari itu"
    r"(?i)\s+(?:selama\s+)?(?:[\w-]+\s+)?(?:hari|minggu|jam|sejam)\s+(?:itu|tersebut)(?!\w)"
)
_MEET_GAP = re.compile(  # lowercase links, then up to four capitalised words of a title
    r"\s+(?:(?i:with|dengan|his|her|their|the|its|top|senior|rakan\s+sejawat)\s+)*(?:[A-Z][\w'’.-]*\s+){0,4}"
)
# what is said after it is no side; right after the trigger it is a relative ("the summit that X hosted")
_REPORTED = re.compile(r"(?<=\w )(?:that|bahawa)(?![\w-])")
# "bilateral ", "dua hala " (right before a position)
_BILATERAL_BEFORE = re.compile(r"(?i)(?<![\w-])(?:bilateral|dua\s+hala|dua-hala)\s+$")
# " dua hala", " bilateral" (right after a position)
_BILATERAL_AFTER = re.compile(r"(?i)\s+(?:dua\s+hala|dua-hala|bilateral)(?![\w-])")
# ", siri ke-5", " edition 12" (the edition after a name)
_EDITION_AFTER = re.compile(r"(?i),?\s+(?:siri|edisi|kali|series|edition)\s+(?:yang\s+)?(ke-\d+|\w+)")
# "the 12th edition of the " (the edition before a name)
_EDITION_BEFORE = re.compile(
    r"(?i)(?:the\s+)?(\w+)\s+(?:edition|series|instalment|installment)\s+of\s+(?:the\s+)?$"
)
# "ke-5", "12th", "3" (an edition number)
_ORDINAL_DIGITS = re.compile(r"(?i)^(?:ke-)?(\d{1,3})(?:st|nd|rd|th)?$")
_AND = alternation(function_words("CONJ", kind=("and", "also")))  # dan, serta, and
_PLACE_SEPARATOR = re.compile(rf"(?:,?\s+{_AND}\s+|,\s*)(?:the\s+)?")  # ", dan " / " and the " / ", "
# a call on someone who is urged to act is no meeting: "called on Japan to withdraw"
_URGED = re.compile(r"[^,.;:!?]{0,80}?(?<![\w-])to\s+[a-z]")
# an ordinal right after an unnamed mention: "mesyuarat pertama", "kali kedua", "kunjungan pertamanya"
_ORDINAL_AFTER = re.compile(r"(?i)\s+(?:(buat\s+kali|kali|yang)\s+)?([\w-]+?)(nya)?(?![\w-])(\s*[\w-]*)")
# one right before it: "the first meeting", "its inaugural joint summit"
_ORDINAL_BEFORE = re.compile(r"(?i)(?<![\w-])([\w-]+)\s+(?:(?:joint|bilateral|official|annual|state)\s+)?$")
# in its clause: "melawat Hanoi buat kali pertama", "visited Hanoi for the first time"
_ORDINAL_TIME = re.compile(r"(?i)(?<![\w-])(?:(?:buat|untuk)\s+kali\s+([\w-]+)|for\s+the\s+([\w-]+)\s+time)")
# " lawatan rasmi itu", " mesyuarat tersebut" (a mention's words, then a demonstrative)
_BACK_AFTER = re.compile(
    r"(?:\s+(?!(?i:dengan|di|ke|antara|bersama|dari|daripada|with|in|at)\b)[a-z][\w-]*){1,3}\s+(?:itu|tersebut)(?![\w-])"
)


@dataclass(frozen=True, slots=True)
class GatheringWords:
    triggers: Anchors
    rows: dict[str, tuple[str, str, str]]  # folded phrase -> (kind, form, kind when named)
    cased: frozenset[str]             # phrases that count only as written (LIMA, DSA)
    cues: dict[str, frozenset[str]]   # folded word -> its roles

    def has(self, word: str, role: str) -> bool:
        return role in self.cues.get(word, ())
    ordinals: dict[str, int]


@dataclass(slots=True)
class _Record:
    kind: str
    phrase: str
    name: str | None
    ordinal: int | None
    location: str | None
    time: str | None
    parties: set[str]
    destinations: set[str] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)
    attendance: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


def _build(lexicon: Lexicon) -> GatheringWords:
    rows = lexicon.table("gatherings")
    table = {
        " ".join(r["phrase"].split()).lower(): (r["kind"], r["form"], r.get("named_kind") or r["kind"])
        for r in rows
    }
    cased = frozenset(" ".join(r["phrase"].split()) for r in rows if r.get("cased") == "yes")
    cues: dict[str, frozenset[str]] = {}
    for row in lexicon.table("gathering_cues"):
        word = " ".join(row["word"].split()).casefold()
        cues[word] = cues.get(word, frozenset()) | {row["role"]}
    ordinals = {r["word"].casefold(): int(r["value"]) for r in lexicon.table("ordinals")}
    return GatheringWords(Anchors(table), table, cased, cues, ordinals)


def extract(doc: Doc) -> list[Gathering]:
    words: GatheringWords = doc.lexicon.cached("gatherings.words", _build)
    text = doc.text
    records: list[_Record] = []
    mention_of: list[tuple[int, int, _Record]] = []  # (sentence, start, record) of each mention
    covered = 0
    ranked = _ranked_countries(doc)
    home = ranked[0] if ranked else None
    when = {t.id: t.value for t in doc.times}
    hits = [
        h for h in words.triggers.hits(text)
        if h[2].upper() not in words.cased or text[h[0]:h[1]] == h[2].upper()
    ]
    for index, (start, end, phrase) in enumerate(hits):
        if start < covered or not doc.sentences or _not_a_trigger(doc, words, hits, index):
            continue
        kind, form, named_kind = words.rows[phrase]
        sentence = doc.sentence_index(start)
        span = doc.sentences[sentence]
        naming = _naming(doc, words, start, end, span)
        if naming is None:
            continue
        name, body = naming
        if form == "of_body" and not name:
            continue  # "rapat Dewan Keamanan" is a meeting, "hubungan rapat" no gathering
        if name:
            covered = name[1]
            kind = named_kind if text[start].isupper() else kind
        back = _points_back(words, text, start, end, span.end)
        earlier = _earlier(records, kind) if back and not name else None
        if not (name or earlier) and _no_event(words, text, start, end, form):
            continue
        if earlier is not None:
            earlier.evidence.append(Span(start, end))
            earlier.ordinal = earlier.ordinal or _ordinal_beside(words, text, start, end, span.end)
            mention_of.append((sentence, start, earlier))
            continue
        destinations = _destinations(words, doc, end, span.end, form) if kind == "visit" else []
        if form in ("travel", "arrive") and not destinations:
            continue
        if form == "arrive" and not _traveller_before(doc, words, start, span.start):
            continue
        parties = _clause_parties(doc, words, (start, end), sentence, body)
        if len(destinations) > 1:  # the travellers come first: "Presiden X, dalam tur ke A, B dan C, …"
            parties = _parties(doc, _clause_start(text, span.start, start), start)
        _complete_parties(doc, words, parties, (start, end), span, name, body, kind, ranked)
        name_text = text[name[0]:name[1]] if name else None
        time = _nearest_time(doc, start, span.start, span.end)
        record = _Record(
            kind=kind,
            phrase=phrase,
            name=name_text,
            ordinal=(
                _ordinal(words, name_text) or _edition(words, text, name, span) if name
                else _ordinal_beside(words, text, start, end, span.end)
            ),
            location=_location(words, doc, end, span.end, destinations, time),
            time=time,
            parties=parties,
            sentences={sentence},
            evidence=[Span(*(name or (start, end)))],
        )
        host = _host(doc, record.location) if kind in _HOSTED and len(parties) == 1 else None
        if host:
            parties.add(host)  # held in a country: its hosts take part ("… Meeting here", Jakarta)
        sides = _sides(text, start, end, kind, home, parties, destinations)
        for target in _merge_or_add(records, record, sides, when):
            mention_of.append((sentence, start, target))
    _attach_attendance(doc, words, mention_of)
    return [
        Gathering(
            kind=r.kind, name=r.name, ordinal=r.ordinal, location=r.location, time=r.time,
            parties=sorted(r.parties), attendance=r.attendance, evidence=r.evidence,
        )
        for r in records
        if r.parties
    ]


def _not_a_trigger(doc: Doc, words: GatheringWords, hits: list[tuple[int, int, str]], index: int) -> bool:
    """A hit that names no gathering here: one right before another hit ("mesyuarat sidang kemuncak":
    the second word says what it is), a "not" form, a gerund after a verb, "meet" with no one after."""
    start, end, phrase = hits[index]
    if index + 1 < len(hits) and hits[index + 1][0] - end <= 1:
        return True
    _, form, _ = words.rows[phrase]
    if form == "not" or (form == "gerund" and _verb_before(words, doc.text, start)):
        return True
    if form == "call":  # "called on the prime minister", not "called on Japan to withdraw"
        return not _someone_follows(doc, end) or bool(_URGED.match(doc.text, end))
    return form == "meet" and not _someone_follows(doc, end)


def _naming(
    doc: Doc, words: GatheringWords, start: int, end: int, span: Span
) -> tuple[tuple[int, int] | None, tuple[str, tuple[int, int]] | None] | None:
    """(name, body) of a trigger: its name ("Sidang Kemuncak ASEAN ke-46"), or the body that meets
    ("mesyuarat Jemaah Menteri"), or in English the capitalised name before it; None when the
    trigger is a venue ("Dewan Mesyuarat") or a channel, not a gathering."""
    text = doc.text
    if _at_venue(words, text, start, span.start) or _inside_body(doc, start, end):
        return None
    name = _name(words, text, start, end, span.start, span.end)
    if name and _at_venue(words, text, name[1], name[0]):
        return None
    if _channel(words, text, name[0] if name else start):
        return None
    body = None if name else _body(doc, start, end)
    if body:
        name = body[1]
    elif not name and doc.language == "en":
        name = _name_before(text, start, end, span.start)
    if not name and text[start].islower():
        name = _of_body(doc, words, start, end, span.end)
    return name, body


def _clause_parties(
    doc: Doc, words: GatheringWords, trigger: tuple[int, int], sentence: int,
    body: tuple[str, tuple[int, int]] | None,
) -> set[str]:
    """The countries of the trigger's clause (and of the sentence before when it refers back:
    "the meeting"), or the one country whose own body meets ("mesyuarat Jemaah Menteri")."""
    if body:
        return {body[0]}
    text = doc.text
    start, end = trigger
    span = doc.sentences[sentence]
    said = _REPORTED.search(text, end + 2, span.end)  # "… said during a visit to X that …"
    hi = said.start() if said else span.end
    parties = _parties(doc, _clause_start(text, span.start, start), hi, trigger)
    if sentence and _refers_back(words, text, span.start, start):
        before = doc.sentences[sentence - 1]
        parties |= _parties(doc, before.start, before.end)
    return parties


def _complete_parties(
    doc: Doc, words: GatheringWords, parties: set[str], trigger: tuple[int, int], span: Span,
    name: tuple[int, int] | None, body: tuple[str, tuple[int, int]] | None, kind: str, ranked: list[str],
) -> None:
    """Add the countries of the name, the article's own country when one side tells it, the two
    countries the article names most for "both sides", the other side of a two-sided gathering."""
    text = doc.text
    start = trigger[0]
    home = ranked[0] if ranked else None
    if name:
        parties |= _parties(doc, name[0], name[1], trigger)
    if home is not None and kind in _HOME_SIDE_KINDS and len(parties) <= 1 and not body:
        parties.add(home)  # told from one side: the article's own country is the other
    if not parties and name and _both(words, text, span.start, span.end):
        parties.update(ranked[:2])
    if len(parties) == 1 and _two_sided(words, text, start, kind, span.start):
        parties.update(ranked[1:2] if home in parties else ranked[:1])


def _sides(
    text: str, start: int, end: int, kind: str, home: str | None, parties: set[str],
    destinations: list[tuple[str, int, int]],
) -> list[tuple[str, int, int]]:
    """The places a record splits by: its destinations, or one per guest for "bilateral meetings with
    his Thai and Lao counterparts"."""
    several = text[end - 1] == "s" and kind != "talks"  # "meetings", not "talks" (one round)
    if several and home in parties and len(parties) > 2 and _bilateral(text, start, end):
        return [(code, start, end) for code in sorted(parties - {home})]
    return destinations


# ---------------------------------------------------------------- one mention


def _name(words: GatheringWords, text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The name a trigger heads or ends, as (start, end), else None: capitalised words around a
    capitalised trigger ("Seminar Ketiga Kerjasama Industri Pertahanan Malaysia-Korea", "the
    Shangri-La Dialogue"), or a lowercase trigger before a hyphenated pair ("dialog ASEAN-Amerika
    Syarikat"). At a sentence's start, where every word is capitalised, the words after it must
    look like a name (an ordinal, an acronym, a pair): "Pertemuan Najib dan Trump" is no name."""
    last = _name_end(text, end, hi)
    following = text[end:last]
    paired = bool(_PAIR.match(following))
    if not text[start].isupper():
        numbered = _ACRONYM.search(following) and _ordinal(words, following)
        return (start, last) if paired or numbered else None
    first = start
    opening = _opens(text[lo:start])
    left = _NAME_LEFT.search(text[lo:start])
    if left and not opening:
        first = lo + left.start()
        if _opens(text[lo:first]):  # the sentence's first word is capitalised anyway
            skip = re.match(r"\S+[ ]+", text[first:start])
            first = first + skip.end() if skip else start
    looks_named = paired or _ACRONYM.search(following) or _ordinal(words, following)
    if opening and first == start and not looks_named:
        return None
    if first == start and last == end:
        return None
    return first, last


def _name_before(text: str, start: int, end: int, lo: int) -> tuple[int, int] | None:
    """An English name of two or more capitalised words before a lowercase trigger, as (start,
    end): "the Pacific Naval Expo (PNE) 2027 exhibition", "the Cope Taufan exercise"."""
    if text[start].isupper():
        return None
    left = _NAME_LEFT.search(text[lo:start])
    if not left:
        return None
    first = lo + left.start()
    if _opens(text[lo:first]):  # the sentence's first word is capitalised anyway
        skip = re.match(r"\S+[ ]+", text[first:start])
        first = first + skip.end() if skip else start
    return (first, end) if len(text[first:start].split()) >= 2 else None


def _opens(lead: str) -> bool:
    """True when what comes after `lead` starts a sentence or a quotation (a possessive
    "Ministers' Meeting" is no opening quote)."""
    lead = lead.rstrip()
    if not lead or lead[-1] in ".!?\"“:‘":
        return True
    return lead[-1] == "'" and (len(lead) == 1 or lead[-2].isspace())


def _name_end(text: str, cursor: int, hi: int) -> int:
    """Where the capitalised words (joined by of, and, dan, bagi …) after `cursor` end."""
    while True:
        word = _NAME_WORD.match(text, cursor + 1) if text[cursor:cursor + 1] == " " else None
        if word and word.end() <= hi:
            cursor = word.end()
            continue
        glue = re.match(r"[ ]+(\w+|&)(?=[ ])", text[cursor:hi])
        if glue and glue.group(1).casefold() in _NAME_GLUE:
            nxt = _NAME_WORD.match(text, cursor + glue.end() + 1)
            if nxt and nxt.end() <= hi and text[nxt.start()].isupper():
                cursor = nxt.end()
                continue
        return cursor


def _points_back(words: GatheringWords, text: str, start: int, end: int, hi: int) -> bool:
    """ "seminar tersebut", "kunjungan hormat Kono itu" (Malay: after) · "the meeting" (English: before)."""
    clause = _CLAUSE.match(text, end, min(hi, end + 40))
    tail = clause.group().split() if clause else []
    if 0 < len(tail) <= 4 and tail[-1].casefold() in ("itu", "tersebut", "berkenaan", "terbabit"):
        return True  # "Dalam pertemuan selama sejam itu, …"
    if _BACK_AFTER.match(text, end, hi):
        return True  # "Dalam pertemuan kali kedua mereka itu sejak …"
    if _LENGTH_THEN_BACK.match(text, end, hi):
        return True  # "Mesyuarat dua hari itu …"
    after = re.findall(r"[\w-]+", text[end:min(hi, end + 25)])[:2]
    for i, word in enumerate(after):
        folded = word.casefold()
        if words.has(folded, "anaphor") and folded not in ("the", "this", "that"):
            return True
        if i == 0 and not word[0].isupper():
            break
    before = re.search(r"(\w+)\s+$", text[max(0, start - 12):start])
    return bool(before) and before.group(1).casefold() in ("the", "this", "that")


def _no_event(words: GatheringWords, text: str, start: int, end: int, form: str) -> bool:
    """True when an unnamed mention is no gathering: a `named` word outside a session, a `held`
    word no one holds ("melalui rundingan", "speed up negotiations"), or a lowercase word that
    names a class ("latihan bersama seperti …", "exercises such as …")."""
    if form == "named" and not _after_session(words, text, start):
        return True
    if form == "held" and not _held(words, text, start):
        return True
    follower = re.match(r"\s+(\w+(?:\s+as)?)", text[end:end + 20])
    return bool(follower) and words.has(follower.group(1).casefold(), "example")


def _held(words: GatheringWords, text: str, start: int) -> bool:
    before = re.findall(r"[\w'’-]+", text[max(0, start - 40):start])[-3:]
    return any(words.has(word.casefold(), "hold") for word in before)


def _refers_back(words: GatheringWords, text: str, lo: int, at: int) -> bool:
    """True when the sentence opens by pointing back to an event of the sentence before
    ("Majlis pemeteraian itu berlangsung pada …", "The signing took place at …")."""
    head = re.findall(r"[\w'’-]+", text[lo:at])[:4]
    if not head:
        return False
    if head[0].casefold() in ("the", "this") and len(head) > 1:
        return words.has(head[1].casefold(), "event_noun")
    return words.has(head[0].casefold(), "event_noun") and any(
        words.has(word.casefold(), "anaphor") for word in head[1:]
    )


def _two_sided(words: GatheringWords, text: str, start: int, kind: str, lo: int) -> bool:
    """Visits and talks always have two sides, as has anything "joint" or "bilateral"."""
    if kind in ("visit", "talks"):
        return True
    before = text[max(lo, start - 25):start].casefold().split()[-2:]
    return any(word in ("joint", "bilateral", "bersama", "dua-hala") for word in before)


def _traveller_before(doc: Doc, words: GatheringWords, start: int, lo: int) -> bool:
    """True when the one who arrives is a person or a delegation: "Perdana Menteri Lim tiba di
    Hanoi", "the delegation arrived in Seoul", not "both aircraft arrived in Perth"."""
    clause = max(_clause_start(doc.text, lo, start), start - 80)
    stop = max(doc.text.rfind(mark, clause, start) for mark in ".!?;")
    clause = max(clause, stop + 1)  # "… flight”.Both aircraft arrived": a sentence end left unsplit
    for actor in doc.actors:
        if actor.type == "PERSON" and any(clause <= m.start < start for m in actor.mentions):
            return True
    return any(words.has(w.casefold(), "traveller") for w in re.findall(r"[\w-]+", doc.text[clause:start]))


def _someone_follows(doc: Doc, end: int) -> bool:
    """True when a person, body or country is named right after a verb of meeting ("met his
    Japanese counterpart", "bertemu dengan Menteri Luar Jepun", "meet US embassy officials")."""
    for actor in doc.actors:
        if actor.type == "LOCATION":
            continue
        for mention in actor.mentions:
            if end <= mention.start <= end + 40 and _MEET_GAP.fullmatch(doc.text, end, mention.start):
                return True
    return False


def _channel(words: GatheringWords, text: str, at: int) -> bool:
    """True after a word that makes the gathering a standing channel, not a session held:
    "through the Regional Forum", "melalui Forum Serantau"."""
    before = re.search(r"([\w-]+)\s+(?:the\s+)?$", text[max(0, at - 20):at])
    return bool(before) and words.has(before.group(1).casefold(), "channel")


def _bilateral(text: str, start: int, end: int) -> bool:
    """ "bilateral meetings", "pertemuan dua hala": each meeting has two sides."""
    return bool(
        _BILATERAL_BEFORE.search(text, max(0, start - 20), start) or _BILATERAL_AFTER.match(text, end)
    )


def _both(words: GatheringWords, text: str, lo: int, hi: int) -> bool:
    """True when the sentence speaks of both sides ("kedua-dua angkatan laut", "both navies")."""
    return any(words.has(w.casefold(), "both") for w in re.findall(r"[\w-]+", text[lo:hi]))


def _body(doc: Doc, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """(country, name span) when the trigger is the meeting of one country's government body:
    "mesyuarat Jemaah Menteri", "the Cabinet meeting"."""
    text = doc.text
    for actor in doc.actors:
        if actor.type != "ORGANISATION" or not actor.country or actor.sector not in (None, "GOV", "MIL"):
            continue
        for mention in actor.mentions:
            if 0 <= start - mention.end <= 1 and text[mention.end:start].strip() == "":
                return actor.country, (mention.start, end)
            after = 0 <= mention.start - end <= 1 and not text[end:mention.start].strip()
            if after and text[start].islower():
                return actor.country, (start, mention.end)
    return None


def _of_body(doc: Doc, words: GatheringWords, start: int, end: int, hi: int) -> tuple[int, int] | None:
    """The name of a lowercase trigger that a body's name follows (after up to two modifiers), as
    (trigger start, body end): "sidang kemuncak luar biasa Pertubuhan Kerjasama Islam", "rapat
    Dewan Keamanan PBB". English puts the body first ("the Security Council meeting")."""
    cursor = end
    for _ in range(3):
        step = re.match(r"\s+([\w-]+)", doc.text[cursor:hi])
        if not step:
            return None
        for actor in doc.actors:
            ends = [m.end for m in actor.mentions if m.start == cursor + step.start(1)]
            if actor.type == "ORGANISATION" and ends:
                return start, min(max(ends), hi)
        if not words.has(step.group(1).casefold(), "modifier"):
            return None
        cursor += step.end()
    return None


def _verb_before(words: GatheringWords, text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    return bool(before) and words.has(before.group(1).casefold(), "verb_before")


def _after_session(words: GatheringWords, text: str, start: int) -> bool:
    before = re.search(r"(\w+)\s+$", text[max(0, start - 12):start])
    return bool(before) and words.has(before.group(1).casefold(), "session")


def _earlier(records: list[_Record], kind: str) -> _Record | None:
    """The gathering a mention pointing back refers to: the latest of its kind, else (a meeting)
    the latest visit or talks, where the two sides met ("kunjungan hormat …" then "pertemuan itu")."""
    same = next((r for r in reversed(records) if r.kind == kind), None)
    if same is not None or kind != "meeting":
        return same
    return next((r for r in reversed(records) if r.kind in _ENCOUNTERS), None)


def _clause_start(text: str, lo: int, at: int) -> int:
    """Where the words about a mention at `at` begin: after a quotation that ends before it
    ('… Consensus,' he told a joint press conference: the quote's countries are not the
    conference's), else the sentence start."""
    ends = [m.end() for m in _QUOTE_END.finditer(text, lo, at)]
    return ends[-1] if ends else lo


def _ranked_countries(doc: Doc) -> list[str]:
    """Countries by how much the article is about them (mentions of them, their people and their
    bodies; the first mentioned first in a tie). The first is the implied other side of a meeting
    or visit told from one side ("received a courtesy call from Singapore's deputy prime
    minister"); the second, the other side of a visit by the first."""
    counts: dict[str, list[int]] = {}
    for actor in doc.actors:
        if actor.country and actor.mentions:
            seen = counts.setdefault(actor.country, [0, len(doc.text)])
            seen[0] += len(actor.mentions)
            seen[1] = min(seen[1], actor.mentions[0].start)
    return sorted(counts, key=lambda code: (-counts[code][0], counts[code][1]))


def _inside_body(doc: Doc, start: int, end: int) -> bool:
    """True when the trigger is a word inside a body's name: "Pertubuhan Persidangan Islam", not
    "the Organisation of Islamic Cooperation summit" nor the body that is a meeting ("… Ministers'
    Meeting")."""
    return any(
        m.start < start and m.end > end
        for actor in doc.actors if actor.type == "ORGANISATION" for m in actor.mentions
    )


def _at_venue(words: GatheringWords, text: str, at: int, lo: int) -> bool:
    """True when the words just before `at` name a building ("Pusat Dagangan dan Pameran …",
    "… Congress Centre"): the trigger word is part of a venue's name, not a gathering."""
    for word in reversed(_WORD.findall(text, max(lo, at - 40), at)[-3:]):
        if words.has(word.casefold(), "building") and word[0].isupper():
            return True
        if not word[0].isupper() and word.casefold() not in _NAME_GLUE:
            return False
    return False


def _parties(doc: Doc, start: int, end: int, trigger: tuple[int, int] = (0, 0)) -> set[str]:
    """Countries represented: named in [start, end) or the country of a person or body named there.
    A country written as the venue ("di Manila, Filipina", "in Singapore") counts only when fewer
    than two others are found; a country name that is the trigger itself (LIMA) never counts."""
    found: set[str] = set()
    venues: set[str] = set()
    venue_end = -1
    for code, m_start, m_end, _ in countries_in(doc, start, end):
        if (m_start < trigger[1] and trigger[0] < m_end) or _abbreviation(doc.text, m_start, m_end):
            continue
        if _onward(doc.lexicon, doc.text, m_start):
            continue
        at_venue = _VENUE_BEFORE.search(doc.text, max(0, m_start - 40), m_start)
        if at_venue or re.fullmatch(r",\s*", doc.text[venue_end:m_start]):
            venues.add(code)
            venue_end = m_end
        else:
            found.add(code)
    if len(found) < 2:
        found |= venues
    starts, countries = _mention_countries(doc)
    found.update(countries[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)])
    return found


def _mention_countries(doc: Doc) -> tuple[list[int], list[str]]:
    """Where each mention of a person or body with a country starts, in order, and that country:
    the countries of those named in a span are one bisect away (not a scan of every mention)."""
    cache = doc.private("gatherings")
    if "mention_countries" not in cache:
        pairs = sorted((m.start, actor.country) for actor in doc.actors
                       if actor.country and actor.type not in ("COUNTRY", "LOCATION") for m in actor.mentions)
        cache["mention_countries"] = ([p[0] for p in pairs], [p[1] for p in pairs])
    return cache["mention_countries"]


def _onward(lexicon: Lexicon, text: str, at: int) -> bool:
    """True when a word of going on comes up to three words before `at` ("berlepas ke Singapura")."""
    words: GatheringWords = lexicon.cached("gatherings.words", _build)
    before = re.findall(r"[\w'’-]+", text[max(0, at - 30):at])[-3:]
    return any(words.has(word.casefold(), "onward") for word in before)


def _abbreviation(text: str, start: int, end: int) -> bool:
    """An acronym in brackets ("… Exhibition (LIMA)") abbreviates the name before it, whatever
    country or city it spells."""
    return text[start - 1:start] == "(" and text[end:end + 1] == ")" and text[start:end].isupper()


def _destinations(
    words: GatheringWords, doc: Doc, end: int, hi: int, form: str
) -> list[tuple[str, int, int]]:
    """The countries a visit goes to: "lawatan rasmi ke A, B dan C", "lawatan dua harinya ke
    Jakarta" (a few lowercase words may come first), "visited Japan"."""
    text = doc.text
    cue = None
    for word in _FOLLOWING_WORD.finditer(text, end, min(hi, end + 40)):
        if words.has(word.group(1).casefold(), "destination"):
            cue = word
            break
        if word.group(1)[0].isupper() or word.start() - end > 25:
            break
    cursor = end
    if cue:
        cursor = cue.end() + len(text[cue.end():hi]) - len(text[cue.end():hi].lstrip())
    elif form not in ("verb", "travel", "arrive"):
        return []
    else:
        cursor = end + len(text[end:hi]) - len(text[end:hi].lstrip())
    found = []
    places = [(code, s, e) for code, s, e, _ in countries_in(doc, cursor, hi)]
    places += [  # cities stand for their country as a destination: "akan ke Beijing"
        (actor.country, m.start, m.end) for actor in doc.actors
        if actor.type == "LOCATION" and actor.country
        for m in actor.mentions if cursor <= m.start < hi
    ]
    for code, s, e in sorted(places, key=lambda p: (p[1], p[2])):
        if s < cursor:
            continue
        if s != cursor:
            break
        found.append((code, s, e))
        # ", dan Laos", " and the Philippines"
        sep = _PLACE_SEPARATOR.match(text[e:hi])
        if not sep:
            break
        cursor = e + sep.end()
    return found


def _location(
    words: GatheringWords,
    doc: Doc,
    end: int,
    hi: int,
    destinations: list[tuple[str, int, int]],
    time: str | None,
) -> str | None:
    """Where it is held: a visit's one destination, the place after "di"/"in"/"at", "di sini" /
    "here" (the dateline), else the dateline when nothing dates it away from the report's day."""
    text = doc.text
    if len(destinations) == 1:
        return text[destinations[0][1]:destinations[0][2]]
    near = text[end:min(hi, end + 80)]
    for cue in re.finditer(r"(?<![\w-])(\w+)(\s+sini\b)?", near):
        if words.has(cue.group().casefold(), "here"):
            return doc.info.dateline
        if words.has(cue.group(1).casefold(), "venue"):
            place = _PLACE.match(near, cue.end())
            if place:
                return place.group(1)
    if destinations:
        return None
    reference = reference_date(doc)
    today = reference.isoformat() if reference else None
    if time is None or any(t.id == time and t.value == today for t in doc.times):
        return doc.info.dateline
    return None


def _host(doc: Doc, location: str | None) -> str | None:
    """The country a gathering's place lies in (the dateline's JAKARTA, a known city)."""
    if not location:
        return None
    folded = location.casefold()
    for actor in doc.actors:
        if actor.type == "LOCATION" and actor.country and folded in (actor.name.casefold(), actor.canonical):
            return actor.country
    return None


def _nearest_time(doc: Doc, at: int, lo: int, hi: int) -> str | None:
    times = times_in(doc, lo, hi)
    if not times:
        return None
    return min(times, key=lambda t: (abs(t.start - at), t.start)).id


def _edition(words: GatheringWords, text: str, name: tuple[int, int], span: Span) -> int | None:
    """An ordinal written beside the name: "Latihan Harimau Shakti siri kelima", "edisi ke-5",
    "the fifth edition of the … Dialogue"."""
    after = _EDITION_AFTER.match(text, name[1], span.end)
    before = _EDITION_BEFORE.search(text, max(span.start, name[0] - 40), name[0])
    found = (after and after.group(1)) or (before and before.group(1))
    return _ordinal(words, found) if found else None


def _ordinal_beside(words: GatheringWords, text: str, start: int, end: int, hi: int) -> int | None:
    """The ordinal of an unnamed mention, written after it ("mesyuarat pertama", "pertemuan kali
    kedua", "lawatan pertamanya"), before it ("the inaugural summit") or in its clause ("melawat
    Hanoi buat kali pertama", "for the first time"). A bare ordinal after a Malay noun counts only
    before a word that cannot start a noun phrase: "pertemuan kedua pemimpin" is the two leaders'."""
    after = _ORDINAL_AFTER.match(text, end, hi)
    if after:
        value = _ordinal(words, after.group(2))
        bare = not after.group(1) and not after.group(3)
        following = after.group(4).strip().casefold()
        if value and (not bare or not following or words.has(following, "ordinal_next")):
            return value
    before = _ORDINAL_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1).casefold() in words.ordinals:
        return words.ordinals[before.group(1).casefold()]
    clause = _CLAUSE.match(text, end, hi)
    for time in _ORDINAL_TIME.finditer(text, end, clause.end() if clause else hi):
        value = _ordinal(words, time.group(1) or time.group(2))
        if value:
            return value
    return None


def _ordinal(words: GatheringWords, name: str) -> int | None:
    for token in re.findall(r"[\w-]+", name):
        folded = token.casefold()
        if folded in words.ordinals:
            return words.ordinals[folded]
        digits = _ORDINAL_DIGITS.match(token)
        if digits and (folded.startswith("ke-") or not folded.isdigit()):
            return int(digits.group(1))
    return None


# ---------------------------------------------------------------- merging and attendance


def _merge_or_add(
    records: list[_Record], record: _Record, destinations: list[tuple[str, int, int]],
    when: dict[str, str | None],
) -> list[_Record]:
    """Fold the mention into the record it repeats, or add it (one per host of a visit)."""
    hosts = [code for code, *_ in destinations]
    for earlier in reversed(records):
        if earlier.kind != record.kind:
            continue
        same_name = (
            bool(record.name and earlier.name) and _same_name(record.name, earlier.name)
            and not (record.ordinal and earlier.ordinal and record.ordinal != earlier.ordinal)
        )
        if record.name and earlier.name and not same_name:
            continue  # two named gatherings (or two editions of one) stay apart
        named_later = (  # "latihan bersama" in the lead, "Latihan Samudera Perkasa" further down
            record.kind in _ONE_PER_SIDES and bool(record.name) and not earlier.name
            and record.parties == earlier.parties
        )
        same_place = bool(hosts) and set(hosts) <= earlier.destinations
        same_sentence = bool(record.sentences & earlier.sentences)
        if same_sentence and len(hosts) > 1 and not earlier.destinations and not earlier.name:
            # "Lawatan pertamanya … ialah kunjungan ke A, B dan C": the trip, one visit per host
            records.remove(earlier)
            record.evidence = earlier.evidence + record.evidence
            record.ordinal = record.ordinal or earlier.ordinal
            record.time = record.time or earlier.time
            break
        same_words = (
            not record.name and not earlier.name and record.phrase == earlier.phrase
            and record.parties == earlier.parties
        )
        if same_name or same_place or same_words or same_sentence or named_later or _repeats(
            record, earlier, hosts, when
        ):
            earlier.evidence.extend(record.evidence)
            earlier.sentences |= record.sentences
            if not earlier.name and record.name:  # "latihan bersama" … then its name
                earlier.name, earlier.ordinal = record.name, record.ordinal
            if same_name:
                earlier.parties |= record.parties
                earlier.ordinal = earlier.ordinal or record.ordinal
                earlier.time = earlier.time or record.time
            return [earlier]
    if len(hosts) < 2:
        record.destinations = set(hosts)
        record.parties |= record.destinations  # a visit to a city: its country hosts
        records.append(record)
        return [record]
    visitors = record.parties - set(hosts)
    added = []
    for host in dict.fromkeys(hosts):
        known = next(  # the trip told again: "… ke Arab Saudi, Israel dan Palestin" twice
            (r for r in records
             if r.kind == record.kind and r.destinations == {host} and visitors <= r.parties),
            None,
        )
        if known is not None:
            known.evidence.extend(record.evidence)
            known.sentences |= record.sentences
            added.append(known)
            continue
        added.append(
            _Record(
                kind=record.kind, phrase=record.phrase, name=record.name, ordinal=record.ordinal,
                location=record.location, time=record.time, parties=visitors | {host},
                destinations={host}, sentences=set(record.sentences), evidence=list(record.evidence),
            )
        )
        records.append(added[-1])
    return added


def _repeats(record: _Record, earlier: _Record, hosts: list[str], when: dict[str, str | None]) -> bool:
    """True when an unnamed meeting, visit or talks mention repeats an earlier one of the same kind:
    its sides are among the earlier one's ("Menteri itu menerima kunjungan hormat Duta Jepun …
    Dalam pertemuan sejam di pejabatnya, …"), it names no place it goes to and is dated no other
    day ("kunjungan beliau ke Malaysia tahun lalu" after a visit to Riyadh is another visit)."""
    if record.name or hosts or record.kind not in _ENCOUNTERS or not record.parties <= earlier.parties:
        return False
    ours, theirs = when.get(record.time or ""), when.get(earlier.time or "")
    return not (ours and theirs and ours != theirs)


def _same_name(a: str, b: str) -> bool:
    fa, fb = _name_key(a), _name_key(b)
    return fa.startswith(fb) or fb.startswith(fa)


def _name_key(name: str) -> str:
    return re.sub(r"\s+(?:[Kk]e-\d+|\d+(?:st|nd|rd|th))$", "", name).casefold()


def _attach_attendance(doc: Doc, words: GatheringWords, mentions: list[tuple[int, int, _Record]]) -> None:
    if not mentions:
        return
    attend = [w for w, roles in words.cues.items() if "attend" in roles]
    verbs = re.compile(
        r"(?i)(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in attend) + r")(?![\w-])"
    )
    for quantity in doc.quantities:
        if quantity.unit not in _ATTENDING:
            continue
        sentence = doc.sentence_index(quantity.start)
        here = [r for s, _, r in mentions if s == sentence]
        if here:
            target = here[-1]
        else:
            span = doc.sentences[sentence]
            before = [r for s, at, r in mentions if at < quantity.start]
            if not before or not verbs.search(doc.text, span.start, span.end):
                continue
            target = before[-1]
        if quantity.id not in target.attendance:
            target.attendance.append(quantity.id)
