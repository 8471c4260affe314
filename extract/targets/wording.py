"""Human wording of a target: numbers in Indonesian scale words and the one-sentence statement of a target."""

from __future__ import annotations

SCALES = [(1e12, "triliun"), (1e9, "miliar"), (1e6, "juta"), (1e3, "ribu")]


def human_number(value: float | None) -> str:
    """30000000 -> "30 juta", 1.1e15 -> "1.100 triliun", 21.5 -> "21,5" (Indonesian decimal comma)."""
    if value is None:
        return "?"
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{_decimal(value / size)} {word}"
    return _decimal(value)


def _decimal(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def one_sentence(target: dict) -> str:
    """e.g. 'Target 30 juta UMKM by 2024 (umkm_onboarded_digital, national): "UMKM terhubung ke ekosistem
    digital", first stated on 2021-06-14 by Teten Masduki.'"""
    unit = target.get("unit") or ""
    amount = human_number(target.get("value")) + (" %" if unit == "persen" else f" {unit}" if unit else "")
    scope = target.get("scope") or "national"
    where = f"{scope} {target['scope_name']}" if target.get("scope_name") else scope
    when = "per period" if target.get("per_period") else (
        f"by {target['deadline']}" if target.get("deadline") else "with no deadline")
    who = target.get("first_speaker") or target.get("first_institution") or "an unnamed source"
    what = f': "{target["subject"]}"' if target.get("subject") else ""
    return (f"Target {amount} {when} ({target.get('metric') or 'no metric'}, {where}){what}, first stated on "
            f"{target.get('first_stated_on')} by {who}.")
