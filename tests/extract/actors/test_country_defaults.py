"""Actor defaults that only fitted the development articles (issue 14), replaced by general rules;
sentences written for these tests, with other names and countries than any article's."""

from __future__ import annotations

import pytest

from jalin import analyze


def countries(text: str) -> dict[str, str | None]:
    return {a.name: a.country for a in analyze(text).actors}


@pytest.mark.parametrize(("text", "name", "country"), [
    # The dateline's country for a title that names none.
    ("MANILA, 3 Mei -- Presiden Maria Santos berkata negaranya akan membeli kapal.", "Maria Santos", "PHL"),
    ("HANOI, May 3 -- Defence Minister Tran Van Long said the talks went well.", "Tran Van Long", "VNM"),
    ("JAKARTA, 5 Mac -- Menteri Pertahanan Budi Santoso berkata latihan itu berjaya.", "Budi Santoso", "IDN"),
    # The role's own country word wins over the dateline.
    ("JAKARTA, 5 Mac -- Menteri Luar Thailand Somchai Wong berkata rundingan diteruskan.",
     "Somchai Wong", "THA"),
    # An English text with neither: no country is guessed.
    ("President Maria Santos said the country would buy ships.", "Maria Santos", None),
])
def test_a_title_without_a_country_word(text: str, name: str, country: str | None) -> None:
    assert countries(text)[name] == country


@pytest.mark.parametrize("text", [
    "Filipina akan membeli enam pesawat bernilai AS$20 juta dari Korea Selatan.",
    "Chile will buy four frigates worth US$300 million from Spain.",
])
def test_a_currency_sign_is_no_country(text: str) -> None:
    result = analyze(text)
    assert "USA" not in {a.country for a in result.actors}
    assert "USD" in {q.unit for q in result.quantities}
