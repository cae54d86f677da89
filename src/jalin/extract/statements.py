"""The statements layer: direct quotes and reported speech, each with its speaker and cue.

Direct quotes: curly, straight and (English wire copy) single quotes; a quote may run over several
sentences, may be left open at the end of a paragraph (it goes on in the next one), may lose its
opening mark in scraped text (it then starts with its sentence). A quote is attributed by the cue
after it (`," katanya.`, `," he said.`, `," kata X.`, `," said X.`), or before it (`X berkata: "…"`),
or else it continues the previous speaker, or the speaker of the quote it runs into.

Reported speech: one statement per sentence outside quotes, from the attribution cues of
`speech_verbs.tsv`: "X berkata (bahawa) …", "…, kata X.", "…, katanya.", "Menurut X, …",
"X said (that) …", "…, said X.", "According to X, …".

Speakers: the actor named at the cue; a pronoun ("beliau", "he") or a bare cue ("katanya") is the
current speaker; a description with "itu" ("Ahli Parlimen itu") is the article's main speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from jalin.doc import Doc
from jalin.extract.common.speech import Cue, any_cue, cues_in
from jalin.extract.common.words import alternation, function_words
from jalin.lexicon import Lexicon
from jalin.model import Actor, Statement

_OPENERS = "“‘\"'"
_CLOSE_FOR = {"“": "”\"", "‘": "’'", "\"": "\"”", "'": "'’"}
_QUOTE_CHARS = re.compile("[“”‘’\"']")  # "“", "'" (any quote mark)
# " kepada", " to" (a preposition right before a position)
_PREPOSITION = re.compile(
    r"\b(?:di|dari|daripada|kepada|dengan|ke|untuk|bagi|terhadap|oleh|of|at|in|from|with|to|for|by)\s*$",
    re.IGNORECASE,
)
_MIN_WORDS = 4
# ", bahawa ", ": that " (before the reported words)
_LEADING = re.compile(r"(?:[,:;]\s*)?(?:(?:bahawa|that)\b\s*)?(?:[,:]\s*)?", re.IGNORECASE)
# "KUALA LUMPUR, Mac 5 (Bernama) -- " (a dateline)
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?(?:\s*\([A-Za-z ]{2,20}\))?"
    r"\s*(?::|--|—|–|-)\s+"
)
# Between two speakers' clauses in one sentence: "…, manakala Y berkata …", "…, while Y said …".
_SEPARATOR = re.compile(r"(?:,\s*|;\s*|\s)(?:manakala|sementara|sedangkan|while|whereas)\s+$", re.IGNORECASE)
_RUN_ON = re.compile(r"(?<=[.!?])[\"”’']?\s*$")  # ".” " (a sentence end right before a position)
# Where and how it was said, before the words: "in a statement today that", "dalam kenyataan, bahawa".
_FRAMING = re.compile(
    r"\s*,?\s*(?:in|on|at|during|after|when|dalam|ketika|semasa|selepas|pada|kepada)\b[^.,;:“\"]{0,80}?"
    r"(?:,\s*)?\b(?:that|bahawa)\b",
    re.IGNORECASE,
)
# A body referred back to by its kind: "the ministry", "kementerian itu".
_BODY_NOUNS_EN = r"ministry|agency|department|company|firm|embassy|council|commission|navy|army|government"
_BODY_NOUNS_MS = r"kementerian|agensi|jabatan|syarikat|kedutaan|majlis|suruhanjaya|kerajaan|pihak berkuasa"
_BODY_ANAPHOR = re.compile(  # "the embassy", "kedutaan itu", "pihak kedutaan"
    rf"(?:[Tt]he\s+(?P<en>{_BODY_NOUNS_EN})|(?P<ms>{_BODY_NOUNS_MS})\s+(?:itu|tersebut)"
    rf"|pihak\s+(?P<side>{_BODY_NOUNS_MS}))",
    re.IGNORECASE,
)
# "the agency", "syarikat tersebut" (a body referred back to, whole word)
_BODY_AFTER = re.compile(
    rf"(?:the\s+(?:{_BODY_NOUNS_EN})|(?:{_BODY_NOUNS_MS})\s+(?:itu|tersebut))\b", re.IGNORECASE
)
# An aside between a speaker and the cue: ", meanwhile, ", ", who chaired the meeting, ".
_ASIDE = re.compile(r",[^,;:.“”\"]{2,100},\s*")
# Nothing said after the cue: "… X said today.", "… he told reporters here."
_TRAILING = re.compile(
    r"\s*(?:(?:today|yesterday|tonight|here|there|on \w+|last \w+|this \w+|hari ini|semalam|di sini)\b\s*)*"
    r"[.!]?\s*",
    re.IGNORECASE,
)
_TELL = frozenset({"told", "tells", "memberitahu"})
_AND_THAT = re.compile(  # ", and that", ", dan bahawa"
    rf",\s+{alternation(function_words('CONJ', kind=('and', 'also')))}\s+"
    rf"{alternation(function_words('COMP'))}\s+",
    re.IGNORECASE)
# " demikian", " so" (after a quote: "demikian katanya")
_DEMIKIAN = re.compile(r"\s*(?:demikian|begitu|so\b)", re.IGNORECASE)
_ANAPHORIC = re.compile(r"\b(?:itu|tersebut)\s*$")  # " itu", " tersebut" (right before a position)
_ALONE = ("alone", "document")  # cues that carry their speaker: "katanya", "jelas kenyataan itu"


@dataclass(slots=True)
class _Quote:
    open_mark: int  # offset of the opening mark (or where the quote starts when it has none)
    start: int  # first character inside
    end: int  # after the last character inside
    close_mark: int  # offset after the closing mark (== end when left open)
    closed: bool
    embedded: bool  # starts mid-sentence after a word: a phrase quoted in running text


def _pronoun_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    pronouns = [row["form"] for row in lexicon.table("pronouns")]
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, pronouns))})(?!\w)", re.IGNORECASE)


def _pronoun_genders(lexicon: Lexicon) -> dict[str, str]:
    return {row["form"].casefold(): row.get("gender", "") for row in lexicon.table("pronouns")}


def _gender_markers(lexicon: Lexicon) -> dict[str, str]:
    return {row["word"]: row["gender"] for row in lexicon.table("gender_markers")}


def _genders(doc: Doc) -> dict[str, str]:
    """Each person's gender ("m", "f") from the name particles and titles of its mentions."""
    markers = doc.lexicon.cached("statements.gender_markers", _gender_markers)
    out = {}
    for actor in doc.actors:
        if actor.type != "PERSON":
            continue
        words = {w for m in actor.mentions for w in m.text.replace(".", "").split()}
        words.update(actor.honorifics)
        found = {markers[w] for w in words if w in markers}
        if len(found) == 1:
            out[actor.id] = found.pop()
    return out


