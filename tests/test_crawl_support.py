"""Helpers for the crawler tests: run a crawl subprocess against a mirror, read the store, expected article sets.

Crawls run as subprocesses (``python -m crawlers.run``) because Scrapy's reactor cannot restart in one process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import sqlite_utils

REPO = Path(__file__).resolve().parents[1]
FIXTURE_SITES = REPO / "tests" / "fixtures" / "sites"
GOLD_ARTICLES = REPO / "tests" / "gold" / "fixture_articles.jsonl"
SINCE, UNTIL = "2021-06-14", "2021-06-16"


def crawl_command(db, mirror, *args, sources=(), since=SINCE, until=UNTIL, json_out=None) -> list[str]:
    cmd = [sys.executable, "-m", "crawlers.run", "--db", str(db), "--mirror", mirror, "--quiet"]
    if since:
        cmd += ["--since", since]
    if until:
        cmd += ["--until", until]
    for source in sources:
        cmd += ["--source", source]
    if json_out:
        cmd += ["--json-out", str(json_out)]
    return cmd + list(args)


def run_crawl(db, mirror, *args, sources=(), since=SINCE, until=UNTIL, timeout=180, check=True) -> dict:
    out = Path(str(db) + f".stats-{os.getpid()}-{len(list(Path(db).parent.glob('*.stats*')))}.json")
    result = subprocess.run(
        crawl_command(db, mirror, *args, sources=sources, since=since, until=until, json_out=out),
        cwd=REPO, capture_output=True, text=True, timeout=timeout,
    )
    if check and not out.exists():
        raise AssertionError(f"crawl failed ({result.returncode}):\n{result.stderr[-6000:]}")
    stats = json.loads(out.read_text()) if out.exists() else {}
    stats["_stderr"] = result.stderr
    stats["_returncode"] = result.returncode
    return stats


def pages(db, kind=None, source=None) -> list[dict]:
    database = sqlite_utils.Database(db)
    where, params = [], []
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if source:
        where.append("source = ?")
        params.append(source)
    sql = "select id, url, canonical_url, source, kind, status, content_hash, feed_date from pages"
    if where:
        sql += " where " + " and ".join(where)
    return list(database.query(sql + " order by id", params))


def runs(db) -> list[dict]:
    return list(sqlite_utils.Database(db).query("select * from crawl_runs order by id"))


def gold_articles(outlets=None, since=SINCE, until=UNTIL) -> dict[str, set[str]]:
    """Gold fixture article URLs per outlet whose publication day lies in the range."""
    out: dict[str, set[str]] = {}
    for line in GOLD_ARTICLES.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if outlets and row["outlet"] not in outlets:
            continue
        day = (row.get("published") or "")[:10]
        if since and day and not since <= day <= until:
            continue
        out.setdefault(row["outlet"], set()).add(row["url"])
    return out


def canonical(url: str) -> str:
    from crawlers.canon import canonical_article_url

    return canonical_article_url(url)


def fixture_sources() -> list[str]:
    """Registered sources with a fixture site (the same rule as the demo)."""
    from crawlers.registry import sources

    hosts = {p.name for p in FIXTURE_SITES.iterdir()} if FIXTURE_SITES.is_dir() else set()
    return [s.name for s in sources() if any(h in hosts for h in s.hosts)]



def serve_mirror(directory, fault_plan=None):
    """The lead's mirror server (pantau.mirror), on loopback in a daemon thread."""
    from pantau.mirror import serve_in_thread as serve

    return serve(directory, fault_plan=fault_plan)
