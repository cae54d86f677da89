"""Gatherings on unseen news (issues 13 and 14): classes of error seen on independent articles, each
tested on invented sentences in Malay and English (other names, countries and numbers)."""
# ruff: noqa: E501  (test sentences read best on one line)

from __future__ import annotations

import pytest

from test_gatherings import brief, run

# ---------------------------------------------------------------- training is no exercise

TRAINING_MS = [
    "Kadet Indonesia itu menjalani latihan ketenteraan selama enam bulan di Bandung.",
    "Semua pelajar universiti itu wajib menyertai latihan ketenteraan setiap semester, kata Menteri Pertahanan Brunei.",
    "Jurulatih Akademi Latihan Tentera Darat Thailand melatih 300 kadet setiap tahun.",
    "Pelajar awam Filipina perlu menganggotai Pasukan Latihan Pegawai Simpanan untuk membina disiplin.",
    "Graduan Institut Latihan Polis Vietnam akan ditempatkan di sempadan, kata pegawai Hanoi.",
]
TRAINING_EN = [
    "The Indonesian cadets underwent military training for six months in Bandung.",
    "All students of the Thai university must attend military training every semester.",
    "Instructors of the Army Training Academy in the Philippines train 300 cadets a year.",
    "Vietnamese police recruits graduate from the Police Training Institute in Hanoi.",
    "Brunei said its soldiers receive training in jungle warfare from Singapore.",
]


@pytest.mark.parametrize("text", TRAINING_MS + TRAINING_EN)
def test_training_and_training_institutions_are_no_exercise(text: str) -> None:
    assert [g for g in run(text) if g.kind == "exercise"] == []


@pytest.mark.parametrize("text", [
    "Tentera Indonesia dan Thailand akan mengadakan latihan ketenteraan bersama di Songkhla bulan depan.",
    "Angkatan laut Vietnam dan Filipina memulakan Latihan Samudera Biru di Laut China Selatan.",
    "Thai and Lao troops began a joint military exercise near the Mekong on Monday.",
    "The Cambodian and Vietnamese navies will hold the Blue Tide exercise in June.",
])
def test_joint_and_named_exercises_stay(text: str) -> None:
    assert [g.kind for g in run(text)] == ["exercise"]


# ---------------------------------------------------------------- ordinals beside an unnamed mention

ORDINALS = [
    ("Menteri Luar Thailand dan Vietnam mengadakan mesyuarat pertama di Bangkok semalam.", 1),
    ("Dalam pertemuan kali kedua antara Menteri Pertahanan Brunei dan Kemboja, kedua-dua pihak bersetuju menambah rondaan.", 2),
    ("Lawatan pertamanya ke Laos itu disambut oleh Perdana Menteri Laos.", 1),
    ("Menteri Luar Filipina melawat Hanoi buat kali ketiga tahun ini untuk berbincang dengan Vietnam.", 3),
    ("Presiden Indonesia mengadakan mesyuarat yang kedua dengan Perdana Menteri Thailand di Jakarta.", 2),
    ("The foreign ministers of Thailand and Vietnam held their first meeting in Bangkok.", 1),
    ("Cambodia and Laos hosted the inaugural summit of the two countries in Vientiane.", 1),
    ("The Philippine president visited Hanoi for the third time this year to meet Vietnamese leaders.", 3),
    ("Brunei's defence minister and his Cambodian counterpart held a second meeting in Phnom Penh.", 2),
    ("It was the fourth visit to Laos by the Thai prime minister.", 4),
]


@pytest.mark.parametrize(("text", "ordinal"), ORDINALS)
def test_ordinal_after_or_before_an_unnamed_mention(text: str, ordinal: int) -> None:
    found = run(text)
    assert found and found[0].ordinal == ordinal, brief(found)


@pytest.mark.parametrize("text", [
    "Pertemuan kedua pemimpin Thailand dan Vietnam itu berlangsung di Hanoi.",
    "Mesyuarat kedua-dua negara, Brunei dan Kemboja, diadakan di Bandar Seri Begawan.",
    "The meeting of the two leaders of Laos and Cambodia took place in Vientiane.",
])
def test_both_is_no_ordinal(text: str) -> None:
    assert [g.ordinal for g in run(text)] == [None]


# ---------------------------------------------------------------- repeat mentions make one record

