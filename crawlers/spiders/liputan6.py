"""Liputan6 (liputan6.com). sites.md §2.2."""

from crawlers.base import PantauSpider
from crawlers.sources import DATED_INDEX, LATEST, SITEMAP, Method, Source

SOURCE = Source(
    name="liputan6",
    label="Liputan6.com",
    hosts=("www.liputan6.com", "m.liputan6.com"),
    article_pattern=r"^https?://(?:www|m|opera|[a-z]+)\.liputan6\.com/[a-z0-9-]+/read/\d+/[^/?#]+",
    skip_patterns=(r"\.liputan6\.com/(?:photo|foto|video|tv)/",),
    methods=(
        Method(DATED_INDEX, "https://www.liputan6.com/indeks/{yyyy}/{mm}/{dd}?start={date}&end={date}&page={page}",
               links="article.articles--rows--item h4 a[data-template-var=url], "
                     "article.articles--rows--item a[data-template-var=url]",
               note="20 items a page; time[datetime] +07:00"),
        Method(SITEMAP, "https://www.liputan6.com/sitemap.xml", note="index -> sitemap_post.xml"),
        Method(SITEMAP, "https://www.liputan6.com/sitemap_post.xml", default=False),
        Method(LATEST, "https://www.liputan6.com/bisnis", links=".headline--bottom-slider__item a[href]",
               default=False, note="latest only; used without a date range"),
    ),
    multipage="data_page",
    needs_js=("/tag/ pages (since about April 2026) [NW]", "/{channel}/indeks (date picker only) [2026 EGI]"),
    robots="robots.txt: * disallows /search, /ajax/, /api/, /me/, utm/medium parameters; GPTBot Disallow: /.",
    notes=("[2018-26] multi-page articles come in one HTML as [data-page] blocks: nothing more to fetch",
           "[2021 real] m.liputan6 adds medium/campaign parameters: canonicalised away"),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
