"""The one item spiders yield: a fetched page to archive (the extract stage parses it later, offline)."""

import scrapy


class PageItem(scrapy.Item):
    url = scrapy.Field()  # the real URL requested (never a mirror URL)
    canonical_url = scrapy.Field()
    source = scrapy.Field()  # registry name
    kind = scrapy.Field()  # article | listing | robots | document (PDF) | regulation | regulation_feed
    status = scrapy.Field()
    headers = scrapy.Field()  # lower-case header name -> value
    body = scrapy.Field()  # bytes (pages 2+ of a multi-page article are appended, see crawlers.base)
    final_url = scrapy.Field()  # after redirects
    feed_date = scrapy.Field()  # listing date (ISO) when known
    parts = scrapy.Field()  # multi-page articles: the URLs fetched, in order

    def __repr__(self) -> str:  # Scrapy logs items: never dump page bodies into the log
        body = self.get("body") or b""
        return (f"<PageItem {self.get('source')} {self.get('kind')} {self.get('status')} {self.get('url')} "
                f"({len(body)} bytes)>")

    __str__ = __repr__
