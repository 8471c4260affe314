"""Kementerian Koperasi dan UKM press releases (kemenkopukm.go.id, 2019 - Oct 2024). policy_and_targets.md §1a.3."""

from crawlers.gov import GovSpider
from crawlers.sources import LISTING, Method, Source

SOURCE = Source(
    name="kemenkopukm",
    label="Kementerian Koperasi dan UKM",
    hosts=("www.kemenkopukm.go.id", "kemenkopukm.go.id"),
    article_pattern=r"^https?://(?:www\.)?kemenkopukm\.go\.id/read/[a-z0-9-]{12,}",
    methods=(
        Method(LISTING, "https://www.kemenkopukm.go.id/siaran-pers?page={page}", links="h4 > a", max_pages=60,
               note="newest first, date-only entries; pagination .page-item > a"),
    ),
    extra={"listing_item": ".post-item-description.m-2", "listing_date": "div.post-meta > span.post-meta-date",
           "documents": "a[href$='.pdf']"},
    notes=("[2025-02 MC] links .post-item-description.m-2 > h4 > a; date span.post-meta-date; body "
           ".post-item-description.box-news-single > p",
           "[2024-10] split into Kementerian UMKM (umkm.go.id) and Kementerian Koperasi: archive 2019-2024 early"),
)


class Spider(GovSpider):
    name = SOURCE.name
    source = SOURCE
