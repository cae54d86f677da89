"""Quantities layer: table-driven Malay and English amounts, and what is not a quantity."""
# ruff: noqa: E501  (one table row per line reads best)

from __future__ import annotations

import pytest

from jalin.doc import Doc
from jalin.extract import quantities
from jalin.extract.times import layer as times
from jalin.lexicon import load_lexicon
from jalin.text import prepare


def make(text: str, language: str, published: str | None = "2025-09-22") -> Doc:
    doc = prepare(text, published=published, id="q", title=None, url=None, source=None,
                  metadata={}, lexicon=load_lexicon())
    doc.info.language = language
    doc.times = times.extract(doc)
    return doc


def run(text: str, language: str) -> list[tuple[float | int, str, str | None, str]]:
    return [(q.value, q.qualifier, q.unit, q.text) for q in quantities.extract(make(text, language))]


MALAY = [
    ("Seramai 800 anggota tentera menyertai latihan itu.", (800, "exact", "participants", "Seramai 800 anggota")),
    ("Seramai 300 pegawai hadir pada majlis itu.", (300, "exact", "people", "Seramai 300 pegawai")),
    ("Seramai 40 jurutera tempatan akan dilatih di Korea.", (40, "exact", "people", "Seramai 40 jurutera")),
    ("Lebih 500 rakyat Malaysia telah dipindahkan.", (500, "more_than", "people", "Lebih 500 rakyat")),
    ("Kos projek itu dianggarkan sebanyak RM80 juta.", (80000000, "approx", "MYR", "sebanyak RM80 juta")),
    ("Pelaburan anggaran bernilai RM2 bilion dijangka masuk.", (2000000000, "approx", "MYR", "RM2 bilion")),
    ("Seminar tersebut disertai kira-kira 150 peserta.", (150, "approx", "participants", "kira-kira 150 peserta")),
    ("Lebih 20 syarikat pertahanan turut mengambil bahagian.", (20, "more_than", "companies", "Lebih 20 syarikat")),
    ("Seramai 700 warga pangkalan hadir.", (700, "exact", "people", "Seramai 700 warga")),
    ("Kerajaan memperuntukkan RM1.4 juta untuk projek itu.", (1400000, "exact", "MYR", "RM1.4 juta")),
    ("Sumbangan berjumlah RM3,600 diserahkan.", (3600, "exact", "MYR", "RM3,600")),
    ("Kontrak itu bernilai 1.5 bilion ringgit.", (1500000000, "exact", "MYR", "1.5 bilion ringgit")),
    ("Pelaburan itu bernilai 2 bilion won.", (2000000000, "exact", "KRW", "2 bilion won")),
    ("Tentera laut akan menerima dua buah kapal.", (2, "exact", "ships", "dua buah kapal")),
    ("Sebanyak tiga pesawat dihantar.", (3, "exact", "aircraft", "Sebanyak tiga pesawat")),
    ("Empat helikopter dibeli tahun lalu.", (4, "exact", "helicopters", "Empat helikopter")),
    ("Dua puluh negara menghantar wakil.", (20, "exact", "countries", "Dua puluh negara")),
    ("Tiga ratus orang menghadiri majlis itu.", (300, "exact", "people", "Tiga ratus orang")),
    ("Hampir 500 anggota terlibat dalam latihan itu.", (500, "approx", "people", "Hampir 500 anggota")),
    ("Sekitar 1,200 pelawat dijangka hadir.", None),
    ("Sekurang-kurangnya 10 kapal perang akan berlabuh.", (10, "at_least", "ships", "Sekurang-kurangnya 10 kapal perang")),
    ("Projek itu melibatkan sehingga 5,000 pekerja.", (5000, "up_to", "people", "sehingga 5,000 pekerja")),
    ("Lawatan kerja dua hari itu bermula semalam.", (2, "exact", "days", "dua hari")),
    ("Kerjasama itu terjalin selama lebih tiga dekad.", (3, "more_than", "decades", "lebih tiga dekad")),
    ("Banjir itu meragut lebih 100 nyawa.", (100, "more_than", "people", "lebih 100 nyawa")),
    ("Perdagangan meningkat 15 peratus tahun ini.", (15, "exact", "percent", "15 peratus")),
    ("Eksport naik 4.5% pada suku kedua.", (4.5, "exact", "percent", "4.5%")),
    ("Melebihi 30 syarikat tempatan menyertai pameran itu.", (30, "more_than", "companies", "Melebihi 30 syarikat")),
    ("Lebih kurang 80 delegasi hadir.", None),
    ("Lebih kurang 80 perwakilan hadir.", (80, "approx", "participants", "Lebih kurang 80 perwakilan")),
    ("Kapal itu membawa 1,500 tan bantuan.", (1500, "exact", "tonnes", "1,500 tan")),
    ("Tempoh enam bulan diperlukan.", (6, "exact", "months", "enam bulan")),
    ("Sebelas kenderaan perisai diserahkan.", (11, "exact", "vehicles", "Sebelas kenderaan")),
    ("Dua belas dron dibeli.", (12, "exact", "drones", "Dua belas dron")),
    ("Dua puluh lima pelajar menerima biasiswa.", (25, "exact", "people", "Dua puluh lima pelajar")),
    ("Seribu askar dikerahkan ke sempadan.", (1000, "exact", "people", "Seribu askar")),
]

