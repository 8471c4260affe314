"""Commitment grouping: target claims -> commitments, independent of wording and of arrival order.

A commitment is a series (metric, scope, scope_name, unit) + value (within 1 %) + deadline (target_year or none) +
cumulative vs per-period. Values of one series and deadline are clustered by sorting them and cutting where two
neighbours differ by more than 1 %, so the clusters depend only on the set of values, never on input order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from extract.targets.model import Claim, fmt_value, stable_id

VALUE_TOLERANCE = 0.01


@dataclass
class Commitment:
    series: tuple
    deadline: int | None
    per_period: bool
    claims: list[Claim] = field(default_factory=list)  # chronological (stated_on, claim_id)
    value: float | None = None
    target_id: str = ""

    @property
    def first(self) -> Claim:
        return self.claims[0]

    @property
    def articles(self) -> set[str]:
        return {c.article_id for c in self.claims if c.article_id}

    @property
    def direction(self) -> str:
        """naik, unless most statements word the target as a reduction."""
        downs = sum(1 for c in self.claims if c.direction == "turun")
        return "turun" if downs * 2 > len(self.claims) else "naik"


def same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    if a == b:
        return True
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b))


def _value_clusters(claims: list[Claim]) -> list[list[Claim]]:
    """Claims sorted by value, cut where neighbours differ by more than the tolerance (a value-less claim is its own
    cluster)."""
    with_value = sorted((c for c in claims if c.value is not None), key=lambda c: (c.value, c.claim_id))
    clusters: list[list[Claim]] = []
    for claim in with_value:
        if clusters and same_value(clusters[-1][-1].value, claim.value):
            clusters[-1].append(claim)
        else:
            clusters.append([claim])
    without = [c for c in claims if c.value is None]
    if without:
        clusters.append(sorted(without, key=lambda c: c.claim_id))
    return clusters


def canonical_value(claims: list[Claim]) -> float | None:
    """The value most statements give; ties go to the value of the earliest statement."""
    counts: dict[float, int] = defaultdict(int)
    for claim in claims:
        if claim.value is not None:
            counts[claim.value] += 1
    if not counts:
        return None
    first_rank = {}
    for position, claim in enumerate(sorted(claims, key=lambda c: c.order)):
        first_rank.setdefault(claim.value, position)
    return min(counts, key=lambda v: (-counts[v], first_rank[v]))


def group_commitments(target_claims: list[Claim]) -> list[Commitment]:
    """Every target claim in exactly one commitment; commitments sorted by their target id."""
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in target_claims:
        buckets[(claim.series, claim.target_year, claim.per_period)].append(claim)
    commitments = []
    for (series, deadline, per_period), claims in buckets.items():
        for cluster in _value_clusters(claims):
            commitment = Commitment(series, deadline, per_period, sorted(cluster, key=lambda c: c.order))
            commitment.value = canonical_value(cluster)
            commitment.target_id = stable_id("t", *series, fmt_value(commitment.value), deadline, per_period)
            commitments.append(commitment)
    return sorted(commitments, key=lambda c: (_series_sort(c.series), c.deadline or 0, c.value or 0, c.target_id))


def _series_sort(series: tuple) -> tuple:
    return tuple("" if part is None else str(part) for part in series)


def by_series(commitments: list[Commitment]) -> dict[tuple, list[Commitment]]:
    out: dict[tuple, list[Commitment]] = defaultdict(list)
    for commitment in commitments:
        out[commitment.series].append(commitment)
    return out
