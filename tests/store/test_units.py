"""The store's backend-independent parts: dates, near-duplicates, name resolution, agreement status."""

from __future__ import annotations

import hashlib

from helpers import TESTS_DIR
from jalin.model import SCHEMA_ID, Analysis, DocumentInfo
from jalin.store import open_store
from jalin.store.dates import day_of, due_date, period
from jalin.store.neardup import THRESHOLD, band_keys, bands, signature, signatures, similarity
from jalin.store.resolve import EntityIndex, name_tokens
from jalin.store.status import current_status, overdue, visible

STORY_MS = ("Kementerian Pertahanan akan memperoleh empat buah kapal misi pesisir baharu daripada sebuah "
            "syarikat tempatan dengan kerjasama rakan asing, kata seorang pegawai kanan hari ini. Beliau "
            "berkata kontrak itu dijangka ditandatangani sebelum hujung tahun depan dan kapal pertama akan "
            "diserahkan dalam tempoh tiga tahun selepas itu, manakala latihan anak kapal akan bermula "
            "lebih awal.")


def test_periods_and_due_dates():
    assert due_date("2025-10", "by") == "2025-10-31"
    assert due_date("2024-02", None) == "2024-02-29"
    assert due_date("2025-Q4", "by") == "2025-12-31"
    assert due_date("2025", "during") == "2025-12-31"
    assert due_date("2025-10", "before") == "2025-09-30"
    assert due_date("2025-W40", "by") == "2025-10-05"
    assert due_date("2025-10-15", "on") == "2025-10-15"
    assert due_date("2025-10", "after") is None
    assert due_date(None, "by") is None
    assert due_date("sometime", "by") is None
    assert period("2025-13") is None
    assert day_of("2025-10-15") == "2025-10-15" and day_of("2025-10") is None


def test_near_duplicate_signatures():
    copy = "PUTRAJAYA: " + STORY_MS + " – Bernama"
    other = STORY_MS.replace("empat buah kapal misi pesisir", "dua buah pesawat pengangkut").replace(
        "kapal pertama", "pesawat pertama").replace("anak kapal", "juruterbang")
    sig = signature(STORY_MS)
    assert similarity(sig, signature(STORY_MS)) == 1.0
    assert similarity(sig, signature(copy)) >= THRESHOLD
    assert similarity(sig, signature(other)) < THRESHOLD
    assert set(bands(sig)) & set(bands(signature(copy)))
    assert len(bands(sig)) == 16 and all(0 <= k < 2**63 for k in bands(sig))
    assert signature("terlalu pendek") is None
    assert signature("") is None
    assert len(signature(STORY_MS * 2000)) == 256


def test_signatures_of_a_batch_match_those_already_stored():
    """The batch computation gives every text the signature stored before it (pinned here), empty
    bins (a short text) and the word limit (a long one) included, whatever else is in the batch."""
    assert hashlib.sha256(signature(STORY_MS)).hexdigest()[:16] == "c4e9c2b1e6bf3873"
    assert hashlib.sha256(signature(STORY_MS * 2000)).hexdigest()[:16] == "1935ded49c2feeb0"
    english = ("The defence ministry will acquire four new littoral mission ships from a local company in "
               "cooperation with a foreign partner, a senior official said today, adding that the contract "
               "is expected to be signed before the end of next year.")
    texts = [STORY_MS, "", "terlalu pendek", STORY_MS * 2000, english, "!!! ??? " * 500, STORY_MS]
    assert signatures(texts) == [signature(t) for t in texts]
    assert signatures(texts)[1:3] == [None, None] and signatures([]) == []
    signed = [s for s in signatures(texts) if s is not None]
    assert band_keys(signed) == [bands(s) for s in signed] and band_keys([]) == []


def test_stored_analysis_is_the_given_json_minus_its_text():
    """JSON handed to the store is stored with its "text" member cut out (not encoded again); any
    JSON where that cut is not certain (other spacing, a "[" before the text) is encoded from the
    parsed object; every form reads back as the same object, keys in contract order."""
    import json

    import orjson

    from jalin.store.rows import _without_text, analysis_with_text, analysis_without_text
    from store_fixtures import pending

    data = pending().to_dict()
    compact = orjson.dumps(data)
    spaced = json.dumps(data, ensure_ascii=False)
    bracketed = dict(data, document={**data["document"], "title": "[Video] G2G deal"})
    rest = {k: v for k, v in data.items() if k != "text"}
    assert _without_text(compact, data["text"]) == orjson.dumps(rest)
    assert _without_text(compact.decode(), data["text"]) is not None
    assert _without_text(spaced, data["text"]) is None
    assert _without_text(orjson.dumps(bracketed), data["text"]) is None
    assert _without_text(compact, data["text"] + "!") is None
    for given, expected in ((compact, data), (compact.decode(), data), (spaced, data), (None, data),
                            (orjson.dumps(bracketed), bracketed)):
        stored = analysis_with_text(analysis_without_text(expected, given), expected["text"])
        assert stored == expected and list(stored) == list(expected)


