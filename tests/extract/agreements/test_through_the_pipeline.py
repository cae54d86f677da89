"""The agreements layer through the whole pipeline (real actors, times and cue layers): the seed and
paragraphs written for these tests, Malay and English."""

from __future__ import annotations

from jalin.pipeline import analyze


def test_pipeline_on_own_paragraphs():
    malay = ("KUALA LUMPUR: Malaysia sedang mempercepatkan satu perjanjian perolehan kerajaan dengan "
             "kerajaan (G2G) bersama Jepun. Perjanjian itu dijangka dibentangkan untuk kelulusan Jemaah "
             "Menteri menjelang Disember. Jepun akan menjadi negara ketiga selepas Perancis dan Itali yang "
             "menandatangani perjanjian eksklusif seumpama itu bersama Malaysia.")
    english = ("KUALA LUMPUR: Malaysia is negotiating a government-to-government agreement with South "
               "Korea. The deal is expected to be tabled for Cabinet approval by November. South Korea will "
               "become the second country after Turkey to sign such an exclusive agreement with Malaysia.")
    cases = ((malay, "JPN", ["FRA", "ITA"], "2025-12"), (english, "KOR", ["TUR"], "2025-11"))
    for text, partner, partners, month in cases:
        analysis = analyze(text, published="2025-09-01")
        found = [(g.type, g.parties, g.status, g.exclusive) for g in analysis.agreements]
        assert found == [("g2g_procurement", sorted([partner, "MYS"]), "pending_approval", True)] + [
            ("g2g_procurement", sorted([code, "MYS"]), "signed", True) for code in partners]
        times = {t.id: t.value for t in analysis.times}
        [approval] = [x for x in analysis.agreements[0].milestones if x.kind == "cabinet_approval"]
        assert (approval.state, times[approval.time]) == ("expected", month)


def test_pipeline_on_the_seed(seed_analysis):
    times = {t.id: (t.value, t.relation) for t in seed_analysis.times}
    found = [(g.type, g.parties, g.status, g.exclusive) for g in seed_analysis.agreements]
    assert found == [("g2g_procurement", ["KOR", "MYS"], "pending_approval", True),
                     ("g2g_procurement", ["MYS", "TUR"], "signed", True)]
    [approval] = [x for x in seed_analysis.agreements[0].milestones if x.kind == "cabinet_approval"]
    assert (approval.state, times[approval.time]) == ("expected", ("2025-10", "by"))


def test_dev_golds_meet_the_issue_targets(shared_dir):
    from jalin.evaluate import evaluate_paths
    from jalin.evaluate.report import layer_scores

    golds = sorted((shared_dir / "gold" / "dev").glob("*.gold.json"))
    scores = layer_scores(evaluate_paths(golds).totals()["agreements"])
    assert scores["f1"] >= 0.75
    assert scores["attributes"]["status"]["accuracy"] >= 0.75


def test_pipeline_general_agreement_word_needs_foreign_relations():
    found = analyze("KUALA LUMPUR: Malaysia dan Indonesia bersetuju mempercepatkan rundingan perjanjian "
                    "sempadan di Laut Sulawesi, kata Perdana Menteri.").agreements
    assert [(g.type, g.parties, g.status) for g in found] == [("other", ["IDN", "MYS"], "negotiating")]
    local = analyze("SHAH ALAM: Syarikat itu menandatangani perjanjian sewa pejabat baharu semalam.")
    assert local.agreements == []
