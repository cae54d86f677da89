"""The knowledge-base commands: ingest, agreements, actors, actor, timeline, search, show, export."""

from __future__ import annotations

import json
import math
import os
from datetime import date
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

DB_HELP = "store: a SQLite file or a postgresql:// URL (default: $JALIN_DB or ./jalin.db)"
JSON_HELP = "print JSON instead of a table"


def _open(db: str | None):  # type: ignore[no-untyped-def]
    """The store named by --db (or $JALIN_DB); a database that cannot be reached is one line, exit 2."""
    from jalin.store import open_store
    from jalin.store.postgres import StoreUnavailable

    try:
        return open_store(db)
    except StoreUnavailable as error:
        Console(stderr=True).print(str(error), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


def _plain(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _records(frame: Any) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _table(title: str, rows: list[dict[str, Any]], columns: list[str]) -> None:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    Console().print(table)


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        rate = task.completed / task.elapsed if task.elapsed else 0.0
        return Text(f"{rate:,.0f} docs/s")


def ingest_command(
    paths: list[str],
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", help="analysis processes"),
    batch: int = typer.Option(500, "--batch", help="documents per transaction"),
) -> None:
    """Analyse files, folders or batch result folders and store them (stored content is skipped)."""
    from jalin.ingest import Ingest, IngestReport

    err = Console(stderr=True)
    store = _open(db)
    columns = (TextColumn("ingest"), BarColumn(), TextColumn("{task.completed:,} docs"), _Rate(),
               TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingest", total=None, failed=0)

        def show(report: IngestReport) -> None:
            progress.update(task, completed=report.read, failed=report.failed)

        def fail(line: str) -> None:
            err.print(line, markup=False, highlight=False, soft_wrap=True)

        report = Ingest(store, jobs=jobs, batch_size=batch, on_failure=fail, on_progress=show).run(paths)
        progress.update(task, total=report.read, completed=report.read)
    store.close()
    err.print(f"read {report.read:,}  analysed {report.analysed:,}  added {report.added:,}  "
              f"already stored {report.skipped:,}  "
              f"near-duplicates {report.duplicates:,}  failed {report.failed:,}  "
              f"{report.rate:,.0f} docs/s", highlight=False, soft_wrap=True)


def agreements_command(
    country: str | None = typer.Option(None, "--country", help="ISO3 of a party"),
    status: str | None = typer.Option(None, "--status"),
    overdue: bool = typer.Option(False, "--overdue", help="only agreements with overdue milestones"),
    as_of: str | None = typer.Option(None, "--as-of", help="ISO date (default today)"),
    limit: int = typer.Option(1000, "--limit"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Agreements with their status history, milestones and overdue milestones."""
    if as_of is not None:
        try:
            date.fromisoformat(as_of)
        except ValueError:
            raise typer.BadParameter(f"--as-of {as_of!r} is not an ISO date (YYYY-MM-DD)") from None
    store = _open(db)
    records = store.agreement_records(country, status, overdue, as_of, limit)
    store.close()
    if as_json:
        _print_json(records)
        return
    rows = [{**r, "parties": "–".join(r["parties"]),
             "history": " → ".join(f"{h['status']} ({h['date']})" for h in r["history"]),
             "milestones": "; ".join(f"{m['kind']} {m['state']} {m['value'] or ''}".strip()
                                     for m in r["milestones"]),
             "overdue": "; ".join(f"{m['kind']} due {m['due']}" for m in r["overdue"])} for r in records]
    _table(f"agreements ({len(rows)})", rows,
           ["id", "type", "parties", "status", "history", "milestones", "overdue"])


def actors_command(
    country: str | None = typer.Option(None, "--country", help="ISO3"),
    type_: str | None = typer.Option(None, "--type", help="PERSON, ORGANISATION, COUNTRY, GROUP, LOCATION"),
    limit: int = typer.Option(100, "--limit"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Actors across documents, most reported first."""
    store = _open(db)
    rows = _records(store.actors(country, type_, limit))
    store.close()
    if as_json:
        _print_json(rows)
        return
    _table(f"actors ({len(rows)})", rows,
           ["id", "type", "name", "country", "sector", "documents", "statements", "first_seen", "last_seen"])


def actor_command(
    name: str,
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """One actor: names, roles over time, statements."""
    store = _open(db)
    record = store.actor_record(name)
    store.close()
    if record is None:
        typer.echo(f"no actor matches {name!r}", err=True)
        raise typer.Exit(1)
    if as_json:
        _print_json(record)
        return
    console = Console()
    console.print(f"[bold]{record['name']}[/bold]  {record['type']}  {record['country'] or ''}  "
                  f"{record['documents']} documents  (also: {', '.join(record['names'])})", highlight=False)
    _table("roles", record["roles"], ["en", "text", "first_seen", "last_seen", "reports"])
    _table("statements", record["statements"], ["date", "document", "kind", "text"])


def timeline_command(
    a: str, b: str,
    by: str = typer.Option("month", "--by", help="day, month or year"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Events between two countries, counted by period and type."""
    if by not in ("day", "month", "year"):
        raise typer.BadParameter("--by must be day, month or year")
    store = _open(db)
    rows = _records(store.timeline(a, b, by))
    store.close()
    if as_json:
        _print_json(rows)
        return
    _table(f"{a.upper()}–{b.upper()} events by {by}", rows, ["period", "type", "events"])


def search_command(
    text: str,
    limit: int = typer.Option(20, "--limit"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Full-text search over stored documents."""
    store = _open(db)
    rows = _records(store.search(text, limit))
    store.close()
    if as_json:
        _print_json(rows)
        return
    _table(f"search {text!r} ({len(rows)})", rows, ["id", "published", "title", "snippet"])


def show_command(
    id: str,
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """A stored document with its analysis (JSON)."""
    store = _open(db)
    record = store.document(id)
    store.close()
    if record is None:
        typer.echo(f"no document {id!r}", err=True)
        raise typer.Exit(1)
    _print_json(record)


def export_command(
    format: str = typer.Option(..., "--format", help="jsonl, csv, parquet, plover or gdelt"),
    out: str = typer.Option(..., "--out", help="output file"),
    table: str = typer.Option("events", "--table", help="for csv/parquet: the flat table to write"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Export the store (see docs/exports.md for the formats and their columns)."""
    from jalin.export import FORMATS, export

    if format not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    store = _open(db)
    count = export(store, format, out, table=table)
    store.close()
    typer.echo(f"wrote {count:,} records to {out}", err=True)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("agreements")(agreements_command)
    app.command("actors")(actors_command)
    app.command("actor")(actor_command)
    app.command("timeline")(timeline_command)
    app.command("search")(search_command)
    app.command("show")(show_command)
    app.command("export")(export_command)
