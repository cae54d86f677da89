"""`jalin batch`: the analysis of many inputs on a Dask cluster, written as a Parquet dataset."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from jalin.cli.group import UserError
from jalin.cli.options import DbOption, LexiconOption, PublishedOption, lexicon_dirs, published_date


def batch_command(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...", help="Files (.txt .json .jsonl .html, feeds) or folders to analyse, in order.")],
    out: Annotated[str | None, typer.Option(
        "--out", metavar="DIR", help="Output directory of the Parquet dataset (overwritten).")] = None,
    db: DbOption = None,  # the store the workers write the analyses into
    scheduler: Annotated[str | None, typer.Option(
        metavar="ADDRESS", help="Address of a running Dask scheduler (tcp://host:8786); default: a local "
                                "cluster.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes of the local cluster.")] = 2,
    partition_size: Annotated[
        int | None, typer.Option(min=1, help="Documents per partition (default: jalin.batch's).")
    ] = None,
    lexicon: LexiconOption = None,
    published: PublishedOption = None,
) -> None:
    """Analyse documents on Dask; write analyses, flat tables and failures under --out.

    Runs on a local cluster of --workers single-threaded processes, or on the running scheduler
    at --scheduler (its workers need jalin installed). DIR gets the Parquet tables analyses (id,
    and the JSON line `jalin analyze` prints), failures (origin, reason), actors, statements,
    events and agreements, one part per partition in input order; a re-run overwrites them.
    With --db (a postgresql:// URL, or a SQLite file), every worker also stores its partitions'
    analyses itself, one transaction each, skipping content already stored; --out is then optional.
    Exit status 0 when every input succeeded, 2 when some failed.
    """
    # Imported here: building the command line must not load Dask, pyarrow or the pipeline.
    from jalin.batch import DEFAULT_PARTITION_SIZE, run_batch

    published = published_date(published)
    if out is None and db is None:
        raise UserError("give --out DIR, --db STORE, or both")
    if db is not None:
        from jalin.cli.store import _open

        _open(db, create=True).close()  # an unreachable database: one line before any cluster starts
    summary = run_batch(inputs, out, db=db, scheduler=scheduler, workers=workers,
                        partition_size=partition_size or DEFAULT_PARTITION_SIZE,
                        lexicon_dirs=lexicon_dirs(lexicon), published=published)
    where = [out] if out is not None else []
    if db is not None:
        from jalin.store.postgres import redact

        where.append(f"{redact(db)} (added {summary.added}, already stored {summary.skipped})")
    print(f"{summary.documents} documents analysed, {summary.failures} failed, "
          f"{summary.partitions} partitions in {summary.seconds:.1f} s -> {' and '.join(where)}",
          file=sys.stderr)
    raise typer.Exit(2 if summary.failures else 0)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_command)
