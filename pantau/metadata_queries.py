"""Datasette metadata: the canned queries (``_queries``) and the dashboards (``_dashboards``).

The SQL lives in ``db/queries.py``; here are titles, descriptions, parameters and the dashboard charts.
"""

from __future__ import annotations

from db import queries

# the methodology page (pantau/templates/pages/methodology.html), linked from the dashboard and the description
METHODOLOGY_URL = "/methodology"

SERIES_PARAMS = ["metric", "scope", "scope_name", "unit"]


def _queries(db: str) -> dict:
    return {
        "search_claims": {
            "title": "Search claims",
            "description": "Full-text search over claim sentences. Words are stemmed (Sastrawi), so \"capai\" also "
            "finds \"tercapai\" and \"pencapaian\". Optional claim_type: target, achievement, budget or other. "
            "Newest statement first (among the 2,000 most recent matching claims), at most 200.",
            "sql": queries.SEARCH_CLAIMS.strip(),
            "params": ["q", "claim_type"],
            "hide_sql": True,
        },
        "target_timeline": {
            "title": "Target timeline",
            "description": "Every target and reported figure of one series, oldest first, with the figure as a "
            "percentage of the target in force (the latest target of the same series stated by then whose deadline "
            "had not passed). A series is one metric (id or name, any case) and one scope: national unless scope "
            "says province, city, programme, company or sector (then scope_name picks one). Figures of unknown scope "
            "and syndicated copies are left out. Optional unit: UMKM, persen, rupiah, ...",
            "sql": queries.TARGET_TIMELINE.strip(),
            "params": SERIES_PARAMS,
            "hide_sql": True,
        },
        "claims_by_person": {
            "title": "Claims by person",
            "description": "Everything one person was reported saying, newest first, with the role they held on "
            "that date. Accepts a gazetteer id (teten_masduki), the full name or any name variant, in any case "
            "(teten, jokowi).",
            "sql": queries.CLAIMS_BY_PERSON.strip(),
            "params": ["person"],
            "hide_sql": True,
        },
        "new_claims_feed": {
            "title": "New claims (Atom feed)",
            "description": "The 100 newest claims, syndicated copies once; subscribe with the .atom link. Optional "
            "filters, each an id, name or alias in any case: person (jokowi), program (umkm go online), metric "
            "(one series: national unless scope says otherwise).",
            "sql": queries.NEW_CLAIMS_FEED.strip(),
            "params": ["metric", "scope", "person", "program"],
            "hide_sql": True,
        },
        "conflicting_figures": {
            "title": "Conflicting figures",
            "description": "Inside one series (metric and scope, as in the target timeline): figures of a running "
            "total that fall below an earlier figure, and figures more than 5 % away from the closest earlier "
            "figure of another source dated within 120 days. Syndicated copies count once.",
            "sql": queries.CONFLICTING_FIGURES.strip(),
            "params": SERIES_PARAMS,
            "hide_sql": True,
        },
        "pace_check": {
            "title": "Pace check",
            "description": "For each target of one series (newest first): the monthly progress required from the "
            "baseline (the latest figure of the same series on or before the day the target was stated) to reach it "
            "by the end of the deadline year, against the progress actually reported, and where that pace leads. "
            "Without a deadline, a baseline or a later figure the verdict says it cannot be computed. Optional "
            "target_id: one target claim.",
            "sql": queries.PACE_CHECK.strip(),
            "params": SERIES_PARAMS + ["target_id"],
            "hide_sql": True,
        },
    }


# The dashboard's one series: UMKM onboarded to digital, national, counted in UMKM, syndicated copies once.
DIGITAL_SERIES = (
    "c.metric = 'umkm_onboarded_digital' and c.scope = 'national' and c.unit = 'UMKM' and not exists ("
    "select 1 from articles a1 join articles a2 on a2.syndication_group = a1.syndication_group and a2.id != a1.id "
    "join claims c2 on c2.article_id = a2.id where a1.id = c.article_id and c2.claim_type = c.claim_type "
    "and c2.value = c.value and c2.unit = c.unit and (c2.stated_on < c.stated_on "
    "or (c2.stated_on = c.stated_on and c2.id < c.id)))"
)


