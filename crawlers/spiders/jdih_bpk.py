"""JDIH BPK (peraturan.bpk.go.id). Its robots.txt allows an honest agent, but the server answers 403 to every
client that is not a browser (measured 2026-03 and 2026-09-07): recorded as blocked, never evaded (no browser
impersonation). Use peraturan.go.id and the JDIHN feeds instead."""

from crawlers.gov import GovSpider
from crawlers.sources import LISTING, Method, Source

SOURCE = Source(
    name="jdih_bpk",
    label="JDIH BPK (peraturan.bpk.go.id)",
    hosts=("peraturan.bpk.go.id",),
    article_pattern=r"^https?://peraturan\.bpk\.go\.id/Details/\d+/[^/?#]+",
    methods=(Method(LISTING, "https://peraturan.bpk.go.id/Search?keywords=umkm&p={page}", max_pages=3,
                    note="search uses p, not page; 10 a page"),),
    robots="[2026-09] disallows nine named AI agents; wildcard Allow: / with Content-Signal ai-train=no",
    access="[2026-09-07] 403 to plain HTTP clients on every path: reported blocked.",
)


class Spider(GovSpider):
    name = SOURCE.name
    source = SOURCE
