"""CNN Indonesia (cnnindonesia.com), economy desk. sites.md §2.5."""

from crawlers.base import PantauSpider
from crawlers.sources import DATED_INDEX, RSS, Method, Source

SOURCE = Source(
    name="cnnindonesia",
    label="CNN Indonesia",
    hosts=("www.cnnindonesia.com",),
    article_pattern=r"^https?://(?:www\.|m\.)?cnnindonesia\.com/[a-z-]+/\d{14}-\d+-\d+/[^/?#]+",
    skip_patterns=(r"/(?:tv|foto|video)/",),
    methods=(
        Method(DATED_INDEX, "https://www.cnnindonesia.com/ekonomi/indeks/5?date={yyyy}%2F{mm}%2F{dd}&page={page}",
               links=".nhl-list a[href], article a[href]",
               note="items are <article> (2021 fixture: .nhl-list a) with a[href] and h2, no time; the date is sent as YYYY%2FMM%2FDD; /indeks/1 is a 404. EGI 2026: ?date= may be "
                    "ignored — pages whose links are all dated outside the range end the walk"),
        Method(RSS, "https://www.cnnindonesia.com/ekonomi/rss"),
    ),
    robots="search unusable; no block reported.",
    notes=("[2026 EGI] single-page articles", "[2026] the URL holds the publish time YYYYMMDDHHmmss"),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
