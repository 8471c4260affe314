"""Schema migrations: a new file gets the whole schema, re-opening applies nothing twice, data survives."""

import sqlite3

import sqlite_utils

from db import Store, migrations


def test_fresh_database_gets_every_table_in_wal_mode(tmp_path):
    path = tmp_path / "p.db"
    store = Store(path)
    tables = set(store.db.table_names())
    assert {"sources", "crawl_runs", "pages", "seen_urls", "articles", "article_revisions", "claims"} <= tables
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    applied = [m.name for m in migrations.migrations.applied(store.db)]
    assert applied == [m.name for m in migrations.migrations._migrations]


def test_reopening_applies_nothing_and_keeps_rows(tmp_path):
    path = tmp_path / "p.db"
    store = Store(path)
    store.save_page(url="https://a.example/x", canonical_url="https://a.example/x", source="t", status=200, body=b"<p>x</p>")
    store.close()
    db = sqlite_utils.Database(path)
    assert migrations.migrations.pending(db) == []
    assert migrations.apply(db) == []
    assert Store(path).db["pages"].count == 1


def test_migrating_a_partially_migrated_database(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    first = migrations.migrations._migrations[0].name
    migrations.migrations.apply(db, stop_before=migrations.migrations._migrations[1].name)
    assert [m.name for m in migrations.migrations.applied(db)] == [first]
    assert "articles" not in db.table_names()
    Store(path)  # opening through the store brings it up to date
    assert "articles" in sqlite_utils.Database(path).table_names()


def test_same_page_twice_is_stored_once_and_an_edit_is_a_new_revision(tmp_path):
    store = Store(tmp_path / "p.db")
    kwargs = dict(url="https://a.example/x?utm_source=t", canonical_url="https://a.example/x", source="t", status=200)
    assert store.save_page(body=b"one", **kwargs)[1] == "new"
    assert store.save_page(body=b"one", **kwargs)[1] == "unchanged"
    assert store.save_page(body=b"two", **kwargs)[1] == "updated"
    assert store.db["pages"].count == 2
    assert store.seen("https://a.example/x")["fetch_count"] == 3


def test_unique_index_refuses_duplicate_pages(tmp_path):
    store = Store(tmp_path / "p.db")
    store.save_page(url="u", canonical_url="u", source="t", status=200, body=b"same")
    row = dict(next(store.db["pages"].rows))
    row.pop("id")
    try:
        store.db["pages"].insert(row)
    except sqlite3.IntegrityError:
        pass
    else:
        raise AssertionError("a duplicate (canonical_url, content_hash) was accepted")


def test_confidence_band_is_backfilled_and_written_with_each_claim(tmp_path):
    path = tmp_path / "band.db"
    db = sqlite_utils.Database(path)
    migrations.migrations.apply(db, stop_before="m014_confidence_band")
    db["claims"].insert_all([{"id": "a", "confidence": 0.93}, {"id": "b", "confidence": 0.75},
                             {"id": "c", "confidence": 0.4}, {"id": "d", "confidence": None}], pk="id", alter=True)
    Store(path).close()  # m014 fills the band of the rows already stored
    bands = dict(sqlite_utils.Database(path).execute("select id, confidence_band from claims").fetchall())
    assert bands == {"a": "high", "b": "medium", "c": "low", "d": None}
    assert [migrations.confidence_band(c) for c in (0.9, 0.89, 0.7, 0.0)] == ["high", "medium", "medium", "low"]
