"""Gatherings layer: Malay and English mentions, names and ordinals, parties, merging, attendance."""
# ruff: noqa: E501  (test sentences read best on one line)

from __future__ import annotations

import pytest

from jalin.doc import Doc
from jalin.extract import gatherings, quantities
from jalin.extract.actors import layer as actors
from jalin.extract.times import layer as times
from jalin.lexicon import load_lexicon
from jalin.model import Actor, Gathering, TextSpan
from jalin.text import prepare


def make(text: str, people: tuple[tuple[str, str], ...] = (), published: str | None = "2025-09-22") -> Doc:
    """A document with the earlier layers run; `people` adds PERSON actors (name, country) by hand."""
    doc = prepare(text, published=published, id="g", title=None, url=None, source=None,
                  metadata={}, lexicon=load_lexicon())
    doc.actors = actors.extract(doc)
    for name, country in people:
        start = text.index(name)
        doc.actors.append(Actor(id=f"p{len(doc.actors)}", type="PERSON", name=name, country=country,
                                mentions=[TextSpan(start, start + len(name), name)]))
    doc.times = times.extract(doc)
    doc.quantities = quantities.extract(doc)
    return doc


def run(text: str, people: tuple[tuple[str, str], ...] = ()) -> list[Gathering]:
    return gatherings.extract(make(text, people))


def brief(found: list[Gathering]) -> list[tuple[str, str | None, int | None, list[str]]]:
    return [(g.kind, g.name, g.ordinal, g.parties) for g in found]


def test_named_seminar_with_ordinal_attendance_and_a_later_mention() -> None:
    text = ("Menteri itu berucap semasa ucaptama Seminar Kedua Kerjasama Industri Pertahanan Malaysia-Jepun "
            "di Kuala Lumpur hari ini. Seminar tersebut disertai kira-kira 200 peserta. "
            "Lebih 15 syarikat turut mengambil bahagian.")
    found = run(text)
    assert brief(found) == [
        ("seminar", "Seminar Kedua Kerjasama Industri Pertahanan Malaysia-Jepun", 2, ["JPN", "MYS"])
    ]
    seminar = found[0]
    assert seminar.location == "Kuala Lumpur" and seminar.time == "t1"
    assert seminar.attendance == ["q1", "q2"]
    assert [text[e.start:e.end] for e in seminar.evidence] == [
        "Seminar Kedua Kerjasama Industri Pertahanan Malaysia-Jepun", "Seminar",
    ]


def test_english_named_conference_with_ordinal() -> None:
    found = run("Ministers from Malaysia and Indonesia attended the 17th Shangri-La Dialogue in Singapore on Friday.")
    assert brief(found) == [("conference", "17th Shangri-La Dialogue", 17, ["IDN", "MYS"])]
    assert found[0].location == "Singapore"


def test_visit_to_several_countries_is_one_visit_per_host() -> None:
    found = run("Perdana Menteri India akan mengadakan lawatan rasmi ke Indonesia, Singapura dan Malaysia minggu depan. "
                "Lawatan itu membolehkan beliau membincangkan isu serantau.")
    assert brief(found) == [
        ("visit", None, None, ["IDN", "IND"]), ("visit", None, None, ["IND", "SGP"]),
        ("visit", None, None, ["IND", "MYS"]),
    ]
    assert all(g.time == "t1" for g in found)
    assert len(found[-1].evidence) == 2  # "Lawatan itu" points back to the last one


def test_receiving_a_courtesy_call_is_a_meeting() -> None:
    found = run("Timbalan Perdana Menteri Malaysia menerima kunjungan hormat daripada Duta Besar Jepun semalam.")
    assert brief(found) == [("meeting", None, None, ["JPN", "MYS"])]


def test_courtesy_call_paid_is_a_visit_with_people_as_parties() -> None:
    found = run("Kono melakukan kunjungan hormat ke atas Mahathir di Perdana Putra.",
                people=(("Kono", "JPN"), ("Mahathir", "MYS")))
    assert brief(found) == [("visit", None, None, ["JPN", "MYS"])]
    assert found[0].location == "Perdana Putra"


def test_english_meeting_after_a_quotation_takes_its_own_clause() -> None:
    text = ("'The crisis in Myanmar is serious,' he told reporters after a four-eyed meeting with "
            "his Cambodian counterpart Hun Sen and Ismail Sabri at the Peace Palace.")
    found = run(text, people=(("Ismail Sabri", "MYS"),))
    assert brief(found) == [("meeting", None, None, ["KHM", "MYS"])]


