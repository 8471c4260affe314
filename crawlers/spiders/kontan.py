"""Kontan (kontan.co.id). sites.md §2.10."""

from crawlers.base import PantauSpider
from crawlers.sources import DATED_INDEX, SEARCH, Method, Source

SOURCE = Source(
    name="kontan",
    label="Kontan",
    hosts=("www.kontan.co.id", "nasional.kontan.co.id", "industri.kontan.co.id", "keuangan.kontan.co.id",
           "peluangusaha.kontan.co.id", "investasi.kontan.co.id", "newssetup.kontan.co.id"),
    article_pattern=r"^https?://[a-z]+\.kontan\.co\.id/news/[^/?#]+",
    methods=(
        Method(DATED_INDEX,
               "https://www.kontan.co.id/search/indeks?kanal=&tanggal={d}&bulan={mm}&tahun={yyyy}&pos=indeks&per_page={page}",
               first=0, step=20, links="li[data-offset] h1 a[href*='kontan.co.id/news/'], h1 a[href*='/news/']",
               note="per_page = offset 0, 20, 40 ..."),
        Method(SEARCH, "https://www.kontan.co.id/search/?search={kw}&per_page={page}", first=0, step=20,
               default=False, max_pages=50, keywords=("umkm digital",), note="about 50 pages at most; not dated"),
    ),
    notes=("[2026 NW] no date in the URL; the page shows 'Selasa, 18 Februari 2020 / 20:29 WIB'",
           "article body ends at <!-- pagination end -->"),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
