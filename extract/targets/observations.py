"""Observations: the achievement claims of a series, attached to every target of that series as vintages.

A later, lower figure from another source is a new vintage, never a correction: all are kept. An observation counts
toward a target when its reference date (as_of, else stated_on) is on or before the end of the deadline year plus
90 days of reporting grace.
"""

from __future__ import annotations

from datetime import date

from extract.targets.model import Claim, days, deadline_end

REPORTING_GRACE = days(90)


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


def observation_record(observation: Claim, deadline: int | None) -> dict:
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
    }
