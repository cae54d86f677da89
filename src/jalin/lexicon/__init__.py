"""Language data: TSV tables shipped in `lexicon/data/`, extended by the user's own directories.

Format (see README.md beside this file): UTF-8, tab-separated, `#` starts a comment line, the first
non-comment line names the columns. A cell may hold several values separated by `|`. A user
directory given with `--lexicon DIR` adds rows to the table of the same file name (`DIR/roles.tsv`
adds to `roles`); a user row whose first column starts with `-` removes the shipped rows with that
key instead.

Tables are parsed once per process and per set of directories; compiled matchers built from them
are cached on the `Lexicon` object with `Lexicon.cached()`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

DATA_DIR = Path(__file__).with_name("data")

T = TypeVar("T")


class LexiconError(ValueError):
    """A lexicon file that cannot be read: names the file, the line and the reason."""


def parse_table(path: Path) -> list[dict[str, str]]:
    """Rows of one TSV file as dicts keyed by the header's column names."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon file ({exc})") from exc
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise LexiconError(
                f"{path}:{number}: {len(cells)} columns where the header names {len(header)}"
            )
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


class Lexicon:
    """All tables for one set of user directories; build with `load_lexicon()`."""

    def __init__(self, extra_dirs: tuple[Path, ...] = ()) -> None:
        self.extra_dirs = extra_dirs
        self._tables: dict[str, list[dict[str, str]]] = {}
        self._cache: dict[str, Any] = {}

    def table(self, name: str) -> list[dict[str, str]]:
        """The rows of table `name` (file `name.tsv`), shipped rows first, then the user's."""
        rows = self._tables.get(name)
        if rows is None:
            rows = []
            shipped = DATA_DIR / f"{name}.tsv"
            if shipped.exists():
                rows.extend(parse_table(shipped))
            for directory in self.extra_dirs:
                extra = directory / f"{name}.tsv"
                if extra.exists():
                    rows = _merge(rows, parse_table(extra))
            self._tables[name] = rows
        return rows

    def cached(self, key: str, build: Callable[[Lexicon], T]) -> T:
        """A structure built once from this lexicon (a compiled matcher, an index)."""
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._cache[key] = build(self)
            return value

    def names(self) -> list[str]:
        found = {p.stem for p in DATA_DIR.glob("*.tsv")}
        for directory in self.extra_dirs:
            found.update(p.stem for p in directory.glob("*.tsv"))
        return sorted(found)


def _merge(rows: list[dict[str, str]], extra: list[dict[str, str]]) -> list[dict[str, str]]:
    if not extra:
        return rows
    first = next(iter(extra[0]))
    removed = {r[first][1:] for r in extra if r[first].startswith("-")}
    kept = [r for r in rows if r.get(first) not in removed] if removed else list(rows)
    kept.extend(r for r in extra if not r[first].startswith("-"))
    return kept


def split_cell(value: str) -> list[str]:
    """The `|`-separated values of one cell, empty ones dropped."""
    return [v.strip() for v in value.split("|") if v.strip()]


@functools.lru_cache(maxsize=16)
def _load(dirs: tuple[Path, ...]) -> Lexicon:
    for directory in dirs:
        if not directory.is_dir():
            raise LexiconError(f"{directory}: lexicon directory does not exist")
    return Lexicon(dirs)


def load_lexicon(extra_dirs: Iterable[str | Path] = ()) -> Lexicon:
    """The process-wide lexicon for these user directories (loaded once, then shared)."""
    return _load(tuple(Path(d).resolve() for d in extra_dirs))
