"""The paged lists (dashboard and API) give what the whole lists gave, a page at a time.

A store of invented reports (several countries, dated and undated documents and events, statements,
agreements at several statuses) is read two ways on each backend: through the paged queries of
`jalin.web.queries` (the database orders, filters, pages and counts) and as the whole flat tables,
filtered and sorted here in Python as the web layer used to do. Every page of every list must be
the matching slice of the whole, and every total its length.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from jalin.model import (
    SCHEMA_ID,
    Actor,
    Agreement,
    Analysis,
    DocumentInfo,
    Event,
    Milestone,
    Span,
    Statement,
    TextSpan,
    TimeExpr,
)
from jalin.store import Store, open_store
from jalin.store.changes import changes
from jalin.web.queries import Queries, named

COUNTRIES = (("VNM", "Vietnam"), ("PHL", "Philippines"), ("IDN", "Indonesia"), ("THA", "Thailand"))
STATUSES = ("proposed", "negotiating", "signed", "pending_approval", "in_force")
PEOPLE = ("Nguyen Thi Lan", "Ramon Dizon", "Ayu Lestari", "Somchai Prasert", "Élodie Ştefan")
PAGES = ((1, 0), (3, 0), (3, 3), (5, 7), (4, 50), (50, 0), (2, 1000))


def _report(n: int) -> Analysis:
    """Report `n`: two of the countries and a person; an event between them (and one of a country with
    itself every third report); an agreement; statements; every fifth report undated."""
    (x, x_name), (y, y_name) = COUNTRIES[n % 4], COUNTRIES[(n + 1 + n // 4) % 4]
    person = PEOPLE[n % len(PEOPLE)]
    text = (f"{x_name} and {y_name} agreed on joint patrols, {person} said in report {n}. "
            f"\"We will train {n + 3} crews,\" {person} said. The talks continue next month.")
    published = None if n % 5 == 4 else f"2024-{n % 12 + 1:02d}-{n % 3 + 10:02d}"
    actors = [Actor("a1", "COUNTRY", x_name, x_name, x, None, [], [], [TextSpan(0, len(x_name), x_name)]),
              Actor("a2", "COUNTRY", y_name, y_name, y, None, [], [], [TextSpan(0, len(y_name), y_name)]),
              Actor("a3", "PERSON", person, person, x, "GOV", [], [], [TextSpan(0, len(person), person)])]
    events = [Event("e1", "AGREE", "057", ["a1"], ["a2"], "asserted", [], ["military"], None,
                    TextSpan(0, 6, text[:6]), 0),
              Event("e2", "CONSULT", "040", ["a2"], ["a1"], "asserted", [], [],
                    "t1" if n % 2 else None, TextSpan(7, 10, text[7:10]), 0)]
    if n % 3 == 0:
        events.append(Event("e3", "COOPERATE", "060", ["a1"], ["a3"], "asserted", [], [], None,
                            TextSpan(0, 6, text[:6]), 0))
    statements = [Statement("a3", "indirect", text[:40], "said", 0, 40),
                  Statement("a3", "direct", text[41:70], "said", 41, 70),
                  Statement(None, "indirect", text[70:90], "said", 70, 90)]
    milestone = Milestone("signing", "expected", "t1", text[20:50])
    agreements = [Agreement("g1", "mou", f"MoU on patrols {n % 6}", sorted({x, y}), STATUSES[n % 5], None,
                            [milestone], [Span(0, 30)])]
    times = [TimeExpr("t1", "next month", f"2024-{n % 12 + 1:02d}", "month", "by", 100, 110)]
    return Analysis(schema=SCHEMA_ID,
                    document=DocumentInfo(f"r{n:02d}", "Wire" if n % 2 else "Daily", published, None, "en",
                                          f"Report {n}"),
                    text=text, sentences=[Span(0, len(text))], actors=actors, statements=statements,
                    events=events, agreements=agreements, gatherings=[], times=times,
                    topics=["military", "diplomatic"])


@pytest.fixture(scope="module")
def store(module_db: Callable[..., str]) -> Iterator[Store]:
    with open_store(module_db("paging"), create=True) as opened:
        opened.add_analyses([_report(n) for n in range(40)])
        yield opened


def _rows(store: Store, name: str) -> list[dict[str, Any]]:
    frame = store.table(name)
    return [{k: (None if v != v else v.item() if hasattr(v, "item") else v) for k, v in row.items()}
            for row in frame.to_dict(orient="records")]


def _newest_first(rows: list[dict[str, Any]], when: str, *ties: str) -> list[dict[str, Any]]:
    dated = sorted((r for r in rows if r[when] is not None), key=lambda r: tuple(r[t] for t in ties))
    dated.sort(key=lambda r: r[when], reverse=True)  # stable: ties stay in their order
    undated = sorted((r for r in rows if r[when] is None), key=lambda r: tuple(r[t] for t in ties))
    return dated + undated


def _same_pages(paged: Callable[[int, int], dict[str, Any]], whole: list[Any],
                key: Callable[[Any], Any] = lambda item: item) -> None:
    for limit, offset in PAGES:
        got = paged(limit, offset)
        assert got["total"] == len(whole), (limit, offset)
        expected = [key(i) for i in whole[offset:offset + limit]]
        assert [key(i) for i in got["items"]] == expected, (limit, offset)


def test_documents_page_as_the_whole_list(store: Store) -> None:
    q = Queries(store)
    whole = _newest_first(_rows(store, "documents"), "published", "id")
    assert any(d["published"] is None for d in whole)
    _same_pages(lambda limit, offset: q.documents(limit=limit, offset=offset), whole, lambda d: d["id"])
    wire = [d for d in whole if d["source"] == "Wire"]
    _same_pages(lambda limit, offset: q.documents(source="wire", limit=limit, offset=offset), wire,
                lambda d: d["id"])


@pytest.mark.parametrize("a, b, type_", [(None, None, None), ("VNM", None, None), ("VNM", "PHL", None),
                                         ("PHL", "VNM", "CONSULT"), ("IDN", "IDN", None)])
def test_events_page_as_the_whole_list(store: Store, a: str | None, b: str | None, type_: str | None) -> None:
    q = Queries(store)
    rows = [r for r in _rows(store, "events") if not r["dup"] and (type_ is None or r["type"] == type_)]
    for r in rows:
        r["src"], r["tgt"] = (set(r["source_countries"].split("|")) - {""},
                              set(r["target_countries"].split("|")) - {""})
    if a and b and a != b:
        rows = [r for r in rows if (a in r["src"] and b in r["tgt"]) or (b in r["src"] and a in r["tgt"])]
    elif a and b:
        rows = [r for r in rows if a in r["src"] and a in r["tgt"]]
    elif a:
        rows = [r for r in rows if a in r["src"] or a in r["tgt"]]
    whole = _newest_first(rows, "date", "event_id")
    assert whole or (a, b) == ("IDN", "IDN")
    _same_pages(lambda limit, offset: q.events(a, b, type_, limit=limit, offset=offset), whole,
                lambda e: (e["event_id"], e["date"], e["trigger"]))
    if whole:
        first = q.events(a, b, type_, limit=1)["items"][0]
        assert first["source_countries"] == sorted(whole[0]["src"])
        assert "dup" not in first


@pytest.mark.parametrize("country, type_, name", [(None, None, None), ("VNM", None, None),
                                                  (None, "PERSON", None), ("THA", "COUNTRY", None),
                                                  (None, None, "lan"), (None, None, "ştefan")])
def test_actors_page_as_the_whole_list(store: Store, country: str | None, type_: str | None,
                                       name: str | None) -> None:
    q = Queries(store)
    whole = [r for r in _rows(store, "actors")
             if (country is None or r["country"] == country) and (type_ is None or r["type"] == type_)
             and (name is None or name.upper() in r["name"].upper())]
    whole.sort(key=lambda r: (-r["documents"], r["id"]))
    assert whole
    _same_pages(lambda limit, offset: q.actors(country, type_, name, limit, offset), whole, lambda r: r["id"])


@pytest.mark.parametrize("country, status, other", [(None, None, None), ("VNM", None, None),
                                                    (None, "signed", None), ("PHL", None, "VNM")])
def test_agreements_page_as_the_whole_list(store: Store, country: str | None, status: str | None,
                                           other: str | None) -> None:
    q = Queries(store)
    whole = [named(r) for r in store.agreement_records(country, status, relevant=True)
             if other is None or other in r["parties"]]
    assert whole
    _same_pages(lambda limit, offset: q.agreements(country, status, limit=limit, offset=offset, other=other),
                whole, lambda r: (r["id"], r["status"], [h["document"] for h in r["history"]]))
    everything = store.agreement_records()
    _same_pages(lambda limit, offset: q.agreements(everything=True, limit=limit, offset=offset), everything,
                lambda r: r["id"])
    assert q.status_counts(everything=True) == Counter(r["status"] for r in everything)


def test_overdue_and_as_of_pages_count_what_they_list(store: Store) -> None:
    q = Queries(store)
    for overdue, as_of in ((True, "2025-06-30"), (False, "2024-06-15"), (True, "2024-03-01")):
        whole = store.agreement_records(overdue=overdue, as_of=as_of, relevant=True)
        _same_pages(lambda limit, offset, o=overdue, d=as_of: q.agreements(overdue=o, as_of=d, limit=limit,
                                                                          offset=offset),
                    whole, lambda r: (r["id"], r["status"], [m["kind"] for m in r["overdue"]]))
    assert store.agreement_records(overdue=True, as_of="2025-06-30")


def test_one_agreement_by_id_whatever_the_board_shows(store: Store) -> None:
    q = Queries(store)
    everything = store.agreement_records(as_of="2024-05-01")
    for record in everything[:5]:
        assert q.agreement(record["id"], "2024-05-01") == named(record)
    assert q.agreement(10**9) is None
    assert q.agreement(-(2**63)) is None


def test_latest_statements_as_the_whole_list(store: Store) -> None:
    rows = [r for r in _rows(store, "statements") if not r["dup"]]
    ordered = _newest_first(rows, "date", "document", "start")
    for limit, per_document in ((10, 2), (7, 1), (500, 2)):
        taken: Counter[str] = Counter()
        whole = []
        for r in ordered:
            if taken[r["document"]] < per_document and len(whole) < limit:
                taken[r["document"]] += 1
                whole.append(r)
        got = Queries(store).latest_statements(limit, per_document)
        assert [(s["document"], s["start"]) for s in got] == [(s["document"], s["start"]) for s in whole]
    assert len(Queries(store).latest_statements(500, 2)) == len(
        {r["document"] for r in rows}) * 2 + 0  # every document gave its first two


def test_search_pages_as_the_whole_hit_list(store: Store) -> None:
    q = Queries(store)
    whole = store.search_rows("patrols", 1000)
    assert len(whole) == 40
    _same_pages(lambda limit, offset: q.search("patrols", limit, offset), whole, lambda h: h["id"])
    capped = q.search("patrols", 10, 5, at_most=12)
    assert capped["total"] == 12 and [h["id"] for h in capped["items"]] == [h["id"] for h in whole[5:12]]
    assert q.search("", 10)["total"] == 0


def test_country_pairs_count_the_events_between_them(store: Store) -> None:
    between: Counter[tuple[str, str]] = Counter()
    for r in _rows(store, "events"):
        src, tgt = set(r["source_countries"].split("|")) - {""}, set(r["target_countries"].split("|")) - {""}
        if not r["dup"]:
            between.update({tuple(sorted((s, t))) for s in src for t in tgt if s != t})
    whole = sorted(((a, b, n) for (a, b), n in between.items()), key=lambda p: (-p[2], p[0], p[1]))
    assert Queries(store).pairs(3) == whole[:3]
    assert Queries(store).counts()["documents"] == 40


@pytest.mark.parametrize("since, until", [("2024-01-01", "2024-12-31"), ("2024-03-01", "2024-03-31"),
                                          ("2024-06-11", "2024-06-11"), ("2025-01-01", "2025-06-30"),
                                          ("2023-01-01", "2023-12-31")])
def test_changes_of_the_active_agreements_are_every_change(store: Store, since: str, until: str) -> None:
    every = changes(store.agreement_records(as_of=until), since, until)
    active = list(store.iter_agreement_records(as_of=until, active=(since, until)))
    assert changes(active, since, until) == every
    assert len(active) <= len(store.agreement_records(as_of=until))
    if since == "2025-01-01":  # no report then, but deadlines passing: only those agreements
        assert every and all(c.kind == "overdue" for c in every)
        assert len(active) < len(store.agreement_records(as_of=until))
