"""Pantau's target pages for Datasette (entry point `pantau_targets`).

Standalone on purpose, like `datasette_plugin.py`: `pantau publish` copies this file into a `--plugins-dir`, so it
imports nothing from Pantau.

- `/target/<target_id>`: one page per tracked target (template `target.html`): the target in one sentence, a chart of
  the reported figures against the target line and the required pace (inline SVG drawn here, server-side: no
  JavaScript, nothing from the internet), the statements, revisions, conflicts and the status history with evidence.
- In the `claims` table and claim pages, a claim that belongs to a target links to the target page.
"""

from __future__ import annotations

import html
import json
from datetime import date

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

CHART_W, CHART_H = 760, 340
PAD_L, PAD_R, PAD_T, PAD_B = 78, 20, 20, 44
TARGET_ID_COLUMNS = {"target_id", "other_target_id", "revision_of", "milestone_of"}
SCALES = [(1e12, "T"), (1e9, "M"), (1e6, "juta"), (1e3, "ribu")]


def _db_name(datasette) -> str:
    names = [name for name in datasette.databases if name != "_internal"]
    return "pantau" if "pantau" in names or not names else names[0]


async def _rows(db, sql, params=None) -> list[dict]:
    result = await db.execute(sql, params or {})
    return [dict(row) for row in result.rows]


async def _has_targets(db) -> bool:
    return "targets" in await db.table_names()


# -- the target page ----------------------------------------------------------------------------------------------


async def target_page(datasette, request):
    target_id = request.url_vars["target_id"]
    db_name = _db_name(datasette)
    db = datasette.get_database(db_name)
    if not await _has_targets(db):
        raise NotFound("this database has no target tables")
    found = await _rows(db, "select * from targets where target_id = :id", {"id": target_id})
    if not found:
        raise NotFound(f"no target {target_id}")
    target = found[0]
    by_id = "where target_id = :id"
    statements = await _rows(db, f"select * from target_statements {by_id} order by stated_on, claim_id",
                             {"id": target_id})
    observations = await _rows(db, f"select * from target_observations {by_id} order by as_of, stated_on, claim_id",
                               {"id": target_id})
    history = await _rows(db, f"select * from target_status_history {by_id} order by date", {"id": target_id})
    for entry in history:
        entry["evidence"] = json.loads(entry["evidence"] or "[]")
    conflicts = await _rows(
        db, "select c.*, t.summary as other_summary from target_conflicts c join targets t "
        "on t.target_id = c.other_target_id where c.target_id = :id order by c.other_target_id", {"id": target_id})
    related = await _rows(
        db, "select target_id, summary, status, 'revised by' as relation from targets where revision_of = :id union all "
        "select target_id, summary, status, 'milestone' from targets where milestone_of = :id union all "
        "select target_id, summary, status, 'revises' from targets where target_id = :rev union all "
        "select target_id, summary, status, 'milestone of' from targets where target_id = :ms",
        {"id": target_id, "rev": target["revision_of"] or "", "ms": target["milestone_of"] or ""})
    documents = await _documents(db, statements + observations)
    regulation = await _regulation(db, target.get("legal_anchor"))
    context = {
        "target": target, "statements": statements, "observations": observations, "history": history,
        "documents": documents, "regulation": regulation,
        "conflicts": conflicts, "related": related, "db_name": db_name,
        "evidence": json.loads(target["status_evidence"] or "[]"),
        "chart": Markup(chart_svg(target, observations)),
    }
    return Response.html(await datasette.render_template("target.html", context, request=request))


async def _documents(db, rows: list[dict]) -> dict:
    """Title and kind of the policy documents (PDFs) statements and figures were read from, by id."""
    ids = sorted({r["document_id"] for r in rows if r.get("document_id")})
    if not ids or "documents" not in await db.table_names():
        return {}
    marks = ", ".join(f":d{i}" for i in range(len(ids)))
    found = await _rows(db, f"select id, title, kind, issuer from documents where id in ({marks})",
                        {f"d{i}": d for i, d in enumerate(ids)})
    return {d["id"]: d for d in found}


