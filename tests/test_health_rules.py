"""Source-health rules on windows written through the store (no crawl): blocks, listing selectors, fetch errors,
vanished dates, recovery, and the Atom feed of status changes served by a real Datasette."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import httpx
import pytest

from db import Store
from db.health import check, summary_line
from pantau import metadata as md
from pantau import serve

_ids = itertools.count(1)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture()
def store(tmp_path):
    return Store(tmp_path / "pantau.db")


def crawl_window(store, source, status="finished", *, listings=4, with_links=3, articles=(), **stats):
    """One crawl run of ``source`` plus its articles (each a dict of article fields), then a health check."""
    run_id = store.start_run(source, {})
    for fields in articles:
        n = next(_ids)
        url = f"https://www.{source}.example/read/{n}/berita-umkm"
        page_id, _ = store.save_page(url=url, canonical_url=url, source=source, status=200, body=f"<p>{n}</p>".encode(),
                                     run_id=run_id)
        article = {"canonical_url": url, "url": url, "outlet": source, "title": f"Judul {n}",
                   "published": "2021-06-14T10:00:00+07:00", "published_source": "jsonld", "authors": ["Rina"],
                   "text": "kata " * 120, "word_count": 120, "parser": "ContohV1", **fields}
        store.save_article_with_claims(article, [], page_id=page_id, extractor_version="test")
    yield_ = {"dated_index": {"pages": listings, "with_links": with_links, "links": with_links * 10}}
    store.finish_run(run_id, {"requests": stats.pop("requests", 20), "listings": listings, "listing_yield": yield_,
                              "responses_by_kind": {"article": len(articles), "listing": listings}, **stats},
                     status=status)
    check(store.db)  # as `pantau extract` does after each run


def health_of(store, source):
    return {row["source"]: row for row in check(store.db)}[source]


def healthy(n=3):
    return [{} for _ in range(n)]


def test_a_blocked_source_is_blocked_not_broken(store):
    crawl_window(store, "tribunnews", "blocked", listings=1, with_links=0, blocked_statuses={"403": 3})
    row = health_of(store, "tribunnews")
    assert row["status"] == "blocked"
    assert row["reasons"] == [row["reasons"][0]] and "blocked by the site (3× HTTP 403)" in row["reasons"][0]
    crawl_window(store, "republika", "blocked_by_robots", listings=0, with_links=0, robots_blocked=7)
    assert "robots.txt refuses the crawler (7 URLs refused)" in health_of(store, "republika")["reasons"][0]


def test_a_listing_selector_that_stops_matching_degrades_the_source(store):
    crawl_window(store, "detik", articles=healthy())
    assert health_of(store, "detik")["status"] == "ok"
    crawl_window(store, "detik", articles=healthy(), listing_stops={"selector_fallback": 2})
    row = health_of(store, "detik")
    assert row["status"] == "degraded"
    assert "link selector matched nothing on 2 listing pages" in row["reasons"][0]


def test_fetch_errors_against_a_clean_history(store):
    crawl_window(store, "kontan", articles=healthy(), requests=40)
    crawl_window(store, "kontan", articles=healthy(1), requests=40,
                 errors_by_reason={"timeout": 9, "http_500": 6})
    row = health_of(store, "kontan")
    assert row["status"] == "degraded" and "15 of 40 requests failed" in row["reasons"][0]
    assert "timeout 9" in row["reasons"][0]


def test_vanished_dates_break_the_source_and_the_streak_keeps_counting(store):
    crawl_window(store, "tempo", articles=healthy())
    crawl_window(store, "tempo", articles=[{"published": None, "published_source": None}] * 2)
    assert health_of(store, "tempo")["status"] == "broken"
    crawl_window(store, "tempo", articles=[{"published": None, "published_source": None}] * 3)
    row = health_of(store, "tempo")
    assert row["status"] == "broken"
    assert row["reasons"][0].startswith("tempo: 5 of 5 articles have no publication date since ")
    assert row["reasons"][0].endswith("(before: 0 of 3)")  # the baseline is the history before the problem


def test_a_window_without_articles_keeps_an_article_problem_and_recovery_is_a_change(store):
    crawl_window(store, "kompas", articles=healthy())
    crawl_window(store, "kompas", articles=[{"parser": "fallback"}] * 3)
    crawl_window(store, "kompas", listings=2, with_links=2)  # everything already seen: no new articles
    row = health_of(store, "kompas")
    assert row["status"] == "broken" and "layout ContohV1 no longer matches" in row["reasons"][0]
    assert "broken" in summary_line(row) and "0 site rules" in summary_line(row)
    crawl_window(store, "kompas", articles=[{"parser": "ContohV2"}] * 2)  # a new layout version was added
    assert health_of(store, "kompas")["status"] == "ok"
    changes = [(r["old_status"], r["new_status"]) for r in store.db["source_health_changes"].rows]
    assert changes == [("ok", "broken"), ("broken", "ok")]


def test_an_outlet_that_never_had_site_rules_is_not_flagged(store):
    crawl_window(store, "contoh", articles=[{"parser": "fallback"}] * 4)
    assert health_of(store, "contoh")["status"] == "ok"
    rows = check(store.db, {"kompas": "KompasV2"})  # no new window: nothing recorded, same verdict
    assert [r["status"] for r in rows] == ["ok"]
    assert store.db["source_health"].count == 1


@pytest.mark.slow
def test_status_changes_are_an_atom_feed_in_datasette(store, tmp_path):
    crawl_window(store, "kompas", articles=healthy())
    crawl_window(store, "kompas", articles=[{"parser": "fallback"}] * 3)
    store.close()
    with __import__("socket").socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = serve.start(store.path, port, metadata_path=md.METADATA_FILE)
    base = f"http://127.0.0.1:{port}"
    try:
        serve.wait_until_up(base, process)
        response = httpx.get(f"{base}/pantau/source_health_feed.atom", timeout=30)
        table = httpx.get(f"{base}/pantau/source_health.json", params={"_shape": "array"}, timeout=30).json()
    finally:
        serve.stop(process)
    assert response.status_code == 200, response.text[:300]
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["kompas: ok -> broken"]
    assert "3 of 3 articles extracted without site rules" in entries[0].find(f"{ATOM}content").text
    assert [r["status"] for r in table] == ["broken", "ok"]  # newest first
