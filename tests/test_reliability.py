"""Reliability suite: processes killed at random points, a faulty network, hostile pages, a full disk.

Kill points are drawn by hypothesis (few examples, derandomized, so a run is repeatable and bounded in time).
After every scenario: nothing lost, nothing duplicated, and SQLite's integrity check passes.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import sqlite3
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from crawlers.synthetic import build_site, mirror_path
from distributed_support import (article_counts, ingest_command, integrity, leftovers, serve_synthetic, start,
                                 stored_articles, stream_pages, wait_for_workers, wait_until, worker_command)
from pantau.faults import FaultPlan
from test_crawl_support import (FIXTURE_SITES, REPO, canonical, crawl_command, fixture_sources, gold_articles,
                                run_crawl, serve_mirror)

pytestmark = pytest.mark.slow
SOURCES = ["kompas", "liputan6"]
FEW = settings(max_examples=3, deadline=None, derandomize=True, database=None, phases=[Phase.generate],
               suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def small_mirror(tmp_path_factory):
    server, base, expected = serve_synthetic(tmp_path_factory.mktemp("site"), SOURCES, days=2, per_day=15)
    yield base, expected
    server.shutdown()


def _kill(process):
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def _assert_exactly_once(db, expected):
    stored = article_counts(db)
    assert set(stored) == expected, f"lost {len(expected - set(stored))}: {sorted(expected - set(stored))[:3]}"
    assert all(n == 1 for n in stored.values()), [u for u, n in stored.items() if n > 1]
    assert integrity(db) == "ok"


# -- SIGKILL of the crawl worker and of the ingest, then a restart ------------------------------------------
@FEW
@given(worker_share=st.floats(0.05, 0.8), ingest_share=st.floats(0.1, 0.9))
def test_killed_worker_and_ingest_restart_lose_and_duplicate_nothing(redis_server, small_mirror, worker_share,
                                                                     ingest_share):
    mirror, expected = small_mirror
    client = redis_server.client
    client.flushall()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "kill.db"
        slow = ["--set", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "--set", "DOWNLOAD_DELAY=0.02"]
        worker = start(worker_command(redis_server.url, mirror, *slow, sources=SOURCES), tmp / "w1.log")
        wait_for_workers(client, worker)
        ingest = start(ingest_command(redis_server.url, db, 1.0, "--batch", "4"), tmp / "i1.log")
        processes = [worker, ingest]
        try:
            wait_until(lambda: stream_pages(client) + stored_articles(db) >= worker_share * len(expected) or
                       worker.poll() is not None, timeout=90, step=0.01, what="crawl progress")
            _kill(worker)
            pushed = stored_articles(db) + stream_pages(client)
            wait_until(lambda: stored_articles(db) >= ingest_share * pushed or ingest.poll() is not None, timeout=60,
                       step=0.01, what="ingest progress")
            _kill(ingest)
            # restart both: the new worker takes back what the dead one held in flight once its heartbeat lapses
            worker = start(worker_command(redis_server.url, mirror, sources=SOURCES), tmp / "w2.log")
            wait_for_workers(client, worker)
            ingest = start(ingest_command(redis_server.url, db, 1.0), tmp / "i2.log")
            processes += [worker, ingest]
            assert worker.wait(timeout=120) == 0, (tmp / "w2.log").read_text()[-3000:]
            assert ingest.wait(timeout=120) == 0, (tmp / "i2.log").read_text()[-3000:]
        finally:
            for process in processes:
                if process.poll() is None:
                    process.kill()
        _assert_exactly_once(db, expected)
        assert leftovers(client) == {"queued": 0, "inflight": 0, "stream": 0}


# -- SIGKILL of the extract stage, then a restart ------------------------------------------------------------
@pytest.fixture(scope="module")
def crawled_db(small_mirror, tmp_path_factory):
    """A crawled store and the same store fully extracted in one go (the reference)."""
    mirror, _ = small_mirror
    work = tmp_path_factory.mktemp("extract")
    db = work / "crawled.db"
    run_crawl(db, mirror, sources=["kompas"], since="2021-06-14", until="2021-06-14")
    reference = work / "reference.db"
    shutil.copy(db, reference)
    from db.store import Store
    from extract.stage import extract_pages

    store = Store(reference)
    extract_pages(store)  # in this process: the reference needs no kill
    store.close()
    return db, _extracted(reference)


def _extract(db, **kwargs):
    return subprocess.run([sys.executable, "-m", "pantau.cli", "extract", "--db", str(db)], cwd=REPO,
                          capture_output=True, text=True, timeout=300, **kwargs)


def _extracted(db) -> dict:
    with sqlite3.connect(db) as conn:
        return {
            "articles": sorted(conn.execute("select id, content_hash, status from articles").fetchall()),
            "claims": sorted(r[0] for r in conn.execute("select id from claims")),
            "pending": conn.execute("select count(*) from pages where kind = 'article' and extracted_at is null")
            .fetchone()[0],
            "revisions": conn.execute("select count(*) from article_revisions").fetchone()[0],
        }


def _extracted_pages(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from pages where extracted_at is not null").fetchone()[0]
    except sqlite3.Error:
        return 0


@settings(max_examples=2, deadline=None, derandomize=True, database=None, phases=[Phase.generate],
          suppress_health_check=list(HealthCheck))
@given(share=st.floats(0.0, 0.9))
def test_killed_extract_restart_matches_an_uninterrupted_run(crawled_db, share):
    source, reference = crawled_db
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "extract.db"
        shutil.copy(source, db)
        total = reference["pending"] + len(reference["articles"])
        process = subprocess.Popen([sys.executable, "-m", "pantau.cli", "extract", "--db", str(db)], cwd=REPO,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until(lambda: _extracted_pages(db) >= share * total or process.poll() is not None, timeout=120,
                       step=0.01, what="extract progress")
        finally:
            _kill(process)
        done = _extract(db)
        assert done.returncode == 0, done.stderr[-3000:]
        assert _extracted(db) == reference
        assert integrity(db) == "ok"


# -- the fault-injecting mirror with two workers -------------------------------------------------------------
def test_two_workers_through_a_faulty_mirror_store_every_article_once(tmp_path, redis_url, redis_server):
    plan = FaultPlan(0.2, seed=7, slow_seconds=0.3, max_per_path=2)
    server, mirror = serve_mirror(FIXTURE_SITES, fault_plan=plan)
    sources = fixture_sources()
    extra = ["--ignore-robots", "republika", "--set", "DOWNLOAD_TIMEOUT=10"]
    db = tmp_path / "faults.db"
    try:
        workers = [start(worker_command(redis_url, mirror, *extra, sources=sources, idle_exit=2.0),
                         tmp_path / f"w{i}.log") for i in (1, 2)]
        wait_for_workers(redis_server.client, *workers)
        ingest = start(ingest_command(redis_url, db, 1.0), tmp_path / "ingest.log")
        for i, process in enumerate([*workers, ingest]):
            assert process.wait(timeout=240) == 0, sorted(tmp_path.glob("*.log"))[i].read_text()[-3000:]
    finally:
        server.shutdown()
    assert sum(plan.injected.values()) > 5 and len(plan.injected) >= 3, plan.injected
    stored = article_counts(db)
    assert all(n == 1 for n in stored.values()), stored
    for outlet, urls in gold_articles(sources).items():
        missing = {canonical(u) for u in urls} - set(stored)
        assert not missing, (outlet, missing)
    assert integrity(db) == "ok"
    assert leftovers(redis_server.client) == {"queued": 0, "inflight": 0, "stream": 0}


# -- hostile pages: each handled on its own, with a counted reason -------------------------------------------
def _hostile_site(root: Path) -> dict[str, str]:
    """A Kompas day of ten articles, six of them replaced by hostile bodies; returns URL -> what it is."""
    written = build_site(root, ["kompas"], date(2021, 6, 14), days=1, per_day=10, per_page=20)["kompas"]
    normal = mirror_path(root, written[0] + "?page=all").read_bytes()
    bodies = {
        "truncated": normal[: len(normal) // 3],
        "misencoded": normal.decode("utf-8").replace("Teten", "T\u00e9t\u00e9n \u2013").encode("cp1252", "replace"),
        # declared utf-8, written in Windows-1252
        "not_html": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 64,  # a PDF saved as an article page
        "html_bomb": b"<html><body>" + b"<div>" * 100_000 + b"UMKM" + b"</div>" * 100_000 + b"</body></html>",
        "gzip_bomb": __import__("gzip").compress(b"<p>" + b"a" * 40_000_000),
        "gigantic": normal.replace(b"</body>", b"<p>" + b"kata " * 1_900_000 + b"</p></body>"),  # ~9.5 MB
    }
    kinds = {}
    for url, (kind, body) in zip(written[1:], bodies.items()):
        mirror_path(root, url + "?page=all").write_bytes(body)
        kinds[canonical(url)] = kind
    for url in written:
        kinds.setdefault(canonical(url), "normal")
    return kinds


def test_hostile_pages_are_handled_one_by_one_with_a_counted_reason(tmp_path):
    kinds = _hostile_site(tmp_path / "site")
    server, mirror = serve_mirror(tmp_path / "site")
    db = tmp_path / "hostile.db"
    try:
        stats = run_crawl(db, mirror, sources=["kompas"], since="2021-06-14", until="2021-06-14")
    finally:
        server.shutdown()
    assert stats["kompas"]["status"] == "finished"
    assert stats["kompas"]["errors_by_reason"].get("too_large") == 1  # the gigantic page: over DOWNLOAD_MAXSIZE
    done = _extract(db)
    assert done.returncode == 0, done.stderr[-3000:]
    extract_stats = json.loads(done.stdout)
    with sqlite3.connect(db) as conn:
        reasons = dict(conn.execute("select canonical_url, coalesce(extract_error, 'ok') from pages"
                                    " where kind = 'article'").fetchall())
        misencoded = next(u for u, k in kinds.items() if k == "misencoded")
        body = conn.execute("select body from pages where canonical_url = ?", [misencoded]).fetchone()[0]
    by_kind = {kinds[url]: reason for url, reason in reasons.items()}
    assert "gigantic" not in by_kind  # never archived
    assert by_kind["not_html"] == "binary"
    assert by_kind["gzip_bomb"] == "too_large"
    assert by_kind["html_bomb"] == "no_text"
    assert by_kind["truncated"] in ("no_text", "ok")
    assert by_kind["misencoded"] == "ok"
    from extract.article import extract_article

    title = extract_article(__import__("zlib").decompress(body), misencoded)["title"]
    assert "T\u00e9t\u00e9n \u2013 Kejar" in title, title  # decoded as Windows-1252, not as mojibake
    assert all(reason == "ok" for url, reason in reasons.items() if kinds[url] == "normal")
    failed = {r for r in reasons.values() if r != "ok"}
    assert failed and all(extract_stats["errors"].get(r, 0) >= 1 for r in failed), extract_stats
    assert sum(extract_stats["errors"].values()) == sum(1 for r in reasons.values() if r != "ok")
    assert integrity(db) == "ok"


# -- disk full while archiving -------------------------------------------------------------------------------
@pytest.fixture
def tiny_disk(tmp_path):
    """A tmpfs (needs root and mount) holding an empty store, shrunk to leave 400 KB free; grown afterwards with
    remount, as an operator would free space. Yields the store's path."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {made.stderr.decode().strip()}")
    try:
        db = mount / "full.db"
        from db.store import Store

        Store(db).close()  # the schema fits; the pages will not
        usage = os.statvfs(mount)
        used_kb = (usage.f_blocks - usage.f_bfree) * usage.f_frsize // 1024
        subprocess.run(["mount", "-o", f"remount,size={used_kb + 400}k", str(mount)], check=True)
        yield db
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _grow(db):
    subprocess.run(["mount", "-o", "remount,size=64m", str(db.parent)], check=True)


