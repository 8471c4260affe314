"""Real Scrapy crawls over HTTP of the fixture sites on 127.0.0.1: discovery, archive, robots, incremental runs."""

from __future__ import annotations

import glob
import json
import shutil
from collections import Counter

import pytest

from test_crawl_support import (
    FIXTURE_SITES, serve_mirror, canonical, fixture_sources, gold_articles, pages, run_crawl, runs,
)

pytestmark = pytest.mark.slow

CORE = ["kompas", "liputan6", "republika"]


@pytest.fixture(scope="module")
def mirror():
    if not FIXTURE_SITES.is_dir():
        pytest.skip("fixture sites not available")
    server, base = serve_mirror(FIXTURE_SITES)
    yield base
    server.shutdown()


@pytest.fixture(scope="module")
def first_crawl(mirror, tmp_path_factory):
    """All fixture outlets, 2021-06-14..16, robots obeyed (Republika blocked)."""
    db = tmp_path_factory.mktemp("crawl") / "pantau.db"
    stats = run_crawl(db, mirror, sources=fixture_sources())
    return db, stats


def _stored_articles(db, source=None) -> Counter:
    return Counter(p["canonical_url"] for p in pages(db, kind="article", source=source))


def test_every_in_range_gold_article_is_archived_once(first_crawl):
    db, stats = first_crawl
    expected = gold_articles([s for s in fixture_sources() if s != "republika"])
    assert expected, "no gold articles for the fixture range"
    for outlet, urls in expected.items():
        stored = _stored_articles(db, outlet)
        missing = {canonical(u) for u in urls} - set(stored)
        assert not missing, f"{outlet}: not crawled: {missing}\n{json.dumps(stats.get(outlet), indent=1)}"
        assert all(n == 1 for n in stored.values()), f"{outlet}: duplicate pages {stored}"
        assert stats[outlet]["status"] == "finished"
        assert stats[outlet]["new"] == len(stored)
        assert stats[outlet]["errors"] == 0, stats[outlet]["errors_by_reason"]


def test_pages_keep_real_urls_and_listing_dates(first_crawl):
    db, _ = first_crawl
    rows = pages(db)
    assert rows and all(r["url"].startswith("https://") for r in rows)
    kinds = Counter(r["kind"] for r in rows)
    assert kinds["listing"] >= 9 and kinds["robots"] >= 3 and kinds["article"] >= 8
    kompas = [r for r in pages(db, kind="article", source="kompas")]
    assert all(r["url"].endswith("?page=all") for r in kompas), "Kompas articles are requested whole (?page=all)"
    assert all("?page" not in r["canonical_url"] for r in kompas)
    listing = pages(db, kind="listing", source="liputan6")
    assert {r["feed_date"] for r in listing if "/indeks/" in r["url"]} == {"2021-06-14", "2021-06-15", "2021-06-16"}
    article_days = {r["feed_date"] for r in pages(db, kind="article", source="liputan6")}
    assert article_days <= {"2021-06-14", "2021-06-15", "2021-06-16"}


def test_date_walk_follows_pagination_until_404(first_crawl):
    db, stats = first_crawl
    urls = {r["url"] for r in pages(db, kind="listing", source="kompas")}
    assert "https://indeks.kompas.com/?site=money&date=2021-06-14&page=2" in urls
    assert stats["kompas"]["listing_stops"].get("http_404", 0) >= 3  # each day ends at its first missing page
    days = {u.split("date=")[1][:10] for u in urls if "date=" in u}
    assert days == {"2021-06-14", "2021-06-15", "2021-06-16"}


def test_republika_blocked_by_robots_by_default(first_crawl):
    db, stats = first_crawl
    rep = stats["republika"]
    assert rep["status"] == "blocked_by_robots"
    assert rep["robots_blocked"] > 0 and rep["new"] == 0
    fetched = pages(db, source="republika")
    assert fetched and {r["kind"] for r in fetched} == {"robots"}, "only robots.txt may be fetched"
    row = [r for r in runs(db) if r["source"] == "republika"][0]
    assert row["status"] == "blocked_by_robots" and json.loads(row["args"])["ignore_robots"] == []


