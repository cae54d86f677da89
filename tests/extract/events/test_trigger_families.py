"""Trigger families and side rules added to make the events coder general (round 2): sentences
written for these tests in wire style, Malay and English, one class of construction each. Each
case lists every event expected as "TYPE SOURCE>TARGET modality", countries by ISO3."""

from __future__ import annotations

import pytest

from event_docs import coded, country_of, make_doc
from jalin.extract.events.layer import extract
from jalin.model import Actor, TextSpan

CASES = [
    # Exercises and joint training: joining, taking part in, training with.
    ("Tentera Thailand dan Malaysia menyertai latihan bersama di Pahang minggu ini.",
     ["COOPERATE THA>MYS asserted"]),
    ("Seramai 40 pegawai Brunei turut menyertai latihan itu bersama Indonesia.",
     ["COOPERATE BRN>IDN asserted"]),
    ("Tentera Laut Singapura akan berlatih bersama Australia di Laut China Selatan.",
     ["AGREE SGP>AUS intended"]),
    ("Troops from India took part in the exercise with Vietnam last month.",
     ["COOPERATE IND>VNM asserted"]),
    ("The Philippines trained with Japan off Luzon for the first time.",
     ["COOPERATE PHL>JPN asserted"]),
    # Briefings, exchanges of views, calls and meetings held.
    ("Kemboja dan Vietnam akan mengadakan mesyuarat khas bulan depan.",
     ["CONSULT KHM>VNM intended"]),
    ("Malaysia menerima taklimat daripada Jepun mengenai pelan itu.", ["CONSULT MYS>JPN asserted"]),
    ("Kedua-dua menteri Malaysia dan Brunei bertukar pandangan mengenai isu Myanmar.",
     ["CONSULT MYS>BRN asserted"]),
    ("Australia and Indonesia exchanged views on the situation in Myanmar.",
     ["CONSULT AUS>IDN asserted"]),
    ("France held an annual consultation with India in Paris.", ["CONSULT FRA>IND asserted"]),
    # Solidarity and partner characterisations.
    ("Malaysia stands with the people of Palestine, the minister said.", ["SUPPORT MYS>PSE asserted"]),
    ("Singapura berdiri bersama Filipina dalam menghadapi bencana itu.", ["SUPPORT SGP>PHL asserted"]),
    ("Tokyo regards Vietnam as a key partner in the region.", ["SUPPORT JPN>VNM asserted"]),
    ("Turkiye memandang Malaysia sebagai rakan strategik di Asia Tenggara.",
     ["SUPPORT TUR>MYS asserted"]),
    ("Brunei merupakan rakan yang amat penting bagi Jepun.", ["SUPPORT JPN>BRN asserted"]),
    # Concern, condemnation, opposition, non-recognition.
    ("Vietnam expressed concern over China's survey ship in its waters.", ["ACCUSE VNM>CHN asserted"]),
    ("Malaysia mengutuk serangan Israel ke atas Iran.", ["ACCUSE MYS>ISR asserted"]),
    ("Filipina tidak mengiktiraf tuntutan China di perairan itu.", ["REJECT PHL>CHN asserted"]),
    ("India opposed Pakistan's bid for a seat on the panel.", ["REJECT IND>PAK asserted"]),
    ("Indonesia will take firm action against Vietnam over illegal fishing.",
     ["THREATEN IDN>VNM intended"]),
    ("Malaysia akan mengambil tindakan tegas terhadap Vietnam jika pencerobohan berulang.",
     ["THREATEN MYS>VNM intended"]),
    # Protest in the passive, summoning an envoy named after the verb.
    ("Cadangan Kemboja itu dibantah oleh Thailand.", ["PROTEST THA>KHM asserted"]),
    # Aid handed over, and a request, aid or support coming from someone.
    ("Japan handed over two patrol boats to the Philippines on Monday.", ["AID JPN>PHL asserted"]),
    ("Australia will provide radar systems to Indonesia under the programme.",
     ["AGREE AUS>IDN intended"]),
    ("Jepun sedang menimbang permintaan daripada Malaysia untuk kapal peronda.",
     ["REQUEST MYS>JPN asserted"]),
    ("Myanmar menerima bantuan daripada Thailand selepas gempa bumi itu.", ["AID THA>MMR asserted"]),
    ("Cambodia won support from China for the canal project.", ["SUPPORT CHN>KHM asserted"]),
    # Offers and commitments are intentions.
    ("Korea Selatan komited untuk membantu Malaysia membina kapal.", ["AGREE KOR>MYS intended"]),
    ("Australia is committed to working with Indonesia on border security.",
     ["AGREE AUS>IDN intended"]),
    ("Singapore offered to send a medical team to Myanmar.", ["AGREE SGP>MMR intended"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"c{i}" for i in range(len(CASES))])
def test_general_families(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


def test_double_hyphen_dateline_place_is_not_a_party() -> None:
    doc = make_doc("JAKARTA, Jan 5 (Bernama) -- Ministers agreed to strengthen ties with Vietnam.")
    assert coded(doc.text) == []


def test_a_topic_phrase_names_neither_side() -> None:
    assert coded("Malaysia dan Jepun berbincang mengenai keadaan di Myanmar dan Thailand.") == [
        "CONSULT MYS>JPN asserted"]
    assert coded("Malaysia held talks with Japan about developments in Myanmar.") == [
        "CONSULT MYS>JPN asserted"]


def test_a_mention_starting_inside_the_trigger_is_its_object() -> None:
    doc = make_doc("Putrajaya memanggil Duta Besar China ke Malaysia, Wang Yi, semalam.")
    envoy = next(a for a in doc.actors if a.name == "Wang Yi")
    start = doc.text.index("Duta")
    envoy.mentions = [TextSpan(start, envoy.mentions[0].end, doc.text[start:envoy.mentions[0].end])]
    assert [(e.type, e.trigger.text) for e in extract(doc)] == [("PROTEST", "memanggil")]


def test_exercise_named_at_sentence_start_is_a_name() -> None:
    assert coded("Latihan Harimau Shakti diadakan di Malaysia dan India.") == []
    assert coded("Kerjasama Malaysia dan Jepun semakin erat.") == ["COOPERATE MYS>JPN asserted"]


def test_both_sides_after_a_pair_named_in_passing() -> None:
    text = ("Malaysia dan India memulakan latihan itu. Malaysia menghantar 500 anggota manakala India "
            "menghantar 400, selain pemerhati dari Indonesia dan Thailand. Kedua-dua negara akan "
            "bekerjasama lagi tahun depan.")
    assert coded(text)[-1] == "AGREE IND>MYS intended"


def test_trade_partner_is_not_support() -> None:
    assert coded("Thailand kekal sebagai rakan dagang utama Malaysia.") == []
    assert [e.type for e in extract(make_doc("Malaysia melihat Jepun sebagai rakan penting."))] == [
        "SUPPORT"]


def test_our_two_countries_is_a_pair() -> None:
    text = ("Malaysia hosted Japan's defence minister on Monday. Malaysia said our two countries "
            "agreed to build patrol ships together.")
    assert coded(text)[-1] == "AGREE JPN>MYS asserted"
    text = "Malaysia menerima kunjungan Jepun. Malaysia berkata kedua-dua negara kita bersetuju."
    assert coded(text)[-1] == "AGREE JPN>MYS asserted"


def _with_company(text: str, name: str, country: str) -> list[str]:
    doc = make_doc(text)
    start = doc.text.index(name)
    doc.actors.append(Actor(id="c1", type="ORGANISATION", name=name, country=country, sector="BUS",
                            mentions=[TextSpan(start, start + len(name), name)]))
    return [f"{e.type} {[country_of(doc, a) for a in e.source]}>{[country_of(doc, a) for a in e.target]}"
            for e in extract(doc)]


def test_the_company_is_the_company_last_named() -> None:
    text = ("Nordwerk chief executive Hans Meier visited the show. He said the company was prepared to "
            "work with Malaysia on maintenance.")
    assert _with_company(text, "Nordwerk", "DEU") == ["AGREE ['DEU']>['MYS']"]
    text = ("Ketua Pegawai Eksekutif Selatan Marin berkata syarikat itu bersedia bekerjasama dengan "
            "Indonesia dalam pembinaan kapal.")
    assert _with_company(text, "Selatan Marin", "MYS") == ["AGREE ['MYS']>['IDN']"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vietnam tidak akan menandatangani sebarang pakatan ketenteraan dengan kuasa besar.",
         ["SUPPORT VNM> negated"]),
        ("Indonesia menggesa semua pihak menahan diri di perairan itu.", ["REQUEST IDN> asserted"]),
        ("Thailand will take firm action against any vessel entering its waters.",
         ["THREATEN THA> intended"]),
        ("The Philippines urged all parties to respect the ruling.", ["REQUEST PHL> asserted"]),
        # A person or a far-off "any" is not enough: the country itself acts on anyone.
        ("Anwar Ibrahim menggesa semua pihak bertenang.", []),
        ("Malaysia supported the plan that was drafted by officials from any agency.", []),
    ],
)
def test_a_country_acting_on_anyone_has_no_target(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The owner of an English noun trigger is its doer.
        ("Vietnam has yet to respond to China's request.", ["REQUEST CHN>VNM asserted"]),
        ("The talks focused on Indonesia's new proposal to Singapore.", ["REQUEST IDN>SGP asserted"]),
        ("Cambodia praised Thailand's latest offer.", ["SUPPORT KHM>THA asserted"]),
        # A progressive is not a passive; considering is weaker than the request it considers.
        ("Malaysia is negotiating with Japan on the new vessels.", ["CONSULT MYS>JPN asserted"]),
        ("Japan is considering a request from Malaysia for patrol vessels.",
         ["REQUEST MYS>JPN asserted"]),
        # Plans denied are negations.
        ("Australia has no plans to deploy troops to Papua New Guinea or to Indonesia.",
         ["MOBILIZE AUS>IDN negated"]),
        ("Jepun tiada rancangan untuk menghantar kapal perang ke Filipina.",
         ["MOBILIZE JPN>PHL negated"]),
    ],
)
def test_owners_progressives_and_denied_plans(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jepun akan menyerahkan dua kapal peronda kepada Malaysia bulan depan.",
         ["AGREE JPN>MYS intended"]),
        ("Malaysia menyerahkan nota bantahan kepada China semalam.", ["PROTEST MYS>CHN asserted"]),
        ("The Philippines and Japan held their first joint maritime drill.",
         ["COOPERATE PHL>JPN asserted"]),
        ("Thailand will host a meeting with Cambodia in Bangkok.", ["CONSULT THA>KHM intended"]),
        ("China has repeatedly harassed Vietnam's fishing boats near the islands.",
         ["COERCE CHN>VNM asserted"]),
        ("Kapal Filipina diganggu oleh China di perairan itu.", ["COERCE CHN>PHL asserted"]),
        ("Australia trained 40 officers from Brunei last year.", ["COOPERATE AUS>BRN asserted"]),
        # Words that only look like triggers: a host of, a train.
        ("A host of countries including Japan and Vietnam sent delegates.", []),
    ],
)
def test_handovers_drills_hosting_and_harassment(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


def test_a_full_stop_inside_a_quote_ends_the_clause() -> None:
    text = "“Thailand is a friend. Cambodia will cooperate with Vietnam,” he said."
    assert coded(text) == ["AGREE KHM>VNM intended"]
    # An abbreviation is not a full stop.
    assert coded("Dr. Anwar Ibrahim said he would work with Japan.") == ["COOPERATE MYS>JPN hypothetical"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vietnam menggesa China menahan diri di perairan itu.", ["REQUEST VNM>CHN asserted"]),
        ("Tentera Indonesia diatur gerak ke sempadan dengan Malaysia oleh Jakarta.", []),
        ("Thailand mengatur gerak kapal perang ke sempadan dengan Kemboja.",
         ["MOBILIZE THA>KHM asserted"]),
        ("Pegawai Brunei dilatih oleh Singapura di Tuas.", ["COOPERATE SGP>BRN asserted"]),
        ("Israel is threatening Iran with new strikes.", ["THREATEN ISR>IRN asserted"]),
        ("Japan is helping the Philippines rebuild its coast guard.", ["AID JPN>PHL asserted"]),
        ("Malaysia mengeluarkan amaran keras kepada Vietnam.", ["THREATEN MYS>VNM asserted"]),
        ("China menjanjikan bantuan kepada Kemboja.", ["AGREE CHN>KHM asserted"]),
    ],
)
def test_verb_paradigms(text: str, expected: list[str]) -> None:
    assert coded(text) == expected
