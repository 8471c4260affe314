"""Confidence of a claim: the evidence behind it, weighed by a model fitted on gold and re-scaled on unseen text.

Evidence: how the type was decided (a cue in the figure's clause or a fallback), how the figure is attributed (direct
quote, said-verb, pronoun, carry-over, data source, none), whether unit, scale, metric and scope are certain, numbers
in words, a sentence crowded with figures. ``claim_evidence`` turns them into a tuple of feature names.

Weights: ``nlp_models/claims_calibration.json`` holds a logistic regression over those features fitted on the
development gold (``python -m extract.claims.calibrate --write``). The extractor is tuned on that gold, so its
precision there is higher than on text nobody tuned on; the file therefore also holds a re-scaling (Platt: slope and
intercept on the model's log-odds) fitted on *holdout rows*: the evidence and the right/wrong outcome of every claim a
version predicted on its blind set the one time that set was scored (``nlp_models/claims_holdout.jsonl``).
Each holdout row keeps the log-odds that version's own development model gave it, so the re-scaling measures the
*optimism* of a development model (how much less often its claims were right on unseen text), not the precision of
an older extractor; it is applied to the current development model. Without the file a hand-weighted score is used. Confidence is always within [0, 1].
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

CALIBRATION_FILE = Path(__file__).resolve().parents[2] / "nlp_models" / "claims_calibration.json"
HOLDOUT_FILE = CALIBRATION_FILE.with_name("claims_holdout.jsonl")

# hand weights, used only when no calibration file is shipped (monotone in evidence)
ATTRIBUTION_WEIGHT = {"quote": 0.10, "explicit": 0.08, "pronoun": 0.05, "org": 0.05, "carry": 0.02, "none": 0.0}
TYPE_WEIGHT = {"target": 0.04, "budget": 0.04, "achievement": 0.02, "other": -0.03}
HAND_WEIGHT = {"cue": 0.15, "unit": 0.08, "scaled": 0.05, "metric": 0.07, "scope": 0.03, "words": -0.05,
               "crowded": -0.03}


def claim_evidence(*, by_cue: bool, attribution: str, unit: str | None, scaled: bool, metric: str | None,
                   claim_type: str, scope: str | None, words: bool = False, crowded: bool = False) -> tuple[str, ...]:
    """The feature names that describe how a claim was found (sorted, so equal evidence is an equal tuple)."""
    flags = {"cue": by_cue, "unit": bool(unit), "scaled": scaled, "metric": bool(metric),
             "scope": scope not in (None, "national"), "words": words, "crowded": crowded}
    feats = [f"type={claim_type}", f"attr={attribution}"] + [name for name, on in flags.items() if on]
    # the type decision is what fails most on unseen text: how it was decided matters per type
    feats.append(f"type={claim_type}&{'cue' if by_cue else 'fallback'}")
    if crowded:
        feats.append(f"type={claim_type}&crowded")
    return tuple(sorted(feats))


def hand_score(evidence: tuple[str, ...]) -> float:
    score = 0.45
    for f in evidence:
        if f.startswith("attr="):
            score += ATTRIBUTION_WEIGHT.get(f[5:], 0.0)
        elif f.startswith("type=") and "&" not in f:
            score += TYPE_WEIGHT.get(f[5:], 0.0)
        else:
            score += HAND_WEIGHT.get(f, 0.0)
    return round(min(max(score, 0.0), 1.0), 4)


@lru_cache(maxsize=1)
def _model() -> dict | None:
    if not CALIBRATION_FILE.exists():
        return None
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    if "weights" not in data:
        raise ValueError(f"{CALIBRATION_FILE}: no 'weights'; refit it with python -m extract.claims.calibrate --write")
    return data


def log_odds(evidence: tuple[str, ...], model: dict) -> float:
    weights = model["weights"]
    return model["bias"] + sum(weights.get(f, 0.0) for f in evidence)


def confidence_of(evidence: tuple[str, ...], model: dict | None = None, *, rescale: bool = True) -> float:
    """Probability that a claim with this evidence is right. ``model``: a fitted model (default: the shipped file);
    ``rescale=False`` skips the re-scaling to unseen text (the development-gold probability)."""
    model = model if model is not None else _model()
    if model is None:
        return round(hand_score(evidence), 2)
    z = log_odds(evidence, model)
    if rescale and model.get("rescale"):
        slope, intercept = model["rescale"]
        z = slope * z + intercept
    return round(_sigmoid(z), 2)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def fit_logistic(rows: list[tuple[tuple[str, ...], bool]], l2: float = 1.0, steps: int = 50) -> dict:
    """L2-regularised logistic regression over feature names by Newton's method (small: a few dozen features).
    The bias is not regularised. Returns ``{"bias", "weights"}``."""
    import numpy as np

    names = sorted({f for ev, _ in rows for f in ev})
    index = {n: i + 1 for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, 0] = 1.0
    for r, (ev, _) in enumerate(rows):
        for f in ev:
            x[r, index[f]] = 1.0
    y = np.array([float(ok) for _, ok in rows])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        delta = np.linalg.solve(hess, grad)
        w -= delta
        if np.abs(delta).max() < 1e-8:
            break
    return {"bias": round(float(w[0]), 5), "weights": {n: round(float(w[index[n]]), 5) for n in names}}


def fit_rescale(rows: list[tuple[float, bool]], l2: float = 1.0) -> list[float]:
    """Platt re-scaling ``[slope, intercept]`` from holdout rows ``(development log-odds, right)``: how the
    development model's log-odds of the version that predicted them translated into being right on its blind set.
    The slope is pulled towards 1 and the intercept towards 0 (a weak prior that development gold is honest), so a
    small holdout moves the map only as far as it has evidence to."""
    import numpy as np

    z = np.array([logit for logit, _ in rows])
    y = np.array([float(ok) for _, ok in rows])
    x = np.column_stack([z, np.ones_like(z)])
    prior = np.array([1.0, 0.0])
    w = prior.copy()
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + l2 * (w - prior)
        hess = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(2)
        delta = np.linalg.solve(hess, grad)
        w -= delta
        if np.abs(delta).max() < 1e-8:
            break
    return [round(float(w[0]), 5), round(float(w[1]), 5)]
