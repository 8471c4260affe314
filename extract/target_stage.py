"""The tracker stage: claims in the store -> extract.targets.build_targets -> the target tables.

Runs after claim extraction (`pantau extract`, hence `pantau run` and `pantau demo`). Incremental: the claims are
split into families - (scope, scope name, unit), the claims that can affect one another's targets (a series, and
the metric-less claims that may join it) - and only the families whose claims changed since the last run (a
fingerprint of their rows, table `target_families`), whose status may have changed since (the next date an
observation goes stale or a deadline's grace ends: `valid_until`), or that are asked for at an earlier date are
recomputed. Their rows are replaced in one transaction, so a run is idempotent, a crash leaves the previous tables
intact, and the tables equal those of a full rebuild (`full=True`, also used when no family state is stored yet).
Status is computed as of `today`; the change log (`target_events`) dates each new statement, figure and status
change.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from datetime import date, timedelta

from db import Store
from db.review_targets import reapply_target_decisions
from extract.target_review import reassess_reviewed_targets
from extract.targets import build_targets
from extract.targets.model import deadline_end, norm_scope_name, normalise, parse_day, stable_id
from extract.targets.wording import human_number

log = logging.getLogger("pantau.targets")

TABLES = ["target_events", "target_conflicts", "target_status_history", "target_observations", "target_statements",
          "targets"]

# Document claims have no article (article_id null): every join to articles is a left join, and such a claim takes
# its link (the PDF at its page), date (the document's, else its regulation's enactment) and, for a regulation's PDF,
# the regulation it anchors the target in from documents and regulations.
CLAIMS_SQL = """
select claims.*, claims.id as claim_id, articles.syndication_group as syndication_group,
       coalesce(articles.canonical_url, articles.url, documents.url || '#page=' || claims.page) as url,
       coalesce(claims.outlet, articles.outlet) as outlet,
       coalesce(claims.stated_on, documents.published, regulations.tanggal_penetapan,
                regulations.tanggal_pengundangan) as stated_on,
       documents.title as document_title, regulations.id as regulation_id
from claims
  left join articles on articles.id = claims.article_id
  left join documents on documents.id = claims.document_id
  left join regulations on regulations.id = (
    select r.id from regulations r where claims.document_id is not null and r.document_id = claims.document_id
    order by r.id limit 1)
where (claims.claim_type in ('target', 'achievement') or (claims.claim_type = 'budget' and claims.metric is not null))
  and coalesce(claims.review_status, '') != 'rejected'
order by claims.id
"""


def load_claims(store: Store) -> list[dict]:
    return [dict(row) for row in store.db.query(CLAIMS_SQL)]


STALE_AFTER_DAYS, GRACE_DAYS = 366, 91  # the status checkpoints after a figure and after a deadline (status.py)


def family_key(scope, scope_name, unit) -> str:
    """"national--none--umkm": scope, scope name and unit normalised, in letters, digits, _ and - only (a plain
    Datasette row URL). Two spellings that meet here only make one family of two: recomputed together."""
    return "--".join(norm_scope_name(part) or "none" for part in (scope, scope_name, unit))


def family_of(claim: dict, normalised: dict | None = None) -> str | None:
    """The family key of a claim row (its series without the metric); None when the tracker ignores the claim.
    ``normalised``: a memo ``{id(claim): normalise(claim)}``, filled here (the build reads it again)."""
    found = normalise(claim)
    if normalised is not None:
        normalised[id(claim)] = found
    return None if found is None else family_key(*found.series[1:])


def _fingerprint(claims: list[dict]) -> str:
    text = json.dumps(sorted(claims, key=lambda c: str(c["claim_id"])), sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def update_targets(store: Store, today: date | None = None, full: bool = False) -> dict:
    """Bring the target tables up to date with the claims in `store`: recompute the changed families only (every
    family when `full`). Returns the row count of every table and the number of families recomputed."""
    today = today or date.today()
    families: dict[str, list[dict]] = defaultdict(list)
    claims = load_claims(store)
    normalised: dict[int, object] = {}  # each claim normalised once, for its family and for the build
    for claim in claims:
        family = family_of(claim, normalised)
        if family is not None:
            families[family].append(claim)
    fingerprints = {family: _fingerprint(rows) for family, rows in families.items()}
    state = {row["family"]: row for row in store.db.query("select * from target_families")}
    # Editors' decisions (merge, split) edit rows across families after the build: with any of them, a run that
    # has something to recompute rebuilds everything, so they are re-applied to whole fresh tables as designed.
    full = full or not state or (_has_target_decisions(store) and any(
        _stale(state.get(f), fingerprints.get(f), today) for f in set(fingerprints) | set(state)))
    dirty = set(fingerprints) | set(state) if full else {
        family for family in set(fingerprints) | set(state) if _stale(state.get(family), fingerprints.get(family),
                                                                        today)}
    targets = build_targets([c for family in dirty for c in families.get(family, [])], today=today,
                            normalised=normalised)
    rows = table_rows(targets)
    family_rows = [_family_row(family, fingerprints[family], families[family], rows["targets"], today)
                   for family in sorted(dirty) if family in fingerprints]
    _replace(store.db.conn, rows, sorted(dirty), family_rows, full, today)
    review = reapply_target_decisions(store)  # editors' merges, splits and unlinks (db/review_targets.py)
    review["reassessed"] = reassess_reviewed_targets(store, claims, today)  # their status, by the tracker's rules
    counts = {table: store.db[table].count for table in TABLES}
    counts.update(claims_read=len(claims), families=len(fingerprints), families_recomputed=len(dirty), review=review)
    log.info("targets: %s", counts)
    return counts


def _has_target_decisions(store: Store) -> bool:
    return store.db["corrections"].exists() and store.db.execute(
        "select 1 from corrections where kind = 'target' limit 1").fetchone() is not None


def _stale(state: dict | None, fingerprint: str | None, today: date) -> bool:
    """A family is recomputed when its claims changed, when a status checkpoint passed since it was computed, or when
    it is asked for at an earlier date than it was computed for."""
    if state is None or fingerprint is None or state["fingerprint"] != fingerprint:
        return True
    if state["computed_for"] is None or today.isoformat() < state["computed_for"]:
        return True
    return state["valid_until"] is not None and today.isoformat() >= state["valid_until"]


def _family_row(family: str, fingerprint: str, claims: list[dict], target_rows: list[dict], today: date) -> dict:
    mine = [t for t in target_rows if t["family"] == family]
    return {"family": family, "fingerprint": fingerprint, "valid_until": _next_checkpoint(mine, today),
            "n_claims": len(claims), "computed_for": today.isoformat()}


def _next_checkpoint(target_rows: list[dict], today: date) -> str | None:
    """The first date after `today` on which a status of these targets can change without a new claim: a counting
    figure going stale, or the first day after a deadline's reporting grace."""
    dates = []
    for t in target_rows:
        end = deadline_end(t["deadline"])
        if end is not None:
            dates.append(end + timedelta(days=GRACE_DAYS))
        dates.extend(parse_day(day) + timedelta(days=STALE_AFTER_DAYS) for day in t["_figure_dates"])
    future = [d for d in dates if d > today]
    return min(future).isoformat() if future else None


