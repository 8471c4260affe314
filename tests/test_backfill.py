"""A multi-day backfill over a synthetic mirror: day batches with progress and ETA, a cursor of finished days, and a
backfill killed with SIGKILL that, started again, does not walk its finished days again and loses nothing."""

from __future__ import annotations

import glob
import os
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from datetime import date

import pytest
import sqlite_utils

from crawlers.synthetic import build_site
from db.ops import cursor
from test_crawl_support import REPO, canonical, crawl_command, pages, run_crawl, serve_mirror

pytestmark = pytest.mark.slow
SINCE, UNTIL, DAYS = "2020-01-01", "2020-01-12", 12
BATCHES = ["--set", "PANTAU_BACKFILL_BATCH_DAYS=2"]


def _done_days(db) -> set[str]:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return {r[0] for r in conn.execute("select day from backfill_days where source = 'kompas'")}
    except sqlite3.Error:
        return set()


def _listing_days_in_warc(path) -> Counter:
    from warcio.archiveiterator import ArchiveIterator

    days = Counter()
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle):
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            if record.rec_type == "response" and "indeks.kompas.com" in uri and "date=" in uri:
                days[uri.split("date=")[1][:10]] += 1
    return days


def test_a_killed_backfill_resumes_after_its_finished_days(tmp_path):
    site = tmp_path / "site"
    written = build_site(site, ["kompas"], date(2020, 1, 1), days=DAYS, per_day=6, per_page=3)
    expected = {canonical(u) for u in written["kompas"]}
    server, base = serve_mirror(site)
    db = tmp_path / "backfill.db"
    slow = ["--set", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "--set", "DOWNLOAD_DELAY=0.08", *BATCHES]
    try:
        process = subprocess.Popen(crawl_command(db, base, *slow, sources=["kompas"], since=SINCE, until=UNTIL),
                                   cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 90
        while len(_done_days(db)) < 4 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert process.poll() is None, "the backfill finished before it could be killed: make it slower"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        finished = _done_days(db)
        assert 4 <= len(finished) < DAYS
        assert finished == {f"2020-01-{d:02d}" for d in range(1, len(finished) + 1)}  # oldest first, no gaps
        warcs_before = set(glob.glob(str(db.parent / "warc" / "*.warc.gz")))

        stats = run_crawl(db, base, *BATCHES, sources=["kompas"], since=SINCE, until=UNTIL)
    finally:
        server.shutdown()
    log = stats["_stderr"]
    assert f"kompas: backfill of {DAYS - len(finished)} days ({len(finished)} already done)" in log
    assert f"kompas: backfill 2/{DAYS - len(finished)} days (through " in log and "days/h" in log and "ETA" in log

    resumed_warc = set(glob.glob(str(db.parent / "warc" / "*.warc.gz"))) - warcs_before
    walked = sum((_listing_days_in_warc(path) for path in resumed_warc), Counter())
    assert walked and not set(walked) & finished  # no finished day's listing is fetched again
    assert set(walked) == {f"2020-01-{d:02d}" for d in range(len(finished) + 1, DAYS + 1)}

    stored = Counter(p["canonical_url"] for p in pages(db, kind="article"))
    assert set(stored) == expected and max(stored.values()) == 1  # nothing lost, nothing twice
    assert _done_days(db) == {f"2020-01-{d:02d}" for d in range(1, DAYS + 1)}
    assert cursor(sqlite_utils.Database(db), "kompas") == UNTIL


def test_a_short_range_walks_every_day_again(tmp_path):
    site = tmp_path / "site"
    build_site(site, ["kompas"], date(2020, 3, 1), days=3, per_day=4, per_page=2)
    server, base = serve_mirror(site)
    db = tmp_path / "short.db"
    try:
        first = run_crawl(db, base, sources=["kompas"], since="2020-03-01", until="2020-03-03")
        second = run_crawl(db, base, sources=["kompas"], since="2020-03-01", until="2020-03-03")
    finally:
        server.shutdown()
    assert "backfill" not in first["_stderr"]  # three days are a daily crawl, not a backfill
    assert first["kompas"]["responses_by_kind"]["listing"] == second["kompas"]["responses_by_kind"]["listing"] > 3
    assert _done_days(db) == {"2020-03-01", "2020-03-02", "2020-03-03"}


def test_a_day_with_a_failure_is_not_finished_and_recent_days_never_are(tmp_path):
    from datetime import datetime, timedelta, timezone

    from test_spider_discovery import make_spider

    today = datetime.now(timezone(timedelta(hours=7))).date()
    spider = make_spider("kompas", tmp_path, PANTAU_SINCE=(today - timedelta(days=9)).isoformat(),
                         PANTAU_UNTIL=today.isoformat(), PANTAU_BACKFILL_BATCH_DAYS=10)
    requests = list(spider.initial_requests())
    assert spider.day_batches.is_backfill and spider.day_batches.total_days == 10
    dated = [r for r in requests if "indeks.kompas.com" in r.url]
    assert len(dated) == 10 and [r.meta["pantau_day"] for r in dated] == sorted(r.meta["pantau_day"] for r in dated)
    failed_day = (today - timedelta(days=5)).isoformat()
    spider.day_batches.failed(failed_day)
    spider.day_batches._record_batch()
    done = _done_days(tmp_path / "unit.db")
    expected = {(today - timedelta(days=n)).isoformat() for n in range(2, 10)} - {failed_day}
    assert done == expected  # the failed day and the last two (still growing) are walked again next time
    again = make_spider("kompas", tmp_path, PANTAU_SINCE=(today - timedelta(days=9)).isoformat(),
                        PANTAU_UNTIL=today.isoformat())
    days = {r.meta["pantau_day"] for r in again.initial_requests() if "indeks.kompas.com" in r.url}
    assert days == {(today - timedelta(days=n)).isoformat() for n in range(10)} - expected
