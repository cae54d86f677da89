"""The server-rendered dashboard: Jinja2 pages over the cached queries, every claim linked to its sentence."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi import Path as PathParameter
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from jalin.web.chart import COLOURS, timeline_chart
from jalin.web.highlight import LAYERS, Segment, marks_of, segments
from jalin.web.queries import BOARD_COLUMNS, COOPERATIVE, Queries

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
PAGE_SIZE = 50
HOME_AGREEMENTS = 8  # the latest agreements on the home page
HOME_OVERDUE = 20  # agreements whose overdue milestones the home page lists, latest reported first
COLUMN_SIZE = 50  # cards per column of the board (each column counts all of its agreements)
PAIR_AGREEMENTS = 50  # agreements between two countries on their page, latest reported first
MAX_OFFSET = 10_000_000
_ISO3 = re.compile(r"^[A-Za-z]{3}$")  # "MYS" (a country code in a URL)
_HIT = re.compile(r"\[([^\[\]]*)\]")  # "[Perjanjian]" (a search hit marked in a snippet)
_FOCUS = re.compile(r"^(\d{1,9})-(\d{1,9})$")  # "120-164" (the start-end of a highlighted span)
# A row id: SQLite's integers are signed 64-bit.
RowId = Annotated[int, PathParameter(ge=-(2**63), le=2**63 - 1)]


def doc_url(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """The document page, showing the span [start, end) when given."""
    url = f"/documents/{quote(str(doc_id), safe='')}"
    if start is not None and end is not None:
        url += f"?focus={int(start)}-{int(end)}#focus"
    return url


def sentence_url(doc_id: str, sentence: int | None) -> str:
    """The document page, showing one sentence (by index) when given."""
    url = doc_url(doc_id)
    return url if sentence is None else f"{url}?sentence={int(sentence)}#focus"


def label(value: Any) -> str:
    return str(value).replace("_", " ") if value is not None else "—"


def join_names(ids: list[str], names: dict[str, str]) -> str:
    return ", ".join(names.get(i, i) for i in ids) or "?"


def snippet(text: str | None) -> Markup:
    """An FTS snippet with its [ ] hit markers as <mark>, the rest escaped."""
    return Markup(_HIT.sub(r"<mark>\1</mark>", str(escape(text or ""))))


def text_html(parts: list[Segment]) -> Markup:
    """The highlighted text: a link to its record for every marked segment, anchors at sentences."""
    out: list[str] = []
    inside = False
    for part in parts:
        if part.focus != inside:  # the focused span is one contiguous run of segments
            out.append('<span class="focus" id="focus">' if part.focus else "</span>")
            inside = part.focus
        if part.sentence is not None:
            out.append(f'<span class="sent" id="s{part.sentence}"></span>')
        text = escape(part.text)
        primary = part.primary
        if primary is None:
            out.append(str(text))
        else:
            classes = " ".join(f"l-{layer}" for layer in part.layers)
            out.append(f'<a class="hl {classes}" href="#r-{escape(primary.ref)}" '
                       f'title="{escape(part.title)}">{text}</a>')
    if inside:
        out.append("</span>")
    return Markup("".join(out))


templates.env.globals.update(doc_url=doc_url, sentence_url=sentence_url, label=label, snippet=snippet,
                             join_names=join_names, colours=COLOURS, cooperative=COOPERATIVE)


def _q(request: Request) -> Queries:
    return request.app.state.queries


def _page(request: Request, template: str, key: tuple[Any, ...],
          context: Callable[[], dict[str, Any]]) -> HTMLResponse:
    """A page rendered from `template` with the `context()` built from the store, kept (as HTML) until
    the store changes: `key` holds everything else the page depends on (its parameters)."""
    def render() -> str:
        return templates.get_template(template).render(context())

    return HTMLResponse(_q(request).cached(("page", template, *key), render))


def _evidence_links(q: Queries, rows: list[dict[str, Any]], field: str) -> list[dict[str, Any]]:
    """The rows (history steps, milestones), each with the `url` of its evidence text in its document."""
    linked = []
    for row in rows:
        span = q.evidence_span(row["document"], row.get(field), row.get("start"), row.get("end"))
        url = doc_url(row["document"], *span) if span else doc_url(row["document"])
        linked.append({**row, "url": url})
    return linked


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    q = _q(request)
    today = date.today().isoformat()

    def context() -> dict[str, Any]:
        agreements = q.agreements(limit=HOME_AGREEMENTS, counted=False)["items"]
        late = q.agreements(overdue=True, limit=HOME_OVERDUE, counted=False)["items"]
        overdue = [(a, linked) for a in late for linked in _evidence_links(q, a["overdue"], "text")]
        statements = q.latest_statements(10)
        speakers = {s["speaker_entity"]: s["speaker"] for s in statements if s["speaker_entity"] is not None}
        return {"agreements": agreements, "overdue": overdue, "statements": statements, "speakers": speakers,
                "pairs": q.pairs(8), "counts": q.counts(), "today": today}

    return _page(request, "home.html", (today,), context)


@router.get("/agreements", response_class=HTMLResponse)
async def board(request: Request, country: str | None = None, all: bool = False) -> HTMLResponse:
    """The board: by default the agreements relevant to defence, security and foreign relations
    (store/relevance.py); `?all=1` shows every stored one. Each column shows its latest `COLUMN_SIZE`
    cards and counts them all."""
    q = _q(request)
    country = country.upper() if country and _ISO3.match(country) else None

    def context() -> dict[str, Any]:
        counts = q.status_counts(country, everything=all)
        stored = sum(q.status_counts(country, everything=True).values())
        columns = [(status, q.agreements(country, status, everything=all, limit=COLUMN_SIZE,
                                         counted=False)["items"] if counts.get(status) else [],
                    counts.get(status, 0)) for status in BOARD_COLUMNS]
        return {"columns": columns, "country": country, "total": sum(counts.values()), "stored": stored,
                "everything": all, "size": COLUMN_SIZE}

    return _page(request, "board.html", (country, all), context)


@router.get("/agreements/{agreement_id}", response_class=HTMLResponse)
async def agreement(request: Request, agreement_id: RowId) -> HTMLResponse:
    q = _q(request)

    def context() -> dict[str, Any]:
        found = q.agreement(agreement_id)
        if found is None:
            raise HTTPException(404, "no such agreement")
        return {"a": found, "steps": _evidence_links(q, found["history"], "evidence"),
                "milestones": _evidence_links(q, found["milestones"], "text"),
                "feed": f"/agreements/{agreement_id}/changes.atom"}

    return _page(request, "agreement.html", (agreement_id,), context)


@router.get("/pairs", response_class=HTMLResponse)
async def pair_form(request: Request, a: str = "", b: str = "") -> Any:
    if _ISO3.match(a) and _ISO3.match(b):
        return RedirectResponse(f"/pairs/{a.upper()}/{b.upper()}", status_code=303)
    return _page(request, "pairs.html", (), lambda: {"pairs": _q(request).pairs(40)})


@router.get("/pairs/{a}/{b}", response_class=HTMLResponse)
async def pair(request: Request, a: str, b: str) -> HTMLResponse:
    if not (_ISO3.match(a) and _ISO3.match(b)):
        raise HTTPException(404, "country codes are three letters (ISO 3166-1 alpha-3)")
    q = _q(request)
    a, b = a.upper(), b.upper()

    def context() -> dict[str, Any]:
        chart = timeline_chart(q.timeline(a, b), f"Events between {a} and {b} per month")
        events = q.events(a, b, limit=PAGE_SIZE)
        agreements = q.agreements(a, other=b, limit=PAIR_AGREEMENTS)
        return {"a": a, "b": b, "chart": chart, "events": events["items"], "total": events["total"],
                "agreements": agreements["items"], "agreements_total": agreements["total"], "other": b,
                "feed": f"/pairs/{a}/{b}/changes.atom"}

    return _page(request, "pair.html", (a, b), context)


@router.get("/actors", response_class=HTMLResponse)
async def actors(request: Request, country: str | None = None, name: str | None = None,
                 offset: int = 0) -> HTMLResponse:
    country = country.upper() if country and _ISO3.match(country) else None
    offset = min(max(0, offset), MAX_OFFSET)

    def context() -> dict[str, Any]:
        found = _q(request).actors(country, None, name or None, PAGE_SIZE, offset)
        return {"actors": found["items"], "total": found["total"], "offset": offset, "size": PAGE_SIZE,
                "country": country or "", "name": name or ""}

    return _page(request, "actors.html", (country, name, offset), context)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
async def actor(request: Request, actor_id: RowId) -> HTMLResponse:
    def context() -> dict[str, Any]:
        found = _q(request).actor(actor_id)
        if found is None:
            raise HTTPException(404, "no such actor")
        return {"actor": found}

    return _page(request, "actor.html", (actor_id,), context)


@router.get("/documents", response_class=HTMLResponse)
async def documents(request: Request, offset: int = 0) -> HTMLResponse:
    offset = min(max(0, offset), MAX_OFFSET)

    def context() -> dict[str, Any]:
        found = _q(request).documents(limit=PAGE_SIZE, offset=offset)
        return {"documents": found["items"], "total": found["total"], "offset": offset, "size": PAGE_SIZE}

    return _page(request, "documents.html", (offset,), context)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
async def document(request: Request, doc_id: str, focus: str | None = None,
                   sentence: int | None = None) -> HTMLResponse:
    def context() -> dict[str, Any]:
        analysis = _q(request).document(doc_id)
        if analysis is None:
            raise HTTPException(404, "no such document")
        span = None
        sentences = analysis.get("sentences", [])
        if focus and (m := _FOCUS.match(focus)):
            span = (int(m[1]), int(m[2]))
        elif sentence is not None and 0 <= sentence < len(sentences):
            span = (sentences[sentence]["start"], sentences[sentence]["end"])
        marks = marks_of(analysis)
        counts = {layer: sum(1 for m in marks if m.layer == layer) for layer, _ in LAYERS}
        starts = [s["start"] for s in sentences]
        names = {a["id"]: a["name"] for a in analysis.get("actors", [])}
        text = text_html(segments(analysis["text"], marks, starts, span))
        return {"d": analysis, "info": analysis["document"], "text": text, "layers": LAYERS, "counts": counts,
                "names": names}

    return _page(request, "document.html", (doc_id, focus, sentence), context)


@router.get("/search", response_class=HTMLResponse)
async def search(request: Request, q: str = "") -> HTMLResponse:
    text = q.strip()[:500]

    def context() -> dict[str, Any]:
        return {"q": text, "results": _q(request).search(text, 50)["items"] if text else []}

    return _page(request, "search.html", (text,), context)