async def _regulation(db, regulation_id: str | None) -> dict | None:
    """The regulation a target is anchored in (targets.legal_anchor), when the database has it."""
    if not regulation_id or "regulations" not in await db.table_names():
        return None
    found = await _rows(db, "select id, judul, jenis, noPeraturan, tahun_pengundangan from regulations "
                        "where id = :id", {"id": regulation_id})
    return found[0] if found else {"id": regulation_id}


def number(value) -> str:
    """Template filter `pantau_num`: 30000000 -> "30,000,000", 21.5 -> "21.5"."""
    if value is None or value == "":
        return "—"
    value = float(value)
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["pantau_num"] = number


@hookimpl
def register_routes():
    return [(r"^/target/(?P<target_id>[A-Za-z0-9_-]+)$", target_page)]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """In the claims table, the claim type of a claim that belongs to a target links to the target page(s) (the id
    column is Datasette's own row link); a target id in the target tables and canned queries links to its page."""
    if not value:
        return None
    if column in TARGET_ID_COLUMNS and (table or "").startswith("target") or (table is None and column == "target_id"):
        href = datasette.urls.path("/target/" + str(value))
        return Markup(f'<a href="{href}" class="target-link">{html.escape(str(value))}</a>')
    if table == "targets" and column == "legal_anchor":
        href = datasette.urls.row(database, "regulations", str(value))
        return Markup(f'<a href="{href}" class="legal-anchor">{html.escape(str(value))}</a>')
    if table != "claims" or column != "claim_type" or value not in ("target", "achievement"):
        return None
    claim_id = row["id"] if "id" in row.keys() else None
    if not claim_id:
        return None

    async def inner():
        db = datasette.get_database(database)
        if not await _has_targets(db):
            return None
        hits = await _rows(db, "select target_id, 'statement' as kind from target_statements where claim_id = :c "
                           "union select target_id, 'figure' from target_observations where claim_id = :c and counts "
                           "limit 3", {"c": claim_id})
        if not hits:
            return None
        links = " ".join(f'<a href="{datasette.urls.path("/target/" + h["target_id"])}" class="target-link">'
                         f'target ({h["kind"]})</a>' for h in hits)
        return Markup(f"{html.escape(str(value))}<br>{links}")

    return inner


# -- the chart ----------------------------------------------------------------------------------------------------


def _day(text) -> date | None:
    if not text:
        return None
    text = str(text)[:10]
    try:
        return date.fromisoformat(text if len(text) == 10 else (text + "-01-01")[:10])
    except ValueError:
        return None


def _short(value: float) -> str:
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{value / size:.3g} {word}"
    return f"{value:.3g}"


