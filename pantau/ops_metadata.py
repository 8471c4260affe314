"""Datasette metadata of the operations tables (source health, backfill cursor, run state), merged by
:mod:`pantau.metadata`. Kept apart so that the health work does not crowd the claims metadata."""

from __future__ import annotations

from db.health import SOURCE_HEALTH_FEED

_COUNT = "in this check's window"
HEALTH_COLUMNS = {
    "id": "Check number.", "source": "Source (outlet).", "checked_at": "UTC time of the check.",
    "window_start": "UTC start of the window (first crawl run or fetched page since the previous check).",
    "status": "ok | degraded | broken | blocked (the worst problem).",
    "reasons": "Each problem in words, compared with the source's own earlier checks.",
    "problems": "JSON {problem code: [severity, reason]}.",
    "crawl_runs": f"Crawl runs {_COUNT}.", "crawl_status": "Status of the last of them.",
    "last_crawl_run_id": "Last crawl run counted (the next check starts after it).",
    "last_page_id": "Last archived page counted.",
    "listing_pages": f"Listing pages fetched {_COUNT}.",
    "listing_pages_with_links": f"Listing pages that yielded at least one article link {_COUNT}.",
    "listing_yield": "JSON {discovery kind: {pages, with_links, links}}.",
    "selector_fallbacks": "Listing pages whose link selector matched nothing (links taken by URL pattern).",
    "article_pages": f"Article pages fetched {_COUNT}.",
    "articles": f"Articles extracted {_COUNT}.",
    "site_rules": "Articles whose body the outlet's site rules (a layout version) produced.",
    "fallback": "Articles extracted by the generic fallback (no layout version matched).",
    "parsers": "JSON {layout version or fallback: articles}.",
    "missing_date": "Articles without a publication date.", "missing_title": "Articles without a title.",
    "missing_author": "Articles without an author.",
    "missing_body": "Article pages without a body (no text, or under 40 words).",
    "day_only_dates": "Articles dated only to the day, from the listing or URL.",
    "date_sources": "JSON {where the date came from: articles}.",
    "http_errors": "Fetch errors (HTTP errors, timeouts, connection errors).",
    "errors_by_reason": "JSON {reason: count}, extraction errors as extract:REASON.",
    "blocks": "403/429 answers.", "robots_refused": "URLs robots.txt refused.",
    "requests": "HTTP requests made.", "extracted_pages": "Article pages extracted (with or without an article).",
}

OPS_TABLES = {
    "source_health": (
        "One row per source and health check (`pantau health`, `pantau run`, `pantau extract`): what the crawl and "
        "extraction since the previous check produced, and the status that follows from comparing it with the "
        "source's own history. Operator data, not in the public database.",
        HEALTH_COLUMNS,
    ),
    "source_health_changes": (
        "Each change of a source's health status, with the reasons (the source_health_feed query is its Atom feed).",
        {"id": "Change number.", "source": "Source.", "changed_at": "UTC time.", "old_status": "Status before.",
         "new_status": "Status now.", "reasons": "Why, in words.", "health_id": "The check that saw it."},
    ),
    "backfill_days": (
        "The backfill cursor: days whose dated listings of a source were walked completely and every article "
        "stored; a restarted backfill skips them.",
        {"source": "Source.", "method": "Listing URL template walked.", "day": "Publication day.",
         "run_id": "Crawl run that finished it.", "done_at": "UTC time."},
    ),
    "ops_state": (
        "Small operations state, e.g. the data version last published.",
        {"key": "Name.", "value": "Value.", "updated_at": "UTC time."},
    ),
}

CRAWL_RUN_COLUMNS = {
    "listings": "Listing pages fetched.", "listing_pages_with_links": "Listing pages that yielded article links.",
    "listing_yield": "JSON {discovery kind: {pages, with_links, links}}.",
    "listing_stops": "JSON {why listing walks ended: count}.", "responses_by_kind": "JSON {article|listing|robots: n}.",
    "errors_by_reason": "JSON {reason: count}.", "blocked_statuses": "JSON {403|429: count}.",
}

OPS_QUERIES = {
    "source_health_feed": {
        "title": "Source health changes (Atom feed)",
        "description": "Every change of a source's health status (ok, degraded, broken, blocked) with the reason, "
        "newest first; subscribe with the .atom link. Optional source. Operator database only.",
        "sql": SOURCE_HEALTH_FEED.strip(),
        "params": ["source"],
        "hide_sql": True,
    },
}


def add_ops_metadata(tables: dict, queries: dict, public: bool = False):
    """Describe the operations tables and add their canned queries (in place); none of it in the public build,
    which holds no operations data."""
    if public:
        return
    for name, (description, columns) in OPS_TABLES.items():
        tables[name] = {"description": description, "columns": columns}
    tables["source_health"].update(sort_desc="id", facets=["source", "status"], label_column="status")
    tables["source_health_changes"].update(sort_desc="id", facets=["source", "new_status"])
    tables["crawl_runs"]["columns"] = {**tables["crawl_runs"]["columns"], **CRAWL_RUN_COLUMNS}
    queries.update(OPS_QUERIES)
