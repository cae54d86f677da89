"""Times on unseen news (issue 14): a day word and the date written beside it, "Rabu ini" in a
sentence about the future, and the years of a sentence as its tense; sentences written for these tests."""

from __future__ import annotations

import pytest

from jalin import analyze


# A day in words and the date written beside it are one expression (published 2024-07-20, a Saturday).
@pytest.mark.parametrize(("text", "value"), [
    ("Menteri Luar Chile tiba di Lima pada hari Selasa (16/7/2024) untuk lawatan dua hari.", "2024-07-16"),
    ("Presiden Peru berucap di Quito, Kamis (18/7), mengenai pendatang.", "2024-07-18"),
    ("Kemarin (19/07), tentera Bolivia menutup sempadan.", "2024-07-19"),
    ("Perjanjian itu ditandatangani di Bogota, Isnin, 15 Julai 2024.", "2024-07-15"),
    ("Pada hari Rabu (17/7/2024) malam, Menteri Pertahanan Ecuador bertemu wartawan.", "2024-07-17"),
    ("The Chilean foreign minister arrived in Lima on Tuesday (July 16) for a two-day visit.", "2024-07-16"),
    ("Peru's president spoke in Quito on Thursday (18/7) about migrants.", "2024-07-18"),
    ("Bolivian troops closed the border yesterday (July 19).", "2024-07-19"),
    ("The agreement was signed in Bogota on Monday, July 15, 2024.", "2024-07-15"),
    ("On Wednesday (17/7/2024) evening, Ecuador's defence minister met reporters.", "2024-07-17"),
])
def test_a_day_word_and_its_written_date_are_one_time(text: str, value: str) -> None:
    found = [t for t in analyze(text, published="2024-07-20").times if t.granularity == "day"]
    assert [t.value for t in found] == [value], [(t.text, t.value) for t in found]


@pytest.mark.parametrize("text", [
    "Menteri itu tiba di Lima pada hari Selasa dan berlepas pada 19 Julai.",
    "The minister arrived in Lima on Tuesday and left on July 19.",
])
def test_two_days_apart_stay_two_times(text: str) -> None:
    assert len([t for t in analyze(text, published="2024-07-20").times if t.granularity == "day"]) == 2


# "Rabu ini" in a sentence about the future is the coming one, even said on a Sunday (2024-07-21).
@pytest.mark.parametrize(("text", "value"), [
    ("Naib Presiden Chile akan melawat Lima pada Rabu ini.", "2024-07-24"),
    ("Menteri Luar Peru dijadual tiba di Quito Selasa ini.", "2024-07-23"),
    ("Tentera Bolivia akan memulakan latihan itu Jumaat ini.", "2024-07-26"),
    ("Presiden Ecuador bakal berucap di PBB Khamis ini.", "2024-07-25"),
    ("Perbincangan itu akan diadakan di Bogota Isnin ini.", "2024-07-22"),
    ("Chile's vice president will visit Lima this Wednesday.", "2024-07-24"),
    ("Peru's foreign minister is scheduled to arrive in Quito this Tuesday.", "2024-07-23"),
    ("Bolivian troops will begin the drill this Friday.", "2024-07-26"),
    ("Ecuador's president will speak at the UN this Thursday.", "2024-07-25"),
    ("The talks will be held in Bogota this Monday.", "2024-07-22"),
])
def test_this_weekday_in_a_future_sentence_is_the_coming_one(text: str, value: str) -> None:
    assert [t.value for t in analyze(text, published="2024-07-21").times] == [value]


# A bare month in a sentence whose years are all before the publication year is in the past.
@pytest.mark.parametrize(("text", "value"), [
    ("Susulan pemeteraian MoU pada Mac 2023, kedua-dua negara memeterai perjanjian pada Oktober.", "2023-10"),
    ("Selepas pilihan raya 2023, Presiden Peru melawat Chile pada November.", "2023-11"),
    ("Kontrak 2022 itu ditandatangani pada Disember di Lima.", "2023-12"),
    ("Sejak krisis 2019, Bolivia membeli dua kapal pada September.", "2023-09"),
    ("Laporan 2023 itu menyebut pada Ogos Ecuador menanggung kos US$6 juta.", "2023-08"),
    ("After the 2023 election, Peru's president visited Chile in November.", "2023-11"),
    ("Following the March 2023 memorandum, the two countries signed a trade deal in October.", "2023-10"),
    ("The 2022 contract was signed in December in Lima.", "2023-12"),
    ("A 2023 report said Ecuador bore US$6 million in costs in August.", "2023-08"),
    ("Since the 2019 crisis, Bolivia bought two ships in September.", "2023-09"),
])
def test_a_bare_month_among_past_years_goes_back(text: str, value: str) -> None:
    found = [t.value for t in analyze(text, published="2024-02-10").times if t.granularity == "month"]
    assert found[-1] == value, found
