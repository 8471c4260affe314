"""Run bookkeeping: one ``crawl_runs`` row per source and run, progress lines while it runs."""

from __future__ import annotations

import logging
import time

from scrapy import signals
from twisted.internet import task

from crawlers.archive import get_store
from crawlers.runstate import get_run

log = logging.getLogger("pantau.crawl")

RESULTS: dict[str, dict] = {}  # source -> final stats of this process's run (read by crawlers.run.crawl)


class RunRecorder:
    def __init__(self, crawler):
        self.crawler = crawler
        self.settings = crawler.settings
        self.interval = crawler.settings.getfloat("PANTAU_PROGRESS_INTERVAL")
        self._loop = None

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        run = get_run(self.crawler)
        store = get_store(self.settings.get("PANTAU_DB"))
        record = getattr(spider, "source", None)
        if record is not None:
            desc = record.describe()
            store.upsert_source(
                record.name, label=record.label, hosts=list(record.hosts), methods=desc["method_details"],
                needs_js=list(record.needs_js), notes=" | ".join([*record.notes, record.robots, record.access]).strip(" |"),
            )
        args = dict(self.settings.getdict("PANTAU_RUN_ARGS"))
        args["source"] = run.source
        run.run_id = store.start_run(run.source, args)
        if record is not None and record.needs_js:
            run.skip("needs_js", len(record.needs_js))
            log.info("%s: not crawled, needs JavaScript: %s", run.source, "; ".join(record.needs_js))
        if run.source in {s.lower() for s in self.settings.getlist("PANTAU_IGNORE_ROBOTS")}:
            log.warning("%s: robots.txt will NOT be obeyed (explicit --ignore-robots opt-in, recorded in run %s)",
                        run.source, run.run_id)
        if self.interval > 0:
            self._loop = task.LoopingCall(self.log_progress)
            self._loop.start(self.interval, now=False)

    def log_progress(self):
        run = get_run(self.crawler)
        elapsed = max(time.monotonic() - run.started, 1e-9)
        done = sum(run.responses_by_status.values())
        rate = done / elapsed
        line = (
            f"{run.source}: {run.requests} requests, {done} responses ({rate:.1f}/s), listings {run.listings}, "
            f"articles {run.articles_done}/{run.discovered} (new {run.outcomes['new']}, updated "
            f"{run.outcomes['updated']}, unchanged {run.outcomes['unchanged']}), skipped {sum(run.skipped.values())},"
            f" errors {sum(run.errors.values())}"
        )
        batches = getattr(getattr(self.crawler, "spider", None), "day_batches", None)
        if batches is not None and batches.is_backfill:
            line += "; " + batches.progress_line().split(": ", 1)[1]
        pending = run.discovered - run.articles_done
        if pending > 0 and run.articles_done:
            article_rate = run.articles_done / elapsed
            line += f", ETA {pending / article_rate:.0f}s (articles queued so far)"
        log.info(line)

    def spider_closed(self, spider, reason):
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        run = get_run(self.crawler)
        stats = run.as_stats()
        fetched_ok = sum(v for k, v in run.responses_by_status.items() if 200 <= int(k) < 400)
        if run.blocked or reason == "blocked":
            status = "blocked"
        elif run.robots_blocked and not run.content_responses:
            unreachable = run.skipped["robots_unreachable"] + run.skipped["robots_unavailable"]
            status = "unreachable" if unreachable and not run.skipped["robots_disallowed"] else "blocked_by_robots"
        elif reason == "finished":
            status = "finished"
        else:
            status = f"failed:{reason}" if reason not in ("shutdown",) else "interrupted"
        stats.update(
            retries=self.crawler.stats.get_value("retry/count", 0),
            discovered=run.discovered,
            close_reason=reason,
            ok_responses=fetched_ok,
        )
        if run.blocked_statuses:
            stats["blocked_statuses"] = {str(k): v for k, v in run.blocked_statuses.items()}
        if run.notes:
            stats["notes"] = list(run.notes)
        run.status = status
        store = get_store(self.settings.get("PANTAU_DB"))
        try:
            store.finish_run(run.run_id, stats, status=status)
        except Exception:
            log.exception("%s: could not record the run", run.source)
        stats["status"] = status
        stats["run_id"] = run.run_id
        RESULTS[run.source] = stats
        log.info("%s: %s — %s", run.source, status, _summary(stats))


def _summary(stats: dict) -> str:
    keys = ("requests", "new", "updated", "unchanged", "errors", "robots_blocked", "duration_s")
    text = ", ".join(f"{k}={stats.get(k)}" for k in keys)
    if stats.get("skipped_by_reason"):
        text += f", skipped={stats['skipped_by_reason']}"
    if stats.get("errors_by_reason"):
        text += f", errors_by_reason={stats['errors_by_reason']}"
    return text
