"""A digest of the analysis output of the shared corpus and every gold set: sha256 per document.

    python scripts/analysis_digest.py            # write tests/data/analysis_digest.json (`make digest`)
    python scripts/analysis_digest.py --check    # compare with it; exit 1 naming what changed

Every document of `shared/corpus/*.jsonl` and the document of every gold file in `shared/gold/*/`
and `tests/gold/*/` is analysed exactly as `jalin analyze` does (the reader's published date, id,
title, url, source and metadata; the default lexicon) and the JSON line it would print is hashed.
The digest holds one sha256 per document (keyed by set, line number and id), one per set and one
overall, so a refactoring that must not change the output can prove it did not, and a change that
does alter the output on purpose regenerates the digest in the same commit (`make digest`).

The shared folder is `$JALIN_SHARED`, else the nearest `shared` folder above the project holding a
`corpus` folder (`../shared` for main's checkout, `../../shared` for a worktree under `wt/`).
Articles are read at run time; the digest holds hashes only, never text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
DIGEST_PATH = PROJECT / "tests" / "data" / "analysis_digest.json"
COMMAND = "make digest  (python scripts/analysis_digest.py)"


def shared_dir() -> Path | None:
    """`$JALIN_SHARED`, else the nearest `shared/` with a `corpus/` above the project; None if absent."""
    env = os.environ.get("JALIN_SHARED")
    if env:
        return Path(env) if Path(env).is_dir() else None
    for parent in PROJECT.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return None


def sets(shared: Path) -> list[str]:
    """Every document set in a fixed order: `corpus/X.jsonl`, `gold/<set>`, `tests-gold/<set>`."""
    names = [f"corpus/{p.name}" for p in sorted((shared / "corpus").glob("*.jsonl"))]
    names += [f"gold/{p.name}" for p in sorted((shared / "gold").iterdir()) if p.is_dir()]
    names += [f"tests-gold/{p.name}" for p in sorted((PROJECT / "tests" / "gold").iterdir()) if p.is_dir()]
    return names


def _line(raw: object) -> str:
    from jalin import analyze

    try:
        result = analyze(raw.text, published=raw.published, id=raw.id, title=raw.title,  # type: ignore[attr-defined]
                         url=raw.url, source=raw.source, metadata=raw.metadata)  # type: ignore[attr-defined]
    except Exception as exc:  # the CLI reports it and goes on; the digest records that it failed
        return f"analysis failed ({type(exc).__name__}: {exc})"
    return result.to_json()


def documents(shared: Path, name: str) -> Iterator[tuple[str, str]]:
    """(key, JSON line) of each document of one set, in reading order."""
    from jalin.evaluate.gold import GoldError, load_gold
    from jalin.read import InputError, read_path

    kind, _, rest = name.partition("/")
    if kind == "corpus":
        for n, item in enumerate(read_path(str(shared / "corpus" / rest)), start=1):
            if isinstance(item, InputError):
                yield f"{name}#{n}", f"input error: {item}"
            else:
                yield f"{name}#{n} {item.id}", _line(item)
        return
    folder = (shared / "gold" / rest) if kind == "gold" else (PROJECT / "tests" / "gold" / rest)
    for path in sorted(folder.rglob("*.gold.json")):  # pool/batch-NN/ folders too
        try:
            raw = load_gold(path).document
        except GoldError as exc:
            yield f"{name}/{path.name}", f"gold error: {exc}"
            continue
        yield f"{name}/{path.name}", _line(raw)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def combined(digests: dict[str, str]) -> str:
    """One sha256 over `key sha` lines in key order (a set's, or all documents' for `overall`)."""
    return sha("".join(f"{key} {value}\n" for key, value in sorted(digests.items())))


def build(shared: Path) -> dict[str, object]:
    documents_by_set: dict[str, dict[str, str]] = {}
    for name in sets(shared):
        documents_by_set[name] = {key: sha(line) for key, line in documents(shared, name)}
    every = {key: value for found in documents_by_set.values() for key, value in found.items()}
    return {
        "about": "sha256 of each `jalin analyze` JSON line of the shared corpus and gold sets; "
                 "scripts/analysis_digest.py",
        "regenerate": COMMAND,
        "overall": combined(every),
        "sets": {name: {"documents": len(found), "sha256": combined(found)}
                 for name, found in documents_by_set.items()},
        "documents": dict(sorted(every.items())),
    }


def load() -> dict[str, object]:
    return json.loads(DIGEST_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def differences(stored: dict[str, str], current: dict[str, str]) -> list[str]:
    """Keys whose digest differs, is new or is gone, sorted."""
    return sorted(k for k in stored.keys() | current.keys() if stored.get(k) != current.get(k))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the stored digest")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("the shared folder (corpus and gold) is absent: set JALIN_SHARED", file=sys.stderr)
        return 2
    digest = build(shared)
    if args.check:
        stored = load()
        changed = differences(stored["documents"], digest["documents"])  # type: ignore[arg-type]
        for key in changed[:50]:
            print(f"changed: {key}")
        print(f"{len(changed)} of {len(digest['documents'])} documents differ "  # type: ignore[arg-type]
              f"(overall {'equal' if digest['overall'] == stored['overall'] else 'different'})")
        return 1 if changed else 0
    DIGEST_PATH.parent.mkdir(parents=True, exist_ok=True)
    DIGEST_PATH.write_text(json.dumps(digest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{DIGEST_PATH}: {len(digest['documents'])} documents, overall {digest['overall']}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