REPEATS = [
    ("Menteri Luar Thailand menerima kunjungan hormat Duta Vietnam ke Thailand di Bangkok hari ini. "
     "Dalam pertemuan kira-kira sejam di Wisma Saranrom, kedua-dua pihak membincangkan perdagangan. "
     "Dalam pertemuan kali ketiga mereka itu sejak Januari, turut dibincangkan isu sempadan.", "meeting", ["THA", "VNM"], 3),
    ("Perdana Menteri Kemboja menerima kunjungan hormat Menteri Luar Laos di Phnom Penh. "
     "Pertemuan itu membincangkan projek empangan di Mekong.", "meeting", ["KHM", "LAO"], None),
    ("Presiden Filipina memulakan lawatan rasmi ke Brunei hari ini. "
     "Lawatan kerja Presiden Filipina ke Brunei itu atas jemputan Sultan Brunei.", "visit", ["BRN", "PHL"], None),
    ("Menteri Pertahanan Indonesia menerima kunjungan hormat Duta Thailand ke Indonesia di Jakarta. "
     "Dalam pertemuan selama 45 minit di pejabatnya, kedua-dua pihak bersetuju meningkatkan latihan.", "meeting", ["IDN", "THA"], None),
    ("Menteri Luar Vietnam menerima kunjungan hormat Duta Brunei ke Vietnam di Hanoi. "
     "Mereka turut membincangkan kerjasama maritim dalam pertemuan pertama mereka itu.", "meeting", ["BRN", "VNM"], 1),
    ("Thailand's foreign minister received a courtesy call from the Vietnamese ambassador in Bangkok today. "
     "The meeting, which lasted an hour, covered trade.", "meeting", ["THA", "VNM"], None),
    ("Cambodia's prime minister received a courtesy call from Laos' foreign minister in Phnom Penh. "
     "The meeting discussed a dam on the Mekong.", "meeting", ["KHM", "LAO"], None),
]


@pytest.mark.parametrize(("text", "kind", "parties", "ordinal"), REPEATS)
def test_repeat_mentions_make_one_record(text: str, kind: str, parties: list[str], ordinal: int | None) -> None:
    found = [g for g in run(text) if g.kind == kind]
    assert [(g.parties, g.ordinal) for g in found] == [(parties, ordinal)], brief(run(text))
    assert len(found[0].evidence) >= 2


@pytest.mark.parametrize("text", [
    "Presiden Filipina memulakan lawatan rasmi ke Brunei hari ini. "
    "Perbincangan itu menyusuli kunjungan Sultan Brunei ke Filipina pada tahun lalu.",
    "Perdana Menteri Thailand melawat Laos minggu ini. Beliau pernah melawat Kemboja pada 2019.",
    "The Philippine president began an official visit to Brunei today. "
    "It follows the Sultan of Brunei's visit to the Philippines last year.",
])
def test_a_visit_elsewhere_or_another_year_stays_apart(text: str) -> None:
    visits = [g for g in run(text) if g.kind == "visit"]
    assert len(visits) == 2, brief(visits)


# ---------------------------------------------------------------- a trip: one visit per host

TRIPS = [
    ("Presiden Filipina, dalam tur yang sudah membawanya ke Thailand, Laos dan Kemboja, tiba di Hanoi semalam.",
     {("LAO", "PHL"), ("KHM", "PHL"), ("PHL", "THA")}),
    ("Perdana Menteri Vietnam memulakan lawatan rasmi ke Indonesia, Brunei dan Filipina hari ini.",
     {("IDN", "VNM"), ("BRN", "VNM"), ("PHL", "VNM")}),
    ("Lawatan pertamanya sebagai Presiden Indonesia ialah kunjungan kenegaraan ke Thailand, Laos dan Kemboja.",
     {("IDN", "THA"), ("IDN", "LAO"), ("IDN", "KHM")}),
    ("Menteri Luar Brunei akan ke Vietnam dan Laos minggu depan.", {("BRN", "VNM"), ("BRN", "LAO")}),
    ("Presiden Kemboja akan membuat lawatan ke Thailand dan Laos. Lawatan ke Thailand dan Laos itu bermula Isnin.",
     {("KHM", "THA"), ("KHM", "LAO")}),
    ("The Philippine president, on a tour that has taken him to Thailand, Laos and Cambodia, arrived in Hanoi on Monday.",
     {("LAO", "PHL"), ("KHM", "PHL"), ("PHL", "THA")}),
    ("Vietnam's prime minister began an official visit to Indonesia, Brunei and the Philippines today.",
     {("IDN", "VNM"), ("BRN", "VNM"), ("PHL", "VNM")}),
    ("His first trip as Indonesian president is a state visit to Thailand, Laos and Cambodia.",
     {("IDN", "THA"), ("IDN", "LAO"), ("IDN", "KHM")}),
    ("Brunei's foreign minister will travel to Vietnam and Laos next week.", {("BRN", "VNM"), ("BRN", "LAO")}),
    ("The Cambodian president visited Thailand and Laos. The visit to Thailand and Laos began on Monday.",
     {("KHM", "THA"), ("KHM", "LAO")}),
]


