"""The `jalin` command line (first version: analyze)."""

from __future__ import annotations

import sys

import typer

from jalin import batch_cli
from jalin.evaluate import command as evaluate_command
from jalin.pipeline import analyze
from jalin.read import InputError, read_path

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Jalin: defence and diplomacy news to records.")


@app.callback()
def _root() -> None:
    """Jalin: defence and diplomacy news to evidence-linked records."""


@app.command("analyze")
def analyze_command(
    paths: list[str],
    pretty: bool = typer.Option(False, "--pretty"),
    published: str | None = typer.Option(None, "--published"),
) -> None:
    """Analyse documents; print one jalin.analysis/1 JSON object per document per line."""
    failed = False
    for path in paths:
        for item in read_path(path):
            if isinstance(item, InputError):
                print(str(item), file=sys.stderr)
                failed = True
                continue
            result = analyze(item.text, published=published or item.published, id=item.id,
                             title=item.title, url=item.url)
            print(result.to_json(pretty=pretty))
    raise typer.Exit(2 if failed else 0)


evaluate_command.register(app)
batch_cli.register(app)


def main() -> None:
    app()
