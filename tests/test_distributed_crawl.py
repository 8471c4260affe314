"""Two workers of a shared scrapy-redis frontier plus one ingest writer, against a real redis-server.

One worker is SIGKILLed while it holds requests in flight: the other worker gets them back (the reaper requeues
the dead worker's in-flight hash) and every article ends up archived exactly once.
"""

from __future__ import annotations

import os
import signal
import subprocess

import pytest

from distributed_support import (article_counts, inflight_urls, ingest_command, integrity, leftovers, read_json,
                                 run_statuses, serve_synthetic, start, stored_articles, stream_pages,
                                 wait_for_workers, wait_until, worker_command)
from test_crawl_support import REPO, canonical

pytestmark = pytest.mark.slow
SOURCES = ["kompas", "liputan6"]


@pytest.fixture(scope="module")
def synthetic_mirror(tmp_path_factory):
    server, base, expected = serve_synthetic(tmp_path_factory.mktemp("site"), SOURCES, days=3, per_day=20)
    yield base, expected
    server.shutdown()


def test_two_workers_one_killed_every_article_archived_once(tmp_path, redis_url, redis_server, synthetic_mirror):
    mirror, expected = synthetic_mirror
    client = redis_server.client
    db = tmp_path / "dist.db"
    slow = ["--set", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "--set", "DOWNLOAD_DELAY=0.02"]
    survivor_out = tmp_path / "survivor.json"
    victim = start(worker_command(redis_url, mirror, *slow, sources=SOURCES), tmp_path / "victim.log")
    survivor = start(worker_command(redis_url, mirror, *slow, sources=SOURCES, json_out=survivor_out),
                     tmp_path / "survivor.log")
    wait_for_workers(client, victim, survivor)
    ingest = start(ingest_command(redis_url, db, 2.0), tmp_path / "ingest.log")
    try:
        # kill the victim once pages flow and it holds requests in flight
        held = wait_until(lambda: stream_pages(client) + stored_articles(db) > 30 and inflight_urls(client, victim.pid),
                          timeout=90, step=0.02, what="the victim to hold requests in flight")
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait(timeout=10)
        assert survivor.wait(timeout=180) == 0, (tmp_path / "survivor.log").read_text()[-3000:]
        assert ingest.wait(timeout=120) == 0, (tmp_path / "ingest.log").read_text()[-3000:]
    finally:
        for process in (victim, survivor, ingest):
            if process.poll() is None:
                process.kill()
    stored = article_counts(db)
    assert set(stored) == expected, f"lost {len(expected - set(stored))}: {sorted(expected - set(stored))[:5]}"
    assert all(n == 1 for n in stored.values()), [u for u, n in stored.items() if n > 1]
    assert {canonical(u) for u in held if "/read/" in u} <= set(stored)  # what it held in flight was fetched again
    survivor_log = (tmp_path / "survivor.log").read_text()
    assert "in-flight request(s) of dead worker" in survivor_log
    assert leftovers(client) == {"queued": 0, "inflight": 0, "stream": 0}
    assert integrity(db) == "ok"
    statuses = run_statuses(db)
    assert statuses["killed"] == 2 and statuses["finished"] == 2, statuses  # the victim's two runs, the survivor's
    survivor_stats = read_json(survivor_out)
    assert set(survivor_stats) == set(SOURCES)
    handed_on = sum(survivor_stats[s]["articles_queued_for_ingest"] for s in SOURCES)
    assert 0 < handed_on < len(expected) + len(held)  # it did a share of the work, the victim the rest
    # a second crawl with the same arguments fetches listings only: the ingest told the workers what is archived
    again = subprocess.run(worker_command(redis_url, mirror, sources=SOURCES, idle_exit=1.0, json_out=tmp_path / "2.json"),
                           capture_output=True, text=True, timeout=120, cwd=REPO)
    assert again.returncode == 0, again.stderr[-3000:]
    second = read_json(tmp_path / "2.json")
    assert sum(s.get("responses_by_kind", {}).get("article", 0) for s in second.values()) == 0
    assert sum(s["skipped_by_reason"].get("already_seen", 0) for s in second.values()) == len(expected)

