"""The JSON API under /api: documents, actors, agreements, events, timelines, search, health, writes.

Lists take `limit` and `offset` and answer `{"total", "limit", "offset", "items"}`. `POST /api/documents`
analyses a text and stores it; it needs `Authorization: Bearer <token>` matching the server's
`$JALIN_TOKEN` (401 without it or with a wrong one; 403 when the server has no token: writes disabled),
checked before the body is read (`jalin.web.guard`); the analysis runs in a child process with a
time budget and stops when the client disconnects (`jalin.web.analysis`). Every error answers
`{"detail": "..."}` with the status the OpenAPI spec lists for its route.
"""

from __future__ import annotations

import hmac
from datetime import date
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from jalin.model import ACTOR_TYPES, AGREEMENT_STATUSES, PLOVER_TYPES
from jalin.web.analysis import AnalysisStopped, analyse_in_child
from jalin.web.queries import Queries


class Error(BaseModel):
    detail: Any = Field(description="What was wrong: a sentence, or the validation errors")


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    said = {400: "The Host header names a host this server does not serve",
            401: "Missing or wrong bearer token", 403: "Writes are disabled: the server has no JALIN_TOKEN",
            404: "No such record",
            413: "Request body too large", 422: "Invalid parameters or body, or a document that could "
                                                "not be analysed (within the time budget)"}
    return {status: {"model": Error, "description": said[status]} for status in statuses}


router = APIRouter(prefix="/api", tags=["api"], responses=_errors(400, 422))
_bearer = HTTPBearer(auto_error=False, description="The server's $JALIN_TOKEN")

Country = Annotated[str, Query(pattern="^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code")]
ActorType = Literal[ACTOR_TYPES]  # type: ignore[valid-type]
Status = Literal[AGREEMENT_STATUSES]  # type: ignore[valid-type]
EventType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
SEARCH_HITS = 1000
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
# A row id: SQLite's integers are signed 64-bit.
RowId = Annotated[int, Path(ge=-(2**63), le=2**63 - 1)]
EARLIEST, LATEST = date(1800, 1, 1), date(2199, 12, 31)  # publication dates the analysis takes


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class Health(BaseModel):
    status: str
    counts: dict[str, int]


class NewDocument(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000, description="The article body")
    id: str | None = Field(None, min_length=1, max_length=200)
    published: date | None = Field(None, ge=EARLIEST, le=LATEST)
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    source: str | None = Field(None, max_length=200)


class Stored(BaseModel):
    id: str
    added: int
    skipped: int
    replaced: int
    duplicates: int


async def queries(request: Request) -> Queries:
    # async: a dependency this light is not worth a hop to the thread pool and back
    return request.app.state.queries


def _json(value: Any) -> Response:
    """A JSON answer encoded once by orjson (the route's response model documents it; FastAPI passes a
    Response through without validating and encoding the value again)."""
    return Response(orjson.dumps(value), media_type="application/json")


Q = Annotated[Queries, Depends(queries)]


def _found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Refuse a write unless the bearer token matches the server's token."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "writes are disabled: the server has no JALIN_TOKEN")
    given = credentials.credentials if credentials is not None else ""
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


@router.get("/health", response_model=Health)
async def health(q: Q) -> Response:
    """Liveness, with the store's row counts."""
    return _json({"status": "ok", "counts": q.counts()})


@router.get("/documents", response_model=Page)
async def list_documents(q: Q, language: Annotated[str | None, Query(pattern="^(ms|en|id|other)$")] = None,
                         source: Annotated[str | None, Query(max_length=200)] = None,
                         date_from: date | None = None, date_to: date | None = None,
                         limit: Limit = 50, offset: Offset = 0) -> Response:
    """Stored documents, newest first."""
    return _json(q.documents(language, source, date_from, date_to, limit, offset))