# ---------------------------------------------------------------- quotes


def _is_opener(text: str, i: int) -> bool:
    before = text[i - 1] if i else "\n"
    after = text[i + 1] if i + 1 < len(text) else ""
    if text[i] in "“‘":
        return True
    if not after or after.isspace():
        return False
    if before.isalnum():
        return False
    return after.isalnum() or (text[i] == "\"" and after in "‘'“(")


def _is_closer(text: str, i: int) -> bool:
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if text[i] in "”’" and not (after.isalpha()):
        return bool(before) and not before.isspace()
    if text[i] in "\"'":
        return bool(before) and not before.isspace() and not after.isalnum()
    return False


def _quotes(text: str) -> list[_Quote]:
    """Direct quotes in text order; an opener seen inside an open quote ends it (run-on paragraphs)."""
    quotes: list[_Quote] = []
    for para in re.finditer(r"[^\n]+", text):
        open_at = -1
        opener = ""
        for match in _QUOTE_CHARS.finditer(text, para.start(), para.end()):
            i, ch = match.start(), match.group()
            if open_at >= 0 and ch in _CLOSE_FOR[opener] and _is_closer(text, i):
                quotes.append(_Quote(open_at, open_at + 1, i, i + 1, True, _embedded(text, open_at)))
                open_at = -1
            elif ch in _OPENERS and _is_opener(text, i):
                if open_at >= 0:
                    if ch == opener or ch in "“\"":
                        quotes.append(_Quote(open_at, open_at + 1, i, i, False, _embedded(text, open_at)))
                    else:
                        continue  # a quote inside the quote
                open_at, opener = i, ch
            elif open_at < 0 and ch in "”\"" and _is_closer(text, i):
                start = _sentence_start(text, para.start(), i)
                quotes.append(_Quote(start, start, i, i + 1, True, False))
        if open_at >= 0:
            end = para.end()
            quotes.append(_Quote(open_at, open_at + 1, end, end, False, _embedded(text, open_at)))
    return quotes


