"""Clause segmentation: the clause around a figure, found without a parser from boundaries and connectives."""
from __future__ import annotations

import re



STRONG_BOUNDARY = re.compile(r"[;:]|[.!?][\"”’]?\s+(?=[A-Z\"“(])|,\s*(?:namun|tetapi|tapi|sementara|sedangkan|padahal|sehingga|jadi|maka|"
                             r"meski|meskipun|walaupun|walau|kemudian|lalu|dan\s+(?:kini|saat\s+ini|sekarang))\b|"
                             r"\b(?:namun|sedangkan|sementara\s+itu)\b", re.IGNORECASE)


def _clause_bounds(sent_text: str, rel_start: int, rel_end: int) -> tuple[int, int]:
    left = 0
    for m in STRONG_BOUNDARY.finditer(sent_text[:rel_start]):
        left = m.end()
    right = len(sent_text)
    m = STRONG_BOUNDARY.search(sent_text, rel_end)
    if m:
        right = m.start()
    return left, right


def _nearest(rx, text: str, from_end: bool) -> int | None:
    """Distance (chars) of the nearest cue to the start (from_end=False) or end of ``text``."""
    best = None
    for m in rx.finditer(text):
        d = (len(text) - m.end()) if from_end else m.start()
        if best is None or d < best:
            best = d
    return best
