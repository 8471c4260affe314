"""Tribunnews (tribunnews.com). sites.md §2.12. Expect 403 for an honest user agent: reported as blocked."""

from crawlers.base import PantauSpider
from crawlers.sources import LATEST, SITEMAP, Method, Source

SOURCE = Source(
    name="tribunnews",
    label="Tribunnews",
    hosts=("www.tribunnews.com", "m.tribunnews.com"),
    article_pattern=r"^https?://(?:www\.|m\.)?tribunnews\.com/(?:amp/)?[a-z-]+/(?:\d{4}/\d{2}/\d{2}|\d+)/[^/?#]+",
    skip_patterns=(r"/(?:video|foto|tag|topic|search)/",),
    methods=(
        Method(SITEMAP, "https://www.tribunnews.com/bisnis/sitemap-news.xml",
               note="about 100 URLs with news:publication_date +07:00"),
        Method(SITEMAP, "https://www.tribunnews.com/sitemap.xml", default=False, note="index of section sitemaps"),
        Method(LATEST, "https://www.tribunnews.com/index-news/bisnis?page={page}", links="ul.lsi > li h3 a",
               max_pages=10, note="10 pages at most; latest only"),
    ),
    multipage="follow",
    access="[2026-07 EGI] CloudFront answers 403 to any non-browser user agent: expect 'blocked'. Never evaded.",
    robots="robots.txt * disallows /api/, /ajax/, /json/, /member/, /komentar/, /search, /tag/, /topic/ and more.",
    notes=("[2026 EGI] RSS links all point to the homepage (broken)",
           "[2026 EGI] .paging 'Halaman 1/2': pages 2+ fetched with ?page=N and archived with page 1"),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
