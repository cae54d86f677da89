"""General rules of the agreements layer, on sentences written for these tests (Malay and English):
companies as parties, repeats and anaphors, foreign Cabinets, deliveries, decisions, supposed and
denied agreements, frames named in passing, vague mentions. The layers it reads are exact stand-ins
(tests/agreement_fakes.py) plus hand-made company and dateline actors."""

from __future__ import annotations

import pytest

from agreement_fakes import install, make_doc
from jalin.extract.agreements import layer as agreements
from jalin.model import Actor, TextSpan

MINISTER = Actor(id="p1", type="PERSON", name="Menteri", country="MYS")


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    install(monkeypatch)


def _actor(text: str, words: str, number: int, kind: str, country: str, sector: str | None) -> Actor:
    start = text.index(words)
    return Actor(id=f"x{number}", type=kind, name=words, country=country, sector=sector,
                 mentions=[TextSpan(start, start + len(words), words)])


def run(text: str, companies: dict[str, str] = (), dateline: str = "", **kwargs) -> list[dict]:
    """The agreements of `text`; `companies`: company name -> country; `dateline`: the dateline's
    place, taken to be in Malaysia."""
    doc = make_doc(text, speaker=MINISTER, **kwargs)
    for number, (name, country) in enumerate(dict(companies).items(), 1):
        doc.actors.append(_actor(text, name, number, "ORGANISATION", country, "BUS"))
    if dateline:
        doc.actors.append(_actor(text, dateline, 99, "LOCATION", "MYS", None))
        doc.info.dateline = dateline
    return [g.to_dict() for g in agreements.extract(doc)]


def brief(text: str, **kwargs) -> list[tuple]:
    return [(g["type"], g["parties"], g["status"]) for g in run(text, **kwargs)]


def milestones(found: dict) -> list[tuple]:
    return [(m["kind"], m["state"], m["time"]) for m in found["milestones"]]


# ---------------------------------------------------------------- companies are parties

@pytest.mark.parametrize(("text", "companies", "expected"), [
    ("Nusa Aero Sdn Bhd dan Leonardo menandatangani memorandum persefahaman di ibu negara semalam "
     "untuk menghasilkan komponen radar pertahanan.",
     {"Nusa Aero Sdn Bhd": "MYS", "Leonardo": "ITA"}, [("mou", ["ITA", "MYS"], "signed")]),
    ("Nusa Aero Sdn Bhd signed a letter of intent with Leonardo yesterday for the joint production "
     "of military radars.",
     {"Nusa Aero Sdn Bhd": "MYS", "Leonardo": "ITA"}, [("loi", ["ITA", "MYS"], "signed")]),
])
def test_companies_give_their_countries(text, companies, expected):
    assert brief(text, companies=companies) == expected


@pytest.mark.parametrize("text", [
    "PUTRAJAYA: Sebuah syarikat tempatan menandatangani surat niat dengan Leonardo bagi penyelenggaraan "
    "helikopter tentera.",
    "PUTRAJAYA: A local company signed a letter of intent with Leonardo for the upkeep of army helicopters.",
])
def test_a_local_company_is_the_datelines_country(text):
    found = brief(text, companies={"Leonardo": "ITA"}, dateline="PUTRAJAYA")
    assert found == [("loi", ["ITA", "MYS"], "signed")]


def test_only_a_with_party_named_takes_the_datelines_country_as_subject():
    text = "PUTRAJAYA: If approved, the defence purchase agreement with Italy would be signed in May."
    assert brief(text, dateline="PUTRAJAYA") == [("procurement_contract", ["ITA", "MYS"], "pending_approval")]


# ---------------------------------------------------------------- one agreement, not two

@pytest.mark.parametrize("text", [
    "Malaysia menandatangani perjanjian G2G dengan Korea Selatan semalam. Pegawai kementerian berkata "
    "perjanjian G2G dijangka berkuat kuasa Januari depan.",
    "Malaysia signed a G2G agreement with South Korea yesterday. Ministry officials said the G2G contract "
    "is expected to take effect next January.",
])
def test_a_repeat_without_parties_is_the_same_agreement(text):
    found = run(text)
    assert brief(text) == [("g2g_procurement", ["KOR", "MYS"], "signed")]
    assert [m["kind"] for m in found[0]["milestones"]] == ["signing", "entry_into_force"]


