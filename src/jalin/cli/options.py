"""The options several commands take, declared once: `--lexicon`, `--db` and `--published` are the
same (name, type, metavar, help, validation) on every command that takes them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jalin.cli.group import UserError

LexiconOption = Annotated[list[Path] | None, typer.Option(
    "--lexicon", metavar="DIR", help="A directory of extra lexicon TSV files (repeatable).")]
DbOption = Annotated[str | None, typer.Option(
    "--db", metavar="STORE", help="The store: a file, sqlite:///PATH or a postgresql:// URL (default: "
                                  "$JALIN_DB or ./jalin.db).")]
PublishedOption = Annotated[str | None, typer.Option(
    "--published", metavar="YYYY-MM-DD", help="Publication date for documents that carry none.")]


def lexicon_dirs(dirs: list[Path] | None) -> list[str]:
    """The --lexicon folders, checked by loading them; a bad one is one error line (exit 2)."""
    from jalin.lexicon import LexiconError, load_lexicon

    found = [str(d) for d in dirs or ()]
    try:
        load_lexicon(found)
    except LexiconError as exc:
        raise UserError(f"--lexicon: {exc}") from None
    return found


def published_date(value: str | None) -> str | None:
    """The --published value, checked; a malformed date is one error line (exit 2)."""
    from jalin.text import parse_published

    if value is not None and parse_published(value) is None:
        raise UserError(f"--published: {value!r} is not a date YYYY-MM-DD")
    return value
