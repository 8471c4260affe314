"""Antara (antaranews.com). sites.md §2.6."""

from crawlers.base import PantauSpider
from crawlers.sources import DATED_INDEX, LATEST, RSS, SEARCH, Method, Source

SOURCE = Source(
    name="antara",
    label="ANTARA News",
    hosts=("www.antaranews.com",),
    article_pattern=r"^https?://(?:[a-z]+\.)?antaranews\.com/berita/\d+/[^/?#]+",
    methods=(
        Method(DATED_INDEX, "https://www.antaranews.com/indeks/{date}", links=".card__post__title a[href*='/berita/'], .card__post a[href*='/berita/'], "
               "article a[href*='/berita/'], h3 a[href*='/berita/']"),
        Method(DATED_INDEX, "https://www.antaranews.com/indeks/{date}/{page}", first=2, default=False,
               links=".card__post a[href*='/berita/'], article a[href*='/berita/'], h3 a[href*='/berita/']",
               note="following pages of a day (form unverified; a 404 ends the walk)"),
        Method(LATEST, "https://www.antaranews.com/terkini?page={page}", default=False),
        Method(SEARCH, "https://www.antaranews.com/search?q={kw}&page={page}", links=".card__post a[href*='/berita/']",
               default=False, keywords=("umkm digital",), note="not dated: stopped by URL dates only"),
        Method(RSS, "https://www.antaranews.com/rss/ekonomi.xml"),
        Method(RSS, "https://www.antaranews.com/rss/terkini.xml"),
    ),
    access="EGI waits for publisher permission (a policy, not a block).",
    notes=("[2015-26] single-page articles; URL unchanged 2015-26",),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
