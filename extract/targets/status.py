"""Progress status of a target as of a date D, by the ordered rules of TRACKER_RULES.md, and its history.

Only what was known on D counts: statements and observations stated on or before D, without the outliers among
them (observations.outliers: another scope's sub-figure). The first rule that applies
wins: direvisi, tidak_terukur, belum_dinilai, tercapai, (deadline passed) tercapai_sebagian / tidak_tercapai,
terhenti, then pace (berjalan / tertinggal). `dihentikan` is an editor's status and is never computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from extract.targets import observations as obs
from extract.targets.model import Claim, days, deadline_end
from extract.targets.pace import pace

PARTIAL_SHARE = 0.8
FOREIGN_SCALE = 10  # the series already reported 10 x the target when it was first stated: not its measure
STALE_AFTER = days(365)
PROGRESS_STATUSES = ["belum_dinilai", "berjalan", "tertinggal", "terhenti", "tercapai", "tercapai_sebagian",
                     "tidak_tercapai", "direvisi", "dihentikan", "tidak_terukur"]


@dataclass
class StatusInput:
    """Everything the rules read about one target."""

    value: float | None
    deadline: int | None
    metric: str | None
    unit: str | None
    direction: str
    per_period: bool
    first_claim: Claim
    observations: list[Claim]  # counting observations of the series
    revisions: list[tuple[date, str]] = field(default_factory=list)  # (first stated, claim id) of revising targets


@dataclass
class Status:
    status: str
    rationale: str
    evidence: list[str]


def _fmt(value: float) -> str:
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


def status_at(t: StatusInput, on: date) -> Status:
    revisions = sorted(r for r in t.revisions if r[0] <= on)
    if revisions:
        when, claim = revisions[0]
        return Status("direvisi", f"superseded by a revised target first stated on {when.isoformat()}", [claim])
    if t.value is None or t.deadline is None or t.metric is None:
        missing = [n for n, v in (("value", t.value), ("deadline", t.deadline), ("metric", t.metric)) if v is None]
        return Status("tidak_terukur", "the target has no " + " or ".join(missing), [t.first_claim.claim_id])
    foreign = _series_far_above(t)
    if foreign is not None:
        return Status("tidak_terukur", f"when the target was first stated, this series had already reported "
                      f"{_fmt(foreign.value)} (as of {foreign.ref_date.isoformat()}), {FOREIGN_SCALE} times the "
                      "target or more: the target is probably a programme's or a region's, whose figures are not "
                      "in this series", [foreign.claim_id])
    seen = obs.usable(obs.known(t.observations, on), t.value, t.direction)
    if not seen:
        return Status("belum_dinilai", "no reported figure for this series yet", [t.first_claim.claim_id])
    sign = -1 if t.direction == "turun" else 1
    best = obs.best(seen, t.direction)
    unit = f" {t.unit}" if t.unit else ""
    if sign * best.value >= sign * t.value:
        return Status("tercapai", f"reported {_fmt(best.value)}{unit} (as of {best.ref_date.isoformat()}) reaches "
                      f"the target of {_fmt(t.value)}{unit}", [best.claim_id])
    end = deadline_end(t.deadline)
    if on > end + obs.REPORTING_GRACE:
        share = best.value / t.value if sign == 1 else (t.value / best.value if best.value else 0.0)
        kind = "tercapai_sebagian" if share >= PARTIAL_SHARE else "tidak_tercapai"
        return Status(kind, f"deadline {t.deadline} passed; best reported figure {_fmt(best.value)}{unit} is "
                      f"{100 * share:.0f} % of the target (threshold {PARTIAL_SHARE:.0%})", [best.claim_id])
    newest_vintage = max(seen, key=lambda o: (o.stated_on, o.claim_id))
    if on - newest_vintage.stated_on > STALE_AFTER:
        return Status("terhenti", f"no new figure since {newest_vintage.stated_on.isoformat()} "
                      f"(more than {STALE_AFTER.days} days)", [newest_vintage.claim_id])
    baseline, latest = obs.earliest(seen), obs.latest(seen)
    rate = pace(t.value, end, baseline.value, baseline.ref_date, latest.value, latest.ref_date, sign)
    evidence = sorted({baseline.claim_id, latest.claim_id})
    if rate.on_pace is None:
        return Status("berjalan", f"latest figure {_fmt(latest.value)}{unit} (as of {latest.ref_date.isoformat()}); "
                      "pace cannot be computed yet", [latest.claim_id])
    kind = "berjalan" if rate.on_pace else "tertinggal"
    return Status(kind, f"from {_fmt(baseline.value)} ({baseline.ref_date.isoformat()}) to {_fmt(latest.value)} "
                  f"({latest.ref_date.isoformat()}): {rate.describe(t.unit)} to reach {_fmt(t.value)} by the end "
                  f"of {t.deadline}", evidence)


def _series_far_above(t: StatusInput) -> Claim | None:
    """The best figure known when the target was first stated, if it is FOREIGN_SCALE times the target or more
    (targets that grow: a reduction target may start far above)."""
    if t.direction == "turun" or not t.value or t.value <= 0:
        return None
    before = obs.usable(obs.known(t.observations, t.first_claim.stated_on), t.value, t.direction)
    best = obs.best(before, t.direction)
    return best if best is not None and best.value >= FOREIGN_SCALE * t.value else None


def checkpoints(t: StatusInput, statement_dates: list[date], today: date) -> list[date]:
    """Every date on which the status can change: a statement, an observation, a revision, the day an observation
    goes stale, and the first day after the deadline's reporting grace."""
    dates = set(statement_dates)
    for o in t.observations:
        dates.add(o.stated_on)
        dates.add(o.stated_on + STALE_AFTER + days(1))
    dates.update(r[0] for r in t.revisions)
    end = deadline_end(t.deadline)
    if end is not None:
        dates.add(end + obs.REPORTING_GRACE + days(1))
    start = t.first_claim.stated_on
    return sorted(d for d in dates if start <= d <= today)


def history(t: StatusInput, statement_dates: list[date], today: date) -> list[dict]:
    """The status on each date it changed (the rationale or evidence of the same status changing is not a change)."""
    out: list[dict] = []
    for day in checkpoints(t, statement_dates, today):
        current = status_at(t, day)
        if out and out[-1]["status"] == current.status:
            continue
        out.append({"date": day.isoformat(), "status": current.status, "rationale": current.rationale,
                    "evidence": current.evidence})
    return out


def status_on(target: dict, on) -> str | None:
    """The progress status a built target had on a date (str or date): None before it was first stated."""
    from extract.targets.model import parse_day

    day = parse_day(on)
    current = None
    for entry in target.get("status_history") or []:
        if entry["date"] <= day.isoformat():
            current = entry["status"]
        else:
            break
    return current