def _sentence_start(text: str, low: int, i: int) -> int:
    """Where a quote that lost its opening mark starts: after the last sentence end before `i`."""
    best = low
    for match in re.finditer(r"[.!?][\"”’']?\s*(?=[A-Z\"“])|[.!?](?=[A-Z])", text[low:i]):
        best = low + match.end()
    return best


def _embedded(text: str, i: int) -> bool:
    """A quote opening right after a word: a phrase quoted in running text."""
    before = text[max(0, i - 2):i]
    return len(before) == 2 and before[1] == " " and before[0].isalnum()


# ---------------------------------------------------------------- speakers


def _can_speak(actor: Actor) -> bool:
    return actor.type in ("PERSON", "GROUP") or (actor.type == "ORGANISATION" and actor.sector is not None)


class _Speakers:
    """Actor mentions by position, and the running record of who spoke."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        spans = sorted((m.start, m.end, a.id) for a in doc.actors if _can_speak(a) for m in a.mentions)
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.types = {a.id: a.type for a in doc.actors}
        self.outlets = {a.id for a in doc.actors if a.type == "ORGANISATION" and a.sector == "MED"}
        self.countries = sorted(
            (m.start, m.end, a.id) for a in doc.actors if a.type == "COUNTRY" for m in a.mentions
        )
        self.current: str | None = None
        self.last_end = 0  # end of the name `named_after` found
        self.counts: dict[str, int] = {}
        self.order: list[str] = []
        self.pronoun = doc.lexicon.cached("statements.pronouns", _pronoun_pattern)
        self.pronoun_gender = doc.lexicon.cached("statements.pronoun_genders", _pronoun_genders)
        self.genders: dict[str, str] | None = None

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        spans = self.spans
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [spans[i] for i in range(first, last) if spans[i][1] <= end]

    def covering(self, offset: int) -> tuple[int, int, str] | None:
        index = bisect.bisect_right(self.starts, offset)
        for span in self.spans[max(0, index - 6):index]:
            if span[0] <= offset < span[1]:
                return span
        return None

    def subject_before(self, low: int, cue: int) -> str | None:
        """The speaker named before a cue: the first actor of the cue's clause, else the nearest."""
        text = self.doc.text
        segment_start = low
        for comma in re.finditer(",", text[low:cue]):
            offset = low + comma.start()
            if self.covering(offset) is None and text[offset + 1:cue].strip():
                segment_start = offset + 1
        tail = text[segment_start:cue].strip()
        words = tail.split()
        if words and len(words) <= 2 and self.pronoun.fullmatch(words[-1]):
            return self.resolve(words[-1], cue)
        found = [f for f in self.within(segment_start, cue)
                 if not _PREPOSITION.search(text[max(0, f[0] - 12):f[0]])]
        right_before = [f for f in found if not text[f[1]:cue].strip()]
        if right_before:
            return right_before[-1][2]  # named right before the verb
        if found:
            # an outlet reports who said it: "Portal X melaporkan Menteri Y berkata …"
            return next((f[2] for f in found if f[2] not in self.outlets), found[0][2])
        found = [f for f in self.within(low, cue)  # not the outlet written to: "dalam e-mel kepada X, …"
                 if not (f[2] in self.outlets and _PREPOSITION.search(text[max(0, f[0] - 12):f[0]]))]
        if found and found[-1][2] not in self.outlets:
            return found[-1][2]
        if found:  # only an outlet named before: the country or body right before the verb speaks
            country = next((c[2] for c in self.countries
                            if segment_start <= c[0] and c[1] <= cue and not text[c[1]:cue].strip()), None)
            return country or self.body_anaphor(tail, cue) or found[-1][2]  # "Menurut BBC, Beijing berkata"
        body = self.body_anaphor(tail, cue)
        if body is not None:
            return body
        if _ANAPHORIC.search(text[low:cue]):
            return self.main() or self.current_or_latest(cue)
        if tail and len(tail.split()) <= 2 and self.pronoun.search(tail):
            return self.current_or_latest(cue)
        return None

    def parenthetical_subject(self, low: int, cue: int) -> str | None:
        """The speaker of "X, meanwhile, said …" / "X, who …, said …" / "X, yang juga …, berkata …":
        a speaker opening the clause, then a comma-delimited aside right before the cue."""
        found = self.within(low, cue)
        if not found:
            return None
        start, end, actor = found[0]
        lead = self.doc.text[low:start]
        if lead.count(",") > 1 or len(lead.split()) > 8 or (lead.strip() and not lead.rstrip().endswith(",")):
            return None
        return actor if _ASIDE.fullmatch(self.doc.text, end, cue) else None

    def named_after(self, pos: int, limit: int) -> str | None:
        """The speaker named right after an inverted cue or a preposition ("kata X", "menurut X")."""
        text = self.doc.text
        found = self.within(pos, limit)
        if found and not text[pos:found[0][0]].strip(" ,").count(" ") > 3:
            first = found[0]
            if self.types.get(first[2]) == "ORGANISATION":  # "said Airbus chief executive X"
                first = next((f for f in found[1:] if self.types.get(f[2]) == "PERSON"
                              and "," not in text[first[1]:f[0]] and f[0] - first[1] < 60), first)
            self.last_end = first[1]
            return first[2]
        head = text[pos:limit].strip()
        named = _BODY_AFTER.match(head)
        body = self.body_anaphor(named.group(), pos) if named else None
        if body is not None and named is not None:
            self.last_end = pos + (len(text[pos:limit]) - len(text[pos:limit].lstrip())) + named.end()
            return body
        pronoun = self.pronoun.match(head) if head else None
        if pronoun:
            self.last_end = pos + (len(text[pos:limit]) - len(text[pos:limit].lstrip())) + pronoun.end()
            return self.resolve(pronoun.group(), pos)
        return None

    def body_anaphor(self, phrase: str, offset: int) -> str | None:
        """"the ministry", "kementerian itu": the organisation named last before `offset` whose name
        has that word."""
        found = _BODY_ANAPHOR.fullmatch(phrase.strip())
        if found is None:
            return None
        noun = (found.group("en") or found.group("ms") or found.group("side")).casefold()
        index = bisect.bisect_left(self.starts, offset) - 1
        while index >= 0:
            start, end, actor = self.spans[index]
            if self.types.get(actor) == "ORGANISATION" and noun in self.doc.text[start:end].casefold():
                return actor
            index -= 1
        return None

    def current_or_latest(self, offset: int) -> str | None:
        return self.current if self.current is not None else self.latest_person(offset)

    def issuer(self, offset: int) -> str | None:
        """Who a document speaks for ("…, jelas kenyataan itu", "the communiqué said"): the current
        speaker, else the body named last in the 600 characters before it (not an outlet)."""
        if self.current is not None:
            return self.current
        index = bisect.bisect_left(self.starts, offset) - 1
        while index >= 0 and self.spans[index][0] >= offset - 600:
            actor = self.spans[index][2]
            if self.types.get(actor) == "ORGANISATION" and actor not in self.outlets:
                return actor
            index -= 1
        return self.current_or_latest(offset)

    def alone(self, cue: Cue) -> str | None:
        """The speaker of a cue that names none: a document's issuer, else the current speaker."""
        return self.issuer(cue.start) if cue.position == "document" else self.current_or_latest(cue.start)

    def resolve(self, pronoun: str, offset: int) -> str | None:
        """Who a pronoun at `offset` is: the current speaker, unless "he"/"she" tells another gender;
        then the latest person named before it not known to be of the other gender."""
        gender = self.pronoun_gender.get(pronoun.casefold(), "")
        found = self.current_or_latest(offset)
        if not gender or found is None or self.gender_of(found) in ("", gender):
            return found
        return self.latest_person(offset, gender) or found

    def gender_of(self, actor_id: str) -> str:
        if self.genders is None:
            self.genders = _genders(self.doc)
        return self.genders.get(actor_id, "")

    def latest_person(self, offset: int, gender: str = "") -> str | None:
        """The person named last before `offset` (not of the other gender, when one is given)."""
        index = bisect.bisect_left(self.starts, offset) - 1
        while index >= 0:
            actor = self.spans[index][2]
            if self.types.get(actor) == "PERSON" and (not gender or self.gender_of(actor) in ("", gender)):
                return actor
            index -= 1
        return None

    def main(self) -> str | None:
        if not self.counts:
            return None
        return max(self.order, key=lambda a: (self.counts[a], -self.order.index(a)))

    def spoke(self, actor_id: str | None) -> None:
        if actor_id is None:
            return
        self.current = actor_id
        if actor_id not in self.counts:
            self.order.append(actor_id)
        self.counts[actor_id] = self.counts.get(actor_id, 0) + 1