def chart_svg(target: dict, observations: list[dict]) -> str:
    """Reported figures (dots; hollow = after the deadline grace) against the target line and the straight path
    required from the first counting figure to the target at the end of the deadline year."""
    value = target.get("value")
    start = _day(target.get("first_stated_on"))
    end = date(int(target["deadline"]), 12, 31) if target.get("deadline") else None
    points = [(d, o["value"], bool(o["counts"]), o) for o in observations
              if (d := _day(o["as_of"])) and o["value"] is not None]
    days = [d for d in [start, end] + [p[0] for p in points] if d]
    if value is None or not days:
        return '<p class="no-chart">No chart: the target has no value or no dates.</p>'
    x0, x1 = min(days), max(days)
    if x1 <= x0:
        x1 = date(x0.year + 1, x0.month, 1)
    y_max = max([value] + [p[1] for p in points]) * 1.12 or 1.0
    span = (x1 - x0).days

    def x(d: date) -> float:
        return PAD_L + (CHART_W - PAD_L - PAD_R) * (d - x0).days / span

    def y(v: float) -> float:
        return CHART_H - PAD_B - (CHART_H - PAD_T - PAD_B) * v / y_max

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="target-chart" viewBox="0 0 {CHART_W} {CHART_H}" '
             f'width="{CHART_W}" height="{CHART_H}" role="img" aria-label="Reported figures against the target">',
             f'<rect x="{PAD_L}" y="{PAD_T}" width="{CHART_W - PAD_L - PAD_R}" height="{CHART_H - PAD_T - PAD_B}" '
             'fill="#fbfcfd" stroke="#ccd"/>']
    for i in range(5):
        v = y_max * i / 4
        parts.append(f'<line x1="{PAD_L}" x2="{CHART_W - PAD_R}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e4e7ec"/>'
                     f'<text x="{PAD_L - 6}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="11">{_short(v)}</text>')
    for year in range(x0.year + (x0 > date(x0.year, 1, 1)), x1.year + 1):
        xx = x(date(year, 1, 1))
        parts.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{CHART_H - PAD_B}" y2="{CHART_H - PAD_B + 5}" '
                     f'stroke="#555"/><text x="{xx:.1f}" y="{CHART_H - PAD_B + 18}" text-anchor="middle" '
                     f'font-size="11">{year}</text>')
    line_end = end or x1
    parts.append(f'<line class="target-line" x1="{x(start or x0):.1f}" x2="{x(line_end):.1f}" y1="{y(value):.1f}" '
                 f'y2="{y(value):.1f}" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 4">'
                 f'<title>target {_short(value)}</title></line>')
    if end:
        parts.append(f'<line class="deadline-line" x1="{x(end):.1f}" x2="{x(end):.1f}" y1="{PAD_T}" '
                     f'y2="{CHART_H - PAD_B}" stroke="#c0392b" stroke-width="1"/>'
                     f'<text x="{x(end) - 4:.1f}" y="{PAD_T + 12}" text-anchor="end" font-size="11" fill="#c0392b">'
                     f'deadline {end.year}</text>')
    counting = [p for p in points if p[2]]
    if end and counting:
        base = min(counting, key=lambda p: p[0])
        if base[0] < end:
            parts.append(f'<line class="pace-line" x1="{x(base[0]):.1f}" y1="{y(base[1]):.1f}" x2="{x(end):.1f}" '
                         f'y2="{y(value):.1f}" stroke="#7f8c8d" stroke-width="1.5" stroke-dasharray="2 3">'
                         '<title>required pace: a straight path from the first figure to the target</title></line>')
    if len(counting) > 1:
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v, _, _ in sorted(counting, key=lambda p: (p[0], p[1])))
        parts.append(f'<polyline class="figure-path" points="{path}" fill="none" stroke="#2f6fb3" stroke-width="1"/>')
    for d, v, counts, o in points:
        label = html.escape(f"{_short(v)} as of {d.isoformat()}, stated {o['stated_on']} "
                            f"by {o.get('speaker') or o.get('organization') or o.get('outlet') or '?'}")
        fill = "#2f6fb3" if counts else "#fff"
        parts.append(f'<circle class="figure" data-value="{v}" data-date="{d.isoformat()}" cx="{x(d):.1f}" '
                     f'cy="{y(v):.1f}" r="5" fill="{fill}" stroke="#2f6fb3" stroke-width="2"><title>{label}</title>'
                     '</circle>')
    legend_y = CHART_H - 8
    parts.append(f'<g font-size="11"><circle cx="{PAD_L + 6}" cy="{legend_y - 4}" r="4" fill="#2f6fb3"/>'
                 f'<text x="{PAD_L + 14}" y="{legend_y}">reported figure</text>'
                 f'<line x1="{PAD_L + 120}" x2="{PAD_L + 150}" y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="#c0392b" '
                 f'stroke-width="2" stroke-dasharray="6 4"/><text x="{PAD_L + 156}" y="{legend_y}">target</text>'
                 f'<line x1="{PAD_L + 210}" x2="{PAD_L + 240}" y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="#7f8c8d" '
                 f'stroke-dasharray="2 3"/><text x="{PAD_L + 246}" y="{legend_y}">required pace</text></g>')
    parts.append("</svg>")
    return "".join(parts)
