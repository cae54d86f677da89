"""Statements: direct quotes and reported speech with speakers and cues, Malay and English."""
# ruff: noqa: E501  (test sentences read best on one line)

from __future__ import annotations

import json

import pytest

from helpers import SHARED_DIR
from jalin.extract import statements
from jalin.extract.actors import layer as actors
from jalin.extract.common.queries import speaker_at
from jalin.lexicon import load_lexicon
from jalin.model import Analysis
from jalin.pipeline import analyze
from jalin.text import prepare

SHARED = SHARED_DIR


def _said(text: str) -> list[tuple[str | None, str, str | None, str]]:
    """(speaker name, kind, verb, text) of each statement."""
    analysis: Analysis = analyze(text)
    names = {a.id: a.name for a in analysis.actors}
    return [(names.get(s.speaker or ""), s.kind, s.verb, s.text) for s in analysis.statements]


def test_malay_reported_then_quote_with_katanya() -> None:
    text = ("KUALA LUMPUR: Menteri Pertahanan Datuk Seri Ahmad Faizal Hamdan berkata Malaysia bersedia "
            "memperluas kerjasama industri pertahanan.\n\n"
            "“Kita mahu hasil yang nyata, bukan sekadar janji,” katanya.")
    assert _said(text) == [
        ("Ahmad Faizal Hamdan", "indirect", "berkata",
         "Malaysia bersedia memperluas kerjasama industri pertahanan"),
        ("Ahmad Faizal Hamdan", "direct", "katanya", "Kita mahu hasil yang nyata, bukan sekadar janji"),
    ]


def test_english_said_forms_and_single_quotes() -> None:
    text = ("PHNOM PENH, March 3 -- Malaysia will deepen maritime cooperation with Cambodia, said Prime "
            "Minister Datuk Seri Rahman Ali. 'We have agreed to exchange information on piracy,' he said. "
            "According to Rahman, both navies will hold a joint exercise next year.")
    assert _said(text) == [
        ("Rahman Ali", "indirect", "said", "Malaysia will deepen maritime cooperation with Cambodia"),
        ("Rahman Ali", "direct", "said", "We have agreed to exchange information on piracy"),
        ("Rahman Ali", "indirect", "According to", "both navies will hold a joint exercise next year"),
    ]


def test_two_speakers_in_one_paragraph() -> None:
    text = ("Menteri Luar Datuk Ali Hassan berkata rundingan itu berjalan lancar, manakala Menteri Luar "
            "Jepun Kenji Sato berkata Tokyo akan menghantar pasukan teknikal. “Kami komited sepenuhnya "
            "kepada projek ini,” kata Sato.")
    said = _said(text)
    assert [(s[0], s[1]) for s in said] == [
        ("Ali Hassan", "indirect"), ("Kenji Sato", "indirect"), ("Kenji Sato", "direct")]
    assert said[1][3] == "Tokyo akan menghantar pasukan teknikal"


def test_quote_before_its_speaker_is_named() -> None:
    text = ("“Kerjasama ini akan membuka peluang pekerjaan kepada rakyat kedua-dua negara.\n\n"
            "“Kita juga akan melatih jurutera tempatan,” kata Duta Besar Korea Selatan ke Malaysia, "
            "Park Min-jun.")
    said = _said(text)
    assert [(s[0], s[1], s[2]) for s in said] == [
        ("Park Min-jun", "direct", None), ("Park Min-jun", "direct", "kata")]
    assert said[0][3] == "Kerjasama ini akan membuka peluang pekerjaan kepada rakyat kedua-dua negara"


def test_quote_over_several_sentences_and_lost_opening_mark() -> None:
    text = ('Beliau ditemui selepas majlis itu. Datuk Seri Ahmad Faizal Hamdan berkata: "Kita bersedia. '
            'Kita juga akan menambah aset." Ini satu langkah penting untuk negara," katanya.')
    said = _said(text)
    assert [(s[1], s[3]) for s in said] == [
        ("direct", "Kita bersedia. Kita juga akan menambah aset"),
        ("direct", "Ini satu langkah penting untuk negara"),
    ]
    assert {s[0] for s in said} == {"Ahmad Faizal Hamdan"}


