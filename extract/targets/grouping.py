"""Commitment grouping: target claims -> commitments, independent of wording and of arrival order.

A commitment is a series (metric, scope, scope_name, unit) + value (within 1 %) + deadline (target_year or none) +
cumulative vs per-period. Values of one series and deadline are clustered by sorting them and cutting where two
neighbours differ by more than 1 %, so the clusters depend only on the set of values, never on input order.

Metric-less target claims that stay without a metric commitment form commitments of their own by value, deadline and
subject head (`split_by_head`): two unrelated metric-less targets with one number, unit and deadline stay apart.

A target claim without a metric joins a commitment of a metric series when that commitment is the only one with the
same scope, unit, value (1 %), deadline and kind, and the claim's subject head is unknown or is a word of the
subjects or quotes of that metric series' targets (`join_metricless`): the extractor often loses the metric of a
short restatement ("Tahun ini kita kejar 24 juta"). The candidates are computed from the metric claims alone, so the result does not
depend on the other metric-less claims or on order.
"""

from __future__ import annotations

import re
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
    def heads(self) -> set[str]:
        """The known subject heads of its statements (what a metric-less target counts)."""
        return {c.head for c in self.claims if c.head}

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
        if claim.metric:
            buckets[(claim.series, claim.target_year, claim.per_period)].append(claim)
    clusters = [(key, cluster) for key, claims in buckets.items() for cluster in _value_clusters(claims)]
    for claim in sorted((c for c in target_claims if not c.metric), key=lambda c: c.claim_id):
        home = join_metricless(claim, clusters)
        if home is not None:
            home.append(claim)
        else:
            buckets[(claim.series, claim.target_year, claim.per_period)].append(claim)
    for key, claims in buckets.items():
        if key[0][0] is None:
            clusters.extend((key, part) for cluster in _value_clusters(claims) for part in split_by_head(cluster))
    commitments = []
    for (series, deadline, per_period), cluster in clusters:
        commitment = Commitment(series, deadline, per_period, sorted(cluster, key=lambda c: c.order))
        metric_claims = [c for c in cluster if c.metric] or cluster
        commitment.value = canonical_value(metric_claims)
        commitment.target_id = stable_id("t", *series, fmt_value(commitment.value), deadline, per_period)
        commitments.append(commitment)
    return sorted(commitments, key=lambda c: (_series_sort(c.series), c.deadline or 0, c.value or 0, c.target_id))


def split_by_head(cluster: list[Claim]) -> list[list[Claim]]:
    """Metric-less target claims of one value, unit, scope and deadline are one commitment only when they count the
    same thing: "10 ribu UMKM ekspor pada 2025" and "10 ribu UMKM halal pada 2025" are two. Claims whose head is
    unknown join the headed group when there is exactly one, else stay together on their own. The parts depend only
    on the set of claims, never on their order."""
    by_head: dict[str, list[Claim]] = defaultdict(list)
    unknown = []
    for claim in cluster:
        (by_head[claim.head] if claim.head else unknown).append(claim)
    if len(by_head) <= 1:
        return [cluster]
    # heads are read from extracted subjects and are noisy ("kami dorong perbankan mencapai porsi kredit"): two
    # heads are one thing when either is a word of the other's statements
    groups = [list(claims) for _, claims in sorted(by_head.items())]
    merged = True
    while merged:
        merged = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                if _related(groups[i], groups[j]):
                    groups[i] += groups.pop(j)
                    merged = True
                    break
            if merged:
                break
    if len(groups) == 1:
        return [cluster]
    parts = [sorted(g, key=lambda c: c.claim_id) for g in groups]
    if unknown:
        parts.append(sorted(unknown, key=lambda c: c.claim_id))
    return sorted(parts, key=lambda p: p[0].claim_id)


def _related(a: list[Claim], b: list[Claim]) -> bool:
    words = lambda claims: set(re.findall(r"[a-z][a-z0-9-]*", " ".join(
        f"{c.raw.get('subject') or ''} {c.raw.get('quote') or ''}" for c in claims).lower()))
    return bool({c.head for c in a} & words(b)) or bool({c.head for c in b} & words(a))


def join_metricless(claim: Claim, clusters: list[tuple[tuple, list[Claim]]]) -> list[Claim] | None:
    """The one metric cluster a metric-less target claim belongs to, or None (no deadline, none or several
    candidates, or a subject head that none of the candidate's words has)."""
    if claim.target_year is None or claim.value is None:
        return None
    candidates = []
    for (series, deadline, per_period), cluster in clusters:
        if series[0] is None or series[1:] != claim.series[1:]:
            continue
        if deadline != claim.target_year or per_period != claim.per_period:
            continue
        members = [c for c in cluster if c.metric]
        if members and same_value(canonical_value(members), claim.value):
            candidates.append(cluster)
    if len(candidates) != 1:
        return None
    home = candidates[0]
    series = home[0].series
    if claim.head and claim.head not in _words(c for _, cluster in clusters for c in cluster if c.series == series):
        return None
    return home


def _words(claims) -> set[str]:
    """The words of the subjects and quotes of a metric series' target claims."""
    text = " ".join(f"{c.raw.get('subject') or ''} {c.raw.get('quote') or ''}" for c in claims if c.metric)
    return set(re.findall(r"[a-z][a-z0-9-]*", text.lower()))


def related_subjects(a: Commitment, b: Commitment) -> bool:
    """Two commitments of a metric series are about one thing; two of the metric-less series only when their
    statements share a subject head (an unknown head relates to nothing)."""
    return a.series[0] is not None or bool(a.heads & b.heads)


def _series_sort(series: tuple) -> tuple:
    return tuple("" if part is None else str(part) for part in series)


def by_series(commitments: list[Commitment]) -> dict[tuple, list[Commitment]]:
    out: dict[tuple, list[Commitment]] = defaultdict(list)
    for commitment in commitments:
        out[commitment.series].append(commitment)
    return out
