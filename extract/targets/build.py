"""build_targets: claims in, one dict per target out (CONTRACTS.md "Seam: claims in, targets out")."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Iterable

from extract.targets import observations as obs
from extract.targets.grouping import Commitment, by_series, group_commitments
from extract.targets.model import ANCHORING_BY_RANK, Claim, normalise
from extract.targets.relations import Relations, find_relations
from extract.targets.status import StatusInput, history, status_at
from extract.targets.wording import one_sentence

# A status that rests on no comparable figure has no progress percentage (a figure of a metric-less series is not
# comparable with its target; an unmeasured target has none).
UNMEASURED = ("tidak_terukur", "belum_dinilai")

TARGET_FIELDS = [
    "target_id", "metric", "scope", "scope_name", "subject", "value", "value_max", "unit", "deadline", "per_period",
    "direction", "revision_of", "revised_by", "milestone_of", "milestones", "first_stated_on", "first_claim_id",
    "first_speaker", "first_institution", "n_statements", "n_outlets", "statements", "observations",
    "latest_figure", "best_figure", "progress_pct", "status", "status_as_of", "status_rationale", "status_evidence",
    "status_history", "conflicts", "anchoring", "legal_anchor", "summary",
]


def _dedupe(claims: Iterable[dict], normalised: dict | None = None) -> list[Claim]:
    """Normalised claims, one per claim id (of two inputs with one id the same content wins whatever the order).
    ``normalised``: ``{id(raw): normalise(raw)}`` already computed by the caller (the tracker stage)."""
    chosen: dict[str, list] = {}  # claim id -> [raw, claim, content key (made only when the id comes twice)]
    for raw in claims:
        claim = normalised[id(raw)] if normalised is not None and id(raw) in normalised else normalise(raw)
        if claim is None:
            continue
        held = chosen.get(claim.claim_id)
        if held is None:
            chosen[claim.claim_id] = [raw, claim, None]
            continue
        if held[2] is None:
            held[2] = _content_key(held[0])
        key = _content_key(raw)
        if key < held[2]:
            chosen[claim.claim_id] = [raw, claim, key]
    return sorted((c for _, c, _ in chosen.values()), key=lambda c: c.claim_id)


def _content_key(raw: dict) -> str:
    return json.dumps(raw, sort_keys=True, ensure_ascii=False, default=str)


def build_targets(claims: Iterable[dict], *, today: date | None = None, normalised: dict | None = None) -> list[dict]:
    """One dict per target (fields TARGET_FIELDS), sorted by series, deadline and value. Pure: no database.
    ``normalised``: the claims' ``normalise`` results by ``id(claim)``, when the caller has them."""
    today = today or date.today()
    normalised = _dedupe(claims, normalised)
    commitments = group_commitments([c for c in normalised if c.claim_type == "target"])
    achievements: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in normalised:
        if claim.claim_type == "achievement" and claim.value is not None:
            achievements[claim.series].append(claim)
    out = []
    for series, members in by_series(commitments).items():
        rel = find_relations(members)
        index = {c.target_id: c for c in members}
        series_obs = sorted(achievements.get(series, []), key=obs.series_order)
        for commitment in members:
            out.append(_target(commitment, rel, index, series_obs, today))
    return out


def _anchoring(commitment: Commitment) -> str:
    if all(c.proposed for c in commitment.claims):
        return "diusulkan"
    return ANCHORING_BY_RANK[max(c.source_rank for c in commitment.claims)]


def _legal_anchor(commitment: Commitment) -> str | None:
    """The regulation the earliest regulation-born statement was read from (its `regulation_id`), else None."""
    return next((c.raw["regulation_id"] for c in commitment.claims if c.raw.get("regulation_id")), None)