# ---------------------------------------------------------------- extraction


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, a dateline, leading "bahawa"/"that" and a trailing comma or full stop."""
    while start < end and text[start].isspace():
        start += 1
    if start == 0:
        dateline = _DATELINE.match(text, 0, end)
        if dateline:
            start = dateline.end()
    lead = _LEADING.match(text, start, end)
    if lead:
        start = lead.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end


def _sentence_bounds(doc: Doc, offset: int) -> tuple[int, int]:
    if not doc.sentences:
        return 0, len(doc.text)
    span = doc.sentences[doc.sentence_index(offset)]
    return span.start, span.end


def _after_quote(doc: Doc, speakers: _Speakers, quote: _Quote) -> tuple[str | None, str | None, bool]:
    """(speaker, verb, found) from the attribution right after a quote's closing mark."""
    text = doc.text
    tail_end = min(len(text), quote.close_mark + 160)
    newline = text.find("\n", quote.close_mark, tail_end)
    if newline >= 0:
        tail_end = newline
    window = text[quote.close_mark:tail_end]
    lead = re.match(r"\s*,?\s*", window)
    pos = quote.close_mark + (lead.end() if lead else 0)
    stop = re.search(r"[.!?](?:\s|$|[A-Z])|[“\"‘]", text[pos:tail_end])
    limit = pos + stop.start() if stop else tail_end
    cues = [c for c in cues_in(doc, pos, limit) if c.position != "prep"]
    if not cues:
        return None, None, False
    cue = cues[0]
    if cue.start - pos > 60:
        return None, None, False
    verb = text[cue.start:cue.end]
    if cue.position in _ALONE:
        return speakers.alone(cue), verb, True
    speaker = speakers.named_after(cue.end, limit) if cue.position in ("inverted", "after") else None
    if speaker is None or cue.position == "after":
        before = speakers.subject_before(pos, cue.start)
        speaker = before or speaker
    return speaker or speakers.current_or_latest(cue.start), verb, True


