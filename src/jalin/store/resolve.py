"""Cross-document resolution, independent of the database: which stored entity a new record is.

`EntityIndex` holds, in memory, what resolution needs of every entity (keys, name tokens, dates) and
hands out primary keys for new ones; a backend loads it from its tables once and writes the new
entities it returns. Rules:

- countries are one entity per ISO3 code; organisations, groups and locations one per (type,
  country, folded canonical-or-name), named by the canonical (English) name when there is one;
- persons match across documents by name tokens (case-folded, honorifics and patronymic particles
  removed) with compatible countries: the same token set as the entity's first name, or one set
  inside the other sharing at least two tokens ("Hishammuddin Hussein" and "Hishammuddin Tun Hussein"). The
  entity's tokens never grow (so a garbled long name cannot pull in others through it); its shown
  name moves to a name one token fuller than its first;
- agreements match when they have the same parties, kindred types (the same type, two kinds of
  purchase: "the G2G agreement" and "the contract"; a general "agreement") and compatible dates: seen
  within `AGREEMENT_WINDOW_DAYS` of the entity's reports, and not an early-stage report long after a
  concluded one (that is a new agreement of the same kind). Among those, a report is the agreement
  whose identifying words it shares (`agreement_keys`: the words of its label, name, subject and
  assets that are not agreement vocabulary: "Perjanjian Malaysia 1963" -> {malaysia, 1963}, "MoU on
  maritime security" -> {maritime, security}, "18 FA-50 aircraft" -> {fa-50}): two words, a word with
  a digit, or all the words of the smaller set. A dated report with no such words ("the MoU") joins
  only a clear single candidate (of its own specific type, first reported within `VAGUE_WINDOW_DAYS`),
  never as a bare "agreement" and never with fewer than two parties (one party says too little to be
  matched on type alone); one with words shares them or stays apart. An agreement's
  words grow with each report, so the same deal under three names over a year stays one;
- gatherings match by kind, parties, ordinal and folded name (or, without a name, the month).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import combinations

AGREEMENT_WINDOW_DAYS = 730
RESTART_GAP_DAYS = 180
VAGUE_WINDOW_DAYS = 120  # a report with no identifying words joins only an agreement reported this lately
MAX_NAME_TOKENS = 8  # subsets of longer names are taken over their first 8 tokens (sorted)
RECENT_AGREEMENTS = 50  # of one type and parties, only the latest few can still be the same agreement
EARLY_STATUSES = frozenset({"proposed", "negotiating"})
CONCLUDED_STATUSES = frozenset({"signed", "in_force", "implemented", "cancelled"})
# Forms of address and patronymic particles: not part of what identifies a person across reports.
# Single letters ("a/l", "b.") are dropped too.
NAME_FILLERS = frozenset({
    "tun", "sri", "datuk", "dato", "dato'", "datin", "seri", "dr", "haji", "hajah", "puan", "encik",
    "tuan", "yb", "ybhg", "yab", "yang", "berhormat", "amat", "mulia", "mr", "mrs", "ms", "sir", "prof",
    "bin", "binti", "bt",
})
_TOKEN = re.compile(r"[\w']+")  # "Bin", "Ma'ruf" (a word with its apostrophes)
# The honorific "Tan Sri" / "Puan Sri" (folded): "tan sri ahmad" -> " ahmad"; "tan wei ming" keeps tan.
_TAN_SRI = re.compile(r"\b(?:tan|puan) sri\b")
_SPACE = re.compile(r"\s+")  # "  \n " (a run of white space)


@lru_cache(maxsize=1 << 16)  # names recur across documents: fold each once
def fold(text: str | None) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text or "").casefold()).strip()


@lru_cache(maxsize=1 << 16)
def name_tokens(name: str) -> frozenset[str]:
    folded = _TAN_SRI.sub(" ", fold(name))  # "Tan Sri" is a title, "Tan" alone a surname
    return frozenset(t for t in _TOKEN.findall(folded) if len(t) > 1 and t not in NAME_FILLERS)


def _days(a: str | None, b: str | None) -> int:
    if not a or not b:
        return 0
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


def _subsets(tokens: frozenset[str]) -> list[frozenset[str]]:
    """The token subsets a name is indexed under: all of two or more tokens, or the one token."""
    if len(tokens) < 2:
        return [tokens] if tokens else []
    ordered = sorted(tokens)[:MAX_NAME_TOKENS]
    return [frozenset(c) for size in range(2, len(ordered) + 1) for c in combinations(ordered, size)]


@dataclass(slots=True)
class Person:
    """A person entity: `tokens` of the first name it was seen under (fixed, so matching does not
    drift), `shown` the token count of its displayed name."""

    pk: int
    tokens: frozenset[str]
    country: str | None
    shown: int


@lru_cache(maxsize=1)
def _agreement_vocabulary() -> frozenset[str]:
    """Words of the agreement lexicons (type names and cue words, both languages): what every label
    of a kind shares, so not what tells two agreements apart."""
    from jalin.lexicon import load_lexicon

    lexicon = load_lexicon()
    words = {w for row in lexicon.table("agreement_types") if row.get("type") != "-"
             for w in _TOKEN.findall(fold(row["phrase"]))}
    words.update(w for row in lexicon.table("agreement_cues") for w in _TOKEN.findall(fold(row["cue"])))
    return frozenset(words)


@lru_cache(maxsize=1 << 14)
def label_words(label: str | None) -> frozenset[str]:
    """The words of an agreement's label that name this agreement rather than its kind."""
    vocabulary = _agreement_vocabulary()
    return frozenset(w for w in _TOKEN.findall(fold(label)) if len(w) > 1 and w not in vocabulary)