def test_person_names_fold_honorifics_and_particles():
    assert name_tokens("Datuk Seri Dr. Ahmad Zahid bin Hamidi") == {"ahmad", "zahid", "hamidi"}
    assert name_tokens("YB Tuan Haji Ali a/l Muthu") == {"ali", "muthu"}
    index = EntityIndex()
    first, new, _ = index.actor("PERSON", "Ahmad Zahid Hamidi", None, "MYS", "GOV")
    assert new is not None
    assert index.actor("PERSON", "Zahid Hamidi", None, "MYS", "GOV")[0] == first
    assert index.actor("PERSON", "Zahid Hamidi", None, None, None)[0] == first
    assert index.actor("PERSON", "Zahid Hamidi", None, "IDN", "GOV")[0] != first  # another country
    assert index.actor("PERSON", "Zahid", None, "MYS", "GOV")[0] != first  # one name is not enough
    assert index.actor("COUNTRY", "Korea Selatan", "South Korea", "KOR", None)[0] == index.actor(
        "COUNTRY", "South Korea", "South Korea", "KOR", None)[0]


def test_agreements_split_when_a_concluded_one_restarts_much_later():
    index = EntityIndex()
    first, _ = index.agreement("mou", "IDN|MYS", "2020-01-10", "signed")
    assert index.agreement("mou", "IDN|MYS", "2020-03-01", "in_force") == (first, False)
    later, new = index.agreement("mou", "IDN|MYS", "2021-06-01", "negotiating")
    assert new and later != first
    assert index.agreement("mou", "MYS|THA", "2020-03-01", "signed")[1]
    assert index.agreement("mou", "IDN|MYS", "2026-01-01", "signed")[1]  # beyond the window


def test_status_and_overdue_rules():
    reports = visible([{"date": "2025-10-22", "status": "approved"},
                       {"date": "2025-09-22", "status": "pending_approval"},
                       {"date": "2025-10-22", "status": "unknown"}], None)
    assert current_status(reports) == ("approved", "2025-10-22")
    assert current_status([]) == ("unknown", None)
    expected = [{"kind": "signing", "state": "expected", "due": "2025-12-31", "date": "2025-09-22",
                 "value": "2025-12", "relation": "by"}]
    assert [m["kind"] for m in overdue(reports, expected, "2026-01-05")] == ["signing"]
    assert overdue(reports, expected, "2025-12-31") == []
    cancelled = [*reports, {"date": "2025-12-01", "status": "cancelled"}]
    assert overdue(cancelled, expected, "2026-01-05") == []
    done = [*expected, {"kind": "signing", "state": "done", "due": None, "date": "2026-01-02"}]
    assert overdue(reports, done, "2026-01-05") == []
    later = [*expected, {"kind": "signing", "state": "expected", "due": "2026-03-31", "date": "2025-12-20"}]
    assert overdue(reports, later, "2026-01-05") == []  # rescheduled


def _bare(doc_id: str, text: str) -> Analysis:
    return Analysis(SCHEMA_ID, DocumentInfo(doc_id, language="ms"), text)


def test_empty_garbage_and_very_long_documents_store(new_db):
    with open_store(new_db("kb")) as store:
        long_text = (STORY_MS + "\n\n") * 3000
        result = store.add_analyses([_bare("empty", ""), _bare("garbage", "\x00\x01 ÿÿÿ ####"),
                                     _bare("long", long_text), _bare("blank", " ")])
        assert (result.added, result.skipped) == (4, 0)
        assert store.document("long")["text"] == long_text
        assert store.search("kapal misi pesisir")["id"].tolist() == ["long"]
        assert store.search("####").empty
        assert store.document("blank")["text"] == " "


def test_record_conversion_matches_the_contract_json():
    import json

    from jalin.pipeline import analyze
    from jalin.store.rows import analysis_json, as_dict

    folder = TESTS_DIR / "data" / "store"
    for path in sorted(folder.glob("*.txt")):
        analysis = analyze(path.read_text(encoding="utf-8").split(" ", 2)[2], published="2025-10-22")
        assert json.dumps(as_dict(analysis), ensure_ascii=False, separators=(",", ":")) == analysis.to_json()
        assert json.loads(analysis_json(analysis)) == json.loads(analysis.to_json())
