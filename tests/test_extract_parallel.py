"""The extract stage in a process pool: the same database as one process, batches that commit all-or-nothing, and
full-text indexes kept current without a rebuild."""

import json

import pytest

from conftest import GOLD, REPO
from db import Store
from extract.stage import extract_pages

pytestmark = pytest.mark.slow

TIMESTAMPS = {"first_seen", "updated_at", "extracted_at", "fetched_at"}


def _archive_fixture_pages(db_path) -> int:
    store = Store(db_path)
    gold = [json.loads(line) for line in (GOLD / "fixture_articles.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    for article in gold:
        body = (REPO / article["html_file"]).read_bytes()
        store.save_page(url=article["url"], canonical_url=article["url"], source=article["outlet"], status=200,
                        body=body)
    broken = "https://money.kompas.com/read/2021/06/14/1/broken"
    store.save_page(url=broken, canonical_url=broken, source="kompas", status=200, body=b"\x00\x01\x02binary")
    store.close()
    return len(gold) + 1


def _rows(db_path, table: str) -> list[dict]:
    store = Store(db_path)
    rows = [{k: v for k, v in row.items() if k not in TIMESTAMPS}
            for row in store.db.query(f"select * from [{table}] order by id")]
    store.close()
    return rows


@pytest.fixture(scope="module")
def one_process_db(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("w1") / "p.db"
    pages = _archive_fixture_pages(db_path)
    stats = extract_pages(Store(db_path), workers=1, batch_size=7, chunk_size=3)
    assert stats["pages"] == pages
    return db_path, stats


def test_two_workers_give_the_same_articles_and_claims_as_one_process(one_process_db, tmp_path):
    reference, stats1 = one_process_db
    db_path = tmp_path / "p.db"
    _archive_fixture_pages(db_path)
    stats2 = extract_pages(Store(db_path), workers=2, batch_size=7, chunk_size=3)
    assert stats2["workers"] == 2
    assert {k: v for k, v in stats2.items() if k != "workers"} == {k: v for k, v in stats1.items() if k != "workers"}
    for table in ("articles", "claims", "pages"):
        one, two = _rows(reference, table), _rows(db_path, table)
        assert one and one == two, table
    assert stats1["errors"] == {"binary": 1}
    assert stats1["claims"] > 0 and sum(v for k, v in stats1.items() if k.startswith("articles_")) == 25


def test_full_text_indexes_are_current_without_a_rebuild(one_process_db):
    db_path, _ = one_process_db
    store = Store(db_path)
    for fts in ("articles_fts", "claims_fts"):
        store.db.execute(f"insert into [{fts}]([{fts}]) values ('integrity-check')")  # raises when out of date
    hits = store.db.execute("select count(*) from articles_fts where articles_fts match 'UMKM'").fetchone()[0]
    assert hits > 0
    assert store.db.execute("select count(*) from claims where quote_stem is null and quote is not null").fetchone()[0] == 0


def test_a_failed_batch_leaves_its_pages_pending_and_the_next_run_finishes_them(one_process_db, tmp_path, monkeypatch):
    reference, _ = one_process_db
    db_path = tmp_path / "p.db"
    pages = _archive_fixture_pages(db_path)
    store = Store(db_path)
    real_save = store.save_extraction_batch
    calls = []

    def save_then_die(items, **kwargs):
        calls.append(len(items))
        if len(calls) == 2:  # the process is killed while the second batch is being written
            raise KeyboardInterrupt
        return real_save(items, **kwargs)

    monkeypatch.setattr(store, "save_extraction_batch", save_then_die)
    with pytest.raises(KeyboardInterrupt):
        extract_pages(store, workers=1, batch_size=7, chunk_size=3)
    done = store.db.execute("select count(*) from pages where extracted_at is not null").fetchone()[0]
    assert done == calls[0]  # the first batch committed, nothing of the second
    orphans = store.db.execute(
        "select count(*) from pages p where p.extracted_at is not null and p.extract_error is null and not exists"
        " (select 1 from articles a where a.page_id = p.id)").fetchone()[0]
    assert orphans == 0
    monkeypatch.undo()
    rest = extract_pages(Store(db_path), workers=2, batch_size=7, chunk_size=3)
    assert rest["pages"] == pages - done
    assert _rows(db_path, "claims") == _rows(reference, "claims")
    assert _rows(db_path, "articles") == _rows(reference, "articles")


def test_a_batch_is_all_or_nothing(tmp_path):
    db_path = tmp_path / "p.db"
    _archive_fixture_pages(db_path)
    store = Store(db_path)
    page_ids = [r[0] for r in store.db.execute("select id from pages order by id limit 2")]
    good = {"page_id": page_ids[0], "article": {"canonical_url": "https://example.com/a", "title": "A",
                                                 "text": "satu dua tiga empat lima"}, "claims": []}
    bad = {"page_id": page_ids[1], "article": {"title": "no canonical url"}, "claims": []}  # KeyError mid-batch
    with pytest.raises(KeyError):
        store.save_extraction_batch([good, bad], extractor_version="test")
    assert store.db["articles"].count == 0
    assert store.db.execute("select count(*) from pages where extracted_at is not null").fetchone()[0] == 0


def _square_or_die(chunk):
    import os

    if chunk == [13]:
        os._exit(1)  # a worker killed mid-task (out of memory, signal)
    return [x * x for x in chunk]


def test_an_empty_chunk_is_a_barrier_that_hands_back_every_earlier_result():
    from extract.pool import ordered_map

    got = []

    def chunks():
        yield [1]
        yield [2]
        yield []
        assert got == [[1], [4], []]  # asked for more only after everything before the barrier came back
        yield [3]

    for result in ordered_map(_square_or_die, chunks(), workers=2, in_flight=8):
        got.append(result)
    assert got == [[1], [4], [], [9]]


def test_the_pool_keeps_input_order_and_fails_loudly_when_a_worker_dies():
    from concurrent.futures.process import BrokenProcessPool

    from extract.pool import ordered_map

    chunks = [[i] for i in range(40) if i != 13]
    assert list(ordered_map(_square_or_die, chunks, workers=2, in_flight=3)) == [[x * x for x in c] for c in chunks]
    with pytest.raises(BrokenProcessPool):
        list(ordered_map(_square_or_die, [[1], [13], [2]], workers=2))
