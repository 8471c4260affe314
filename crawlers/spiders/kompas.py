"""Kompas (kompas.com; money.kompas.com for business). sites.md §2.1."""

from crawlers.base import PantauSpider
from crawlers.sources import DATED_INDEX, SEARCH, SITEMAP, TAG, Method, Source

SOURCE = Source(
    name="kompas",
    label="Kompas.com",
    hosts=("indeks.kompas.com", "money.kompas.com", "www.kompas.com", "search.kompas.com", "nasional.kompas.com",
           "regional.kompas.com", "tekno.kompas.com", "bola.kompas.com", "lestari.kompas.com"),
    article_pattern=r"^https?://[a-z0-9-]+\.kompas\.com/(?:[a-z-]+/)?read/(?:xml/)?\d{4}/\d{2}/\d{2}/\d+/[^/?#]+",
    skip_patterns=(r"//video\.kompas\.com/", r"//(?:www\.)?kompas\.id/", r"//(?:www\.)?kompas\.tv/",
                   r"kompasiana\.com"),
    methods=(
        Method(DATED_INDEX, "https://indeks.kompas.com/?site=money&date={date}&page={page}",
               links="div.articleItem a.article-link, div.article__list h3 a.article__link, div.kcm-main-list h3 a",
               note="about 20 items a page; markup 2024-26 .articleItem, 2017-23 .article__list, 2016 .kcm-main-list"),
        Method(SITEMAP, "https://www.kompas.com/sitemap.xml",
               note="sitemap index -> {sub}.kompas.com/sitemap.xml"),
        Method(SITEMAP, "https://money.kompas.com/sitemap.xml", default=False),
        Method(SEARCH, "https://search.kompas.com/search?q={kw}&sort=latest&start_date={start}&end_date={end}&page={page}",
               links="a.article-link", default=False, window_days=7, max_pages=38,
               keywords=("umkm digital", "umkm go digital", "ekosistem digital umkm"),
               note="stops near page 38: windows of 7 days or less"),
        Method(TAG, "https://www.kompas.com/tag/{kw}?page={page}", links="a.article-link, a.article__link",
               default=False, keywords=("umkm", "umkm-go-digital"), note="newest first; stopped when it leaves --since"),
    ),
    article_query="page=all",
    multipage="page_all",
    robots="robots.txt (undated copy): * disallows /search/?q=, /komentar/*, /copy/*, *?jxrecoid=*, *?utm_source=*, "
           "*?source=*; GPTBot and PerplexityBot get Disallow: /.",
    access="EGI waits for publisher permission (a policy, not a block).",
    notes=("[2020-26] article requested with ?page=all: the whole multi-page article in one response; title gains "
           "' Halaman all'",
           "[2026 NW] search.kompas.com stops near page 38",
           "[2024-26 NW, ARIF] index markup div.articleItem a.article-link"),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