_PURCHASES = frozenset({"g2g_procurement", "procurement_contract", "loi"})


def kin(one: str, other: str) -> bool:
    """Whether two agreement types may name one agreement: the same, two kinds of purchase (the letter
    of intent, the G2G agreement and the contract of one deal), or a general "agreement" ("other") and
    any kind (it then needs shared words: a vague report joins only its own type)."""
    return one == other or "other" in (one, other) or {one, other} <= _PURCHASES


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Words that describe any agreement's subject matter (the English words of the summary lines,
    the subject lexicon's function words): not what tells two agreements apart."""
    from jalin.lexicon import load_lexicon

    lexicon = load_lexicon()
    words = {w for row in lexicon.table("agreement_phrases") for w in _TOKEN.findall(fold(row["en"]))}
    words.update(w for row in lexicon.table("agreement_subjects") for w in _TOKEN.findall(fold(row["word"])))
    words.update(w for row in lexicon.table("countries") for w in _TOKEN.findall(fold(row["name"])))
    return frozenset(words) | _agreement_vocabulary()


_KEY_TOKEN = re.compile(r"[\w'][\w'\-]*")  # "fa-50", "maritime", "1963"


def agreement_keys(label: str | None, title: str | None = None, subject: str | None = None,
                   assets: list[str] = ()) -> frozenset[str]:
    """The words that identify an agreement across reports: those of its label (`label_words`), and
    of its name, subject and asset texts that are neither agreement vocabulary nor generic."""
    generic = _generic_words()
    found = set(label_words(label))
    for text in (title, subject, *assets):
        found.update(w.strip("-'") for w in _KEY_TOKEN.findall(fold(text)) if len(w) > 2 and w not in generic)
    found.discard("")
    return frozenset(found)


