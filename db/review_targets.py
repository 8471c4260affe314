"""Editors' decisions on target groupings, applied to the tracker's tables after every tracker run.

The tracker (`extract.target_stage`) rewrites the target tables from the claims each run, and a target id comes from
the commitment (metric, scope, unit, value, deadline), which a correction can change. So a decision names its targets
by a claim they contain (an *anchor*: the target's first statement when the decision was taken), found again like any
decided claim (`db.review.resolve_claim`):

- merge A B: A's statements join B (role `merged`) and A is removed; B's counts and first statement are recomputed.
- split T C: statement C leaves T for a target of its own (status `belum_dinilai` until it is reassessed).
- unlink T O: reported figure O no longer counts for T; T's latest figure and progress are recomputed.

The status rules live in `extract.targets.status`, which this layer may not import: the statuses written here are
provisional, and `extract.target_review.reassess_reviewed_targets` (run by `pantau review` and after every tracker
run) assesses every edited target again by those rules.
"""

from __future__ import annotations

import hashlib
import json
import logging

from db.review import ReviewError, TARGET_ACTIONS, check_decision, claim_row, match_keys, now_iso, resolve_claim

log = logging.getLogger("pantau.review")


def _target(db, target_id: str) -> dict | None:
    cursor = db.execute("select * from targets where target_id = ?", [target_id])
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row)) if row else None


def _keys(db, claim_id: str, what: str) -> dict:
    claim = claim_row(db, claim_id)
    if claim is None:
        raise ReviewError(f"{what}: no claim {claim_id!r}")
    return {"claim_id": claim_id, **match_keys(claim)}


def _require_target(db, target_id: str) -> dict:
    if not db["targets"].exists():
        raise ReviewError("this database has no target tables: run `pantau extract` first")
    target = _target(db, target_id)
    if target is None:
        raise ReviewError(f"no target {target_id!r}")
    return target


def _anchor(db, target_id: str) -> str:
    """The claim that names a target in a decision: its first statement."""
    found = db.execute("select claim_id from target_statements where target_id = ? order by stated_on, claim_id "
                       "limit 1", [target_id]).fetchone()
    if found is None:
        raise ReviewError(f"target {target_id!r} has no statements")
    return found[0]


def _in(db, table: str, target_id: str, claim_id: str) -> bool:
    return db.execute(f"select 1 from [{table}] where target_id = ? and claim_id = ?", [target_id, claim_id]).fetchone() \
        is not None


def decide_target(store, action: str, target_id: str, other: str, *, by: str, note: str | None = None) -> dict:
    """merge TARGET OTHER_TARGET | split TARGET CLAIM | unlink TARGET CLAIM: log the decision and apply it."""
    check_decision(action, TARGET_ACTIONS, by)
    db = store.db
    target = _require_target(db, target_id)
    anchors = [_keys(db, _anchor(db, target_id), "target")]
    other_target, other_claim = None, None
    if action == "merge":
        if other == target_id:
            raise ReviewError("cannot merge a target with itself")
        other_row = _require_target(db, other)
        anchors.append(_keys(db, _anchor(db, other), "other target"))
        other_target = other
    else:
        table = "target_statements" if action == "split" else "target_observations"
        if not _in(db, table, target_id, other):
            raise ReviewError(f"claim {other!r} is not a {'statement' if action == 'split' else 'reported figure'} "
                              f"of target {target_id}")
        if action == "split" and _count(db, target_id) <= 1:
            raise ReviewError(f"claim {other!r} is already the only statement of target {target_id}")
        anchors.append(_keys(db, other, "claim"))
        other_claim = other
    row = {
        "kind": "target", "action": action, "claim_id": anchors[0]["claim_id"],
        "current_claim_id": anchors[0]["claim_id"], "article_id": anchors[0]["article_id"], "target_id": target_id,
        "other_target_id": other_target, "other_claim_id": other_claim,
        "match_keys": json.dumps(anchors, ensure_ascii=False), "editor": by.strip(), "decided_at": now_iso(),
        "note": (note or "").strip() or None,
        "before": json.dumps({"target": target_id, "summary": target["summary"], "other": other}, ensure_ascii=False),
        "after": json.dumps({"action": action}), "state": "pending", "state_reason": None, "applied_at": None,
    }
    with db.conn:
        row["id"] = db["corrections"].insert(row).last_pk
    reapply_target_decisions(store)
    return dict(zip(*_one(db, row["id"])))


def _count(db, target_id: str) -> int:
    return db.execute("select count(*) from target_statements where target_id = ?", [target_id]).fetchone()[0]


def _one(db, decision_id):
    cursor = db.execute("select * from corrections where id = ?", [decision_id])
    return [c[0] for c in cursor.description], cursor.fetchone()


def reapply_target_decisions(store) -> dict:
    """Apply every target decision, in the order taken, to freshly built target tables. Idempotent."""
    db = store.db
    counts = {"applied": 0, "pending": 0}
    if not db["corrections"].exists() or not db["targets"].exists():
        return counts
    rows = db.execute("select id, action, match_keys from corrections where kind = 'target' order by id").fetchall()
    with db.conn:
        for decision_id, action, keys in rows:
            anchors = json.loads(keys)
            claims = []
            for anchor in anchors:
                current, how = resolve_claim(db, anchor["claim_id"], anchor)
                claims.append(current)
                if current is None:
                    break
            reason = how if None in claims else _APPLY[action](db, decision_id, *claims)
            state = "pending" if reason else "applied"
            counts[state] += 1
            db.execute("update corrections set state = ?, state_reason = ?, applied_at = ?, current_claim_id = ? "
                       "where id = ?", [state, reason, None if reason else now_iso(), claims[0], decision_id])
            if reason:
                log.warning("review #%s (%s) no longer applies: %s", decision_id, action, reason)
    return counts


