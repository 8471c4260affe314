"""Kemenko Perekonomian press releases (ekon.go.id). policy_and_targets.md §1a.3."""

from crawlers.gov import GovSpider
from crawlers.sources import LISTING, Method, Source

SOURCE = Source(
    name="ekon",
    label="Kementerian Koordinator Bidang Perekonomian",
    hosts=("www.ekon.go.id", "ekon.go.id"),
    article_pattern=r"^https?://(?:www\.)?ekon\.go\.id/publikasi/detail/\d+/[^/?#]+",
    methods=(
        Method(LISTING, "https://www.ekon.go.id/publikasi/1/siaran-pers?page={page}", links=".col-md-8 > a",
               max_pages=40, note="server-rendered, ?page=N, newest first; no RSS (/feed/ returns HTML)"),
    ),
    extra={"listing_item": "div.row.m-0.mb-3", "listing_date": "span.mb-3", "documents": "a[href$='.pdf']"},
    access="[2026-03] TLS chain problem seen (curl needed -k): configure a CA bundle, never disable verification.",
    notes=("[2025-02 MC, CS] links .col-md-8 > a in div.row.m-0.mb-3; date span.mb-3; body div.col-12.mt-3.p-0",
           "[2026] detail ids are sequential: 7107 = 2026-09-22, 7138 = 2026-10-08"),
)


class Spider(GovSpider):
    name = SOURCE.name
    source = SOURCE
