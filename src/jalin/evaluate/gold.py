"""Loading `jalin.gold/1` files and the document each one scores.

The document is `file` (relative to the gold file: the seed's `.txt` with its `date YYYY-MM-DD`
header, or a one-document `.jsonl`, or any other format `jalin.read` reads), or the inline `text`
(read like a plain text file, so a leading `date` header also works there), or `corpus` plus `id`:
the line with that id in a JSONL file of the shared corpus, which is read at run time and never
copied into the project (`{"corpus": "annotation-pool.jsonl", "id": "isu-…"}`). The corpus folder
is `$JALIN_CORPUS`, else the nearest `shared/corpus` in a folder above the package.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jalin.pipeline import analyze
from jalin.read import InputError, RawDocument, from_text, read_path

GOLD_SCHEMA = "jalin.gold/1"


class GoldError(Exception):
    """A gold file that cannot be used; str() names the file and the reason."""


@dataclass(slots=True)
class GoldFile:
    path: Path
    gold: dict[str, Any]
    document: RawDocument


def load_gold(path: str | Path) -> GoldFile:
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc})") from exc
    if not isinstance(gold, dict) or gold.get("schema") != GOLD_SCHEMA:
        raise GoldError(f"{path}: not a {GOLD_SCHEMA} file")
    return GoldFile(path=path, gold=gold, document=_document(path, gold))


def corpus_dir() -> Path:
    """Where corpus references point: `$JALIN_CORPUS`, else the nearest `shared/corpus` above."""
    env = os.environ.get("JALIN_CORPUS")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    return here.parents[4] / "shared" / "corpus"


def _corpus_document(path: Path, name: str, doc_id: Any) -> RawDocument:
    target = corpus_dir() / name
    if not target.is_file():
        raise GoldError(f"{path}: corpus file {target} not found (set JALIN_CORPUS)")
    for item in read_path(str(target)):
        if isinstance(item, InputError):
            continue
        if item.id == doc_id:
            return item
    raise GoldError(f"{path}: no document with id {doc_id!r} in {target}")


def _document(path: Path, gold: dict[str, Any]) -> RawDocument:
    if isinstance(gold.get("text"), str):
        return from_text(gold["text"], str(path))
    if gold.get("corpus"):
        return _corpus_document(path, str(gold["corpus"]), gold.get("id"))
    if not gold.get("file"):
        raise GoldError(f"{path}: gives neither `file` nor `text`")
    target = path.parent / gold["file"]
    if not target.is_file():
        raise GoldError(f"{path}: document {gold['file']} not found")
    for item in read_path(str(target)):
        if isinstance(item, InputError):
            raise GoldError(f"{path}: {item}")
        return item
    raise GoldError(f"{path}: document {gold['file']} is empty")


def predict(gold_file: GoldFile, lexicon_dirs: Iterable[str | Path] = ()) -> dict[str, Any]:
    """Analyse the gold file's document exactly as `jalin analyze` would: the contract dict."""
    raw = gold_file.document
    analysis = analyze(raw.text, published=raw.published, id=raw.id, title=raw.title, url=raw.url,
                       source=raw.source, metadata=raw.metadata, lexicon_dirs=lexicon_dirs)
    return analysis.to_dict()
