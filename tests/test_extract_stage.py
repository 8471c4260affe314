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


def test_syndication_priming_uses_stored_sketches_and_sketches_changed_articles_again(tmp_path, monkeypatch):
    """After a run every article's sketch is stored; the next run primes its index from them (nothing re-sketched,
    the same groups as sketching every text again), and an article whose text changed is sketched again."""
    from extract import stage, syndication
    from extract.stage import extract_pages

    db_path = tmp_path / "p.db"
    _archive_fixture_pages(db_path, count=12)
    store = Store(db_path)
    extract_pages(store, workers=1)
    rows = store.db.execute("select id, title, text from articles order by first_seen, page_id, id").fetchall()
    assert store.db["syndication_sketches"].count == len(rows) == 12
    from_scratch = syndication.group_articles(rows)

    sketched = []
    real_sketch = syndication.sketch
    monkeypatch.setattr(syndication, "sketch", lambda text, *a: sketched.append(text) or real_sketch(text, *a))
    assert stage._syndication_grouper(store).group_map() == from_scratch
    assert sketched == []  # every stored article primed from its stored sketch

    changed_id, changed_text = rows[3][0], rows[3][2] + "\n\nParagraf tambahan yang mengubah teks artikel ini."
    store.db.execute("update articles set text = ?, content_hash = 'changed' where id = ?", [changed_text, changed_id])
    store.db.conn.commit()
    stage._syndication_grouper(store)
    assert sketched == [changed_text]  # only the changed article, once
    assert store.db.execute("select content_hash from syndication_sketches where article_id = ?",
                            [changed_id]).fetchone()[0] == "changed"
    stage._syndication_grouper(store)
    assert sketched == [changed_text]  # its new sketch was stored
