"""Times layer: table-driven Malay and English expressions against fixed publication dates."""
# ruff: noqa: E501  (one table row per line reads best)

from __future__ import annotations

import pytest

from jalin.extract.common.queries import times_in
from jalin.extract.times import layer as times
from jalin.lexicon import load_lexicon
from jalin.text import prepare

MONDAY = "2025-09-22"  # a Monday, ISO week 2025-W39


def run(text: str, published: str | None = MONDAY) -> list[tuple[str, str | None, str | None, str]]:
    doc = prepare(text, published=published, id="t", title=None, url=None, source=None,
                  metadata={}, lexicon=load_lexicon())
    return [(t.text, t.value, t.granularity, t.relation) for t in times.extract(doc)]


# (sentence, expected (text, value, granularity, relation) of its one time expression)
MALAY = [
    ("Sepanjang tiga minggu lalu, kapal itu dikesan.", ("Sepanjang tiga minggu lalu", "2025-09-01/2025-09-22", "day", "during")),
    ("Eksport meningkat dalam tempoh dua tahun lalu.", ("dalam tempoh dua tahun lalu", "2023-09-22/2025-09-22", "day", "during")),
    ("Kilang itu dijangka siap pada akhir 2027.", ("pada akhir 2027", "2027-12", "month", "by")),
    ("Program itu bermula sejak awal 2019.", ("sejak awal 2019", "2019", "year", "since")),
    ("Kilang itu dijangka siap menjelang akhir tahun depan.", ("menjelang akhir tahun depan", "2026", "year", "by")),
    ("Perjanjian itu akan dibentangkan menjelang Oktober.", ("menjelang Oktober", "2025-10", "month", "by")),
    ("Beliau telah melawat Jepun pada Mei lalu.", ("pada Mei lalu", "2025-05", "month", "on")),
    ("Beliau telah melawat Jepun pada Mei.", ("pada Mei", "2025-05", "month", "on")),
    ("Lawatan itu akan diadakan pada Mei.", ("pada Mei", "2026-05", "month", "on")),
    ("Seminar itu diadakan pada 22 September 2025.", ("pada 22 September 2025", "2025-09-22", "day", "on")),
    ("Mesyuarat itu dijadual pada 30 Sept.", ("pada 30 Sept.", "2025-09-30", "day", "on")),
    ("Delegasi itu tiba pada 22hb Oktober.", ("pada 22hb Oktober", "2025-10-22", "day", "on")),
    ("Dokumen itu ditandatangani pada 22/9.", ("pada 22/9", "2025-09-22", "day", "on")),
    ("Kapal itu tiba pada 5/10/2025.", ("pada 5/10/2025", "2025-10-05", "day", "on")),
    ("Kenyataan itu dikeluarkan semalam.", ("semalam", "2025-09-21", "day", "on")),
    ("Beliau berkata demikian kelmarin.", ("kelmarin", "2025-09-20", "day", "on")),
    ("Beliau berkata demikian hari ini.", ("hari ini", "2025-09-22", "day", "on")),
    ("Delegasi itu akan tiba esok.", ("esok", "2025-09-23", "day", "on")),
    ("Mesyuarat itu akan diadakan lusa.", ("lusa", "2025-09-24", "day", "on")),
    ("Lawatan itu akan diadakan minggu depan.", ("minggu depan", "2025-W40", "week", "on")),
    ("Perbincangan itu diadakan minggu lalu.", ("minggu lalu", "2025-W38", "week", "on")),
    ("Laporan itu diterbitkan bulan lalu.", ("bulan lalu", "2025-08", "month", "on")),
    ("Program itu bermula bulan depan.", ("bermula bulan depan", "2025-10", "month", "since")),
    ("Kerajaan akan membeli dua kapal tahun ini.", ("tahun ini", "2025", "year", "on")),
    ("Perjanjian itu dijangka ditandatangani tahun depan.", ("tahun depan", "2026", "year", "on")),
    ("Projek itu siap tahun lepas.", ("tahun lepas", "2024", "year", "on")),
    ("Kerajaan akan membaiki rumah itu pada tahun hadapan.", ("pada tahun hadapan", "2026", "year", "on")),
    ("Kapal itu akan diserahkan pada akhir tahun ini.", ("pada akhir tahun ini", "2025-12", "month", "by")),
    ("Rundingan akan bermula pada awal tahun depan.", ("pada awal tahun depan", "2026", "year", "on")),
    ("Sasaran itu ditetapkan pada pertengahan tahun depan.", ("pada pertengahan tahun depan", "2026", "year", "on")),
    ("Keputusan dijangka pada suku ketiga.", ("pada suku ketiga", "2025-Q3", "quarter", "on")),
    ("Penghantaran dijadual pada suku pertama tahun depan.", ("pada suku pertama tahun depan", "2026-Q1", "quarter", "on")),
    ("Pesawat itu dijangka tiba pada suku keempat tahun ini.", ("pada suku keempat tahun ini", "2025-Q4", "quarter", "on")),
    ("Pembelian itu dibuat pada Q3.", ("pada Q3", "2025-Q3", "quarter", "on")),
    ("Laporan itu mesti dihantar sebelum 31 Oktober.", ("sebelum 31 Oktober", "2025-10-31", "day", "before")),
    ("Dokumen itu perlu diserahkan selewat-lewatnya 15 Oktober.", ("selewat-lewatnya 15 Oktober", "2025-10-15", "day", "by")),
    ("Kerjasama itu terjalin sejak 2015.", ("sejak 2015", "2015", "year", "since")),
    ("Larangan itu berkuat kuasa mulai 1 Oktober.", ("mulai 1 Oktober", "2025-10-01", "day", "since")),
    ("Program itu dilaksanakan sejak Mei.", ("sejak Mei", "2025-05", "month", "since")),
    ("Sistem itu akan dipasang dalam tempoh dua minggu.", ("dalam tempoh dua minggu", "2025-09-22/2025-10-06", "day", "during")),
    ("Tentera akan berundur dalam masa enam bulan.", ("dalam masa enam bulan", "2025-09-22/2026-03-22", "day", "during")),
    ("Kenyataan itu dikeluarkan pada Isnin lepas.", ("pada Isnin lepas", "2025-09-15", "day", "on")),
    ("Menteri itu akan berlepas pada Khamis.", ("pada Khamis", "2025-09-25", "day", "on")),
    ("Beliau tiba di Seoul pada Jumaat.", ("pada Jumaat", "2025-09-19", "day", "on")),
    ("Beliau bertemu rakan sejawatannya pada Selasa lalu.", ("pada Selasa lalu", "2025-09-16", "day", "on")),
    ("Menteri itu menerima kunjungan hormat pada hari Isnin.", ("pada hari Isnin", "2025-09-22", "day", "on")),
    ("Lawatan kerja dua hari itu bermula Rabu.", ("bermula Rabu", "2025-09-24", "day", "since")),
    ("Latihan itu diadakan dari 29 hingga 31 Oktober.", ("29 hingga 31 Oktober", "2025-10-29/2025-10-31", "day", "during")),
    ("Pameran itu berlangsung 30 September hingga 3 Oktober.", ("30 September hingga 3 Oktober", "2025-09-30/2025-10-03", "day", "during")),
    ("Tempoh itu ialah Mei hingga Julai lalu.", ("Mei hingga Julai lalu", "2025-05/2025-07", "month", "during")),
    ("Sidang kemuncak itu diadakan pada Mei 2024.", ("pada Mei 2024", "2024-05", "month", "on")),
    ("Pada tahun 2022, kedua-dua negara menandatangani perjanjian.", ("Pada tahun 2022", "2022", "year", "on")),
    ("Dasar itu dilancarkan pada 1982.", ("pada 1982", "1982", "year", "on")),
    ("Kapal itu ditauliahkan pada 17 Julai 2014.", ("pada 17 Julai 2014", "2014-07-17", "day", "on")),
    ("Negara itu akan menjadi negara tua menjelang 2030.", ("menjelang 2030", "2030", "year", "by")),
    ("Beliau dilantik pada 3 Mac lalu.", ("pada 3 Mac lalu", "2025-03-03", "day", "on")),
    ("Rundingan itu disambung pada 12 Sept lepas.", ("pada 12 Sept lepas", "2025-09-12", "day", "on")),
    ("Peralatan itu tiba dua minggu lalu.", ("dua minggu lalu", "2025-W37", "week", "on")),
    ("Pangkalan itu dibina tiga tahun lalu.", ("tiga tahun lalu", "2022", "year", "on")),
    ("Bajet itu dibentangkan pada Disember nanti.", ("pada Disember nanti", "2025-12", "month", "on")),
    ("Laporan itu dijangka siap pada hujung bulan ini.", ("pada hujung bulan ini", "2025-09", "month", "on")),
    ("Beliau akan berada di sana sehingga 5 Oktober.", ("sehingga 5 Oktober", "2025-10-05", "day", "by")),
    ("Kajian itu bermula selepas 2020.", ("selepas 2020", "2020", "year", "after")),
    ("Mesyuarat itu diadakan pada 2025-09-20.", ("pada 2025-09-20", "2025-09-20", "day", "on")),
    ("Kerja itu berlangsung sepanjang tahun ini.", ("sepanjang tahun ini", "2025", "year", "during")),
    ("Surat itu dihantar pada Mei tahun ini.", ("pada Mei tahun ini", "2025-05", "month", "on")),
    ("Dialog itu diadakan pada 12 hingga 14 November lalu.", ("12 hingga 14 November lalu", "2024-11-12/2024-11-14", "day", "during")),
]

