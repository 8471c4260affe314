"""Run a crawl: :func:`crawl` from Python, or ``python -m crawlers.run`` from a shell.

One crawl per process: Scrapy's Twisted reactor cannot be restarted, so tests and tools run crawls as
subprocesses (``python -m crawlers.run ...`` or ``pantau crawl ...``).
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

log = logging.getLogger("pantau.crawl")

WIB = timezone(timedelta(hours=7))


def _is_loopback(url: str | None) -> bool:
    if not url:
        return False
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _iso_day(value) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, (date, datetime)):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    return date.fromisoformat(str(value)[:10]).isoformat()


def build_settings(db_path=None, sources=None, since=None, until=None, mirror=None, ignore_robots=(),
                   contact_url=None, settings=None, log_progress=True, *, refetch=False, recheck_days=None,
                   methods=None, topic_prefilter=None, warc_dir=None, redis_url=None, idle_exit=None):
    from scrapy.settings import Settings

    from crawlers import registry
    from db.store import default_db_path

    conf = Settings()
    conf.setmodule("crawlers.settings", priority="project")
    db_path = Path(db_path) if db_path else default_db_path()
    names = [s.lower() for s in (sources or registry.names())]
    unknown = [n for n in names if n not in registry.names()]
    if unknown:
        raise ValueError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(registry.names())}")
    ignore = sorted({s.lower() for s in (ignore_robots or ())})
    bad = [n for n in ignore if n not in registry.names()]
    if bad:
        raise ValueError(f"--ignore-robots names unknown source(s): {', '.join(bad)}")
    today = datetime.now(WIB).date()
    since, until = _iso_day(since), _iso_day(until)
    if not since and not until:
        since, until = (today - timedelta(days=1)).isoformat(), today.isoformat()
    elif since and not until:
        until = today.isoformat()
    elif until and not since:
        since = until
    mirror = mirror or os.environ.get("PANTAU_MIRROR") or None
    contact = contact_url or os.environ.get("PANTAU_CONTACT") or conf.get("PANTAU_CONTACT_URL")
    conf.set("PANTAU_CONTACT_URL", contact, priority="cmdline")
    conf.set("USER_AGENT", f"Pantau/{conf.get('PANTAU_VERSION')} (+{contact})", priority="cmdline")
    if mirror and _is_loopback(mirror):
        for key, value in conf.getdict("PANTAU_LOOPBACK_OVERRIDES").items():
            conf.set(key, value, priority="cmdline")
    values = {
        "PANTAU_DB": str(db_path),
        "PANTAU_MIRROR": mirror.rstrip("/") if mirror else None,
        "PANTAU_SINCE": since,
        "PANTAU_UNTIL": until,
        "PANTAU_IGNORE_ROBOTS": ignore,
        "PANTAU_REFETCH": bool(refetch),
        "PANTAU_RECHECK_DAYS": recheck_days,
        "PANTAU_METHODS": methods,
    }
    if topic_prefilter is not None:
        values["PANTAU_TOPIC_PREFILTER"] = bool(topic_prefilter)
    if warc_dir:
        values["PANTAU_WARC_DIR"] = str(warc_dir)
    if not log_progress:
        values["PANTAU_PROGRESS_INTERVAL"] = 0
    for key, value in values.items():
        conf.set(key, value, priority="cmdline")
    for key, value in (settings or {}).items():
        conf.set(key, value, priority="cmdline")
    run_args = {
        "sources": names, "since": since, "until": until, "mirror": conf.get("PANTAU_MIRROR"),
        "ignore_robots": ignore, "contact_url": contact, "user_agent": conf.get("USER_AGENT"),
        "refetch": conf.getbool("PANTAU_REFETCH"), "recheck_days": conf.get("PANTAU_RECHECK_DAYS"),
        "methods": conf.get("PANTAU_METHODS"), "topic_prefilter": conf.getbool("PANTAU_TOPIC_PREFILTER"),
        "download_delay": conf.getfloat("DOWNLOAD_DELAY"), "pid": os.getpid(),
    }
    conf.set("PANTAU_RUN_ARGS", run_args, priority="cmdline")
    if redis_url:  # a worker of a shared frontier: no database here, pages go to Redis for `pantau ingest`
        from crawlers.distributed import configure

        configure(conf, redis_url, idle_exit)
    return conf, names


def crawl(db_path=None, sources=None, since=None, until=None, mirror=None, ignore_robots=(), contact_url=None,
          settings=None, log_progress=True, *, refetch=False, recheck_days=None, methods=None,
          topic_prefilter=None, warc_dir=None, redis_url=None, idle_exit=None) -> dict:
    """Crawl ``sources`` (default: all registered) for publication days ``since..until``; returns per-source stats.

    Runs a Scrapy CrawlerProcess in this process, one crawler per source (call once per process). Every response
    is archived through ``Store.save_page`` and a WARC file; ``crawl_runs`` gets one row per source.
    ``mirror`` (or env ``PANTAU_MIRROR``) fetches real URLs from a mirror server. ``ignore_robots`` is the
    explicit opt-in per source (logged, recorded in the run's args). ``settings`` overrides any Scrapy or
    ``PANTAU_*`` setting. ``refetch`` re-requests already-seen articles conditionally (ETag/Last-Modified).
    """
    from scrapy.crawler import CrawlerProcess

    from crawlers import registry
    from crawlers.archive import _warcs
    from crawlers.extensions import RESULTS

    conf, names = build_settings(db_path, sources, since, until, mirror, ignore_robots, contact_url, settings,
                                 log_progress, refetch=refetch, recheck_days=recheck_days, methods=methods,
                                 topic_prefilter=topic_prefilter, warc_dir=warc_dir, redis_url=redis_url,
                                 idle_exit=idle_exit)
    root = logging.getLogger()
    conf.set("LOG_INSTALL_ROOT_HANDLER", not root.handlers, priority="cmdline")
    process = CrawlerProcess(conf)
    if conf.get("LOG_LEVEL") != "DEBUG":
        # one line per crawler for settings, middlewares and engine events is noise next to Pantau's own
        # per-source progress and summary lines (and Scrapy's LOG_LEVEL does not apply to a caller's handlers)
        logging.getLogger("scrapy").setLevel(logging.INFO)
        for name in ("scrapy.crawler", "scrapy.middleware", "scrapy.core.engine", "scrapy.extensions",
                     "scrapy.addons", "scrapy.utils.log", "scrapy.statscollectors", "scrapy.core.scraper"):
            logging.getLogger(name).setLevel(logging.WARNING)
        # Scrapy logs a traceback for an unreachable robots.txt; Pantau logs one line and records it
        logging.getLogger("scrapy.downloadermiddlewares.robotstxt").setLevel(logging.CRITICAL)
    ignore = conf.getlist("PANTAU_IGNORE_ROBOTS")
    if ignore:
        log.warning("robots.txt will NOT be obeyed for: %s (explicit opt-in, recorded in crawl_runs.args)",
                    ", ".join(ignore))
    log.info("crawl %s..%s of %s%s as %r", conf.get("PANTAU_SINCE"), conf.get("PANTAU_UNTIL"), ", ".join(names),
             f" via mirror {conf.get('PANTAU_MIRROR')}" if conf.get("PANTAU_MIRROR") else "", conf.get("USER_AGENT"))
    RESULTS.clear()
    if not redis_url:  # a worker has no database: the ingest closes the runs of dead workers
        close_dead_runs(conf.get("PANTAU_DB"))
    for name in names:
        process.crawl(registry.spider_class(name))
    process.start()
    for archive in list(_warcs.values()):
        archive.close()
    _warcs.clear()
    results = {name: RESULTS.get(name, {"status": "not_run"}) for name in names}
    return results


def _alive(pid) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, ValueError, TypeError):
        return False
    except PermissionError:
        return True
    return True


def close_dead_runs(db_path) -> list[int]:
    """Mark ``running`` crawl_runs rows whose process is gone (killed, crashed) as ``killed``."""
    from crawlers.archive import get_store

    store = get_store(db_path)
    closed = []
    rows = store.db.execute("select id, args from crawl_runs where status = 'running'").fetchall()
    for run_id, args in rows:
        try:
            pid = json.loads(args or "{}").get("pid")
        except ValueError:
            pid = None
        if pid and not _alive(pid) or (pid and int(pid) == os.getpid()):
            store.finish_run(run_id, {"notes": ["the crawl process ended without closing this run (killed?)"]},
                             status="killed")
            closed.append(run_id)
    if closed:
        log.warning("marked %d run(s) of dead crawl processes as killed: %s", len(closed), closed)
    return closed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawlers.run", description=__doc__)
    parser.add_argument("--db", dest="db_path", help="SQLite store (default: env PANTAU_DB or data/pantau.db)")
    parser.add_argument("--source", dest="sources", action="append", help="source name (repeatable; default all)")
    parser.add_argument("--since", help="first publication day YYYY-MM-DD")
    parser.add_argument("--until", help="last publication day YYYY-MM-DD")
    parser.add_argument("--mirror", help="mirror base URL (env PANTAU_MIRROR)")
    parser.add_argument("--ignore-robots", dest="ignore_robots", action="append", default=[], metavar="SOURCE")
    parser.add_argument("--contact", dest="contact_url", help="contact URL for the User-Agent")
    parser.add_argument("--refetch", action="store_true", help="re-request seen articles (conditional GET)")
    parser.add_argument("--recheck-days", type=float, help="re-request articles first seen within N days")
    parser.add_argument("--methods", help="comma-separated discovery kinds or source:kind (default per source)")
    parser.add_argument("--topic-prefilter", action="store_true", help="skip listing links with off-topic titles")
    parser.add_argument("--warc-dir", help="directory for WARC files (default: <db dir>/warc)")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                        help="override a setting (value parsed as JSON when possible)")
    parser.add_argument("--redis", dest="redis_url", help="be a worker of the shared frontier at this Redis URL")
    parser.add_argument("--idle-exit", type=float, help="with --redis: exit once the shared queue is empty this long")
    parser.add_argument("--json-out", help="also write the per-source stats to this file")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    overrides = {}
    for item in args.overrides:
        key, _, raw = item.partition("=")
        try:
            overrides[key] = json.loads(raw)
        except json.JSONDecodeError:
            overrides[key] = raw
    stats = crawl(
        args.db_path, sources=args.sources, since=args.since, until=args.until, mirror=args.mirror,
        ignore_robots=tuple(args.ignore_robots), contact_url=args.contact_url, settings=overrides,
        log_progress=not args.quiet, refetch=args.refetch, recheck_days=args.recheck_days,
        methods=args.methods.split(",") if args.methods else None,
        topic_prefilter=True if args.topic_prefilter else None, warc_dir=args.warc_dir,
        redis_url=args.redis_url, idle_exit=args.idle_exit,
    )
    text = json.dumps(stats, indent=2, ensure_ascii=False, default=str)
    if args.json_out:
        Path(args.json_out).write_text(text, encoding="utf-8")
    print(text)
    failed = [s for s, v in stats.items() if str(v.get("status", "")).startswith("failed") or v.get("status") == "not_run"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