def _before_quote(doc: Doc, speakers: _Speakers, quote: _Quote) -> tuple[str | None, str | None, bool]:
    """(speaker, verb, found) from "X berkata: “…”" / "He said: '…'" before a quote."""
    text = doc.text
    low, _ = _sentence_bounds(doc, max(0, quote.open_mark - 1))
    head = text[low:quote.open_mark].rstrip()
    if not head.endswith((":", ",")):
        return None, None, False
    cues = [c for c in cues_in(doc, low, quote.open_mark) if c.position in ("after", *_ALONE)]
    if not cues:
        return None, None, False
    cue = cues[-1]
    verb = text[cue.start:cue.end]
    if cue.position in _ALONE:
        return speakers.alone(cue), verb, True
    return speakers.subject_before(low, cue.start) or speakers.current_or_latest(cue.start), verb, True


def _direct(doc: Doc, speakers: _Speakers, quote: _Quote) -> tuple[Statement | None, bool]:
    text = doc.text
    start, end = _clean(text, quote.start, quote.end)
    words = text[start:end].split()
    if len(words) < _MIN_WORDS:
        return None, False
    speaker, verb, found = _after_quote(doc, speakers, quote) if quote.closed else (None, None, False)
    if found and quote.embedded and not re.match(r"\s*,|[,.!?]", text[quote.end - 1:quote.close_mark + 3]):
        found = False  # a title or phrase quoted in running text, not words said
    if not found:
        speaker, verb, found = _before_quote(doc, speakers, quote)
    if not found and quote.embedded:
        return None, False
    statement = Statement(speaker if found else speakers.current, "direct", text[start:end], verb, start, end)
    return statement, found


