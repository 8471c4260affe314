"""Bisnis.com. sites.md §2.9."""

from crawlers.base import PantauSpider
from crawlers.sources import DATED_INDEX, SEARCH, Method, Source

SOURCE = Source(
    name="bisnis",
    label="Bisnis.com",
    hosts=("www.bisnis.com", "ekonomi.bisnis.com", "finansial.bisnis.com", "teknologi.bisnis.com",
           "market.bisnis.com", "search.bisnis.com"),
    article_pattern=r"^https?://[a-z]+\.bisnis\.com/read/\d{8}/\d+/\d+/[^/?#]+",
    skip_patterns=(r"//(?:epaper|foto|video|infografis)\.bisnis\.com/",),
    methods=(
        Method(DATED_INDEX, "https://www.bisnis.com/index?categoryId=43&type=indeks&date={date}",
               links="a.artLink, .list-news a[href*='/read/'], article a[href*='/read/']",
               note="category 43 = ekonomi; one page per day (no pagination parameter known)"),
        Method(SEARCH, "https://search.bisnis.com/?q={kw}&page={page}", links="a.artLink", default=False,
               keywords=("umkm digital",), note="links sometimes wrapped as .../link?url="),
    ),
    access="/berita and /indeks are behind anti-bot protection (NW uses Playwright there) [2026]: expect blocks; "
           "never evaded.",
    notes=("[PC] the URL holds the date /read/YYYYMMDD/",),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
