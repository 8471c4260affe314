"""Units and scales stated in a table header or a "Satuan" column ("juta unit", "ribu", "Rp miliar", "(%)").

``unit_in(text)`` -> ``Scale(unit, scale, phrase)`` or None. ``unit`` None means "a count of what the indicator
names": :func:`resolve_unit` turns it into UMKM / koperasi / orang from the indicator's words (``data/units.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._data import load


@dataclass(frozen=True)
class Scale:
    unit: str | None
    scale: float
    phrase: str


@lru_cache(maxsize=1)
def _phrases() -> list[tuple[re.Pattern, Scale]]:
    table = load("units")["phrases"]
    out = []
    for phrase in sorted(table, key=len, reverse=True):
        spec = table[phrase]
        body = re.escape(phrase).replace(r"\ ", r"\s+")
        pattern = re.compile(body if phrase == "%" else rf"(?<![\w]){body}(?![\w])", re.IGNORECASE)
        out.append((pattern, Scale(spec["unit"], float(spec["scale"]), phrase)))
    return out


def unit_in(text: str | None) -> Scale | None:
    """The unit a header cell or Satuan cell states; a parenthesised part is read first ("Target (Rp miliar)")."""
    if not text:
        return None
    text = " ".join(str(text).split())
    parts = re.findall(r"\(([^()]*)\)", text) + [text]
    for part in parts:
        for pattern, scale in _phrases():
            if pattern.search(part):
                return scale
    return None


def resolve_unit(scale: Scale | None, indicator: str) -> str | None:
    """The claim unit: the stated one, else a count of what the indicator names (UMKM, koperasi, orang)."""
    if scale is not None and scale.unit:
        return scale.unit
    low = (indicator or "").lower()
    for rule in load("units")["count_units"]:
        if rule["cue"] in low:
            return rule["unit"]
    if re.search(r"\b(?:persentase|persen|rasio|indeks)\b", low):
        return "persen"
    return "unit" if scale is not None else None
