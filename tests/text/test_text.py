"""The text layer: normalisation, dateline, source, sentences, tokens, language; seed and gold checks."""

from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import assert_valid
from jalin.language import identify_language, malay_or_indonesian
from jalin.lexicon import load_lexicon
from jalin.model import Analysis
from jalin.pipeline import analyze as run_pipeline
from jalin.text import find_dateline, find_source, normalise, publisher_from_url, split_sentences, tokens

LEX = load_lexicon()


def analyze(text: str, **metadata: object) -> Analysis:
    """The pipeline, its result validated against the contract (every analysis a test makes is)."""
    result = run_pipeline(text, **metadata)  # type: ignore[arg-type]
    assert_valid(result)
    return result


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text, LEX)]


# ---------------------------------------------------------------- normalisation


def test_normalise_spaces_lines_and_invisible_characters() -> None:
    raw = "KUALA\u00a0LUMPUR:  Kerja\u00adsama\u200b itu \r\n\r\n\r\n  penting.\t\n"
    assert normalise(raw, LEX) == "KUALA LUMPUR: Kerjasama itu\n\npenting."


def test_normalise_nfc_and_mojibake() -> None:
    decomposed = unicodedata.normalize("NFD", "Café Türkiye")
    assert normalise(decomposed, LEX) == "Café Türkiye"
    broken = "‘Kerjasama itu penting’ – kata José.".encode().decode("cp1252")
    assert broken.startswith("â€˜")
    assert normalise(broken, LEX) == "‘Kerjasama itu penting’ – kata José."


def test_normalise_scraper_quirks() -> None:
    lost = ": Kerajaan akan mengkaji semula dasar itu."
    assert normalise(lost, LEX) == lost[2:]
    assert normalise("A- A+ (Ubah saiz teks)\n\nSHAH ALAM - Polis menahan dua lelaki.", LEX) == (
        "SHAH ALAM - Polis menahan dua lelaki.")
    assert normalise("A+ A-\n\nMenteri berkata demikian.", LEX) == "Menteri berkata demikian."
    captioned = "Menteri melawat pasar. - Foto Ali\n\nA- A+ (Ubah saiz teks)\n\nIPOH - Harga ayam stabil."
    assert normalise(captioned, LEX) == "Menteri melawat pasar. - Foto Ali\n\nIPOH - Harga ayam stabil."
    grades = "Pelajar itu mendapat gred A- A+ dalam ujian."
    assert normalise(grades, LEX) == grades
    tail = ("Kedua-dua negara akan bekerjasama. — Bernama Boleh follow media sosial Majoriti di Twitter, "
            "Facebook, Instagram dan Telegram   ")
    assert normalise(tail, LEX) == "Kedua-dua negara akan bekerjasama. — Bernama"
    opinion = ("Defence spending must rise.\n\nThe views expressed are those of the author and do not "
               "necessarily reflect those of FMT.")
    assert normalise(opinion, LEX) == "Defence spending must rise."


@pytest.mark.parametrize(("raw", "expected"), [
    ("Malaysia  and   Japan\tsigned.", "Malaysia and Japan signed."),            # ASCII with a tab
    ("Malaysia  and    Japan signed.", "Malaysia and Japan signed."),            # plain runs only
    ("“Kerjasama  itu   penting,”  katanya.", "“Kerjasama itu penting,” katanya."),  # clean non-ASCII
    ("Menteri\u00a0 \u2003Pertahanan  Jepun", "Menteri Pertahanan Jepun"),   # odd spaces in a run
    ("Kerja\u00adsama  ini\u200b penting", "Kerjasama ini penting"),            # invisible, then runs
    (unicodedata.normalize("NFD", "Türkiye  dan Malaysia"), "Türkiye dan Malaysia"),  # needs NFC
    ("Menteri berkata.\nA- A+\nIa penting.", "Menteri berkata.\nIa penting."),  # furniture mid-text
])
def test_normalise_fast_paths_match_the_full_rewrite(raw: str, expected: str) -> None:
    assert normalise(raw, LEX) == expected