def test_one_sided_meeting_takes_the_articles_country() -> None:
    text = ("Malaysia akan membeli dua kapal. Malaysia juga menambah pesawat. "
            "Perdana Menteri mengadakan pertemuan dengan Duta Besar Thailand.")
    assert brief(run(text)) == [("meeting", None, None, ["MYS", "THA"])]


def test_exhibition_acronym_and_stacked_words() -> None:
    found = run("Malaysia dan Turkiye menandatangani perjanjian semasa pameran LIMA 2025 di Langkawi.")
    assert brief(found) == [("exhibition", "LIMA 2025", None, ["MYS", "TUR"])]


def test_same_sentence_mentions_merge() -> None:
    found = run("Presiden Amerika Syarikat menghadiri Sidang Kemuncak ASEAN ke-31 dan sidang kemuncak berkaitan "
                "di Manila, Filipina bersama Malaysia.")
    assert brief(found) == [("summit", "Sidang Kemuncak ASEAN ke-31", 31, ["MYS", "USA"])]
    assert len(found[0].evidence) == 2


def test_not_gatherings() -> None:
    for text in (
        "Dialog semata-mata tidak mencukupi untuk Malaysia.",
        "Lima orang pegawai Malaysia hadir.",
        "Kongres AS meluluskan akta itu.",
        "Ia berlangsung di Pusat Dagangan dan Pameran Antarabangsa Lutfi Kirdar, Turki.",
        "Mesyuarat itu ditangguhkan.",  # no country anywhere: nobody to name as a party
        "Pertemuan Najib dan Trump tidak dirancang.",  # no country in the text
    ):
        assert run(text) == [], text


def test_bad_input() -> None:
    assert run("") == []
    assert run("#### ;;; ??? mesyuarat @@@") == []
    long_text = "Malaysia dan Jepun mengadakan mesyuarat di Tokyo. " * 2000
    found = run(long_text)
    assert brief(found) == [("meeting", None, None, ["JPN", "MYS"])]
    assert len(found[0].evidence) == 2000


def test_name_runs_past_its_acronym_to_the_ordinal() -> None:
    found = run("Menteri Pertahanan Malaysia merasmikan Persidangan dan Pameran Perkhidmatan Pertahanan Asia (DSA) ke-16 hari ini.")
    assert brief(found) == [
        ("conference", "Persidangan dan Pameran Perkhidmatan Pertahanan Asia (DSA) ke-16", 16, ["MYS"])
    ]


def test_english_gerund_and_conference_call_are_no_gatherings() -> None:
    assert run("Police stopped her from meeting her clients in Malaysia.") == []
    assert run("The Malaysian firm said on a conference call that sales rose.") == []
    assert brief(run("Malaysia and Japan held a meeting in Tokyo.")) == [("meeting", None, None, ["JPN", "MYS"])]


def test_location_falls_back_to_the_dateline_only_for_the_reports_day() -> None:
    text = ("PUTRAJAYA: Malaysia dan Jepun mengadakan mesyuarat dua hala hari ini. "
            "Malaysia dan Korea Selatan mengadakan rundingan di Seoul bulan lalu.")
    found = run(text)
    assert [(g.kind, g.location) for g in found] == [("meeting", "PUTRAJAYA"), ("talks", "Seoul")]
    past = run("PUTRAJAYA: Malaysia dan Jepun mengadakan mesyuarat dua hala bulan lalu.")
    assert [(g.kind, g.location) for g in past] == [("meeting", None)]


# ---------------------------------------------------------------- general conventions (round 2)


def test_possessive_name_with_ordinal_and_the_host_of_a_meeting_held_here() -> None:
    text = ("MANILA, March 3 (Bernama) -- Malaysia's navy chief said cooperation would grow at the "
            "end of the 9th ASEAN Navy Chiefs' Meeting (ANCM) here today.")
    assert brief(run(text)) == [("meeting", "9th ASEAN Navy Chiefs' Meeting (ANCM)", 9, ["MYS", "PHL"])]


def test_name_runs_left_across_and_and_its_acronym_is_no_party() -> None:
    text = ("Malaysia signed the letter on the third day of the Langkawi International Maritime and "
            "Aerospace Exhibition (LIMA) 2027.")
    assert brief(run(text)) == [
        ("exhibition", "Langkawi International Maritime and Aerospace Exhibition (LIMA) 2027", None, ["MYS"])
    ]


