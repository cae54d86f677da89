"""The topics layer: central context labels of whole articles written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from event_docs import make_doc
from jalin.extract import topics
from jalin.extract.events import layer as events
from jalin.lexicon import load_lexicon
from jalin.read import read_path
from jalin.text import prepare


def article_topics(text: str, title: str | None = None) -> list[str]:
    doc = make_doc(text, title=title)
    doc.events = events.extract(doc)
    return topics.extract(doc)


MALAY_DEFENCE = (
    "KUALA LUMPUR: Kementerian Pertahanan akan memuktamadkan perolehan aset pertahanan baharu "
    "tahun ini. Menteri berkata industri pertahanan tempatan perlu terlibat dalam penyelenggaraan "
    "kapal dan pesawat. Syarikat pertahanan tempatan juga digalakkan bekerjasama dengan pengeluar "
    "senjata luar negara. Angkatan Tentera Malaysia akan menerima helikopter baharu."
)
ENGLISH_HUMANITARIAN = (
    "JAKARTA: Malaysia sent a humanitarian aid team to Indonesia after the earthquake. The disaster "
    "relief mission carried food and medicine for the victims. Malaysia and Indonesia agreed to "
    "strengthen disaster management cooperation. Refugees in the affected areas received shelter."
)
MALAY_DIPLOMATIC = (
    "PUTRAJAYA: Menteri Luar Mohamad Hasan mengadakan lawatan rasmi ke Jepun minggu ini. Lawatan itu "
    "bertujuan memperkukuh hubungan dua hala antara kedua-dua negara. Beliau juga akan menerima "
    "kunjungan hormat Duta Besar Jepun di Wisma Putra."
)
ENGLISH_AI = (
    "SEOUL: South Korea and Malaysia will cooperate on artificial intelligence in defence. The AI "
    "programme covers machine learning for maritime surveillance. Officials said artificial "
    "intelligence would change the defence industry."
)


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        (MALAY_DEFENCE, None, ["military", "defence_industry"]),
        (ENGLISH_HUMANITARIAN, None, ["humanitarian"]),
        (MALAY_DIPLOMATIC, "Malaysia perkukuh hubungan dengan Jepun", ["diplomatic"]),
        (ENGLISH_AI, None, ["artificial_intelligence"]),
        ("Harga sayur naik di pasar pagi.", None, []),
        ("", None, []),
        ("#### ???? !!!! 1234", None, []),
    ],
)
def test_article_topics(text: str, title: str | None, expected: list[str]) -> None:
    assert article_topics(text, title) == expected


def test_title_counts_more_than_the_body() -> None:
    body = "Pelaburan asing meningkat. Keselamatan sempadan dipertingkat. Ekonomi pulih."
    assert article_topics(body, title="Pelaburan dan perdagangan rancak") == ["economic"]


def test_long_text_and_determinism() -> None:
    text = MALAY_DEFENCE + " " + " ".join([ENGLISH_HUMANITARIAN] * 400)
    first = article_topics(text)
    assert first == ["humanitarian"] and article_topics(text) == first


def test_seed_topics(shared_dir: Path, seed_path: Path) -> None:
    item = next(iter(read_path(str(seed_path))))
    doc = prepare(item.text, published=item.published, id=None, title=None, url=None, source=None,
                  metadata={}, lexicon=load_lexicon())
    assert topics.extract(doc) == ["defence_industry", "artificial_intelligence"]


ENGLISH_PROCUREMENT = (
    "PUTRAJAYA: The Cabinet has approved the purchase of six light combat aircraft for the Royal "
    "Malaysian Air Force under a government-to-government contract with a foreign manufacturer. "
    "The deal includes a maintenance package and training for pilots, and the first deliveries are "
    "due in two years."
)
MALAY_MARITIME_PROTEST = (
    "PUTRAJAYA: Kerajaan menyerahkan nota bantahan kepada kedutaan negara itu berhubung pencerobohan "
    "kapal asing di perairan negara. Kapal tersebut dikesan di Zon Ekonomi Eksklusif sejak minggu "
    "lalu. Menteri Luar berkata pencerobohan itu mencabar kedaulatan negara dan undang-undang "
    "antarabangsa. Tindakan itu dianggap ancaman kepada keselamatan dan kestabilan serantau."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH_PROCUREMENT, ["military", "defence_industry"]),
        (MALAY_MARITIME_PROTEST, ["diplomatic", "security", "maritime"]),
    ],
)
def test_general_cues_in_both_languages(text: str, expected: list[str]) -> None:
    assert article_topics(text) == expected


def test_one_cue_repeated_counts_less_than_many() -> None:
    doc = make_doc("Laut itu luas. " * 9 + "Tentera, askar, kapal perang dan jet pejuang berkawal.")
    score = topics.scores(doc)
    assert round(score["maritime"], 2) == 4.0  # "laut" nine times: sqrt(9) = 3, plus "kapal perang"
    assert score["military"] == 4.0  # four different words once each
