"""`jalin evaluate`: score `jalin.analysis/1` output against `jalin.gold/1` files.

The rules are those of ../shared/gold/README.md, layer by layer (see `layers.py` for each rule and
`match.py` for the matching order). Counts are summed over all files (micro average).

Details the README leaves open, decided here:
- Matching order and ties: required gold items first, then optional ones, each in gold order; among
  several matching predictions, the one least needed by later gold items (see `match.py`).
- Actors: a gold item with no `name` (and every COUNTRY) matches on type and `country`. The gold
  `canonical`, when given, is a second gold name for the name rule. The `country` attribute is not
  scored on COUNTRY actors (it is their matching key). A gold attribute is scored only when the gold
  item gives it; `role_en` is right when any predicted role's `en` equals it, case-folded.
- Statements: the speaker is right when the predicted speaker actor's `name` or `canonical` matches
  the gold speaker name (or the canonical of the gold actor with that name) by the actor-name rule;
  a null predicted speaker is wrong.
- Events: actors without a country add nothing to the source/target country sets.
- Agreements: the `milestones` attribute is scored once per gold milestone (a predicted milestone
  serves one gold milestone); its time value and relation come from the predicted milestone's
  `time` id in the prediction's `times`.
- Quantities: units compare case-folded.
- Document: each field the gold gives: equal is a TP, otherwise an FN, plus an FP when a (wrong)
  value was predicted.
- P/R/F1 with a zero denominator are 0.0; a layer with no gold and no prediction at all gives null.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable
from pathlib import Path

from jalin.evaluate.gold import GoldError, GoldFile, load_gold, predict
from jalin.evaluate.match import LAYERS, LayerResult, score_document
from jalin.evaluate.report import FileScore, Report, to_json

__all__ = [
    "LAYERS", "FileScore", "GoldError", "GoldFile", "LayerResult", "Report",
    "evaluate_paths", "load_gold", "predict", "score_document", "to_json",
]


def evaluate_paths(paths: Iterable[str | Path], lexicon_dirs: Iterable[str | Path] = ()) -> Report:
    """Analyse each gold file's document and score it.

    A gold file that cannot be used is skipped; a document whose analysis raises is scored as an
    empty analysis (everything missed). Both are listed in `report.failures`, one line each.
    """
    lexicon_dirs = list(lexicon_dirs)
    report = Report()
    for path in paths:
        try:
            gold_file = load_gold(path)
        except GoldError as exc:
            report.failures.append(str(exc))
            continue
        try:
            analysis = predict(gold_file, lexicon_dirs)
        except Exception as exc:  # a crashing layer must not hide the other files' scores
            where = traceback.extract_tb(exc.__traceback__)[-1]
            report.failures.append(f"{path}: analysis failed: {type(exc).__name__}: {exc} "
                                   f"({where.filename}:{where.lineno})")
            analysis = {}
        layers = score_document(gold_file.gold, analysis)
        report.files.append(FileScore(name=gold_file.path.name, layers=layers))
    return report
