"""The phrase matcher behind every cue and trigger lexicon."""

from __future__ import annotations

from jalin.extract.common.matcher import PhraseMatcher, spaced


def hits(matcher: PhraseMatcher[str], text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [f"{text[s:e]}={'/'.join(v)}" for s, e, v in matcher.finditer(text, start, end)]


MATCHER = PhraseMatcher([
    ("bukan", "neg"), ("bukan sahaja", "not-neg"), ("AI", "ai"), ("co-production", "jp"),
    ("kedua-dua negara", "pair"), ("sign", "agree"), ("Korea Selatan", "kor"), ("AI", "acronym"),
])


def test_whole_words_longest_first_and_acronyms_in_capitals() -> None:
    text = "Ia bukan sahaja AI, bukan ai; signal sign. Korea Selatan"
    assert hits(MATCHER, text) == [
        "bukan sahaja=not-neg", "AI=ai/acronym", "bukan=neg", "sign=agree", "Korea Selatan=kor"]


def test_punctuation_between_words_and_span_edges() -> None:
    text = "co production, kedua dua negara; (co-production)"
    assert hits(MATCHER, text) == ["co production=jp", "kedua dua negara=pair", "co-production=jp"]
    assert hits(MATCHER, "xbukan bukan", 1) == ["bukan=neg"]
    assert hits(MATCHER, "bukan sahaja", 0, 5) == ["bukan=neg"]


def test_non_ascii_text_keeps_offsets() -> None:
    text = "“Pelaburan” — bukan sahaja di Türkiye… AI"
    assert spaced(text) == " Pelaburan    bukan sahaja di Türkiye  AI"
    assert len(spaced(text)) == len(text)
    assert hits(MATCHER, text) == ["bukan sahaja=not-neg", "AI=ai/acronym"]


def test_empty_matcher_and_empty_text() -> None:
    assert hits(PhraseMatcher([]), "anything") == []
    assert hits(MATCHER, "") == [] and hits(MATCHER, "abc", 2, 1) == []


def _document(text: str):
    from jalin.lexicon import load_lexicon
    from jalin.text import prepare

    return prepare(text, published=None, id=None, title=None, url=None, source=None, metadata={},
                   lexicon=load_lexicon())


def test_the_three_matchers_share_one_word_boundary_and_case() -> None:
    from jalin.extract.common.matcher import Anchors, automaton, find, fold_case, is_word_char

    text = "Peru-Chile talks; CHILE agreed, Chilean envoys left, x_Chile stayed, Chile_x too. chile"
    doc = _document(text)
    table = [f"{text[s:e]}" for s, e, _ in PhraseMatcher([("Chile", "c")]).finditer(doc.text)]
    whole = [doc.text[s:e] for s, e, _ in find(doc, automaton([("Chile", "c")]))]
    anchored = [doc.text[s:e] for s, e, _ in Anchors(["Chile"]).hits(doc.text)]
    assert table == whole == anchored == ["Chile", "CHILE", "chile"]
    assert [is_word_char(c) for c in "é9_-’ "] == [True, True, True, False, False, False]
    assert fold_case("İstanbul ÜNİ") == "İstanbul ünİ" and len(fold_case("İ")) == 1


def test_a_phrase_ending_in_a_mark_needs_the_mark() -> None:
    from jalin.extract.common.matcher import automaton, find

    doc = _document("Dr. Lim and Dr Tan met Prof Ng.")
    assert [doc.text[s:e] for s, e, _ in find(doc, automaton([("Dr.", "title")]))] == ["Dr."]
