"""Constructions added in round 3 to make the events coder generalise: sentences written for these
tests in wire style, Malay and English. Each case lists every event expected as
"TYPE SOURCE>TARGET modality", countries by ISO3 (an empty side is a body that is no country)."""

from __future__ import annotations

import pytest

from event_docs import coded, make_doc
from jalin.extract.events.layer import extract

CASES = [
    # A body that is no country acting on a country right after the trigger: no source.
    ("ASEAN defence ministers condemned Myanmar on Friday over the air strikes.",
     ["ACCUSE >MMR asserted"]),
    ("Para menteri menggesa Myanmar menghentikan serangan udara di wilayah Sagaing.",
     ["REQUEST >MMR asserted"]),
    ("The UN Security Council criticised Iran after the drone launch.", ["ACCUSE >IRN asserted"]),
    # ... but not on a country far from the trigger.
    ("ASEAN bersetuju untuk meneruskan dialog walaupun tiada kemajuan dicapai di Myanmar.", []),
    # A country acting on such a body: no target.
    ("Malaysia menggesa Majlis Keselamatan PBB bertindak segera di Gaza.", ["REQUEST MYS> asserted"]),
    ("Indonesia urged the international community to step up aid to refugees.",
     ["REQUEST IDN> asserted"]),
    ("Thailand membuat rayuan rasmi untuk bantuan antarabangsa selepas banjir besar.",
     ["REQUEST THA> asserted"]),
    # A noun that is the subject of a passive needs its doer.
    ("Malaysia said exports stalled after sanctions were imposed on Russia.", []),
    ("Eksport terjejas selepas sekatan dikenakan oleh Amerika Syarikat ke atas Iran.",
     ["SANCTION USA>IRN asserted"]),
    ("Kyiv said new sanctions were imposed on Moscow by Japan.", ["SANCTION JPN>RUS asserted"]),
    # ... but a joint act keeps its sides.
    ("Rundingan diadakan antara Malaysia dan Thailand di Putrajaya semalam.",
     ["CONSULT MYS>THA asserted"]),
    # The doer of a noun after "from"/"daripada".
    ("Manila received a warning from Beijing to Vietnam over the shoal.", ["THREATEN CHN>VNM asserted"]),
    ("Tokyo menerima bantuan daripada Australia selepas gempa bumi itu.", ["AID AUS>JPN asserted"]),
    # Readiness as the act when no other trigger names one.
    ("Japan is ready to send a repair team to the Philippines next year.",
     ["AGREE JPN>PHL intended"]),
    ("Singapura bersedia menghantar jurutera ke Brunei tahun depan.", ["AGREE SGP>BRN intended"]),
    ("Australia bersedia berkongsi maklumat perisikan dengan Indonesia.",
     ["AGREE AUS>IDN intended"]),
    ("Turkey was prepared to consider transferring engine technology to Pakistan.",
     ["AGREE TUR>PAK intended"]),
    # Co-chairing, joint programmes and posts.
    ("Mesyuarat itu dipengerusikan bersama oleh Malaysia dan Brunei.", ["CONSULT MYS>BRN asserted"]),
    ("The dialogue was co-chaired by India and Vietnam in Hanoi.", ["CONSULT IND>VNM asserted"]),
    ("Japan launched a joint training programme with Vietnam for coast guard officers.",
     ["COOPERATE JPN>VNM asserted"]),
    ("Thailand dan Kemboja akan membina pos kawalan bersama di sempadan.",
     ["AGREE THA>KHM intended"]),
    # Requests made and proposals.
    ("Cambodia made the request to China during the talks.", ["REQUEST KHM>CHN asserted"]),
    ("Vietnam mencadangkan agar Filipina mempercepatkan rundingan.", ["REQUEST VNM>PHL asserted"]),
    # Sanctions sought, threats of being cut off, refusals to bow to pressure.
    ("Britain will push for sanctions against Iran at the meeting.", ["SANCTION GBR>IRN intended"]),
    ("Firms trading with Iran risked being cut off by the United States.",
     ["THREATEN USA>IRN hypothetical"]),
    ("Malaysia tidak akan tunduk kepada tekanan Amerika Syarikat, kata menteri itu.",
     ["REJECT MYS>USA asserted"]),
    # Thanks, solidarity, value placed on a partnership.
    ("Brunei menyatakan solidariti dengan Filipina selepas taufan itu.", ["SUPPORT BRN>PHL asserted"]),
    ("Canberra valued its partnership with Jakarta, the embassy said.", ["SUPPORT AUS>IDN asserted"]),
    # Openness is an intention.
    ("Vietnam is open to joint patrols with the Philippines.", ["AGREE VNM>PHL intended"]),
    # Port calls; exercises held by "both navies" of the two countries last named.
    ("Sebuah kapal perang Jepun membuat persinggahan di Manila minggu lalu.",
     ["CONSULT JPN>PHL asserted"]),
    ("A Chinese destroyer made a port call in Cambodia on Tuesday.", ["CONSULT CHN>KHM asserted"]),
    ("Tentera Laut Thailand menerima delegasi Vietnam. Kedua-dua angkatan laut akan mengadakan "
     "latihan di Teluk Thailand.", ["AGREE THA>VNM intended"]),
    ("Officers from Brunei met Singapore counterparts. Both navies will hold joint exercises in May.",
     ["CONSULT BRN>SGP asserted", "AGREE BRN>SGP intended"]),
    # "sanctions evasion" and "helping to" are not the act.
    ("Japan will work with Singapore to stop sanctions evasion at sea.",
     ["AGREE JPN>SGP intended"]),
    ("Singapore fined firms helping to move Iran crude, the authority said.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"r{i}" for i in range(len(CASES))])
def test_round3_constructions(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


def test_a_clause_opening_with_and_keeps_the_earlier_subject() -> None:
    text = 'China dismissed the claim by Vietnam as "baseless" and accused Japan of spreading rumours.'
    assert coded(text) == ["REJECT CHN>VNM asserted", "ACCUSE CHN>JPN asserted"]


def test_modes_of_spare_parts_joint_ventures_and_exercises_held() -> None:
    cases = [
        ("Malaysia asked India to guarantee spare parts for its fighter jets.", "maintenance"),
        ("Syarikat Malaysia dan Turkiye menandatangani perjanjian usaha sama di Kuala Lumpur.",
         "joint_production"),
        ("Indonesia dan Malaysia akan mengadakan latihan di Selat Melaka.", "exercise"),
    ]
    for text, mode in cases:
        events = extract(make_doc(text))
        assert len(events) == 1 and mode in events[0].modes, text