ENGLISH = [
    ("Over the past two weeks, the vessel was tracked.", ("Over the past two weeks", "2025-09-08/2025-09-22", "day", "during")),
    ("The summit will be held on 3 March.", ("on 3 March", "2026-03-03", "day", "on")),
    ("The talks have been held in March.", ("in March", "2025-03", "month", "on")),
    ("The yard will deliver the hull by mid-2027.", ("by mid-2027", "2027", "year", "by")),
    ("Trials began in early 2024.", ("in early 2024", "2024", "year", "on")),
    ("The project must be completed by end-2026.", ("by end-2026", "2026", "year", "by")),
    ("The panel will end the week with a report on 12 May.", ("on 12 May", "2026-05-12", "day", "on")),
    ("He said the panel, which was formed by the ministry, would meet in August.", ("in August", "2026-08", "month", "on")),
    ("The ministers agreed to finish the review early next year.", ("early next year", "2026", "year", "on")),
    ("The deal will be signed by October.", ("by October", "2025-10", "month", "by")),
    ("The minister visited Seoul in May.", ("in May", "2025-05", "month", "on")),
    ("The ships were delivered last May.", ("last May", "2025-05", "month", "on")),
    ("Talks will resume next March.", ("next March", "2026-03", "month", "on")),
    ("The minister will visit Tokyo in March.", ("in March", "2026-03", "month", "on")),
    ("The agreement was signed on 22 September 2025.", ("on 22 September 2025", "2025-09-22", "day", "on")),
    ("The summit is scheduled for Sept 30.", ("Sept 30", "2025-09-30", "day", "on")),
    ("The meeting is set for Sept. 30.", ("Sept. 30", "2025-09-30", "day", "on")),
    ("The vessel was commissioned on Jan 28.", ("on Jan 28", "2025-01-28", "day", "on")),
    ("The frigate arrived on September 12, 2024.", ("on September 12, 2024", "2024-09-12", "day", "on")),
    ("The minister arrived yesterday.", ("yesterday", "2025-09-21", "day", "on")),
    ("He said today that the talks went well.", ("today", "2025-09-22", "day", "on")),
    ("The delegation will leave tomorrow.", ("tomorrow", "2025-09-23", "day", "on")),
    ("The exercise will be held next week.", ("next week", "2025-W40", "week", "on")),
    ("The talks took place last week.", ("last week", "2025-W38", "week", "on")),
    ("Exports rose last month.", ("last month", "2025-08", "month", "on")),
    ("The plan will be tabled next month.", ("next month", "2025-10", "month", "on")),
    ("The army will receive the tanks this month.", ("this month", "2025-09", "month", "on")),
    ("The budget for this year is larger.", ("this year", "2025", "year", "on")),
    ("Elections will be held next year.", ("next year", "2026", "year", "on")),
    ("The deal collapsed last year.", ("last year", "2024", "year", "on")),
    ("The ships must be delivered by the end of the year.", ("by the end of the year", "2025", "year", "by")),
    ("Production starts at the end of next year.", ("the end of next year", "2026-12", "month", "by")),
    ("Results are due in Q3.", ("in Q3", "2025-Q3", "quarter", "on")),
    ("Deliveries begin in the third quarter of 2026.", ("in the third quarter of 2026", "2026-Q3", "quarter", "on")),
    ("The report must be submitted no later than October 15.", ("no later than October 15", "2025-10-15", "day", "by")),
    ("The system must be installed before 31 October.", ("before 31 October", "2025-10-31", "day", "before")),
    ("The two navies have trained together since 2017.", ("since 2017", "2017", "year", "since")),
    ("The ban applies from 1 October.", ("from 1 October", "2025-10-01", "day", "since")),
    ("The radar will be installed within two weeks.", ("within two weeks", "2025-09-22/2025-10-06", "day", "during")),
    ("Troops will be withdrawn within six months.", ("within six months", "2025-09-22/2026-03-22", "day", "during")),
    ("The minister met his counterpart on Monday.", ("on Monday", "2025-09-22", "day", "on")),
    ("The minister will travel to Jakarta on Thursday.", ("on Thursday", "2025-09-25", "day", "on")),
    ("The visit ended on Friday.", ("on Friday", "2025-09-19", "day", "on")),
    ("He arrived last Tuesday.", ("last Tuesday", "2025-09-16", "day", "on")),
    ("They will meet again next Friday.", ("next Friday", "2025-09-26", "day", "on")),
    ("The exercise runs from 29 to 31 October.", ("29 to 31 October", "2025-10-29/2025-10-31", "day", "during")),
    ("The talks were held in 2019.", ("in 2019", "2019", "year", "on")),
    ("The frigate was launched two years ago.", ("two years ago", "2023", "year", "on")),
    ("The order was placed three months ago.", ("three months ago", "2025-06", "month", "on")),
    ("The fleet will be ready by 2030.", ("by 2030", "2030", "year", "by")),
    ("The forum met throughout this year.", ("throughout this year", "2025", "year", "during")),
    ("Talks will continue until December.", ("until December", "2025-12", "month", "by")),
    ("Talks continued until December.", ("until December", "2024-12", "month", "by")),
]