# ---------------------------------------------------------------- dateline and source


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("KUALA LUMPUR: Malaysia akan memperkukuh hubungan.", "KUALA LUMPUR"),
        ("PUTRAJAYA, Dec 8 — Malaysia and Japan agreed.", "PUTRAJAYA"),
        ("PHNOM PENH, Feb 24 -- Malaysia has always regarded Myanmar.", "PHNOM PENH"),
        ("PUTRAJAYA 7 Sept. - Malaysia dan Singapura berhasrat.", "PUTRAJAYA"),
        ("ALOR SETAR 5 April - Pemimpin itu berkata.", "ALOR SETAR"),
        ("KUALA LUMPUR (May 14): Nestle (Malaysia) Bhd today announced.", "KUALA LUMPUR"),
        ("KUALA LUMPUR, Sept 22 (Bernama) -- Malaysia will deepen ties.", "KUALA LUMPUR"),
        ("WASHINGTON (Reuters) - The United States and Malaysia held talks.", "WASHINGTON"),
        ("BANDAR SERI BEGAWAN, 5 Mei (Bernama) -- Brunei dan Malaysia bersetuju.", "BANDAR SERI BEGAWAN"),
        ("SHAH ALAM - Setiap pihak perlu memainkan peranan.", "SHAH ALAM"),
        ("KOTA KINABALU:Sabah akan menerima peruntukan tambahan.", "KOTA KINABALU"),
        ("Menteri melawat pasar.\n\nTEMERLOH - Sebanyak 50 gerai dibuka.", "TEMERLOH"),
        ("PEMBUKAAN semula sempadan akan merancakkan ekonomi.", None),
        ("THE Malaysian polls are not the only game.", None),
        ("Kerajaan: Tiada kenaikan harga minyak.", None),
        ("PIC: Reuters\n\nThe ministers met in Hanoi.", None),
        ("EKSKLUSIF - Menteri itu berkata.", None),
        ("UTUSAN: Boleh komen cara kerajaan mengendalikan isu itu?", None),
        ("", None),
    ],
)
def test_dateline(text: str, place: str | None) -> None:
    assert find_dateline(text, LEX) == place


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Lebih 20 syarikat turut mengambil bahagian. – Bernama", "Bernama"),
        ("Sumbangan disalur menerusi agensi itu.--BERNAMA", "Bernama"),
        ("Pengangkutan awam percuma turut disediakan.- Bernama", "Bernama"),
        ("Kerjasama itu penting, katanya.\n\n-Bernama", "Bernama"),
        ("The talks will resume next month. (Reuters)", None),
        ("KUALA LUMPUR, Sept 22 (Bernama) -- Malaysia will deepen ties with Korea.", "Bernama"),
        ("WASHINGTON (Reuters) - The United States and Malaysia held talks on Monday.", "Reuters"),
        ("BEIJING, 5 Mei (Xinhua) -- China dan Malaysia menandatangani tiga perjanjian.", "Xinhua"),
        ("Fokus juga diberikan kepada belia. - UTUSAN ONLINE", "Utusan Online"),
        ("Semoga masyarakat tidak ditipu. – HARAKAHDAILY 1/4/2018", "HarakahDaily"),
        ("The ministers met in Hanoi. — AFP", "AFP"),
        ("The ministers met in Hanoi. — REUTERS/AFP", "Reuters"),
        ("Semua perlawanan bermula jam 9 malam. — Agensi", None),
        ("Pertubuhan Berita Nasional Malaysia (Bernama) melaporkan perkara itu semalam.", None),
        ("Hubungan Malaysia-Singapura kekal kukuh.", None),
    ],
)
def test_source(text: str, source: str | None) -> None:
    assert find_source(text, LEX) == source


def test_publisher_from_url_host() -> None:
    assert publisher_from_url("https://www.utusan.com.my/berita/2021/12/x/", LEX) == "Utusan Malaysia"
    assert publisher_from_url("http://english.astroawani.com/malaysia-news/x", LEX) == "Astro Awani"
    assert publisher_from_url("https://example.org/a", LEX) is None
    assert publisher_from_url("not a url", LEX) is None
    assert publisher_from_url(None, LEX) is None