def _statements(commitment: Commitment) -> list[dict]:
    first_role = "first"  # a revision or milestone keeps its own statements: its earliest is its `first`
    seen_units: set[str] = set()
    out = []
    for position, claim in enumerate(commitment.claims):
        raw = claim.raw
        counted = claim.unit_key not in seen_units
        seen_units.add(claim.unit_key)
        out.append({
            "claim_id": claim.claim_id,
            "article_id": claim.article_id,
            "stated_on": claim.stated_on.isoformat(),
            "speaker": claim.speaker,
            "speaker_title": raw.get("speaker_title"),
            "organization": raw.get("organization"),
            "institution_id": raw.get("institution_id"),
            "outlet": claim.outlet,
            "url": raw.get("url"),
            "value": claim.value,
            "value_max": claim.value_max,
            "target_year": claim.target_year,
            "quote": raw.get("quote"),
            "source_kind": raw.get("source_kind") or "media",
            "document_id": raw.get("document_id"),
            "page": raw.get("page"),
            "syndication_group": claim.syndication_group,
            "role": first_role if position == 0 else "restatement",
            "counted": counted,
        })
    return out


def _target(commitment: Commitment, rel: Relations, index: dict[str, Commitment], series_obs: list[Claim],
            today: date) -> dict:
    first = commitment.first
    tid = commitment.target_id
    series_obs = obs.of_target(series_obs, first.metric, commitment.heads)
    counting = [o for o in series_obs if obs.counts_toward(o, commitment.deadline)]
    revisions = sorted((index[new].first.stated_on, index[new].first.claim_id) for new in rel.revised_by.get(tid, []))
    status_input = StatusInput(
        value=commitment.value, deadline=commitment.deadline, metric=first.metric, unit=first.unit,
        direction=commitment.direction, per_period=commitment.per_period, first_claim=first,
        observations=counting, revisions=revisions,
    )
    now = status_at(status_input, today)
    known_now = obs.known(counting, today)
    flagged = obs.outliers(known_now, commitment.value, status_input.direction)
    usable_now = [o for o in known_now if o.claim_id not in flagged]
    latest, best = obs.latest(usable_now), obs.best(usable_now, status_input.direction)
    measured = now.status not in UNMEASURED
    statements = _statements(commitment)
    counted = [s for s in statements if s["counted"]]
    value_max = next((c.value_max for c in commitment.claims if c.value_max is not None), None)
    target = {
        "target_id": tid,
        "metric": first.metric,
        "scope": first.scope,
        "scope_name": first.scope_name,
        "subject": first.raw.get("subject"),
        "value": commitment.value,
        "value_max": value_max,
        "unit": first.unit,
        "deadline": commitment.deadline,
        "per_period": commitment.per_period,
        "direction": status_input.direction,
        "revision_of": rel.revision_of.get(tid),
        "revised_by": sorted(rel.revised_by.get(tid, [])),
        "milestone_of": rel.milestone_of.get(tid),
        "milestones": sorted(t for t, final in rel.milestone_of.items() if final == tid),
        "first_stated_on": first.stated_on.isoformat(),
        "first_claim_id": first.claim_id,
        "first_speaker": first.speaker,
        "first_institution": first.raw.get("institution_id") or first.raw.get("organization"),
        "n_statements": len(counted),
        "n_outlets": len({s["outlet"] for s in counted if s["outlet"]}),
        "statements": statements,
        "observations": [obs.observation_record(o, commitment.deadline, o.claim_id in flagged) for o in series_obs],
        "latest_figure": _figure(latest, commitment.value),
        "best_figure": _figure(best, commitment.value),
        "progress_pct": _pct(latest, commitment.value) if measured else None,
        "status": now.status,
        "status_as_of": today.isoformat(),
        "status_rationale": now.rationale,
        "status_evidence": now.evidence,
        "status_history": history(status_input, [c.stated_on for c in commitment.claims], today),
        "conflicts": sorted(rel.conflicts.get(tid, []), key=lambda c: (c["target_id"], c["claim_id"])),
        "anchoring": _anchoring(commitment),
        "legal_anchor": _legal_anchor(commitment),
    }
    target["summary"] = one_sentence(target)
    return target


def _pct(figure: Claim | None, target_value: float | None) -> float | None:
    return round(100 * figure.value / target_value, 1) if figure is not None and target_value else None


def _figure(figure: Claim | None, target_value: float | None) -> dict | None:
    """A reported figure with its dates and its share of the target (latest_figure, best_figure)."""
    if figure is None:
        return None
    return {"value": figure.value, "as_of": figure.ref_date.isoformat(), "stated_on": figure.stated_on.isoformat(),
            "claim_id": figure.claim_id, "speaker": figure.speaker, "article_id": figure.article_id,
            "pct": _pct(figure, target_value)}