def _target_of(db, table: str, claim_id: str) -> str | None:
    found = db.execute(f"select target_id from [{table}] where claim_id = ? order by target_id", [claim_id]).fetchone()
    return found[0] if found else None


def _merge(db, decision_id, anchor, other_anchor) -> str | None:
    kept, merged = _target_of(db, "target_statements", other_anchor), _target_of(db, "target_statements", anchor)
    if kept is None or merged is None:
        return "a target of the decision is no longer built (its claims are no longer target statements)"
    if kept == merged:
        return None  # the tracker groups them together now: nothing to do
    db.execute("update target_statements set target_id = ?, role = 'merged' where target_id = ?", [kept, merged])
    db.execute("update targets set revision_of = ? where revision_of = ?", [kept, merged])
    db.execute("update targets set milestone_of = ? where milestone_of = ?", [kept, merged])
    db.execute("delete from targets where target_id = ?", [merged])  # its figures, history and events go with it
    _recount(db, kept)
    _event(db, kept, decision_id, "merged", f"merged with target {merged} by an editor", anchor)
    return None


def _split(db, decision_id, anchor, statement) -> str | None:
    source = _target_of(db, "target_statements", statement)
    if source is None:
        return "the statement is no longer a target statement"
    if _count(db, source) <= 1:
        return None  # already a target of its own
    new_id = "t" + hashlib.sha1(json.dumps(["split", statement]).encode()).hexdigest()[:12]
    claim = claim_row(db, statement)
    target = _target(db, source)
    target.update(target_id=new_id, value=claim["value"], value_max=claim.get("value_max"),
                  deadline=claim.get("target_year"), revision_of=None, milestone_of=None,
                  status="belum_dinilai", status_as_of=now_iso()[:10],
                  status_rationale=f"split off from target {source} by an editor; the tracker did not assess it",
                  status_evidence=json.dumps([statement]), n_conflicts=0,
                  summary=f"{claim.get('value_text') or claim['value']} {claim.get('subject') or ''}".strip()
                  + (f" by {claim['target_year']}" if claim.get("target_year") else "") + " (split off by an editor)")
    db["targets"].insert(target, replace=True)
    db.execute("update target_statements set target_id = ?, role = 'split' where target_id = ? and claim_id = ?",
               [new_id, source, statement])
    db.execute("insert or ignore into target_observations select ?, claim_id, article_id, value, unit, as_of, stated_on, "
               "speaker, organization, outlet, url, quote, source_kind, counts from target_observations "
               "where target_id = ?", [new_id, source])
    for target_id in (source, new_id):
        _recount(db, target_id)
    _event(db, new_id, decision_id, "split", f"split off from target {source} by an editor", statement)
    return None


def _unlink(db, decision_id, anchor, figure) -> str | None:
    target_id = _target_of(db, "target_statements", anchor)
    if target_id is None:
        return "the target is no longer built"
    if not _in(db, "target_observations", target_id, figure):
        return None  # the tracker no longer attaches the figure
    db.execute("delete from target_observations where target_id = ? and claim_id = ?", [target_id, figure])
    db.execute("delete from target_events where target_id = ? and claim_id = ? and kind = 'figure'", [target_id, figure])
    _recount(db, target_id)
    evidence = db.execute("select status_evidence from targets where target_id = ?", [target_id]).fetchone()[0]
    if figure in json.loads(evidence or "[]"):
        db.execute("update targets set status_rationale = status_rationale || ? where target_id = ?",
                   [f" (the figure {figure} behind this status was unlinked by an editor; status not reassessed)",
                    target_id])
    _event(db, target_id, decision_id, "unlinked", f"figure {figure} unlinked by an editor", figure)
    return None


_APPLY = {"merge": _merge, "split": _split, "unlink": _unlink}


def _recount(db, target_id: str):
    """Counts, first statement and latest counting figure of an edited target (its status stays the tracker's)."""
    first = db.execute("select claim_id, stated_on, speaker from target_statements where target_id = ? "
                       "order by stated_on, claim_id limit 1", [target_id]).fetchone()
    counted = db.execute("select count(*), count(distinct outlet) from target_statements where target_id = ? "
                         "and counted = 1", [target_id]).fetchone()
    latest = db.execute("select value, as_of, claim_id from target_observations where target_id = ? and counts = 1 "
                        "order by as_of desc, stated_on desc, claim_id desc limit 1", [target_id]).fetchone()
    n_obs = db.execute("select count(*) from target_observations where target_id = ? and counts = 1",
                       [target_id]).fetchone()[0]
    value = db.execute("select value from targets where target_id = ?", [target_id]).fetchone()[0]
    db.execute(
        "update targets set first_claim_id = ?, first_stated_on = ?, first_speaker = ?, n_statements = ?, "
        "n_outlets = ?, n_observations = ?, latest_value = ?, latest_as_of = ?, latest_claim_id = ?, progress_pct = ? "
        "where target_id = ?",
        [first[0] if first else None, first[1] if first else None, first[2] if first else None, counted[0],
         counted[1], n_obs, latest[0] if latest else None, latest[1] if latest else None,
         latest[2] if latest else None,
         round(100 * latest[0] / value, 1) if latest and value else None, target_id])


def _event(db, target_id, decision_id, kind, title, claim_id):
    event_id = "e" + hashlib.sha1(json.dumps(["review", decision_id, target_id]).encode()).hexdigest()[:12]
    db.execute("insert or replace into target_events (id, target_id, date, kind, claim_id, title, detail) "
               "values (?, ?, ?, ?, ?, ?, ?)",
               [event_id, target_id, now_iso()[:10], f"review_{kind}", claim_id, title, f"correction #{decision_id}"])