def test_a_manner_phrase_is_no_agreement():
    text = ("Malaysia signed a G2G agreement with South Korea. Talks were held government to government, "
            "the minister said.")
    assert brief(text) == [("g2g_procurement", ["KOR", "MYS"], "signed")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Malaysia signed a government-to-government agreement with Italy for the purchase of two Littoral "
     "Mission Ships (LMS).", [("g2g_procurement", ["ITA", "MYS"], "signed")]),
    ("Malaysia menandatangani perjanjian G2G dengan Itali bagi perolehan dua Kapal Misi Pesisir (LMS).",
     [("g2g_procurement", ["ITA", "MYS"], "signed")]),
])
def test_a_purchase_after_for_is_the_agreements_subject(text, expected):
    assert brief(text) == expected


def test_an_acronym_between_article_and_head_points_back():
    text = ("Malaysia and Japan signed an exchange of notes on coastal radars for the navy. Analysts said "
            "the JMSA arrangement was a grant for equipment.")
    assert brief(text) == [("other", ["JPN", "MYS"], "signed")]


def test_a_general_anaphor_prefers_the_agreement_with_its_word():
    text = ("Malaysia and Italy will finalise a defence cooperation agreement soon. Both sides also "
            "exchanged two memoranda of understanding on disaster relief. Officials said the final text of "
            "the agreement will go to the Cabinet for approval.")
    found = run(text)
    assert [(g["type"], g["parties"], g["status"]) for g in found] == [
        ("defence_cooperation", ["ITA", "MYS"], "pending_approval"), ("mou", ["ITA", "MYS"], "signed")]
    assert [m[:2] for m in milestones(found[0])] == [
        ("signing", "expected"), ("cabinet_approval", "expected")]


def test_the_draft_points_back():
    text = ("Malaysia and Japan will sign an exchange of notes next month. Officials said the draft must "
            "first go to the Cabinet in Japan for approval.")
    found = run(text, time_words={"next month": ("2025-12", "on")})
    assert [(g["type"], g["parties"], g["status"]) for g in found] == [
        ("other", ["JPN", "MYS"], "pending_approval")]
    assert milestones(found[0]) == [("signing", "expected", "t1"), ("cabinet_approval", "expected", None)]


# ---------------------------------------------------------------- milestones and status

@pytest.mark.parametrize("text", [
    "Perjanjian pertahanan dengan Itali itu masih memerlukan kelulusan Kabinet Itali.",
    "The defence agreement with Italy still requires approval by the Italian Cabinet.",
])
def test_a_foreign_cabinet_approval_is_a_cabinet_approval(text):
    found = run(text)
    assert [(g["type"], g["parties"], g["status"]) for g in found] == [
        ("defence_cooperation", ["ITA", "MYS"], "pending_approval")]
    assert milestones(found[0]) == [("cabinet_approval", "expected", None)]


def test_a_coming_delivery_after_a_coming_signing_is_not_signed():
    text = ("The G2G agreement with South Korea is expected to be signed by December, and deliveries "
            "should begin in 2028.")
    found = run(text, time_words={"by December": ("2025-12", "by"), "2028": ("2028", "on")})
    assert [(g["type"], g["parties"], g["status"]) for g in found] == [
        ("g2g_procurement", ["KOR", "MYS"], "negotiating")]
    assert milestones(found[0]) == [("signing", "expected", "t1"), ("delivery", "expected", "t2")]


@pytest.mark.parametrize("text", [
    "Kementerian bersetuju untuk membatalkan kontrak perolehan kapal peronda itu kerana kelewatan serius.",
    "The ministry decided to scrap the patrol vessel contract over serious delays.",
])
def test_a_decision_to_cancel_is_cancelled(text):
    assert brief(text) == [("procurement_contract", ["MYS"], "cancelled")]


def test_an_award_is_signed():
    text = "Kementerian Pertahanan telah menganugerahkan kontrak pembekalan peluru kepada syarikat itu."
    assert brief(text) == [("procurement_contract", ["MYS"], "signed")]


# ---------------------------------------------------------------- supposed, denied, in passing, vague

@pytest.mark.parametrize("text", [
    "Kerajaan menegaskan ia tidak akan memeterai sebarang perjanjian pertahanan yang menjejaskan kedaulatan.",
    "Officials ruled out any defence pact that would compromise neutrality, the minister said.",
    "There is no security agreement between the two navies, the minister said.",
])
def test_supposed_agreements_are_not_reported(text):
    assert brief(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Malaysia menandatangani surat niat dengan Itali bagi helikopter tentera. Menteri berkata surat niat "
     "itu bukan kontrak.", [("loi", ["ITA", "MYS"], "signed")]),
    ("Malaysia signed a letter of intent with Italy for army helicopters. The minister stressed that "
     "signing the letter of intent did not amount to a contract.", [("loi", ["ITA", "MYS"], "signed")]),
])
def test_denied_agreements_are_not_reported(text, expected):
    assert brief(text) == expected


