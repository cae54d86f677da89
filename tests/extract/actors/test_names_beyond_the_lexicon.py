"""Persons and organisations beyond the lexicon, second round (issue 15): a person noun with words
of its own before the name ("penyanyi terkenal, X", "vokalis utama kumpulan Y, X"), a naming link
("iaitu", "bernama", "named"), portfolio words after a minister, constituencies after a member of
parliament, and more bodies found by a head word. Every sentence and name here is invented."""

from __future__ import annotations

import pytest

from jalin.model import Actor
from jalin.pipeline import analyze


def _actors(text: str) -> list[Actor]:
    return analyze(text).actors


def _names(text: str, kind: str) -> set[str]:
    return {a.name for a in _actors(text) if a.type == kind}


# A person noun, then a few words of its own (an adjective, a band, a place), a comma, the name.
NOUN_PHRASES = [
    ("Konsert penyanyi terkenal, Delara Montes berlangsung di Lisbon.", "Delara Montes"),
    ("Vokalis utama kumpulan Red Harbour, Tobias Lindgren meninggal dunia.", "Tobias Lindgren"),
    ("Seorang juruteknik dari Kedah, Hairul Azmi dilantik sebagai duta.", "Hairul Azmi"),
    ("Wanita Kenya, Wanjiru Kamau ditemui di pangsapuri itu.", "Wanjiru Kamau"),
    ("Bekas pemain pertahanan negara, Zulkarnain Idris menyertai kelab itu.", "Zulkarnain Idris"),
    ("Pelakon veteran, Rosnani Jamil menerima anugerah sepanjang hayat.", "Rosnani Jamil"),
    ("Aktivis alam sekitar, Marisol Quispe ditahan polis.", "Marisol Quispe"),
    ("Seorang lagi mangsa, Farid Kamal cedera di kepala.", "Farid Kamal"),
    ("Seorang lagi, Norazman Yusri mengalami luka di tangan.", "Norazman Yusri"),
    ("Pejuang hak asasi, Thet Naing Oo dibebaskan semalam.", "Thet Naing Oo"),
    ("The veteran singer, Odette Marchand, cancelled her tour.", "Odette Marchand"),
    ("A local fisherman, Teodoro Bautista, found the wreck.", "Teodoro Bautista"),
    ("The lead vocalist of the band, Kasper Holm, left the stage.", "Kasper Holm"),
    ("A retired teacher from Ipoh, Chong Siew Mei, won the draw.", "Chong Siew Mei"),
    ("Penulis novel itu, Sakura Watanabe tiba di Jakarta.", "Sakura Watanabe"),
    ("Sastrawan Peru, Ramiro Huaman menerima hadiah itu.", "Ramiro Huaman"),
    ("Ulama terkenal, Yahya Bashir menyeru umat bertenang.", "Yahya Bashir"),
    ("Jurnalis senior, Andreas Wibisono menilai kebijakan itu keliru.", "Andreas Wibisono"),
    ("Pengacara acara itu, Felicity Drummond tampil bergaya.", "Felicity Drummond"),
    ("Seorang pelajar tingkatan lima, Nurul Syafiqah Rahim mendapat 10A.", "Nurul Syafiqah Rahim"),
]

# A naming link between the noun and the name: iaitu, bernama, yang bernama, named, called.
LINKS = [
    ("Dia berkahwin dengan aktres iaitu Camille Duval pada Mei.", "Camille Duval"),
    ("Kamus itu disusun bersama ahli bahasa yang bernama Pavel Sorokin.", "Pavel Sorokin"),
    ("Syarikat itu mengupah seorang peguam bernama Gunawan Hadi.", "Gunawan Hadi"),
    ("The company hired a driver named Kofi Mensah last year.", "Kofi Mensah"),
    ("Beliau mengkritik pemimpin itu iaitu Ingrid Halvorsen secara terbuka.", "Ingrid Halvorsen"),
    ("A young woman called Leonor Sampaio filed the report.", "Leonor Sampaio"),
    ("Polis memburu seorang lelaki bernama Rizwan Haidari.", "Rizwan Haidari"),
    ("Penyanyi itu, iaitu Amelie Fournier, membatalkan konsert.", "Amelie Fournier"),
]

