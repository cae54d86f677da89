"""The di- passive forms generated from Malay me- verbs (jalin.lexicon.forms)."""

from __future__ import annotations

import pytest

from jalin.lexicon.forms import passive_forms


@pytest.mark.parametrize(("active", "passive"), [
    ("mengkritik", "dikritik"), ("mengecam", "dikecam"), ("mengancam", "diancam"),
    ("menyerang", "diserang"), ("memperkukuh", "diperkukuh"), ("membantu", "dibantu"),
    ("memukul", "dipukul"), ("meminta", "diminta"), ("mendesak", "didesak"), ("menolak", "ditolak"),
    ("menafikan", "dinafikan"), ("melawat", "dilawat"), ("merampas", "dirampas"), ("memveto", "diveto"),
])
def test_a_me_verb_gives_its_di_form(active: str, passive: str) -> None:
    assert passive in passive_forms(active)


@pytest.mark.parametrize("word", ["berunding", "lawatan", "met", "menjalin hubungan", "me"])
def test_other_words_give_none(word: str) -> None:
    assert passive_forms(word) == []
