"""What an agreement is about (subject, title, assets, companies, summary) and the times of its
milestones: every rule on invented sentences."""

from __future__ import annotations

from typing import Any

from jalin import analyze


def _one(text: str, published: str | None = "2024-06-05") -> tuple[dict[str, Any], dict[str, Any]]:
    data = analyze(text, published=published).to_dict()
    assert len(data["agreements"]) == 1, data["agreements"]
    return data, data["agreements"][0]


def _time(data: dict[str, Any], tid: str | None) -> tuple[str | None, str | None]:
    found = next(t for t in data["times"] if t["id"] == tid)
    return found["value"], found["relation"]


def test_the_phrase_after_on_is_the_subject_in_english():
    _, g = _one("VIENTIANE: Laos and Cambodia signed a memorandum of understanding on river patrols in "
                "Vientiane on Monday.")
    assert g["subject"] == "river patrols"
    assert g["summary"] == "Cambodia and Laos: memorandum of understanding on river patrols, signed"


def test_the_phrase_after_mengenai_is_the_subject_in_malay():
    _, g = _one("BANDAR SERI BEGAWAN: Brunei dan Filipina menandatangani perjanjian mengenai pertukaran "
                "maklumat risikan semalam.")
    assert (g["parties"], g["subject"]) == (["BRN", "PHL"], "pertukaran maklumat risikan")


def test_equipment_bought_is_an_asset_and_the_maker_a_company_party():
    data, g = _one("JAKARTA: Indonesia signed a contract with Dassault Aviation for six Rafale fighter "
                   "aircraft, the ministry said.")
    [asset] = g["assets"]
    quantity = next(q for q in data["quantities"] if q["id"] == asset)
    assert quantity["unit"] == "aircraft"
    assert "Rafale" in g["subject"]
    [company] = g["companies"]
    assert next(a for a in data["actors"] if a["id"] == company)["name"] == "Dassault Aviation"


def test_money_is_no_asset():
    _, g = _one("JAKARTA: Indonesia signed a defence contract with Dassault Aviation worth US$2 billion for "
                "the upgrade of its air bases.")
    assert g["assets"] == []


def test_a_named_agreement_has_its_title_and_the_summary_names_it():
    _, g = _one("SUVA: Fiji and Vanuatu will sign the Pacific Ocean Patrol Accord next year, officials said.")
    assert g["title"] == "Pacific Ocean Patrol Accord"
    assert g["summary"] == "Fiji and Vanuatu: Pacific Ocean Patrol Accord, under negotiation; signing in 2025"


def test_a_generic_capitalised_kind_is_no_title():
    _, g = _one("HANOI: Vietnam and Laos signed a Memorandum of Understanding on border demining.")
    assert (g["title"], g["subject"]) == (None, "border demining")


def test_the_summary_says_pending_cabinet_approval_by_its_month():
    _, g = _one("HANOI: The defence cooperation agreement between Vietnam and India will be presented for "
                "Cabinet approval by November, the minister said.")
    assert g["summary"] == ("India and Vietnam: defence cooperation agreement, pending Cabinet approval by "
                            "November 2024")


def test_without_a_subject_in_the_text_the_type_gives_one():
    _, g = _one("HANOI: Vietnam and Laos will sign a defence cooperation agreement, officials said.")
    assert g["subject"] == "defence cooperation"


def test_before_the_end_of_the_year_is_a_deadline_on_its_last_day():
    for text in ("PRAIA: Cape Verde and Senegal will sign the coastal patrol agreement before the end of the "
                 "year, the minister said.",
                 "DAKAR: Senegal dan Cape Verde akan menandatangani perjanjian rondaan pantai sebelum akhir "
                 "tahun ini, kata menteri."):
        data, g = _one(text, "2024-04-20")
        [signing] = g["milestones"]
        assert (signing["kind"], signing["state"]) == ("signing", "expected")
        assert _time(data, signing["time"]) == ("2024", "by")


def test_the_time_of_a_reporting_verb_is_no_milestone_time():
    for text in ("MANILA: Perjanjian kerjasama pertahanan antara Filipina dan Brazil akan ditandatangani "
                 "suatu hari nanti, katanya kelmarin.",
                 "MANILA: The Philippines and Brazil will sign the defence cooperation agreement eventually, "
                 "the minister said on Monday."):
        _, g = _one(text, "2024-04-20")
        found = [(m["kind"], m["state"], m["time"]) for m in g["milestones"]]
        assert found == [("signing", "expected", None)]


def test_a_past_form_with_a_month_and_no_year_is_done_that_month_before():
    data, g = _one("MANILA: Perjanjian kerjasama pertahanan antara Filipina dan Brazil dimeterai pada Mac, "
                   "kata jurucakap.", "2024-01-20")
    [signing] = g["milestones"]
    assert (g["status"], signing["state"]) == ("signed", "done")
    assert _time(data, signing["time"]) == ("2023-03", "on")


def test_a_future_form_with_a_month_stays_expected():
    data, g = _one("MANILA: Perjanjian kerjasama pertahanan antara Filipina dan Brazil akan dimeterai pada "
                   "Mac, kata jurucakap.", "2024-01-20")
    [signing] = g["milestones"]
    assert (g["status"], signing["state"]) == ("negotiating", "expected")
    assert _time(data, signing["time"]) == ("2024-03", "on")


def test_an_undated_report_takes_no_year_from_a_founding_year():
    data = analyze("Diasaskan pada 1961, syarikat itu kini membina kapal.\n\nFiji dan Tonga akan "
                   "menandatangani perjanjian kerjasama pertahanan tahun depan, kata menteri.").to_dict()
    assert next(t for t in data["times"] if t["text"] == "tahun depan")["value"] is None
    data = analyze("The shipyard, founded in 1961, builds patrol craft. Talks opened in January 2023.\n\n"
                   "Fiji and Tonga will sign a defence cooperation agreement next year, the minister "
                   "said.").to_dict()
    assert next(t for t in data["times"] if t["text"] == "next year")["value"] == "2024"


def test_an_undated_report_takes_no_year_decades_before_its_latest_year():
    data = analyze("The carmaker opened its first plant abroad in 1968. Its new line is expected to start "
                   "in 2031.\n\nPeru and Chile will sign a defence cooperation agreement next year, the "
                   "minister said.").to_dict()
    assert next(t for t in data["times"] if t["text"] == "next year")["value"] is None


def test_a_country_named_as_the_venue_is_no_party():
    for text in ("OSLO: Chile dan Peru menandatangani perjanjian sempadan maritim semalam selepas rundingan "
                 "di ibu negara Norway.",
                 "LIMA: Delegates meeting in Oslo, Norway said Chile and Peru signed the maritime boundary "
                 "agreement."):
        _, g = _one(text)
        assert g["parties"] == ["CHL", "PER"]
    _, g = _one("OSLO: Norway dan Peru menandatangani perjanjian sempadan maritim semalam.")
    assert g["parties"] == ["NOR", "PER"]