def _replace(conn, rows: dict[str, list[dict]], dirty: list[str], family_rows: list[dict], full: bool, today: date):
    """Replace the rows of the dirty families (every row when `full`) in one transaction (foreign keys checked at
    commit: targets point at targets)."""
    conn.commit()  # start from a clean state: the BEGIN below must open the transaction
    conn.execute("begin")
    try:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        if full:
            for table in TABLES + ["target_families"]:
                conn.execute(f"delete from [{table}]")
        else:
            marks = ", ".join("?" for _ in dirty)
            in_dirty = f"target_id in (select target_id from targets where family in ({marks}))"
            for table in TABLES[:-1]:
                conn.execute(f"delete from [{table}] where {in_dirty}", dirty)
            conn.execute(f"delete from targets where family in ({marks})", dirty)
            conn.execute(f"delete from target_families where family in ({marks})", dirty)
        for table in reversed(TABLES):
            _insert(conn, table, [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows[table]])
        _insert(conn, "target_families", family_rows)
        conn.execute("update targets set status_as_of = ?", [today.isoformat()])
        conn.execute("commit")
    except BaseException:
        conn.execute("rollback")
        raise


def _insert(conn, table: str, rows: list[dict]):
    if rows:
        columns = list(rows[0])
        sql = (f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
               f"values ({', '.join('?' for _ in columns)})")
        conn.executemany(sql, [[row[c] for c in columns] for row in rows])


def table_rows(targets: list[dict]) -> dict[str, list[dict]]:
    """The rows of every target table for built targets."""
    rows: dict[str, list[dict]] = {table: [] for table in TABLES}
    for t in targets:
        tid = t["target_id"]
        latest, best = t["latest_figure"] or {}, t["best_figure"] or {}
        rows["targets"].append({
            **{k: t[k] for k in ("target_id", "metric", "scope", "scope_name", "subject", "value", "value_max",
                                 "unit", "deadline", "direction", "revision_of", "milestone_of", "first_stated_on",
                                 "first_claim_id", "first_speaker", "first_institution", "n_statements", "n_outlets",
                                 "progress_pct", "status", "status_as_of", "status_rationale", "anchoring", "legal_anchor",
                                 "summary")},
            "per_period": int(t["per_period"]),
            "n_observations": sum(1 for o in t["observations"] if o["counts"]),
            "latest_value": latest.get("value"), "latest_as_of": latest.get("as_of"),
            "latest_claim_id": latest.get("claim_id"), "latest_stated_on": latest.get("stated_on"),
            "best_value": best.get("value"), "best_as_of": best.get("as_of"), "best_claim_id": best.get("claim_id"),
            "best_pct": best.get("pct"),
            "family": family_key(t["scope"], t["scope_name"], t["unit"]),
            "_figure_dates": [o["stated_on"] for o in t["observations"] if o["counts"]],
            "status_evidence": json.dumps(t["status_evidence"]),
            "n_conflicts": len(t["conflicts"]),
        })
        for s in t["statements"]:
            rows["target_statements"].append({
                "target_id": tid, **{k: s[k] for k in ("claim_id", "article_id", "role", "stated_on", "speaker",
                                                       "organization", "outlet", "value", "target_year", "quote", "url",
                                                       "source_kind", "syndication_group", "document_id", "page")},
                "counted": int(s["counted"])})
            if s["counted"]:
                rows["target_events"].append(_event(tid, s["stated_on"], "statement", s["claim_id"],
                                                    f"{s['role']}: {s['speaker'] or s['organization'] or s['outlet']}"
                                                    f" states {human_number(s['value'])} by {s['target_year']}",
                                                    s["quote"]))
        for o in t["observations"]:
            rows["target_observations"].append({"target_id": tid, **{k: o[k] for k in (
                "claim_id", "article_id", "value", "unit", "as_of", "stated_on", "speaker", "organization", "outlet",
                "url", "quote", "source_kind", "document_id", "page")}, "counts": int(o["counts"]), "outlier": int(o["outlier"])})
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