def test_disk_full_while_ingesting_is_a_clear_error_and_loses_nothing(redis_url, redis_server, small_mirror,
                                                                      tiny_disk, tmp_path):
    mirror, expected = small_mirror
    db = tiny_disk
    crawl = subprocess.run(worker_command(redis_url, mirror, sources=SOURCES, idle_exit=0.5), cwd=REPO,
                           capture_output=True, text=True, timeout=120)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    full = subprocess.run(ingest_command(redis_url, db, 0.5), cwd=REPO, capture_output=True, text=True, timeout=120)
    assert full.returncode == 1
    error_lines = [line for line in full.stderr.splitlines() if line.startswith("Error:")]
    assert len(error_lines) == 1 and "disk full while archiving" in error_lines[0], full.stderr[-2000:]
    assert "stay queued in Redis" in error_lines[0]
    assert integrity(db) == "ok"
    assert 0 < stream_pages(redis_server.client)  # what was not committed is still waiting
    _grow(db)
    again = subprocess.run(ingest_command(redis_url, db, 0.5), cwd=REPO, capture_output=True, text=True,
                           timeout=120)
    assert again.returncode == 0, again.stderr[-3000:]
    _assert_exactly_once(db, expected)
    assert leftovers(redis_server.client) == {"queued": 0, "inflight": 0, "stream": 0}


def test_disk_full_during_a_single_process_crawl_stops_it_cleanly(small_mirror, tiny_disk, tmp_path):
    mirror, expected = small_mirror
    db = tiny_disk
    out = tmp_path / "full.json"  # not on the full disk
    done = subprocess.run(crawl_command(db, mirror, sources=SOURCES, json_out=out), cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    full = json.loads(out.read_text())
    assert done.returncode == 1
    assert {full[s]["status"] for s in SOURCES} == {"failed:disk_full"}, {s: full[s]["status"] for s in SOURCES}
    assert "disk full while archiving" in done.stderr
    assert "Traceback" not in done.stderr
    assert integrity(db) == "ok"
    assert len(article_counts(db)) < len(expected)
    _grow(db)
    again = run_crawl(db, mirror, sources=SOURCES)
    assert {again[s]["status"] for s in SOURCES} == {"finished"}
    _assert_exactly_once(db, expected)
