"""Annotation batches and their first-seen scores: the honest measure of how the rules generalise.

A batch is a folder of `jalin.gold/1` files annotated together by annotators who never saw the
code or its output (`tests/gold/pool/batch-01/`, …). The first time a batch is scored, its scores
are written to `first-seen.json` in the folder (date, commit, every layer) and never rewritten:
that is the figure of a batch the rules were not fitted to. Later runs score it again with the
current code, so the table shows first-seen beside now.

A folder holding a file named `SEALED` is a sealed batch: it is not scored (not even read) until
`unseal=True`, and then its first score is recorded like any other batch's.

    jalin evaluate --first-seen tests/gold/pool            # table of every batch, first seen / now
    jalin evaluate --first-seen tests/gold/pool --unseal   # score the sealed batches too (once)
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jalin.evaluate.report import Report, to_json

FIRST_SEEN = "first-seen.json"
SEALED = "SEALED"
# (column, layer, attribute or None): what the quality table shows per batch
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("actors", "actors", None), ("statements", "statements", None),
    ("speaker", "statements", "speaker"), ("events", "events", None),
    ("agreements", "agreements", None), ("agr. status", "agreements", "status"),
    ("gatherings", "gatherings", None), ("quantities", "quantities", None),
    ("times", "times", None), ("topics", "topics", None),
)


@dataclass(slots=True)
class BatchRow:
    name: str
    files: int
    sealed: bool
    first_seen: dict[str, Any] | None  # the recorded first-seen.json
    now: dict[str, Any] | None         # to_json() layers of the current code, None when sealed


def batch_folders(root: Path) -> list[Path]:
    """The batch folders under `root` (sorted by name), or `root` itself when it holds gold files."""
    if any(root.glob("*.gold.json")):
        return [root]
    return sorted(p for p in root.iterdir() if p.is_dir() and (any(p.glob("*.gold.json")) or
                                                               (p / SEALED).exists()))


def _commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             timeout=10, cwd=Path(__file__).parent, check=False)
    except OSError:
        return None
    return out.stdout.strip() or None


def score_batches(root: Path, evaluate: Any, unseal: bool = False,
                  today: dt.date | None = None) -> list[BatchRow]:
    """Score every batch under `root` with `evaluate(paths) -> Report`; record first-seen scores of
    batches seen for the first time. Sealed batches are left alone unless `unseal`."""
    rows = []
    for folder in batch_folders(root):
        golds = sorted(folder.glob("*.gold.json"))
        sealed = (folder / SEALED).exists()
        record_path = folder / FIRST_SEEN
        recorded = json.loads(record_path.read_text(encoding="utf-8")) if record_path.exists() else None
        if sealed and not unseal:
            rows.append(BatchRow(folder.name, len(golds), True, recorded, None))
            continue
        report: Report = evaluate(golds)
        layers = to_json(report)["layers"]
        if recorded is None:
            recorded = {"date": (today or dt.date.today()).isoformat(), "commit": _commit(),
                        "files": len(golds), "failures": report.failures, "layers": layers}
            record_path.write_text(json.dumps(recorded, indent=1, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
        rows.append(BatchRow(folder.name, len(golds), sealed, recorded, layers))
    return rows


def _value(layers: dict[str, Any] | None, layer: str, attribute: str | None) -> float | None:
    if not layers or layer not in layers:
        return None
    if attribute is None:
        return layers[layer].get("f1")
    return (layers[layer].get("attributes", {}).get(attribute) or {}).get("accuracy")


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def markdown_table(rows: list[BatchRow]) -> str:
    """One line per batch: first-seen / now for each column (F1, or accuracy for attributes)."""
    head = ["batch", "files", "first seen"] + [name for name, _, _ in COLUMNS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        first = (row.first_seen or {}).get("layers")
        seen = (row.first_seen or {}).get("date", "sealed" if row.sealed else "—")
        cells = [row.name, str(row.files), seen]
        for _, layer, attribute in COLUMNS:
            then, now = _value(first, layer, attribute), _value(row.now, layer, attribute)
            cells.append(f"{_cell(then)} / {_cell(now)}" if row.now is not None else _cell(then))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