@pytest.mark.parametrize(("sentence", "expected"), MALAY)
def test_malay_expression(sentence: str, expected: tuple[str, str, str, str]) -> None:
    assert run(sentence) == [expected]


@pytest.mark.parametrize(("sentence", "expected"), ENGLISH)
def test_english_expression(sentence: str, expected: tuple[str, str, str, str]) -> None:
    assert run(sentence) == [expected]


def test_table_sizes() -> None:
    assert len(MALAY) >= 60 and len(ENGLISH) >= 40


def test_several_in_text_order_with_ids() -> None:
    doc = prepare(
        "Sempadan akan dibuka pada 1 April 2022. Perdana Menteri pada 8 Mac 2022 mengumumkan "
        "pembukaan semula sempadan mulai 1 April 2022.",
        published="2022-03-20", id="t", title=None, url=None, source=None, metadata={},
        lexicon=load_lexicon(),
    )
    found = times.extract(doc)
    assert [(t.id, t.value, t.relation) for t in found] == [
        ("t1", "2022-04-01", "on"), ("t2", "2022-03-08", "on"), ("t3", "2022-04-01", "since"),
    ]
    doc.times = found
    assert [t.id for t in times_in(doc, 40, len(doc.text))] == ["t2", "t3"]


def test_unresolvable_without_publication_date() -> None:
    assert run("The minister arrived yesterday.", published=None) == [("yesterday", None, "day", "on")]
    assert run("Beliau akan tiba pada Mei.", published=None) == [("pada Mei", None, "month", "on")]
    # A full date needs no publication date.
    assert run("Kapal itu ditauliahkan pada 17 Julai 2014.", published=None) == [
        ("pada 17 Julai 2014", "2014-07-17", "day", "on")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Seramai 2000 peserta hadir pada majlis itu.",  # a count, not a year
        "Theresa May bertemu menteri itu.",  # a name, not a month
        "Beliau mungkin hadir.",
        "Model F/A18D dan A400M digunakan.",
        "Pameran DSA 2024 dan LIMA 2025 menarik ramai pengunjung.",  # editions, not dates
        "The deal was sealed at the Singapore Airshow (SA) 2026.",
        "",
    ],
)
def test_not_times(sentence: str) -> None:
    assert run(sentence) == []


