"""Observations: the achievement claims of a series, attached to every target of that series as vintages.

A later, lower figure from another source is a new vintage, never a correction: all are kept. An observation counts
toward a target when its reference date (as_of, else stated_on) is on or before the end of the deadline year plus
90 days of reporting grace.
"""

from __future__ import annotations

from datetime import date

from extract.targets.model import Claim, days, deadline_end

REPORTING_GRACE = days(90)
OUTLIER_SHARE = 0.01  # a figure below 1 % of the target ...
OUTLIER_CONTEXT_SHARE = 0.20  # ... while another figure of the series is above 20 % of it: another scope's figure
OUTLIER_DROP = 20  # or a figure 20 times below one dated before it: a cumulative count does not fall by 95 %


def of_target(series_obs: list[Claim], metric: str | None, heads: set[str]) -> list[Claim]:
    """The observations of a target: every achievement of its series; for a metric-less target only those whose
    subject head is one of the target's (unrelated metric-less figures share a unit, not a subject)."""
    if metric is not None:
        return list(series_obs)
    return [o for o in series_obs if o.head and o.head in heads]


def outliers(observations: list[Claim], target_value: float | None, direction: str) -> set[str]:
    """Claim ids of figures that look like another scope's sub-figure (a province's or one programme's count that
    lost its scope): below 1 % of the target while another of the figures is above 20 % of it, or more than 20
    times below a figure dated on or before it (an early small figure before the growth is not one). Never for a
    reduction target (a low figure is the goal there)."""
    if not target_value or direction == "turun" or target_value <= 0:
        return set()
    values = [o for o in observations if o.value is not None]
    context = any(o.value > OUTLIER_CONTEXT_SHARE * target_value for o in values)
    highest_before = _highest_other_by_date(values)
    flagged = set()
    for o in values:
        tiny = context and o.value < OUTLIER_SHARE * target_value
        top, top_id, runner_up = highest_before[o.ref_date]
        other = top if top_id != id(o) else runner_up  # the highest figure dated on or before o, o itself excluded
        if tiny or (other is not None and other > OUTLIER_DROP * o.value):
            flagged.add(o.claim_id)
    return flagged


def _highest_other_by_date(values: list[Claim]) -> dict:
    """ref_date -> (highest value dated on or before it, id() of its claim, highest value of any other claim): the
    "dated before it" test of `outliers` in one pass over the dates instead of a scan per figure (series of
    thousands of figures, and `history` asks again at every checkpoint)."""
    top = runner_up = top_id = None
    out = {}
    ordered = sorted(values, key=lambda o: o.ref_date)
    i = 0
    while i < len(ordered):
        day = ordered[i].ref_date
        while i < len(ordered) and ordered[i].ref_date == day:
            o = ordered[i]
            if top_id == id(o):
                top = max(top, o.value)
            elif top is None or o.value > top:
                top, top_id, runner_up = o.value, id(o), top
            elif runner_up is None or o.value > runner_up:
                runner_up = o.value
            i += 1
        out[day] = (top, top_id, runner_up)
    return out


def usable(observations: list[Claim], target_value: float | None, direction: str) -> list[Claim]:
    """The observations without the outliers among them."""
    flagged = outliers(observations, target_value, direction)
    return [o for o in observations if o.claim_id not in flagged]


def counts_toward(observation: Claim, deadline: int | None) -> bool:
    if observation.value is None:
        return False
    end = deadline_end(deadline)
    return end is None or observation.ref_date <= end + REPORTING_GRACE


def series_order(observation: Claim) -> tuple:
    """Reference date, then vintage (stated_on), then claim id."""
    return (observation.ref_date, observation.stated_on, observation.claim_id)


def known(observations: list[Claim], on: date) -> list[Claim]:
    return [o for o in observations if o.stated_on <= on]


def latest(observations: list[Claim]) -> Claim | None:
    """The figure for the newest reference date; of several vintages for it, the most recently stated."""
    return max(observations, key=series_order) if observations else None


def earliest(observations: list[Claim]) -> Claim | None:
    return min(observations, key=series_order) if observations else None


def best(observations: list[Claim], direction: str) -> Claim | None:
    """The highest figure (the lowest for a reduction target); ties by claim id."""
    sign = -1 if direction == "turun" else 1
    return max(observations, key=lambda o: (sign * o.value, o.claim_id)) if observations else None


def observation_record(observation: Claim, deadline: int | None, outlier: bool = False) -> dict:
    raw = observation.raw
    return {
        "claim_id": observation.claim_id,
        "article_id": observation.article_id,
        "value": observation.value,
        "unit": observation.unit,
        "as_of": observation.ref_date.isoformat(),
        "stated_on": observation.stated_on.isoformat(),
        "speaker": observation.speaker,
        "organization": raw.get("organization"),
        "outlet": observation.outlet,
        "url": raw.get("url"),
        "quote": raw.get("quote"),
        "source_kind": raw.get("source_kind") or "media",
        "document_id": raw.get("document_id"),
        "page": raw.get("page"),
        "counts": counts_toward(observation, deadline),
        "outlier": outlier,
    }