def test_run_rows_and_warc(first_crawl):
    db, stats = first_crawl
    rows = {r["source"]: r for r in runs(db)}
    for source in fixture_sources():
        row = rows[source]
        assert row["finished_at"] and row["requests"] > 0 and row["duration_s"] >= 0
        assert json.loads(row["responses_by_status"])
        args = json.loads(row["args"])
        assert args["since"] == "2021-06-14" and args["user_agent"].startswith("Pantau/0.1 (+")
    from warcio.archiveiterator import ArchiveIterator

    files = glob.glob(str(db.parent / "warc" / "*.warc.gz"))
    assert files
    uris = []
    for name in files:
        with open(name, "rb") as fh:
            uris += [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh) if r.rec_type == "response"]
    assert uris and all(u.startswith("https://") for u in uris)
    assert any(u.endswith("/robots.txt") for u in uris)
    stored = {r["url"] for r in pages(db, kind="article")}
    assert stored <= set(uris)


def test_second_run_fetches_no_article_page(first_crawl, mirror):
    db, first = first_crawl
    before = len(pages(db))
    second = run_crawl(db, mirror, sources=fixture_sources())
    for source, stats in second.items():
        if source.startswith("_"):
            continue
        assert stats.get("responses_by_kind", {}).get("article", 0) == 0, (source, stats)
        assert stats["new"] == 0 and stats["updated"] == 0
        if first[source]["new"]:
            assert stats["skipped_by_reason"].get("already_seen") == first[source]["new"]
        assert stats.get("responses_by_kind", {}).get("listing", 0) > 0 or source == "republika"
    assert len(pages(db)) == before  # listings unchanged: nothing new archived


def test_refetch_uses_conditional_get(first_crawl, mirror):
    db, first = first_crawl
    stats = run_crawl(db, mirror, "--refetch", sources=["kompas", "liputan6"])
    for source in ("kompas", "liputan6"):
        assert stats[source]["responses_by_status"].get("304") == first[source]["new"], stats[source]
        assert stats[source]["unchanged"] == first[source]["new"] and stats[source]["new"] == 0


def test_ignore_robots_is_explicit_and_recorded(mirror, tmp_path):
    db = tmp_path / "rep.db"
    stats = run_crawl(db, mirror, "--ignore-robots", "republika", sources=["republika"])
    rep = stats["republika"]
    expected = gold_articles(["republika"])["republika"]
    assert {canonical(u) for u in expected} <= set(_stored_articles(db, "republika"))
    assert rep["status"] == "finished" and rep["robots_ignored"] > 0 and rep["robots_blocked"] == 0
    assert "IGNORED by explicit opt-in" in stats["_stderr"] or "will NOT be obeyed" in stats["_stderr"]
    row = runs(db)[-1]
    assert json.loads(row["args"])["ignore_robots"] == ["republika"]
    # the RSS item published on 2021-06-11 is outside the range: skipped with a reason, not dropped silently
    assert rep["skipped_by_reason"].get("out_of_range", 0) >= 1


def test_edited_article_is_stored_as_a_new_revision(tmp_path):
    site = tmp_path / "sites"
    for host in ("indeks.kompas.com", "money.kompas.com", "bola.kompas.com", "www.kompas.com"):
        if (FIXTURE_SITES / host).exists():
            shutil.copytree(FIXTURE_SITES / host, site / host)
    server, base = serve_mirror(site)
    try:
        db = tmp_path / "edit.db"
        first = run_crawl(db, base, sources=["kompas"])
        assert first["kompas"]["new"] >= 3
        target = next((site / "money.kompas.com").rglob("*page=all"))
        target.write_bytes(target.read_bytes().replace(b"</body>", b"<p>Koreksi: angka diperbarui.</p></body>"))
        again = run_crawl(db, base, sources=["kompas"])
        assert again["kompas"]["responses_by_kind"].get("article", 0) == 0  # default: seen URLs are not requested
        refetch = run_crawl(db, base, "--refetch", sources=["kompas"])
        assert refetch["kompas"]["updated"] == 1 and refetch["kompas"]["unchanged"] == first["kompas"]["new"] - 1
        revisions = Counter(p["canonical_url"] for p in pages(db, kind="article"))
        assert sorted(revisions.values()).count(2) == 1
    finally:
        server.shutdown()
