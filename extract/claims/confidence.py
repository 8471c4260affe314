"""Confidence of a claim: a raw score from features, mapped to an observed precision by a calibration file.

Raw score: how the type was decided (a cue in the figure's clause or a fallback), how the figure is attributed
(direct quote, said-verb, pronoun, carry-over, data source, none), whether unit, scale, metric and scope are certain.
Calibration: ``nlp_models/claims_calibration.json`` holds an isotonic (monotone step) map from raw score to the share
of claims with that score that were right on the development gold, fitted by ``extract.claims.calibrate`` with
cross-validation. Without the file the raw score is used. Confidence is always within [0, 1].
"""
from __future__ import annotations

import bisect
import json
from functools import lru_cache
from pathlib import Path

CALIBRATION_FILE = Path(__file__).resolve().parents[2] / "nlp_models" / "claims_calibration.json"

# weights of the raw score (hand-set, monotone in evidence; calibration turns the score into a probability)
ATTRIBUTION_WEIGHT = {"quote": 0.10, "explicit": 0.08, "pronoun": 0.05, "org": 0.05, "carry": 0.02, "none": 0.0}
TYPE_WEIGHT = {"target": 0.04, "budget": 0.04, "achievement": 0.02, "other": -0.03}  # context is the most confused type


def raw_score(*, by_cue: bool, attribution: str, unit: str | None, scaled: bool, metric: str | None,
              claim_type: str, scope: str | None, words: bool = False, crowded: bool = False) -> float:
    score = 0.45
    score += 0.15 if by_cue else 0.0
    score += ATTRIBUTION_WEIGHT.get(attribution, 0.0)
    score += 0.08 if unit else 0.0
    score += 0.05 if scaled else 0.0
    score += 0.07 if metric else 0.0
    score += TYPE_WEIGHT.get(claim_type, 0.0)
    score += 0.03 if scope not in (None, "national") else 0.0  # an explicit region / programme was found
    score -= 0.05 if words else 0.0  # numbers written as words are parsed less reliably
    score -= 0.03 if crowded else 0.0  # a sentence with several figures: the type of each is decided less surely
    return round(min(max(score, 0.0), 1.0), 4)


@lru_cache(maxsize=1)
def _calibration() -> tuple[list[float], list[float]] | None:
    if not CALIBRATION_FILE.exists():
        return None
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    steps = data["steps"]
    return [s[0] for s in steps], [s[1] for s in steps]


def calibrate(raw: float, steps: tuple[list[float], list[float]] | None = None) -> float:
    """The calibrated confidence of a raw score: the value of the last step at or below it."""
    steps = steps if steps is not None else _calibration()
    if not steps:
        return round(min(max(raw, 0.0), 1.0), 2)
    bounds, values = steps
    i = bisect.bisect_right(bounds, raw) - 1
    return round(min(max(values[max(i, 0)], 0.0), 1.0), 2)


def fit_isotonic(scores: list[float], correct: list[bool]) -> tuple[list[float], list[float]]:
    """Pool-adjacent-violators: a non-decreasing step map from score to observed share of correct claims.
    Each step's value is smoothed towards 0.5 by one pseudo-claim of each outcome (no 0 or 1 from few claims)."""
    pairs = sorted(zip(scores, correct))
    blocks: list[list[float]] = []  # [first score, right, total]
    for score, ok in pairs:
        if blocks and blocks[-1][0] == score:
            blocks[-1][1] += ok
            blocks[-1][2] += 1
        else:
            blocks.append([score, float(ok), 1.0])
        while len(blocks) > 1 and _rate(blocks[-2]) >= _rate(blocks[-1]):
            last = blocks.pop()
            blocks[-1][1] += last[1]
            blocks[-1][2] += last[2]
    return [b[0] for b in blocks], [round(_rate(b), 4) for b in blocks]


def _rate(block) -> float:
    return (block[1] + 1) / (block[2] + 2)
