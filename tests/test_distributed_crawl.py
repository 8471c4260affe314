"""Two workers of a shared scrapy-redis frontier plus one ingest writer, against a real redis-server.

One worker is SIGKILLed while it holds requests in flight: the other worker gets them back (the reaper requeues
the dead worker's in-flight hash) and every article ends up archived exactly once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from datetime import date

import pytest

from distributed_support import (article_counts, inflight_urls, ingest_command, integrity, leftovers, read_json,
                                 run_statuses, serve_synthetic, start, stored_articles, stream_pages,
                                 wait_for_workers, wait_until, worker_command)
from crawlers.synthetic import build_site
from test_crawl_support import REPO, canonical, serve_mirror

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
    assert " ERROR: " not in survivor_log and "Traceback" not in survivor_log, survivor_log[-3000:]
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



class ArrivalLog:
    """Stands in for a fault plan in the mirror: injects nothing, notes when each request arrived."""

    slow_seconds = 0

    def __init__(self):
        self.arrivals: list[tuple[float, str]] = []

    def pick(self, path):
        self.arrivals.append((time.monotonic(), path))
        return None


def test_workers_share_the_per_host_pace(tmp_path, redis_url, redis_server):
    """Two workers with a 0.3 s delay start at most one request per host every 0.3 s between them."""
    arrivals = ArrivalLog()
    written = build_site(tmp_path / "site", ["kompas"], date(2021, 6, 14), days=1, per_day=12, per_page=20)
    server, mirror = serve_mirror(tmp_path / "site", fault_plan=arrivals)
    # each worker holds at most two requests, so both fetch the same host at the same time
    pace = ["--set", "DOWNLOAD_DELAY=0.3", "--set", "CONCURRENT_REQUESTS=2", "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]
    try:
        workers = [start(worker_command(redis_url, mirror, *pace, sources=["kompas"], since="2021-06-14",
                                        until="2021-06-14", idle_exit=1.0, json_out=tmp_path / f"w{i}.json"),
                         tmp_path / f"w{i}.log") for i in (1, 2)]
        for process in workers:
            assert process.wait(timeout=120) == 0
    finally:
        server.shutdown()
    articles = sorted(t for t, path in arrivals.arrivals if path.startswith("/money.kompas.com/read/"))
    assert len(articles) == len(written["kompas"])
    fetched_by = [read_json(tmp_path / f"w{i}.json")["kompas"]["responses_by_kind"].get("article", 0) for i in (1, 2)]
    assert min(fetched_by) > 0, fetched_by  # both workers fetched from the host
    gaps = [b - a for a, b in zip(articles, articles[1:])]
    assert min(gaps) > 0.15, gaps  # never two at once (a little slack for thread scheduling in the mirror)
    assert articles[-1] - articles[0] >= 0.9 * 0.3 * (len(articles) - 1), gaps


def test_host_pace_spaces_reservations_of_different_workers(redis_server, redis_url):
    import redis

    from crawlers.shared_pace import HostPace

    first, second = (HostPace(redis.Redis.from_url(redis_url)) for _ in range(2))
    starts = []
    for i in range(6):
        pace = first if i % 2 else second
        wait = pace.reserve("a.example", 0.2)
        starts.append(time.monotonic() + wait)  # the turn given, on this clock (read just after Redis answered)
    assert all(b - a >= 0.18 for a, b in zip(starts, starts[1:])), starts
    assert first.reserve("b.example", 0.2) == 0.0  # another host has its own turn
    time.sleep(max(starts) - time.monotonic() + 0.25)
    assert second.reserve("a.example", 0.2) == 0.0  # once the turns have passed, no wait


def test_cli_errors_are_one_clear_line(tmp_path):
    from conftest import free_port, pantau

    dead = f"redis://127.0.0.1:{free_port()}/0"
    for args in (["ingest", "--redis", dead, "--db", str(tmp_path / "x.db")], ["crawl", "--redis", dead],
                 ["crawl", "--idle-exit", "5", "--db", str(tmp_path / "x.db")]):
        result = pantau(*args, check=False, timeout=60)
        assert result.returncode != 0, args
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and ("cannot reach Redis" in errors[0] or "--redis" in errors[0]), result.stderr
    assert not (tmp_path / "x.db").exists()  # nothing was started
