"""Time conventions found on unseen news (issue 14): Indonesian month and day names, parts of a
day, and "akhir tahun ini" as a deadline; sentences written for these tests."""

from __future__ import annotations

import pytest

from jalin import analyze


def times(text: str) -> list[tuple[str, str | None, str, str]]:
    return [(t.text, t.value, t.granularity, t.relation) for t in analyze(text, published="2024-07-20").times]


@pytest.mark.parametrize(("text", "expected"), [
    ("Perjanjian itu ditandatangani pada 25 Desember 2019 di Quito.",
     ("25 Desember 2019", "2019-12-25", "day", "on")),
    ("Latihan itu berlangsung pada Juni 2022 di Lima.", ("Juni 2022", "2022-06", "month", "on")),
    ("Menteri itu tiba di Bogota pada hari Kamis.", ("hari Kamis", "2024-07-18", "day", "on")),
    ("Kemarin, Menteri Luar Chile bertemu rakan sejawatannya.", ("Kemarin", "2024-07-19", "day", "on")),
    ("Presiden Peru akan berucap malam ini.", ("malam ini", "2024-07-20", "day", "on")),
    ("Kapal itu akan siap akhir tahun ini.", ("akhir tahun ini", "2024-12", "month", "by")),
])
def test_unseen_time_words(text: str, expected: tuple[str, str, str, str]) -> None:
    found = times(text)
    assert expected in found or any(expected[1:] == f[1:] and expected[0] in f[0] for f in found), found

