"""Komdigi (ex-Kominfo) news portal: the server-rendered portal.komdigi.go.id. policy_and_targets.md §1a.2-3."""

from crawlers.gov import GovSpider
from crawlers.sources import LISTING, Method, Source

SOURCE = Source(
    name="komdigi",
    label="Kementerian Komunikasi dan Digital",
    hosts=("portal.komdigi.go.id", "www.komdigi.go.id"),
    article_pattern=r"^https?://portal\.komdigi\.go\.id/kanal-publik/berita-kini/\d+",
    methods=(
        Method(LISTING, "https://portal.komdigi.go.id/kanal-publik/berita-kini?page={page}", links="h5 a",
               max_pages=40, note="server-rendered Bootstrap; listing form unverified, detail pages confirmed"),
    ),
    extra={"listing_item": "div.card-berita", "listing_date": "small.text-muted"},
    needs_js=("www.komdigi.go.id/berita/* (Next.js; content in self.__next_f payloads): not crawled",),
    notes=("[2026-10 agent journal] portal detail pages are plain HTML with sequential ids (10591 = 2026-10-09)",
           "release numbers NNN/HM-KKD/MM/YYYY"),
)


class Spider(GovSpider):
    name = SOURCE.name
    source = SOURCE
