"""Whole-pipeline jobs: the scheduled run and the offline demo."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger("pantau.jobs")

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURE_SITES = REPO_ROOT / "tests" / "fixtures" / "sites"
DEMO_SINCE, DEMO_UNTIL = "2021-06-11", "2021-06-16"


def run_all(db_path=None, *, sources=None, since=None, until=None, mirror=None, public_out="data/public.db",
            ignore_robots=()) -> dict:
    """crawl and extract (at the same time) -> health check -> publish (only when the published content changed).

    Each stage reads and writes through the store. ``result["health"]`` holds every source's latest health and
    ``result["broken"]`` the sources that are broken now (the CLI exits non-zero for them).
    """
    from db import default_db_path
    from pantau.cli_health import check_health
    from pantau.overlap import crawl_and_extract

    db_path = Path(db_path) if db_path else default_db_path()
    # the extract stage follows the archive while the crawl runs (pantau/overlap.py) and has checked health after
    # its run; checking again here only reads the verdicts (no new window)
    crawl_stats, extract_stats = crawl_and_extract(db_path, sources=sources, since=since, until=until,
                                                   mirror=mirror, ignore_robots=tuple(ignore_robots))
    health = check_health(db_path)
    publish_stats = publish_if_changed(db_path, Path(public_out))
    broken = sorted(row["source"] for row in health if row["status"] == "broken")
    for row in health:
        if row["status"] != "ok":
            log.warning("health: %s is %s: %s", row["source"], row["status"], "; ".join(row["reasons"]))
    return {"crawl": crawl_stats, "extract": extract_stats, "publish": publish_stats,
            "health": {row["source"]: {"status": row["status"], "reasons": row["reasons"]} for row in health},
            "broken": broken}


PUBLISHED_VERSION_KEY = "published_data_version"


def publish_if_changed(db_path: Path, public_out: Path) -> dict:
    """Publish when the articles and claims differ from what was last published (or nothing is published yet).

    The data version (a hash of the published content) is kept in ``ops_state`` after a successful publish, so a
    run that changed nothing leaves the public database and its deployment alone, and a failed publish is
    retried by the next run.
    """
    from db import Store
    from db.ops import data_version, get_state, set_state
    from pantau.publish import publish

    store = Store(db_path)
    try:
        version = data_version(store.db)
        if public_out.exists() and get_state(store.db, PUBLISHED_VERSION_KEY) == version:
            log.info("publish skipped: articles and claims unchanged since the last publish (data version %s)",
                     version)
            return {"skipped": "unchanged", "data_version": version}
        result = publish(db_path, public_out)
        set_state(store.db, PUBLISHED_VERSION_KEY, version)
        result["data_version"] = version
        return result
    finally:
        store.close()


def demo_sources() -> list[str]:
    """Registered sources that have a fixture site."""
    from crawlers.registry import sources

    hosts = {p.name for p in FIXTURE_SITES.iterdir()} if FIXTURE_SITES.is_dir() else set()
    return [s.name for s in sources() if any(h in hosts for h in s.hosts)]


def add_sample_articles(store) -> int:
    """The demo's multi-year story: the sample articles of `db.sample` (2017-2024, written for Pantau and labelled
    with the tag `pantau-sample`) go through the real claim extractor and the store, then the tracker runs again.
    The fixture sites hold three days of June 2021 only, too short to follow a target over years."""
    from db.ids import article_id
    from db.sample import sample_articles
    from extract.claims import EXTRACTOR_VERSION, extract_claims
    from extract.target_stage import update_targets

    count = 0
    for article, _hand_made_claims in sample_articles():
        article = dict(article, tags=["pantau-sample"], section="sample")
        claims = extract_claims({"id": article_id(article["canonical_url"]), "url": article["canonical_url"],
                                 "outlet": article["outlet"], "title": article["title"],
                                 "published": article["published"], "text": article["text"]})
        store.save_article_with_claims(article, claims, page_id=None, extractor_version=EXTRACTOR_VERSION)
        count += 1
    store.refresh_search()
    store.refresh_series()
    update_targets(store)
    return count


def demo(db_path: Path, *, serve: bool = True, port: int = 8001, echo=print) -> dict:
    from crawlers.run import crawl
    from db import Store
    from extract.stage import extract_pages
    from pantau.mirror import serve_in_thread

    if not FIXTURE_SITES.is_dir():
        raise SystemExit(f"fixture sites not found at {FIXTURE_SITES}: the demo replays the test fixtures of a source "
                         "checkout (git clone, then `make demo`); an installed package does not carry them")
    server, mirror = serve_in_thread(FIXTURE_SITES)
    echo(f"Fixture sites served at {mirror}/ (mirror of {FIXTURE_SITES})")
    names = demo_sources()
    # The fixture sites are Pantau's own test pages, so the demo has the "publisher's" permission to
    # crawl the one whose robots.txt names Scrapy; a real crawl never does this without --ignore-robots.
    crawl_stats = crawl(db_path, sources=names, since=DEMO_SINCE, until=DEMO_UNTIL, mirror=mirror,
                        ignore_robots=("republika",))
    server.shutdown()
    extract_stats = extract_pages(Store(db_path))
    extract_stats["sample_articles"] = add_sample_articles(Store(db_path))
    echo(f"Added {extract_stats['sample_articles']} multi-year SAMPLE articles (db/sample.py: written for Pantau, "
         "not real news; tagged pantau-sample) so the target tracker has years to show")
    counts = Store(db_path).counts()
    echo(f"Demo database {db_path}: {counts['articles']} articles, {counts['claims']} claims "
         f"from {counts['pages']} archived pages")
    result = {"crawl": crawl_stats, "extract": extract_stats, "counts": counts}
    if serve:
        from pantau import serve as srv

        echo(f"Datasette: http://127.0.0.1:{port}/  (Ctrl-C to stop)")
        metadata_path = srv._metadata_file(db_path)
        try:
            result["serve_exit"] = srv._run(srv.datasette_command(db_path, port, metadata_path=metadata_path))
        finally:
            srv.remove_temporary_metadata(metadata_path)
    return result


if __name__ == "__main__":  # pragma: no cover - convenience
    demo(Path(sys.argv[1] if len(sys.argv) > 1 else "data/demo.db"))
