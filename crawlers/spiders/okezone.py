"""Okezone economy (economy.okezone.com). sites.md §2.11."""

from crawlers.base import PantauSpider
from crawlers.sources import DATED_INDEX, SITEMAP, TAG, Method, Source

SOURCE = Source(
    name="okezone",
    label="Okezone Economy",
    hosts=("economy.okezone.com", "index.okezone.com", "www.okezone.com"),
    article_pattern=r"^https?://[a-z]+\.okezone\.com/read/\d{4}/\d{2}/\d{2}/\d+/\d+/[^/?#]+",
    methods=(
        Method(DATED_INDEX, "https://economy.okezone.com/indeks/{yyyy}/{mm}/{dd}/{page}", first=0, step=10,
               links=".group-brt-terkini .subgroup a.desc-text, a.desc-text",
               note="offset step 10; www.okezone.com/indeks is a 404"),
        Method(DATED_INDEX, "https://index.okezone.com/bydate/channel/{yyyy}/{mm}/{dd}/11/{page}/", first=0, step=15,
               links="h4.f17 a", default=False, note="channel 11 = economy (unverified)"),
        Method(SITEMAP, "https://economy.okezone.com/sitemap.xml"),
        Method(TAG, "https://www.okezone.com/tag/{kw}/{page}", first=1, default=False, keywords=("umkm",),
               note="no results = homepage title"),
    ),
    article_query="page=all",
    multipage="page_all",
    robots="no block reported [2026 EGI].",
    notes=("[2026 EGI] ?page=all returns all pages, split by <div style=\"page-break-after: always\">",),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
