"""Republika (republika.co.id). sites.md §2.3. robots.txt names Scrapy: blocked unless --ignore-robots republika."""

from crawlers.base import PantauSpider
from crawlers.sources import DATED_INDEX, LATEST, RSS, SITEMAP, Method, Source

SOURCE = Source(
    name="republika",
    label="Republika Online",
    hosts=("republika.co.id", "www.republika.co.id", "ekonomi.republika.co.id", "news.republika.co.id"),
    article_pattern=r"^https?://(?:[a-z0-9-]+\.)?republika\.co\.id/berita/+(?:[a-z0-9]{9}/[^/?#]+|[a-z-]+/[a-z-]+/\d{2}/\d{2}/\d{2}/)",
    methods=(
        Method(DATED_INDEX, "https://republika.co.id/index/{page}/{yyyy}/{mm}/{dd}", first=0, step=50,
               links=".results-section a[href*='/berita/'], .conten1 a[href*='/berita/']",
               note="offset 0, 50, ...; the 'Berita Lainnya' button is an AJAX call (disallowed)"),
        Method(LATEST, "https://republika.co.id/index/ekonomi/{page}", first=0, step=50, default=False,
               links=".results-section a[href*='/berita/'], .conten1 a[href*='/berita/']",
               note="per channel, latest first: /index/{kanal}/{offset}"),
        Method(RSS, "https://www.republika.co.id/rss", note="15 latest items"),
        Method(SITEMAP, "https://republika.co.id/files/xml/sitemap.xml", note="keep /berita/ entries"),
    ),
    needs_js=("/tag/ pages (and they do not filter) [2026-08 NW]", "/indeks 'Next' (a POST) [2026]"),
    robots="robots.txt names about 30 agents with Disallow: /, including Scrapy and news-please. Pantau checks its "
           "own token AND Scrapy, so by default only robots.txt is fetched and the source is reported blocked by "
           "robots. --ignore-robots republika (publisher permission only) is logged and recorded in the run.",
    notes=("[2026 EGI] a double slash /berita//{code}/ occurs", "[2020-26] single-page articles"),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
