"""The spider for government sources: press-release listings, regulation sitemaps, JDIHN feeds and their PDFs.

Government sources differ from news in four ways, all driven by the source record's ``extra``:

* ``listing_item`` / ``listing_date``: press-release listings (``LISTING`` methods) show each entry's date (often a
  date without a time) but their URLs carry none: the walk goes newest first and stops when every dated entry is
  older than ``--since``; entries outside the range are skipped (``out_of_range``).
* ``documents``: a CSS selector of PDF links on a detail page; each PDF is fetched once (seen URLs, like articles)
  and archived as kind ``document`` for the offline extract stage (``extract.documents``).
* ``detail_kind``: what a detail page is archived as (``regulation`` for peraturan.go.id metadata pages).
* ``sitemap_diff``: the sitemap is diffed against the archive (flat-peraturan's pattern): every URL not seen before
  is new, whatever the date range, at most ``max_new`` per run (the rest next run, counted ``sitemap_diff_capped``).

A JDIHN feed (``JDIHN`` method) is archived as kind ``regulation_feed`` and its records' PDFs are fetched.
Politeness, robots.txt, blocks, incremental fetching and resume are the shared machinery's (crawlers.base).
"""

from __future__ import annotations

import json
import re
from datetime import date

import scrapy
from lxml import etree

from crawlers import sources as S
from crawlers.archive import get_store
from crawlers.base import PantauSpider
from crawlers.canon import canonical_article_url, canonical_listing_url
from crawlers.items import PageItem
from crawlers.middlewares import lower_headers

DOCUMENT_MAXSIZE = 64 * 1024 * 1024  # performance reports and RPJMN annexes run to tens of MB
DEFAULT_MAX_NEW = 1000


MONTHS = {"januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4,
          "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8,
          "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11,
          "nov": 11, "nopember": 11, "desember": 12, "des": 12, "dec": 12}
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\.?\s+((?:19|20)\d\d)\b")
ISO_OR_DMY = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b|\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")


def listing_day(text: str | None) -> date | None:
    """The day a listing entry shows ("Selasa, 15 Juni 2021", "2021-06-15", "15/06/2021 10:12 WIB").

    The crawler only needs the day to stop a walk; the extract stage reads the page's own date properly."""
    if not text:
        return None
    try:
        match = DAY_MONTH_YEAR.search(text)
        if match and match.group(2).lower() in MONTHS:
            return date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
        match = ISO_OR_DMY.search(text)
        if match and match.group(1):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match:
            return date(int(match.group(6)), int(match.group(5)), int(match.group(4)))
    except ValueError:  # 31 Februari: no usable date, the entry is fetched and dated later
        return None
    return None


