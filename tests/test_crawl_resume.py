"""A crawl killed with SIGKILL mid-run and started again completes the set without duplicates or losses."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from datetime import date

import pytest

from crawlers.synthetic import build_site
from test_crawl_support import REPO, canonical, crawl_command, pages, run_crawl, serve_mirror

pytestmark = pytest.mark.slow


def _article_count(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from pages where kind = 'article'").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_then_resume_completes_without_duplicates(tmp_path):
    site = tmp_path / "site"
    written = build_site(site, ["kompas", "liputan6"], date(2021, 6, 14), days=3, per_day=40, per_page=10)
    expected = {canonical(u) for urls in written.values() for u in urls}
    assert len(expected) == 240
    server, base = serve_mirror(site)
    db = tmp_path / "resume.db"
    slow = ["--set", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "--set", "DOWNLOAD_DELAY=0.03"]
    try:
        process = subprocess.Popen(crawl_command(db, base, *slow, sources=["kompas", "liputan6"]), cwd=REPO,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while _article_count(db) < 40 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert process.poll() is None, "the crawl finished before it could be killed: make it slower"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        killed_at = _article_count(db)
        assert 0 < killed_at < len(expected)

        stats = run_crawl(db, base, sources=["kompas", "liputan6"])
        stored = Counter(p["canonical_url"] for p in pages(db, kind="article"))
        assert set(stored) == expected, f"lost: {len(expected - set(stored))}"
        assert all(n == 1 for n in stored.values()), "duplicate article pages after resume"
        assert sum(stats[s]["new"] for s in ("kompas", "liputan6")) == len(expected) - killed_at
        assert sum(stats[s]["skipped_by_reason"].get("already_seen", 0) for s in ("kompas", "liputan6")) == killed_at
        with sqlite3.connect(db) as conn:
            statuses = dict(conn.execute("select id, status from crawl_runs").fetchall())
        assert list(statuses.values()).count("killed") >= 1  # the killed run is closed as such by the next crawl
        assert list(statuses.values()).count("finished") == 2

        third = run_crawl(db, base, sources=["kompas", "liputan6"])
        assert all(third[s].get("responses_by_kind", {}).get("article", 0) == 0 for s in ("kompas", "liputan6"))
    finally:
        server.shutdown()