def test_menurut_and_pronoun_subject() -> None:
    text = ("Timbalan Perdana Menteri Datuk Seri Dr. Nurul Ain Hassan menerima kunjungan hormat itu. "
            "Beliau menegaskan hubungan kedua-dua negara kekal erat. Menurut Nurul Ain, lawatan balas "
            "akan diadakan tahun depan.")
    assert _said(text) == [
        ("Nurul Ain Hassan", "indirect", "menegaskan", "hubungan kedua-dua negara kekal erat"),
        ("Nurul Ain Hassan", "indirect", "Menurut", "lawatan balas akan diadakan tahun depan"),
    ]


def test_foreign_official_visiting_malaysia() -> None:
    text = ("PUTRAJAYA: Turkish Defence Minister Mehmet Yilmaz, who is on a three-day visit to Malaysia, "
            "told reporters that Ankara was ready to share drone technology.")
    said = _said(text)
    assert said == [
        ("Mehmet Yilmaz", "indirect", "told reporters", "Ankara was ready to share drone technology")]
    analysis = analyze(text)
    person = next(a for a in analysis.actors if a.type == "PERSON")
    assert (person.country, [r.en for r in person.roles]) == ("TUR", ["Minister of Defence"])


def test_demikian_and_scare_quotes_are_not_statements() -> None:
    text = ('Menteri Pertahanan Datuk Seri Ahmad Faizal Hamdan berkata demikian kepada pemberita. '
            'Beliau menyifatkan tawaran itu sebagai "menarik" dan akan dikaji.')
    assert _said(text) == [
        ("Ahmad Faizal Hamdan", "indirect", "menyifatkan", 'tawaran itu sebagai "menarik" dan akan dikaji')]


def test_speaker_at_offsets() -> None:
    text = ("Menteri Pertahanan Datuk Seri Ahmad Faizal Hamdan berkata kita akan terus bekerjasama. "
            "Cuaca hari ini cerah.")
    doc = prepare(text, published=None, id=None, title=None, url=None, source=None, metadata={},
                  lexicon=load_lexicon())
    doc.actors = actors.extract(doc)
    doc.statements = statements.extract(doc)
    person = next(a for a in doc.actors if a.type == "PERSON")
    assert speaker_at(doc, doc.text.index("kita")) == person.id
    assert speaker_at(doc, doc.text.index("Cuaca")) is None


def test_bad_input() -> None:
    assert _said("") == []
    assert _said('"""“”‘’\'\' ,,, katanya said berkata') == []
    assert _said("“" + "kata " * 2000) == []
    sentence = "“Kita bersedia untuk bekerjasama dengan semua pihak,” kata Datuk Seri Ahmad Faizal Hamdan. "
    long_text = sentence * 300
    said = _said(long_text)
    assert len(said) == 300 and {s[0] for s in said} == {"Ahmad Faizal Hamdan"}


def test_seed_gold_statements() -> None:
    seed = SHARED / "seed" / "bernama-2025-09-22-malaysia-korea-defence.txt"
    gold_path = SHARED / "gold" / "dev" / "bernama-2025-09-22-malaysia-korea-defence.gold.json"
    if not seed.exists() or not gold_path.exists():
        pytest.skip("../shared (seed article and gold) is not available")
    from jalin.read import read_path

    record = next(iter(read_path(seed)))
    analysis = analyze(record.text, published=record.published)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    names = {a.id: a.name for a in analysis.actors}
    got = [(names[s.speaker or ""], s.kind) for s in analysis.statements]
    assert got == [(g["speaker"], g["kind"]) for g in gold["statements"]]
    for statement, expected in zip(analysis.statements, gold["statements"], strict=True):
        assert expected["contains"] in statement.text


