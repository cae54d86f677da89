"""The `jalin evaluate` command.

    jalin evaluate ../shared/gold/dev/*.gold.json                    # P/R/F1 per layer, attribute accuracies
    jalin evaluate GOLD... --per-file                               # plus one table per file
    jalin evaluate GOLD... --explain --layer events                 # what was missed / spurious, and why
    jalin evaluate GOLD... --json [--per-file] [--explain]          # the same as JSON
    jalin evaluate --first-seen tests/gold/pool [--unseal]         # batches: first-seen / now table

Exit status 2 when a gold file was unusable or an analysis raised (listed on stderr); 0 otherwise.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from jalin.cli.options import LexiconOption, lexicon_dirs

# The scoring package (and through it the pipeline) is imported when the command runs, not when the
# `jalin` command line is built: `jalin actors` never loads it. So the help names the layers from this
# copy of `jalin.evaluate.match.LAYERS` (a test keeps the two equal).
LAYERS = ("document", "actors", "statements", "events", "agreements", "gatherings", "quantities", "times",
          "topics")


def register(app: typer.Typer) -> None:
    @app.command("evaluate")
    def evaluate_command(
        gold: Annotated[list[str] | None, typer.Argument(
            metavar="GOLD.json", help="jalin.gold/1 files")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
        per_file: Annotated[bool, typer.Option("--per-file", help="Also give each file's scores.")] = False,
        explain: Annotated[bool, typer.Option(
            "--explain", help="List per file and layer the missed gold items (FN, with near misses), "
                              "the false positives (FP) and the matched pairs with wrong attributes.",
        )] = False,
        layer: Annotated[list[str] | None, typer.Option(
            "--layer", metavar="LAYER",
            help=f"With --explain: only this layer (repeatable): one of {', '.join(LAYERS)}.")] = None,
        lexicon: LexiconOption = None,
        first_seen: Annotated[Path | None, typer.Option(
            "--first-seen", metavar="DIR",
            help="Score each annotation batch folder under DIR; record a batch's first-seen scores "
                 "(first-seen.json) the first time, and print a markdown table: first seen / now.",
        )] = None,
        unseal: Annotated[bool, typer.Option(
            "--unseal", help="With --first-seen: also score batches marked SEALED (their one scoring).",
        )] = False,
    ) -> None:
        """Score the analyses of the gold files' documents: P/R/F1 per layer and attribute accuracies."""
        from rich.console import Console

        from jalin.evaluate import evaluate_paths, to_json
        from jalin.evaluate.batches import markdown_table, score_batches
        from jalin.evaluate.report import explain_lines, print_report

        lexicons = lexicon_dirs(lexicon)
        for name in layer or ():
            if name not in LAYERS:
                print(f"evaluate: --layer {name!r} is not valid; use one of {', '.join(LAYERS)}",
                      file=sys.stderr)
                raise typer.Exit(2)
        if first_seen is not None:
            if not first_seen.is_dir():
                print(f"{first_seen}: no such folder of annotation batches", file=sys.stderr)
                raise typer.Exit(2)
            rows = score_batches(first_seen, lambda paths: evaluate_paths(paths, lexicon_dirs=lexicons),
                                 unseal=unseal)
            print(markdown_table(rows))
            raise typer.Exit(0)
        if not gold:
            print("evaluate: give gold files, or --first-seen DIR", file=sys.stderr)
            raise typer.Exit(2)
        report = evaluate_paths(gold, lexicon_dirs=lexicons)
        for failure in report.failures:
            print(failure, file=sys.stderr)
        if as_json:
            print(json.dumps(to_json(report, per_file=per_file, explain=explain), ensure_ascii=False))
        else:
            if explain:
                print("\n".join(explain_lines(report, layer or ())))
            print_report(report, Console(), per_file=per_file)
        raise typer.Exit(2 if report.failures else 0)
