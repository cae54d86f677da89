"""The knowledge-base commands: ingest, agreements, changes, actors, actor, timeline, search, show, export."""

from __future__ import annotations

import json
import os
import re
from typing import Any

import typer

# rich, the store and pandas are imported by the commands that use them, not when the command line
# is built: `jalin analyze` loads none of them, and `--json` queries print without rich.
from jalin.cli import values
from jalin.cli.group import UserError
from jalin.cli.options import DbOption

JSON_HELP = "print JSON instead of a table"
COUNTRY_HELP = "a country: ISO 3166-1 alpha-3 code (MYS) or its name (Malaysia, Korea Selatan)"


def _open(db: str | None, create: bool = False):  # type: ignore[no-untyped-def]
    """The store at `db`; one sentence and exit status 2 when it cannot be opened (or, unless
    `create`, does not exist)."""
    from jalin.store import StoreError, open_store

    try:
        return open_store(db, create=create)
    except StoreError as exc:
        raise UserError(str(exc)) from None


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _cell(value: Any) -> Any:
    """A table cell as plain text: brackets and other markup characters in the data stay as written."""
    from rich.text import Text

    return value if isinstance(value, Text) else Text("" if value is None else str(value))


def _table(title: str, rows: list[dict[str, Any]], columns: list[str]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title), show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    Console().print(table)


_HIT = re.compile(r"\[([^\[\]]*)\]")  # a search hit the store marks in a snippet: "the [talks] began"


def highlighted(snippet: str | None) -> Any:
    """A search snippet with its [ ] hit markers as bold text (a rich Text), every word kept."""
    from rich.text import Text

    out = Text()
    text = snippet or ""
    last = 0
    for match in _HIT.finditer(text):
        out.append(text[last:match.start()])
        out.append(match.group(1), style="bold reverse")
        last = match.end()
    out.append(text[last:])
    return out


PATHS = typer.Argument(..., help="files (.txt .json .jsonl .html .xml/.rss/.atom feeds), folders, batch "
                                 "result folders, - for stdin, or http(s) URLs")


