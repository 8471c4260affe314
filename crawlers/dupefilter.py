"""Scrapy's duplicate filter, plus bookkeeping: a dropped article request is counted with a reason.

Spiders already de-duplicate article links by canonical URL, so what reaches this filter is mostly a redirect
back to a URL already requested: a redirect loop (recorded as an error) or a redirect onto another article of
the run (recorded as skipped). Nothing is dropped silently.
"""

from __future__ import annotations

from scrapy.dupefilters import RFPDupeFilter

from crawlers.runstate import get_run


class PantauDupeFilter(RFPDupeFilter):
    @classmethod
    def from_crawler(cls, crawler):
        instance = super().from_crawler(crawler)
        instance.crawler = crawler
        return instance

    def log(self, request, spider):
        super().log(request, spider)
        record_duplicate(getattr(self, "crawler", None), request)


def record_duplicate(crawler, request):
    """Count a dropped duplicate article request with its reason (also used by the shared Redis filter)."""
    if crawler is None or request.meta.get("pantau_kind") != "article":
        return
    run = get_run(crawler)
    redirects = request.meta.get("redirect_urls") or []
    if redirects and request.url in redirects:
        run.error("redirect_loop")
    elif redirects:
        run.skip("redirect_to_duplicate")
    else:
        run.skip("duplicate_request")
    run.articles_done += 1
