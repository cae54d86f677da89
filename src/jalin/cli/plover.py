"""`jalin plover-types`: the PLOVER event types with their CAMEO codes, definitions and cues."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from jalin.cli.options import LexiconOption, lexicon_dirs
from jalin.lexicon import load_lexicon, split_cell


def plover_types(lexicon_dirs: list[str] | None = None) -> list[dict[str, object]]:
    """The rows of `plover_cameo.tsv`, each with the number of trigger forms it has in each language."""
    lexicon = load_lexicon(lexicon_dirs or ())
    forms: dict[tuple[str, str], int] = {}
    for row in lexicon.table("event_triggers"):
        key = (row["type"], row.get("lang") or "any")
        forms[key] = forms.get(key, 0) + len(split_cell(row["trigger"]))
    return [
        {
            "type": row["type"],
            "cameo": split_cell(row["cameo"]),
            "definition": row["definition"],
            "examples_ms": split_cell(row["examples_ms"]),
            "examples_en": split_cell(row["examples_en"]),
            "triggers_ms": forms.get((row["type"], "ms"), 0),
            "triggers_en": forms.get((row["type"], "en"), 0),
        }
        for row in lexicon.table("plover_cameo")
    ]


def register(app: typer.Typer) -> None:
    @app.command("plover-types")
    def plover_types_command(
        as_json: Annotated[bool, typer.Option("--json", help="One JSON line per type.")] = False,
        lexicon: LexiconOption = None,
    ) -> None:
        """Print the PLOVER event types: CAMEO codes, definition, example cues in Malay and English."""
        rows = plover_types(lexicon_dirs(lexicon))
        if as_json:
            for row in rows:
                print(json.dumps(row, ensure_ascii=False))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title="PLOVER event types (nearest CAMEO codes)", show_lines=True)
        for column in ("type", "CAMEO", "definition", "Malay cues", "English cues"):
            table.add_column(column)
        for row in rows:
            table.add_row(
                str(row["type"]), ", ".join(row["cameo"]), str(row["definition"]),  # type: ignore[arg-type]
                ", ".join(row["examples_ms"]), ", ".join(row["examples_en"]),  # type: ignore[arg-type]
            )
        Console(width=160).print(table)
