"""Word lists as regular expressions: `trie_regex` factors a list into one alternation;
`function_words` and `alternation` give the layers' patterns their conjunctions, complementisers,
determiners… from the function-word table (`grammar_words.tsv`, by class, kind and language)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from jalin.lexicon import DATA_DIR, parse_table, split_cell


@functools.lru_cache(maxsize=1)
def _function_word_rows() -> tuple[dict[str, str], ...]:
    return tuple(parse_table(DATA_DIR / "grammar_words.tsv"))


def function_words(cls: str, *, kind: str | tuple[str, ...] | None = None, value: str | None = None,
                   lang: str | None = None) -> list[str]:
    """The shipped function words of class `cls` (optionally of some kinds, one value or language), as
    written in the table: function_words("CONJ", kind=("and", "also")) == ["dan", "serta", "and"]."""
    kinds = (kind,) if isinstance(kind, str) else kind
    found: list[str] = []
    for row in _function_word_rows():
        wanted = (("value", value), ("lang", lang))
        if row["class"] != cls or (kinds is not None and row.get("kind") not in kinds) or any(
                want is not None and row.get(column) != want for column, want in wanted):
            continue
        found.extend(w for w in split_cell(row["form"]) if w not in found)
    if not found:
        raise ValueError(f"grammar_words.tsv has no {cls} words of kind={kind} value={value} lang={lang}")
    return found


def alternation(*groups: Iterable[str]) -> str:
    r"""One non-capturing group of the words (longest first, so a word never loses to its own prefix);
    symbols given beside the words are escaped: alternation(["dan", "and"], ["&"]) == r"(?:and|dan|\&)"."""
    words = sorted({w for group in groups for w in group}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in words) + ")"


def trie_regex(words: Iterable[str]) -> str:
    """One regex alternation for a word list, factored by shared prefixes so that the regex engine
    tries one path per position instead of every word (a space in a word matches any white space).
    Case is kept as written; wrap it in (?i:…) for a case-insensitive match."""
    trie: dict[str, dict] = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_source(trie)


def _trie_source(node: dict[str, dict]) -> str:
    end = "" in node
    parts = []
    for char in sorted(c for c in node if c):
        piece = r"\s+" if char == " " else re.escape(char)
        parts.append(piece + _trie_source(node[char]))
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and not end else "(?:" + "|".join(parts) + ")"
    if end:
        body += "?" if len(parts) == 1 and body.startswith("(?:") else ""
        if not body.endswith("?"):
            body = f"(?:{body})?"
    return body