ENGLISH = [
    ("The exercise involved about 600 troops from both navies.", (600, "approx", "participants", "about 600 troops")),
    ("A 40-member medical team left for Manila.", (40, "exact", "people", "40-member")),
    ("A 300-strong contingent joined the drill.", (300, "exact", "people", "300-strong")),
    ("Around 150 Indonesians were evacuated.", (150, "approx", "people", "Around 150 Indonesians")),
    ("The package includes training for 12 pilots.", (12, "exact", "people", "12 pilots")),
    ("The firm pledged an estimated initial outlay of US$30 million.", (30000000, "approx", "USD", "US$30 million")),
    ("The two navies signed three memoranda of understanding.", (3, "exact", "MoUs", "three memoranda of understanding")),
    ("The seminar drew about 150 participants.", (150, "approx", "participants", "about 150 participants")),
    ("More than 20 defence companies took part.", (20, "more_than", "companies", "More than 20 defence companies")),
    ("The army will receive seven Pendekar battle tanks.", (7, "exact", "tanks", "seven Pendekar battle tanks")),
    ("It will buy 31 Gempita 8x8 armoured vehicles.", (31, "exact", "vehicles", "31 Gempita 8x8 armoured vehicles")),
    ("The navy plans to acquire eight new LMS.", (8, "exact", "ships", "eight new LMS")),
    ("Three AW139 maritime helicopters will be acquired.", (3, "exact", "helicopters", "Three AW139 maritime helicopters")),
    ("The deal is worth US$2 billion.", (2000000000, "exact", "USD", "US$2 billion")),
    ("The project costs RM500 million.", (500000000, "exact", "MYR", "RM500 million")),
    ("Korea offered 3 trillion won in credit.", (3000000000000, "exact", "KRW", "3 trillion won")),
    ("Nearly 40 per cent of the budget goes to procurement.", (40, "approx", "percent", "Nearly 40 per cent")),
    ("At least 12 people were injured.", (12, "at_least", "people", "At least 12 people")),
    ("Up to 3,000 troops will join the exercise.", (3000, "up_to", "people", "Up to 3,000 troops")),
    ("Around twenty-four ships took part.", (24, "approx", "ships", "Around twenty-four ships")),
    ("Over 100 delegates attended the forum.", (100, "more_than", "participants", "Over 100 delegates")),
    ("Fewer than 10 aircraft remain in service.", (10, "less_than", "aircraft", "Fewer than 10 aircraft")),
    ("No more than 50 officials will travel.", (50, "at_most", "people", "No more than 50 officials")),
    ("The talks lasted two days.", (2, "exact", "days", "two days")),
    ("Some 1,200 refugees crossed the border.", (1200, "approx", "people", "Some 1,200 refugees")),
    ("The company signed two hundred contracts.", (200, "exact", "contracts", "two hundred contracts")),
    ("Exports grew 3.5% last year.", (3.5, "exact", "percent", "3.5%")),
    ("Ten countries sent observers.", (10, "exact", "countries", "Ten countries")),
]