def ingest_command(
    paths: list[str] = PATHS,
    db: DbOption = None,
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="analysis processes"),
    batch: int = typer.Option(500, "--batch", min=1, help="documents per transaction"),
    timeout: float = typer.Option(60.0, "--timeout", min=0, metavar="SECONDS",
                                  help="analysis time per document before it fails (0: no limit)"),
) -> None:
    """Analyse files, folders or batch result folders and store them (stored content is skipped).

    The store at --db is created when missing (the other commands only read an existing one).

    An input that cannot be read or analysed gets one line on stderr; the others are stored. Exit
    status 0 when every input was stored, 2 when some failed."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    from jalin.ingest import Ingest, IngestReport
    from jalin.ingest_count import count_documents

    class _Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            rate = task.completed / task.elapsed if task.elapsed else 0.0
            return Text(f"{rate:,.0f} docs/s")

    err = Console(stderr=True)
    store = _open(db, create=True)
    total = count_documents(paths)
    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
               _Rate(), TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(), TextColumn("ETA"),
               TimeRemainingColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("reading", total=total, failed=0)

        def show(report: IngestReport) -> None:
            progress.update(task, completed=report.done, failed=report.failed, description=report.phase)

        def fail(line: str) -> None:
            err.print(line, markup=False, highlight=False, soft_wrap=True)

        report = Ingest(store, jobs=jobs, batch_size=batch, on_failure=fail, on_progress=show,
                        seconds=timeout or None).run(paths)
        progress.update(task, total=report.done, completed=report.done, description="done")
    store.close()
    err.print(f"read {report.read:,}  analysed {report.analysed:,}  added {report.added:,}  "
              f"already stored {report.skipped:,}  "
              f"near-duplicates {report.duplicates:,}  failed {report.failed:,}  "
              f"{report.rate:,.0f} docs/s", highlight=False, soft_wrap=True, markup=False)
    if report.failed:  # each failure had its line above; the others are stored
        raise typer.Exit(2)


JSON = typer.Option(False, "--json", help=JSON_HELP)


def agreements_command(
    country: str | None = typer.Option(None, "--country", metavar="COUNTRY",
                                       help=f"only agreements with this party; {COUNTRY_HELP}"),
    status: str | None = typer.Option(None, "--status", metavar="STATUS",
                                      help=f"only agreements whose latest status is this: one of "
                                           f"{', '.join(values.STATUSES)}"),
    overdue: bool = typer.Option(False, "--overdue", help="only agreements with overdue milestones"),
    as_of: str | None = typer.Option(None, "--as-of", metavar="YYYY-MM-DD",
                                     help="the day statuses and overdue milestones are judged on "
                                          "(default: today)"),
    limit: int = typer.Option(100, "--limit", min=1, help="at most this many agreements, latest reported "
                                                        "first (a table of 1,000 took seconds to draw)"),
    relevant: bool = typer.Option(False, "--relevant", help="only those the board shows by default"),
    db: DbOption = None,
    as_json: bool = JSON,
) -> None:
    """Agreements with their status history, milestones and overdue milestones."""
    country = values.country("--country", country) if country is not None else None
    status = values.one_of("--status", status, values.STATUSES, fold=True) if status is not None else None
    as_of = values.iso_day("--as-of", as_of) if as_of is not None else None
    store = _open(db)
    records = store.agreement_records(country, status, overdue, as_of, limit, relevant)
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
           ["id", "type", "parties", "status", "subject", "history", "milestones", "overdue"])


_EVIDENCE_CHARS = 200


def _first_sentence(evidence: str | None) -> str:
    """The first of the evidence sentences joined with " … ", at most a couple of lines long."""
    first = (evidence or "").split(" … ")[0].strip()
    return first if len(first) <= _EVIDENCE_CHARS else first[:_EVIDENCE_CHARS - 1] + "…"


def changes_command(
    since: str = typer.Option(..., "--since", metavar="YYYY-MM-DD", help="changes on or after this day"),
    as_of: str | None = typer.Option(None, "--as-of", metavar="YYYY-MM-DD",
                                     help="changes up to this day (default: today)"),
    country: str | None = typer.Option(None, "--country", metavar="COUNTRY",
                                       help=f"only agreements with this party; {COUNTRY_HELP}"),
    relevant: bool = typer.Option(False, "--relevant", help="only agreements the board shows by default"),
    db: DbOption = None,
    as_json: bool = JSON,
) -> None:
    """What changed since a date: new agreements, status changes, milestones that became overdue."""
    from datetime import date

    from jalin.store.changes import changes

    since = values.iso_day("--since", since)
    as_of = values.iso_day("--as-of", as_of) if as_of is not None else None
    country = values.country("--country", country) if country is not None else None
    store = _open(db)
    try:  # the records are read a page at a time; only their changes are kept
        until = as_of or date.today().isoformat()
        found = changes(store.iter_agreement_records(country, None, False, as_of, relevant,
                                                     active=(since, until)), since, as_of)
    finally:
        store.close()
    if as_json:
        _print_json([c.to_dict() for c in found])
        return
    rows = [{"date": c.date, "kind": c.kind, "agreement": c.agreement, "change": c.text,
             "evidence": f"{c.document}: {_first_sentence(c.evidence)}" if c.document else ""} for c in found]
    _table(f"changes since {since} ({len(rows)})", rows, ["date", "kind", "agreement", "change", "evidence"])


def actors_command(
    country: str | None = typer.Option(None, "--country", metavar="COUNTRY",
                                       help=f"only actors of this country; {COUNTRY_HELP}"),
    type_: str | None = typer.Option(None, "--type", metavar="TYPE",
                                     help=f"only actors of this type: one of "
                                          f"{', '.join(values.ACTOR_KINDS)}"),
    limit: int = typer.Option(100, "--limit", min=1, help="at most this many actors"),
    db: DbOption = None,
    as_json: bool = JSON,
) -> None:
    """Actors across documents, most reported first."""
    country = values.country("--country", country) if country is not None else None
    type_ = values.one_of("--type", type_, values.ACTOR_KINDS, fold=True) if type_ is not None else None
    store = _open(db)
    rows = store.actor_rows(country, type_, limit)
    store.close()
    if as_json:
        _print_json(rows)
        return
    _table(f"actors ({len(rows)})", rows,
           ["id", "type", "name", "country", "sector", "documents", "statements", "first_seen", "last_seen"])


def actor_command(
    name: str = typer.Argument(..., help="a name or part of one (\"Aminah Yusof\")"),
    db: DbOption = None,
    as_json: bool = JSON,
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
    from rich.console import Console
    from rich.text import Text

    console = Console()
    console.print(Text(f"{record['name']}  {record['type']}  {record['country'] or ''}  "
                       f"{record['documents']} documents  (also: {', '.join(record['names'])})"))
    _table("roles", record["roles"], ["en", "text", "first_seen", "last_seen", "reports"])
    _table("statements", record["statements"], ["date", "document", "kind", "text"])


def timeline_command(
    a: str = typer.Argument(..., metavar="COUNTRY", help=f"first country; {COUNTRY_HELP}"),
    b: str = typer.Argument(..., metavar="COUNTRY", help="second country, the same way"),
    by: str = typer.Option("month", "--by", metavar="PERIOD", help="count by day, month or year"),
    db: DbOption = None,
    as_json: bool = JSON,
) -> None:
    """Events between two countries, counted by period and type."""
    by = values.one_of("--by", by, values.PERIODS, fold=True)
    a, b = values.country("COUNTRY", a), values.country("COUNTRY", b)
    store = _open(db)
    rows = store.timeline_rows(a, b, by)
    store.close()
    if as_json:
        _print_json(rows)
        return
    _table(f"{a}–{b} events by {by}", rows, ["period", "type", "events"])


def search_command(
    text: str = typer.Argument(..., help="words to find (all of them, any order)"),
    limit: int = typer.Option(20, "--limit", min=1, help="at most this many documents"),
    db: DbOption = None,
    as_json: bool = JSON,
) -> None:
    """Full-text search over stored documents; the words found are highlighted in each snippet."""
    store = _open(db)
    rows = store.search_rows(text, limit)
    store.close()
    if as_json:
        _print_json(rows)
        return
    for row in rows:
        row["snippet"] = highlighted(row["snippet"])
    _table(f"search {text!r} ({len(rows)})", rows, ["id", "published", "title", "snippet"])


def show_command(
    id: str = typer.Argument(..., help="a document id (as `search` and `--json` outputs give it)"),
    db: DbOption = None,
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
    format: str = typer.Option(..., "--format", metavar="FORMAT",
                               help="jsonl (the analyses), csv or parquet (a flat table), plover (PLOVER "
                                    "records) or gdelt (GDELT 2.0 event records)"),
    out: str = typer.Option(..., "--out", metavar="FILE", help="the file to write"),
    table: str = typer.Option("events", "--table", metavar="TABLE",
                              help="for csv and parquet, the flat table: one of documents, actors, "
                                   "statements, events, agreements, agreement_observations, gatherings"),
    header: bool = typer.Option(False, "--header", help="for gdelt, a first row of the codebook's column "
                                                         "names (GDELT's own files have none)"),
    db: DbOption = None,
) -> None:
    """Export the store (see docs/exports.md for the formats and their columns)."""
    from jalin.export import FORMATS, TABLES, export

    format = values.one_of("--format", format, FORMATS, fold=True)
    table = values.one_of("--table", table, TABLES, fold=True)
    store = _open(db)
    count = export(store, format, out, table=table, header=header,
                   note=lambda line: typer.echo(line, err=True))
    store.close()
    typer.echo(f"wrote {count:,} records to {out}", err=True)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("agreements")(agreements_command)
    app.command("changes")(changes_command)
    app.command("actors")(actors_command)
    app.command("actor")(actor_command)
    app.command("timeline")(timeline_command)
    app.command("search")(search_command)
    app.command("show")(show_command)
    app.command("export")(export_command)
