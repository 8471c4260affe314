"""Presiden RI press releases (presidenri.go.id). Refuses every automated client (403 on every path, 2026-03-19):
recorded as blocked, never evaded. The President's statements reach Pantau through Setkab, which republishes them."""

from crawlers.gov import GovSpider
from crawlers.sources import LISTING, Method, Source

SOURCE = Source(
    name="presidenri",
    label="Presiden Republik Indonesia",
    hosts=("www.presidenri.go.id", "presidenri.go.id"),
    article_pattern=r"^https?://(?:www\.)?presidenri\.go\.id/siaran-pers/[a-z0-9-]+/?$",
    methods=(Method(LISTING, "https://www.presidenri.go.id/siaran-pers/page/{page}/", max_pages=5),),
    access="[2026-03-19 fetchability test] 403 to every automated request (also /feed/, /pidato/): reported "
           "blocked. Read Setkab instead.",
)


class Spider(GovSpider):
    name = SOURCE.name
    source = SOURCE
