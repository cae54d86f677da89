"""The FastAPI application: JSON API under /api, dashboard pages, static files, offline API docs.

    from jalin.web.app import create_app
    app = create_app("jalin.db", token=os.environ.get("JALIN_TOKEN"))

`/docs` serves Swagger UI from the package's own copy of swagger-ui-dist (static/swagger/), so it
works without network access; `/openapi.json` is the spec.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import HTTPException, RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from jalin.budget import DOCUMENT_SECONDS
from jalin.store import Store, open_store
from jalin.text import without_surrogates
from jalin.web import api, feed, pages
from jalin.web.guard import Guard
from jalin.web.queries import Queries

STATIC = Path(__file__).parent / "static"


def create_app(store: Store | str | Path | None = None, token: str | None = None,
               hosts: Iterable[str] = (), analysis_seconds: float = DOCUMENT_SECONDS) -> FastAPI:
    """The application over a store (an open one, or a path; default `$JALIN_DB` / ./jalin.db).

    `token` enables `POST /api/documents` for clients sending it as a bearer token; None disables writes.
    `hosts`: Host header values served besides the loopback names (`jalin.web.guard`);
    `analysis_seconds`: the time budget of one posted document's analysis.
    """
    opened = store if isinstance(store, Store) else open_store(store)
    app = FastAPI(title="Jalin", version="1", docs_url=None, redoc_url=None,
                  description="Evidence-linked records of defence and diplomatic cooperation: documents, "
                              "actors, agreements, events, timelines and full-text search.")
    app.state.queries = Queries(opened)
    app.state.token = token or None
    app.state.analysis_seconds = analysis_seconds
    app.add_middleware(Guard, hosts=tuple(hosts), token=token or None)
    app.include_router(api.router)
    app.include_router(feed.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Jalin API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger/favicon-32x32.png")

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> Response:
        # The errors echo the input, which may hold a lone surrogate ("\ud800") no UTF-8 can carry.
        return JSONResponse({"detail": without_surrogates(jsonable_encoder(exc.errors()))}, 422)

    @app.exception_handler(StarletteHTTPException)
    def errors(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
        return pages.templates.TemplateResponse(request, "error.html", {"error": exc}, exc.status_code)

    return app
