"""`jalin batch`: the analysis of many inputs on a Dask cluster, written as a Parquet dataset."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from jalin.batch import DEFAULT_PARTITION_SIZE, run_batch


def batch_command(
    inputs: Annotated[list[str], typer.Argument(help="Files or folders to analyse, in order.")],
    out: Annotated[str, typer.Option("--out", help="Output directory of the Parquet dataset (overwritten).")],
    scheduler: Annotated[str | None, typer.Option(help="Address of a running Dask scheduler.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes of the local cluster.")] = 2,
    partition_size: Annotated[
        int, typer.Option(min=1, help="Documents per partition.")
    ] = DEFAULT_PARTITION_SIZE,
    lexicon: Annotated[list[str] | None, typer.Option(help="Extra lexicon directory (repeatable).")] = None,
) -> None:
    """Analyse documents on Dask; write analyses, flat tables and failures under --out."""
    summary = run_batch(inputs, out, scheduler=scheduler, workers=workers,
                        partition_size=partition_size, lexicon_dirs=lexicon or ())
    print(f"{summary.documents} documents analysed, {summary.failures} failed, "
          f"{summary.partitions} partitions in {summary.seconds:.1f} s -> {out}", file=sys.stderr)
    raise typer.Exit(2 if summary.failures else 0)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_command)
