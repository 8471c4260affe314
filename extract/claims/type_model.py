"""Statistical tie-breaker for the claim type of figures that no typing rule decides.

When neither the clause structure (structure.py) nor a cue word (claim_type.py) decides a figure's type, the rules fall
back to a default by unit. ``decide`` may replace that default with the type a small naive-Bayes model over clause
features predicts (governing verb, cue-lexicon hits left and right, unit, words next to the figure, modal, year
relation). The model is a table of counts in a JSON data file trained by ``scripts/type_tiebreak`` on the development
gold; the script also measures it by cross-validation across gold sets, and docs/claims.md records the measurement. The
file ships with Pantau: without it the claims would silently change, so a missing file is an error at first use.
"""
from __future__ import annotations

import json
import math
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from extract.claims.lexicon import ACHIEVE_CUES, DIGITAL_WORDS, OTHER_CUES, PROJECTION, STRONG_REALIZED, TARGET_CUES, words

MODEL_PATH = Path(__file__).resolve().parents[2] / "nlp_models" / "type_tiebreak.json"
TYPES = ("target", "achievement", "budget", "other")
MODALS = words("target", "modal_after")
_WORD = re.compile(r"[a-z][a-z-]*|\d[\d.,]*", re.IGNORECASE)
_VERB = re.compile(r"^(?:me|ber|di|ter|per)[a-z]{3,}$")
_SURVEY = re.compile(r"\b(?:survei|riset|kajian|studi|penelitian|responden)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _tokens(text: str) -> list[str]:
    return ["#" if t[0].isdigit() else t.lower() for t in _WORD.findall(text)]


def features(sent: str, rs: int, re_: int, unit: str | None, metric: str | None, day: date | None) -> list[str]:
    """Binary features of the figure at ``sent[rs:re_]``: the words around it, its governing verb and cue hits."""
    left, right = sent[max(0, rs - 90):rs], sent[re_:re_ + 90]
    lt, rt = _tokens(left), _tokens(right)
    feats = [f"u:{unit}", f"m:{metric}"]
    feats += [f"l{i}:{w}" for i, w in enumerate(reversed(lt[-3:]))] + [f"r{i}:{w}" for i, w in enumerate(rt[:3])]
    verb = next((w for w in reversed(lt) if _VERB.match(w)), None)
    feats.append(f"verb:{verb}")
    for name, rx in (("ach", ACHIEVE_CUES), ("tgt", TARGET_CUES), ("oth", OTHER_CUES), ("proj", PROJECTION),
                     ("strong", STRONG_REALIZED), ("modal", MODALS)):
        if rx.search(left[-60:]):
            feats.append(f"{name}_l")
        if rx.search(right[:50]):
            feats.append(f"{name}_r")
    if DIGITAL_WORDS.search(sent):
        feats.append("digital")
    if _SURVEY.search(sent):
        feats.append("survey")
    if rt[:1] == ["yang"] or rt[1:2] == ["yang"]:
        feats.append("yang_r")
    years = [int(y) for y in _YEAR.findall(sent)]
    if day is not None and years:
        feats.append("year:future" if max(years) > day.year else "year:past" if max(years) < day.year else "year:now")
    return feats


class NaiveBayes:
    """Naive Bayes over counts of binary features per type (trained on the development gold)."""

    def __init__(self, class_counts: dict[str, int], feature_counts: dict[str, dict[str, int]], margin: float):
        self.class_counts, self.feature_counts, self.margin = class_counts, feature_counts, margin
        self.total = sum(class_counts.values())
        # the vocabulary size and each type's smoothed mass depend on the counts only: computed once, not per figure
        vocab = len({f for fc in feature_counts.values() for f in fc}) + 1
        self._mass = {t: sum(feature_counts.get(t, {}).values()) + vocab for t in TYPES}

    @classmethod
    def train(cls, records: list[tuple[list[str], str]], margin: float) -> "NaiveBayes":
        class_counts = {t: 0 for t in TYPES}
        feature_counts: dict[str, dict[str, int]] = {t: {} for t in TYPES}
        for feats, label in records:
            class_counts[label] += 1
            for f in set(feats):
                feature_counts[label][f] = feature_counts[label].get(f, 0) + 1
        return cls(class_counts, feature_counts, margin)

    def scores(self, feats: list[str]) -> dict[str, float]:
        """Log posterior (up to a constant) of each type: multinomial naive Bayes with add-one smoothing."""
        out = {}
        for t in TYPES:
            fc = self.feature_counts.get(t, {})
            mass = self._mass[t]
            s = math.log((self.class_counts.get(t, 0) + 1) / (self.total + len(TYPES)))
            for f in set(feats):
                s += math.log((fc.get(f, 0) + 1) / mass)
            out[t] = s
        return out

    def decide(self, default: str, feats: list[str]) -> str:
        """The model's type when it beats the rules' default by ``margin`` (log odds), else the default."""
        sc = self.scores(feats)
        best = max(sc, key=sc.get)
        return best if best != default and sc[best] - sc[default] > self.margin else default

    def to_json(self) -> dict:
        return {"margin": self.margin, "class_counts": self.class_counts, "feature_counts": self.feature_counts}


class TypeModelMissing(RuntimeError):
    """The shipped tie-breaker (``nlp_models/type_tiebreak.json``) is not installed."""


@lru_cache(maxsize=1)
def shipped_model() -> NaiveBayes:
    """The trained model of ``nlp_models/type_tiebreak.json``."""
    if not MODEL_PATH.exists():
        raise TypeModelMissing(f"{MODEL_PATH} is missing: it ships with Pantau (reinstall, or train it with "
                               "`scripts/type_tiebreak train`)")
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return NaiveBayes(data["class_counts"], data["feature_counts"], data["margin"])


def decide(default: str, sent: str, rs: int, re_: int, unit: str | None, metric: str | None, day: date | None) -> str:
    """The type of a figure no rule decided: the shipped model's choice (the rules' default when evidence is weak)."""
    return shipped_model().decide(default, features(sent, rs, re_, unit, metric, day))
