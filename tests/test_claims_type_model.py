"""The statistical tie-breaker of claim types (extract/claims/type_model.py): features, training, decisions."""
from datetime import date

from extract.claims import type_model
from extract.claims.type_model import NaiveBayes, features


def test_features_name_the_unit_the_governing_verb_and_the_cues_around_the_figure():
    sent = "Saat ini platform itu memiliki 42 ribu penjual yang aktif di 18 kota."
    rs = sent.index("42")
    feats = features(sent, rs, rs + len("42 ribu"), "UMKM", None, date(2025, 1, 1))
    assert "u:UMKM" in feats and "verb:memiliki" in feats and "yang_r" in feats and "r0:penjual" in feats


def test_the_model_overrules_the_default_only_with_evidence():
    records = [(["u:UMKM", "r0:penjual", "verb:memiliki"], "achievement")] * 6 + [(["u:UMKM", "r0:perajin"], "other")] * 6
    model = NaiveBayes.train(records, margin=0.0)
    assert model.decide("other", ["u:UMKM", "r0:penjual", "verb:memiliki"]) == "achievement"
    assert model.decide("other", ["u:UMKM", "r0:perajin"]) == "other"
    strict = NaiveBayes.train(records, margin=50.0)  # a margin no evidence reaches keeps the rules' default
    assert strict.decide("other", ["u:UMKM", "r0:penjual", "verb:memiliki"]) == "other"


def test_the_model_round_trips_through_its_json_form():
    model = NaiveBayes.train([(["a"], "target"), (["b"], "other")], margin=0.5)
    data = model.to_json()
    again = NaiveBayes(data["class_counts"], data["feature_counts"], data["margin"])
    assert again.scores(["a"]) == model.scores(["a"])


def test_the_shipped_model_is_trained_on_every_type():
    model = type_model.shipped_model()
    assert model is not None, "nlp_models/type_tiebreak.json is missing: run scripts/type_tiebreak train"
    assert model.total > 100 and all(model.class_counts[t] > 0 for t in ("achievement", "other"))
