"""The extract stage works offline from the archive: --rebuild re-extracts every page without duplicates,
bad pages are counted with a reason, and the stage never fetches."""

import json

import pytest

from conftest import GOLD, REPO, pantau
from db import Store

pytestmark = pytest.mark.slow


def _archive_fixture_pages(db_path, count=3):
    store = Store(db_path)
    gold = [json.loads(line) for line in (GOLD / "fixture_articles.jsonl").read_text(encoding="utf-8").splitlines()]
    for article in gold[:count]:
        body = (REPO / article["html_file"]).read_bytes()
        store.save_page(url=article["url"], canonical_url=article["url"], source=article["outlet"], status=200, body=body)
    broken = "https://money.kompas.com/read/2021/06/14/1/broken"
    store.save_page(url=broken, canonical_url=broken, source="kompas", status=200, body=b"\x00\x01\x02binary")
    return gold[:count]


def test_extract_then_rebuild_is_idempotent_and_counts_bad_pages(tmp_path):
    db_path = tmp_path / "p.db"
    gold = _archive_fixture_pages(db_path)
    first = json.loads(pantau("extract", "--db", str(db_path)).stdout)
    assert first["articles_new"] == len(gold)
    assert sum(first["errors"].values()) == 1
    store = Store(db_path)
    counts = {t: store.db[t].count for t in ("articles", "claims", "article_revisions")}
    assert counts["claims"] > 0
    again = json.loads(pantau("extract", "--db", str(db_path)).stdout)
    assert again["pages"] == 0  # nothing pending
    rebuilt = json.loads(pantau("extract", "--db", str(db_path), "--rebuild").stdout)
    assert rebuilt.get("articles_unchanged") == len(gold)
    store = Store(db_path)
    assert {t: store.db[t].count for t in ("articles", "claims", "article_revisions")} == counts
    titles = {row["title"] for row in store.db.query("select title from articles")}
    assert titles == {g["title"] for g in gold}
