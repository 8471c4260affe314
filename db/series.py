"""Series facts computed once, when claims are stored or published, so the site's series views stay cheap at scale.

A series is one (metric, scope, scope_name, unit) (docs/CONTRACTS.md). Two things are derived here instead of per
request in SQL (measured in scripts/bench_datasette: per-row checks made `target_timeline` ten times slower and
`conflicting_figures` exceed the 3 s limit at 1,000,000 claims):

- `claims.counted`: 0 for a syndicated copy - a claim with an earlier-stated claim of the same type, value and unit in
  another article of its syndication group (`articles.syndication_group`) - else 1. Series views count `counted = 1`.
- `series_conflicts`: inside one series, among counted achievement figures with a date,
  * "falls below an earlier figure": for a running total (`metrics.cumulative`), a figure lower than the highest
    figure dated before it (compared with the earliest figure holding that maximum);
  * "differs > 5 % within 120 days": a figure more than 5 % away from the closest earlier figure (within 120 days)
    of another source (outlet or organisation) outside its syndication group.
  Each figure is compared with one earlier figure per kind, not with every pair.

`refresh(db)` recomputes both from the claims table; it is idempotent and runs after extraction (Store.refresh_series)
and on the public database (pantau.publish).
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import groupby

FALLS = "falls below an earlier figure"
DIFFERS = "differs > 5 % within 120 days"
WINDOW_DAYS = 120
TOLERANCE = 0.05

CONFLICTS_TABLE = "series_conflicts"
CONFLICTS_SQL = f"""create table if not exists {CONFLICTS_TABLE} (
    later_claim text, conflict text, earlier_claim text, metric text, scope text, scope_name text, unit text,
    later_date text, earlier_date text, primary key (later_claim, conflict))"""
CONFLICTS_INDEX = ("metric", "scope", "later_date", "earlier_date")
# The timeline reads one series in date order straight from an index (no sort, so only the rows returned are
# looked at); target and figure look-ups find the latest claim of one type in a series without scanning the others.
CLAIM_INDEXES = [["metric", "scope", "counted", "figure_date", "stated_on"],
                 ["metric", "scope", "scope_name", "unit", "claim_type", "figure_date"]]


def ensure_schema(db):
    """The `counted` column and the conflicts table (called by the migration and by the public build)."""
    if "counted" not in db["claims"].columns_dict:
        db["claims"].add_column("counted", int, not_null_default=1)
    for columns in CLAIM_INDEXES:
        db["claims"].create_index(columns, if_not_exists=True)
    db.execute(CONFLICTS_SQL)
    db[CONFLICTS_TABLE].create_index(CONFLICTS_INDEX, if_not_exists=True)


def refresh(db) -> dict:
    """Recompute `claims.counted` and the `series_conflicts` table. Returns counts."""
    ensure_schema(db)
    with db.atomic():
        copies = _mark_copies(db)
        conflicts = _rebuild_conflicts(db)
    return {"syndicated_copies": copies, "series_conflicts": conflicts}


# -- syndicated copies ---------------------------------------------------------------------------------------------

def _mark_copies(db) -> int:
    """Set counted = 0 on syndicated copies and 1 elsewhere; only claims of articles sharing a group are read."""
    rows = db.execute("""
        select a.syndication_group, c.claim_type, c.value, c.unit, c.stated_on, c.id, c.article_id
        from claims c join articles a on a.id = c.article_id
        where a.syndication_group in (
            select syndication_group from articles where syndication_group is not null
            group by syndication_group having count(*) > 1)
        order by a.syndication_group, c.claim_type, c.value, c.unit, coalesce(c.stated_on, ''), c.id""").fetchall()
    copies = set()
    for _, same_figure in groupby(rows, key=lambda r: r[:4]):
        seen_articles = set()
        for row in same_figure:
            if seen_articles - {row[6]}:  # an earlier-stated claim of this figure sits in another article
                copies.add(row[5])
            seen_articles.add(row[6])
    # write only what changed: a re-run after a day's extraction touches a handful of rows, not the whole table
    marked = {r[0] for r in db.execute("select id from claims where counted is not 1")}
    db.conn.executemany("update claims set counted = 1 where id = ?", [(i,) for i in marked - copies])
    db.conn.executemany("update claims set counted = 0 where id = ?", [(i,) for i in copies - marked])
    return len(copies)


# -- conflicts inside a series -------------------------------------------------------------------------------------

def _rebuild_conflicts(db) -> int:
    rows = db.execute("""
        select c.metric, c.scope, c.scope_name, c.unit, c.figure_date, c.id, c.value,
               coalesce(c.outlet, ''), coalesce(c.organization, ''), a.syndication_group,
               coalesce(m.cumulative, 0)
        from claims c
          join articles a on a.id = c.article_id
          left join metrics m on m.id = c.metric
        where c.claim_type = 'achievement' and c.counted = 1 and c.figure_date is not null and c.value is not null
          and c.metric is not null and c.scope is not null
        order by c.metric, c.scope, coalesce(c.scope_name, ''), c.unit, c.figure_date, c.id""").fetchall()
    found = set()
    for key, series in groupby(rows, key=lambda r: (r[0], r[1], r[2] or "", r[3])):
        found.update(_series_conflicts(list(series)))
    columns = ("later_claim, conflict, earlier_claim, metric, scope, scope_name, unit, later_date, earlier_date")
    stored = set(db.execute(f"select {columns} from {CONFLICTS_TABLE}").fetchall())
    db.conn.executemany(f"delete from {CONFLICTS_TABLE} where later_claim = ? and conflict = ?",
                        [row[:2] for row in stored - found])
    db.conn.executemany(f"insert or replace into {CONFLICTS_TABLE} ({columns}) values (?,?,?,?,?,?,?,?,?)",
                        sorted(found - stored))
    return len(found)


def _series_conflicts(figures: list[tuple]) -> list[tuple]:
    """Conflicts of one series; `figures` are sorted by (figure_date, id)."""
    out = []
    highest = None  # the earliest figure holding the highest value so far
    for i, later in enumerate(figures):
        metric, scope, scope_name, unit, day, claim_id, value, *_, cumulative = later
        row = (metric, scope, scope_name, unit, day)
        if cumulative and highest is not None and value < highest[6]:
            out.append((claim_id, FALLS, highest[5], *row, highest[4]))
        earlier = _closest_other_source(figures, i)
        if earlier is not None and abs(value - earlier[6]) > TOLERANCE * max(abs(value), abs(earlier[6])):
            out.append((claim_id, DIFFERS, earlier[5], *row, earlier[4]))
        if highest is None or value > highest[6]:
            highest = later
    return out


def _closest_other_source(figures: list[tuple], i: int):
    """The closest earlier figure (within the window) of another outlet or organisation and another story."""
    later = figures[i]
    start = _days_before(later[4], WINDOW_DAYS)
    for j in range(i - 1, -1, -1):
        earlier = figures[j]
        if earlier[4] < start:
            return None
        other_source = earlier[7] != later[7] or earlier[8] != later[8]
        same_story = earlier[9] is not None and earlier[9] == later[9]
        if other_source and not same_story:
            return earlier
    return None


def _days_before(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day[:10]) - timedelta(days=days)).isoformat()
    except ValueError:  # a malformed date compares as text and only bounds the window loosely
        return ""