@pytest.mark.parametrize(("text", "visits"), TRIPS)
def test_a_trip_gives_one_visit_per_host(text: str, visits: set[tuple[str, ...]]) -> None:
    found = {tuple(g.parties) for g in run(text) if g.kind == "visit"}
    assert {tuple(sorted(v)) for v in visits} <= found, found
    assert all(len(parties) == 2 for parties in found), found


# ---------------------------------------------------------------- arrivals

ARRIVALS = [
    ("Perdana Menteri Thailand tiba di Hanoi semalam untuk lawatan dua hari.", ["THA", "VNM"]),
    ("Menteri Luar Laos tiba di Phnom Penh pagi ini.", ["KHM", "LAO"]),
    ("Rombongan Presiden Filipina tiba di Brunei pada petang Isnin.", ["BRN", "PHL"]),
    ("Menteri Pertahanan Indonesia tiba ke Bangkok malam tadi.", ["IDN", "THA"]),
    ("Presiden Vietnam tiba di Vientiane pada Khamis.", ["LAO", "VNM"]),
    ("The Thai prime minister arrived in Hanoi on Monday for a two-day visit.", ["THA", "VNM"]),
    ("Laos' foreign minister arrived in Phnom Penh this morning.", ["KHM", "LAO"]),
    ("The Philippine delegation arrived in Brunei on Tuesday evening.", ["BRN", "PHL"]),
    ("Indonesia's defence minister arrives in Bangkok tonight.", ["IDN", "THA"]),
    ("The Vietnamese president will arrive in Vientiane on Thursday.", ["LAO", "VNM"]),
]


@pytest.mark.parametrize(("text", "parties"), ARRIVALS)
def test_a_person_arriving_is_a_visit(text: str, parties: list[str]) -> None:
    assert [(g.kind, g.parties) for g in run(text)] == [("visit", parties)]


@pytest.mark.parametrize("text", [
    "Kedua-dua pesawat Thailand tiba di Hanoi pada 12 Mac untuk operasi mencari.",
    "Sebuah kapal kargo Filipina tiba di Brunei semalam.",
    "Both Indian aircraft arrived in Vietnam on March 12 to join the search.",
    "A Philippine cargo ship arrived in Brunei yesterday.",
    "Refugees from Laos arrived in Thailand on foot.",
])
def test_vehicles_and_crowds_arriving_are_no_visit(text: str) -> None:
    assert [g for g in run(text) if g.kind == "visit"] == []


# ---------------------------------------------------------------- calling on someone

@pytest.mark.parametrize(("text", "parties"), [
    ("The Thai ambassador called on Vietnam's Prime Minister Nguyen Van Lam in Hanoi.", ["THA", "VNM"]),
    ("Laos' foreign minister called on Cambodian Prime Minister Hun Vira on Monday.", ["KHM", "LAO"]),
    ("The Philippine envoy will call on Brunei's foreign minister next week.", ["BRN", "PHL"]),
    ("Indonesia's new ambassador calls on Thai Prime Minister Somchai Rakdee today.", ["IDN", "THA"]),
    ("The Vietnamese defence minister called on Lao President Khamla Vong in Vientiane.", ["LAO", "VNM"]),
])
def test_calling_on_someone_is_a_meeting(text: str, parties: list[str]) -> None:
    assert [(g.kind, g.parties) for g in run(text)] == [("meeting", parties)]