@router.get("/documents/{doc_id:path}", response_model=dict[str, Any], responses=_errors(404))
async def get_document(q: Q, doc_id: str) -> Response:
    """A stored document: its full analysis (jalin.analysis/1) plus `duplicate_of`."""
    return _json(_found(q.document(doc_id), "document"))


@router.post("/documents", response_model=Stored, status_code=201, dependencies=[Depends(require_token)],
             responses=_errors(401, 403, 413))
async def post_document(request: Request, q: Q, body: NewDocument, response: Response) -> Any:
    """Analyse a document and store it (needs the bearer token): 201 when stored, 200 when already there."""
    fields = {"text": body.text, "published": body.published, "id": body.id, "title": body.title,
              "url": body.url, "source": body.source}
    try:
        analysis = await analyse_in_child(request, fields, request.app.state.analysis_seconds)
    except AnalysisStopped as exc:
        if not exc.timed_out and await request.is_disconnected():
            return Response(status_code=400)  # nobody is there to read it
        raise HTTPException(422, str(exc)) from None
    result = await run_in_threadpool(q.add, analysis)
    if not result.added:
        response.status_code = 200
    return {"id": orjson.loads(analysis)["document"]["id"], "added": result.added, "skipped": result.skipped,
            "replaced": result.replaced, "duplicates": result.duplicates}


@router.get("/actors", response_model=Page)
async def list_actors(q: Q, country: Country | None = None,
                      type: ActorType | None = None,
                      name: Annotated[str | None, Query(max_length=200)] = None,
                      limit: Limit = 50, offset: Offset = 0) -> Response:
    """Actor entities resolved across documents, most reported first."""
    return _json(q.actors(country, type, name, limit, offset))


@router.get("/actors/{actor_id}", response_model=dict[str, Any], responses=_errors(404))
async def get_actor(q: Q, actor_id: RowId) -> Response:
    """An actor with its names, roles over time and statements."""
    return _json(_found(q.actor(actor_id), "actor"))


@router.get("/agreements", response_model=Page)
async def list_agreements(q: Q, country: Country | None = None,
                          status: Status | None = None,
                          overdue: bool = False, as_of: date | None = None,
                          limit: Limit = 50, offset: Offset = 0) -> Response:
    """Agreements with status history, milestones and overdue flags (as of a date, default today)."""
    return _json(q.agreements(country, status, overdue, as_of.isoformat() if as_of else None, limit=limit,
                              offset=offset))


@router.get("/agreements/{agreement_id}", response_model=dict[str, Any], responses=_errors(404))
async def get_agreement(q: Q, agreement_id: RowId, as_of: date | None = None) -> Response:
    """One agreement with its status history (date, status, document, evidence) and milestones."""
    return _json(_found(q.agreement(agreement_id, as_of.isoformat() if as_of else None), "agreement"))


@router.get("/events", response_model=Page)
async def list_events(q: Q, a: Country | None = None, b: Country | None = None,
                      type: EventType | None = None,
                      date_from: date | None = None, date_to: date | None = None,
                      limit: Limit = 50, offset: Offset = 0) -> Response:
    """Events, newest first; `a` and `b` keep those between two countries (either direction)."""
    return _json(q.events(a, b, type, date_from, date_to, limit, offset))


@router.get("/timeline", response_model=list[dict[str, Any]])
async def timeline(q: Q, a: Annotated[str, Query(pattern="^[A-Za-z]{3}$")],
                   b: Annotated[str, Query(pattern="^[A-Za-z]{3}$")],
                   by: Literal["day", "month", "year"] = "month") -> Response:
    """Counts of events between two countries per period and PLOVER type."""
    return _json(q.timeline(a, b, by))


@router.get("/search", response_model=Page)
async def search(q: Q, text: Annotated[str, Query(alias="q", min_length=1, max_length=500)],
                 limit: Limit = 20, offset: Offset = 0) -> Response:
    """Full-text search over documents, best first (at most 1,000 hits; snippets mark hits with [ ])."""
    return _json(q.search(text, limit, offset, SEARCH_HITS))
