"""Cue lexicons: modes, contexts and modality over sentences written for these tests."""

from __future__ import annotations

import pytest

from jalin.doc import Doc
from jalin.extract.common.cues import contexts_in, modality_at, modes_in
from jalin.lexicon import load_lexicon
from jalin.model import DocumentInfo


def make_doc(text: str) -> Doc:
    return Doc(text=text, info=DocumentInfo(id="t"), lexicon=load_lexicon())


def modes(text: str) -> list[str]:
    return modes_in(make_doc(text), 0, len(text))


def contexts(text: str) -> list[str]:
    return contexts_in(make_doc(text), 0, len(text))


def modality(text: str, trigger: str) -> str:
    doc = make_doc(text)
    return modality_at(doc, 0, len(text), text.index(trigger))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syarikat itu bersedia menawarkan pemindahan teknologi serta pembangunan dan pengeluaran bersama.",
         ["technology_transfer", "joint_development", "joint_production"]),
        ("Kerajaan sedang memuktamadkan perolehan enam kapal peronda.", ["procurement"]),
        ("Kedua-dua tentera akan mengadakan latihan bersama di Sabah.", ["training", "exercise"]),
        ("Mereka bersetuju meningkatkan perkongsian maklumat perisikan.", ["intelligence_sharing"]),
        ("Program pertukaran pegawai akan diperluas tahun depan.", ["personnel_exchange"]),
        ("The firms signed a deal on joint development and production of drones.",
         ["joint_development", "joint_production"]),
        ("The navy will acquire two frigates under a technology transfer package.",
         ["procurement", "technology_transfer"]),
        ("The pact covers maintenance, repair and overhaul and local content.",
         ["maintenance", "industrial_participation"]),
        ("Both sides agreed to boost intelligence sharing and research.",
         ["research", "intelligence_sharing"]),
        ("The two firms will jointly develop and produce armoured vehicles.",
         ["joint_development", "joint_production"]),
        ("Mereka bersetuju melaksanakan pembangunan serta pengeluaran bersama dron.",
         ["joint_development", "joint_production"]),
        ("Ringgit exchange rate fell on artificial intelligence worries.", []),
        ("Thailand asked Sweden to consider transferring gearbox overhaul technology.",
         ["technology_transfer", "maintenance"]),
        ("Syarikat itu akan memindahkan sebahagian teknologi pembuatan kepada rakan tempatan.",
         ["technology_transfer"]),
        ("The ship was transferred to the navy after a long technology review.", []),
        ("Both countries want to build together rather than buy.", ["procurement", "joint_production"]),
        ("", []),
    ],
)
def test_modes(text: str, expected: list[str]) -> None:
    assert modes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seminar itu membincangkan dasar kecerdasan buatan (AI) dalam industri pertahanan.",
         ["defence_industry", "artificial_intelligence"]),
        ("Rondaan di Laut China Selatan diperhebat oleh TLDM.", ["military", "security", "maritime"]),
        ("Japan pledged humanitarian aid after the floods.", ["humanitarian"]),
        ("The ministers discussed cybersecurity and bilateral trade.",
         ["diplomatic", "economic", "security", "cyber"]),
        ("Kempen keselamatan jalan raya dilancarkan.", []),
        ("The aim is to avoid mistakes.", []),
    ],
)
def test_contexts(text: str, expected: list[str]) -> None:
    assert contexts(text) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Malaysia akan menandatangani perjanjian itu.", "menandatangani", "intended"),
        ("Malaysia bersedia menerima pemindahan teknologi.", "menerima", "intended"),
        ("Perjanjian itu dijangka akan ditandatangani bulan depan.", "ditandatangani", "expected"),
        ("Malaysia menggesa Myanmar menghentikan keganasan.", "menghentikan", "requested"),
        ("Indonesia tidak akan menandatangani perjanjian itu.", "menandatangani", "negated"),
        ("Jika rundingan gagal, kedua-dua negara akan menarik balik duta.", "menarik", "hypothetical"),
        ("Ia bukan sahaja memperkukuh hubungan.", "memperkukuh", "asserted"),
        ("Malaysia telah menandatangani perjanjian itu.", "menandatangani", "asserted"),
        ("Tidak dinafikan, kerajaan telah lama menjalin hubungan rapat dengan Jepun.", "menjalin",
         "asserted"),
        ("Japan will send experts to Malaysia.", "send", "intended"),
        ("The deal is expected to be signed in October.", "signed", "expected"),
        ("The minister urged Beijing to resume talks.", "resume", "requested"),
        ("Manila has not signed the accord.", "signed", "negated"),
        ("If talks fail, both sides would recall their envoys.", "recall", "hypothetical"),
        ("Not only did they sign the pact, they expanded it.", "expanded", "asserted"),
        ("He would not say when, but the two navies met in March.", "met", "asserted"),
    ],
)
def test_modality(text: str, trigger: str, expected: str) -> None:
    assert modality(text, trigger) == expected


def test_modality_rejects_trigger_outside_clause() -> None:
    doc = make_doc("Malaysia akan menandatangani.")
    with pytest.raises(ValueError, match="outside clause"):
        modality_at(doc, 0, 5, 20)


def test_garbage_and_long_text() -> None:
    garbage = "\x00\x01 ### ??? " * 50
    assert modes(garbage) == [] and contexts(garbage) == []
    long_text = "Malaysia akan membeli kapal selam. " * 5000
    assert modes(long_text) == ["procurement"]
    assert modality(long_text, "membeli") == "intended"


def test_idioms_with_negation_words() -> None:
    assert modality("Beliau tidak sabar untuk bertemu rakan sejawatnya.", "bertemu") == "intended"
    assert modality("Malaysia bukan sekadar membeli aset.", "membeli") == "asserted"
