"""The function-word table drives the layers' conjunction and complementiser patterns: a row's kind
and language pick the words, and `alternation` makes one group of them, longest first."""

from __future__ import annotations

import re

import pytest

from jalin.extract.common.words import alternation, function_words


def test_kinds_and_languages_pick_the_rows() -> None:
    assert function_words("CONJ", kind="and") == ["dan", "and"]
    assert function_words("CONJ", kind=("and", "also"), lang="ms") == ["dan", "serta"]
    assert function_words("CONJ", kind="or", lang="en") == ["or"]
    assert set(function_words("COMP")) == {"bahawa", "bahwa", "that"}
    with pytest.raises(ValueError, match="no CONJ words"):
        function_words("CONJ", kind="nor")


def test_alternation_tries_the_longer_word_first_and_escapes_symbols() -> None:
    group = alternation(["in", "in order to"], ["&", "-"])
    assert group == r"(?:in order to|in|\&|\-)"
    assert re.match(group, "in order to go").group() == "in order to"
    assert re.fullmatch(group, "&")


def test_the_layers_patterns_follow_the_table() -> None:
    from jalin.extract.actors.bare import _AND_AFTER
    from jalin.extract.events.layer import _CONJUNCTION
    from jalin.extract.statements import _AND_THAT

    assert _AND_AFTER.match(", serta ") and _AND_AFTER.match(" and ") and not _AND_AFTER.match(" atau ")
    assert _CONJUNCTION.search("Laos atau Nepal") and not _CONJUNCTION.search("Laos dengan Nepal")
    assert _AND_THAT.search("katanya, dan bahwa kedua") and _AND_THAT.search("said, and that both")
