"""Which articles and agreements the board shows by default.

An article's relevance (0 to 1) says how much it is about defence, security, foreign relations or
the defence industry: the weights of its topics, plus a little for each event in one of those
contexts and each event between two countries. An agreement report counts for the board when it
names two parties (countries, or a government and a company) or the agreement's name, reports a
stage of it (not a treaty named in passing), and stands in an article at least `RELEVANT` relevant.
Nothing is dropped: the rest stays in the store, behind a filter.
"""

from __future__ import annotations

from typing import Any

RELEVANT = 0.5
TOPIC_WEIGHTS = {
    "military": 0.6, "defence_industry": 0.6, "security": 0.5, "diplomatic": 0.4, "maritime": 0.3,
    "cyber": 0.3,
}
_CONTEXTS = frozenset(TOPIC_WEIGHTS)
_PER_EVENT, _EVENTS_AT_MOST = 0.15, 0.45
_PER_PAIR, _PAIRS_AT_MOST = 0.1, 0.3


def document_relevance(data: dict[str, Any]) -> float:
    """The relevance of one analysis (its contract dict), rounded to two decimals."""
    score = sum(TOPIC_WEIGHTS.get(topic, 0.0) for topic in data.get("topics", ()))
    country = {a["id"]: a.get("country") for a in data.get("actors", ())}
    in_context = pairs = 0
    for event in data.get("events", ()):
        if _CONTEXTS.intersection(event.get("context", ())):
            in_context += 1
        sources = {country.get(a) for a in event.get("source", ())} - {None}
        targets = {country.get(a) for a in event.get("target", ())} - {None}
        if sources and targets and sources != targets:
            pairs += 1
    score += min(_EVENTS_AT_MOST, _PER_EVENT * in_context) + min(_PAIRS_AT_MOST, _PER_PAIR * pairs)
    return round(min(1.0, score), 2)


def qualified(record: dict[str, Any]) -> bool:
    """Whether an agreement report says enough to be an agreement between someone: two parties, a
    government and a company, or a name; and a stage of its own: a treaty named in passing ("outside
    the NPT", "the Balfour Declaration"), with no status reported, is a reference, not a record to
    follow."""
    parties = record.get("parties") or []
    between = len(parties) >= 2 or bool(record.get("title")) or bool(record.get("companies") and parties)
    return between and record.get("status", "unknown") != "unknown"


def relevant(record: dict[str, Any], score: float | None) -> bool:
    """Whether an agreement report in an article of relevance `score` counts for the board."""
    return qualified(record) and (score or 0.0) >= RELEVANT
