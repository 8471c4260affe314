"""Detik finance (finance.detik.com). sites.md §2.4."""

from crawlers.base import PantauSpider
from crawlers.sources import DATED_INDEX, LATEST, RSS, SITEMAP, Method, Source

SOURCE = Source(
    name="detik",
    label="detikFinance",
    hosts=("finance.detik.com", "news.detik.com", "inet.detik.com"),
    article_pattern=r"^https?://(?:finance|news|inet|health|oto|travel|food|hot|sport|wolipop)\.detik\.com/"
                    r"(?:[a-z0-9-]+/)?(?:d-\d+/[^/?#]+|read/\d{4}/\d{2}/\d{2}/\d+/\d+/\d+/[^/?#]+)",
    skip_patterns=(r"//20\.detik\.com/", r"/foto-", r"/readfoto/"),
    methods=(
        Method(DATED_INDEX, "https://finance.detik.com/indeks?date={mm}%2F{dd}%2F{yyyy}&page={page}",
               links="article.list-content__item h3.media__title a.media__link, article h3 a.media__link, "
                     "h3.media__title a",
               note="the date is US order MM/DD/YYYY and its slashes must be encoded, or page is ignored"),
        Method(LATEST, "https://finance.detik.com/indeks/{page}", default=False,
               links="article.list-content__item h3.media__title a.media__link, h3.media__title a",
               note="undated pages /indeks/{N} [2024 real]"),
        Method(SITEMAP, "https://finance.detik.com/sitemap_news.xml", note="about one day"),
        Method(RSS, "https://finance.detik.com/rss"),
    ),
    multipage="follow",
    robots="no block reported [2026 EGI].",
    notes=("[2026 EGI] some articles are split: ?page=N; pages 2+ are fetched and archived with page 1",
           "[2024 real] listing span[d-time] is a Unix time; title attribute absolute"),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