def _dashboards(db: str) -> dict:
    where_dates = "[[ and c.figure_date >= date(:date_start) ]] [[ and c.figure_date <= date(:date_end) ]]"
    return {
        "umkm-digital": {
            "title": "UMKM digitalisation: targets and reported figures",
            "description": "Targets (plotted at their deadline) and reported figures for one series: UMKM onboarded "
            "to digital, national, in UMKM (regional, programme and unknown-scope figures and syndicated copies left "
            "out), and how many claims each outlet published per month. Extracted automatically; see the methodology.",
            "layout": [
                ["intro", "claims-count"],
                ["targets-vs-figures", "targets-vs-figures"],
                ["claims-per-month", "claims-per-month"],
                ["claims-by-type", "latest-figures"],
            ],
            "filters": {
                "date_start": {"name": "From", "type": "date"},
                "date_end": {"name": "To", "type": "date"},
                "outlet": {"name": "Outlet", "type": "select", "db": db,
                           "query": "select id from outlets where id in (select distinct outlet from claims) order by id"},
            },
            "charts": {
                "intro": {
                    "library": "markdown",
                    "display": "## Who promised how many digital UMKM?\n\nEach point is one claim in one article. "
                    "Targets are drawn at the end of their deadline year; reported figures at the date they refer "
                    "to. Open the [target timeline](/" + db + "/target_timeline?metric=umkm_onboarded_digital&unit=UMKM)"
                    " or the [pace check](/" + db + "/pace_check?metric=umkm_onboarded_digital) for the numbers, "
                    "and read the [methodology](" + METHODOLOGY_URL + ") before quoting.",
                },
                "claims-count": {
                    "title": "Claims in the database",
                    "db": db,
                    "query": "select count(*) as claims from claims c where 1 " + where_dates
                    + " [[ and c.outlet = :outlet ]]",
                    "library": "metric",
                    "display": {"field": "claims", "prefix": "", "suffix": " claims"},
                },
                "targets-vs-figures": {
                    "title": "UMKM onboarded to digital: targets vs reported figures (million UMKM)",
                    "db": db,
                    "query": "select case when c.claim_type = 'target' then c.target_year || '-12-31' "
                    "else c.figure_date end as date, round(c.value / 1e6, 2) as million_umkm, "
                    "case c.claim_type when 'target' then 'target (at deadline)' else 'reported figure' end as kind, "
                    "coalesce(c.speaker, c.organization, c.outlet) as source, c.stated_on, c.value_text, c.outlet "
                    "from claims c where " + DIGITAL_SERIES + " and c.claim_type in ('target', 'achievement') "
                    + where_dates + " [[ and c.outlet = :outlet ]] order by date limit 5000",
                    "library": "vega-lite",
                    "display": {
                        "mark": {"type": "line", "point": {"filled": True, "size": 70}, "tooltip": True},
                        "encoding": {
                            "x": {"field": "date", "type": "temporal", "title": "date"},
                            "y": {"field": "million_umkm", "type": "quantitative", "title": "million UMKM"},
                            "color": {"field": "kind", "type": "nominal", "title": "claim"},
                            "tooltip": [
                                {"field": "kind"}, {"field": "value_text", "title": "stated"},
                                {"field": "source"}, {"field": "stated_on", "title": "stated on"}, {"field": "outlet"},
                            ],
                        },
                    },
                },
                "claims-per-month": {
                    "title": "Claims per month per outlet",
                    "db": db,
                    "query": "select c.stated_month as month, c.outlet, count(*) as claims from claims c "
                    "where c.stated_month is not null " + where_dates.replace("c.figure_date", "c.stated_on")
                    + " [[ and c.outlet = :outlet ]] group by c.stated_month, c.outlet order by month",
                    "library": "vega-lite",
                    "display": {
                        "mark": {"type": "bar", "tooltip": True},
                        "encoding": {
                            "x": {"field": "month", "type": "ordinal", "title": "month",
                                  "axis": {"labelOverlap": True, "labelAngle": -45}},
                            "y": {"field": "claims", "type": "quantitative", "aggregate": "sum", "title": "claims"},
                            "color": {"field": "outlet", "type": "nominal"},
                        },
                    },
                },
                "claims-by-type": {
                    "title": "Claims by type",
                    "db": db,
                    "query": "select c.claim_type, count(*) as claims from claims c where 1 " + where_dates
                    + " [[ and c.outlet = :outlet ]] group by c.claim_type order by claims desc",
                    "library": "vega-lite",
                    "display": {
                        "mark": {"type": "arc", "tooltip": True},
                        "encoding": {
                            "color": {"field": "claim_type", "type": "nominal", "title": "type"},
                            "theta": {"field": "claims", "type": "quantitative"},
                        },
                    },
                },
                "latest-figures": {
                    "title": "Latest reported national UMKM-digital figures",
                    "db": db,
                    "query": "select c.figure_date as date, c.value_text as figure, "
                    "coalesce(c.speaker, c.organization, '-') as source, c.outlet from claims c where "
                    + DIGITAL_SERIES + " and c.claim_type = 'achievement' " + where_dates
                    + " [[ and c.outlet = :outlet ]] order by c.figure_date desc limit 8",
                    "library": "table",
                    "display": {},
                },
            },
        }
    }