def test_dateline_stamp_is_not_a_time() -> None:
    found = run("PUTRAJAYA 7 Sept. - Malaysia dan Singapura akan bekerjasama, katanya hari ini.")
    assert found == [("hari ini", "2025-09-22", "day", "on")]


def test_garbage_and_long_text() -> None:
    assert run("@@@ ### 12/45/99 ?? 31 Februari ;;") == []
    long_text = "Mesyuarat itu diadakan pada 3 Oktober. " * 3000
    found = run(long_text)
    assert len(found) == 3000 and found[-1][1] == "2025-10-03"


def test_names_inside_other_phrases() -> None:
    assert run("Khutbah solat Jumaat akan dibacakan di semua masjid.") == []
    assert run("Shops were busy on Good Friday.") == []


def test_nearest_tense_marker_decides() -> None:
    # "akan" belongs to the main clause; "sebelum ini" to the clause the date is in.
    found = run("Anwar akan diiringi menteri yang sebelum ini mengadakan kunjungan hormat pada 30 Disember.",
                published="2022-12-31")
    assert found == [("pada 30 Disember", "2022-12-30", "day", "on")]


def test_mixed_case_dateline_and_month_range_with_year() -> None:
    assert run("KUALA Lumpur 9 Dis. - Angkatan Tentera menerima kapal itu.") == []
    assert run("Pencen bagi bulan Julai hingga Disember 2023 dibayar.", published="2023-07-15") == [
        ("Julai hingga Disember 2023", "2023-07/2023-12", "month", "during")
    ]


