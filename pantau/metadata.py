"""Datasette metadata for the claims database, generated from code.

`pantau metadata` calls `write_metadata(path)`; the committed `datasette_metadata.json` must equal
`build_metadata()` (a test fails when it differs). 0.65 format: one file carries descriptions, facets, canned queries
and plugin configuration. Nothing here depends on the clock, so regeneration is reproducible.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from db import queries, series
from pantau import metadata_documents
from pantau.ops_metadata import add_ops_metadata
from pantau.review_metadata import add_review_metadata

REPO = Path(__file__).resolve().parent.parent
METADATA_FILE = REPO / "datasette_metadata.json"
EVAL_SCORES = REPO / "nlp_models" / "eval_scores.json"
DB_NAME = "pantau"
METHODOLOGY_URL = "/methodology"

CLAIM_FACETS = ["claim_type", "confidence_band", "speaker", "institution_id", "program_id", "metric", "outlet", "stated_year", "stated_month"]
# Derived and bookkeeping columns: in JSON, CSV and a claim's folded "all fields", not in the claims table page unless
# the reader asks (?_all_columns=1; pantau/templates/_table.html).
CLAIM_HIDDEN_COLUMNS = ["quote_stem", "figure_date", "stated_month", "stated_year", "char_start", "char_end",
                        "position_id", "extractor_version", "first_seen", "counted", "text_quality"]

# -- descriptions -------------------------------------------------------------------------------------------------

CLAIM_COLUMNS = {
    "id": "Claim id: first 16 hex chars of sha1(article id, value, unit, claim type, char_start); stable across re-runs.",
    "article_id": "The article the claim was found in (link: title, URL, outlet, publication date).",
    "claim_type": "target (a goal, plan or quota) | achievement (a realised or current figure) | budget (money "
    "allocated, planned or disbursed) | other (context statistic).",
    "subject": "What is counted, in the article's words (\"UMKM terhubung ke ekosistem digital\").",
    "metric": "Canonical metric (link to its definition) when the subject was recognised; empty otherwise.",
    "value": "The number, normalised: \"13,7 juta\" = 13700000; \"21 persen\" = 21; \"Rp1.100 triliun\" = 1.1e15. "
    "Unit in `unit`.",
    "value_max": "Upper bound when a range was stated (\"2-3 juta\": value 2000000, value_max 3000000).",
    "unit": "UMKM (also UKM, usaha mikro, pelaku usaha, IKM counts), persen, rupiah, USD, koperasi, orang, "
    "transaksi, ...",
    "qualifier": "As stated: sekitar, lebih dari, minimal, hampir, hingga, ...",
    "value_text": "The words the value was read from (\"13,7 juta\").",
    "target_year": "Deadline year of a target (\"pada 2024\"; relative years resolved against the statement date).",
    "as_of": "The month or date the figure refers to when the text ties it to one (\"per Mei 2021\" = 2021-05); "
    "empty = as of the statement.",
    "stated_on": "Date of the statement (WIB, UTC+7): the dateline in the text, else the publication date.",
    "stated_month": "YYYY-MM of stated_on, for faceting by month.",
    "stated_year": "Year of stated_on, for faceting by year.",
    "figure_date": "ISO date the figure refers to: as_of (first day of that month) when given, else stated_on. "
    "Timelines and pace checks order by it.",
    "speaker": "Person the number is attributed to, full name; empty for narration or a data source.",
    "speaker_title": "The speaker's role as given in the article.",
    "organization": "The speaker's institution, or the cited data source when no person is named.",
    "program": "Named programme the number belongs to, as written.",
    "quote": "The sentence the claim comes from, verbatim from the article text.",
    "quote_stem": "Sastrawi-stemmed, lower-cased copy of the sentence, indexed for search (\"tercapai\" -> \"capai\").",
    "char_start": "Offset of the sentence in the article text (characters).",
    "char_end": "End offset of the sentence in the article text (characters).",
    "confidence": "Probability that the claim is right (value, type, target year), calibrated on claims predicted on a blind gold set; see docs/claims.md.",
    "confidence_band": "high (confidence 0.9 or more: right about nine times in ten), medium (0.7-0.9) or low: "
                       "facet on high for the claims to cite without checking the sentence first.",
    "person_id": "The speaker linked to the gazetteer (people table), when recognised.",
    "institution_id": "The organisation linked to the gazetteer (institutions table), when recognised.",
    "program_id": "The programme linked to the gazetteer (programs table), when recognised.",
    "position_id": "The speaker's position (title and institution) valid on stated_on, from the gazetteer.",
    "outlet": "News outlet that published the article.",
    "extractor_version": "Version of the claim extractor that produced the row.",
    "review_status": "unreviewed | confirmed | corrected | rejected: human review state of the claim.",
    "first_seen": "UTC time the claim was first extracted (Atom feed order).",
    "scope": "What the figure is measured over: national | province | city | programme | company | sector; empty = "
    "unknown. Series (timeline, pace, conflicts, dashboard) never mix scopes; an unknown scope joins none.",
    "scope_name": "The region, programme or company for a non-national scope (\"Jawa Barat\", \"padi_umkm\").",
    "source_kind": "media (news article) | official_statement | official_report | plan | regulation.",
    "document_id": "The policy document the claim was read from, when it comes from one.",
    "page": "Page of that document.",
    "counted": "0 = a syndicated copy (an earlier-stated claim of the same figure is in another article of its "
    "syndication group): series views count the story once. Computed when claims are stored and published.",
}

ARTICLE_COLUMNS = {
    "id": "Article id: first 16 hex chars of sha1(canonical URL).",
    "canonical_url": "Canonical URL of the article (tracking parameters removed).",
    "url": "URL the article was fetched from.",
    "outlet": "News outlet.",
    "title": "Headline.",
    "published": "Publication time, ISO 8601 with offset (WIB, +07:00, unless the outlet says otherwise).",
    "published_source": "Where the publication time came from: jsonld | meta | site | url | text | feed.",
    "modified": "Last-modified time stated by the outlet, if any.",
    "authors": "JSON list of author names.",
    "tags": "JSON list of the outlet's tags.",
    "section": "Outlet section (ekonomi, bisnis, ...).",
    "text": "Article text, paragraphs separated by blank lines (not in the public database).",
    "language": "Detected language code.",
    "word_count": "Words in the text.",
    "status": "ok | off_topic (kept but not mined for claims).",
    "skip_reason": "Why an article was judged off topic.",
    "content_hash": "sha256 of title and text; a change makes a new revision.",
    "page_id": "Archived page the article was extracted from (crawler state, not public).",
    "syndication_group": "Articles sharing a group are near-duplicates (syndicated copies).",
    "parser": "Which parser produced the article: the outlet's layout version (e.g. KompasV2) or `fallback`.",
    "first_seen": "UTC time the article was first stored.",
    "updated_at": "UTC time the article row was last written.",
}

LOOKUP_TABLES = {
    "outlets": (
        "News outlets crawled.",
        {"id": "Outlet id (crawler registry name).", "name": "Outlet name.", "domain": "Main domain.",
         "origin": "Where the row came from: builtin | sources | gazetteer | stub (referenced before it was known)."},
    ),
    "institutions": (
        "Ministries, agencies, associations and companies, with the dates they existed under that name "
        "(from the Pantau gazetteer).",
        {"id": "Gazetteer slug.", "name": "Official name (Indonesian).",
         "type": "ministry | coordinating_ministry | agency | central_bank | regulator | office | committee | "
         "legislature | soe | association | company.",
         "acronyms": "JSON list of short forms as printed in news.", "aliases": "JSON list of other names seen in news.",
         "valid_from": "Date the institution started under this name (only where a rename, split or merge happened).",
         "valid_to": "Date it ended under this name (empty = still existing at the last attested date).",
         "periods": "JSON list of {valid_from, valid_to} when it existed in separate spells.",
         "predecessor": "JSON list of predecessor institution ids.", "successor": "JSON list of successor ids.",
         "parent_id": "Parent ministry, for agencies under a ministry.", "note": "Notes.",
         "source": "URL where the facts were read.", "verified": "1 = facts read in the cited source.",
         "origin": "gazetteer | stub (referenced before it was known)."},
    ),
    "people": (
        "People quoted in claims (officials, executives, analysts), from the gazetteer.",
        {"id": "Gazetteer slug.", "name": "Canonical full name.",
         "variants": "JSON list of forms seen in news (surname only, title + name, ...).",
         "origin": "gazetteer | stub (referenced before it was known)."},
    ),
    "positions": (
        "Who held which title at which institution, and when.",
        {"id": "sha1(person, institution, title, start), first 16 hex chars.", "person_id": "The person.",
         "institution_id": "The institution.", "title": "Title as commonly written.",
         "title_variants": "JSON list of abbreviations and alternative spellings.",
         "start": "Start date (YYYY-MM-DD, or YYYY when only the year is known).",
         "end": "End date; empty = no end found (still in place on the last attested date).",
         "attested": "JSON list of dates a source shows the person in the role.", "source": "URL of the source.",
         "verified": "1 = read in the cited source.", "note": "Notes.", "origin": "gazetteer."},
    ),
    "programs": (
        "Government programmes, campaigns and platforms that figures are attributed to.",
        {"id": "Gazetteer slug.", "name": "Programme name.",
         "kind": "programme | campaign | platform | financing | regulation | target | slogan.",
         "aliases": "JSON list of other names.", "lead_id": "Lead institution.",
         "partners": "JSON list of partner institution ids.", "start": "Start date or year.", "end": "End date or year.",
         "description": "One-line description.", "targets": "JSON list of targets recorded in the gazetteer.",
         "source": "URL of the source.", "verified": "1 = read in the cited source.", "note": "Notes.",
         "origin": "gazetteer | stub (referenced before it was known)."},
    ),
    "metrics": (
        "Canonical metrics that claims are mapped to, with their definitions.",
        {"id": "Metric id (claims.metric).", "name": "Name.", "unit": "Main unit.",
         "units": "JSON list of units figures for this metric are stated in.",
         "series": "Group of metrics charted together (umkm_digital, financing, context, ...).",
         "cumulative": "1 = a later figure should never be lower than an earlier one.",
         "definition": "What counts (Markdown).", "origin": "gazetteer | builtin | stub."},
    ),
}

CRAWLER_TABLES = {
    "article_revisions": (
        "Every distinct version (title + text) of an article that was extracted. Not in the public database.",
        {"article_id": "The article.", "content_hash": "sha256 of title and text.", "title": "Headline of that version.",
         "text": "Text of that version.", "page_id": "Archived page it came from.", "extracted_at": "UTC time."},
    ),
    "crawl_runs": (
        "One row per crawl run of a source: counts and outcome. Not in the public database.",
        {"id": "Run number.", "source": "Source (outlet) crawled.", "started_at": "UTC start.",
         "finished_at": "UTC end.", "status": "running | finished | failed | blocked_by_robots.",
         "args": "JSON of the run's arguments.", "requests": "HTTP requests made.",
         "responses_by_status": "JSON {status: count}.", "new": "New pages.", "updated": "Changed pages.",
         "unchanged": "Unchanged pages.", "skipped_by_reason": "JSON {reason: count}.", "errors": "Errors.",
         "robots_blocked": "URLs refused by robots.txt.", "duration_s": "Seconds."},
    ),
    "sources": (
        "Crawler source registry. Not in the public database.",
        {"name": "Source id.", "label": "Name.", "hosts": "JSON list of hosts.", "methods": "JSON list of "
         "discovery methods.", "needs_js": "Whether listings need JavaScript.", "notes": "Notes."},
    ),
    "pages": (
        "Archived raw responses (compressed). Crawler state, not in the public database.",
        {"id": "Page id.", "url": "Requested URL.", "final_url": "URL after redirects.",
         "canonical_url": "Canonical URL.", "source": "Source.", "kind": "article | listing.", "status": "HTTP status.",
         "headers": "JSON response headers.", "fetched_at": "UTC time.", "content_hash": "sha256 of the body.",
         "body": "zlib-compressed body.", "feed_date": "Listing date the URL was found under.", "run_id": "Crawl run.",
         "extracted_at": "UTC time extracted.", "extract_error": "Why extraction failed."},
    ),
    "seen_urls": (
        "Every canonical URL seen, for incremental crawling. Crawler state, not in the public database.",
        {"canonical_url": "Canonical URL.", "source": "Source.", "first_seen": "UTC.", "last_fetched": "UTC.",
         "last_status": "Last HTTP status.", "etag": "ETag.", "last_modified": "Last-Modified.",
         "content_hash": "sha256 of the last body.", "fetch_count": "Fetches."},
    ),
}

HIDDEN = ["_sqlite_migrations", "syndication_sketches"] + [
    f"{base}_fts{suffix}" for base in ("claims", "articles") for suffix in ("", "_config", "_data", "_docsize", "_idx")
]

# -- accuracy -----------------------------------------------------------------------------------------------------


def load_eval_scores(path: Path | None = None) -> dict | None:
    path = Path(path) if path else EVAL_SCORES
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data else None


def _fmt(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}" if value <= 1.0 else f"{value:.1f}"
    return html.escape(str(value))


def _pct(value) -> str:
    return f"{100 * value:.0f} %" if isinstance(value, (int, float)) and value <= 1 else _fmt(value)


def _looks_like_result(data) -> bool:
    return isinstance(data, dict) and ("strict" in data or "precision" in data or "f1" in data)


def _summarise(result: dict) -> str:
    """One sentence from an `extract.claim_eval.evaluate()` result (or a flat precision/recall/f1 dict)."""
    strict = result.get("strict") if isinstance(result.get("strict"), dict) else result
    parts = [f"{name} {_pct(strict[key])}" for key, name in (("precision", "precision"), ("recall", "recall"),
                                                               ("f1", "F1")) if strict.get(key) is not None]
    extras = [("speaker_accuracy", "speaker right"), ("core_recall", "recall on core claims"),
              ("target_year_accuracy", "target year right")]
    parts += [f"{name} {_pct(result[key])}" for key, name in extras if result.get(key) is not None]
    lenient = result.get("lenient")
    if isinstance(lenient, dict) and lenient.get("f1") is not None:
        parts.append(f"F1 counting only target vs non-target {_pct(lenient['f1'])}")
    if result.get("gold") is not None:
        parts.append(f"{_fmt(result['gold'])} gold claims" + (
            f" in {_fmt(result['articles'])} articles" if result.get("articles") is not None else ""))
    return ", ".join(html.escape(p) for p in parts)


def accuracy_html(scores: dict | None) -> str:
    if not scores:
        return "<p><strong>Accuracy:</strong> not yet measured.</p>"
    if _looks_like_result(scores):
        body = _summarise(scores)
    elif any(_looks_like_result(v) for v in scores.values()):
        body = "; ".join(f"{html.escape(str(k))}: {_summarise(v)}" for k, v in scores.items() if _looks_like_result(v))
    else:
        body = "; ".join(f"{html.escape(str(k).replace('_', ' '))} {_fmt(v)}" for k, v in scores.items()
                         if isinstance(v, (int, float, str)) and not isinstance(v, bool))
    return (
        "<p><strong>Measured accuracy</strong> (claims matched one-to-one to hand-annotated gold claims: same value "
        "within 1 %, same type, same deadline year for targets): " + body + ".</p>"
    )


def description_html(scores: dict | None, db: str = DB_NAME) -> str:
    return (
        "<p>Every number stated in Indonesian news about UMKM (micro, small and medium enterprise) digitalisation "
        "&mdash; targets, reported achievements, budgets and context statistics &mdash; as a sourced claim: who said "
        "which number, when, in which role, and in which article.</p>"
        "<p><strong>Claims are extracted automatically</strong> from the article text by rules and a spaCy pipeline, "
        "not checked by hand (see <code>review_status</code>). Every claim keeps the verbatim sentence and a link to "
        "the article: verify before you quote.</p>"
        + accuracy_html(scores)
        + f'<p>How it works, limits and definitions: <a href="{METHODOLOGY_URL}">methodology</a>. '
        f'Start with <a href="/{db}/search_claims">search</a>, the '
        f'<a href="/{db}/target_timeline?metric=umkm_onboarded_digital&amp;unit=UMKM">UMKM-digital target timeline</a>'
        ' or the <a href="/-/dashboards/umkm-digital">dashboard</a>.</p>'
    )


# -- canned queries and dashboards --------------------------------------------------------------------------------


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


# -- targets (the tracker: extract.targets, extract.target_stage) -------------------------------------------------
# Kept in its own section: tables, facets and canned queries of the target tracker, added by `add_target_metadata`.

TARGET_FACETS = ["status", "metric", "deadline", "first_institution", "anchoring"]

TARGET_TABLES = {
    "targets": (
        "One row per tracked target (commitment): a metric and scope, a value and a deadline, grouped from every "
        "statement of it whatever the wording, speaker or outlet. Status on two axes: anchoring (how strongly it is "
        "committed) and progress (computed by documented rules from the reported figures and the pace). Open a "
        "target with its target_id link for its page: statements, chart, history.",
        {"target_id": "Target id: sha1 of (metric, scope, scope_name, unit, value, deadline, per period); the same "
         "commitment always gets the same id.",
         "metric": "Canonical metric.", "scope": "national | province | city | programme | company | sector.",
         "scope_name": "Region, programme or company (empty for national).",
         "subject": "What is counted, in the words of the first statement.", "value": "Target value.",
         "value_max": "Upper bound when a range was stated.", "unit": "Unit of the value.",
         "deadline": "Deadline year (empty: none stated).",
         "per_period": "1 = a rate per period (\"1 juta UMKM per tahun\"), its own commitment.",
         "direction": "naik (more is better) | turun (a reduction target).",
         "revision_of": "The target this one revises (same value and another deadline, or the reverse).",
         "milestone_of": "The final target this one is a milestone of (stated together, earlier and on the way).",
         "first_stated_on": "Date of the first statement.", "first_claim_id": "The first statement's claim.",
         "first_speaker": "Who stated it first.", "first_institution": "The first speaker's institution.",
         "n_statements": "Statements (syndicated copies and repeats within one article counted once).",
         "n_outlets": "Distinct outlets stating it (syndicated copies counted once).",
         "n_observations": "Reported figures that count toward the target.",
         "latest_value": "Newest reported figure counting toward the target.", "latest_as_of": "Its reference date.",
         "latest_claim_id": "Its claim.", "latest_stated_on": "When it was reported.",
         "progress_pct": "100 x latest figure / target value; empty when the status is tidak_terukur or "
         "belum_dinilai (no comparable figure).",
         "best_value": "Highest reported figure counting toward the target (lowest for a reduction target): the "
         "status rules read this one, so a target can be tercapai while the latest figure is lower.",
         "best_as_of": "Its reference date.", "best_claim_id": "Its claim.", "best_pct": "100 x best figure / target.",
         "family": "The claims that can affect this target: scope--scope name--unit, normalised; the tracker "
         "stage recomputes one family at a time.",
         "status": "Progress: belum_dinilai | berjalan | tertinggal | terhenti | tercapai | tercapai_sebagian | "
         "tidak_tercapai | direvisi | dihentikan | tidak_terukur (rules in the methodology).",
         "status_as_of": "The date the status was computed for.", "status_rationale": "Why, in one sentence.",
         "status_evidence": "JSON list of the claim ids the status rests on.",
         "anchoring": "diusulkan | pernyataan | dokumen_kebijakan | peraturan: the strongest source stating it.",
         "n_conflicts": "Other targets stated at the same time by other sources with another value or deadline.",
         "summary": "The target in one sentence."},
    ),
    "target_statements": (
        "Every target claim linked to its target, with its role: first (the earliest) or restatement. Whether the "
        "target itself is a revision or a milestone of another is in targets.revision_of / milestone_of.",
        {"target_id": "The target.", "claim_id": "The claim.", "article_id": "The article.",
         "role": "first | restatement.", "stated_on": "Date of the statement.",
         "speaker": "Speaker.", "organization": "Speaker's institution or the cited source.", "outlet": "Outlet.",
         "value": "Value stated.", "target_year": "Deadline stated.", "quote": "The sentence.", "url": "Article URL.",
         "source_kind": "media | official_statement | official_report | plan | regulation.",
         "syndication_group": "Syndicated copies share a group.",
         "counted": "0 = a syndicated copy or a repeat in the same article, not counted again."},
    ),
    "target_observations": (
        "Reported figures of the same metric and scope attached to each target, as vintages: a later, lower figure "
        "from another source is kept beside the earlier one, never replaces it.",
        {"target_id": "The target.", "claim_id": "The achievement claim.", "article_id": "The article.",
         "value": "Figure.", "unit": "Unit.", "as_of": "Date the figure refers to (as_of, else stated_on).",
         "stated_on": "Date it was reported (the vintage).", "speaker": "Speaker.", "organization": "Institution or "
         "source.", "outlet": "Outlet.", "url": "Article URL.", "quote": "The sentence.", "source_kind": "Kind of "
         "source.", "counts": "1 = dated on or before the end of the deadline year plus 90 days.",
         "outlier": "1 = below 1 % of the target while another figure is above 20 % of it: probably another "
         "scope's sub-figure; shown, but not used as latest figure, baseline or best."},
    ),
    "target_status_history": (
        "The progress status of each target as it stood from each date: what was known then. Only changes are "
        "recorded.",
        {"target_id": "The target.", "date": "From this date.", "status": "Progress status.",
         "rationale": "Why.", "evidence": "JSON list of claim ids."},
    ),
    "target_conflicts": (
        "Two targets of one series that share the value or the deadline but not both, stated by different sources "
        "within 180 days and both still stated: flagged, never merged.",
        {"target_id": "The target.", "other_target_id": "The conflicting target.", "claim_id": "This target's claim.",
         "other_claim_id": "The other target's claim.", "stated_on": "Date of this claim.",
         "other_stated_on": "Date of the other claim."},
    ),
    "target_families": (
        "State of the incremental tracker stage: one row per family of claims (scope, scope name, unit) with a "
        "fingerprint of its claims; a run recomputes the families whose fingerprint changed or whose status can "
        "have changed since (valid_until).",
        {"family": "scope--scope name--unit, normalised (lower case, _ for other characters).", "fingerprint": "sha1 of the family's claim rows.",
         "valid_until": "First date on which a status can change without a new claim (a figure going stale, a "
         "deadline's grace ending).", "n_claims": "Claims in the family.",
         "computed_for": "The date the family's statuses were computed for."},
    ),
    "target_events": (
        "Change log of every target: new statements, new figures and status changes, by date (the Atom feeds).",
        {"id": "Event id.", "target_id": "The target.", "date": "Date of the change.",
         "kind": "statement | figure | status.", "claim_id": "The claim behind it.", "title": "What changed.",
         "detail": "The sentence or the status rationale."},
    ),
}

TARGET_EVENTS_SQL = """
select e.date, e.kind, e.title, t.summary as target, e.detail, t.status as current_status, e.target_id, e.claim_id,
  e.id as atom_id, e.title || ' | ' || t.summary as atom_title, e.date || 'T00:00:00+07:00' as atom_updated,
  e.detail as atom_content, '/target/' || e.target_id as atom_link
