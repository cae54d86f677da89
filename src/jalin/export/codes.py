"""Code tables of the exports (TSV files in `export/data/`): Goldstein values per CAMEO code, PLOVER
categories' quad codes and scores, PLOVER's context names."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of `data/<name>.tsv` as dicts: `#` lines are comments, the first other line the header."""
    lines = [line for line in files("jalin.export").joinpath("data", f"{name}.tsv").read_text("utf-8")
             .splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


@cache
def goldstein() -> dict[str, float]:
    """CAMEO event code -> Goldstein value (every root, base and full code of the CAMEO codebook)."""
    return {row["code"]: float(row["goldstein"]) for row in _rows("cameo_goldstein")}


def goldstein_of(cameo: str | None) -> float | None:
    """The Goldstein value of a CAMEO code; a code the table lacks takes its base's, then its root's."""
    if not cameo:
        return None
    table = goldstein()
    for code in (cameo, cameo[:3], cameo[:2]):
        if code in table:
            return table[code]
    return None


def quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass of a CAMEO code, by its root: 01-05 verbal cooperation (1), 06-08 material
    cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4)."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    for quad, last in ((1, 5), (2, 8), (3, 13), (4, 20)):
        if 1 <= root <= last:
            return quad
    return None


@cache
def plover_types() -> dict[str, tuple[int, float]]:
    """PLOVER category -> (quad_code, scale)."""
    return {row["type"]: (int(row["quad_code"]), float(row["scale"])) for row in _rows("plover_types")}


@cache
def plover_contexts() -> frozenset[str]:
    """The context names of the PLOVER manual (general contexts and auxiliary modes)."""
    return frozenset(row["context"] for row in _rows("plover_contexts"))