@pytest.mark.parametrize("text", [
    "Malaysia dan Singapura kekal komited kepada latihan ketenteraan di bawah Perjanjian Pertahanan "
    "Serantau Selatan.",
    "Malaysia and Singapore remain committed to military exercises under the Southern Regional Defence "
    "Arrangement.",
])
def test_a_frame_named_in_passing_is_not_reported(text):
    assert brief(text) == []


def test_a_frame_with_a_stage_is_reported():
    text = ("Malaysia and Japan held military exercises under the Regional Defence Agreement signed "
            "in 2001.")
    assert brief(text) == [("defence_cooperation", ["JPN", "MYS"], "signed")]


@pytest.mark.parametrize("text", [
    "PUTRAJAYA: Kementerian menggalakkan lebih banyak syarikat asing menjalin usaha sama dengan "
    "syarikat tempatan.",
    "PUTRAJAYA: The ministry urged more foreign firms to form joint ventures with local companies.",
])
def test_vague_joint_ventures_are_not_reported(text):
    assert brief(text, dateline="PUTRAJAYA") == []


def test_a_joint_venture_with_a_named_partner_is_reported():
    text = "PUTRAJAYA: Nusa Aero Sdn Bhd formed a joint venture with Leonardo to service navy helicopters."
    assert brief(text, companies={"Nusa Aero Sdn Bhd": "MYS", "Leonardo": "ITA"}, dateline="PUTRAJAYA") == [
        ("joint_venture", ["ITA", "MYS"], "unknown")]


@pytest.mark.parametrize("text", [
    "Malaysia and Italy signed a cooperation agreement on military training in the form of a memorandum "
    "of understanding.",
    "Malaysia dan Itali menandatangani perjanjian kerjasama latihan ketenteraan dalam bentuk memorandum "
    "persefahaman.",
])
def test_the_form_an_agreement_is_signed_in_gives_its_kind(text):
    assert brief(text) == [("mou", ["ITA", "MYS"], "signed")]


def test_a_time_ending_in_ini_is_no_demonstrative():
    text = ("Malaysia dan Itali menandatangani surat niat semalam. Malaysia dan Itali juga memeterai "
            "perjanjian kerjasama pertahanan hari ini.")
    found = run(text)
    assert [(g["type"], g["label"]) for g in found] == [
        ("loi", "surat niat"), ("defence_cooperation", "perjanjian kerjasama pertahanan")]


def test_a_sign_before_a_date_after_talks_is_done():
    text = "Malaysia and Italy negotiated the defence agreement for two years before signing it in 2019."
    found = run(text, time_words={"2019": ("2019", "on")})
    assert brief(text) == [("defence_cooperation", ["ITA", "MYS"], "signed")]
    assert milestones(found[0]) == [("signing", "done", "t1")]


@pytest.mark.parametrize("text", [
    "Malaysia dan Itali akan memuktamadkan perjanjian kerjasama pertahanan menjelang Disember.",
    "Malaysia and Italy will finalise the defence cooperation agreement by December.",
])
def test_finalising_to_come_is_a_signing_to_come(text):
    words = "menjelang Disember" if "menjelang" in text else "by December"
    found = run(text, time_words={words: ("2025-12", "by")})
    assert brief(text) == [("defence_cooperation", ["ITA", "MYS"], "negotiating")]
    assert milestones(found[0]) == [("signing", "expected", "t1")]


def test_a_finalised_text_is_no_signing():
    found = run("Officials of Malaysia and Italy have finalised the text of the defence agreement.")
    assert [(g["type"], g["status"], g["milestones"]) for g in found] == [
        ("defence_cooperation", "negotiating", [])]


@pytest.mark.parametrize("text", [
    "Malaysia dan Singapura memeterai perjanjian air baharu pada 2024. Singapura berkata bayarannya "
    "dibuat sejajar dengan perjanjian yang dimeterai.",
    "Malaysia and Singapore sealed a new water agreement in 2024. Singapore said its payments follow "
    "the agreement that was sealed.",
])
def test_a_general_word_naming_some_of_the_parties_is_the_same_agreement(text):
    assert brief(text) == [("other", ["MYS", "SGP"], "signed")]


