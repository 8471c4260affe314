"""Item pipeline: archive each fetched page through ``Store.save_page`` (one transaction per item)."""

from __future__ import annotations

import logging

from crawlers.archive import get_store
from crawlers.runstate import get_run

log = logging.getLogger("pantau.crawl")

ARTICLE_KINDS = ("article", "document", "regulation")  # fetched once and counted as new/updated/unchanged


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.store = get_store(crawler.settings.get("PANTAU_DB"))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        run = get_run(self.crawler)
        kind = item.get("kind") or "article"
        try:
            _, outcome = self.store.save_page(
                url=item["url"],
                canonical_url=item["canonical_url"],
                source=item["source"],
                status=int(item["status"]),
                body=item["body"],
                headers=item.get("headers") or {},
                final_url=item.get("final_url") or item["url"],
                kind=kind,
                run_id=run.run_id,
                feed_date=item.get("feed_date"),
            )
        except Exception as error:  # recorded, never fatal; nothing half-written (save_page is one transaction)
            run.error(f"store:{type(error).__name__}")
            log.exception("%s: could not store %s", run.source, item.get("url"))
            if kind in ARTICLE_KINDS:
                run.articles_done += 1
            return item
        if kind in ARTICLE_KINDS:
            run.outcomes[outcome] += 1
            run.articles_done += 1
        else:
            run.listing_outcomes[outcome] += 1
        return item
