"""Is a text layer trustworthy? Detects the signs of a scanned document with a bad OCR layer.

``assess(text)`` -> ``(label, signals)`` with label ``ok`` | ``suspect`` | ``corrupt``. Signals: confusions (tokens
such as ``2O24``, ``l2,5``, ``ayat (l)`` where a letter stands for a digit), garbage share (characters outside
letters, digits, whitespace and ordinary punctuation). Thresholds are in ``data/quality.yaml``. A figure read from a
suspect or corrupt page keeps that label and a capped confidence (see :func:`cap_confidence`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import load

ORDER = {"ok": 0, "suspect": 1, "corrupt": 2}


@lru_cache(maxsize=1)
def _config():
    conf = load("quality")
    patterns = [re.compile(p) for p in conf["confusions"]]
    allowed = set(conf["ordinary_punctuation"])
    return patterns, allowed, conf["thresholds"], conf["confidence_cap"]


def confusions(text: str) -> list[str]:
    patterns, _, _, _ = _config()
    spans = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            if not any(match.start() < end and start < match.end() for start, end, _ in spans):
                spans.append((match.start(), match.end(), match.group(0)))
    return [token for _, _, token in sorted(spans)]


def garbage_share(text: str) -> float:
    _, allowed, _, _ = _config()
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    bad = sum(1 for c in visible if not (c.isalnum() or c in allowed))
    return bad / len(visible)


def assess(text: str) -> tuple[str, dict]:
    _, _, limits, _ = _config()
    found = confusions(text)
    garbage = garbage_share(text)
    per_1000 = len(found) * 1000 / max(len(text), 1)
    label = "ok"
    if len(found) >= limits["suspect_confusions"] or garbage >= limits["suspect_garbage"]:
        label = "suspect"
    if (len(found) >= 2 and per_1000 >= limits["corrupt_confusions_per_1000"]) or garbage >= limits["corrupt_garbage"]:
        label = "corrupt"
    return label, {"confusions": found[:20], "confusion_count": len(found), "garbage_share": round(garbage, 4)}


def worst(labels) -> str:
    labels = list(labels)
    return max(labels, key=ORDER.__getitem__) if labels else "ok"


def cap_confidence(confidence: float | None, label: str) -> float | None:
    _, _, _, caps = _config()
    cap = caps.get(label)
    if cap is None or confidence is None:
        return confidence
    return min(confidence, cap)
