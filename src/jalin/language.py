"""Language identification: lingua, built for Malay, Indonesian and English only, on a sample."""

from __future__ import annotations

import functools

SAMPLE_CHARS = 600
MIN_CONFIDENCE = 0.5


@functools.lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(Language.MALAY, Language.INDONESIAN, Language.ENGLISH)
        .with_preloaded_language_models()
        .build()
    )


_CODES = {"MALAY": "ms", "INDONESIAN": "id", "ENGLISH": "en"}


def identify_language(text: str) -> str:
    """`ms`, `en`, `id`, or `other` when the text is too short or no language is confident."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < 20:
        return "other"
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        return "other"
    return _CODES.get(values[0].language.name, "other")
