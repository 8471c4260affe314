"""Source health on the fixture mirror: a crawl of the real fixture sites is healthy; after one outlet's redesign
(renamed classes), one outlet's listing that stops yielding links and one outlet's vanished dates, the health
report names exactly those outlets, with the reason, and stays ok for the others."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import sqlite_utils

from conftest import FIXTURE_SITES, pantau
from pantau.mirror import serve_in_thread

pytestmark = pytest.mark.slow
SOURCES = ["kompas", "detik", "liputan6", "antara", "okezone"]
DAYS = ["--since", "2021-06-14", "--until", "2021-06-16"]


def redesign_kompas(sites):
    """Kompas renames the classes its article template uses (read__content -> story__body ...)."""
    for page in sites.glob("*.kompas.com/read/**/*"):
        if page.is_file():
            html = page.read_text(encoding="utf-8")
            page.write_text(html.replace("read__", "story__"), encoding="utf-8")


def detik_listing_without_links(sites):
    """Detik's dated index turns into a script-driven list: the article anchors lose their href."""
    for page in (sites / "finance.detik.com").glob("indeks?date=*"):
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace('href="https://finance.detik.com/berita-', 'data-href="/berita-'),
                        encoding="utf-8")


def liputan6_without_dates(sites):
    """Liputan6 drops every machine and visible publication date from its article pages."""
    for page in (sites / "www.liputan6.com" / "bisnis" / "read").rglob("*"):
        if page.is_file():
            html = page.read_text(encoding="utf-8")
            html = re.sub(r'<meta property="article:published_time"[^>]*>', "", html)
            html = re.sub(r'"date(Published|Modified)": "[^"]*",?', "", html)
            html = re.sub(r'"publishDate": "[^"]*",?', "", html)
            html = re.sub(r"<time[^>]*>.*?</time>", "", html, flags=re.S)
            page.write_text(html, encoding="utf-8")


def crawl_and_extract(db, mirror, *extra):
    sources = [arg for name in SOURCES for arg in ("--source", name)]
    pantau("crawl", "--db", str(db), "--mirror", mirror, *sources, *DAYS, *extra)
    pantau("extract", "--db", str(db))


def health(db):
    result = pantau("health", "--db", str(db), "--json", check=False)
    return result.returncode, {row["source"]: row for row in map(json.loads, result.stdout.splitlines())}


def test_health_catches_a_redesign_dry_listings_and_vanished_dates(tmp_path):
    sites = tmp_path / "sites"
    shutil.copytree(FIXTURE_SITES, sites)
    db = tmp_path / "pantau.db"
    server, mirror = serve_in_thread(sites)
    try:
        crawl_and_extract(db, mirror)
        code, before = health(db)
        assert code == 0, before
        assert {s: r["status"] for s, r in before.items()} == {s: "ok" for s in SOURCES}
        assert before["kompas"]["parsers"] == {"KompasV2": before["kompas"]["articles"]}
        assert before["detik"]["listing_yield"]["dated_index"]["with_links"] > 0

        redesign_kompas(sites)
        detik_listing_without_links(sites)
        liputan6_without_dates(sites)
        crawl_and_extract(db, mirror, "--refetch")
        code, after = health(db)
    finally:
        server.shutdown()

    assert code == 3
    kompas = after["kompas"]
    assert kompas["status"] == "broken"
    assert kompas["fallback"] == kompas["articles"] >= 2 and kompas["parsers"] == {"fallback": kompas["articles"]}
    assert any(re.search(rf"kompas: {kompas['articles']} of {kompas['articles']} articles extracted without site "
                         r"rules since \d{4}-\d\d-\d\d.*layout KompasV2 no longer matches", r)
               for r in kompas["reasons"]), kompas["reasons"]

    detik = after["detik"]
    assert detik["status"] == "degraded"  # its RSS and sitemap still yield links
    assert detik["listing_yield"]["dated_index"]["with_links"] == 0
    assert any("dated index listing pages yielded article links" in r and r.startswith("detik: 0 of")
               for r in detik["reasons"]), detik["reasons"]

    liputan6 = after["liputan6"]
    assert liputan6["status"] == "degraded"
    assert liputan6["day_only_dates"] == liputan6["articles"] >= 2
    assert any("dated only to the day" in r for r in liputan6["reasons"]), liputan6["reasons"]

    for name in ("antara", "okezone"):
        assert after[name]["status"] == "ok" and not after[name]["reasons"], after[name]

    store = sqlite_utils.Database(db)
    changes = {(r["source"], r["new_status"]) for r in store["source_health_changes"].rows}
    assert changes == {("kompas", "broken"), ("detik", "degraded"), ("liputan6", "degraded")}
    parsers = {r["parser"] for r in store.query("select parser from articles where outlet = 'kompas'")}
    assert parsers == {"fallback"}

    # a health check without new crawls or extraction keeps the verdict (and records nothing new)
    checks = store["source_health"].count
    code, again = health(db)
    assert code == 3 and again["kompas"]["status"] == "broken" and store["source_health"].count == checks


def run_result(stdout: str) -> dict:
    """`pantau run` prints the publish commands, then its result as JSON."""
    return json.loads(stdout[stdout.index('{\n  "crawl"'):])


def test_run_exits_non_zero_when_a_source_breaks_and_publishes_only_on_change(tmp_path):
    sites = tmp_path / "sites"
    shutil.copytree(FIXTURE_SITES, sites)
    redesign_kompas(sites)
    db, public = tmp_path / "pantau.db", tmp_path / "public.db"
    args = ["run", "--db", str(db), "--source", "kompas", "--source", "okezone", *DAYS, "--public-out", str(public)]
    server, mirror = serve_in_thread(sites)
    try:
        first = pantau(*args, "--mirror", mirror, check=False)
        published_at = public.stat().st_mtime_ns
        second = pantau(*args, "--mirror", mirror, check=False)
    finally:
        server.shutdown()
    # no history yet: Kompas is still expected to match its newest layout
    assert first.returncode == 3, first.stderr[-2000:]
    assert "broken source(s): kompas" in first.stderr
    result = run_result(first.stdout)
    assert result["broken"] == ["kompas"] and result["health"]["okezone"]["status"] == "ok"
    assert "layout KompasV2 no longer matches" in result["health"]["kompas"]["reasons"][0]
    assert sqlite_utils.Database(public)["claims"].count > 0  # the healthy outlets are still published
    # nothing changed: still broken, still reported, but the public database is left alone
    assert second.returncode == 3
    again = run_result(second.stdout)
    assert again["publish"]["skipped"] == "unchanged" and again["broken"] == ["kompas"]
    assert public.stat().st_mtime_ns == published_at
