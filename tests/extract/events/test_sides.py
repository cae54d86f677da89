"""Event sides from the clause (issue 13): who did it and to whom, from the clause's arguments, on
sentences written for these tests (other names, countries and numbers than any article's).
Each case lists every event expected as "TYPE SOURCES>TARGETS", countries by ISO3."""

from __future__ import annotations

import pytest

from jalin import analyze


def coded(text: str) -> list[str]:
    """Every event of the full analysis as "TYPE SOURCES>TARGETS"."""
    result = analyze(text)
    country = {a.id: a.country or a.name for a in result.actors}
    return [
        f"{e.type} {','.join(sorted(country[a] for a in e.source))}>"
        f"{','.join(sorted(country[a] for a in e.target))}"
        for e in result.events
    ]


# A passive's doers after "oleh"/"by" are one side: with no country as its subject there is no
# other side, so the list of doers is never split into a source and a target.
PASSIVE_AGENTS = [
    ("Mereka disokong oleh Jerman, Belanda dan Poland.", []),
    ("Pemberontak itu dibantu oleh Iran, Rusia dan Syria.", []),
    ("Kumpulan itu dikecam oleh Kanada, Mexico dan Chile.", []),
    ("Pasukan itu dilatih oleh Perancis, Itali dan Sepanyol.", []),
    ("Gerakan tersebut disokong oleh Norway, Sweden dan Denmark.", []),
    ("They were backed by Germany, the Netherlands and Poland.", []),
    ("The rebels were armed by Iran, Russia and Syria.", []),
    ("The group was condemned by Canada, Mexico and Chile.", []),
    ("The movement was supported by Norway, Sweden and Denmark.", []),
    ("The militia was funded by Qatar, Turkey and Egypt.", []),
    # With a country as the subject, it is the target and every doer the source.
    ("Mesir disokong oleh Perancis, Itali dan Sepanyol.", ["SUPPORT ESP,FRA,ITA>EGY"]),
    ("Egypt is backed by France, Italy and Spain.", ["SUPPORT ESP,FRA,ITA>EGY"]),
]


@pytest.mark.parametrize(("text", "expected"), PASSIVE_AGENTS,
                         ids=[f"agents{i}" for i in range(len(PASSIVE_AGENTS))])
