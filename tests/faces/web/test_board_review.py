"""scripts/board_review.py (issue 16): a seeded random sample of the agreements the board shows by
default, written as a markdown review sheet for a reviewer who reads the articles. Over invented
defence reports between invented pairs of countries."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from helpers import ROOT
from jalin import analyze
from web_server import build_store

SCRIPT = ROOT / "scripts" / "board_review.py"
_spec = importlib.util.spec_from_file_location("board_review", SCRIPT)
assert _spec and _spec.loader
board_review = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(board_review)

PAIRS = [("Norway", "Chile"), ("Kenya", "Peru"), ("Poland", "Vietnam"), ("Ghana", "Finland"),
         ("Morocco", "Nepal"), ("Austria", "Senegal")]
SUBJECTS = ["naval training", "border patrol cooperation", "submarine maintenance", "military medicine",
            "coastal radar", "peacekeeping logistics"]


CITIES = ["OSLO", "NAIROBI", "WARSAW", "ACCRA", "RABAT", "VIENNA"]
EXTRA = ["The talks began in 2019 and covered officer exchanges.",
         "Both navies sent two frigates to the ceremony at the harbour.",
         "A working group of twelve officers will meet every quarter from June.",
         "The army chief welcomed the pact as a step for regional stability.",
         "Officials declined to say how much the programme would cost.",
         "Parliament will be briefed on the memorandum next month."]


def _report(number: int) -> str:
    """A short invented defence report; each differs enough not to be a near-duplicate of another."""
    first, second = PAIRS[number]
    return (f"{CITIES[number]}: {first} and {second} signed a memorandum of understanding on "
            f"{SUBJECTS[number]} yesterday, the defence ministers of both countries said. "
            f"{EXTRA[number]} {EXTRA[(number + 2) % len(EXTRA)]}")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("review") / "kb.db"
    build_store(path, [analyze(_report(n), id=f"inv-{n}", title=f"Defence pact {n}",
                               published=f"2024-03-0{n + 1}") for n in range(len(PAIRS))])
    return path


def _sections(sheet: str) -> list[str]:
    return [part for part in sheet.split("\n## ")[1:] if not part.startswith("Tally")]


def test_the_sheet_holds_n_agreements_with_their_record_evidence_and_blank_questions(store_path, tmp_path):
    out = tmp_path / "sheet.md"
    assert board_review.main(["--db", str(store_path), "--n", "4", "--seed", "3", "--out", str(out)]) == 0
    sheet = out.read_text(encoding="utf-8")
    sections = _sections(sheet)
    assert len(sections) == 4
    for section in sections:
        for field in ("- summary: ", "- kind: mou", "- status: signed", "- parties: ", "- subject: ",
                      "- title: ", "document `inv-", "title: Defence pact ", "   > ",
                      "- correct parties? ", "- real agreement? ", "- one deal? ", "- verdict"):
            assert field in section, (field, section)
    assert "| id | correct parties? | real agreement? | one deal? | verdict |" in sheet
    # parties are written with their country names
    assert any("(Norway)" in s or "(Kenya)" in s or "(Poland)" in s or "(Ghana)" in s or "(Nepal)" in s
               or "(Senegal)" in s for s in sections)


def test_the_same_seed_draws_the_same_sample_and_another_seed_may_not(store_path):
    from jalin.store import open_store
    with open_store(store_path) as store:
        ids = [[r["id"] for r in board_review.sample(store, 3, seed)[0]] for seed in (1, 1, 2, 3, 4, 5)]
        shown = board_review.sample(store, 3, 1)[1]
    assert ids[0] == ids[1]
    assert len({tuple(i) for i in ids}) > 1
    assert shown == len(PAIRS)


def test_a_board_smaller_than_n_puts_every_shown_agreement_on_the_sheet_and_says_so(store_path, capsys):
    assert board_review.main(["--db", str(store_path), "--n", "50"]) == 0
    sheet = capsys.readouterr().out
    assert len(_sections(sheet)) == len(PAIRS)
    assert "fewer than the 50 asked for" in sheet


def test_a_missing_store_or_an_empty_sample_is_one_line_and_exit_2(tmp_path, capsys):
    missing = tmp_path / "absent.db"
    assert board_review.main(["--db", str(missing)]) == 2
    assert not missing.exists()
    assert board_review.main(["--db", str(missing), "--n", "0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "absent.db" in err[0] and "--n 0" in err[1]
