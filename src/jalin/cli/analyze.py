"""`jalin analyze`: read documents, print one jalin.analysis/1 object per document."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from jalin.cli.options import LexiconOption, PublishedOption, lexicon_dirs, published_date

EXIT_OK = 0
EXIT_SOME_FAILED = 2


class OutputFormat(StrEnum):
    json = "json"
    text = "text"


def _fail(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def analyze_command(
    paths: Annotated[list[str], typer.Argument(
        help="Files (.txt, .json, .jsonl, .html, .xml/.rss/.atom feeds), folders (read recursively), "
             "- for stdin, or http(s):// URLs (fetched).")],
    output: Annotated[OutputFormat, typer.Option(
        "--format", metavar="json|text",
        help="json: one jalin.analysis/1 object per line; text: a readable summary.")] = OutputFormat.json,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON (with --format json).")] = False,
    published: PublishedOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Analyse documents; print one jalin.analysis/1 JSON object per document, in input order.

    An input that cannot be read gets one line on stderr naming it and the reason; the others
    are still analysed. Exit status 0 when every input succeeded, 2 when some failed.
    """
    # Imported here, not at import time: the query commands never load the pipeline or the readers.
    from jalin.pipeline import analyze
    from jalin.read import InputError, read_paths

    published = published_date(published)
    extra = lexicon_dirs(lexicon)

    console = None
    if output is OutputFormat.text:
        from rich.console import Console

        console = Console(width=None if sys.stdout.isatty() else 120)
    failed = False
    try:
        for item in read_paths(paths):
            if isinstance(item, InputError):
                _fail(str(item))
                failed = True
                continue
            try:
                result = analyze(item.text, published=item.published or published, id=item.id,
                                 title=item.title, url=item.url, source=item.source,
                                 metadata=item.metadata, lexicon_dirs=extra)
            except Exception as exc:  # one bad document never stops a batch
                _fail(f"{item.origin}: analysis failed ({type(exc).__name__}: {exc})")
                failed = True
                continue
            if console is not None:
                from jalin.summary import print_summary

                print_summary(result, console)
            else:
                sys.stdout.write(result.to_json(pretty=pretty) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # `jalin analyze … | head`
        sys.stderr.close()
        raise typer.Exit(EXIT_OK) from None
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_command)
