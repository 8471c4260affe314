"""The whole path, for real: fixture sites on loopback -> Scrapy crawl over HTTP -> archive -> extract articles
and claims -> SQLite -> Datasette, read back over Datasette's HTTP JSON API."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import httpx
import pytest

from conftest import GOLD, REPO, free_port, pantau, wait_for_http

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("e2e") / "demo.db"
    first = pantau("demo", "--no-serve", "--db", str(db), timeout=900)
    return db, first


@pytest.fixture(scope="module")
def datasette(demo_db):
    db, _ = demo_db
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pantau.cli", "serve", "--db", str(db), "--port", str(port)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/-/versions.json")
        yield base, db.stem
    finally:
        process.terminate()
        process.wait(timeout=20)


def _gold_claims():
    path = GOLD / "fixture_claims.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _gold_articles():
    path = GOLD / "fixture_articles.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_demo_builds_articles_and_claims_from_every_crawled_outlet(demo_db):
    db, result = demo_db
    import sqlite_utils

    database = sqlite_utils.Database(db)
    outlets = {row["outlet"] for row in database.query("select distinct outlet from articles where status = 'ok'")}
    assert {"kompas", "liputan6", "republika"} <= outlets
    assert database["claims"].count >= 20
    # every stored page keeps the real https URL, never the loopback mirror address
    assert all(row["url"].startswith("https://") for row in database.query("select url from pages"))
    off_topic = list(database.query("select id from articles where status = 'off_topic'"))
    assert off_topic, "the off-topic fixture article must be kept and marked, not dropped or claimed"


def test_claims_read_back_over_datasette_http(datasette):
    base, name = datasette
    rows = httpx.get(f"{base}/{name}/claims.json", params={"_shape": "array", "_size": "max"}, timeout=30).json()
    assert rows, "Datasette returned no claims"
    for field in ("claim_type", "value", "unit", "quote", "article_id", "stated_on"):
        assert field in rows[0]
    gold_core = [c for c in _gold_claims() if c.get("core")]
    article_urls = {a["id"]: a["url"] for a in _gold_articles()}
    articles = httpx.get(
        f"{base}/{name}/articles.json", params={"_shape": "array", "_size": "max", "_col": ["canonical_url"]}, timeout=30
    ).json()
    id_by_url = {a["canonical_url"]: a["id"] for a in articles}
    found = 0
    for gold in gold_core:
        article_id = id_by_url.get(article_urls.get(gold["article_id"]))
        if any(
            r["article_id"] == article_id
            and abs(r["value"] - gold["value"]) <= 0.01 * abs(gold["value"])
            and r["claim_type"] == gold["claim_type"]
            for r in rows
        ):
            found += 1
    assert gold_core and found / len(gold_core) >= 0.8, f"only {found}/{len(gold_core)} core gold claims served"


def test_running_the_demo_again_adds_no_duplicates(demo_db):
    db, _ = demo_db
    import sqlite_utils

    def counts():
        database = sqlite_utils.Database(db)
        return {t: database[t].count for t in ("pages", "articles", "claims", "article_revisions")}

    before = counts()
    pantau("demo", "--no-serve", "--db", str(db), timeout=900)
    assert counts() == before


def test_export_claims_csv_and_jsonl_carry_the_article_url(demo_db):
    db, _ = demo_db
    jsonl = pantau("export", "claims", "--db", str(db)).stdout.splitlines()
    first = json.loads(jsonl[0])
    assert first["url"].startswith("https://") and "value" in first and "quote" in first
    csv_text = pantau("export", "claims", "--format", "csv", "--db", str(db)).stdout
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert list(rows[0])[:3] == ["claim_id", "article_id", "claim_type"]
    assert len(rows) == len(jsonl)
    assert {r["claim_id"] for r in rows} == {json.loads(line)["claim_id"] for line in jsonl}
    articles = [json.loads(line) for line in pantau("export", "articles", "--db", str(db)).stdout.splitlines()]
    assert {"url", "canonical_url", "outlet", "title", "published", "text"} <= set(articles[0])


def test_syndicated_copies_share_one_group_and_other_stories_do_not(demo_db):
    db, _ = demo_db
    import sqlite_utils

    group_by_url = {r["canonical_url"]: r["syndication_group"]
                    for r in sqlite_utils.Database(db).query("select canonical_url, syndication_group from articles")}
    gold = _gold_articles()
    expected = {}
    for article in gold:
        expected.setdefault(article.get("syndication_group") or article["id"], []).append(article["url"])
    for members in expected.values():
        stored = {group_by_url[url] for url in members if url in group_by_url}
        assert len(stored) == 1, members
    singles = [group_by_url[a["url"]] for a in gold if not a.get("syndication_group") and a["url"] in group_by_url]
    assert len(singles) == len(set(singles))
