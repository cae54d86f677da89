"""Agreements rules added in round 3, on sentences written for these tests (Malay and English):
"exchange of"/"pertukaran" only as a ceremony, a label between a cue and its time, an agreement
"dipersetujui", a purchase of a common noun glossed by an acronym, a contract word that repeats such a
purchase, and a person's own contract."""

from __future__ import annotations

from datetime import date

import pytest

from agreement_fakes import MINISTER, brief, install, make_doc, run
from jalin.extract.agreements import layer as agreements
from jalin.model import Actor, TextSpan


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    install(monkeypatch)


def milestones(found: dict) -> list[tuple]:
    return [(m["kind"], m["state"], m["time"]) for m in found["milestones"]]


@pytest.mark.parametrize("text", [
    "Malaysia and Japan are negotiating a memorandum of understanding on the exchange of maritime "
    "security data.",
    "Malaysia dan Jepun sedang merundingkan memorandum persefahaman mengenai pertukaran maklumat "
    "keselamatan maritim.",
])
def test_an_exchange_of_information_is_the_subject_not_a_signing(text):
    found = run(text)
    assert brief(text) == [("mou", ["JPN", "MYS"], "negotiating")]
    assert milestones(found[0]) == []


@pytest.mark.parametrize("text", [
    "Malaysia and Japan marked the exchange of documents for a memorandum of understanding on naval "
    "training.",
    "Malaysia dan Jepun menyaksikan pertukaran dokumen memorandum persefahaman latihan tentera laut.",
])
def test_an_exchange_of_documents_is_a_signing(text):
    assert brief(text) == [("mou", ["JPN", "MYS"], "signed")]


@pytest.mark.parametrize(("text", "when"), [
    ("Malaysia dan Jepun akan memeterai memorandum persefahaman (MoU) mengenai latihan bersama tentera "
     "laut di Sabah bulan depan.", "bulan depan"),
    ("Malaysia and Japan will sign a memorandum of understanding (MoU) on joint naval training off "
     "Sabah next month.", "next month"),
])
def test_the_label_between_a_signing_and_its_time_does_not_count(text, when):
    found = run(text, time_words={when: ("2026-06", "on")})
    assert milestones(found[0]) == [("signing", "expected", "t1")]


def test_an_agreed_mou_is_approved():
    text = ("Malaysia dan Jepun akan memeterai memorandum persefahaman latihan tentera minggu depan. "
            "MoU itu dipersetujui dalam mesyuarat pegawai kanan semalam.")
    assert brief(text) == [("mou", ["JPN", "MYS"], "approved")]


@pytest.mark.parametrize("text", [
    "Projek perolehan empat kapal misi pesisir (LMS) untuk tentera laut masih tergendala walaupun "
    "kontraknya ditandatangani pada 2019. Kementerian mungkin menamatkan kontrak dengan syarikat "
    "tempatan itu.",
    "The procurement of four littoral mission ships (LMS) for the navy remains stalled although the "
    "contract was signed in 2019. The ministry may end the contract with the local company.",
])
def test_a_glossed_common_noun_is_a_purchase_and_the_contract_repeats_it(text):
    found = run(text, time_words={"2019": ("2019", "on")})
    assert brief(text) == [("procurement_contract", ["MYS"], "stalled")]
    assert "(LMS)" in found[0]["label"]
    assert milestones(found[0]) == [("signing", "done", "t1")]


def test_a_persons_own_contract_is_no_agreement():
    text = ("The defence ministry approved a bonus for the chief executive before his contract expires "
            "in June.")
    assert brief(text) == []


@pytest.mark.parametrize(("text", "when"), [
    ("Malaysia will sign a contract with Italy for new navy helicopters next month, and the first "
     "helicopters should arrive in 2029.", "in 2029"),
    ("Malaysia akan menandatangani kontrak dengan Itali bagi helikopter tentera laut bulan depan, dan "
     "helikopter pertama dijangka tiba pada 2029.", "pada 2029"),
])
def test_an_asset_that_arrives_is_a_delivery(text, when):
    found = run(text, time_words={when: ("2029", "on")})
    assert ("delivery", "expected", "t1") in milestones(found[0])


