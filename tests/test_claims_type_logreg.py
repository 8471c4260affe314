"""The learned claim-type classifier of the cross-validation experiment (extract/claims/type_logreg.py)."""
from extract.claims.type_logreg import LogReg, evidence_features, rule_tag, weak_decision


def test_the_rules_decision_and_how_it_was_reached_are_features():
    feats = evidence_features(["u:UMKM", "verb:menggandeng", "tgt_l"], rule_tag("target", True))
    assert "rule:target" in feats and "rule:target|u:UMKM" in feats and "rule:target|tgt_l" in feats
    assert "rule:other~fallback" in evidence_features(["u:orang"], rule_tag("other", False))


def test_a_single_cue_word_for_the_decided_type_is_a_weak_decision():
    assert weak_decision("target", ["u:persen", "tgt_l"])
    assert not weak_decision("target", ["u:persen", "tgt_l", "strong_r"])  # two cues: not one word's say
    assert not weak_decision("achievement", ["u:persen", "tgt_l"])  # the cue points elsewhere: another rule decided


def test_training_learns_which_evidence_predicts_each_type():
    records = ([(["u:UMKM", "r0:pedagang", "verb:membina"], "achievement")] * 8 +
               [(["u:UMKM", "r0:pedagang", "modal_l"], "target")] * 8 +
               [(["u:rupiah", "r0:anggaran"], "budget")] * 5 + [(["u:orang", "r0:penduduk"], "other")] * 5)
    model = LogReg.train(records, l2=0.5)
    assert model.best(["u:UMKM", "r0:pedagang", "verb:membina"])[0] == "achievement"
    assert model.best(["u:UMKM", "r0:pedagang", "modal_l"])[0] == "target"
    assert model.best(["u:rupiah", "r0:anggaran"])[0] == "budget"
    probs = model.probs(["u:orang", "r0:penduduk"])
    assert abs(sum(probs.values()) - 1) < 1e-9 and max(probs, key=probs.get) == "other"


def test_a_stronger_penalty_keeps_the_model_less_sure_and_unseen_features_count_nothing():
    records = [(["a", "x"], "target")] * 6 + [(["b", "x"], "other")] * 6
    loose, tight = LogReg.train(records, l2=0.1), LogReg.train(records, l2=10.0)
    assert loose.best(["a"])[1] > tight.best(["a"])[1] > 0.25
    assert loose.probs(["a", "never-seen"]) == loose.probs(["a"])


def test_clause_features_read_the_figures_own_clause_only():
    from extract.claims.type_logreg import clause_features

    sent = "Dinas itu menyebut ada 12 gerai baru, sedangkan pemerintah kota menargetkan 40 gerai pada 2027."
    rs = sent.index("40")
    feats = clause_features(sent, rs, rs + 2)
    assert "c_l:menargetkan" in feats and "c_r0:gerai" in feats
    assert "c_l:menyebut" not in feats  # a word of the clause before the comma is not this figure's evidence
