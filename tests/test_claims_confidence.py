"""Confidence: evidence features, a logistic model fitted on gold, Platt re-scaling to unseen text, reliability."""
import json
import math
import random

import pytest

from extract.claims import extract_claims
from extract.claims.calibrate import cross_validated, holdout_cross_validated, load_holdout, reliability
from extract.claims.confidence import (CALIBRATION_FILE, claim_evidence, confidence_of, fit_logistic, fit_rescale,
                                       hand_score, log_odds)

STRONG = claim_evidence(by_cue=True, attribution="quote", unit="UMKM", scaled=True, metric="umkm_onboarded_digital",
                        claim_type="target", scope="province")
WEAK = claim_evidence(by_cue=False, attribution="none", unit=None, scaled=False, metric=None, claim_type="other",
                      scope=None, words=True, crowded=True)


def test_evidence_names_how_the_claim_was_found():
    assert {"cue", "attr=quote", "metric", "scope", "type=target", "type=target&cue"} <= set(STRONG)
    assert {"words", "crowded", "type=other&fallback", "type=other&crowded"} <= set(WEAK)
    assert list(STRONG) == sorted(STRONG)  # equal evidence is an equal tuple


def test_hand_score_without_a_model_grows_with_evidence():
    assert 0.0 <= hand_score(WEAK) < hand_score(STRONG) <= 1.0


def _synthetic(n, p_good, p_bad, seed):
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        good = i % 2 == 0
        rows.append((f"a{i}", STRONG if good else WEAK, 0.0, rnd.random() < (p_good if good else p_bad)))
    return rows


def test_logistic_model_learns_which_evidence_is_reliable():
    rows = _synthetic(400, 0.95, 0.55, seed=1)
    model = fit_logistic([(r[1], r[3]) for r in rows])
    strong, weak = confidence_of(STRONG, model), confidence_of(WEAK, model)
    assert 0.9 <= strong <= 0.99 and 0.45 <= weak <= 0.65


def test_rescaling_moves_development_optimism_to_the_holdout_rate():
    dev = _synthetic(400, 0.95, 0.75, seed=2)
    holdout = _synthetic(400, 0.85, 0.55, seed=3)  # the same evidence is right less often on unseen text
    model = fit_logistic([(r[1], r[3]) for r in dev])
    rescaled = dict(model, rescale=fit_rescale([(log_odds(r[1], model), r[3]) for r in holdout]))
    assert confidence_of(STRONG, rescaled) < confidence_of(STRONG, model) - 0.05
    assert abs(confidence_of(WEAK, rescaled) - 0.55) < 0.08
    assert confidence_of(STRONG, rescaled, rescale=False) == confidence_of(STRONG, model)
    # the map is the optimism of a development model: a later, better model keeps its lead after re-scaling
    better = dict(rescaled, bias=rescaled["bias"] + 1.0)
    assert confidence_of(STRONG, better) > confidence_of(STRONG, rescaled)


def test_reliability_tables_compare_claimed_with_observed():
    dev = _synthetic(200, 0.95, 0.2, seed=4)
    table = reliability(cross_validated(dev, folds=4))
    assert sum(r["claims"] for r in table) == 200
    assert min(table, key=lambda r: r["claimed"])["observed"] < 0.4
    model = fit_logistic([(r[1], r[3]) for r in dev])
    holdout = [(aid, ev, log_odds(ev, model), ok) for aid, ev, _, ok in _synthetic(100, 0.9, 0.1, seed=5)]
    held = reliability(holdout_cross_validated(holdout, folds=4))
    assert sum(r["claims"] for r in held) == 100


def test_shipped_model_is_rescaled_on_recorded_blind_rows():
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    holdout = load_holdout()
    if not holdout:
        pytest.skip("no holdout rows shipped")
    assert data["rescale"] and data["holdout_claims"] == len(holdout)
    # on the rows it was fitted on, the re-scaled development log-odds average to the observed precision
    slope, intercept = data["rescale"]
    mean = sum(1 / (1 + math.exp(-(slope * logit + intercept))) for _, _, logit, _ in holdout) / len(holdout)
    observed = sum(ok for *_, ok in holdout) / len(holdout)
    assert abs(mean - observed) < 0.02


def test_claims_carry_a_confidence_in_unit_range_and_evidence_on_request():
    article = {"id": "c", "published": "2024-01-02",
               "text": "Kementerian menargetkan 5 juta UMKM masuk lokapasar pada 2025."}
    cs = extract_claims(article)
    assert cs and all(0.0 <= c["confidence"] <= 1.0 for c in cs) and "evidence" not in cs[0]
    with_ev = extract_claims(article, with_evidence=True)
    assert "type=target" in with_ev[0]["evidence"]
    assert with_ev[0]["confidence"] == confidence_of(tuple(with_ev[0]["evidence"]))
