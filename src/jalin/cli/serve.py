"""`jalin serve`: the API and dashboard over a store, with uvicorn."""

from __future__ import annotations

import os

import typer

from jalin.cli.options import DbOption

ALLOW_HOST = typer.Option([], "--allow-host", metavar="NAME",
                          help="Another Host header name to answer (repeatable); 127.0.0.1, localhost and "
                               "--host are always answered.")


def serve_command(
    db: DbOption = None,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port to listen on."),
    allow_host: list[str] = ALLOW_HOST,
    timeout: float = typer.Option(60.0, "--timeout", min=1, metavar="SECONDS",
                                  help="Analysis time allowed for one posted document."),
) -> None:
    """Serve the JSON API (/api, docs at /docs) and the dashboard. Writes need $JALIN_TOKEN.

    The store at --db is created empty when missing, for writes through the API."""
    import uvicorn

    from jalin.cli.group import UserError
    from jalin.pipeline import warm_up
    from jalin.store import StoreError, default_path, open_store
    from jalin.store.postgres import redact
    from jalin.web.app import create_app

    location = db or default_path()
    path = redact(location)  # what is printed: a URL without its password
    token = os.environ.get("JALIN_TOKEN") or None
    try:
        store = open_store(location, create=True)  # PostgreSQL: a pool of connections
    except StoreError as exc:
        raise UserError(str(exc)) from None
    app = create_app(store, token=token, hosts=[host, *allow_host], analysis_seconds=timeout)
    if not app.state.queries.counts()["documents"]:
        typer.echo(f"note: {path} holds no documents yet (`jalin ingest PATH --db {path}` adds some)")
    shown = f"[{host}]" if ":" in host else host
    writes = "enabled" if token else "disabled: set JALIN_TOKEN"
    typer.echo(f"Jalin dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; "
               f"store {path}; writes {writes})")
    warm_up()  # the matchers built once: each posted document's analysis process inherits them
    # On SIGTERM or Ctrl-C, requests still open get a few seconds; an analysis in progress is ended.
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=3)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