def test_run_together_sentences_keep_their_own_attributions() -> None:
    text = ("Menteri Luar Datuk Ali Hassan berkata lawatan itu berjaya.Ali berkata kedua-dua negara akan "
            "menubuhkan jawatankuasa bersama.")
    said = _said(text)
    assert [(s[0], s[3]) for s in said] == [
        ("Ali Hassan", "lawatan itu berjaya"),
        ("Ali Hassan", "kedua-dua negara akan menubuhkan jawatankuasa bersama"),
    ]


def test_phrases_that_only_look_like_cues() -> None:
    text = ("Menteri Pertahanan Datuk Seri Ahmad Faizal Hamdan menambah baik prosedur perolehan itu. "
            "Defence Minister Lim Wei Kiat was told the contract had been delayed.")
    assert _said(text) == []


def test_pronouns_are_linked_to_the_current_speaker() -> None:
    text = ("Menteri Pertahanan Datuk Seri Ahmad Faizal Hamdan berkata latihan itu berjaya. Beliau turut "
            "melawat kapal itu. “Dia seorang pegawai yang baik,” katanya merujuk kepada komander kapal.")
    doc = prepare(text, published=None, id=None, title=None, url=None, source=None, metadata={},
                  lexicon=load_lexicon())
    doc.actors = actors.extract(doc)
    doc.statements = statements.extract(doc)
    person = next(a for a in doc.actors if a.type == "PERSON")
    assert statements.pronoun_links(doc) == [(text.index("Beliau"), text.index("Beliau") + 6, person.id)]


def test_present_tense_cues_framing_and_possessive_country() -> None:
    text = ("SINGAPORE: Singapore's Defence Minister Ng Wei Ming says the exercise will grow. "
            "The Foreign Ministry said in a statement on Tuesday that the note was delivered. "
            "Ng adds that more ships will join.")
    said = _said(text)
    assert said == [
        ("Ng Wei Ming", "indirect", "says", "the exercise will grow"),
        ("Foreign Ministry", "indirect", "said", "the note was delivered"),
        ("Ng Wei Ming", "indirect", "adds", "more ships will join"),
    ]
    person = next(a for a in analyze(text).actors if a.type == "PERSON")
    assert person.country == "SGP"


def test_a_body_referred_back_to_by_its_kind() -> None:
    text = ("The Defence Ministry has signed the contract. The ministry said the first ship would arrive "
            "in 2027. Kementerian Luar Negeri menerima nota itu. Kementerian itu berkata rundingan akan "
            "diteruskan. “Kami komited kepada rundingan,” kata kementerian itu.")
    assert [(s[0], s[1]) for s in _said(text)] == [
        ("Defence Ministry", "indirect"), ("Kementerian Luar Negeri", "indirect"),
        ("Kementerian Luar Negeri", "direct")]


def test_according_to_a_pronoun_is_the_current_speaker() -> None:
    text = ("KUALA LUMPUR: Defence Minister Datuk Seri Ahmad Fauzi Hamid said the navy needed more ships.\n\n"
            "According to him, the contract is worth about RM300 million and covers training.\n\n"
            "Menurut beliau, kapal pertama akan tiba pada Jun tahun depan.")
    assert _said(text)[1:] == [
        ("Ahmad Fauzi Hamid", "indirect", "According to",
         "the contract is worth about RM300 million and covers training"),
        ("Ahmad Fauzi Hamid", "indirect", "Menurut", "kapal pertama akan tiba pada Jun tahun depan"),
    ]


def test_aside_between_speaker_and_cue() -> None:
    text = ("KUALA LUMPUR: Defence Minister Datuk Seri Ahmad Fauzi Hamid said the navy needed more ships.\n\n"
            "Ahmad Fauzi, who is also known as Pak Mat, said he had held talks with Thailand.\n\n"
            "Thai Ambassador to Malaysia Somchai Wongsa, meanwhile, said Bangkok welcomed the plan.\n\n"
            "Malaysia will buy four ships from Korea this year, said Ahmad Fauzi.\n\n"
            "Sementara itu, Ahmad Fauzi, yang juga Ahli Parlimen Kuantan, berkata kapal pertama tiba"
            " pada Jun.")
    assert _said(text)[1:] == [
        ("Ahmad Fauzi Hamid", "indirect", "said", "he had held talks with Thailand"),
        ("Somchai Wongsa", "indirect", "said", "Bangkok welcomed the plan"),
        ("Ahmad Fauzi Hamid", "indirect", "said", "Malaysia will buy four ships from Korea this year"),
        ("Ahmad Fauzi Hamid", "indirect", "berkata", "kapal pertama tiba pada Jun"),
    ]


