"""``pantau health``: per-source health of the crawl and extraction, for people and for cron."""

from __future__ import annotations

import json

import click

DB_HELP = "SQLite database file (default: $PANTAU_DB or data/pantau.db)."
EXIT_UNHEALTHY = 3  # some source is degraded or broken (1 is kept for errors, 2 for usage)


def site_layouts() -> dict[str, str]:
    """Outlet -> its newest layout version: a source without history is still expected to match it."""
    from extract.outlets import REGISTRY

    return {name: parser.versions[0].__name__ for name, parser in REGISTRY.items() if parser.versions}


def check_health(db_path=None) -> list[dict]:
    """Record a health check of every source with new crawl runs or extracted pages; the latest per source."""
    from db import Store
    from db.health import check

    store = Store(db_path)
    try:
        return check(store.db, site_layouts())
    finally:
        store.close()


def unhealthy(rows: list[dict], statuses=("degraded", "broken")) -> list[dict]:
    return [row for row in rows if row["status"] in statuses]


def health_json(row: dict) -> dict:
    keys = ("source", "status", "reasons", "checked_at", "window_start", "crawl_runs", "crawl_status",
            "listing_pages", "listing_pages_with_links", "listing_yield", "selector_fallbacks", "article_pages",
            "articles", "site_rules", "fallback", "parsers", "missing_date", "missing_title", "missing_author",
            "missing_body", "day_only_dates", "date_sources", "shares", "http_errors", "errors_by_reason",
            "blocks", "robots_refused", "requests")
    return {key: row.get(key) for key in keys}


@click.command()
@click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source and line (source, status, "
              "reasons and the figures).")
@click.option("--quiet", is_flag=True, help="Print only degraded and broken sources (for cron mail).")
def health(db_path, as_json, quiet):
    """Health of every source: ok, degraded, broken or blocked, with the reason in words.

    Looks at the crawl runs and extracted articles since each source's previous check and compares them with
    that source's own history: listing pages that stop yielding article links, articles that fall back from the
    site rules to the generic extractor (a redesign), dates, titles or bodies that vanish, fetch errors, blocks
    and robots refusals. Each check is kept (Datasette tables source_health and source_health_changes, with an
    Atom feed of status changes). Exits 3 when any source is degraded or broken, so cron mails the operator.
    """
    from db import default_db_path
    from pathlib import Path

    from db.health import summary_line

    path = Path(db_path) if db_path else default_db_path()
    if not path.exists():
        raise click.ClickException(f"{path} does not exist: nothing has been crawled yet")
    rows = check_health(path)
    shown = unhealthy(rows) if quiet else rows
    for row in shown:
        click.echo(json.dumps(health_json(row), ensure_ascii=False, default=str) if as_json else summary_line(row))
    if not rows and not quiet:
        click.echo("no crawl runs yet: nothing to judge", err=True)
    if unhealthy(rows):
        raise SystemExit(EXIT_UNHEALTHY)
