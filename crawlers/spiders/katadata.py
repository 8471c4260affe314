"""Katadata (katadata.co.id). sites.md §2.8. Feeds only: crawled by the generic sitemap spider."""

from crawlers.sources import SITEMAP, Method, Source

SOURCE = Source(
    name="katadata",
    label="Katadata",
    hosts=("katadata.co.id", "www.katadata.co.id"),
    article_pattern=r"^https?://(?:www\.)?katadata\.co\.id/berita/(?:[a-z-]+/[0-9a-f]{13}/[^/?#]+|\d{4}/\d{2}/\d{2}/[^/?#]+)",
    methods=(
        Method(SITEMAP, "https://katadata.co.id/sitemap/post/{yyyy}-{mm}.xml",
               note="monthly sitemaps 2021-01 .. 2026-04 listed; one per month of the range"),
    ),
    feed_only=True,
    needs_js=("/indeks from page 2 (a POST) [2026 NW]", "search API (POST to api-search.katadata.co.id)"),
    notes=("[2023] the first 8 hex digits of the id look like a Unix time (unconfirmed)",),
)
