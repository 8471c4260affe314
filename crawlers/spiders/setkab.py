"""Sekretariat Kabinet (setkab.go.id): WordPress. policy_and_targets.md §1a.3 (RSS confirmed 2026-03-19)."""

from crawlers.gov import GovSpider
from crawlers.sources import LISTING, RSS, Method, Source

SOURCE = Source(
    name="setkab",
    label="Sekretariat Kabinet RI",
    hosts=("setkab.go.id", "www.setkab.go.id"),
    article_pattern=r"^https?://(?:www\.)?setkab\.go\.id/(?!category/|tag/|feed|page/|wp-|en/|author/)[a-z0-9-]{12,}/?$",
    methods=(
        Method(RSS, "https://setkab.go.id/feed/", note="RSS 2.0, 10 latest items (valid on 2026-03-19)"),
        Method(LISTING, "https://setkab.go.id/category/berita/page/{page}/", links="a", max_pages=30,
               note="WordPress category listing, newest first; entry date shown, no time"),
    ),
    extra={"listing_item": "article.card_search", "listing_date": "div.info.fl"},
    robots="WordPress default (unverified): /wp-admin/ disallowed.",
    access="Open (RSS and listing answered 200 on 2026-03-19). Republishes presidenri.go.id items, which refuse "
           "automated clients.",
    notes=("[2026-03 CS] listing entries article.card_search (title a h2), detail date div.info.fl, body "
           "div.reading_text",
           "[2026-03] English edition /en/ lags by days: not crawled"),
)


class Spider(GovSpider):
    name = SOURCE.name
    source = SOURCE