def test_source_prefers_the_text_over_the_url() -> None:
    body = "PUTRAJAYA: Malaysia dan Jepun akan bekerjasama dalam pengurusan bencana. - Bernama"
    assert analyze(body, url="https://www.utusan.com.my/x").document.source == "Bernama"
    plain = "PUTRAJAYA: Malaysia dan Jepun akan bekerjasama dalam pengurusan bencana."
    assert analyze(plain, url="https://www.utusan.com.my/x").document.source == "Utusan Malaysia"
    assert analyze(plain).document.source is None


# ---------------------------------------------------------------- sentences

MALAY_WIRE = (
    "KUALA LUMPUR: Kementerian Pertahanan (Mindef) memeterai kontrak bernilai RM1.4 bilion dengan "
    "syarikat tempatan, Maju Teknik Sdn. Bhd. untuk membina enam kapal peronda. "
    "Timbalan Menteri Pertahanan Datuk Dr. Ahmad Faizal berkata kapal pertama dijangka siap pada 2.5 "
    "tahun lagi.\n\n"
    "“Kita mahu industri tempatan terlibat sepenuhnya. Ini bukan sekadar pembelian,” katanya.Beliau "
    "berkata demikian pada majlis di Wisma Pertahanan pada 7 Sept. ini."
    "\"Kerjasama ini bermula sejak 2019,\" katanya."
)


def test_malay_wire_sentences() -> None:
    assert sentences(MALAY_WIRE) == [
        "KUALA LUMPUR: Kementerian Pertahanan (Mindef) memeterai kontrak bernilai RM1.4 bilion dengan "
        "syarikat tempatan, Maju Teknik Sdn. Bhd. untuk membina enam kapal peronda.",
        "Timbalan Menteri Pertahanan Datuk Dr. Ahmad Faizal berkata kapal pertama dijangka siap pada 2.5 "
        "tahun lagi.",
        "“Kita mahu industri tempatan terlibat sepenuhnya. Ini bukan sekadar pembelian,” katanya.",
        "Beliau berkata demikian pada majlis di Wisma Pertahanan pada 7 Sept. ini.",
        "\"Kerjasama ini bermula sejak 2019,\" katanya.",
    ]


ENGLISH_WIRE = (
    "WASHINGTON, Jan 10 (Reuters) -- The U.S. Navy and Malaysia's armed forces will hold talks on Jan. 15 "
    "in Washington, Prof. Lee said. He added that No. 3 Squadron would take part. "
    "'It is a good step. We welcome it,' he said. "
    "Trade reached US$2.5 billion, up 4.2 per cent from a year earlier.The talks are expected to last "
    "two days! Will they succeed? Officials at Lockheed Martin Corp. declined to comment. "
    "\"We are ready,\" a spokesman said. \"Our teams are in place.\""
)


