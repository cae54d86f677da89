"""Agreements rules added in round 3, on sentences written for these tests (Malay and English):
"exchange of"/"pertukaran" only as a ceremony, a label between a cue and its time, an agreement
"dipersetujui", a purchase of a common noun glossed by an acronym, a contract word that repeats such a
purchase, and a person's own contract."""

from __future__ import annotations

import pytest

from agreement_fakes import install, make_doc
from jalin.extract import agreements
from jalin.model import Actor

MINISTER = Actor(id="p1", type="PERSON", name="Menteri", country="MYS")


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    install(monkeypatch)


def run(text: str, **kwargs) -> list[dict]:
    return [g.to_dict() for g in agreements.extract(make_doc(text, speaker=MINISTER, **kwargs))]


def brief(text: str, **kwargs) -> list[tuple]:
    return [(g["type"], g["parties"], g["status"]) for g in run(text, **kwargs)]


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