@pytest.mark.parametrize("text", [
    "Malaysia signed a defence cooperation agreement with Italy, and the minister will arrive in Rome "
    "in 2029.",
    "Malaysia menandatangani perjanjian kerjasama pertahanan dengan Itali, dan menteri itu akan tiba di "
    "Rom pada 2029.",
])
def test_a_person_who_arrives_is_no_delivery(text):
    found = run(text, time_words={"2029": ("2029", "on")})
    assert [m for m in milestones(found[0]) if m[0] == "delivery"] == []


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Malaysia signed a contract with Italy for 20 navy helicopters, with the first eight to be "
     "delivered by mid-2027 and the rest by the end of 2029.", "mid-2027", "end of 2029"),
    ("Malaysia menandatangani kontrak dengan Itali bagi 20 helikopter tentera laut, dengan lapan unit "
     "pertama diserahkan pada pertengahan 2027 manakala selebihnya menjelang akhir 2029.",
     "pertengahan 2027", "akhir 2029"),
])
def test_coordinated_times_are_deliveries_too(text, first, second):
    found = run(text, time_words={first: ("2027", "on"), second: ("2029", "by")}, published=date(2026, 5, 1))
    assert milestones(found[0]) == [("signing", "done", None), ("delivery", "expected", "t1"),
                                    ("delivery", "expected", "t2")]


@pytest.mark.parametrize(("text", "when"), [
    ("Malaysia signed the purchase of two multi-role support ships (MRSS) for the navy with Italy. "
     "The first ship is expected to be handed over in March 2027, officials said.", "March 2027"),
    ("Malaysia memeterai perolehan dua kapal sokongan pelbagai guna (MRSS) untuk tentera laut dengan "
     "Itali. Kapal pertama dijangka diserahkan pada Mac 2027, kata pegawai.", "Mac 2027"),
])
def test_a_later_sentence_delivering_the_asset_gives_a_delivery(text, when):
    found = run(text, time_words={when: ("2027-03", "on")}, published=date(2026, 5, 1))
    assert [(g["type"], g["parties"], g["status"]) for g in found] == [
        ("procurement_contract", ["ITA", "MYS"], "signed")]
    assert ("delivery", "expected", "t1") in milestones(found[0])


def test_a_later_sentence_delivering_something_else_gives_none():
    text = ("Malaysia signed the purchase of two multi-role support ships (MRSS) for the navy with Italy. "
            "The first food parcels are expected to be handed over in March 2027, officials said.")
    found = run(text, time_words={"March 2027": ("2027-03", "on")}, published=date(2026, 5, 1))
    assert [m for m in milestones(found[0]) if m[0] == "delivery"] == []


@pytest.mark.parametrize("text", [
    "Kerajaan memutuskan untuk membatalkan kontrak perolehan kapal tentera laut dengan Itali. Menteri "
    "berkata keputusan itu dibuat dalam mesyuarat Jemaah Menteri minggu lalu.",
    "The government decided to cancel the navy ship contract with Italy. The minister said the "
    "decision was made at the Cabinet meeting last week.",
])
def test_a_cabinet_decision_in_the_next_sentence_is_a_cabinet_approval(text):
    found = run(text)
    assert brief(text) == [("procurement_contract", ["ITA", "MYS"], "cancelled")]
    assert milestones(found[0]) == [("cabinet_approval", "done", None)]


def test_a_decision_the_cabinet_will_make_is_no_approval():
    text = ("The government plans to cancel the navy ship contract with Italy. The minister said the "
            "decision will be made at the Cabinet meeting next week.")
    assert [m for m in milestones(run(text)[0]) if m[0] == "cabinet_approval"] == []


@pytest.mark.parametrize("text", [
    "The two leaders witnessed the exchange of three memoranda of understanding between Malaysia and Italy.",
    "Kedua-dua pemimpin menyaksikan Malaysia dan Itali bertukar tiga memorandum persefahaman.",
])
def test_an_exchange_of_numbered_memoranda_is_a_signing(text):
    assert brief(text) == [("mou", ["ITA", "MYS"], "signed")]


