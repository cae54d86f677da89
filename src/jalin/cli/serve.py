"""`jalin serve`: the API and dashboard over a store, with uvicorn."""

from __future__ import annotations

import os

import typer


def serve_command(
    db: str | None = typer.Option(None, "--db", metavar="FILE",
                                  help="Store file or sqlite:///PATH (default $JALIN_DB or ./jalin.db); "
                                       "created empty if missing, for writes through the API."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port to listen on."),
) -> None:
    """Serve the JSON API (/api, docs at /docs) and the dashboard. Writes need $JALIN_TOKEN."""
    import uvicorn

    from jalin.cli.group import UserError
    from jalin.store import StoreError, default_path, open_store
    from jalin.web.app import create_app

    path = db or default_path()
    token = os.environ.get("JALIN_TOKEN") or None
    try:
        store = open_store(path, create=True)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    app = create_app(store, token=token)
    if not app.state.queries.counts()["documents"]:
        typer.echo(f"note: {path} holds no documents yet (`jalin ingest PATH --db {path}` adds some)")
    shown = f"[{host}]" if ":" in host else host
    writes = "enabled" if token else "disabled: set JALIN_TOKEN"
    typer.echo(f"Jalin dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; "
               f"store {path}; writes {writes})")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