# More person nouns: vocalists, scholars, technicians, men and women, in three languages.
MORE_NOUNS = [
    ("Vokalis Magnus Eriksen menulis lagu itu.", "Magnus Eriksen"),
    ("Juruteknik Azrul Hisham membaiki enjin itu.", "Azrul Hisham"),
    ("Sastrawan Wiji Prasetyo membaca puisinya.", "Wiji Prasetyo"),
    ("Ulama Abdelkader Mansour memimpin solat itu.", "Abdelkader Mansour"),
    ("Jurnalis Citra Anindya melaporkan dari Makassar.", "Citra Anindya"),
    ("Pengacara Benny Hartono dipanggil jaksa.", "Benny Hartono"),
    ("Singer Lorena Ibarra released a new album.", "Lorena Ibarra"),
    ("Vocalist Niklas Berger quit the band.", "Niklas Berger"),
    ("Novelist Ayodele Okafor won the prize.", "Ayodele Okafor"),
    ("Cleric Harun Basri led the prayers.", "Harun Basri"),
    ("Engineer Siddharth Rao designed the dam.", "Siddharth Rao"),
    ("Penyair Lestari Wulandari membaca sajak itu.", "Lestari Wulandari"),
    ("Dosen Hendra Kurniawan menilai kebijakan itu.", "Hendra Kurniawan"),
    ("Pelatih Aldo Siregar memanggil 23 pemain.", "Aldo Siregar"),
    ("Artis Zarina Kassim menyertai kempen itu.", "Zarina Kassim"),
]

# False hits: portfolio words after a minister, constituencies, programmes, reflexive forms.
NOT_PERSONS = [
    ("Menteri Perladangan, Komoditi dan Air, Datuk Hamzah Salleh hadir.", "Komoditi"),
    ("Menteri Belia, Kebudayaan Komuniti dan Sukan hadir semalam.", "Kebudayaan Komuniti"),
    ("Timbalan Menteri Kesejahteraan Bandar dan Hal Ehwal Pengguna tiba.", "Hal Ehwal Pengguna"),
    ("Ahli Parlimen Bukit Gelugor Selatan menyokong usul itu.", "Bukit Gelugor Selatan"),
    ("Ahli Parlimen Tanjung Piandang Raya membangkitkan isu itu.", "Tanjung Piandang Raya"),
    ("Ketua Kajian Ekonomi Desa membentangkan laporan itu.", "Kajian Ekonomi"),
    ("Perdana Menterinya tiba di Hanoi semalam.", "Perdana Menterinya"),
    ("Penyanyi itu, Facebook dan Instagram menjadi medan promosinya.", "Facebook"),
]


@pytest.mark.parametrize(("text", "name"), NOUN_PHRASES + LINKS + MORE_NOUNS)
def test_person_after_a_noun_phrase_or_link(text: str, name: str) -> None:
    assert name in _names(text, "PERSON")


@pytest.mark.parametrize(("text", "name"), NOT_PERSONS)
def test_portfolios_and_constituencies_are_not_persons(text: str, name: str) -> None:
    assert not any(name in p for p in _names(text, "PERSON"))


# A role, a descriptor that ends with a known name or a bracketed acronym, then the name.
ROLE_DESCRIPTORS = [
    ("Ketua Pemuda MCA Wong Kah Fai berkata demikian.", "Wong Kah Fai"),
    ("Dubes Jepang untuk Rusia Kenji Morimoto mengungkapkan hal itu.", "Kenji Morimoto"),
    ("Ketua Wanita UMNO Noraini Salleh hadir pada majlis itu.", "Noraini Salleh"),
    ("Duta Besar Chile ke Vietnam Pablo Saavedra menyampaikan ucapan.", "Pablo Saavedra"),
    ("Naib Presiden Kanan PKR Rosmah Hanafi menolak dakwaan itu.", "Rosmah Hanafi"),
]


@pytest.mark.parametrize(("text", "name"), ROLE_DESCRIPTORS)
def test_person_after_a_role_and_a_descriptor(text: str, name: str) -> None:
    assert name in _names(text, "PERSON")


