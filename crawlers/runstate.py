"""Per-source run statistics, shared by the middlewares, the pipeline and the spider of one crawler."""

from __future__ import annotations

import time
from collections import Counter, defaultdict


class SourceRun:
    def __init__(self, source: str):
        self.source = source
        self.run_id: int | None = None
        self.started = time.monotonic()
        self.requests = 0
        self.responses_by_status: Counter = Counter()
        self.outcomes: Counter = Counter()  # new / updated / unchanged (articles)
        self.listing_outcomes: Counter = Counter()
        self.skipped: Counter = Counter()
        self.listing_stops: Counter = Counter()  # why listing walks ended (http_404, empty, repeat ...)
        self.errors: Counter = Counter()
        self.robots_blocked = 0
        self.robots_ignored = 0
        self.listings = 0
        self.listing_yield: dict[str, Counter] = defaultdict(Counter)  # per discovery kind: pages, with_links, links
        self.content_responses = 0  # responses other than robots.txt
        self.fetched: Counter = Counter()  # responses by request kind (article / listing / robots)
        self.discovered = 0  # article requests queued
        self.articles_done = 0  # article requests settled (stored, unchanged, skipped after fetch, failed)
        self.blocked_statuses: Counter = Counter()
        self.blocked = False
        self.notes: list[str] = []
        self.status = "running"

    def skip(self, reason: str, n: int = 1):
        self.skipped[reason] += n

    def error(self, reason: str, n: int = 1):
        self.errors[reason] += n

    def listing_page(self, kind: str, links: int):
        """One listing page of discovery ``kind`` answered with ``links`` article links (source health reads it)."""
        counts = self.listing_yield[kind]
        counts["pages"] += 1
        counts["with_links"] += 1 if links else 0
        counts["links"] += links

    def as_stats(self) -> dict:
        return {
            "requests": self.requests,
            "responses_by_status": {str(k): v for k, v in sorted(self.responses_by_status.items())},
            "responses_by_kind": dict(sorted(self.fetched.items())),
            "new": self.outcomes["new"],
            "updated": self.outcomes["updated"],
            "unchanged": self.outcomes["unchanged"],
            "listings": self.listings,
            "listing_pages_new": self.listing_outcomes["new"] + self.listing_outcomes["updated"],
            "listing_pages_with_links": sum(c["with_links"] for c in self.listing_yield.values()),
            "listing_yield": {kind: dict(sorted(c.items())) for kind, c in sorted(self.listing_yield.items())},
            "skipped_by_reason": dict(sorted(self.skipped.items())),
            "listing_stops": dict(sorted(self.listing_stops.items())),
            "errors": sum(self.errors.values()),
            "errors_by_reason": dict(sorted(self.errors.items())),
            "robots_blocked": self.robots_blocked,
            "robots_ignored": self.robots_ignored,
            "duration_s": round(time.monotonic() - self.started, 3),
        }


def get_run(crawler) -> SourceRun:
    """The SourceRun of a crawler (one crawler per source), created on first use."""
    run = getattr(crawler, "_pantau_run", None)
    if run is None:
        spider = getattr(crawler, "spider", None)
        name = getattr(spider, "name", None) or getattr(crawler.spidercls, "name", "unknown")
        run = SourceRun(name)
        crawler._pantau_run = run
    return run
