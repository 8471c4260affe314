"""Kementerian UMKM press releases (umkm.go.id, from 21 Oct 2024). policy_and_targets.md §1a.1, §1a.3."""

from crawlers.gov import GovSpider
from crawlers.sources import LISTING, Method, Source

SOURCE = Source(
    name="kemenumkm",
    label="Kementerian Usaha Mikro, Kecil, dan Menengah",
    hosts=("umkm.go.id", "www.umkm.go.id"),
    article_pattern=r"^https?://(?:www\.)?umkm\.go\.id/siaran-pers/[a-z0-9-]{12,}",
    methods=(
        Method(LISTING, "https://umkm.go.id/siaran-pers?page={page}", links="h3 a", max_pages=40,
               note="listing markup is our fixture's guess: no public crawler of umkm.go.id exists (2026-12)"),
    ),
    extra={"listing_item": "div.news-card", "listing_date": "time", "documents": "a[href$='.pdf']"},
    notes=("[2026-12] /siaran-pers and /warta-umkm exist (linked from a ministry page); selectors unverified: pin "
           "them with a saved page before a live crawl",),
)


class Spider(GovSpider):
    name = SOURCE.name
    source = SOURCE
