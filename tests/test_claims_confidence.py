"""Confidence: raw score monotone in evidence, isotonic calibration, reliability table."""
from extract.claims import extract_claims
from extract.claims.calibrate import cross_validated, reliability
from extract.claims.confidence import calibrate, fit_isotonic, raw_score


def test_raw_score_grows_with_evidence_and_stays_in_range():
    weak = raw_score(by_cue=False, attribution="none", unit=None, scaled=False, metric=None, claim_type="other",
                     scope=None, words=True)
    strong = raw_score(by_cue=True, attribution="quote", unit="UMKM", scaled=True, metric="umkm_onboarded_digital",
                       claim_type="target", scope="province")
    assert 0.0 <= weak < strong <= 1.0


def test_isotonic_fit_is_monotone_and_smoothed():
    scores = [0.5, 0.5, 0.6, 0.6, 0.7, 0.7, 0.8, 0.8]
    right = [False, True, True, False, True, True, True, True]
    bounds, values = fit_isotonic(scores, right)
    assert values == sorted(values) and 0 < values[0] and values[-1] < 1
    assert calibrate(0.45, (bounds, values)) == round(values[0], 2)  # below the first step: the first step
    assert calibrate(0.85, (bounds, values)) == round(values[-1], 2)


def test_reliability_bins_compare_claimed_with_observed():
    rows = [(f"a{i}", 0.5 + (i % 2) * 0.4, 0.0, bool(i % 2)) for i in range(20)]
    table = reliability(cross_validated(rows, folds=4))
    assert sum(r["claims"] for r in table) == 20
    low = next(r for r in table if r["claimed"] < 0.5)
    assert low["observed"] == 0.0


def test_claims_carry_a_confidence_in_unit_range():
    cs = extract_claims({"id": "c", "published": "2024-01-02",
                         "text": "Kementerian menargetkan 5 juta UMKM masuk lokapasar pada 2025."})
    assert cs and all(0.0 <= c["confidence"] <= 1.0 for c in cs) and "raw_confidence" not in cs[0]