NOT_QUANTITIES = [
    ("Kedua-dua negara bersetuju mengadakan rundingan dua hala.", "ms"),
    ("Malaysia menandatangani satu perjanjian dengan Korea.", "ms"),
    ("Sidang Kemuncak ASEAN ke-31 diadakan di Manila.", "ms"),
    ("Hari Ulang Tahun TUDM ke-65 disambut.", "ms"),
    ("Pesawat MH17 ditembak jatuh.", "ms"),
    ("Seminar itu diadakan pada 22 September 2025.", "ms"),
    ("Mesyuarat bermula pada jam 10.30 pagi.", "ms"),
    ("Covid-19 menjejaskan ekonomi.", "ms"),
    ("The Asean 5PC is very important.", "en"),
    ("He held a four-eyed meeting with Hun Sen.", "en"),
    ("Ties between the two countries are strong.", "en"),
    ("The army uses the F/A18D and the A400M.", "en"),
    ("It runs Retrofit New SOC 2.5 software.", "en"),
    ("This is one of the key issues.", "en"),
    ("He met three of them.", "en"),
    ("The 3rd battalion moved north.", "en"),
    ("Suspek berusia 21 tahun ditahan.", "ms"),
    ("Recruits aged 18 years and above may apply.", "en"),
    ("Under Article 5 members defend each other.", "en"),
    ("Our two countries will build together.", "en"),
    ("Kerjasama di bawah Perjanjian Pertahanan Lima Negara diteruskan.", "ms"),
    ("Britain remains a member of the Five Power Defence Arrangements.", "en"),
]


@pytest.mark.parametrize(("sentence", "expected"), MALAY)
def test_malay_quantity(sentence: str, expected: tuple | None) -> None:
    assert run(sentence, "ms") == ([expected] if expected else [])


@pytest.mark.parametrize(("sentence", "expected"), ENGLISH)
def test_english_quantity(sentence: str, expected: tuple) -> None:
    assert run(sentence, "en") == [expected]


@pytest.mark.parametrize(("sentence", "language"), NOT_QUANTITIES)
def test_not_a_quantity(sentence: str, language: str) -> None:
    assert run(sentence, language) == []


def test_table_size() -> None:
    assert len(MALAY) + len(ENGLISH) + len(NOT_QUANTITIES) >= 50


def test_ids_offsets_and_several_per_sentence() -> None:
    doc = make("Sumbangan RM3,600 dan RM20,700 diserahkan kepada 700 orang.", "ms")
    found = quantities.extract(doc)
    assert [(q.id, q.value, q.unit) for q in found] == [
        ("q1", 3600, "MYR"), ("q2", 20700, "MYR"), ("q3", 700, "people"),
    ]
    assert all(doc.text[q.start:q.end] == q.text for q in found)


def test_period_duration_is_a_quantity_but_dates_are_not() -> None:
    doc = make("Sistem itu akan dipasang dalam tempoh dua minggu mulai 1 Oktober 2025.", "ms")
    assert [(q.value, q.unit) for q in quantities.extract(doc)] == [(2, "weeks")]


def test_bad_input() -> None:
    assert run("", "ms") == []
    assert run("%%% 12,,, RM ... 1.2.3.4 -- ", "other") == []
    long_text = "Seramai 40 peserta hadir. " * 4000
    found = run(long_text, "ms")
    assert len(found) == 4000 and found[-1][:3] == (40, "exact", "participants")


def test_restated_amount_shares_the_qualifier() -> None:
    assert run("The grant is worth about 500 million yen (RM15 million).", "en") == [
        (500000000, "approx", "JPY", "about 500 million yen"), (15000000, "approx", "MYR", "RM15 million"),
    ]
    assert run("Nilainya kira-kira US$10 juta atau RM45 juta.", "ms") == [
        (10000000, "approx", "USD", "kira-kira US$10 juta"), (45000000, "approx", "MYR", "RM45 juta"),
    ]
    # a second amount that is no restatement keeps its own qualifier
    assert run("About RM5 million went to Sabah and RM3 million to Sarawak.", "en")[1][1] == "exact"