# Bodies by a head word (Malay, Indonesian): universities, polytechnics, committees, alliances;
# a person noun before the head is not part of the body's name.
BODIES = [
    ("Dosen Universitas Sriwijaya menilai kebijakan itu keliru.", "Universitas Sriwijaya"),
    ("Pelajar Politeknik Perkapalan Tanjung Emas menang pertandingan.", "Politeknik Perkapalan Tanjung Emas"),
    ("Laporan Jawatankuasa Khas Mengenai Banjir Kilat diterima.", "Jawatankuasa Khas Mengenai Banjir Kilat"),
    ("Aliansi Petani dan Nelayan Sulawesi menolak rencana itu.", "Aliansi Petani dan Nelayan Sulawesi"),
    ("Koalisi Masyarakat Sipil untuk Reformasi Hukum menggugat.",
     "Koalisi Masyarakat Sipil untuk Reformasi Hukum"),
    ("Perkumpulan Sahabat Laut menggelar diskusi.", "Perkumpulan Sahabat Laut"),
    ("Mahasiswa Institut Perikanan Ambon (IPA) menggelar aksi.", "Institut Perikanan Ambon"),
    ("Pensyarah Kolej Komuniti Bukit Tinggi (KKBT) menyertai program itu.", "Kolej Komuniti Bukit Tinggi"),
    ("Rektor Universitas Bumi Cenderawasih menerima delegasi itu.", "Universitas Bumi Cenderawasih"),
    ("Students of the Riverside Polytechnic Institute joined the march.", "Riverside Polytechnic Institute"),
]


@pytest.mark.parametrize(("text", "name"), BODIES)
def test_organisation_by_head_word_more(text: str, name: str) -> None:
    assert name in _names(text, "ORGANISATION")


def test_an_adviser_of_a_portfolio_is_no_person() -> None:
    text = "Penasihat Sosio Budaya Kerajaan Negeri menghadiri majlis itu."
    assert not any("Budaya" in p for p in _names(text, "PERSON"))


def test_a_band_before_its_singer_is_no_person() -> None:
    text = "Vokalis kumpulan Blue Lantern, Oskar Brenner meninggal dunia semalam."
    persons = _names(text, "PERSON")
    assert "Oskar Brenner" in persons and "Blue Lantern" not in persons


def test_a_list_of_names_with_a_bare_comma_is_still_a_list() -> None:
    text = "Menteri Luar, Maria Lindqvist, Jaroslav Novak dari Praha, dan Ines Duarte hadir."
    persons = _names(text, "PERSON")
    assert "Jaroslav Novak" in persons


# A platform named as the medium of a post is no actor; a platform that acts is an organisation.
PLATFORM_MEDIA = [
    "Video itu tular di laman Facebook semalam.",
    "Ramai remaja menggunakan media sosial seperti Instagram, TikTok dan YouTube.",
    "Melalui media sosial kesayangannya, Twitter, dia mengumumkan keputusan itu.",
    "The minister posted the statement on Facebook on Sunday.",
    "Kenyataan itu dimuat naik menerusi akaun Instagram rasmi kelab itu.",
    "Dalam sebuah pernyataan yang ditulis di Facebook, dia membantah.",
]


@pytest.mark.parametrize("text", PLATFORM_MEDIA)
def test_a_platform_as_a_medium_is_no_actor(text: str) -> None:
    platforms = {"Facebook", "Instagram", "TikTok", "YouTube", "Twitter"}
    assert not platforms & _names(text, "ORGANISATION")


@pytest.mark.parametrize(("text", "name"), [
    ("Facebook mengumumkan pelaburan baharu di Johor.", "Facebook"),
    ("TikTok said it would appeal the fine.", "TikTok"),
    ("Regulators fined YouTube for the breach.", "YouTube"),
])
def test_a_platform_that_acts_is_an_organisation(text: str, name: str) -> None:
    assert name in _names(text, "ORGANISATION")


@pytest.mark.parametrize(("text", "seat"), [
    ("Dr Rahim yang juga Ahli Parlimen Bukit Lanjan Hulu berkata, projek itu ditangguhkan.",
     "Bukit Lanjan Hulu"),
    ("Calon BN Parlimen Sungai Keruing, Datuk Seri Halimah Osman berkata, kempen bermula esok.",
     "Sungai Keruing"),
    ("ADUN Teluk Merbau Jaya berkata isu itu akan dibangkitkan.", "Teluk Merbau Jaya"),
])
def test_a_seat_after_parliament_is_no_person(text: str, seat: str) -> None:
    assert not any(seat in p for p in _names(text, "PERSON"))
