"""Word lists as regular expressions: `trie_regex` factors a list into one alternation."""

from __future__ import annotations

import re
from collections.abc import Iterable


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
