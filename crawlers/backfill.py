"""Walking dated listings day by day, in batches, with a cursor that survives a killed process.

A spider's dated-index walks are scheduled ``PANTAU_BACKFILL_BATCH_DAYS`` days at a time (oldest first). When the
crawler goes idle every request of the batch has settled and every fetched page is archived, so the batch's days
are recorded in ``backfill_days`` (per source and listing URL template) unless one of their pages failed in a way a
later crawl could fix (5xx, timeout, connection error, block). Then the next batch is scheduled.

A range longer than ``PANTAU_BACKFILL_MIN_DAYS`` is a *backfill*: days already recorded are not walked again, so a
backfill killed at any moment and started again goes on where it stopped (at most one batch is redone), and every
batch logs the days done, the rate and an ETA. Shorter ranges (the daily crawl) walk every day, as before, so
articles added to a listing later in the day are still found. A day is only recorded once it is
``PANTAU_BACKFILL_SETTLED_DAYS`` old (today's listing is still growing). ``--refetch`` walks every day.
Politeness is unchanged: the batches go through the same scheduler, delays, AutoThrottle and robots.txt rules.
"""

from __future__ import annotations

import logging
import time
from datetime import date, datetime, timedelta, timezone

from scrapy.exceptions import DontCloseSpider

log = logging.getLogger("pantau.crawl")
WIB = timezone(timedelta(hours=7))


class DayBatches:
    def __init__(self, spider):
        self.spider = spider
        settings = spider.crawler.settings
        self.batch_days = max(1, settings.getint("PANTAU_BACKFILL_BATCH_DAYS", 7))
        self.min_days = settings.getint("PANTAU_BACKFILL_MIN_DAYS", 7)
        self.settled_days = settings.getint("PANTAU_BACKFILL_SETTLED_DAYS", 2)
        self.redo = settings.getbool("PANTAU_REFETCH")
        self.walks: list[tuple[int, object, date]] = []  # (method index, method, day) still to schedule
        self.batch: list[tuple[int, object, date]] = []
        self.failed_days: set[str] = set()
        self.total_days = 0
        self.skipped_days = 0
        self.done_days = 0
        self.started = time.monotonic()

    @property
    def is_backfill(self) -> bool:
        return len(self.spider.days()) > self.min_days

    def _store(self):
        from crawlers.archive import get_store

        return get_store(self.spider.crawler.settings.get("PANTAU_DB"))

    def plan(self, dated: list[tuple[int, object]]):
        """Every (method, day) walk of the range, minus the days a backfill already finished."""
        from db.ops import done_days

        days = self.spider.days()
        skip_done = self.is_backfill and not self.redo
        walked_days = set()
        for index, method in dated:
            done = done_days(self._store().db, self.spider.name, method.url) if skip_done else set()
            for day in days:
                if day.isoformat() in done:
                    continue
                self.walks.append((index, method, day))
                walked_days.add(day)
        self.walks.sort(key=lambda walk: (walk[2], walk[0]))
        self.total_days = len(walked_days)
        self.skipped_days = len(days) - len(walked_days) if dated else 0
        if self.is_backfill:
            log.info("%s: backfill of %d days%s, %d days per batch", self.spider.name, self.total_days,
                     f" ({self.skipped_days} already done)" if self.skipped_days else "", self.batch_days)

    def next_batch(self) -> list:
        """Listing requests for the next ``batch_days`` days (every dated method of each day)."""
        if not self.walks:
            self.batch = []
            return []
        days = sorted({walk[2] for walk in self.walks})[: self.batch_days]
        self.batch = [walk for walk in self.walks if walk[2] in days]
        self.walks = [walk for walk in self.walks if walk[2] not in days]
        return [self.spider.listing_request(index, method, method.first, day=day) for index, method, day in self.batch]

    def failed(self, day: str | None):
        """A page of ``day`` failed in a way a later crawl may fix: the day is not finished."""
        if day:
            self.failed_days.add(str(day)[:10])

    def on_idle(self):
        """Record the finished batch, then schedule the next one (keeping the spider open) if any."""
        spider = self.spider
        if not self.batch or spider.run.blocked:
            return
        self._record_batch()
        requests = self.next_batch()
        if not requests:
            return
        for request in requests:
            spider.crawler.engine.crawl(request)
        raise DontCloseSpider

    def _record_batch(self):
        from db.ops import mark_days_done

        settled_before = datetime.now(WIB).date() - timedelta(days=self.settled_days)
        finished: dict[str, list[str]] = {}
        batch_days = {walk[2] for walk in self.batch}
        for _, method, day in self.batch:
            key = day.isoformat()
            if key not in self.failed_days and day <= settled_before:
                finished.setdefault(method.url, []).append(key)
        for template, days in finished.items():
            mark_days_done(self._store().db, self.spider.name, template, days, self.spider.run.run_id)
        self.done_days += len(batch_days)
        if self.is_backfill:
            log.info(self.progress_line(max(batch_days)))

    def progress_line(self, through: date | None = None) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done_days / elapsed
        remaining = self.total_days - self.done_days
        run = self.spider.run
        line = (f"{self.spider.name}: backfill {self.done_days}/{self.total_days} days"
                + (f" (through {through.isoformat()})" if through else "")
                + f", {rate * 3600:.0f} days/h, {run.outcomes['new']} new articles, {run.requests} requests")
        if self.done_days and remaining > 0:
            line += f", ETA {_duration(remaining / rate)}"
        if self.failed_days:
            line += f", {len(self.failed_days)} days with failures (walked again next time)"
        return line


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 86400:
        return f"{seconds // 86400}d{seconds % 86400 // 3600:02d}h"
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"