def test_english_wire_sentences() -> None:
    assert sentences(ENGLISH_WIRE) == [
        "WASHINGTON, Jan 10 (Reuters) -- The U.S. Navy and Malaysia's armed forces will hold talks on "
        "Jan. 15 in Washington, Prof. Lee said.",
        "He added that No. 3 Squadron would take part.",
        "'It is a good step. We welcome it,' he said.",
        "Trade reached US$2.5 billion, up 4.2 per cent from a year earlier.",
        "The talks are expected to last two days!",
        "Will they succeed?",
        "Officials at Lockheed Martin Corp. declined to comment.",
        "\"We are ready,\" a spokesman said.",
        "\"Our teams are in place.\"",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviation at a real sentence end, before a sentence-opening word
        ("Kontrak itu diberikan kepada Maju Sdn. Bhd. Beliau berkata demikian.",
         ["Kontrak itu diberikan kepada Maju Sdn. Bhd.", "Beliau berkata demikian."]),
        ("The deal went to Acme Inc. The firm declined to comment.",
         ["The deal went to Acme Inc.", "The firm declined to comment."]),
        # initials are not sentence ends
        ("Sasterawan Negara A. Samad Said hadir. Beliau gembira.",
         ["Sasterawan Negara A. Samad Said hadir.", "Beliau gembira."]),
        # run-together scraped text, quote opened right after the stop
        ("Lawatan itu berjalan lancar.Beliau berkata kerjasama itu penting."
         "\"Kerjasama ini akan diteruskan,\" katanya.",
         ["Lawatan itu berjalan lancar.", "Beliau berkata kerjasama itu penting.",
          "\"Kerjasama ini akan diteruskan,\" katanya."]),
        ("Sidang Kemuncak ASEAN Ke-17.Indonesia menjadi tuan rumah.",
         ["Sidang Kemuncak ASEAN Ke-17.", "Indonesia menjadi tuan rumah."]),
        # a quoted question with a lower-case attribution stays whole
        ("“Adakah ini adil?” soalnya. Tiada jawapan.", ["“Adakah ini adil?” soalnya.", "Tiada jawapan."]),
        # a quotation of complete sentences (no attribution) is split
        ("“Kami bersedia. Pasukan sudah di lokasi.”", ["“Kami bersedia.", "Pasukan sudah di lokasi.”"]),
        # ellipsis followed by lower case is not an end
        ("Dia berkata... kita tunggu dahulu. Kemudian beredar.",
         ["Dia berkata... kita tunggu dahulu.", "Kemudian beredar."]),
        # headline line without a stop is a sentence of its own
        ("Malaysia, Korea perkukuh kerjasama\n\nKUALA LUMPUR: Kedua-dua negara bersetuju.",
         ["Malaysia, Korea perkukuh kerjasama", "KUALA LUMPUR: Kedua-dua negara bersetuju."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentence_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentences_stop_before_the_signoff() -> None:
    result = analyze("KUALA LUMPUR: Kedua-dua negara bersetuju. Rundingan diteruskan. – Bernama")
    assert [result.text[s.start:s.end] for s in result.sentences] == [
        "KUALA LUMPUR: Kedua-dua negara bersetuju.", "Rundingan diteruskan."]
    assert result.document.source == "Bernama"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aB .!?\"'“”‘’,\n:1-…()Dr")), max_size=200))
def test_sentence_spans_property(text: str) -> None:
    spans = split_sentences(text, LEX)
    previous = 0
    for span in spans:
        assert previous <= span.start < span.end <= len(text)
        piece = text[span.start:span.end]
        assert piece == piece.strip()
        previous = span.end


_PIECES = st.sampled_from([*"aB :-–—\n\t\u00a0\u00adÃ©â€", "A- A+", "\n\nA+ A-\n", "- Bernama",
                           "Boleh follow media sosial X di Twitter"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text, LEX)
    assert normalise(once, LEX) == once


# ---------------------------------------------------------------- tokens


def test_tokens_keep_amounts_and_abbreviations_whole() -> None:
    text = "Kontrak RM1.4 bilion (1,896.18 mata) ditandatangani U.S. Navy, kata Dato' Seri pada 22hb."
    assert [text[a:b] for a, b in tokens(text)] == [
        "Kontrak", "RM1.4", "bilion", "(", "1,896.18", "mata", ")", "ditandatangani", "U.S.", "Navy", ",",
        "kata", "Dato", "'", "Seri", "pada", "22hb", "."]
    assert tokens(text, 8, 13) == [(8, 13)]
    assert tokens("") == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aB1 .,-'’\n\"RM")), max_size=120))
def test_token_spans_property(text: str) -> None:
    previous = 0
    for start, end in tokens(text):
        assert previous <= start < end <= len(text)
        assert not text[start:end].isspace() and text[start:end] == text[start:end].strip()
        previous = end


# ---------------------------------------------------------------- language

INDONESIAN_WIRE = (
    "JAKARTA - Kementerian Pertahanan mengatakan Indonesia akan membeli 12 pesawat tempur baru. "
    "Menurutnya, pengadaan tersebut merupakan bagian dari modernisasi alat utama sistem persenjataan "
    "karena kontrak senilai 8,1 miliar dolar AS itu sudah ditandatangani di kantor kementerian pada Kamis."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (MALAY_WIRE, "ms"),
        (ENGLISH_WIRE, "en"),
        ("JAKARTA: Presiden Joko Widodo mengatakan pemerintah akan segera membentuk tim khusus untuk "
         "menangani masalah tersebut. Menurutnya, kebijakan ini sangat penting bagi masyarakat dan "
         "karena itu harus dilaksanakan secepatnya oleh kementerian terkait.", "id"),
        (INDONESIAN_WIRE, "id"),
        ("12345 67890 !!! ---", "other"),
        ("ok", "other"),
        ("", "other"),
    ],
)
def test_language(text: str, language: str) -> None:
    assert identify_language(text) == language
    assert identify_language(text, LEX) == language