from target_events e join targets t on t.target_id = e.target_id
where :target_id = '' or e.target_id = :target_id
order by e.date desc, e.kind, e.id limit 500
"""

TARGET_CHANGES_SQL = """
with newest as (select max(date) as day from target_events)
select e.date, e.kind, e.title, t.summary as target, e.detail, t.status as current_status, e.target_id, e.claim_id,
  e.id as atom_id, e.title || ' | ' || t.summary as atom_title, e.date || 'T00:00:00+07:00' as atom_updated,
  e.detail as atom_content, '/target/' || e.target_id as atom_link
from target_events e join targets t on t.target_id = e.target_id, newest
where e.date > coalesce(nullif(:since, ''), date(newest.day, '-7 days'))
order by e.date desc, e.target_id, e.kind limit 1000
"""


def _target_queries() -> dict:
    return {
        "target_feed": {
            "title": "Changes to one target (Atom feed)",
            "description": "New statements, new reported figures and status changes of one target (all targets when "
            "target_id is empty), newest first. "
            "Subscribe with the .atom link; .csv and .json for the data.",
            "sql": TARGET_EVENTS_SQL.strip(), "params": ["target_id"], "hide_sql": True,
        },
        "target_changes": {
            "title": "What changed this week (all targets)",
            "description": "Every new statement, reported figure and status change across all targets in the 7 days "
            "up to the newest change in the database, newest first. Give `since` (YYYY-MM-DD) for another window. "
            "Dates are statement dates. Atom feed: the .atom link.",
            "sql": TARGET_CHANGES_SQL.strip(), "params": ["since"], "hide_sql": True,
        },
    }


def add_target_metadata(tables: dict, queries: dict) -> None:
    """Descriptions, facets and canned queries of the target tables."""
    for name, (description, columns) in TARGET_TABLES.items():
        tables[name] = {"description": description, "columns": columns}
    tables["targets"].update(facets=TARGET_FACETS, sort="first_stated_on", label_column="summary",
                             sortable_columns=["first_stated_on", "deadline", "value", "progress_pct", "n_statements",
                                               "n_outlets", "status"])
    tables["target_statements"]["facets"] = ["role", "outlet"]
    tables["target_observations"]["facets"] = ["counts", "outlet"]
    tables["target_status_history"]["facets"] = ["status"]
    tables["target_events"].update(facets=["kind"], sort_desc="date")
    queries.update(_target_queries())


# -- the whole file -----------------------------------------------------------------------------------------------


def build_metadata(db_name: str = DB_NAME, scores: dict | None | bool = True, public: bool = False) -> dict:
    """The metadata dict. `scores=True` reads nlp_models/eval_scores.json when present. `public=True`: for the
    database `pantau publish` writes (no crawler tables, articles without body or status)."""
    if scores is True:
        scores = load_eval_scores()
    tables = {
        "claims": {
            "description": "One row per number stated in an article: a target, a reported achievement, a budget or a "
            "context statistic, with the sentence it comes from and who said it. Extracted automatically.",
            "columns": CLAIM_COLUMNS,
            "facets": CLAIM_FACETS,
            "sort_desc": "stated_on",
            "sortable_columns": ["stated_on", "figure_date", "value", "target_year", "claim_type", "speaker", "metric",
                                 "outlet", "stated_year", "stated_month", "confidence", "first_seen"],
            "fts_table": "claims_fts",
            "label_column": "value_text",
            "size": 50,
            "plugins": {"pantau": {"hidden_columns": CLAIM_HIDDEN_COLUMNS}},
        },
        "articles": {
            "description": "News articles that claims were extracted from (title, URL, outlet, publication time).",
            "columns": ARTICLE_COLUMNS,
            "facets": ["outlet", "status"],
            "sort_desc": "published",
            "label_column": "title",
            "fts_table": "articles_fts",
        },
    }
    for name, (description, columns) in LOOKUP_TABLES.items():
        tables[name] = {"description": description, "columns": columns, "label_column": "name"}
    tables["positions"]["label_column"] = "title"
    tables["positions"]["facets"] = ["institution_id"]
    tables["positions"]["sort_desc"] = "start"
    tables["institutions"]["facets"] = ["type"]
    tables["programs"]["facets"] = ["kind", "lead_id"]
    tables["metrics"]["facets"] = ["series"]
    for name, (description, columns) in CRAWLER_TABLES.items():
        tables[name] = {"description": description, "columns": columns}
    tables["crawl_runs"]["sort_desc"] = "id"
    tables["crawl_runs"]["facets"] = ["source", "status"]
    for name in ("pages", "seen_urls", "sources"):
        tables[name]["hidden"] = True
    for name in HIDDEN:
        tables[name] = {"hidden": True}
    tables[series.CONFLICTS_TABLE] = {"hidden": True, "description": "Conflicts inside each series, computed when "
                                      "claims are stored and published (db/series.py); read them with the "
                                      "conflicting_figures query."}
    queries = _queries(db_name)
    add_target_metadata(tables, queries)
    add_ops_metadata(tables, queries, public=public)
    _add_documents(tables, queries, public)
    add_review_metadata(tables, queries, public=public)
    if public:
        tables = public_tables(tables)
        queries = public_queries(queries)

    return {
        "title": "Pantau: who promised how many digital UMKM?",
        "description_html": description_html(scores, db_name),
        "license": "CC BY 4.0 (extracted data; article text remains the publishers')",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "source": "Indonesian online news (Kompas, Liputan6, Republika, Detik, CNN Indonesia, Antara, Tempo, "
        "Katadata, Bisnis, Kontan, Okezone, Tribunnews)",
        "source_url": METHODOLOGY_URL + "#sources",
        "about": "Methodology",
        "about_url": METHODOLOGY_URL,
        "extra_css_urls": ["/static/pantau.css"],
        "databases": {
            db_name: {
                "description": "Claims database: claims, the articles they come from, and the gazetteer lookup "
                "tables (people, positions, institutions, programmes, metrics, outlets).",
                "tables": tables,
                "queries": queries,
            }
        },
        "plugins": {
            "datasette-block-robots": {"literal": "User-agent: *\nDisallow: /*?\nDisallow: /*.json\n"
                                       "Disallow: /*.csv\nDisallow: /-/\n"},
            "datasette-render-markdown": {"columns": ["definition"]},
            "datasette-dashboards": _dashboards(db_name),
        },
    }


def _tables_read(sql: str) -> set[str]:
    """Tables a query reads (names after FROM/JOIN that are not its own CTEs or table-valued functions)."""
    import re

    named = {m.lower() for m in re.findall(r"(?i)\b(\w+)\s+as\s*\(", sql)}
    read = {m.lower() for m in re.findall(r"(?i)\b(?:from|join)\s+\[?(\w+)\]?(?![\w(])(?!\s*\()", sql)}
    return read - named


def public_queries(queries: dict) -> dict:
    """Canned queries for the public build: only those whose tables `pantau.publish` copies (a query over crawler
    or health tables would answer HTTP 400 there)."""
    from pantau.publish import published_tables

    public = published_tables() | {f"{t}_fts" for t in published_tables()}
    return {name: q for name, q in queries.items() if _tables_read(q["sql"]) <= public}
def _add_documents(tables: dict, queries: dict, public: bool):
    """Policy documents (pantau/metadata_documents.py): the claim columns they add, their tables, the document_claims
    view and the official_vs_stated query; the public build has no page texts or crawler columns."""
    tables["claims"]["columns"] = {**metadata_documents.CLAIM_COLUMNS, **tables["claims"]["columns"]}
    tables["articles"]["columns"] = {**tables["articles"]["columns"], **metadata_documents.ARTICLE_COLUMNS}
    if "source_kind" not in tables["claims"]["facets"]:
        tables["claims"]["facets"] = tables["claims"]["facets"] + ["source_kind"]
    tables.update(metadata_documents.public_document_tables() if public else metadata_documents.document_tables())
    tables.update(metadata_documents.document_view())
    queries.update(metadata_documents.document_queries())
    for table, columns in metadata_documents.TARGET_COLUMNS.items():
        tables[table]["columns"] = {**tables[table]["columns"], **columns}


def public_tables(tables: dict) -> dict:
    """Table metadata for the public build: only what `pantau.publish` copies, so no facet or column names a column
    that is not there (a facet on a missing column answers HTTP 400)."""
    from pantau.publish import ARTICLE_COLUMNS as PUBLIC_ARTICLE_COLUMNS, PRIVATE_TABLES

    tables = {name: dict(meta) for name, meta in tables.items() if name not in PRIVATE_TABLES}
    articles = tables["articles"]
    articles["columns"] = {k: v for k, v in articles["columns"].items() if k in PUBLIC_ARTICLE_COLUMNS}
    articles["facets"] = [f for f in articles.get("facets", []) if f in PUBLIC_ARTICLE_COLUMNS]
    articles["description"] = ("News articles that claims were extracted from: title, URL, outlet, publication "
                               "time (the article text stays with the publisher).")
    return tables


def render(metadata: dict | None = None) -> str:
    return json.dumps(metadata if metadata is not None else build_metadata(), indent=2, ensure_ascii=False) + "\n"


def write_metadata(path: str | Path = METADATA_FILE, db_name: str = DB_NAME, public: bool = False) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(build_metadata(db_name, public=public)), encoding="utf-8")
    return path
