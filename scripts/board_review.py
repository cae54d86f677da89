"""A review sheet of the agreements the board shows by default: a seeded random sample, in markdown.

    python scripts/board_review.py --db corpus.db --n 50 --seed 16 --out board-review.md

From a store (as `jalin ingest` made it), it draws `--n` agreements at random (seeded, so the same
store and seed give the same sheet) among those the board shows by default (`jalin agreements
--relevant`), and writes one section per agreement: its id, summary line, kind, status, parties
with their country names, companies with their countries, subject and title, and for each report
(piece of evidence) the document id, title, date, url and the evidence sentences; then blank fields
for a reviewer who reads the articles ("correct parties? real agreement? one deal? verdict") and a
tally table at the end. A record is correct when its parties are right, it is a real agreement and
it holds one deal, not two merged.

When the board shows fewer than `--n`, every shown agreement goes on the sheet and the sheet says so.
A store that does not exist, or an `--n` below 1, is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

from jalin.lexicon import load_lexicon
from jalin.store import StoreError, open_store

QUESTIONS = ("correct parties?", "real agreement?", "one deal?", "verdict (correct / wrong: why)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the store (file, sqlite:///PATH or postgresql:// URL)")
    parser.add_argument("--n", type=int, default=50, help="agreements to sample (default 50)")
    parser.add_argument("--seed", type=int, default=16, help="random seed (default 16)")
    parser.add_argument("--out", default="-", help="the markdown file to write (default: stdout)")
    args = parser.parse_args(argv)
    if args.n < 1:
        print(f"--n {args.n}: the sample needs at least one agreement", file=sys.stderr)
        return 2
    try:
        store = open_store(args.db, create=False)
    except StoreError as error:
        print(str(error), file=sys.stderr)
        return 2
    try:
        sheet, count = review_sheet(store, args.n, args.seed, args.db)
    finally:
        store.close()
    if args.out == "-":
        sys.stdout.write(sheet)
    else:
        Path(args.out).write_text(sheet, encoding="utf-8")
        print(f"{args.out}: {count} agreements", file=sys.stderr)
    return 0


def sample(store: Any, n: int, seed: int) -> tuple[list[dict[str, Any]], int]:
    """`n` of the agreements the board shows by default, drawn with `seed`, in id order; and how many
    the board shows."""
    shown = sorted(store.agreement_records(relevant=True), key=lambda r: r["id"])
    picked = random.Random(seed).sample(shown, min(n, len(shown)))
    return sorted(picked, key=lambda r: r["id"]), len(shown)


def review_sheet(store: Any, n: int, seed: int, name: str) -> tuple[str, int]:
    """The markdown review sheet of a seeded sample of `n` default-board agreements of `store`, and
    how many agreements it holds."""
    picked, shown = sample(store, n, seed)
    countries = {r["iso3"]: r["name"] for r in load_lexicon().table("countries")}
    lines = [f"# Board review: {len(picked)} of the {shown} agreements the board shows by default", "",
             f"Store `{name}`, seed {seed}. "
             + (f"The board shows fewer than the {n} asked for: all of them are here. " if shown < n else "")
             + "Read each report's article; a record is correct when its parties are right, it is a real "
             "agreement and it holds one deal (no two deals merged).", ""]
    documents: dict[str, dict[str, Any] | None] = {}
    for record in picked:
        lines += _section(store, record, countries, documents)
    lines += ["## Tally", "", "| id | correct parties? | real agreement? | one deal? | verdict |",
              "|---|---|---|---|---|"]
    lines += [f"| {r['id']} |  |  |  |  |" for r in picked]
    lines += ["", f"Correct records: ___ of {len(picked)}", ""]
    return "\n".join(lines), len(picked)


def _section(store: Any, record: dict[str, Any], countries: dict[str, str],
             documents: dict[str, dict[str, Any] | None]) -> list[str]:
    parties = ", ".join(f"{c} ({countries.get(c, 'unknown code')})" for c in record["parties"]) or "none"
    since = f" (since {record['status_date']})" if record.get("status_date") else ""
    lines = [f"## {record['id']}", "",
             f"- summary: {record.get('summary') or '—'}",
             f"- kind: {record['type']}",
             f"- status: {record['status']}{since}",
             f"- parties: {parties}"]
    companies = _companies(store, record, countries, documents)
    if companies:
        lines.append(f"- companies: {'; '.join(companies)}")
    lines += [f"- subject: {record.get('subject') or '—'}", f"- title: {record.get('title') or '—'}", "",
              "Evidence:", ""]
    for number, report in enumerate(record["history"], 1):
        data = _document(store, report["doc_id"], documents)
        doc = (data or {}).get("document", {})
        lines.append(f"{number}. document `{report['doc_id']}`, title: {doc.get('title') or '(none)'}; "
                     f"published {doc.get('published') or 'undated'}; reported status {report['status']}"
                     + (f"; {doc['url']}" if doc.get("url") else ""))
        for sentence in (report.get("evidence") or "").split(" … "):
            if sentence.strip():
                lines.append(f"   > {sentence.strip()}")
    lines += [""] + [f"- {q} " for q in QUESTIONS] + [""]
    return lines


def _document(store: Any, doc_id: str, documents: dict[str, dict[str, Any] | None]) -> dict[str, Any] | None:
    if doc_id not in documents:
        documents[doc_id] = store.document(doc_id)
    return documents[doc_id]


def _companies(store: Any, record: dict[str, Any], countries: dict[str, str],
               documents: dict[str, dict[str, Any] | None]) -> list[str]:
    """The companies the reports name as parties, with their countries: each report's analysis holds
    the agreement whose evidence starts where the report's does."""
    found: list[str] = []
    for report in record["history"]:
        data = _document(store, report["doc_id"], documents) or {}
        actors = {a["id"]: a for a in data.get("actors", ())}
        for agreement in data.get("agreements", ()):
            spans = agreement.get("evidence") or [{}]
            if spans[0].get("start") != report.get("start"):
                continue
            for actor_id in agreement.get("companies") or ():
                actor = actors.get(actor_id, {})
                code = actor.get("country")
                where = countries.get(code, code) if code else "no country"
                entry = f"{actor.get('name', actor_id)} ({where})"
                if entry not in found:
                    found.append(entry)
    return found


if __name__ == "__main__":
    sys.exit(main())
