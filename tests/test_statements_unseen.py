"""Statements on unseen news (issue 14): outlets that only carry what someone said, documents that
speak for the body that issued them, and a refusal to confirm or deny that states no claim.
Sentences written for these tests (other names, countries and numbers)."""
# ruff: noqa: E501  (test sentences read best on one line)

from __future__ import annotations

import pytest

from jalin import analyze


def said(text: str) -> list[tuple[str | None, str]]:
    """(speaker name, statement text) of each statement."""
    analysis = analyze(text, published="2024-07-20")
    names = {a.id: a.name for a in analysis.actors}
    return [(names.get(s.speaker or ""), s.text) for s in analysis.statements]


OUTLETS = [
    ("Portal Berita Harian melaporkan Naib Presiden Parti Amanah, Datuk Ahmad Zaki Omar berkata, pendirian kerajaan di Doha membuktikan kesungguhan Malaysia.", "Ahmad Zaki Omar"),
    ("Akhbar Kosmo melaporkan Menteri Pertahanan Thailand, Jeneral Somchai Rakdee berkata, rondaan sempadan akan ditambah.", "Somchai Rakdee"),
    ("Menurut laporan portal BBC, Beijing memaklumkan dokumen itu tidak sepatutnya melibatkan Australia.", "China"),
    ("Kedutaan Perancis di Kuala Lumpur enggan mengulas lanjut. Bagaimanapun, dalam e-mel kepada Malaysiakini, pihak kedutaan berkata mereka tidak mempunyai rekod pertanyaan itu.", "Kedutaan Perancis"),
    ("Agensi berita Bernama melaporkan Ketua Polis Negara, Tan Sri Rahim Yusof berkata, dua suspek telah ditahan di Johor.", "Rahim Yusof"),
    ("Reuters reported that Thai Defence Minister Somchai Rakdee said border patrols would be doubled.", "Somchai Rakdee"),
    ("The Straits Times reported Singapore's Foreign Minister Lim Wei Ming said the talks would resume in June.", "Lim Wei Ming"),
    ("According to a BBC report, Beijing said the document should not involve Australia.", "China"),
    ("In an e-mail to Malaysiakini, the French embassy said it had no record of the request.", None),
    ("Bernama reported Inspector-General of Police Rahim Yusof said two suspects had been arrested in Johor.", "Rahim Yusof"),
]


@pytest.mark.parametrize(("text", "speaker"), OUTLETS)
def test_an_outlet_carries_what_someone_said(text: str, speaker: str | None) -> None:
    found = said(text)
    outlets = ("Berita Harian", "Kosmo", "BBC", "Malaysiakini", "Bernama", "Reuters", "The Straits Times")
    assert all(name not in outlets for name, _ in found), found
    if speaker is not None:
        assert any(name == speaker for name, _ in found), found


DOCUMENTS = [
    ("Kementerian Luar Vietnam mengeluarkan kenyataan mengenai insiden itu. Kapal nelayan itu memasuki perairan Vietnam tanpa kebenaran, jelas kenyataan itu.", "Kementerian Luar Vietnam"),
    ("Kementerian Pertahanan Thailand mengeluarkan kenyataan semalam. Menurut kenyataan itu, dua kapal peronda akan dihantar ke Songkhla.", "Kementerian Pertahanan Thailand"),
    ("Jabatan Imigresen Malaysia mengeluarkan kenyataan media hari ini. Seramai 40 pendatang telah ditahan di Sabah, kata kenyataan itu.", "Jabatan Imigresen Malaysia"),
    ("Kementerian Luar Filipina mengeluarkan kenyataan pagi ini. Kenyataan itu menyebut Manila akan memanggil duta China.", "Kementerian Luar Filipina"),
    ("Kementerian Luar Brunei mengeluarkan kenyataan petang tadi. Rundingan itu akan diteruskan pada Ogos, tambah kenyataan tersebut.", "Kementerian Luar Brunei"),
    ("Vietnam's Ministry of Foreign Affairs issued a statement on the incident. The fishing boat entered Vietnamese waters without permission, the statement said.", "Vietnam's Ministry of Foreign Affairs"),
    ("ASEAN foreign ministers met in Vientiane on Monday. The ministers agreed to expand maritime patrols, the joint communiqué said.", "ASEAN"),
    ("Thailand's Ministry of Defence issued a statement yesterday. According to the statement, two patrol boats will be sent to Songkhla.", "Thailand's Ministry of Defence"),
    ("The Philippines' Ministry of Foreign Affairs issued a statement this morning. Manila will summon the Chinese ambassador, the statement added.", "Ministry of Foreign Affairs"),
    ("Brunei's Ministry of Foreign Affairs issued a press statement. The talks will continue in August, said the statement.", "Brunei's Ministry of Foreign Affairs"),
]


@pytest.mark.parametrize(("text", "speaker"), DOCUMENTS)
def test_a_document_speaks_for_its_issuer(text: str, speaker: str) -> None:
    found = said(text)
    assert found and all(speaker in (name or "") for name, _ in found), found


REFUSALS = [
    "Jurucakap Kementerian Luar Thailand enggan mengesahkan atau menafikan laporan bahawa kapal itu ditahan.",
    "Menteri Pertahanan Filipina, Jeneral Ramon Cruz enggan mengesahkan laporan bahawa dua jet dihantar ke Palawan.",
    "Kementerian Luar Vietnam tidak mengesahkan atau menafikan penahanan tiga nelayan itu.",
    "Jurucakap tentera Indonesia enggan menafikan bahawa latihan itu dibatalkan.",
    "Kedutaan Laos enggan mengesahkan mahupun menafikan pertemuan tersebut.",
    "The Thai foreign ministry spokesman declined to confirm or deny reports that the ship was seized.",
    "Philippine Defence Secretary Ramon Cruz refused to confirm reports that two jets were sent to Palawan.",
    "Vietnam's foreign ministry would neither confirm nor deny the arrest of three fishermen.",
    "An Indonesian army spokesman declined to confirm that the exercise had been cancelled.",
    "The Lao embassy neither confirmed nor denied that the meeting took place.",
]


@pytest.mark.parametrize("text", REFUSALS)
def test_refusing_to_confirm_or_deny_states_no_claim(text: str) -> None:
    assert said(text) == []
