"""The `jalin` command line: one typer app, one module per group of commands.

Each module exposes `register(app: typer.Typer) -> None` and gets one line below; the options that
several commands take (`--lexicon`, `--db`) are declared once in `jalin.cli.options`. `group` makes
errors one line with exit status 2; `values` checks the values options take.
"""

from __future__ import annotations

import typer

from jalin.cli import analyze, batch, evaluate, plover, serve, store, watch
from jalin.cli.group import JalinGroup

# JalinGroup: every error one sentence on stderr with exit status 2 (`jalin.cli.group`).
app = typer.Typer(cls=JalinGroup, add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Jalin: defence and diplomacy news to evidence-linked records.")


@app.callback()
def _root() -> None:
    """Jalin: defence and diplomacy news to evidence-linked records."""


def main() -> None:
    app()


# Commands of each module: one `register(app)` line each.
analyze.register(app)
evaluate.register(app)
batch.register(app)
plover.register(app)
store.register(app)
serve.register(app)
watch.register(app)
