"""Relations between the commitments of one series: milestone, revision, conflict (TRACKER_RULES.md).

- milestone: earlier deadline, a value on the way to the later target, and one article states both.
- revision / conflict: the two share exactly one of value and deadline. The newer one revises the older when the
  older is not stated again more than 180 days after the newer appeared; the two conflict when different sources
  state them within 180 days of each other and the older keeps being stated (late, or interleaved with the newer).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.targets.grouping import Commitment, related_subjects, same_value
from extract.targets.model import Claim, days, different_sources

WINDOW = days(180)


@dataclass
class Relations:
    revision_of: dict[str, str] = field(default_factory=dict)  # new target id -> old target id
    revised_by: dict[str, list[str]] = field(default_factory=dict)  # old -> [new, ...]
    milestone_of: dict[str, str] = field(default_factory=dict)
    conflicts: dict[str, list[dict]] = field(default_factory=dict)


def is_milestone(early: Commitment, final: Commitment) -> bool:
    if early.deadline is None or final.deadline is None or early.deadline >= final.deadline:
        return False
    if early.value is None or final.value is None or early.per_period or final.per_period:
        return False
    on_the_way = early.value < final.value if final.direction == "naik" else early.value > final.value
    return on_the_way and bool(early.articles & final.articles) and related_subjects(early, final)


def revision_shape(a: Commitment, b: Commitment) -> bool:
    """Share exactly one of value and deadline (and the same cumulative/per-period kind)."""
    if a.per_period != b.per_period or a.deadline is None or b.deadline is None:
        return False  # "no deadline stated" is not a deadline two statements can share
    if not related_subjects(a, b):
        return False  # two metric-less targets about different things
    same_v, same_d = same_value(a.value, b.value), a.deadline == b.deadline
    return same_v != same_d


def _conflict_pair(old: Commitment, new: Commitment) -> tuple[Claim, Claim] | None:
    """The closest-in-time pair of statements by different sources within 180 days, if any."""
    best = None
    for a in old.claims:
        for b in new.claims:
            gap = abs((a.stated_on - b.stated_on).days)
            if gap <= WINDOW.days and different_sources(a, b):
                key = (gap, a.order, b.order)
                if best is None or key < best[0]:
                    best = (key, a, b)
    return (best[1], best[2]) if best else None


def classify_pair(old: Commitment, new: Commitment) -> tuple[str, tuple[Claim, Claim] | None]:
    """'revision', 'conflict' or 'separate' for two same-shape commitments, `old` first stated first."""
    start = new.first.stated_on
    late_old = [c for c in old.claims if c.stated_on > start + WINDOW]
    old_after_new = [c for c in old.claims if c.stated_on > start]
    # Interleaved: the older one comes back at least twice after the newer appeared, with the newer stated in
    # between - two sources keeping two versions alive, not one late copy of the superseded figure.
    interleaved = len(old_after_new) >= 2 and any(
        old_after_new[0].stated_on < n.stated_on < old_after_new[-1].stated_on for n in new.claims)
    if late_old or interleaved:
        pair = _conflict_pair(old, new)
        if pair is not None:
            return "conflict", pair
    if not late_old:
        return "revision", None
    return "separate", None


def find_relations(series_commitments: list[Commitment]) -> Relations:
    rel = Relations()
    ordered = sorted(series_commitments, key=lambda c: (c.first.order, c.target_id))
    for early in ordered:
        finals = [f for f in ordered if f is not early and is_milestone(early, f)]
        if finals:
            final = max(finals, key=lambda f: (f.deadline, f.value, f.target_id))
            rel.milestone_of[early.target_id] = final.target_id
    for i, new in enumerate(ordered):
        candidates = []
        for old in ordered[:i]:
            if not revision_shape(old, new):
                continue
            kind, pair = classify_pair(old, new)
            if kind == "conflict":
                _add_conflict(rel, old, new, pair)
            elif kind == "revision":
                candidates.append(old)
        if candidates:
            old = candidates[-1]  # the most recently stated commitment it supersedes
            rel.revision_of[new.target_id] = old.target_id
            rel.revised_by.setdefault(old.target_id, []).append(new.target_id)
    return rel


def _add_conflict(rel: Relations, old: Commitment, new: Commitment, pair: tuple[Claim, Claim]):
    a, b = pair
    for this, other, mine, theirs in ((old, new, a, b), (new, old, b, a)):
        rel.conflicts.setdefault(this.target_id, []).append({
            "target_id": other.target_id,
            "value": other.value,
            "deadline": other.deadline,
            "claim_id": mine.claim_id,
            "other_claim_id": theirs.claim_id,
            "stated_on": mine.stated_on.isoformat(),
            "other_stated_on": theirs.stated_on.isoformat(),
        })
