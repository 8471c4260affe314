"""Human wording of a target: numbers in Indonesian scale words and the one-sentence statement of a target."""

from __future__ import annotations

SCALES = [(1e12, "triliun"), (1e9, "miliar"), (1e6, "juta"), (1e3, "ribu")]
SCOPE_WORDS = {"national": "nationally", "province": "in the province", "city": "in the city/regency",
               "programme": "in the programme", "company": "at the company", "sector": "in the sector"}


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
    """e.g. "30 juta UMKM (umkm_onboarded_digital, nationally) by 2024, first stated on 2021-06-14 by Teten Masduki"."""
    unit = target.get("unit") or ""
    amount = human_number(target.get("value")) + (f" {unit}" if unit and unit != "persen" else "")
    if unit == "persen":
        amount += " %"
    scope = target.get("scope") or "national"
    where = SCOPE_WORDS.get(scope, scope)
    if target.get("scope_name"):
        where = f"{where} {target['scope_name']}" if scope not in ("national",) else where
    what = target.get("subject") or target.get("metric") or "?"
    when = f"by {target['deadline']}" if target.get("deadline") else "with no deadline"
    if target.get("per_period"):
        when = "per period"
    who = target.get("first_speaker") or target.get("first_institution") or "an unnamed source"
    return (f"Target: {amount} {what} ({target.get('metric') or 'no metric'}, {where}) {when}, first stated on "
            f"{target.get('first_stated_on')} by {who}.")