def test_ranges_give_both_ends_the_unit() -> None:
    assert run("The navy wants 8 to 12 patrol vessels.", "en") == [
        (8, "at_least", "ships", "8"), (12, "at_most", "ships", "12 patrol vessels"),
    ]
    assert run("Antara 400 dan 500 orang dipindahkan.", "ms") == [
        (400, "at_least", "people", "400"), (500, "at_most", "people", "500 orang"),
    ]
    # a change is no range; "and" without "between" is none either
    assert run("Exports rose from 5 to 8 per cent.", "en") == [(8, "exact", "percent", "8 per cent")]
    assert run("Malaysia sent 200 and Indonesia sent 300 troops.", "en") == [(300, "exact", "people", "300 troops")]


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("KUALA LUMPUR: Kerajaan membelanjakan RM4 bilion tahun lalu untuk perolehan kapal.", "ms", [(4000000000, "exact", "MYR", "RM4 bilion")]),
    ("The ministry spent US$3 billion last year on new frigates.", "en", [(3000000000, "exact", "USD", "US$3 billion")]),
])
def test_magnitude_before_a_past_year_stays_a_quantity(sentence: str, language: str, expected: list) -> None:
    assert run(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("The 12-week course will train 40 coast guard officers.", "en", [(12, "exact", "weeks", "12-week"), (40, "exact", "people", "40 coast guard officers")]),
    ("The minister began a two-day official visit to Hanoi.", "en", [(2, "exact", "days", "two-day")]),
    ("The rocket flew for about 74 minutes before it fell.", "en", [(74, "approx", "minutes", "about 74 minutes")]),
    ("Roket itu terbang selama 15 minit.", "ms", [(15, "exact", "minutes", "15 minit")]),
    ("The new shipyard will create about 300 jobs in Perak.", "en", [(300, "approx", "jobs", "about 300 jobs")]),
    ("Kilang itu akan mewujudkan kira-kira 500 peluang pekerjaan.", "ms", [(500, "approx", "jobs", "kira-kira 500 peluang pekerjaan")]),
    ("Police recorded over 2,000 online fraud incidents last quarter.", "en", [(2000, "more_than", "incidents", "over 2,000 online fraud incidents")]),
    ("Sebanyak 45 insiden pencerobohan direkodkan.", "ms", [(45, "exact", "incidents", "Sebanyak 45 insiden")]),
    ("Pasukan itu akan membina tiga pos kawalan baharu.", "ms", [(3, "exact", "posts", "tiga pos")]),
    ("The navy seized two oil tankers carrying 5 million barrels of crude.", "en", [(2, "exact", "tankers", "two oil tankers"), (5000000, "exact", "barrels", "5 million barrels")]),
    ("Maritim menahan dua kapal tangki asing.", "ms", [(2, "exact", "tankers", "dua kapal tangki")]),
    ("Japan will offer 15 additional training slots next year.", "en", [(15, "exact", "slots", "15 additional training slots")]),
    ("The agency needs more than 3,000 cyber-security professionals.", "en", [(3000, "more_than", "people", "more than 3,000 cyber-security professionals")]),
    ("Kemajuan fizikal kapal itu baru mencecah 40 peratus.", "ms", [(40, "exact", "percent", "mencecah 40 peratus")]),
])
def test_more_counted_things(sentence: str, language: str, expected: list) -> None:
    assert run(sentence, language) == expected


# ================================================================ unseen news (issue 14): numbers written the
# Indonesian way, counted people and things the tables lacked, and the pair of countries that is no amount

WRITTEN = [
    ("Lebih dari 600.000 warga Venezuela telah meninggalkan negara itu.", "id", (600000, "more_than", "people")),
    ("Sekitar 1,6 juta pengungsi tiba di Kolombia tahun lalu.", "id", (1600000, "approx", "people")),
    ("Pemerintah Peru menyediakan dana sebesar US$2,5 juta untuk kamp itu.", "id", (2500000, "exact", "USD")),
    ("Seramai 1.250.000 pekebun kecil di Sabah terjejas, kata menteri Chile.", "ms", (1250000, "exact", "people")),
    ("Hampir 30.000 anggota delegasi dijangka hadir di Quito.", "id", (30000, "approx", "people")),
    ("More than 600,000 Venezuelan migrants have left the country.", "en", (600000, "more_than", "people")),
    ("About 1.6 million refugees reached Colombia last year.", "en", (1600000, "approx", "people")),
    ("Peru set aside US$2.5 million for the camp.", "en", (2500000, "exact", "USD")),
    ("Some 1,250,000 smallholders in Sabah were affected, the Chilean minister said.", "en", (1250000, "approx", "people")),
    ("Nearly 30,000 delegates are expected in Quito.", "en", (30000, "approx", None)),
]


