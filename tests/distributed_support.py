"""Helpers for the distributed-crawl tests: worker and ingest subprocesses, and what Redis holds about them."""

from __future__ import annotations

import json
import pickle
import sqlite3
import subprocess
import sys
import time
from collections import Counter

from test_crawl_support import REPO, SINCE, UNTIL

# fast heartbeats so that a killed worker is declared dead within seconds
FAST = ["--set", "PANTAU_REDIS_HEARTBEAT=0.3", "--set", "PANTAU_REDIS_WORKER_TTL=1.5"]


def worker_command(redis_url, mirror, *extra, sources, since=SINCE, until=UNTIL, idle_exit=2.0, json_out=None):
    cmd = [sys.executable, "-m", "crawlers.run", "--redis", redis_url, "--mirror", mirror, "--quiet",
           "--since", since, "--until", until, *FAST]
    if idle_exit is not None:
        cmd += ["--idle-exit", str(idle_exit)]
    for source in sources:
        cmd += ["--source", source]
    if json_out:
        cmd += ["--json-out", str(json_out)]
    return cmd + list(extra)


def start(cmd, log_path) -> subprocess.Popen:
    handle = open(log_path, "ab")
    return subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=handle)


def ingest_command(redis_url, db, idle_exit=2.0, *extra):
    cmd = [sys.executable, "-m", "pantau.cli", "ingest", "--redis", redis_url, "--db", str(db), *extra]
    if idle_exit is not None:
        cmd += ["--idle-exit", str(idle_exit)]
    return cmd


def wait_for_workers(client, *processes, timeout=90.0):
    """Until these worker processes beat (an ingest with --idle-exit started before any worker would exit at once)."""

    def beating():
        members = [m.decode() for m in client.zrange("pantau:workers", 0, -1)]
        return all(any(f":{p.pid}:" in m for m in members) for p in processes)

    return wait_until(beating, timeout=timeout, what="the workers' heartbeats")


def wait_until(predicate, timeout=60.0, step=0.05, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def inflight_urls(client, pid: int) -> list[str]:
    """URLs the worker process ``pid`` holds in flight (popped from the shared queue, not yet acknowledged)."""
    urls = []
    for key in client.scan_iter(match="pantau:job:*:inflight:*"):
        if f":{pid}:" not in key.decode():
            continue
        for data in client.hvals(key):
            urls.append(pickle.loads(data)["url"])
    return urls


def stored_articles(db) -> int:
    """Article pages in the store, read while another process writes it (0 before it exists)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from pages where kind = 'article'").fetchone()[0]
    except sqlite3.Error:
        return 0


def serve_synthetic(site, sources, days: int, per_day: int):
    """A generated mirror of ``sources`` served on loopback: (server, base URL, expected canonical article URLs)."""
    from datetime import date

    from crawlers.synthetic import build_site
    from test_crawl_support import canonical, serve_mirror

    written = build_site(site, sources, date(2021, 6, 14), days=days, per_day=per_day, per_page=10)
    server, base = serve_mirror(site)
    return server, base, {canonical(u) for urls in written.values() for u in urls}


def stream_pages(client) -> int:
    return client.xlen("pantau:pages")


def article_counts(db) -> Counter:
    with sqlite3.connect(db) as conn:
        return Counter(r[0] for r in conn.execute("select canonical_url from pages where kind = 'article'"))


def integrity(db) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("pragma integrity_check").fetchone()[0]


def leftovers(client) -> dict:
    """What Redis still holds once a crawl is over: nothing queued, nothing in flight, nothing to ingest."""
    queued = sum(client.zcard(k) for k in client.scan_iter(match="pantau:job:*:requests"))
    inflight = sum(client.hlen(k) for k in client.scan_iter(match="pantau:job:*:inflight:*"))
    pending = client.xlen("pantau:pages") if client.exists("pantau:pages") else 0
    return {"queued": queued, "inflight": inflight, "stream": pending}


def run_statuses(db) -> Counter:
    with sqlite3.connect(db) as conn:
        return Counter(r[0] for r in conn.execute(
            "select status from crawl_runs where json_extract(args, '$.run_token') is not null"))


def read_json(path) -> dict:
    return json.loads(open(path, encoding="utf-8").read())
