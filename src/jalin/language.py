"""Language identification: lingua, built for Malay, Indonesian and English only, on a sample.

Cost is what matters here. Function words settle the clear cases first (table
`language_markers`): a sample with English function words and at most a third as many Malay-family
ones (a "Datuk", an "RM", a quoted phrase) is English; one with Malay-family function words and at
most a third as many English ones is Malay when its opening holds Malaysian markers (`kerana`,
`beliau`, `RM` …) and no Indonesian ones (`karena`, `bahwa`, `persen` …), or when the whole text
holds more Malaysian markers than Indonesian ones (what the detector's answer would come to). A short
sample with too few function words is retried on the long one. Everything else goes to lingua,
which reads a short sample (`SAMPLE_CHARS`) and a longer one (`LONG_SAMPLE_CHARS`) only when the
short one is not confident or says Indonesian; an "Indonesian" is then checked against the
markers (a Malaysian report on Indonesia, full of Indonesian names, is still Malay).
Measured on the corpus and the gold documents (2,069): 0.03 ms a document (lingua alone: 0.16 ms
and more once the layers have crowded its models out of the CPU caches), the same labels as lingua
with the marker check on every document; 9 documents in 2,069 reach lingua. `preload()` builds
lingua's models up front (a worker calls it when it starts).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

import ahocorasick

from jalin.lexicon import Lexicon

SAMPLE_CHARS = 300
LONG_SAMPLE_CHARS = 900
MIN_CONFIDENCE = 0.5
SURE_CONFIDENCE = 0.9
CLEAR_VOTES = 5
CLEAR_RATIO = 3  # the other language's function words at most a third as many
CLEAR_MALAY_MARKERS = 2
MIN_LETTERS = 20

_WORDS = re.compile(r"[^\W\d_]+")  # "perjanjian", "signed" (a run of letters)
_LETTER = re.compile(r"[^\W\d_]")  # "a", "é" (one letter)
_CODES = {"MALAY": "ms", "INDONESIAN": "id", "ENGLISH": "en"}


def preload(lexicon: Lexicon | None = None) -> None:
    """Build the detector's models now (and the marker table of `lexicon`), not on first need.

    Most texts never reach lingua, so without this the first unclear text pays seconds of set-up,
    in the middle of a batch."""
    _detector()
    if lexicon is not None:
        lexicon.cached("language.country_markers", _country_markers)


@functools.lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(Language.MALAY, Language.INDONESIAN, Language.ENGLISH)
        .with_preloaded_language_models()
        .build()
    )


def _best(sample: str) -> tuple[str, float]:
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return "other", 0.0
    return _CODES.get(values[0].language.name, "other"), values[0].value


def _markers(lexicon: Lexicon) -> dict[str, str]:
    return {row["word"].casefold(): row["language"] for row in lexicon.table("language_markers")}


def _votes(words: list[str], lexicon: Lexicon) -> Counter[str | None]:
    return Counter(map(lexicon.cached("language.markers", _markers).get, words))


def _country_markers(lexicon: Lexicon) -> ahocorasick.Automaton | None:
    """The `ms` and `id` markers as one automaton (value: length, language); None when none."""
    automaton = ahocorasick.Automaton()
    for word, language in lexicon.cached("language.markers", _markers).items():
        if language in ("ms", "id") and _WORDS.fullmatch(word):  # only a whole word can be a token
            automaton.add_word(word, (len(word), language))
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


def _country_votes(text: str, lexicon: Lexicon) -> tuple[int, int]:
    """How many words of the text are Malaysian (`ms`) and Indonesian (`id`) markers.

    The count `_votes` gives over the text's words, without splitting the text into words: a
    marker found inside the case-folded text counts when no letter touches it on either side."""
    automaton = lexicon.cached("language.country_markers", _country_markers)
    if automaton is None:
        return 0, 0
    folded = text.casefold()
    counts = {"ms": 0, "id": 0}
    for last, (length, language) in automaton.iter(folded):
        start = last + 1 - length
        if not (start and _LETTER.match(folded, start - 1)) and not _LETTER.match(folded, last + 1):
            counts[language] += 1
    return counts["ms"], counts["id"]


def malay_or_indonesian(text: str, lexicon: Lexicon) -> str:
    """`ms` when the text holds more Malaysian Malay marker words than Indonesian ones, else `id`."""
    malaysian, indonesian = _country_votes(text, lexicon)
    return "ms" if malaysian > indonesian else "id"


def _family(words: list[str], lexicon: Lexicon) -> str | None:
    """`en` or `malay` when these words' function words leave no doubt; `""` when they hold some
    but too few; None when they hold none at all (not an opening in a language we know)."""
    votes = _votes(words, lexicon)
    malay_family, english = votes["malay"] + votes["ms"] + votes["id"], votes["en"]
    if english >= CLEAR_VOTES and malay_family * CLEAR_RATIO <= english:
        return "en"
    if malay_family >= CLEAR_VOTES and english * CLEAR_RATIO <= malay_family:
        return "malay"
    return "" if english or malay_family else None


def _clear_case(words: list[str], text: str, lexicon: Lexicon) -> str | None:
    """`en` or `ms` when function words and markers leave no doubt, else None (ask the detector).

    The short sample's function words first, the long sample's when those are some, but too few
    (an opening without any is left to the detector, like the unclear ones). A clearly
    Malay-family text is Malay when its opening holds Malaysian markers and no Indonesian ones, or
    when the whole text holds more Malaysian markers than Indonesian ones: what the detector's
    answer comes to either way ("Malay", or "Indonesian" overruled by `malay_or_indonesian`)."""
    family = _family(words, lexicon)
    if family == "" and len(text) > SAMPLE_CHARS:
        family = _family(_WORDS.findall(text[:LONG_SAMPLE_CHARS].casefold()), lexicon)
    if family == "en":
        return "en"
    if family == "malay":
        malaysian, indonesian = _country_votes(text[:LONG_SAMPLE_CHARS], lexicon)
        if malaysian >= CLEAR_MALAY_MARKERS and indonesian == 0:
            return "ms"
        if len(text) > LONG_SAMPLE_CHARS and malay_or_indonesian(text, lexicon) == "ms":
            return "ms"
    return None


def identify_language(text: str, lexicon: Lexicon | None = None) -> str:
    """`ms`, `en`, `id`, or `other` when the text is too short or no language is confident."""
    sample = text[:SAMPLE_CHARS]
    words = _WORDS.findall(sample.casefold())
    if sum(map(len, words)) < MIN_LETTERS:
        return "other"
    clear = _clear_case(words, text, lexicon) if lexicon is not None else None
    if clear is not None:
        return clear
    code, confidence = _best(sample)
    if (code == "id" or confidence < SURE_CONFIDENCE) and len(text) > SAMPLE_CHARS:
        code, confidence = _best(text[:LONG_SAMPLE_CHARS])
    if confidence < MIN_CONFIDENCE:
        return "other"
    if code == "id" and lexicon is not None:
        return malay_or_indonesian(text, lexicon)
    return code