@pytest.mark.parametrize("text", [
    "The ministry will pay the first instalment for the navy helicopters only after the new contract with "
    "Italy is signed.",
    "Kementerian hanya akan membuat bayaran pertama bagi helikopter tentera laut selepas kontrak baharu "
    "dengan Itali ditandatangani.",
])
def test_a_signing_after_which_something_will_happen_is_to_come(text):
    found = run(text)
    assert brief(text) == [("procurement_contract", ["ITA", "MYS"], "negotiating")]
    assert ("signing", "expected", None) in milestones(found[0])


@pytest.mark.parametrize("text", [
    "The minister spoke to reporters after the contract signing with Italy for navy helicopters.",
    "Menteri bercakap kepada pemberita selepas majlis pemeteraian kontrak dengan Itali bagi helikopter "
    "tentera laut.",
])
def test_a_past_ceremony_after_which_someone_spoke_is_done(text):
    assert brief(text) == [("procurement_contract", ["ITA", "MYS"], "signed")]


def test_a_subordinate_signing_with_a_past_date_happened():
    text = ("Penghantaran kapal tentera laut itu akan bermula tahun depan, selepas kontrak dengan Itali "
            "ditandatangani pada 2023.")
    found = run(text, time_words={"pada 2023": ("2023", "on"), "tahun depan": ("2027", "on")},
                published=date(2026, 5, 1))
    assert found[0]["status"] == "signed"
    assert ("signing", "done", "t1") in milestones(found[0])


@pytest.mark.parametrize("text", [
    "Malaysia signed a letter of intent with Italy for the possible acquisition of 12 AW149 helicopters, "
    "with the first units to be delivered within two years of the contract signing.",
    "Malaysia menandatangani surat niat dengan Itali bagi kemungkinan perolehan 12 helikopter AW149, "
    "dengan unit pertama dijangka diserahkan dalam tempoh dua tahun selepas kontrak itu ditandatangani.",
])
def test_a_possible_purchase_is_proposed_and_its_signing_to_come(text):
    assert brief(text) == [
        ("loi", ["ITA", "MYS"], "signed"), ("procurement_contract", ["ITA", "MYS"], "negotiating")]


def _agencies(text: str, agencies: dict[str, str]) -> list[tuple]:
    doc = make_doc(text, speaker=MINISTER)
    for number, (name, country) in enumerate(agencies.items(), 1):
        start = text.index(name)
        doc.actors.append(Actor(id=f"o{number}", type="ORGANISATION", name=name, country=country or None,
                                sector="GOV", mentions=[TextSpan(start, start + len(name), name)]))
    return [(g.type, g.parties, g.status) for g in agreements.extract(doc)]


@pytest.mark.parametrize("text", [
    "The cyber agencies NCA and JCA are negotiating a memorandum of understanding on cyber defence.",
    "Agensi siber NCA dan JCA sedang merundingkan memorandum persefahaman pertahanan siber.",
])
def test_subject_agencies_give_their_sides(text):
    assert _agencies(text, {"NCA": "", "JCA": "JPN"}) == [("mou", ["JPN", "MYS"], "negotiating")]


def test_agencies_of_the_speaking_side_alone_say_nothing():
    text = "The ministry NDM is committed to transparency in every defence contract."
    assert _agencies(text, {"NDM": "MYS"}) == []


def test_a_contract_awarded_to_a_joint_venture_is_with_its_partners():
    text = ("Nusa Aero Sdn Bhd and Leonardo signed a joint venture agreement to build military helicopters. "
            "The ministry awarded the joint venture a contract for 12 helicopters last month.")
    doc = make_doc(text, speaker=MINISTER)
    for number, (name, country) in enumerate((("Nusa Aero Sdn Bhd", "MYS"), ("Leonardo", "ITA")), 1):
        start = text.index(name)
        doc.actors.append(Actor(id=f"b{number}", type="ORGANISATION", name=name, country=country,
                                sector="BUS", mentions=[TextSpan(start, start + len(name), name)]))
    found = [(g.type, g.parties, g.status) for g in agreements.extract(doc)]
    assert found == [("joint_venture", ["ITA", "MYS"], "signed"),
                     ("procurement_contract", ["ITA", "MYS"], "signed")]


