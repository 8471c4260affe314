"""The tracker stage: claims in the store -> extract.targets.build_targets -> the target tables.

Runs after claim extraction (`pantau extract`, hence `pantau run` and `pantau demo`). Every run recomputes all
targets from the stored target and achievement claims (a few thousand rows: well under a second) and rewrites the
target tables in one transaction, so it is idempotent and a crash leaves the previous tables intact. Status is
computed as of `today`; the change log (`target_events`) dates each new statement, figure and status change.
"""

from __future__ import annotations

import json
import logging
from datetime import date

from db import Store
from db.review_targets import reapply_target_decisions
from extract.targets import build_targets
from extract.targets.model import stable_id
from extract.targets.wording import human_number

log = logging.getLogger("pantau.targets")

TABLES = ["target_events", "target_conflicts", "target_status_history", "target_observations", "target_statements",
          "targets"]

CLAIMS_SQL = """
select claims.*, claims.id as claim_id, articles.syndication_group as syndication_group,
       coalesce(articles.canonical_url, articles.url) as url, coalesce(claims.outlet, articles.outlet) as outlet
from claims left join articles on articles.id = claims.article_id
where claims.claim_type in ('target', 'achievement') and coalesce(claims.review_status, '') != 'rejected'
order by claims.id
"""


def load_claims(store: Store) -> list[dict]:
    return [dict(row) for row in store.db.query(CLAIMS_SQL)]


def update_targets(store: Store, today: date | None = None) -> dict:
    """Rebuild the target tables from the claims in `store`. Returns counts."""
    claims = load_claims(store)
    targets = build_targets(claims, today=today)
    rows = table_rows(targets)
    _rewrite(store.db.conn, rows)
    counts = {table: len(rows[table]) for table in TABLES}
    counts["claims_read"] = len(claims)
    counts["review"] = reapply_target_decisions(store)  # editors' merges, splits and unlinks (db/review_targets.py)
    log.info("targets: %s", counts)
    return counts


def _rewrite(conn, rows: dict[str, list[dict]]):
    """Replace every target table in one transaction (foreign keys checked at commit: targets point at targets)."""
    conn.commit()  # start from a clean state: the BEGIN below must open the transaction
    conn.execute("begin")
    try:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in TABLES:
            conn.execute(f"delete from [{table}]")
        for table in reversed(TABLES):
            if rows[table]:
                columns = list(rows[table][0])
                sql = (f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                       f"values ({', '.join('?' for _ in columns)})")
                conn.executemany(sql, [[row[c] for c in columns] for row in rows[table]])
        conn.execute("commit")
    except BaseException:
        conn.execute("rollback")
        raise


def table_rows(targets: list[dict]) -> dict[str, list[dict]]:
    """The rows of every target table for built targets."""
    rows: dict[str, list[dict]] = {table: [] for table in TABLES}
    for t in targets:
        tid = t["target_id"]
        latest = t["latest_figure"] or {}
        rows["targets"].append({
            **{k: t[k] for k in ("target_id", "metric", "scope", "scope_name", "subject", "value", "value_max",
                                 "unit", "deadline", "direction", "revision_of", "milestone_of", "first_stated_on",
                                 "first_claim_id", "first_speaker", "first_institution", "n_statements", "n_outlets",
                                 "progress_pct", "status", "status_as_of", "status_rationale", "anchoring", "summary")},
            "per_period": int(t["per_period"]),
            "n_observations": sum(1 for o in t["observations"] if o["counts"]),
            "latest_value": latest.get("value"), "latest_as_of": latest.get("as_of"),
            "latest_claim_id": latest.get("claim_id"),
            "status_evidence": json.dumps(t["status_evidence"]),
            "n_conflicts": len(t["conflicts"]),
        })
        for s in t["statements"]:
            rows["target_statements"].append({
                "target_id": tid, **{k: s[k] for k in ("claim_id", "article_id", "role", "stated_on", "speaker",
                                                       "organization", "outlet", "value", "target_year", "quote", "url",
                                                       "source_kind", "syndication_group")},
                "counted": int(s["counted"])})
            if s["counted"]:
                rows["target_events"].append(_event(tid, s["stated_on"], "statement", s["claim_id"],
                                                    f"{s['role']}: {s['speaker'] or s['organization'] or s['outlet']}"
                                                    f" states {human_number(s['value'])} by {s['target_year']}",
                                                    s["quote"]))
        for o in t["observations"]:
            rows["target_observations"].append({"target_id": tid, **{k: o[k] for k in (
                "claim_id", "article_id", "value", "unit", "as_of", "stated_on", "speaker", "organization", "outlet",
                "url", "quote", "source_kind")}, "counts": int(o["counts"])})
            if o["counts"]:
                rows["target_events"].append(_event(tid, o["stated_on"], "figure", o["claim_id"],
                                                    f"figure: {human_number(o['value'])} as of {o['as_of']}",
                                                    o["quote"]))
        for h in t["status_history"]:
            rows["target_status_history"].append({"target_id": tid, "date": h["date"], "status": h["status"],
                                                   "rationale": h["rationale"], "evidence": json.dumps(h["evidence"])})
            rows["target_events"].append(_event(tid, h["date"], "status", (h["evidence"] or [None])[0],
                                                f"status: {h['status']}", h["rationale"]))
        for c in t["conflicts"]:
            rows["target_conflicts"].append({"target_id": tid, "other_target_id": c["target_id"],
                                             **{k: c[k] for k in ("claim_id", "other_claim_id", "stated_on",
                                                                  "other_stated_on")}})
    return rows


def _event(target_id, day, kind, claim_id, title, detail) -> dict:
    return {"id": stable_id("e", target_id, day, kind, claim_id), "target_id": target_id, "date": day, "kind": kind,
            "claim_id": claim_id, "title": title, "detail": detail}
