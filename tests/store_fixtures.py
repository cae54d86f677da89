"""Hand-made analyses for store tests (the contract's records, built directly)."""

from __future__ import annotations

import json
from pathlib import Path

from jalin.model import (
    SCHEMA_ID,
    Actor,
    Agreement,
    Analysis,
    DocumentInfo,
    Event,
    Gathering,
    Milestone,
    Role,
    Span,
    Statement,
    TextSpan,
    TimeExpr,
)


def _country(aid: str, iso: str, name: str) -> Actor:
    return Actor(aid, "COUNTRY", name, name, iso, None, [], [], [TextSpan(0, len(name), name)])


def minister(aid: str, name: str, honorifics: list[str]) -> Actor:
    return Actor(aid, "PERSON", name, name, "MYS", "GOV", [Role("Menteri Pertahanan", "Minister of Defence")],
                 honorifics, [TextSpan(10, 10 + len(name), name)])


def g2g_analysis(doc_id: str, published: str, text: str, status: str, milestone_state: str,
                 time_value: str | None, person: Actor | None = None) -> Analysis:
    """A report of a Malaysia-Korea G2G procurement agreement with a Cabinet-approval milestone."""
    actors = [_country("a1", "MYS", "Malaysia"), _country("a2", "KOR", "South Korea")]
    statements = []
    if person is not None:
        actors.append(person)
        statements.append(Statement(person.id, "indirect", text[:40], "said", 0, 40))
    times = [TimeExpr("t1", "by October", time_value, "month", "by", 5, 15)] if time_value else []
    milestone = Milestone("cabinet_approval", milestone_state, "t1" if time_value else None,
                          text[20:60])
    return Analysis(
        schema=SCHEMA_ID,
        document=DocumentInfo(doc_id, "Bernama", published, "KUALA LUMPUR", "en"),
        text=text,
        sentences=[Span(0, len(text))],
        actors=actors,
        statements=statements,
        events=[Event("e1", "AGREE", "057", ["a1"], ["a2"], "intended", ["procurement"], ["defence_industry"],
                      "t1" if time_value else None, TextSpan(0, 8, text[:8]), 0)],
        agreements=[Agreement("g1", "g2g_procurement", "G2G procurement agreement", ["KOR", "MYS"], status,
                              True, [milestone], [Span(0, 30)])],
        gatherings=[Gathering("seminar", "Malaysia-Korea Defence Industry Seminar", 3, "KUALA LUMPUR", None,
                              ["KOR", "MYS"], [], [Span(0, 20)])],
        times=times,
        topics=["defence_industry"],
    )


PENDING_TEXT = ("KUALA LUMPUR, Sept 22 -- Malaysia is speeding up a government-to-government procurement "
                "agreement with South Korea, which is expected to go to the Cabinet for approval by October, "
                "the Defence Minister said today. South Korea would be the second country to sign such an "
                "exclusive agreement with Malaysia.")
APPROVED_TEXT = ("PUTRAJAYA, Oct 22 -- The Cabinet has approved the government-to-government procurement "
                 "agreement between Malaysia and South Korea, clearing the way for its signing, the Defence "
                 "Ministry said in a statement today. The exclusive agreement covers technology transfer.")


def pending(person: Actor | None = None) -> Analysis:
    return g2g_analysis("seed-like", "2025-09-22", PENDING_TEXT, "pending_approval", "expected", "2025-10",
                        person)


def approved(person: Actor | None = None) -> Analysis:
    return g2g_analysis("follow-up", "2025-10-22", APPROVED_TEXT, "approved", "done", None, person)


TOWNS = ["Kuala Lumpur", "Putrajaya", "Johor Bahru", "Kuching", "Kota Kinabalu", "Ipoh", "Melaka"]


def wire_copy(i: int) -> dict[str, str]:
    """A distinct short wire story (Malay or English) per number."""
    town = TOWNS[i % len(TOWNS)]
    if i % 2:
        text = (f"{town.upper()}: Sebanyak {i + 3} kapal peronda baharu akan diserahkan kepada Tentera Laut "
                f"Diraja Malaysia menjelang tahun {2026 + i % 5}, kata seorang pegawai kanan hari ini. "
                f"Beliau berkata kontrak bernilai RM{i + 10} juta itu ditandatangani bulan lepas.")
    else:
        text = (f"{town.upper()}, March {1 + i % 28} (Bernama) -- Malaysia will receive {i + 3} new patrol "
                f"craft by {2026 + i % 5}, a senior officer said today. He said the RM{i + 10} million "
                f"contract was signed last month.")
    return {"id": f"wire-{i:05d}", "published": f"2024-03-{1 + i % 28:02d}", "text": text}


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path