def test_malay_report_on_indonesia_stays_malay() -> None:
    report = ("JAKARTA: Presiden Indonesia, Joko Widodo disifatkan boleh menjejaskan kedudukan parti "
              "itu kerana sering masuk campur, kata penganalisis politik, Hendri Satrio kepada pemberita "
              "semalam. Beliau berkata Jokowi perlu berhati-hati menjelang pemilihan presiden tahun depan.")
    indonesian = ("JAKARTA: Presiden Joko Widodo mengatakan pemerintah akan segera membentuk tim khusus "
                  "karena masalah tersebut sangat penting, kata juru bicara kepada wartawan kemarin.")
    assert malay_or_indonesian(report, LEX) == "ms"
    assert malay_or_indonesian(indonesian, LEX) == "id"
    assert identify_language(report, LEX) == "ms"
    assert identify_language(indonesian, LEX) == "id"


@pytest.mark.parametrize("text", [MALAY_WIRE, ENGLISH_WIRE, INDONESIAN_WIRE])
def test_function_word_shortcut_agrees_with_the_detector(text: str) -> None:
    assert identify_language(text, LEX) == identify_language(text)


@pytest.mark.parametrize(("text", "language"), [
    # English with a Malaysian honorific, a ringgit sum and a Malay name: still clearly English
    ("KUALA LUMPUR, March 3 -- Defence Minister Datuk Seri Khaled Nordin said on Tuesday that the "
     "ministry has signed a RM1.2 billion contract for the ships, which will be built in Lumut by the "
     "local yard and delivered to the navy from 2028.", "en"),
    # Malay wire copy quoting an English name: still clearly Malay
    ("PUTRAJAYA, 3 Mac -- Menteri Pertahanan berkata kerajaan akan membeli dua kapal yang dibina di "
     "Lumut, dan beliau menyifatkan projek The Littoral Mission Ship itu penting kepada negara kerana "
     "tentera laut memerlukan aset baharu dengan segera.", "ms"),
])
def test_clear_cases_need_no_detector(text: str, language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from jalin import language as language_module

    assert identify_language(text) == language  # lingua agrees
    monkeypatch.setattr(language_module, "_best", lambda sample: pytest.fail("lingua was asked"))
    assert identify_language(text, LEX) == language


def test_malay_with_markers_only_further_on_needs_no_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    from jalin import language as language_module

    opening = ("Kapal itu akan tiba di pelabuhan pada bulan depan untuk latihan bersama dengan tentera "
               "laut negara jiran. ") * 9
    text = opening + "Beliau berkata demikian kerana latihan itu penting kepada kedua-dua negara."
    assert len(opening) > 900
    monkeypatch.setattr(language_module, "_best", lambda sample: pytest.fail("lingua was asked"))
    assert identify_language(text, LEX) == "ms"


def test_indonesian_still_goes_to_the_detector() -> None:
    from jalin import language as language_module

    asked: list[str] = []
    best = language_module._best
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(language_module, "_best", lambda sample: asked.append(sample) or best(sample))
        assert identify_language(INDONESIAN_WIRE, LEX) == "id"
    assert asked


def test_country_marker_votes_count_whole_words_only() -> None:
    from jalin.language import _country_votes

    text = "RM1.4 bilion, rm_ ²RM kerana² KARENA-bahwa kerajaannya bolehboleh boleh"
    assert _country_votes(text, LEX) == (4, 2)  # rm, bilion, rm, boleh / karena, bahwa ("²rm": one word)
    assert _country_votes("", LEX) == (0, 0)


def test_preload_builds_the_detector() -> None:
    from jalin.language import _detector, preload

    preload(LEX)
    assert _detector.cache_info().currsize == 1


def test_language_costs_well_under_a_millisecond() -> None:
    identify_language(MALAY_WIRE)
    start = time.perf_counter()
    for _ in range(50):
        identify_language(MALAY_WIRE * 3)
    assert (time.perf_counter() - start) / 50 < 0.005  # measured ≈0.13 ms; generous for a loaded machine


# ---------------------------------------------------------------- whole documents


def test_bad_text_still_gives_a_valid_analysis() -> None:
    for text in ("", "\x00\x01garbage\ufffd", "@@@ ### $$$", "kata " * 40_000):
        result = analyze(text)
        assert_valid(result)
    assert analyze("").sentences == []


def test_seed_document_fields(seed_analysis: Analysis) -> None:
    d = seed_analysis.document
    assert (d.published, d.language, d.source, d.dateline) == ("2025-09-22", "ms", "Bernama", "KUALA LUMPUR")


def test_seed_sentences(seed_analysis: Analysis) -> None:
    texts = [seed_analysis.text[s.start:s.end] for s in seed_analysis.sentences]
    assert len(texts) == 15
    assert [" ".join(t.split()[:2]) for t in texts] == [
        "KUALA LUMPUR:", "Menteri Pertahanan", "Beliau berkata", "“Malaysia bersedia", "Mohamed Khaled",
        "“Dialog semata-mata", "Beliau berkata", "“Apabila kerjasama", "Mohamed Khaled", "Perjanjian itu",
        "Korea Selatan", "“Kerjasama dalam", "Seminar tersebut", "Ia turut", "Lebih 20"]
    assert all(t.endswith((".", ".”", "katanya.")) for t in texts)
    assert not texts[-1].endswith("Bernama")


def _gold_documents(shared_dir: Path) -> list[tuple[str, dict, Path]]:
    found = []
    for gold_path in sorted((shared_dir / "gold" / "dev").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = (gold_path.parent / gold["file"]).resolve() if "file" in gold else gold_path.with_name(
            gold_path.name.replace(".gold.json", ".jsonl"))
        found.append((gold_path.name, gold["document"], doc_path))
    return found


def test_document_fields_of_every_dev_gold(shared_dir: Path) -> None:
    from jalin.read import RawDocument, read_path

    golds = _gold_documents(shared_dir)
    assert golds, "no gold files in gold/dev"
    wrong = []
    for name, expected, path in golds:
        if not path.exists():
            path = path.with_suffix(".jsonl")
        (raw,) = list(read_path(str(path)))
        assert isinstance(raw, RawDocument)
        result = analyze(raw.text, published=raw.published, id=raw.id, title=raw.title, url=raw.url,
                         metadata=raw.metadata)
        assert_valid(result)
        got = result.document.to_dict()
        wrong += [f"{name}: {k} {got[k]!r} != {v!r}" for k, v in expected.items() if got[k] != v]
    assert wrong == []


def test_every_dev_gold_event_lies_inside_one_sentence(shared_dir: Path) -> None:
    """The scorer matches an event when its sentence contains the gold `in`: no sentence may cut one."""
    import re

    from jalin.read import read_path

    def fold(s: str) -> str:
        return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s).casefold())

    cut = []
    for name, _, path in _gold_documents(shared_dir):
        gold = json.loads((shared_dir / "gold" / "dev" / name).read_text(encoding="utf-8"))
        (raw,) = list(read_path(str(path)))
        result = analyze(raw.text, published=raw.published, id=raw.id, url=raw.url)
        spans = [fold(result.text[s.start:s.end]) for s in result.sentences]
        wanted = [e["in"] for e in gold["events"]] + [s["contains"] for s in gold["statements"]]
        cut += [f"{name}: {w}" for w in wanted if not any(fold(w) in s for s in spans)]
    assert cut == []
