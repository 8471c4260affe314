"""Pace: the monthly progress a target still requires against the monthly progress observed so far."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DAYS_PER_MONTH = 365.25 / 12


def months_between(start: date, end: date) -> float:
    return (end - start).days / DAYS_PER_MONTH


@dataclass
class Pace:
    required: float | None  # units per month still needed from the latest figure to reach the target by E
    observed: float | None  # units per month between the baseline and the latest figure
    on_pace: bool | None  # None when the pace cannot be computed

    def describe(self, unit: str | None) -> str:
        unit = unit or ""
        if self.on_pace is None:
            return "pace cannot be computed yet"
        return (f"observed {self.observed:,.0f} {unit}/month vs required {self.required:,.0f} {unit}/month"
                .replace("  ", " "))


def pace(target: float, end: date, baseline_value: float, baseline_date: date, latest_value: float,
         latest_date: date, sign: int = 1) -> Pace:
    """`sign` is -1 for a reduction target (lower is better): both rates are then measured downwards."""
    if latest_date <= baseline_date:
        return Pace(None, None, None)
    observed = sign * (latest_value - baseline_value) / months_between(baseline_date, latest_date)
    months_left = months_between(latest_date, end)
    remaining = sign * (target - latest_value)
    if months_left <= 0:  # the deadline year is over and the target is not reached
        return Pace(float("inf"), observed, False)
    required = remaining / months_left
    return Pace(required, observed, observed >= required)