class _QuotedIndex:
    """The quote spans by start, to find those near one sentence without scanning them all."""

    def __init__(self, quoted: list[tuple[int, int]]) -> None:
        self.spans = sorted(quoted)
        self.starts = [s for s, _ in self.spans]
        self.reach: list[int] = []  # the furthest end of the spans up to each one (spans may nest)
        for _, end in self.spans:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def around(self, low: int, high: int) -> list[tuple[int, int]]:
        """Every span starting before `high` and ending at or after `low - 1`: all that touch the
        sentence [low, high), contain it, or close right before it."""
        first = bisect.bisect_left(self.reach, low - 1)
        last = bisect.bisect_left(self.starts, high)
        return [span for span in self.spans[first:last] if span[1] >= low - 1]


def _reported(doc: Doc, speakers: _Speakers, low: int, high: int,
              quoted: list[tuple[int, int]]) -> list[Statement]:
    """The reported statements of one sentence (outside quotes), from its attribution cues;
    `quoted` holds at least the quote spans that touch the sentence."""
    high = min([s for s, _ in quoted if low < s < high], default=high)
    cues = cues_in(doc, low, high)
    attributions = set()
    for _, close in quoted:
        if low - 1 <= close < high:
            first = next((c.start for c in cues if c.start >= close), None)
            if first is not None and first - close <= 60:
                attributions.add(first)
    found: list[Statement] = []
    for cue in cues:
        if cue.start in attributions or any(s <= cue.start < e for s, e in quoted):
            continue  # the attribution of a quote in this sentence, or inside a quote
        if found:
            second = _second_speaker(doc, speakers, cue, found[-1], high)
            if second is not None:
                found.append(second)
            continue
        statement = _reported_at(doc, speakers, cue, low, high, quoted)
        if statement is not None and not any(statement.start < e and s < statement.end for s, e in quoted):
            found.extend(_complements(doc.text, statement))
    return found


def _complements(text: str, statement: Statement) -> list[Statement]:
    """"said A, and that B" / "berkata A, dan bahawa B": two things reported, one statement each
    (without the comma, "said A and that B" stays one)."""
    second = _AND_THAT.search(text, statement.start, statement.end)
    if second is None:
        return [statement]
    first_end = _clean(text, statement.start, second.start())[1]
    start, end = _clean(text, second.end(), statement.end)
    if first_end - statement.start < 12 or end - start < 12:
        return [statement]
    statement.end, statement.text = first_end, text[statement.start:first_end]
    return [statement, Statement(statement.speaker, "indirect", text[start:end], statement.verb, start, end)]


def _second_speaker(doc: Doc, speakers: _Speakers, cue: Cue, first: Statement,
                    high: int) -> Statement | None:
    """A second speaker in the same sentence: "X berkata …, manakala Y berkata …" (first is cut)."""
    if cue.position != "after" or not first.start < cue.start < first.end:
        return None
    named = [f for f in speakers.within(first.start, cue.start) if not doc.text[f[1]:cue.start].strip()]
    if not named:
        return None
    subject_start = named[-1][0]
    cut = _RUN_ON.search(doc.text, first.start, subject_start)  # "….Ali berkata …" run together
    if cut is None and named[-1][2] != first.speaker:
        cut = _SEPARATOR.search(doc.text, first.start, subject_start)
    if cut is None:
        return None  # "X berkata, Y mengulangi …": Y's words are part of what X reported
    end = _clean(doc.text, first.start, cut.start())[1]
    if end - first.start < 12:
        return None
    first.end, first.text = end, doc.text[first.start:end]
    span = _clean(doc.text, cue.end, high)
    return _statement(named[-1][2], doc.text[cue.start:cue.end], doc.text, span)