@pytest.mark.parametrize("text", [
    "Thailand called on Vietnam to release the fishermen.",
    "The Philippines called on Brunei to respect the ruling.",
    "Laos calls on Cambodia to reopen the border crossing.",
    "Indonesia's foreign minister called on Thailand to end the violence.",
    "Vietnam's president called on Laos to share dam data.",
])
def test_calling_on_a_country_to_act_is_no_meeting(text: str) -> None:
    assert [g for g in run(text) if g.kind == "meeting"] == []


# ---------------------------------------------------------------- a body's gathering, Indonesian words

BODIES = [
    ("Perdana Menteri Thailand berucap pada sidang kemuncak luar biasa Pertubuhan Kerjasama Islam di Ankara.", "summit", "Pertubuhan Kerjasama Islam"),
    ("Menteri Luar Vietnam hadir pada mesyuarat tergempar Majlis Keselamatan Pertubuhan Bangsa-Bangsa Bersatu.", "meeting", "Majlis Keselamatan"),
    ("Pada rapat Dewan Keamanan PBB, Rabu, para diplomat Indonesia membicarakan perubahan iklim.", "meeting", "Dewan Keamanan"),
    ("Menteri Luar Laos menghadiri persidangan tahunan Pertubuhan Kesihatan Sedunia di Geneva.", "conference", "Pertubuhan Kesihatan Sedunia"),
    ("Presiden Filipina menghadiri sidang kemuncak khas Kesatuan Afrika di Addis Ababa.", "summit", "Kesatuan Afrika"),
    ("Thailand's prime minister spoke at the extraordinary Organisation of Islamic Cooperation summit in Ankara.", "summit", "Organisation of Islamic Cooperation"),
    ("Vietnam's foreign minister attended an emergency United Nations Security Council meeting.", "meeting", "Security Council"),
    ("Indonesian diplomats spoke at the UN Security Council meeting on Wednesday.", "meeting", "Security Council"),
    ("Laos' foreign minister attended the annual World Health Organization conference in Geneva.", "conference", "World Health Organization"),
    ("The Philippine president attended the special African Union summit in Addis Ababa.", "summit", "African Union"),
]


@pytest.mark.parametrize(("text", "kind", "name"), BODIES)
def test_a_bodys_gathering_takes_its_name(text: str, kind: str, name: str) -> None:
    found = [g for g in run(text) if g.kind == kind]
    assert found and name in (found[0].name or ""), brief(run(text))


@pytest.mark.parametrize("text", [
    "Hubungan rapat antara Thailand dan Vietnam perlu dikekalkan.",
    "Kedua-dua negara, Laos dan Kemboja, menjalin kerjasama yang rapat.",
    "Indonesia dan Filipina bekerja rapat dalam isu maritim.",
    "Negara-negara Anggota Pertubuhan Persidangan Islam mengutuk serangan itu, kata Menteri Luar Brunei.",
    "Negara-negara anggota Organisasi Konferensi Islam mengecam serangan itu, kata Menteri Luar Brunei.",
    "Thailand and Vietnam keep close ties, the Thai foreign minister said.",
])
def test_close_ties_and_a_body_named_conference_are_no_gathering(text: str) -> None:
    assert run(text) == []


@pytest.mark.parametrize(("text", "kind"), [
    ("Presiden Indonesia dan Presiden Filipina bertemu pada pertemuan puncak di Manila.", "summit"),
    ("KTT ASEAN di Jakarta dihadiri Presiden Indonesia dan Perdana Menteri Thailand.", "summit"),
    ("Menteri Luar Indonesia berbicara pada konferensi tingkat tinggi di Hanoi bersama Vietnam.", "summit"),
    ("Menteri Pertahanan Indonesia membuka konferensi keamanan maritim bersama Filipina di Jakarta.", "conference"),
    ("Presiden Indonesia melakukan kunjungan kenegaraan ke Vietnam pekan depan.", "visit"),
    ("Indonesia dan Thailand mengadakan konsultasi tahunan di Bangkok.", "meeting"),
    ("Thailand and Vietnam held bilateral consultations in Hanoi.", "meeting"),
    ("Indonesian and Philippine officials held consultations in Manila on Monday.", "meeting"),
    ("The Indonesian president met the Philippine president at the summit in Manila.", "summit"),
    ("Indonesia's foreign minister spoke at the conference in Hanoi with Vietnam.", "conference"),
])
def test_indonesian_and_consultation_words(text: str, kind: str) -> None:
    assert kind in [g.kind for g in run(text)], brief(run(text))
