"""The command group behind `jalin`: every error is one sentence on stderr with exit status 2, never a
traceback or a boxed usage screen, and flags show no "<bool>" placeholder in the help.

    jalin timeline MYS KOR --by week
    jalin timeline: --by 'week' is not valid; use one of day, month, year
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

EXIT_ERROR = 2


class UserError(typer.TyperException):
    """A value or input the user gave cannot be used; the message says which and why, in one sentence."""

    exit_code = EXIT_ERROR


def _where(group: TyperGroup, args: Sequence[str]) -> str:
    """`jalin` and the command the arguments name, for the start of an error line."""
    command = next((a for a in args if not a.startswith("-")), None)
    return f"jalin {command}" if command in group.commands else "jalin"


def _sentence(message: str) -> str:
    """The message on one line, without a final full stop."""
    return " ".join(message.split()).rstrip(".")


def _flags_without_placeholder(command: Any, ctx: Any) -> None:
    """Flags (`--json`, `--help`) take no value: show none in the help."""
    params = [*command.params]
    help_option = command.get_help_option(ctx)
    if help_option is not None:
        params.append(help_option)
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""


class JalinGroup(TyperGroup):
    """`jalin`'s typer group: one-line errors, exit status 2."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _flags_without_placeholder(command, ctx)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _flags_without_placeholder(self, ctx)
        super().format_help(ctx, formatter)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        given = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(given, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.TyperException as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare `jalin`: the help is printed already
                sys.exit(EXIT_ERROR)
            print(f"{_where(self, given)}: {_sentence(exc.format_message())}", file=sys.stderr, flush=True)
            sys.exit(EXIT_ERROR)
        except typer.Abort:
            print("jalin: interrupted", file=sys.stderr, flush=True)
            sys.exit(130)
        except OSError as exc:  # a file the command had to write or read
            name = f"{exc.filename}: " if exc.filename else ""
            print(f"{_where(self, given)}: {name}{(exc.strerror or str(exc)).lower()}", file=sys.stderr,
                  flush=True)
            sys.exit(EXIT_ERROR)
        sys.exit(code if isinstance(code, int) else 0)