def test_a_passives_doers_are_one_side(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


# Reported speech: "X mengatakan/menyatakan/confirmed [Y did it to Z]": the act's source is the
# subject of the reported clause, not the reporter.
REPORTED = [
    ("Kesatuan Nelayan Peru mengatakan tentera laut Ecuador menahan 30 nelayan Peru.", ["COERCE ECU>PER"]),
    ("Majlis Peguam Ghana menyatakan polis Togo menangkap lima peguam Ghana.", ["COERCE TGO>GHA"]),
    ("Persatuan Petani Nepal mendedahkan tentera India menyerang kampung Nepal.", ["ASSAULT IND>NPL"]),
    ("Jurucakap Kesatuan Guru Chile menyebut Argentina mengecam Chile.", ["ACCUSE ARG>CHL"]),
    ("Kumpulan Hak Asasi Laos mengesahkan polis Vietnam menahan 12 aktivis Laos.", ["COERCE VNM>LAO"]),
    ("The Peruvian Fishermen's Union confirmed the Ecuadorian navy detained 30 Peruvian fishermen.",
     ["COERCE ECU>PER"]),
    ("The Nepali farmers' group revealed Indian troops attacked a Nepali village.", ["ASSAULT IND>NPL"]),
    ("The Chilean teachers' union stressed Argentina condemned Chile.", ["ACCUSE ARG>CHL"]),
    ("A Laotian rights group explained Vietnamese police detained 12 Laotian activists.", ["COERCE VNM>LAO"]),
    ("A Bolivian miners' union insisted Paraguay had criticised Bolivia.", ["ACCUSE PRY>BOL"]),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED, ids=[f"reported{i}" for i in range(len(REPORTED))])
def test_the_reported_clauses_subject_is_the_source(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


# "Kita"/"kami"/"we" inside a quote is the speaker's side, also when the speaker is a title with no
# name ("kata Menteri Luar Estonia"): the country its attribution names.
QUOTED_SELF = [
    ('"Kita setuju menubuhkan jawatankuasa bersama dengan Laos," kata Perdana Menteri Kemboja.',
     ["AGREE KHM>LAO"]),
    ('"Kami mengecam tindakan Rusia," kata Menteri Luar Estonia.', ["ACCUSE EST>RUS"]),
    ('Menteri Luar Estonia berkata: "Kami mengecam tindakan Rusia."', ["ACCUSE EST>RUS"]),
    ('"Kita menyokong Ghana sepenuhnya," kata Menteri Pertahanan Kenya.', ["SUPPORT KEN>GHA"]),
    ('"Kami menolak tuntutan Guyana," tegas Menteri Luar Venezuela.', ["REJECT VEN>GUY"]),
    ('"We condemn Russia\'s actions," said Estonia\'s foreign minister.', ["ACCUSE EST>RUS"]),
    ('"We will sign a trade pact with Laos," the Cambodian prime minister said.', ["AGREE KHM>LAO"]),
    ('Estonia\'s foreign minister said: "We condemn Russia."', ["ACCUSE EST>RUS"]),
    ('"We fully support Ghana," said Kenya\'s defence minister.', ["SUPPORT KEN>GHA"]),
    ('"We reject Guyana\'s claim," Venezuela\'s foreign minister said.', ["REJECT VEN>GUY"]),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED_SELF,
                         ids=[f"quoted{i}" for i in range(len(QUOTED_SELF))])
def test_we_inside_a_quote_is_the_speakers_side(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


# A war noun with a place ("di"/"in") or examples ("seperti"/"such as") after it names where it is
# fought, not two sides; "antara X dan Y" / "between X and Y" still does.
PLACES_NOT_SIDES = [
    ("Dengan peperangan di Sudan dan Chad, pihak militan mengambil kesempatan.", []),
    ("Para pelarian datang dari negara-negara yang dilanda perang seperti Sudan, Libya dan Yaman.", []),
    ("Peperangan di Sudan dan Yaman telah memaksa jutaan orang melarikan diri.", []),
    ("Pertempuran di Mali dan Niger menjejaskan eksport gandum.", []),
    ("Konflik bersenjata di Ethiopia dan Eritrea membimbangkan penderma.", []),
    ("With the war in Sudan and Chad, militants took their chance.", []),
    ("Refugees came from countries torn by war such as Sudan, Libya and Yemen.", []),
    ("The fighting in Sudan and Yemen forced millions to flee.", []),
    ("Clashes in Mali and Niger hurt wheat exports.", []),
    ("The armed conflict in Ethiopia and Eritrea worried donors.", []),
    ("Peperangan antara Sudan dan Chad meletus pada 2019.", ["ASSAULT SDN>TCD"]),
    ("The war between Sudan and Chad broke out in 2019.", ["ASSAULT SDN>TCD"]),
]


@pytest.mark.parametrize(("text", "expected"), PLACES_NOT_SIDES,
                         ids=[f"place{i}" for i in range(len(PLACES_NOT_SIDES))])
def test_a_place_or_examples_are_no_pair_of_sides(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


# A fronted side phrase ("Setelah …,", "Sejak …,", "Despite …,", "Upon …,") ends at its comma: the
# subject after it does the main act (and the phrase's own act, when it has one).
FRONTED = [
    ("Setelah dari Arab Saudi, Presiden Kenya mengunjungi Israel.", ["CONSULT KEN>ISR"]),
    ("Sesudah bertemu Presiden Peru, Menteri Luar Chile mengecam Bolivia.",
     ["CONSULT CHL>PER", "ACCUSE CHL>BOL"]),
    ("Sejak tiba di Hanoi, Perdana Menteri Laos menyokong Kemboja.", ["CONSULT LAO>VNM", "SUPPORT LAO>KHM"]),
    ("Saat berada di Lima, Presiden Ecuador mengkritik Colombia.", ["ACCUSE ECU>COL"]),
    ("Tatkala melawat Nairobi, Presiden Ghana memuji Uganda.", ["CONSULT GHA>KEN", "SUPPORT GHA>UGA"]),
    ("Despite meeting Peru's president, Chile's foreign minister condemned Bolivia.",
     ["CONSULT CHL>PER", "ACCUSE CHL>BOL"]),
    ("Since arriving in Hanoi, the Laotian prime minister has backed Cambodia.", ["SUPPORT LAO>KHM"]),
    ("Upon landing in Lima, Ecuador's president criticised Colombia.", ["ACCUSE ECU>COL"]),
    ("Following talks with Kenya, Ghana's president praised Uganda.", ["CONSULT GHA>KEN", "SUPPORT GHA>UGA"]),
    ("While in Riyadh, the Kenyan president visited Israel.", ["CONSULT KEN>ISR"]),
]


@pytest.mark.parametrize(("text", "expected"), FRONTED, ids=[f"fronted{i}" for i in range(len(FRONTED))])
def test_a_fronted_side_phrase_gives_way_to_the_subject(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


# A body named after two countries ("Jawatankuasa Bersama Kenya-Uganda", "the Kenya-Uganda Joint
# Commission") stands for both: its countries are the two sides of what it agrees or signs.
BILATERAL_BODIES = [
    ("Jawatankuasa Bersama Kenya-Uganda bersetuju membuka dua pos sempadan.", ["AGREE KEN>UGA"]),
    ("Suruhanjaya Bersama Ghana-Togo bersetuju menubuhkan pasukan petugas.", ["AGREE GHA>TGO"]),
    ("Majlis Perniagaan Vietnam-Laos menandatangani perjanjian kerjasama semalam.", ["SUPPORT VNM>LAO"]),
    ("Jawatankuasa Teknikal Bersama Nepal-Bhutan bersetuju mengadakan rondaan bersama.", ["AGREE NPL>BTN"]),
    ("MoU itu dipersetujui pada Mesyuarat Jawatankuasa Sempadan Am Peru-Chile ke-12 semalam.",
     ["CONSULT PER>CHL"]),
    ("The Peru-Chile Joint Border Committee agreed to open two posts.", ["AGREE PER>CHL"]),
    ("The Kenya-Uganda Joint Commission agreed to set up a task force.", ["AGREE KEN>UGA"]),
    ("The Ghana-Togo Joint Committee signed a cooperation agreement yesterday.", ["SUPPORT GHA>TGO"]),
    ("The Vietnam-Laos Business Council agreed to hold annual talks.", ["AGREE VNM>LAO"]),
    ("The Nepal-Bhutan Joint Technical Committee agreed to hold joint patrols.", ["AGREE NPL>BTN"]),
]


@pytest.mark.parametrize(("text", "expected"), BILATERAL_BODIES,
                         ids=[f"bilateral{i}" for i in range(len(BILATERAL_BODIES))])
def test_a_body_named_after_two_countries_stands_for_both(text: str, expected: list[str]) -> None:
    assert coded(text) == expected