@pytest.mark.parametrize(("text", "language", "expected"), WRITTEN)
def test_dot_thousands_and_decimal_comma(text: str, language: str, expected: tuple[int, str, str | None]) -> None:
    found = [(v, q, u) for v, q, u, _ in run(text, language)]
    assert any(v == expected[0] and q == expected[1] and (expected[2] is None or u == expected[2]) for v, q, u in found), found


@pytest.mark.parametrize(("text", "language", "value", "unit"), [
    ("Pesawat itu membawa 186 penumpang dari Lima ke Santiago.", "ms", 186, "people"),
    ("Polis Ecuador menahan 45 suspek dalam serbuan itu.", "ms", 45, "people"),
    ("Resolusi itu menjejaskan 420,000 pekebun kecil di Bolivia.", "ms", 420000, "people"),
    ("Pemimpin pembangkang Peru menemui 12 duta Kesatuan Eropah.", "ms", 12, "people"),
    ("Memorandum itu dihantar kepada 19 kedutaan di Santiago.", "ms", 19, "embassies"),
    ("The aircraft carried 186 passengers from Lima to Santiago.", "en", 186, "people"),
    ("Ecuadorian police detained 45 suspects in the raid.", "en", 45, "people"),
    ("The resolution hurts 420,000 smallholders in Bolivia.", "en", 420000, "people"),
    ("Peru's opposition leader met 12 European Union ambassadors.", "en", 12, "people"),
    ("The memorandum was sent to 19 embassies in Santiago.", "en", 19, "embassies"),
    ("Tentera laut Chile menahan 31 bot nelayan Peru.", "ms", 31, "boats"),
    ("The Chilean navy seized 31 Peruvian fishing boats.", "en", 31, "boats"),
    ("Kawasan pencarian itu meliputi 52,000 kilometer persegi.", "ms", 52000, "km2"),
    ("The search area covers 52,000 sq km.", "en", 52000, "km2"),
])
def test_counted_people_embassies_boats_and_areas(text: str, language: str, value: int, unit: str) -> None:
    assert (value, unit) in [(v, u) for v, _, u, _ in run(text, language)], run(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Kerjasama dua negara itu akan diperluas ke bidang maritim, kata Menteri Luar Chile.", "ms"),
    ("Pemimpin dua negara, Peru dan Bolivia, bertemu di La Paz.", "ms"),
    ("Hubungan dua negara semakin erat sejak 2019.", "ms"),
    ("Perdagangan antara dua negara jiran itu meningkat.", "ms"),
    ("Menteri Pertahanan dua negara menandatangani perjanjian itu.", "ms"),
    ("Cooperation between two nations, Peru and Bolivia, will widen.", "en"),
    ("Leaders of two countries, Chile and Peru, met in Lima.", "en"),
    ("Trade between two neighbouring countries rose.", "en"),
    ("Defence ministers of two countries signed the deal.", "en"),
    ("Ties between two countries have grown since 2019.", "en"),
])
def test_the_pair_of_countries_is_no_amount(text: str, language: str) -> None:
    assert [q for q in run(text, language) if q[2] == "countries"] == []


@pytest.mark.parametrize(("text", "language", "value"), [
    ("Lapan negara menyertai rundingan itu di Lima.", "ms", 8),
    ("Kira-kira tiga negara lagi dijangka menyertai pakatan itu.", "ms", 3),
    ("Eight countries joined the talks in Lima.", "en", 8),
    ("At least three more countries are expected to join.", "en", 3),
])
def test_other_counts_of_countries_stay(text: str, language: str, value: int) -> None:
    assert value in [v for v, _, u, _ in run(text, language) if u == "countries"], run(text, language)