def test_words_before_a_trailing_speaker_and_cue() -> None:
    text = ("PUTRAJAYA, Nov 18 (Bernama) -- The Cabinet has approved a plan to buy six patrol vessels for "
            "the navy, Defence Minister Datuk Seri Ahmad Fauzi Hamid said today.\n\n"
            "The vessels will be built locally, he told reporters here.")
    assert _said(text) == [
        ("Ahmad Fauzi Hamid", "indirect", "said",
         "The Cabinet has approved a plan to buy six patrol vessels for the navy"),
        ("Ahmad Fauzi Hamid", "indirect", "told reporters", "The vessels will be built locally"),
    ]


def test_records_and_data_are_sources_not_speech() -> None:
    text = ("Menurut rekod Wisma Putra, Malaysia telah menyerahkan 12 nota bantahan sejak 2020.\n\n"
            "According to data from the ministry, 40 ships entered the zone last year.")
    assert _said(text) == []


def test_he_and_she_follow_gender() -> None:
    text = ("KUALA LUMPUR: Menteri Pertahanan Datuk Seri Ahmad Fauzi Hamid berkata kapal itu akan tiba "
            "minggu depan. Timbalan Menteri Luar Datin Seri Noraini Kassim, who was also present, said "
            "the visit went well.\n\n"
            "\"We expect more visits next year,\" she said.\n\n"
            "He said the navy would send two ships to the exercise.")
    assert [(s[0], s[1]) for s in _said(text)] == [
        ("Ahmad Fauzi Hamid", "indirect"), ("Noraini Kassim", "indirect"),
        ("Noraini Kassim", "direct"), ("Ahmad Fauzi Hamid", "indirect")]


def test_two_reported_clauses_joined_by_and_that() -> None:
    text = ("KUALA LUMPUR: Defence Minister Datuk Seri Ahmad Fauzi Hamid said the first boat would arrive in "
            "June, and that the crews were already being trained.\n\n"
            "Beliau berkata kapal itu akan dibina di Lumut, dan bahawa kos projek tidak akan meningkat.")
    assert [s[3] for s in _said(text)] == [
        "the first boat would arrive in June", "the crews were already being trained",
        "kapal itu akan dibina di Lumut", "kos projek tidak akan meningkat"]


def test_the_hearer_after_told_is_not_part_of_the_statement() -> None:
    text = ("KUALA LUMPUR: Defence Minister Datuk Seri Ahmad Fauzi Hamid told Bernama the navy was satisfied "
            "with the progress.\n\nAhmad Fauzi told the Dewan Rakyat that the ships would arrive in June.\n\n"
            "Beliau memberitahu Dewan Rakyat bahawa kapal itu akan tiba pada Jun.\n\n"
            "He told journalists the tender would open soon.")
    assert [(s[2], s[3]) for s in _said(text)] == [
        ("told", "the navy was satisfied with the progress"),
        ("told", "the ships would arrive in June"),
        ("memberitahu", "kapal itu akan tiba pada Jun"),
        ("told journalists", "the tender would open soon")]


# ================================================================ unseen news (issue 14): outlets carry
# what someone said, documents speak for their issuer, a refusal to confirm or deny is no claim


def _said_on(text: str) -> list[tuple[str | None, str]]:
    """(speaker name, statement text) of each statement."""
    analysis: Analysis = analyze(text, published="2024-07-20")
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
    found = _said_on(text)
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
    found = _said_on(text)
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
    assert _said_on(text) == []