class GovSpider(PantauSpider):
    """Base of the government-source spiders (each module sets ``name`` and ``source``)."""

    @property
    def extra(self) -> dict:
        return self.source.extra or {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._new_from_sitemap = 0

    # -- resume ---------------------------------------------------------------------------------------------
    def initial_requests(self):
        yield from super().initial_requests()
        yield from self.unfinished_documents()

    def unfinished_documents(self):
        """The PDFs of detail pages archived by a run that did not finish (killed, failed) and never fetched.

        The next run skips those detail pages (already archived), so their documents are asked for here, read from
        the archived page: a crawl killed between a detail page and its PDF still ends with both.
        """
        selector = self.extra.get("documents")
        if not selector:
            return
        from scrapy.http import HtmlResponse

        store = get_store(self.settings.get("PANTAU_DB"))
        rows = store.db.execute(
            "select p.id, p.url from pages p join crawl_runs r on r.id = p.run_id where p.source = ? and p.kind = ? "
            "and r.status in ('killed', 'failed') and p.status between 200 and 299 order by p.id",
            [self.name, self.extra.get("detail_kind", "article")]).fetchall()
        resumed = 0
        for page_id, url in rows:
            body = store.page_body(store.db["pages"].get(page_id))
            page = HtmlResponse(url=url, body=body, encoding="utf-8")
            for href in page.css(selector).xpath("@href").getall():
                link = page.urljoin(href.strip())
                if store.seen(canonical_article_url(link)):
                    continue
                request = self.document_request(link)
                if request is not None:
                    resumed += 1
                    yield request
        if resumed:
            self.run.notes.append(f"{resumed} document(s) left behind by an unfinished run requested again")

    # -- listings -------------------------------------------------------------------------------------------
    def parse_listing(self, response):
        method = self.source.methods[response.meta["pantau_method"]]
        if method.kind != S.JDIHN:
            yield from super().parse_listing(response)
            return
        self.run.listings += 1
        if not 200 <= response.status < 300:
            self.run.error(f"listing_http_{response.status}")
            return
        yield PageItem(url=response.url, canonical_url=canonical_listing_url(response.url), source=self.name,
                       kind="regulation_feed", status=response.status, headers=lower_headers(response.headers),
                       body=response.body, final_url=response.url)
        yield from self.parse_jdihn(response)

    def parse_jdihn(self, response):
        try:
            data = json.loads(response.body)
        except (ValueError, UnicodeDecodeError):
            self.run.error("jdihn_unparseable")
            return
        records = data.get("data", []) if isinstance(data, dict) else data
        for record in records if isinstance(records, list) else []:
            url = isinstance(record, dict) and (record.get("urlDownload") or record.get("fileDownload"))
            if isinstance(url, str) and url.lower().split("?")[0].endswith(".pdf"):
                request = self.document_request(response.urljoin(url))
                if request is not None:
                    yield request

    def parse_html_listing(self, response, method):
        if method.kind != S.LISTING or not self.extra.get("listing_item"):
            yield from super().parse_html_listing(response, method)
            return
        entries = self.dated_entries(response, method)
        if not entries:
            self._stop("empty")
            return
        fresh = self.walk_memory.new_links(response.meta["pantau_walk"], [e[0] for e in entries], page=response.url)
        new = [e for e in entries if e[0] in fresh]
        if not new:
            self._stop("repeat")
            return
        for url, title, day in new:
            if day is not None and not self.in_range(day):
                self.run.skip("out_of_range")
                continue
            request = self.article_request(url, feed_date=day.isoformat() if day else None, title=title)
            if request is not None:
                yield request
        days = [day for _, _, day in new]
        if self.since and days and all(d is not None and d < self.since for d in days):
            self._stop("left_range")
            return
        yield from self.next_listing_page(response, method)

    def dated_entries(self, response, method) -> list[tuple[str, str | None, date | None]]:
        out = []
        for item in response.css(self.extra["listing_item"]):
            anchor = item.css(method.links or "a[href]")[:1]
            href = anchor.attrib.get("href") if anchor else None
            if not href:
                continue
            url = response.urljoin(href.strip()).split("#", 1)[0]
            if not self.source.is_article(url):
                continue
            title = " ".join(t.strip() for t in anchor.css("::text").getall() if t.strip()) or None
            day = listing_day(" ".join(item.css(self.extra["listing_date"] + " ::text").getall()))
            out.append((url, title, day))
        return out

    def next_listing_page(self, response, method):
        meta = response.meta
        if not method.paged:
            return
        walked = meta.get("pantau_pages_walked", 1)
        if walked >= method.max_pages:
            self._stop("max_pages")
            return
        request = self.listing_request(meta["pantau_method"], method, meta["pantau_page"] + method.step)
        request.meta["pantau_pages_walked"] = walked + 1
        yield request

    # -- sitemap diff ---------------------------------------------------------------------------------------
    def parse_feed(self, response, method):
        if not self.extra.get("sitemap_diff") or method.kind != S.SITEMAP:
            yield from super().parse_feed(response, method)
            return
        try:
            root = etree.fromstring(response.body, parser=etree.XMLParser(recover=True, resolve_entities=False,
                                                                          no_network=True))
        except (etree.XMLSyntaxError, ValueError):
            root = None
        if root is None:
            self.run.error("feed_unparseable")
            return
        cap = int(self.extra.get("max_new", DEFAULT_MAX_NEW))
        store = get_store(self.settings.get("PANTAU_DB"))
        refetch = self.settings.getbool("PANTAU_REFETCH")
        for loc in root.iter("{*}loc"):
            url = response.urljoin((loc.text or "").strip())
            if not self.source.is_article(url):
                self.run.skip("feed_not_article")
                continue
            if not refetch and store.seen(canonical_article_url(url)):
                self.run.skip("already_seen")  # the diff: only URLs the archive does not hold yet
                continue
            if self._new_from_sitemap >= cap:
                self.run.skip("sitemap_diff_capped")
                continue
            request = self.article_request(url)
            if request is not None:
                self._new_from_sitemap += 1
                yield request

    # -- detail pages and documents -------------------------------------------------------------------------
    def parse_article(self, response):
        yield from super().parse_article(response)
        selector = self.extra.get("documents")
        if selector and 200 <= response.status < 300 and hasattr(response, "css"):
            for href in response.css(selector).xpath("@href").getall():
                request = self.document_request(response.urljoin(href.strip()))
                if request is not None:
                    yield request

    def article_item(self, url, status, headers, body, final_url, meta, part_urls=None):
        item = super().article_item(url, status, headers, body, final_url, meta, part_urls)
        item["kind"] = self.extra.get("detail_kind", "article")
        return item

    def document_request(self, url: str):
        canonical = canonical_article_url(url)
        if canonical in self._requested:
            return None
        self._requested.add(canonical)
        self.run.discovered += 1
        meta = {"pantau_kind": "document", "pantau_canonical": canonical, "download_maxsize": DOCUMENT_MAXSIZE,
                "download_warnsize": DOCUMENT_MAXSIZE}
        return scrapy.Request(url, callback=self.parse_document, errback=self.article_failed, meta=meta)

    def parse_document(self, response):
        run = self.run
        if response.meta.get("pantau_settled"):  # 304: unchanged, handled by the incremental middleware
            run.articles_done += 1
            return
        if not 200 <= response.status < 300:
            run.error(f"document_http_{response.status}")
            run.articles_done += 1
            return
        if b"%PDF-" not in response.body[:1024]:
            run.skip("document_not_pdf")
            run.articles_done += 1
            return
        yield PageItem(url=response.url, canonical_url=response.meta["pantau_canonical"], source=self.name,
                       kind="document", status=response.status, headers=lower_headers(response.headers),
                       body=response.body, final_url=response.url)
