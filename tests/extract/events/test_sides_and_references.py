"""The events layer: record shape, sides (pronouns, pairs, passives, visits), deduplication, bad
input, user lexicons, and the scores on the seed and the dev golds."""

from __future__ import annotations

from pathlib import Path

import pytest

from event_docs import country_of, make_doc
from jalin.doc import Doc
from jalin.evaluate import evaluate_paths
from jalin.extract.events.layer import extract
from jalin.lexicon import load_lexicon
from jalin.model import CONTEXTS, MODES, Statement
from jalin.text import prepare


def sides(doc: Doc) -> list[str]:
    return [
        f"{e.type} {','.join(sorted(country_of(doc, a) for a in e.source))}>"
        f"{','.join(sorted(country_of(doc, a) for a in e.target))}"
        for e in extract(doc)
    ]


def test_record_shape() -> None:
    text = ("KUALA LUMPUR: Malaysia akan menerima pemindahan teknologi dan latihan bersama daripada "
            "Korea Selatan. Jepun pula mengecam China. Thailand dan Kemboja bertemu di Bangkok.")
    doc = make_doc(text)
    events = extract(doc)
    assert [e.id for e in events] == ["e1", "e2", "e3"]
    assert [e.sentence for e in events] == [0, 1, 2]
    for event in events:
        assert doc.text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert set(event.modes) <= set(MODES) and set(event.context) <= set(CONTEXTS)
        assert event.time is None
    first = events[0]
    assert (first.type, first.cameo, first.modality) == ("AGREE", "031", "intended")
    assert first.trigger.text == "pemindahan teknologi"
    assert first.modes == ["technology_transfer", "training", "exercise"]
    assert first.context == ["military", "defence_industry"]
    assert (events[1].type, events[1].cameo) == ("ACCUSE", "111")


def test_dateline_place_is_not_a_subject() -> None:
    doc = make_doc("BANGKOK: Malaysia menggesa Myanmar menghentikan serangan udara.")
    assert sides(doc) == ["REQUEST MYS>MMR"]


def test_pronoun_takes_the_person_most_talked_about() -> None:
    doc = make_doc("Presiden Prabowo tiba di Kuala Lumpur semalam. Prabowo disambut meriah. "
                   "Beliau akan bertemu Anwar Ibrahim hari ini.")
    assert sides(doc) == ["CONSULT IDN>MYS"]


def test_pronoun_after_reporting_verb_is_the_reporter() -> None:
    doc = make_doc("Anwar Ibrahim menerima Sugiono. Wang Yi berkata beliau akan melawat Malaysia.")
    assert sides(doc)[-1] == "CONSULT CHN>MYS"


def test_first_person_takes_the_speakers_country() -> None:
    text = "“Kita akan bekerjasama dengan Jepun dalam latihan,” kata Anwar Ibrahim."
    doc = make_doc(text)
    speaker = next(a.id for a in doc.actors if a.name == "Anwar Ibrahim")
    doc.statements = [Statement(speaker=speaker, kind="direct", text=text[1:50], verb="kata",
                                start=1, end=50)]
    assert sides(doc) == ["AGREE MYS>JPN"]


def test_both_countries_is_the_pair_just_named() -> None:
    doc = make_doc("Ekonomi Malaysia dan Thailand pulih. Menteri itu berkata kedua-dua negara akan "
                   "mempertingkatkan kerjasama pelancongan.")
    assert sides(doc) == ["AGREE MYS>THA"]


def test_english_between_and_compound_pairs() -> None:
    doc = make_doc("Talks between Malaysia and Japan resumed. The Malaysia-South Korea cooperation "
                   "has entered a new phase.")
    assert sides(doc) == ["CONSULT MYS>JPN", "COOPERATE MYS>KOR"]


def test_passive_without_a_doer_is_not_an_event() -> None:
    assert sides(make_doc("Kapal Malaysia ditahan di perairan antarabangsa.")) == []
    assert sides(make_doc("A Malaysian vessel was seized near the Philippines.")) == []


def test_a_visit_to_several_places_is_a_visit_to_each() -> None:
    doc = make_doc("Prabowo akan melawat Jepun sebelum ke Australia dan seterusnya ke Singapura.")
    assert sides(doc) == ["CONSULT IDN>JPN", "CONSULT IDN>AUS", "CONSULT IDN>SGP"]


def test_one_event_per_clause_and_joint_acts_once_per_sentence() -> None:
    doc = make_doc("Malaysia dan Indonesia bersetuju memperkukuh kerjasama maritim yang "
                   "akan mempertingkatkan hubungan kedua-dua negara.")
    assert sides(doc) == ["AGREE MYS>IDN"]


def test_bare_nouns_need_both_sides_in_their_clause() -> None:
    assert sides(make_doc("Kerjasama itu dijangka bermula tahun depan, kata Malaysia.")) == []
    assert sides(make_doc("Kerjasama Malaysia dengan Vietnam dijangka bermula tahun depan.")) == [
        "COOPERATE MYS>VNM"]