def test_ordinal_beside_the_name() -> None:
    malay = "Seramai 900 anggota Malaysia dan Thailand menyertai Latihan Bersama Sayang Siam siri keenam di Perlis."
    assert brief(run(malay)) == [("exercise", "Latihan Bersama Sayang Siam", 6, ["MYS", "THA"])]
    english = "Malaysia will host the fifth edition of the Langkawi Maritime Dialogue with Japan."
    assert brief(run(english)) == [("conference", "Langkawi Maritime Dialogue", 5, ["JPN", "MYS"])]


def test_talks_only_when_held() -> None:
    assert run("Malaysia wants the dispute with Vietnam settled through negotiations.") == []
    assert run("Malaysia tetap mahu isu itu diselesaikan melalui rundingan dengan Filipina.") == []
    assert brief(run("Malaysia dan Thailand mengadakan rundingan di Bangkok semalam.")) == [
        ("talks", None, None, ["MYS", "THA"])
    ]
    assert brief(run("Japan and Malaysia issued a statement after the talks.")) == [
        ("talks", None, None, ["JPN", "MYS"])
    ]


def test_a_class_of_exercises_is_no_exercise() -> None:
    text = "Malaysia dan Indonesia mahu latihan bersama seperti Latihan Elang Malindo diperluas."
    assert brief(run(text)) == [("exercise", "Latihan Elang Malindo", None, ["IDN", "MYS"])]


def test_a_national_body_meets_alone() -> None:
    text = "Keputusan itu dibuat dalam mesyuarat Jemaah Menteri semalam selepas tawaran daripada Perancis."
    assert brief(run(text)) == [("meeting", "mesyuarat Jemaah Menteri", None, ["MYS"])]


def test_a_meeting_pointing_back_to_a_call() -> None:
    text = ("Menteri Pertahanan Jepun mengadakan kunjungan hormat ke atas Menteri Pertahanan Malaysia hari ini. "
            "Dalam pertemuan selama dua jam itu, kedua-dua menteri membincangkan keselamatan maritim.")
    found = run(text)
    assert brief(found) == [("visit", None, None, ["JPN", "MYS"])]
    assert len(found[0].evidence) == 2


def test_a_trip_to_a_city_is_a_visit_to_its_country() -> None:
    assert brief(run("Menteri Luar Malaysia berkata beliau akan ke Tokyo minggu depan.")) == [
        ("visit", None, None, ["JPN", "MYS"])
    ]
    assert run("Beliau akan ke pejabat esok.") == []


def test_a_ceremony_pointing_back_shares_the_sides_of_the_sentence_before() -> None:
    text = ("Malaysia dan Perancis hari ini memeterai perjanjian kerjasama pertahanan. "
            "Majlis pemeteraian itu berlangsung pada hari kedua Pameran Perkhidmatan Pertahanan Asia (DSA) 2026.")
    assert brief(run(text)) == [
        ("exhibition", "Pameran Perkhidmatan Pertahanan Asia (DSA) 2026", None, ["FRA", "MYS"])
    ]


def test_a_visit_pointing_back_finds_no_meeting_and_the_inferred_date_places_it() -> None:
    text = ("HANOI, May 5 — Malaysia and Vietnam held a meeting here today, in 2024. "
            "The exchange of visits between the two countries will grow.")
    doc = make(text, published=None)
    found = gatherings.extract(doc)
    assert [(g.kind, g.location, g.parties) for g in found] == [
        ("meeting", "HANOI", ["MYS", "VNM"]), ("visit", "HANOI", ["MYS", "VNM"]),
    ]


def test_a_visit_whose_destination_comes_after_a_few_words_is_the_same_visit() -> None:
    text = ("Perdana Menteri Malaysia akan mengadakan lawatan rasmi ke Thailand minggu depan. "
            "Beliau akan bertemu rakan sejawatnya semasa lawatan tiga harinya ke Bangkok itu.")
    found = run(text)
    assert brief(found) == [("visit", None, None, ["MYS", "THA"])]
    assert len(found[0].evidence) == 2
    assert brief(run("Malaysia dan Vietnam bersetuju membuat rundingan lanjut.")) == [
        ("talks", None, None, ["MYS", "VNM"])
    ]


def test_bracketed_acronym_of_several_words_keeps_the_edition_and_a_numbered_lowercase_mention_is_another_edition() -> None:
    text = ("MELAKA: Perjanjian itu dimuktamadkan pada Mesyuarat Jawatankuasa Sempadan Bersama Malaysia-Thailand "
            "(JBC Malthai) ke-12 yang berakhir di sini hari ini. Mesyuarat dua hari itu berjalan lancar. "
            "Menurutnya, mesyuarat JBC ke-13 akan diadakan di Thailand tahun depan.")
    assert brief(run(text)) == [
        ("meeting", "Mesyuarat Jawatankuasa Sempadan Bersama Malaysia-Thailand (JBC Malthai) ke-12", 12, ["MYS", "THA"]),
        ("meeting", "mesyuarat JBC ke-13", 13, ["MYS", "THA"]),
    ]


