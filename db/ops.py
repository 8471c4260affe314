"""Operations state kept in the database: the data version that decides whether to publish, small key/value
run state, and the backfill cursor (the days a source's dated listings were walked completely)."""

from __future__ import annotations

import hashlib

from db.store import now_iso

# What the public database is built from: a change in any of these columns is a change worth publishing.
VERSIONED = {
    "articles": "id, content_hash, status, syndication_group, published, title, outlet, canonical_url",
    "claims": "*",
}


def data_version(db) -> str:
    """A hash of the published content (articles and claims), stable across runs that change nothing.

    Streams the rows in primary-key order; about a second per 100,000 claims.
    """
    digest = hashlib.sha256()
    for table, columns in VERSIONED.items():
        if not db[table].exists():
            continue
        digest.update(f"\x00{table}\x00".encode())
        for row in db.execute(f"select {columns} from [{table}] order by id"):
            digest.update(repr(row).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def get_state(db, key: str) -> str | None:
    if not db["ops_state"].exists():
        return None
    row = db.execute("select value from ops_state where key = ?", [key]).fetchone()
    return row[0] if row else None


def set_state(db, key: str, value: str):
    with db.conn:
        db["ops_state"].upsert({"key": key, "value": value, "updated_at": now_iso()}, pk="key")


# -- backfill cursor ---------------------------------------------------------------------------------------------


def done_days(db, source: str, method: str) -> set[str]:
    """Days (ISO) whose ``method`` listings of ``source`` were walked completely and every article stored."""
    return {r[0] for r in db.execute("select day from backfill_days where source = ? and method = ?",
                                     [source, method])}


def mark_days_done(db, source: str, method: str, days, run_id: int | None):
    stamp = now_iso()
    with db.conn:
        db["backfill_days"].upsert_all(
            [{"source": source, "method": method, "day": day, "run_id": run_id, "done_at": stamp} for day in days],
            pk=("source", "method", "day"))


def cursor(db, source: str) -> str | None:
    """The last day of the unbroken run of finished days from the earliest one, over all methods of ``source``."""
    rows = db.execute("select method, day from backfill_days where source = ? order by method, day", [source])
    from datetime import date, timedelta

    ends = []
    current_method, last = None, None
    for method, day in rows:
        d = date.fromisoformat(day)
        if method != current_method:
            if last:
                ends.append(last)
            current_method, last = method, d
        elif last and d == last + timedelta(days=1):
            last = d
    if last:
        ends.append(last)
    return min(ends).isoformat() if ends else None