def test_trigger_inside_a_name_is_not_an_event() -> None:
    doc = make_doc("Malaysia menganjurkan Seminar Kerjasama Industri Pertahanan bersama Jepun.")
    assert [e.trigger.text for e in extract(doc)] == ["menganjurkan"]


def test_no_country_on_either_side_gives_nothing() -> None:
    assert sides(make_doc("Syarikat itu menandatangani perjanjian dengan pembekal tempatan.")) == []


def test_bad_input() -> None:
    empty = prepare("", published=None, id=None, title=None, url=None, source=None, metadata={},
                    lexicon=load_lexicon())
    assert extract(empty) == []
    assert extract(make_doc("@@@ ### ??? ... !!! \x00\x01")) == []
    assert extract(make_doc("malaysia malaysia malaysia bersetuju bersetuju")) == []


def test_very_long_text_is_linear_and_deterministic() -> None:
    text = " ".join(["Malaysia menandatangani perjanjian dengan Jepun."] * 3000)
    first = extract(make_doc(text))
    assert len(first) == 3000 and first[-1].id == "e3000"
    assert [e.to_dict() for e in extract(make_doc(text))] == [e.to_dict() for e in first]


def test_user_lexicon_adds_a_trigger(tmp_path: Path) -> None:
    (tmp_path / "event_triggers.tsv").write_text(
        "trigger\ttype\tcameo\tmodality\tvoice\tstrength\tlang\nmenempelak keras\tACCUSE\t111\t\t\t3\tms\n",
        encoding="utf-8")
    text = "Vietnam menempelak keras China."
    doc = prepare(text, published=None, id=None, title=None, url=None, source=None, metadata={},
                  lexicon=load_lexicon([tmp_path]))
    doc.actors = make_doc(text).actors
    assert [(e.type, e.trigger.text) for e in extract(doc)] == [("ACCUSE", "menempelak keras")]


def test_user_lexicon_with_an_unknown_type_is_refused(tmp_path: Path) -> None:
    (tmp_path / "event_triggers.tsv").write_text(
        "trigger\ttype\tcameo\tmodality\tvoice\tstrength\tlang\nmenari\tDANCE\t\t\t\t3\tms\n",
        encoding="utf-8")
    doc = prepare("Malaysia menari dengan Jepun.", published=None, id=None, title=None, url=None, source=None,
                  metadata={}, lexicon=load_lexicon([tmp_path]))
    doc.actors = make_doc("Malaysia menari dengan Jepun.").actors
    with pytest.raises(ValueError, match="unknown PLOVER type 'DANCE'"):
        extract(doc)


def _scores(paths: list[Path]) -> dict[str, object]:
    report = evaluate_paths(paths)
    assert report.failures == []
    return {name: result for name, result in report.totals().items()}


def test_seed_events_and_topics(shared_dir: Path) -> None:
    gold = sorted((shared_dir / "gold" / "dev").glob("bernama-*.gold.json"))
    if not gold:
        pytest.skip("the seed's gold file is absent")
    totals = _scores(gold)
    events, topics = totals["events"], totals["topics"]
    assert 2 * events.tp / (2 * events.tp + events.fp + events.fn) >= 0.9  # type: ignore[attr-defined]
    for name in ("modality", "modes"):
        right, scored = events.attributes[name]  # type: ignore[attr-defined]
        assert right == scored > 0
    assert (topics.fp, topics.fn) == (0, 0)  # type: ignore[attr-defined]


def test_dev_golds(shared_dir: Path) -> None:
    gold = sorted((shared_dir / "gold" / "dev").glob("*.gold.json"))
    if len(gold) < 2:
        pytest.skip("the dev gold files are absent")
    events = _scores(gold)["events"]
    # 0.94 with the actors and statements layers; the issue asks for 0.70.
    assert 2 * events.tp / (2 * events.tp + events.fp + events.fn) >= 0.85  # type: ignore[attr-defined]


def test_event_time_is_the_time_of_its_clause() -> None:
    from jalin.extract.times import layer as times

    doc = make_doc("Malaysia akan menandatangani perjanjian dengan Jepun pada 12 Oktober ini, "
                   "kata menteri itu. Korea Selatan pula akan melawat Malaysia minggu depan")
    doc.times = times.extract(doc)
    found = [(e.type, next(t.value for t in doc.times if t.id == e.time)) for e in extract(doc)]
    assert found == [("AGREE", "2025-10-12"), ("CONSULT", "2025-W40")]


def test_malay_noun_takes_the_doer_named_after_it() -> None:
    assert sides(make_doc("Malaysia menyambut lawatan Prabowo ke Jepun dengan gembira.")) == [
        "CONSULT IDN>JPN"]
    assert sides(make_doc("Rakyat Malaysia terkorban dalam serangan dron Amerika Syarikat.")) == []


def test_reporters_questions_are_not_requests() -> None:
    assert sides(make_doc("When asked about Japan, Malaysia's minister declined to comment.")) == []
    assert sides(make_doc("Ketika ditanya mengenai Jepun, menteri Malaysia enggan mengulas.")) == []
