"""Status of targets an editor merged, split or unlinked a figure from, reassessed from their edited rows.

`db.review_targets` applies the decisions to the stored tables, but the status rules live in `extract.targets.status`,
which `db/` may not import. So after the decisions are (re)applied, every target that carries a review event is
assessed again here, by the same rules the tracker uses, from what the edited target now holds: its value, deadline,
metric and direction, its first statement, its counting figures and the targets that revise it. Its status, rationale,
evidence, progress and status history are replaced; nothing else is touched. Idempotent.
"""

from __future__ import annotations

import json
from datetime import date

from extract.targets.model import normalise, parse_day, stable_id
from extract.targets.status import StatusInput, history, status_at

UNMEASURED = ("tidak_terukur", "belum_dinilai")  # as extract.targets.build: no progress without a comparable figure

EDITED_TARGETS_SQL = """
select distinct target_id from target_events
where kind like 'review_%' and target_id in (select target_id from targets)
order by target_id
"""


def reassess_reviewed_targets(store, claims: list[dict] | None = None, today: date | None = None) -> int:
    """Recompute the status of every target an editor's decision changed. `claims`: the tracker's input rows
    (`extract.target_stage.load_claims`), read from `store` when not given. Returns how many were reassessed."""
    db = store.db
    if not db["target_events"].exists():
        return 0
    edited = [row[0] for row in db.execute(EDITED_TARGETS_SQL).fetchall()]
    if not edited:
        return 0
    if claims is None:
        from extract.target_stage import load_claims

        claims = load_claims(store)
    by_id = {c["claim_id"]: c for c in claims}
    today = today or date.today()
    with db.conn:
        for target_id in edited:
            _reassess(db, target_id, by_id, today)
    return len(edited)


def _status_input(db, target: dict, by_id: dict) -> StatusInput | None:
    first = normalise(by_id[target["first_claim_id"]]) if target["first_claim_id"] in by_id else None
    if first is None:
        return None
    figure_ids = [row[0] for row in db.execute(
        "select claim_id from target_observations where target_id = ? and counts = 1 order by claim_id",
        [target["target_id"]])]
    figures = [c for c in (normalise(by_id[i]) for i in figure_ids if i in by_id) if c is not None]
    revisions = sorted((parse_day(row[0]), row[1]) for row in db.execute(
        "select first_stated_on, first_claim_id from targets where revision_of = ?", [target["target_id"]]))
    return StatusInput(value=target["value"], deadline=target["deadline"], metric=target["metric"],
                       unit=target["unit"], direction=target["direction"] or "naik",
                       per_period=bool(target["per_period"]), first_claim=first, observations=figures,
                       revisions=revisions)


def _reassess(db, target_id: str, by_id: dict, today: date):
    cursor = db.execute("select * from targets where target_id = ?", [target_id])
    target = dict(zip([c[0] for c in cursor.description], cursor.fetchone()))
    status_input = _status_input(db, target, by_id)
    if status_input is None:
        return  # its first statement is no longer a target claim: the next tracker run drops or rebuilds it
    now = status_at(status_input, today)
    stated = sorted({parse_day(row[0]) for row in db.execute(
        "select stated_on from target_statements where target_id = ?", [target_id]) if parse_day(row[0])})
    changes = history(status_input, stated, today)
    progress = (round(100 * target["latest_value"] / target["value"], 1)
                if now.status not in UNMEASURED and target["latest_value"] is not None and target["value"] else None)
    db.execute("update targets set status = ?, status_rationale = ?, status_evidence = ?, status_as_of = ?, "
               "progress_pct = ? where target_id = ?",
               [now.status, now.rationale, json.dumps(now.evidence), today.isoformat(), progress, target_id])
    db.execute("delete from target_status_history where target_id = ?", [target_id])
    db.execute("delete from target_events where target_id = ? and kind = 'status'", [target_id])
    for change in changes:
        db.execute("insert into target_status_history (target_id, date, status, rationale, evidence) "
                   "values (?, ?, ?, ?, ?)", [target_id, change["date"], change["status"], change["rationale"],
                                              json.dumps(change["evidence"])])
        evidence = (change["evidence"] or [None])[0]
        db.execute("insert or replace into target_events (id, target_id, date, kind, claim_id, title, detail) "
                   "values (?, ?, ?, 'status', ?, ?, ?)",
                   [stable_id("e", target_id, change["date"], "status", evidence), target_id, change["date"],
                    evidence, f"status: {change['status']}", change["rationale"]])
