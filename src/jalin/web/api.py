"""The JSON API under /api: documents, actors, agreements, events, timelines, search, health, writes.

Lists take `limit` and `offset` and answer `{"total", "limit", "offset", "items"}`. `POST /api/documents`
analyses a text and stores it; it needs `Authorization: Bearer <token>` matching the server's
`$JALIN_TOKEN` (401 without it or with a wrong one; 403 when the server has no token: writes disabled).
"""

from __future__ import annotations

import hmac
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from jalin.model import ACTOR_TYPES, AGREEMENT_STATUSES, PLOVER_TYPES
from jalin.pipeline import analyze
from jalin.web.queries import Queries, page

router = APIRouter(prefix="/api", tags=["api"])
_bearer = HTTPBearer(auto_error=False, description="The server's $JALIN_TOKEN")

Country = Annotated[str, Query(pattern="^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code")]
ActorType = Literal[ACTOR_TYPES]  # type: ignore[valid-type]
Status = Literal[AGREEMENT_STATUSES]  # type: ignore[valid-type]
EventType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
SEARCH_HITS = 1000
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


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
    published: date | None = None
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    source: str | None = Field(None, max_length=200)


class Stored(BaseModel):
    id: str
    added: int
    skipped: int
    replaced: int
    duplicates: int


def queries(request: Request) -> Queries:
    return request.app.state.queries


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
def health(q: Q) -> dict[str, Any]:
    """Liveness, with the store's row counts."""
    return {"status": "ok", "counts": q.counts()}


@router.get("/documents", response_model=Page)
def list_documents(q: Q, language: Annotated[str | None, Query(pattern="^(ms|en|id|other)$")] = None,
                   source: Annotated[str | None, Query(max_length=200)] = None,
                   date_from: date | None = None, date_to: date | None = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stored documents, newest first."""
    return page(q.documents(language, source, date_from, date_to), limit, offset)


@router.get("/documents/{doc_id:path}")
def get_document(q: Q, doc_id: str) -> dict[str, Any]:
    """A stored document: its full analysis (jalin.analysis/1) plus `duplicate_of`."""
    return _found(q.document(doc_id), "document")


@router.post("/documents", response_model=Stored, status_code=201, dependencies=[Depends(require_token)])
def post_document(q: Q, body: NewDocument, response: Response) -> dict[str, Any]:
    """Analyse a document and store it (needs the bearer token): 201 when stored, 200 when already there."""
    analysis = analyze(body.text, published=body.published, id=body.id, title=body.title, url=body.url,
                       source=body.source)
    result = q.add(analysis)
    if not result.added:
        response.status_code = 200
    return {"id": analysis.document.id, "added": result.added, "skipped": result.skipped,
            "replaced": result.replaced, "duplicates": result.duplicates}


@router.get("/actors", response_model=Page)
def list_actors(q: Q, country: Country | None = None,
                type: ActorType | None = None,
                name: Annotated[str | None, Query(max_length=200)] = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Actor entities resolved across documents, most reported first."""
    return page(q.actors(country, type, name), limit, offset)


@router.get("/actors/{actor_id}")
def get_actor(q: Q, actor_id: int) -> dict[str, Any]:
    """An actor with its names, roles over time and statements."""
    return _found(q.actor(actor_id), "actor")


@router.get("/agreements", response_model=Page)
def list_agreements(q: Q, country: Country | None = None,
                    status: Status | None = None,
                    overdue: bool = False, as_of: date | None = None,
                    limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Agreements with status history, milestones and overdue flags (as of a date, default today)."""
    found = q.filter_agreements(country, status, overdue, as_of.isoformat() if as_of else None)
    return page(found, limit, offset)


@router.get("/agreements/{agreement_id}")
def get_agreement(q: Q, agreement_id: int, as_of: date | None = None) -> dict[str, Any]:
    """One agreement with its status history (date, status, document, evidence) and milestones."""
    return _found(q.agreement(agreement_id, as_of.isoformat() if as_of else None), "agreement")


@router.get("/events", response_model=Page)
def list_events(q: Q, a: Country | None = None, b: Country | None = None,
                type: EventType | None = None,
                date_from: date | None = None, date_to: date | None = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Events, newest first; `a` and `b` keep those between two countries (either direction)."""
    return page(q.events(a, b, type, date_from, date_to), limit, offset)


@router.get("/timeline")
def timeline(q: Q, a: Annotated[str, Query(pattern="^[A-Za-z]{3}$")],
             b: Annotated[str, Query(pattern="^[A-Za-z]{3}$")],
             by: Literal["day", "month", "year"] = "month") -> list[dict[str, Any]]:
    """Counts of events between two countries per period and PLOVER type."""
    return q.timeline(a, b, by)


@router.get("/search", response_model=Page)
def search(q: Q, text: Annotated[str, Query(alias="q", min_length=1, max_length=500)],
           limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Full-text search over documents, best first (at most 1,000 hits; snippets mark hits with [ ])."""
    return page(q.search(text, SEARCH_HITS), limit, offset)