def test_english_name_before_a_lowercase_trigger_and_the_acronym_mention_merges() -> None:
    text = ("KUALA LUMPUR, May 6 (Bernama) -- A Malaysian firm and a German maker signed a deal on the "
            "first day of the Asia Naval Show (ANS) 2027 exhibition here.")
    assert brief(run(text)) == [("exhibition", "Asia Naval Show (ANS) 2027 exhibition", None, ["DEU", "MYS"])]


def test_an_unnamed_exercise_takes_the_name_given_later_and_both_sides_fill_a_named_one() -> None:
    text = ("LUMUT: Malaysia dan Thailand bersetuju memperluas latihan bersama di Selat Melaka. "
            "Menurutnya, kedua-dua angkatan laut akan mengadakan Latihan Samudera Perkasa edisi ke-9 pada Ogos ini.")
    assert brief(run(text)) == [("exercise", "Latihan Samudera Perkasa", 9, ["MYS", "THA"])]


def test_bilateral_meetings_with_several_counterparts_are_one_meeting_each() -> None:
    text = ("PUTRAJAYA, Jan 5 (Bernama) -- Malaysian Defence Minister Ali Hassan is scheduled to hold bilateral "
            "meetings with his Thai and Vietnamese counterparts tomorrow.")
    assert brief(run(text, (("Ali Hassan", "MYS"),))) == [
        ("meeting", None, None, ["MYS", "THA"]),
        ("meeting", None, None, ["MYS", "VNM"]),
    ]


def test_bilateral_talks_with_several_stay_one_round() -> None:
    text = ("PUTRAJAYA, Jan 5 (Bernama) -- Ali Hassan said he held bilateral talks with his counterparts "
            "from Thailand and Vietnam on the sidelines of the meeting.")
    assert [g.parties for g in run(text, (("Ali Hassan", "MYS"),)) if g.kind == "talks"] == [["MYS", "THA", "VNM"]]


def test_a_forum_named_as_a_channel_is_no_session() -> None:
    assert run("He said dialogue with Myanmar must continue through the East Asia Security Forum (EASF).") == []
    assert run("Beliau berkata dialog dengan Myanmar perlu diteruskan melalui Forum Keselamatan Asia Timur.") == []
    assert brief(run("Malaysia dan Thailand akan menghadiri Forum Keselamatan Asia Timur di Bangkok.")) == [
        ("conference", "Forum Keselamatan Asia Timur", None, ["MYS", "THA"])
    ]


def test_a_verb_of_meeting_needs_someone_named_after_it() -> None:
    text = ("PUTRAJAYA, Jan 5 (Bernama) -- Officials from the Foreign Ministry will meet Japanese embassy "
            "representatives next week. The new plant will meet the demand for spare parts.")
    assert brief(run(text)) == [("meeting", None, None, ["JPN", "MYS"])]
    assert brief(run("Menteri itu dijadual bertemu dengan Menteri Luar Jepun esok.")) == [("meeting", None, None, ["JPN"])]


def test_a_country_someone_leaves_for_afterwards_is_no_side() -> None:
    text = ("Menteri Pertahanan Australia dijadual bertemu Perdana Menteri Malaysia esok sebelum berlepas ke Singapura.")
    assert [g.parties for g in run(text)] == [["AUS", "MYS"]]
    text = "The Thai minister will meet Malaysian officials tomorrow before leaving for Manila."
    assert [g.parties for g in run(text)] == [["MYS", "THA"]]


def test_a_visit_to_a_city_is_hosted_by_its_country_and_what_is_said_there_is_no_side() -> None:
    text = ("PUTRAJAYA (May 10): A US official said on Wednesday during a visit to Kuala Lumpur that banks "
            "handling Iranian crude risked sanctions.")
    assert [(g.kind, g.parties) for g in run(text)] == [("visit", ["MYS", "USA"])]
    text = ("Malaysia dan Jepun akan memperluas kerjasama. Menteri Pertahanan Jepun berkata semasa lawatan ke "
            "Kuala Lumpur bahawa syarikat Iran tidak akan dibenarkan beroperasi di Malaysia.")
    assert [(g.kind, g.parties) for g in run(text)] == [("visit", ["JPN", "MYS"])]


# ================================================================ unseen news (issues 13 and 14):
# classes of error seen on independent articles, each on invented Malay and English sentences

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