def _shared(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two key sets name the same agreement: two words shared, one with a digit ("fa-50",
    "1963"), or all of the smaller set."""
    common = a & b
    return bool(common) and (len(common) >= 2 or any(c.isdigit() for w in common for c in w)
                             or len(common) == min(len(a), len(b)))


@dataclass(slots=True)
class AgreementEntity:
    pk: int
    first_seen: str | None
    last_seen: str | None
    concluded: bool
    words: frozenset[str]  # label_words of the first label that had some
    keys: frozenset[str] = frozenset()  # agreement_keys of every report so far


@dataclass(slots=True)
class NewActor:
    pk: int
    type: str
    name: str
    canonical: str | None
    country: str | None
    sector: str | None
    key: str


@dataclass(slots=True)
class PersonUpdate:
    """A person entity seen under a fuller name or with a country it lacked."""

    pk: int
    name: str | None
    country: str | None


@dataclass(slots=True)
class EntityIndex:
    """What resolution needs of the stored entities; `next_*` are the next free primary keys."""

    keyed: dict[str, int] = field(default_factory=dict)
    persons: dict[int, Person] = field(default_factory=dict)
    # token set -> persons whose tokens include it (all subsets of two or more tokens; a one-token
    # name only under itself), and token set -> persons whose whole (first) name it is.
    by_subset: dict[frozenset[str], set[int]] = field(default_factory=dict)
    by_name: dict[frozenset[str], set[int]] = field(default_factory=dict)
    agreements: dict[tuple[str, str], list[AgreementEntity]] = field(default_factory=dict)
    kinds: dict[str, set[str]] = field(default_factory=dict)  # parties -> the types stored with them
    gatherings: dict[str, int] = field(default_factory=dict)
    # agreement pk -> a label that names it, for agreements first reported under a generic label
    relabelled: dict[int, str] = field(default_factory=dict)
    # agreement pk -> its identifying words, for agreements whose words grew
    rekeyed: dict[int, frozenset[str]] = field(default_factory=dict)
    next_actor: int = 1
    next_agreement: int = 1
    next_gathering: int = 1

    # ------------------------------------------------------------------ loading

    def load_actor(self, pk: int, type_: str, key: str, country: str | None, name: str) -> None:
        if type_ == "PERSON":
            tokens = frozenset(key.split(" ")) if key else frozenset()
            self._add_person(Person(pk, tokens, country, len(name_tokens(name))))
        else:
            self.keyed[key] = pk
        self.next_actor = max(self.next_actor, pk + 1)

    def load_agreement(self, pk: int, type_: str, parties: str, first: str | None, last: str | None,
                       status: str | None, label: str | None, keys: str | None = None) -> None:
        words = label_words(label)
        found = frozenset(keys.split(" ")) if keys else words
        self.agreements.setdefault((type_, parties), []).append(
            AgreementEntity(pk, first, last, status in CONCLUDED_STATUSES, words, found))
        self.kinds.setdefault(parties, set()).add(type_)
        self.next_agreement = max(self.next_agreement, pk + 1)

    def load_gathering(self, pk: int, key: str) -> None:
        self.gatherings[key] = pk
        self.next_gathering = max(self.next_gathering, pk + 1)

    def _add_person(self, person: Person) -> None:
        self.persons[person.pk] = person
        self.by_name.setdefault(person.tokens, set()).add(person.pk)
        for subset in _subsets(person.tokens):
            self.by_subset.setdefault(subset, set()).add(person.pk)

    # ------------------------------------------------------------------ actors

    def actor(self, type_: str, name: str, canonical: str | None, country: str | None,
              sector: str | None) -> tuple[int, NewActor | None, PersonUpdate | None]:
        """(entity pk, the entity if new, the change to an existing person entity if any)."""
        if type_ == "PERSON":
            return self._person(name, canonical, country, sector)
        if type_ == "COUNTRY" and country:
            key = f"COUNTRY|{country}"
        else:
            key = f"{type_}|{country or ''}|{fold(canonical or name)}"
        pk = self.keyed.get(key)
        if pk is not None:
            return pk, None, None
        pk = self.next_actor
        self.next_actor += 1
        self.keyed[key] = pk
        return pk, NewActor(pk, type_, canonical or name, canonical, country, sector, key), None

    def _person(self, name: str, canonical: str | None, country: str | None,
                sector: str | None) -> tuple[int, NewActor | None, PersonUpdate | None]:
        tokens = name_tokens(canonical or name)
        best: Person | None = None
        best_shared = 0
        if tokens:
            for pk in sorted(self._candidates(tokens)):
                person = self.persons[pk]
                if country and person.country and country != person.country:
                    continue
                shared = len(tokens & person.tokens)
                same = tokens == person.tokens
                nested = shared >= 2 and (tokens <= person.tokens or person.tokens <= tokens)
                if (same or nested) and shared > best_shared:
                    best, best_shared = person, shared
        if best is not None:
            fuller = (tokens > best.tokens and len(tokens) == len(best.tokens) + 1
                      and len(tokens) > best.shown)
            if fuller or (country and not best.country):
                best.shown = max(best.shown, len(tokens)) if fuller else best.shown
                best.country = best.country or country
                update = PersonUpdate(best.pk, name if fuller else None, best.country)
                return best.pk, None, update
            return best.pk, None, None
        pk = self.next_actor
        self.next_actor += 1
        self._add_person(Person(pk, tokens, country, len(tokens)))
        key = " ".join(sorted(tokens))
        return pk, NewActor(pk, "PERSON", name, canonical, country, sector, key), None

    def _candidates(self, tokens: frozenset[str]) -> set[int]:
        """Persons whose name holds all of these tokens, or whose whole name is two or more of them:
        a few dictionary probes, however many persons are stored."""
        found = set(self.by_subset.get(tokens, ()))
        for subset in _subsets(tokens):
            found.update(self.by_name.get(subset, ()))
        return found

    # ------------------------------------------------------------------ agreements and gatherings

    def agreement(self, type_: str, parties: str, day: str | None, status: str,
                  label: str | None = None, keys: frozenset[str] | None = None) -> tuple[int, bool]:
        """(entity pk, whether it is new) for one report of an agreement on `day`; `keys`: its
        identifying words (`agreement_keys`), those of its label when not given."""
        words = label_words(label)
        keys = words if keys is None else keys | words
        several = "|" in parties
        candidates = [entity for entity in self._candidates_for(type_, parties)
                      if self._in_time(entity, day, status)]
        chosen = next((e for e in candidates if keys and e.keys and _shared(keys, e.keys)), None)
        # No words at all ("the MoU"): only a clear single candidate of the same specific type first
        # reported lately ("the G2G agreement" a month after "the G2G agreement with Korea"); a bare
        # "agreement" ("other") names nothing to follow across reports, and a chain of vague reports
        # does not stretch the window (it counts from the first report).
        lately = [e for e in candidates if e in self.agreements.get((type_, parties), ())
                  and day and e.first_seen and _days(day, e.first_seen) <= VAGUE_WINDOW_DAYS]
        if chosen is None and several and not keys and type_ != "other" and len(lately) == 1:
            chosen = lately[0]
        if chosen is not None:
            self._seen(chosen, day, status, label, words, keys)
            return chosen.pk, False
        pk = self.next_agreement
        self.next_agreement += 1
        self.agreements.setdefault((type_, parties), []).append(
            AgreementEntity(pk, day, day, status in CONCLUDED_STATUSES, words, keys))
        self.kinds.setdefault(parties, set()).add(type_)
        return pk, True

    def _candidates_for(self, type_: str, parties: str) -> list[AgreementEntity]:
        """The latest entities with these parties and a kindred type, latest first."""
        found = [entity for kind in self.kinds.get(parties, ()) if kin(kind, type_)
                 for entity in self.agreements[(kind, parties)][-RECENT_AGREEMENTS:]]
        return sorted(found, key=lambda e: (e.last_seen or "", e.pk), reverse=True)

    @staticmethod
    def _in_time(entity: AgreementEntity, day: str | None, status: str) -> bool:
        """Whether a report on `day` at `status` is compatible in time with an entity."""
        near = _days(day, entity.last_seen) <= AGREEMENT_WINDOW_DAYS or _days(
            day, entity.first_seen) <= AGREEMENT_WINDOW_DAYS
        restart = (entity.concluded and status in EARLY_STATUSES
                   and bool(day and entity.last_seen and day > entity.last_seen)
                   and _days(day, entity.last_seen) > RESTART_GAP_DAYS)
        return near and not restart

    def _seen(self, entity: AgreementEntity, day: str | None, status: str, label: str | None,
              words: frozenset[str], keys: frozenset[str]) -> None:
        """Add one report to an entity: its dates, whether it concluded, its label and words."""
        if day:
            entity.first_seen = min(filter(None, (entity.first_seen, day)))
            entity.last_seen = max(filter(None, (entity.last_seen, day)))
        entity.concluded = entity.concluded or status in CONCLUDED_STATUSES
        if words and not entity.words:
            entity.words = words
            self.relabelled[entity.pk] = label or ""
        if not keys <= entity.keys:
            entity.keys = entity.keys | keys
            self.rekeyed[entity.pk] = entity.keys

    def gathering(self, kind: str, name: str | None, ordinal: int | None, parties: str,
                  day: str | None) -> tuple[int, str, bool]:
        """(entity pk, its key, whether it is new)."""
        label = fold(name) if name else f"@{(day or '')[:7]}"
        key = f"{kind}|{parties}|{ordinal if ordinal is not None else ''}|{label}"
        pk = self.gatherings.get(key)
        if pk is not None:
            return pk, key, False
        pk = self.next_gathering
        self.next_gathering += 1
        self.gatherings[key] = pk
        return pk, key, True