@pytest.mark.parametrize("text", [
    "Malaysia will sign an agreement with Italy for the purchase of eight AW-159 helicopters for the navy. "
    "The navy signed its first contract for four AW-159 helicopters in 2020.",
    "Malaysia akan menandatangani perjanjian dengan Itali bagi pembelian lapan helikopter AW-159 untuk "
    "tentera laut. Tentera laut menandatangani kontrak pertama bagi empat helikopter AW-159 pada 2020.",
])
def test_a_contract_for_the_same_model_is_between_the_same_countries(text):
    assert [g[1] for g in brief(text)] == [["ITA", "MYS"], ["ITA", "MYS"]]


@pytest.mark.parametrize("text", [
    "Malaysia and Singapore launched a joint venture project in Johor under the Points Approved by both "
    "leaders on defence land.",
    "Malaysia dan Singapura melancarkan projek usaha sama pertahanan di bawah Perkara-Perkara yang "
    "Dipersetujui oleh kedua-dua pemimpin.",
])
def test_a_stage_word_inside_a_name_is_no_stage(text):
    assert [g[2] for g in brief(text)] == ["unknown"]


@pytest.mark.parametrize("text", [
    "The reform would have been approved two years earlier, rather than only after the signing of the "
    "memorandum of understanding between Malaysia and Singapore on defence.",
])
def test_a_counterfactual_clause_does_not_make_a_signing_to_come(text):
    assert brief(text) == [("mou", ["MYS", "SGP"], "signed")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Malaysia signed a defence cooperation agreement with Italy last year. The MoU on submarine "
     "training will be signed next month.",
     [("defence_cooperation", ["ITA", "MYS"], "signed"), ("mou", ["MYS"], "negotiating")]),
    ("Malaysia menandatangani perjanjian kerjasama pertahanan dengan Itali tahun lalu. MoU tersebut "
     "mengenai latihan kapal selam akan ditandatangani bulan depan.",
     [("defence_cooperation", ["ITA", "MYS"], "signed"), ("mou", ["MYS"], "negotiating")]),
])
def test_a_specific_word_of_another_kind_is_not_the_agreement_before(text, expected):
    assert brief(text) == expected


def test_a_contract_after_a_g2g_purchase_is_that_purchase():
    text = ("Malaysia will sign a government-to-government agreement with Italy for naval helicopters. "
            "The contract is expected to be signed in May.")
    assert brief(text) == [("g2g_procurement", ["ITA", "MYS"], "negotiating")]


@pytest.mark.parametrize(("text", "when"), [
    ("The Cabinet approved the defence cooperation agreement with Italy, allowing the ministry to "
     "proceed with the signing before the end of the year.", "before the end of the year"),
    ("Kabinet meluluskan perjanjian kerjasama pertahanan dengan Itali, dan pemeteraian dibuat sebelum "
     "akhir tahun.", "sebelum akhir tahun"),
])
def test_a_deadline_in_this_period_is_still_to_come(text, when):
    found = run(text, time_words={when: ("2026", "before")}, published=date(2026, 10, 1))
    assert found[0]["status"] == "approved"
    assert ("signing", "expected", "t1") in milestones(found[0])


@pytest.mark.parametrize("text", [
    "Malaysia signed a defence cooperation agreement with Italy. The decision to raise fuel prices was "
    "made at the Cabinet meeting last week.",
    "Malaysia menandatangani perjanjian kerjasama pertahanan dengan Itali. Keputusan itu untuk menaikkan "
    "harga minyak dibuat dalam mesyuarat Jemaah Menteri minggu lalu.",
])
def test_a_cabinet_decision_about_something_else_is_no_approval(text):
    assert milestones(run(text)[0]) == [("signing", "done", None)]