def _reported_at(doc: Doc, speakers: _Speakers, cue: Cue, low: int, high: int,
                 quoted: list[tuple[int, int]]) -> Statement | None:
    """The reported statement around one cue of a sentence [low, high), or None."""
    text = doc.text
    verb = text[cue.start:cue.end]
    if cue.position == "prep":  # "Menurut X, …" / "…, according to X."
        return _reported_prep(text, speakers, cue, low, high)
    if cue.position == "continue":  # "…, sambil menambah …", "adding that …"
        return _statement(speakers.current_or_latest(cue.start), verb, text, _clean(text, cue.end, high))
    if cue.position in _ALONE:  # "Katanya, …" / "…, katanya." / "…, jelas kenyataan itu."
        return _reported_alone(text, speakers, cue, low, high)
    preceded_by_comma = text[max(low, cue.start - 2):cue.start].strip() == ","
    subject = speakers.parenthetical_subject(low, cue.start) if preceded_by_comma else None
    if cue.position == "inverted" or (preceded_by_comma and subject is None):  # "…, kata X." / "…, said X."
        decided, statement = _reported_inverted(text, speakers, cue, low, high)
        if decided:
            return statement
    return _reported_after(text, speakers, cue, low, high, quoted, subject)


def _reported_prep(text: str, speakers: _Speakers, cue: Cue, low: int, high: int) -> Statement | None:
    """"Menurut X, kerjasama itu …": what follows the named source's comma, else what precedes the cue
    ("…, according to X.")."""
    after_text = text[cue.end:high]
    comma = after_text.find(",")
    speaker = speakers.named_after(cue.end, cue.end + (comma if comma >= 0 else len(after_text)))
    if speaker in speakers.outlets and comma >= 0 and any_cue(speakers.doc, cue.end + comma + 1, high):
        return None  # "According to a BBC report, Beijing said …": the next cue names who said it
    if comma >= 0 and speaker is not None:
        span = _clean(text, cue.end + comma + 1, high)
    else:
        span = _clean(text, low, cue.start)
    return _statement(speaker, text[cue.start:cue.end], text, span)


def _reported_alone(text: str, speakers: _Speakers, cue: Cue, low: int, high: int) -> Statement | None:
    """"Katanya, …" (what follows), "…, katanya." (what precedes), "Jepun katanya, …" (the sentence),
    spoken by the current or latest speaker."""
    verb = text[cue.start:cue.end]
    speaker = speakers.alone(cue)
    if cue.start - low <= 1:
        return _statement(speaker, verb, text, _clean(text, cue.end, high))
    if not text[cue.end:high].strip(" .,"):
        return _statement(speaker, verb, text, _clean(text, low, cue.start))
    return _statement(speaker, verb, text, _clean(text, low, high))


def _reported_inverted(
    text: str, speakers: _Speakers, cue: Cue, low: int, high: int
) -> tuple[bool, Statement | None]:
    """(decided, statement) for a cue before its speaker: "…, kata X, …", "…, said X.", "Kata X, …".

    An inverted cue is always decided here; a cue after a comma that names no speaker after it is
    left to `_reported_after` (decided False)."""
    verb = text[cue.start:cue.end]
    speaker = speakers.named_after(cue.end, high)
    named_end = speakers.last_end
    rest = text[named_end:high]
    if speaker is not None and rest.startswith(",") and len(rest.strip(" ,.")) >= 12:
        return True, _statement(speaker, verb, text, _clean(text, named_end + 1, high))  # "…, kata X, …"
    if speaker is not None and cue.start - low > 12:
        return True, _statement(speaker, verb, text, _clean(text, low, cue.start))
    comma = text[cue.end:high].find(",")
    if cue.position == "inverted" and cue.start - low <= 25 and comma > 0:  # "Kata X, …"
        speaker = speakers.named_after(cue.end, cue.end + comma)
        return True, _statement(speaker, verb, text, _clean(text, cue.end + comma + 1, high))
    return cue.position == "inverted", None


