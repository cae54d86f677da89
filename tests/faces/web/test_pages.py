"""Dashboard pages on a live server, and the page helpers (highlight segments, SVG chart) on their own."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from jalin.store import open_store
from jalin.web import queries
from jalin.web.chart import timeline_chart
from jalin.web.highlight import Mark, marks_of, segments
from jalin.web.pages import snippet
from store_fixtures import PENDING_TEXT
from web_server import EXAMPLES, analyse_paths, build_store, hand_made, serve


@contextmanager
def client_over(db: Path) -> Iterator[httpx.Client]:
    with serve(db) as running, httpx.Client(base_url=running.url, trust_env=False, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def client(module_db: Callable[..., str]) -> Iterator[httpx.Client]:
    """Hand-made analyses: exact values whatever the extraction layers find."""
    with client_over(build_store(module_db("web"), hand_made())) as c:
        yield c


def html(client: httpx.Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_home_lists_agreements_statements_and_pairs(client: httpx.Client) -> None:
    page = html(client, "/")
    assert 'href="/agreements/1"' in page
    assert "Ahmad Faizal Rahman" in page           # the latest statements' speaker
    assert 'href="/pairs/KOR/MYS"' in page
    assert 'href="/documents/seed-like?focus=0-40#focus"' in page   # a statement, one click from its text


def test_board_has_a_column_per_status(client: httpx.Client) -> None:
    page = html(client, "/agreements")
    columns = re.findall(r'<section class="column col-(\w+)">', page)
    assert columns == ["proposed", "negotiating", "pending_approval", "approved", "signed", "in_force",
                       "implemented", "stalled", "cancelled", "unknown"]
    approved = page.split('col-approved">')[1].split("</section>")[0]
    assert 'href="/agreements/1"' in approved


def test_agreement_page_shows_history_with_evidence_links(client: httpx.Client) -> None:
    page = html(client, "/agreements/1")
    steps = re.findall(r'<span class="status st-(\w+)">', page.split('<ol class="timeline">')[1])
    assert steps == ["pending_approval", "approved"]
    evidence = PENDING_TEXT[:30]
    assert f'href="/documents/seed-like?focus=0-30#focus">“{evidence}”' in page
    assert client.get("/agreements/77").status_code == 404


def test_document_page_highlights_every_layer_and_the_focus(client: httpx.Client) -> None:
    page = html(client, "/documents/seed-like?focus=0-30")
    assert '<span class="focus" id="focus">' in page
    focus = page.split('<span class="focus" id="focus"><span class="sent" id="s0"></span>')[1]
    assert focus.startswith('<a class="hl l-agreement l-event l-statement l-gathering l-actor" href="#r-g1"')
    for layer in ("agreement", "event", "statement", "gathering", "actor", "time"):
        assert f'class="hl l-{layer}' in page or f" l-{layer}" in page, layer
    assert 'id="r-g1"' in page and 'id="r-a3"' in page   # the side list's records


def test_document_pages_of_the_bundled_examples_in_both_languages(new_db: Callable[..., str]) -> None:
    with client_over(build_store(new_db("examples"), analyse_paths(EXAMPLES))) as client:
        documents = client.get("/api/documents").json()["items"]
        languages = {d["language"]: d["id"] for d in documents}
        assert set(languages) == {"ms", "en"}
        malay = html(client, f"/documents/{languages['ms']}?sentence=0")
        assert re.search(r'title="[^"]*Korea Selatan \(COUNTRY, KOR\)[^"]*">Korea Selatan</a>', malay)
        assert '<span class="focus" id="focus"><span class="sent" id="s0"></span>' in malay
        english = html(client, f"/documents/{languages['en']}")
        assert re.search(r'title="[^"]*South Korea \(COUNTRY, KOR\)[^"]*">South Korea</a>', english)
        for page in ("/", "/agreements", "/actors", "/pairs/MYS/KOR", "/search?q=Korea"):
            html(client, page)


def test_pair_page_draws_the_chart(client: httpx.Client) -> None:
    page = html(client, "/pairs/mys/kor")
    assert "<svg" in page and page.count("<rect") == 2
    assert "2 cooperative and 0 conflictual" in page
    conflict = html(client, "/pairs/PHL/CHN")
    assert "0 cooperative and 1 conflictual" in conflict and "PROTEST" in conflict
    assert client.get("/pairs/MALAYSIA/KOR").status_code == 404
    assert client.get("/pairs?a=mys&b=kor", follow_redirects=False).headers["location"] == "/pairs/MYS/KOR"


def test_actor_and_lists(client: httpx.Client) -> None:
    actors = html(client, "/actors?country=MYS")
    (person,) = re.findall(r'<a href="/actors/(\d+)">Ahmad Faizal Rahman</a>', actors)
    page = html(client, f"/actors/{person}")
    assert "Minister of Defence" in page and page.count('class="statement"') == 2
    assert "seed-like" in html(client, "/documents")


def test_search_page_marks_hits_and_escapes_input(client: httpx.Client) -> None:
    page = html(client, "/search?q=Cabinet")
    assert "<mark>Cabinet</mark>" in page
    hostile = html(client, "/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)" not in hostile and "&lt;script&gt;" in hostile


def test_unknown_page_is_a_friendly_404(client: httpx.Client) -> None:
    response = client.get("/documents/none-such")
    assert response.status_code == 404 and "no such document" in response.text
    assert client.get("/api/documents/none-such").json() == {"detail": "no such document"}


# ---------------------------------------------------------------------- helpers, no server

def test_segments_cut_overlapping_marks_and_sentences() -> None:
    text = "Malaysia signed the pact. Korea agreed."
    marks = [Mark("actor", "a1", "Malaysia", 0, 8), Mark("agreement", "g1", "pact", 0, 25),
             Mark("actor", "a2", "Korea", 26, 31)]
    parts = segments(text, marks, [0, 26], focus=(26, 39))
    assert [(p.text, p.layers, p.sentence, p.focus) for p in parts] == [
        ("Malaysia", ["agreement", "actor"], 0, False),
        (" signed the pact.", ["agreement"], None, False),
        (" ", [], None, False),
        ("Korea", ["actor"], 1, True),
        (" agreed.", [], None, True),
    ]
    assert parts[0].primary.ref == "g1"
    assert "".join(p.text for p in parts) == text


def test_segments_ignore_bad_spans_and_empty_text() -> None:
    assert segments("", [Mark("actor", "a1", "x", 0, 3)]) == []
    parts = segments("abc", [Mark("time", "t1", "x", 2, 9), Mark("time", "t2", "x", 2, 2)], [5])
    assert [(p.text, p.layers) for p in parts] == [("abc", [])]
    long = "kata " * 20_000
    many = [Mark("actor", f"a{i}", "x", i * 5, i * 5 + 4) for i in range(20_000)]
    assert len(segments(long, many)) == 40_000


def test_marks_of_an_analysis_cover_every_layer() -> None:
    analysis = hand_made()[0].to_dict()
    layers = sorted({m.layer for m in marks_of(analysis)})
    assert layers == ["actor", "agreement", "event", "gathering", "statement", "time"]


def test_chart_months_fill_gaps_and_conflict_goes_below() -> None:
    rows = [{"period": "2025-01", "type": "AGREE", "events": 3},
            {"period": "2025-04", "type": "PROTEST", "events": 1},
            {"period": None, "type": "AGREE", "events": 5}]
    chart = timeline_chart(rows, "t")
    assert chart.months == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert chart.totals == {"cooperative": 3, "conflictual": 1}
    assert chart.types == ["AGREE", "PROTEST"]
    assert chart.svg.count("<rect") == 2
    assert timeline_chart([], "t").svg == ""


def test_cached_answers_follow_writes_by_another_process(new_db: Callable[..., str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "RECHECK", 0.0)
    db = build_store(new_db("q"), hand_made()[:1])
    with open_store(db) as reader, open_store(db) as writer:
        cached = queries.Queries(reader)
        assert [a["status"] for a in cached.agreements(everything=True)["items"]] == ["pending_approval"]
        assert cached.documents()["total"] == 1
        writer.add_analyses(hand_made()[1:2])
        assert [a["status"] for a in cached.agreements(everything=True)["items"]] == ["approved"]
        assert cached.documents()["total"] == 2


def test_agreement_milestones_link_to_their_words(client: httpx.Client) -> None:
    page = html(client, "/agreements/1")
    table = page.split("<h2>Milestones</h2>")[1]
    assert f'<a href="/documents/seed-like?focus=20-60#focus">{PENDING_TEXT[20:60]}</a>' in table


def test_snippet_marks_only_paired_hits() -> None:
    assert str(snippet("…the [Cabinet] said <b>] [ok")) == "…the <mark>Cabinet</mark> said &lt;b&gt;] [ok"


def test_document_links_only_web_urls(new_db: Callable[..., str]) -> None:
    safe, hostile = hand_made()[:2]
    safe.document.url = "https://www.bernama.com/en/news.php?id=1"
    hostile.document.url = "javascript:alert(1)"
    with client_over(build_store(new_db("u"), [safe, hostile])) as c:
        page = html(c, "/documents/seed-like")
        assert 'href="https://www.bernama.com/en/news.php?id=1" rel="noreferrer">original' in page
        assert "javascript:" not in html(c, "/documents/follow-up")


def test_home_links_an_overdue_milestone_to_its_words(new_db: Callable[..., str]) -> None:
    with client_over(build_store(new_db("late"), hand_made()[:1])) as c:
        page = html(c, "/")
        late = page.split('<div class="card overdue">')[1]
        assert f'href="/documents/seed-like?focus=20-60#focus">“{PENDING_TEXT[20:60]}”' in late
        assert 'href="/agreements/1"' in late