@pytest.mark.parametrize("text", [
    "Malaysia dan Itali memeterai MoU mengenai alat ganti bagi helikopter tentera buatan Leonardo.",
    "Malaysia and Italy signed an MoU on spare parts for the army helicopters built by Leonardo.",
])
def test_a_maker_of_the_subject_matter_is_no_party(text):
    assert brief(text, companies={"Leonardo": "DEU"}) == [("mou", ["ITA", "MYS"], "signed")]


@pytest.mark.parametrize(("text", "status"), [
    ("The defence agreement with Italy is subject to Cabinet approval.", "pending_approval"),
    ("Perjanjian pertahanan dengan Itali itu tertakluk kepada kelulusan Kabinet.", "pending_approval"),
    ("Malaysia and Italy in May signed the defence agreement.", "signed"),
])
def test_approval_still_needed_and_a_month_named_may(text, status):
    assert brief(text) == [("defence_cooperation", ["ITA", "MYS"], status)]


@pytest.mark.parametrize("text", [
    "Malaysia dan Jepun menandatangani MoU mengenai latihan maritim. Kementerian Pertahanan turut "
    "menandatangani satu lagi MoU mengenai latihan siber.",
    "Malaysia and Japan signed an MoU on maritime training. The Defence Ministry also signed two MoUs on "
    "cyber training.",
])
def test_another_agreement_without_parties_is_a_new_one(text):
    assert brief(text) == [("mou", ["JPN", "MYS"], "signed"), ("mou", ["MYS"], "signed")]


@pytest.mark.parametrize("text", [
    "Kementerian Pertahanan telah memohon kelulusan Jemaah Menteri bagi kontrak perolehan kapal peronda "
    "dengan Jepun.",
    "The Defence Ministry has applied for Cabinet approval of the patrol vessel contract with Japan.",
])
def test_applying_for_approval_is_pending(text):
    found = run(text)
    assert brief(text) == [("procurement_contract", ["JPN", "MYS"], "pending_approval")]
    assert [m[:2] for m in milestones(found[0])] == [("cabinet_approval", "expected")]


def test_a_named_agreement_is_not_a_repeat():
    text = ("Malaysia and Italy signed a defence cooperation agreement today. Officials said the Southern "
            "Defence Arrangement signed in 1971 remains relevant.")
    assert brief(text) == [("defence_cooperation", ["ITA", "MYS"], "signed"),
                           ("defence_cooperation", ["MYS"], "signed")]


@pytest.mark.parametrize("text", [
    "PUTRAJAYA: Syarikat pertahanan tempatan dan pengeluar Itali, Leonardo, menandatangani perjanjian "
    "usaha sama bagi penyelenggaraan helikopter tentera.",
    "PUTRAJAYA: A local defence firm and Italian maker Leonardo signed a joint venture agreement to "
    "service army helicopters.",
])
def test_a_local_firm_with_one_foreign_side_is_bilateral(text):
    found = brief(text, companies={"Leonardo": "ITA"}, dateline="PUTRAJAYA")
    assert found == [("joint_venture", ["ITA", "MYS"], "signed")]


def test_agreeing_to_sign_in_malay_is_to_come():
    text = "Malaysia dan Itali bersetuju memeterai satu memorandum persefahaman mengenai latihan tentera."
    found = run(text)
    assert brief(text) == [("mou", ["ITA", "MYS"], "negotiating")]
    assert milestones(found[0]) == [("signing", "expected", None)]


@pytest.mark.parametrize("text", [
    "Kontrak kapal tempur dengan Itali itu tergendala tanpa sebuah kapal pun diserahkan.",
    "The naval contract with Italy is stalled, with no ship delivered so far.",
])
def test_nothing_delivered_is_no_delivery(text):
    found = run(text)
    assert brief(text) == [("procurement_contract", ["ITA", "MYS"], "stalled")]
    assert milestones(found[0]) == [("delivery", "expected", None)]


@pytest.mark.parametrize("text", [
    "Malaysia signed a letter of intent with Italy for the procurement of four Maritime Patrol Aircraft "
    "(MPA) for the navy.",
    "Malaysia menandatangani surat niat dengan Itali bagi perolehan empat Pesawat Peronda Maritim (MPA) "
    "untuk tentera laut.",
])
def test_a_purchase_a_letter_of_intent_prepares_is_its_own_between_the_same_sides(text):
    assert brief(text) == [
        ("loi", ["ITA", "MYS"], "signed"), ("procurement_contract", ["ITA", "MYS"], "unknown")]