def _reported_after(text: str, speakers: _Speakers, cue: Cue, low: int, high: int,
                    quoted: list[tuple[int, int]], subject: str | None) -> Statement | None:
    """A cue after its speaker: "X berkata bahawa …", "X told Bernama that …", "…, Minister X said
    today." (the clause before the cue)."""
    verb = text[cue.start:cue.end]
    after_text = text[cue.end:high]
    if _DEMIKIAN.match(after_text) or re.match(r"\s*[,:]?\s*[“\"‘']", after_text):
        return None  # "berkata demikian"; "X berkata: “…”" (the quote is the statement)
    speaker = subject or speakers.subject_before(low, cue.start)
    clause_end = min([s for s, _ in quoted if cue.end <= s < high], default=high)
    if _TRAILING.fullmatch(text, cue.end, clause_end):  # "…, Defence Minister X said today."
        return _statement(speaker, verb, text, _clean(text, low, _clause_before(text, speakers, low, cue)))
    start = cue.end
    if verb.lower() in _TELL:  # "told Bernama (that) …", "memberitahu Dewan Rakyat bahawa …"
        heard = speakers.within(start, min(clause_end, start + 80))
        if heard and text[start:heard[0][0]].strip(" ").lower() in ("", "the"):
            start = heard[0][1]
    framing = _FRAMING.match(text, start, clause_end)  # "said in a statement on Tuesday that …"
    if framing:
        start = framing.end()
    return _statement(speaker, verb, text, _clean(text, start, clause_end))


def _clause_before(text: str, speakers: _Speakers, low: int, cue: Cue) -> int:
    """End of the words said before a trailing "X said": the comma before the speaker's name."""
    named = [f for f in speakers.within(low, cue.start) if not text[f[1]:cue.start].strip()]
    subject = named[-1][0] if named else cue.start
    comma = text.rfind(",", low, subject)
    return comma if comma >= 0 and len(text[comma + 1:subject].split()) <= 3 else low


def _statement(speaker: str | None, verb: str, text: str, span: tuple[int, int]) -> Statement | None:
    start, end = span
    if speaker is None or end - start < 12:
        return None
    return Statement(speaker, "indirect", text[start:end], verb, start, end)


def extract(doc: Doc) -> list[Statement]:
    text = doc.text
    if not text:
        return []
    speakers = _Speakers(doc)
    quotes = [q for q in _quotes(text) if q.end > q.start]
    quoted = [(q.open_mark, q.close_mark) for q in quotes if not q.embedded]
    near = _QuotedIndex(quoted)
    events: list[tuple[int, int, object]] = [(q.open_mark, 0, q) for q in quotes]
    for span in doc.sentences or []:
        events.append((span.start, 1, span))
    events.sort(key=lambda e: (e[0], e[1]))
    statements: list[Statement] = []
    unattributed: list[Statement] = []
    for _, kind, item in events:
        if kind == 0:
            assert isinstance(item, _Quote)
            statement, found = _direct(doc, speakers, item)
            if statement is None:
                continue
            if found:
                for earlier in unattributed:
                    earlier.speaker = earlier.speaker or statement.speaker
                unattributed.clear()
                speakers.spoke(statement.speaker)
            elif not item.closed:
                unattributed.append(statement)
            statements.append(statement)
            continue
        low, high = item.start, item.end  # type: ignore[attr-defined]
        if not any_cue(doc, low, high):
            continue  # nothing reported in a sentence without an attribution cue
        around = near.around(low, high)
        if any(s <= low and high <= e for s, e in around):
            continue
        for statement in _reported(doc, speakers, low, high, around):
            speakers.spoke(statement.speaker)
            statements.append(statement)
    statements = [s for s in statements if s.speaker is not None or s.verb is not None]
    statements.sort(key=lambda s: (s.start, s.end))
    return statements


def pronoun_links(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of "beliau", "dia", "he", "she" outside quotes: the speaker of the latest
    statement begun before it when the gender agrees, else the latest person named before it of that
    gender (computed on first use, cached on the doc)."""
    cached = doc.private("statements").get("pronouns")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    speakers = _Speakers(doc)
    statements = doc.statements
    starts = [s.start for s in statements]
    links = []
    for match in speakers.pronoun.finditer(doc.text):
        index = bisect.bisect_right(starts, match.start()) - 1
        inside = index >= 0 and statements[index].kind == "direct" and match.start() < statements[index].end
        if inside:
            continue  # "dia" inside a quote is someone the speaker talks about
        speakers.current = statements[index].speaker if index >= 0 else None
        actor = speakers.resolve(match.group(), match.start())
        if actor is not None:
            links.append((match.start(), match.end(), actor))
    doc.private("statements")["pronouns"] = links
    return links
