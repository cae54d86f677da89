"""The agreements layer on sentences written for these tests (Malay and English), on the seed, and
on bad input. The layers it reads (countries, speaker, times, modes) are replaced by exact
stand-ins (tests/agreement_fakes.py) so each assertion tests this layer's own rules."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agreement_fakes import brief, install, make_doc, run
from helpers import SHARED_DIR
from jalin.extract.agreements import layer as agreements
from jalin.model import AGREEMENT_STATUSES, AGREEMENT_TYPES, Actor

SHARED = SHARED_DIR


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    install(monkeypatch)


# ---------------------------------------------------------------- every type, both languages

@pytest.mark.parametrize(("text", "expected"), [
    ("Malaysia dan Perancis menandatangani perjanjian kerjasama pertahanan di Paris semalam.",
     ("defence_cooperation", ["FRA", "MYS"], "signed")),
    ("Malaysia menandatangani memorandum persefahaman (MoU) dengan Jepun mengenai latihan.",
     ("mou", ["JPN", "MYS"], "signed")),
    ("Kementerian itu menyerahkan surat niat kepada sebuah syarikat dari Turkiye.",
     ("loi", ["MYS", "TUR"], "unknown")),
    ("Kerajaan menganugerahkan kontrak pertahanan bernilai RM1 bilion kepada syarikat tempatan.",
     ("procurement_contract", ["MYS"], "signed")),
    ("Malaysia sedang merundingkan perjanjian perolehan kerajaan dengan kerajaan (G2G) "
     "bersama Korea Selatan.",
     ("g2g_procurement", ["KOR", "MYS"], "negotiating")),
    ("Malaysia dan Indonesia memeterai perjanjian rangka kerja kerjasama maritim.",
     ("framework", ["IDN", "MYS"], "signed")),
    ("Syarikat tempatan itu menubuhkan usaha sama dengan sebuah firma Itali.",
     ("joint_venture", ["ITA", "MYS"], "unknown")),
    ("Malaysia dan Singapura menandatangani satu perjanjian baharu.",
     ("other", ["MYS", "SGP"], "signed")),
    ("Malaysia and France signed a defence cooperation agreement in Paris on Monday.",
     ("defence_cooperation", ["FRA", "MYS"], "signed")),
    ("Malaysia signed a memorandum of understanding with Japan on training.",
     ("mou", ["JPN", "MYS"], "signed")),
    ("The ministry issued a letter of intent to a shipbuilder from Turkey.",
     ("loi", ["MYS", "TUR"], "unknown")),
    ("The government awarded the defence contract to a local company.",
     ("procurement_contract", ["MYS"], "signed")),
    ("Malaysia is negotiating a government-to-government deal with South Korea.",
     ("g2g_procurement", ["KOR", "MYS"], "negotiating")),
    ("Malaysia and Indonesia inked a framework agreement on maritime trade.",
     ("framework", ["IDN", "MYS"], "signed")),
    ("The local firm formed a joint venture with a company from Italy.",
     ("joint_venture", ["ITA", "MYS"], "unknown")),
    ("Malaysia and Singapore signed a new treaty.",
     ("other", ["MYS", "SGP"], "signed")),
])
def test_types(text, expected):
    assert brief(text) == [expected]


@pytest.mark.parametrize("text", [
    "Malaysia dan Jepun menandatangani perjanjian kerjasama teknikal (MoU) semalam.",
    "Malaysia and Japan signed a cooperation agreement (MoU) on Monday.",
])
def test_bracketed_acronym_gives_the_kind(text):
    found = run(text)
    assert [(g["type"], g["parties"], g["status"]) for g in found] == [("mou", ["JPN", "MYS"], "signed")]
    assert found[0]["label"].endswith("(MoU)")


def test_cooperation_agreement_is_defence_cooperation_only_in_a_defence_sentence():
    assert brief("Malaysia and Japan signed a cooperation agreement on tourism.") == [
        ("other", ["JPN", "MYS"], "signed")]
    assert brief("Malaysia and Japan signed a cooperation agreement on defence.") == [
        ("defence_cooperation", ["JPN", "MYS"], "signed")]


def test_label_is_the_phrase_as_written_with_its_name_and_acronym():
    [g] = run("Malaysia akan mempercepatkan satu perjanjian perolehan kerajaan dengan kerajaan (G2G) "
              "bersama Jepun.")
    assert g["label"] == "perjanjian perolehan kerajaan dengan kerajaan (G2G)"
    [g] = run("He said Malaysia and Japan will strengthen the Maritime Cooperation Arrangement (MCA) soon.")
    assert g["label"] == "Maritime Cooperation Arrangement (MCA)"
    [g] = run("Malaysia ratified the Comprehensive and Progressive Agreement for Trans-Pacific Partnership "
              "(CPTPP) with Japan.")
    assert g["label"] == "Comprehensive and Progressive Agreement for Trans-Pacific Partnership (CPTPP)"


# ---------------------------------------------------------------- every status, both languages

@pytest.mark.parametrize(("text", "status"), [
    ("Malaysia mencadangkan satu perjanjian kerjasama dengan Jepun.", "proposed"),
    ("Malaysia proposed a cooperation agreement with Japan.", "proposed"),
    ("Malaysia dan Jepun sedang merundingkan satu perjanjian perdagangan.", "negotiating"),
    ("An agreement with Japan is being negotiated.", "negotiating"),
    ("Perjanjian dengan Jepun itu akan dibentangkan untuk kelulusan Jemaah Menteri.", "pending_approval"),
    ("The agreement with Japan is awaiting Cabinet approval.", "pending_approval"),
    ("Jemaah Menteri telah meluluskan perjanjian dengan Jepun itu.", "approved"),
    ("The Cabinet approved the agreement with Japan.", "approved"),
    ("Malaysia menandatangani perjanjian dengan Jepun semalam.", "signed"),
    ("Malaysia signed an agreement with Japan yesterday.", "signed"),
    ("Perjanjian antara Malaysia dan Jepun itu berkuat kuasa hari ini.", "in_force"),
    ("The agreement between Malaysia and Japan entered into force today.", "in_force"),
    ("Perjanjian antara Malaysia dan Jepun telah dilaksanakan sepenuhnya.", "implemented"),
    ("The agreement between Malaysia and Japan has been fully implemented.", "implemented"),
    ("Perjanjian antara Malaysia dan Jepun itu tergendala sejak tahun lalu.", "stalled"),
    ("The deal between Malaysia and Japan has stalled.", "stalled"),
    ("Kerajaan membatalkan kontrak pertahanan dengan syarikat Itali itu.", "cancelled"),
    ("The government cancelled its defence contract with a firm from Italy.", "cancelled"),
    ("Malaysia dan Jepun belum menandatangani perjanjian itu.", "negotiating"),
    ("Kerajaan menangguhkan kontrak pertahanan dengan syarikat Itali itu.", "stalled"),
    ("The government called off the defence contract with a firm from Italy.", "cancelled"),
    ("Malaysia dan Jepun memperbaharui perjanjian pertahanan itu semalam.", "signed"),
    ("Malaysia and Japan will renew the defence pact next year.", "negotiating"),
    ("Malaysia dan Jepun bertukar memorandum persefahaman (MoU) pertahanan semalam.", "signed"),
    ("Malaysia and Japan exchanged a memorandum of understanding on defence.", "signed"),
])
def test_statuses(text, status):
    assert [g["status"] for g in run(text)] == [status]


@pytest.mark.parametrize("text", [
    "Malaysia akan menandatangani perjanjian dengan Jepun bulan depan.",
    "Malaysia will sign an agreement with Japan next month.",
    "Malaysia is expected to sign an agreement with Japan.",
])
def test_will_sign_is_not_signed(text):
    [g] = run(text)
    assert g["status"] == "negotiating"
    assert [(x["kind"], x["state"]) for x in g["milestones"]] == [("signing", "expected")]


def test_signed_after_the_head_is_done_even_after_a_future_verb():
    [g] = run("Malaysia will honour the agreement signed with Japan last year.")
    assert (g["status"], g["milestones"][0]["state"]) == ("signed", "done")


@pytest.mark.parametrize("text", [
    "Malaysia signed an MoU with Japan, while a defence contract with France was cancelled.",
    "Malaysia menandatangani MoU dengan Jepun manakala kontrak pertahanan dengan Perancis dibatalkan.",
])
def test_two_agreements_in_one_sentence_keep_their_own_words(text):
    assert brief(text) == [
        ("mou", ["JPN", "MYS"], "signed"), ("procurement_contract", ["FRA", "MYS"], "cancelled")]


def test_latest_stage_across_the_document_wins():
    text = ("Malaysia dan Jepun sedang merundingkan satu perjanjian perdagangan. "
            "Perjanjian itu ditandatangani pada Oktober. Perjanjian itu kemudian tergendala.")
    [g] = run(text)
    assert g["status"] == "stalled"
    assert len(g["evidence"]) == 3


# ---------------------------------------------------------------- milestones and times

def test_cabinet_approval_milestone_with_its_deadline_malay():
    text = ("Malaysia sedang mempercepatkan satu perjanjian dengan Jepun. Perjanjian itu dijangka "
            "dibentangkan untuk kelulusan Jemaah Menteri menjelang Oktober.")
    [g] = run(text, time_words={"menjelang Oktober": ("2025-10", "by")})
    assert g["status"] == "pending_approval"
    assert g["milestones"] == [{
        "kind": "cabinet_approval", "state": "expected", "time": "t1",
        "text": "dibentangkan untuk kelulusan Jemaah Menteri menjelang Oktober",
    }]


def test_signing_done_with_its_date_english():
    [g] = run("Malaysia and Japan signed the deal in March.", time_words={"in March": ("2025-03", "on")})
    assert g["milestones"] == [
        {"kind": "signing", "state": "done", "time": "t1", "text": "signed the deal in March"}]


def test_a_signing_dated_after_the_report_is_still_expected():
    from datetime import date

    text = "The ministry is proceeding with the signing of the defence agreement with Japan in December."
    [g] = run(text, time_words={"in December": ("2025-12", "on")}, published=date(2025, 10, 24))
    assert (g["status"], g["milestones"][0]["state"]) == ("negotiating", "expected")
    [g] = run(text, time_words={"in December": ("2024-12", "on")}, published=date(2025, 10, 24))
    assert (g["status"], g["milestones"][0]["state"]) == ("signed", "done")


@pytest.mark.parametrize(("text", "kind", "status"), [
    ("The treaty between Malaysia and Japan was ratified by both parliaments.", "ratification", "signed"),
    ("Perjanjian antara Malaysia dan Jepun itu diratifikasi semalam.", "ratification", "signed"),
    ("Under the defence contract with France, the first delivery is expected next year.",
     "delivery", "signed"),
    ("Penghantaran pertama di bawah kontrak pertahanan dengan Perancis telah dibuat.",
     "delivery", "implemented"),
    ("The agreement between Malaysia and Japan takes effect today.", "entry_into_force", "in_force"),
])
def test_other_milestones(text, kind, status):
    [g] = run(text)
    assert (g["milestones"][0]["kind"], g["status"]) == (kind, status)


# ---------------------------------------------------------------- coreference and implied agreements

@pytest.mark.parametrize(("text", "expected"), [
    ("Malaysia menandatangani MoU dengan Jepun. MoU tersebut berkuat kuasa serta-merta.",
     [("mou", ["JPN", "MYS"], "in_force")]),
    ("Malaysia signed a deal with Japan. The deal takes effect immediately.",
     [("other", ["JPN", "MYS"], "in_force")]),
    ("Malaysia signed an MoU with Japan. The new agreement takes effect immediately.",
     [("mou", ["JPN", "MYS"], "in_force")]),
    ("Malaysia menandatangani MoU dengan Jepun. Perjanjian baharu itu berkuat kuasa serta-merta.",
     [("mou", ["JPN", "MYS"], "in_force")]),
])
def test_anaphors_join_the_agreement_already_found(text, expected):
    assert brief(text) == expected


def test_an_agreement_is_a_new_one():
    text = "Malaysia and Japan signed an MoU on defence. They also signed an agreement on trade with Japan."
    assert brief(text) == [("mou", ["JPN", "MYS"], "signed"), ("other", ["JPN", "MYS"], "signed")]


def test_general_word_with_the_same_parties_is_the_same_agreement():
    text = ("The Cabinet has given its approval to the government-to-government (G2G) procurement agreement "
            "between Malaysia and South Korea. The ministry will proceed with the signing of the agreement "
            "with South Korea before the end of the year. Malaysia signed a similar G2G agreement with "
            "Turkey last year.")
    found = run(text, time_words={"before the end of the year": ("2025-12", "by")})
    assert [(g["type"], g["parties"], g["status"]) for g in found] == [
        ("g2g_procurement", ["KOR", "MYS"], "approved"), ("g2g_procurement", ["MYS", "TUR"], "signed")]
    assert [(x["kind"], x["state"]) for x in found[0]["milestones"]] == [
        ("cabinet_approval", "done"), ("signing", "expected")]


def test_second_country_after_x_implies_a_signed_agreement_malay():
    text = ("Malaysia sedang mempercepatkan satu perjanjian perolehan kerajaan dengan kerajaan (G2G) bersama "
            "Jepun. Jepun akan menjadi negara kedua selepas Perancis yang menandatangani perjanjian "
            "eksklusif seumpama itu bersama Malaysia.")
    found = run(text)
    assert [(g["type"], g["parties"], g["status"], g["exclusive"], g["modes"]) for g in found] == [
        ("g2g_procurement", ["JPN", "MYS"], "negotiating", True, ["procurement"]),
        ("g2g_procurement", ["FRA", "MYS"], "signed", True, ["procurement"]),
    ]


def test_third_country_after_x_and_y_english():
    text = ("Malaysia is negotiating a government-to-government agreement with South Korea. South Korea "
            "will become the third country after Turkey and France to sign such an exclusive agreement "
            "with Malaysia.")
    assert [(g["parties"], g["status"], g["exclusive"]) for g in run(text)] == [
        (["KOR", "MYS"], "negotiating", True),
        (["MYS", "TUR"], "signed", True),
        (["FRA", "MYS"], "signed", True),
    ]


def test_second_after_x_after_an_anaphor():
    text = ("Malaysia sedang merundingkan perjanjian pertahanan dengan Jepun. Jepun menandatangani "
            "perjanjian itu semalam, menjadikannya negara kedua selepas Perancis berbuat demikian.")
    assert brief(text) == [("defence_cooperation", ["JPN", "MYS"], "signed"),
                           ("defence_cooperation", ["FRA", "MYS"], "signed")]


def test_speaker_side_joins_a_with_party():
    assert brief("“Kita sedang merundingkan satu perjanjian bersama Korea Selatan,” katanya.") == [
        ("other", ["KOR", "MYS"], "negotiating")]


def test_purchases_of_named_assets_are_separate_contracts():
    text = ("The defence ministry said stalled projects include the procurement of the Coastal Patrol "
            "Vessel (CPV) and XR200 Helicopters.")
    found = run(text)
    assert [(g["label"], g["status"]) for g in found] == [
        ("procurement of the Coastal Patrol Vessel (CPV)", "stalled"), ("XR200 Helicopters", "stalled")]
    assert run("The procurement of defence assets must be transparent, the army said.") == []


def test_modes_come_from_the_evidence():
    [g] = run("Malaysia dan Jepun menandatangani perjanjian pemindahan teknologi.")
    assert g["modes"] == ["technology_transfer"]


# ---------------------------------------------------------------- not agreements, bad input

@pytest.mark.parametrize("text", [
    "We have to deal with the problem, he said.",
    "Pertubuhan Perjanjian Atlantik Utara (NATO) bermesyuarat di Brussels.",
    "The North Atlantic Treaty Organization met in Brussels.",
    "There was a great deal of interest in the exhibition.",
    "Malaysia dan Jepun bersetuju mempertingkat hubungan.",
    "The striker signed a new contract with the club on Monday.",
    "Pemain itu menandatangani kontrak baharu dengan kelab tersebut.",
    "Syarikat itu mencatat perolehan RM2 bilion dan perolehan AS$740 juta tahun ini, kata menteri.",
])
def test_not_agreements(text):
    assert run(text) == []


@pytest.mark.parametrize("text", ["", "   ", "@@@ ### perjanjian (((( itu )))) ~~~", "the the the deal deal"])
def test_bad_input_does_not_fail(text):
    assert isinstance(run(text), list)


def test_long_text_is_fast_and_merges():
    sentence = "Malaysia menandatangani perjanjian dengan Jepun. Perjanjian itu berkuat kuasa. "
    text = sentence * 500
    started = time.perf_counter()
    found = run(text)
    assert time.perf_counter() - started < 2.0
    assert [(g["parties"], g["status"], len(g["evidence"])) for g in found] == [
        (["JPN", "MYS"], "in_force", 1000)]


def test_deterministic():
    text = ("Malaysia dan Jepun sedang merundingkan satu perjanjian. Perjanjian itu ditandatangani. "
            "Jepun menjadi negara kedua selepas Perancis yang menandatangani perjanjian seumpama itu.")
    assert run(text) == run(text)


# ---------------------------------------------------------------- the seed

def test_seed():
    seed = SHARED / "seed" / "bernama-2025-09-22-malaysia-korea-defence.txt"
    if not seed.exists():
        pytest.skip("../shared/seed is absent")
    text = seed.read_text(encoding="utf-8").split(" ", 2)[2]
    found = run(text, time_words={"menjelang Oktober": ("2025-10", "by")})
    assert [(g["type"], g["parties"], g["status"], g["exclusive"]) for g in found] == [
        ("g2g_procurement", ["KOR", "MYS"], "pending_approval", True),
        ("g2g_procurement", ["MYS", "TUR"], "signed", True),
    ]
    assert found[0]["label"] == "perjanjian perolehan kerajaan dengan kerajaan (G2G)"
    assert found[0]["milestones"][0] == {
        "kind": "cabinet_approval", "state": "expected", "time": "t1",
        "text": "dibentangkan untuk kelulusan Jemaah Menteri menjelang Oktober",
    }
    assert len(found[0]["evidence"]) == 3


def test_speaker_side_from_a_minister_named_after_the_quote(monkeypatch):
    from jalin.extract.common import queries
    from jalin.model import TextSpan

    monkeypatch.setattr(queries, "speaker_at", lambda doc, offset: None, raising=False)
    text = "“Kita sedang merundingkan satu perjanjian pertahanan bersama Perancis,” kata Menteri itu."
    minister = Actor(id="p2", type="PERSON", name="Menteri", country="MYS",
                     mentions=[TextSpan(text.index("Menteri"), len(text) - 1, "Menteri itu")])
    found = agreements.extract(make_doc(text, speaker=minister))
    assert [(g.type, g.parties) for g in found] == [("defence_cooperation", ["FRA", "MYS"])]


def test_reference_back_needs_no_domain_of_its_own():
    text = ("Malaysia dan Jepun menandatangani memorandum persefahaman mengenai pertanian. "
            "Perjanjian itu berkuat kuasa serta-merta.")
    assert brief(text) == [("mou", ["JPN", "MYS"], "in_force")]



@pytest.mark.parametrize("text", [
    "Details will be given once the defence agreement with Japan is signed in December.",
    "Jika perjanjian pertahanan dengan Jepun itu ditandatangani, latihan bersama akan bermula.",
])
def test_conditional_signing_is_not_signed(text):
    assert [g["status"] for g in run(text)] == ["negotiating"]


@pytest.mark.parametrize("text", [
    "The defence ministry completed the acquisition of Naval Systems Bhd last year.",
    "Jawatankuasa Siasatan Tadbir Urus, Perolehan dan Kewangan Kerajaan menyiasat kementerian pertahanan.",
    "The army said we cannot accord them protection.",
])
def test_not_purchases_or_agreements(text):
    assert run(text) == []


def test_both_countries_are_the_two_the_document_is_about():
    text = ("Hubungan Malaysia dan Jepun semakin erat, kata Jepun. Malaysia dan Jepun mengadakan rundingan. "
            "Satu perjanjian pertahanan dimeterai antara kedua-dua negara.")
    assert brief(text) == [("defence_cooperation", ["JPN", "MYS"], "signed")]


@pytest.mark.parametrize(("text", "exclusive"), [
    ("Malaysia signed an exclusive defence agreement with Japan.", True),
    ("Malaysia signed a non-exclusive defence agreement with Japan.", False),
    ("Malaysia menandatangani perjanjian pertahanan eksklusif dengan Jepun.", True),
    ("Perjanjian pertahanan dengan Jepun itu bukan eksklusif, kata Malaysia.", False),
    ("Malaysia signed a defence agreement with Japan.", None),
])
def test_exclusivity(text, exclusive):
    assert [g["exclusive"] for g in run(text)] == [exclusive]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "perjanjian", "itu", "MoU", "the deal", "signed", "ditandatangani", "akan", "will", "Malaysia",
    "Jepun", "selepas", "kedua", "such", "seumpama itu", "(G2G)", "kontrak", "procurement of", "LCS",
    ".", ",", "“", "”", "between", "antara", "dan", "eksklusif", "pertahanan", "\n\n", "x" * 30,
]), max_size=40))
def test_any_word_salad_gives_valid_records(words):
    for g in run(" ".join(words)):
        assert g["type"] in AGREEMENT_TYPES and g["status"] in AGREEMENT_STATUSES
        assert g["parties"] == sorted(set(g["parties"]))
        assert g["evidence"] and all(e["start"] < e["end"] for e in g["evidence"])


@pytest.mark.parametrize("text", [
    "The defence contract for the procurement of 18 FA-50 jets from South Korea was signed on Friday.",
    "Kontrak pertahanan bagi perolehan 18 pesawat FA-50 dari Korea Selatan ditandatangani semalam.",
])
def test_contract_for_a_purchase_is_one_agreement(text):
    assert brief(text) == [("procurement_contract", ["KOR", "MYS"], "signed")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Boustead received a letter of award from the Defence Ministry for six patrol vessels.",
     [("procurement_contract", ["MYS"], "unknown")]),
    ("Syarikat itu menerima surat setuju terima daripada Kementerian Pertahanan.",
     [("procurement_contract", ["MYS"], "unknown")]),
])
def test_award_letters_are_procurement_contracts(text, expected):
    assert brief(text) == expected


def test_specific_head_then_general_word_is_one_agreement():
    [g] = run("Malaysia and South Korea are expected to sign a government-to-government (G2G) agreement "
              "for the procurement of FA-50 fighter jets this year.")
    assert (g["type"], g["label"], g["parties"], g["status"]) == (
        "g2g_procurement", "government-to-government (G2G) agreement", ["KOR", "MYS"], "negotiating")


def test_two_countries_make_a_general_agreement_word_count():
    text = "Malaysia dan Indonesia bersetuju mempercepatkan rundingan perjanjian sempadan di Laut Sulawesi."
    assert brief(text) == [("other", ["IDN", "MYS"], "negotiating")]
    assert run("Syarikat itu menandatangani perjanjian sewa pejabat baharu semalam.") == []