def test_prefixed_month_and_day() -> None:
    assert run("Debris was found on Reunion Island last July 29.", published="2015-08-05") == [
        ("last July 29", "2015-07-29", "day", "on")
    ]


def test_year_ranges() -> None:
    assert run("Pelan itu meliputi tempoh 2021-2025.") == [("2021-2025", "2021/2025", "year", "during")]
    assert run("The plan runs from 2026 to 2030.") == [("2026 to 2030", "2026/2030", "year", "during")]


def test_part_of_a_month() -> None:
    assert run("Kapal itu akan tiba menjelang akhir Oktober.") == [
        ("menjelang akhir Oktober", "2025-10", "month", "by")
    ]
    assert run("The report is due by the end of November.") == [
        ("by the end of November", "2025-11", "month", "by")
    ]


def test_habits_are_no_dates() -> None:
    assert run("He wrote his column every Friday night.") == []
    assert run("Mesyuarat diadakan setiap hari Isnin.") == []


def test_reference_date_from_dateline_and_year() -> None:
    """No publication date: the dateline's day and month, in the latest year the text writes
    that is no look-ahead target; `document.published` stays null."""
    text = ("HANOI, Mar 3 — Vietnam and Malaysia signed two accords today, building on talks "
            "held in 2023. The ministers said the plan would be reviewed this year and completed by 2030.")
    found = run(text, published=None)
    assert ("today", "2024-03-03", "day", "on") not in found  # 2023 is the latest past year
    assert found[0] == ("today", "2023-03-03", "day", "on")
    assert ("this year", "2023", "year", "on") in found
    malay = ("KOTA KINABALU, 9 Jun — Latihan itu diadakan pada 2019 dan 2021. "
             "Menteri berkata rundingan akan bermula minggu depan.")
    assert run(malay, published=None)[-1] == ("bermula minggu depan", "2021-W24", "week", "since")


def test_reference_year_without_dateline_date() -> None:
    text = "KUALA LUMPUR: The 2021 plan was adopted on Jan 28, and reviewed this year. It met yesterday."
    found = run(text, published=None)
    assert ("on Jan 28", "2021-01-28", "day", "on") in found
    assert ("this year", "2021", "year", "on") in found
    assert ("yesterday", None, "day", "on") in found
    # no year at all: nothing relative resolves
    assert run("JOHOR BAHRU, May 2 — The team arrived today.", published=None) == [("today", None, "day", "on")]


def test_reference_inference_on_long_text_without_sentences() -> None:
    text = "JOHOR BAHRU, May 2 — " + "the plan of 2019 and the target by 2030 " * 4000 + "today"
    found = run(text, published=None)
    assert found[-1] == ("today", "2019-05-02", "day", "on")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("KUALA LUMPUR: Kerajaan membelanjakan RM4 bilion tahun lalu untuk perolehan kapal.", [("tahun lalu", "2024", "year", "on")]),
    ("Syarikat itu meraih RM2.5 juta tahun lepas daripada kontrak penyelenggaraan.", [("tahun lepas", "2024", "year", "on")]),
    ("Negara itu membelanjakan RM1 trilion tahun lalu.", [("tahun lalu", "2024", "year", "on")]),
    ("The ministry spent US$3 billion last year on new frigates.", [("last year", "2024", "year", "on")]),
    ("The firm booked 4 million years ago in revenue, analysts joked.", []),
    ("The rocks under the base formed two billion years ago.", []),
    ("Kubu itu dibina 300 tahun lalu oleh pedagang.", [("300 tahun lalu", None, "year", "on")]),
    ("The fort was built 500 years ago by traders.", [("500 years ago", None, "year", "on")]),
    ("Perjanjian itu ditandatangani dua tahun lalu.", [("dua tahun lalu", "2023", "year", "on")]),
])
def test_magnitudes_are_no_counts_and_years_stay_plausible(sentence: str, expected: list[tuple[str, str | None, str, str]]) -> None:
    assert run(sentence, "2025-03-01") == expected
