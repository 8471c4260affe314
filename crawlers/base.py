"""The shared spider machinery. Outlet spiders only declare a :class:`crawlers.sources.Source` record.

Discovery (per method of the record):

* ``dated_index``: one walk per day of ``--since..--until``, following ``{page}`` until the listing is empty,
  404s, repeats itself, or has left the date range (all links dated outside it);
* ``search`` / ``tag``: paginated newest-first walks, stopped when every dated link is older than ``--since``;
* ``sitemap`` / ``rss``: XML feeds; sitemap indexes are followed, entries outside the range are skipped;
* ``latest``: undated "latest" listings, only used when the run has no date range.

Everything not fetched is counted with a reason (``skipped_by_reason``); every failure with a reason
(``errors_by_reason``). Spiders never extract articles: they archive pages (see :mod:`crawlers.pipelines`).
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta, timezone
from urllib.parse import parse_qsl, quote_plus, urlsplit

import scrapy
from lxml import etree
from scrapy.exceptions import IgnoreRequest

from crawlers import sources as S
from crawlers.backfill import DayBatches
from crawlers.canon import canonical_article_url, canonical_listing_url
from crawlers.items import PageItem
from crawlers.middlewares import lower_headers
from crawlers.runstate import get_run

log = logging.getLogger("pantau.crawl")

WIB = timezone(timedelta(hours=7))

URL_DATE_PATTERNS = (
    re.compile(r"/(20\d\d|19\d\d)/(\d\d)/(\d\d)(?:/|$)"),  # Kompas, Okezone, Tribunnews, old Detik/Tempo
    re.compile(r"/read/(20\d\d)(\d\d)(\d\d)/"),  # Bisnis
    re.compile(r"/(20\d\d)(\d\d)(\d\d)\d{6}-\d+-\d+/"),  # CNN Indonesia
)
HTML_TYPES = ("text/html", "application/xhtml", "text/plain")
FEED_MAX_BYTES = 64 * 1024 * 1024  # cap on a decompressed .xml.gz feed
LATEST_REACH_DAYS = 3  # a "latest" listing is walked when --until is at most this many days ago


def url_date(url: str) -> date | None:
    for pattern in URL_DATE_PATTERNS:
        match = pattern.search(url)
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
    return None


def parse_day(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def feed_entry_date(text: str | None) -> date | None:
    """Date of a sitemap ``lastmod``/``news:publication_date`` or an RSS ``pubDate`` (local date as written)."""
    if not text:
        return None
    text = text.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        parsed = parsedate_to_datetime(text)
        return parsed.astimezone(WIB).date() if parsed.tzinfo else parsed.date()
    except (TypeError, ValueError, IndexError):
        return None


def merge_pages(first: bytes, parts: list[tuple[int, str, bytes]]) -> bytes:
    """Append pages 2+ of a multi-page article to page 1, inside page 1's ``<body>``.

    Each part's ``<body>`` content goes into ``<div data-pantau-page="N" data-pantau-url="URL">`` just before
    page 1's ``</body>``, so one stored page holds the whole article (the WARC keeps every page as fetched).
    """
    blocks = []
    for number, url, body in parts:
        inner = body
        start = re.search(rb"<body[^>]*>", body, re.IGNORECASE)
        end = None
        for end in re.finditer(rb"</body\s*>", body, re.IGNORECASE):
            pass
        if start:
            inner = body[start.end(): end.start() if end and end.start() > start.end() else len(body)]
        safe_url = url.replace("&", "&amp;").replace('"', "&quot;").encode("utf-8")
        blocks.append(b'\n<div data-pantau-page="%d" data-pantau-url="%s">\n' % (number, safe_url) + inner + b"\n</div>\n")
    merged = b"".join(blocks)
    last = None
    for last in re.finditer(rb"</body\s*>", first, re.IGNORECASE):
        pass
    if last is None:
        return first + merged
    return first[: last.start()] + merged + first[last.start():]


def failure_reason(failure) -> str:
    exc = failure.value
    name = type(exc).__name__
    text = str(exc)
    if isinstance(exc, IgnoreRequest):
        if "redirect" in text.lower():
            return "redirect_loop"
        return f"ignored:{text[:40]}"
    lowered = text.lower()
    if "maxsize" in lowered or "max size" in lowered or "warnsize" in lowered:
        return "too_large"
    if "timeout" in name.lower() or "timed out" in lowered:
        return "timeout"
    if "dataloss" in name.lower() or "data loss" in lowered:
        return "truncated"
    if "connection" in name.lower() or "responsefailed" in name.lower() or "responseneverreceived" in name.lower():
        return "connection_error"
    return f"fetch:{name}"


class PantauSpider(scrapy.Spider):
    """Base of every outlet spider. Subclasses set ``name`` and ``source`` (and rarely override hooks)."""

    source: S.Source

    def __init__(self, *args, since=None, until=None, methods=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.since = parse_day(since)
        self.until = parse_day(until)
        self.method_filter = methods
        self.prefilter = False
        self.topic_keywords = None
        self._walk_links: dict[tuple, set] = {}
        self._requested: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        settings = crawler.settings
        kwargs.setdefault("since", settings.get("PANTAU_SINCE"))
        kwargs.setdefault("until", settings.get("PANTAU_UNTIL"))
        kwargs.setdefault("methods", settings.get("PANTAU_METHODS"))
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.prefilter = settings.getbool("PANTAU_TOPIC_PREFILTER")
        spider.topic_keywords = settings.get("PANTAU_TOPIC_KEYWORDS")
        if spider.since and not spider.until:
            spider.until = datetime.now(WIB).date()
        if spider.until and not spider.since:
            spider.since = spider.until
        if spider.since and spider.until and spider.since > spider.until:
            raise ValueError(f"--since {spider.since} is after --until {spider.until}")
        spider.day_batches = DayBatches(spider)  # dated walks in batches of days, with the backfill cursor
        crawler.signals.connect(spider.day_batches.on_idle, signal=scrapy.signals.spider_idle)
        return spider

    @property
    def run(self):
        return get_run(self.crawler)

    # -- which methods, which days ------------------------------------------------------------------------
    def selected_methods(self) -> list[tuple[int, S.Method]]:
        wanted = self.method_filter
        if isinstance(wanted, str):
            wanted = [w.strip() for w in wanted.split(",") if w.strip()]
        chosen = []
        for index, method in enumerate(self.source.methods):
            if wanted:
                names = {w.split(":", 1)[1] for w in wanted if ":" in w and w.split(":", 1)[0] == self.name}
                names |= {w for w in wanted if ":" not in w}
                if method.kind not in names:
                    continue
            elif not method.default:
                continue
            chosen.append((index, method))
        return chosen

    def days(self) -> list[date]:
        if not self.since:
            return [datetime.now(WIB).date()]
        out, day = [], self.since
        while day <= self.until:
            out.append(day)
            day += timedelta(days=1)
        return out

    def in_range(self, day: date | None) -> bool:
        if day is None or not self.since:
            return True
        return self.since <= day <= self.until

    # -- start ----------------------------------------------------------------------------------------------
    async def start(self):
        for request in self.initial_requests():
            yield request

    def initial_requests(self):
        dated = []
        for index, method in self.selected_methods():
            if method.kind == S.DATED_INDEX:
                dated.append((index, method))
            elif method.kind == S.SEARCH:
                start = self.since or datetime.now(WIB).date() - timedelta(days=method.window_days - 1)
                end = self.until or datetime.now(WIB).date()
                for keyword in method.keywords or ("umkm",):
                    window_start = start
                    while window_start <= end:
                        window_end = min(window_start + timedelta(days=method.window_days - 1), end)
                        yield self.listing_request(index, method, method.first, day=window_start, window_end=window_end,
                                                   keyword=keyword)
                        window_start = window_end + timedelta(days=1)
            elif method.kind == S.TAG:
                for keyword in method.keywords:
                    yield self.listing_request(index, method, method.first, keyword=keyword)
            elif method.kind == S.LATEST:
                # an undated "latest" listing only shows recent items: walk it when the range reaches the last
                # few days (links filtered by their URL date), otherwise record why it was not used
                if self.until and self.until < datetime.now(WIB).date() - timedelta(days=LATEST_REACH_DAYS):
                    self.run.skip("latest_listing_out_of_range")
                    continue
                yield self.listing_request(index, method, method.first)
            else:  # sitemap, rss
                if "{" in method.url:
                    for month in sorted({(d.year, d.month) for d in self.days()}):
                        yield self.listing_request(index, method, method.first, day=date(month[0], month[1], 1))
                else:
                    yield self.listing_request(index, method, method.first)
        self.day_batches.plan(dated)
        yield from self.day_batches.next_batch()

    def format_url(self, template: str, page=None, day: date | None = None, window_end: date | None = None,
                   keyword: str | None = None) -> str:
        day = day or datetime.now(WIB).date()
        end = window_end or day
        return template.format(
            yyyy=f"{day.year:04d}", mm=f"{day.month:02d}", dd=f"{day.day:02d}", m=str(day.month), d=str(day.day),
            date=day.isoformat(), start=day.isoformat(), end=end.isoformat(), page=page,
            kw=quote_plus(keyword or ""),
        )

    def listing_request(self, index: int, method: S.Method, page, day: date | None = None,
                        window_end: date | None = None, keyword: str | None = None, url: str | None = None):
        url = url or self.format_url(method.url, page=page, day=day, window_end=window_end, keyword=keyword)
        walk = (index, day.isoformat() if day else None, keyword)
        meta = {
            "pantau_kind": "listing",
            "pantau_method": index,
            "pantau_page": page,
            "pantau_day": day.isoformat() if day else None,
            "pantau_window_end": window_end.isoformat() if window_end else None,
            "pantau_keyword": keyword,
            "pantau_walk": walk,
            "pantau_pages_walked": 1,
        }
        return scrapy.Request(url, callback=self.parse_listing, errback=self.listing_failed, meta=meta,
                              dont_filter=True, priority=10)

    def article_request(self, url: str, feed_date: str | None = None, title: str | None = None):
        canonical = canonical_article_url(url)
        if canonical in self._requested:
            return None
        self._requested.add(canonical)
        if self.prefilter and title:
            from crawlers.topic import title_may_be_on_topic

            if not title_may_be_on_topic(title, self.topic_keywords):
                self.run.skip("off_topic_title")
                return None
        request_url = url.split("#", 1)[0]
        if self.source.article_query:
            key = self.source.article_query.split("=", 1)[0]
            if key not in dict(parse_qsl(urlsplit(request_url).query)):
                request_url += ("&" if "?" in request_url else "?") + self.source.article_query
        self.run.discovered += 1
        meta = {"pantau_kind": "article", "pantau_canonical": canonical, "pantau_feed_date": feed_date,
                "pantau_part": 1, "pantau_article_url": request_url}
        return scrapy.Request(request_url, callback=self.parse_article, errback=self.article_failed, meta=meta)

    # -- listings -------------------------------------------------------------------------------------------
    def _stop(self, reason: str):
        key = f"listing_stop:{reason}"
        self.crawler.stats.inc_value(f"pantau/{key}")
        self.run.listing_stops[reason] += 1

    def parse_listing(self, response):
        meta = response.meta
        method = self.source.methods[meta["pantau_method"]]
        run = self.run
        run.listings += 1
        if not 200 <= response.status < 300:
            run.listing_page(method.kind, 0)
        if response.status in (404, 410):
            self._stop(f"http_{response.status}")
            return
        if not 200 <= response.status < 300:
            self.day_batches.failed(meta.get("pantau_day"))
            run.error(f"listing_http_{response.status}")
            self._stop(f"http_{response.status}")
            return
        yield PageItem(
            url=response.url, canonical_url=canonical_listing_url(response.url), source=self.name, kind="listing",
            status=response.status, headers=lower_headers(response.headers), body=response.body,
            final_url=response.url, feed_date=meta.get("pantau_day"),
        )
        if method.kind == S.PAYLOAD:
            yield from self.parse_payload(response, method)
            return
        if method.kind in (S.SITEMAP, S.RSS) or self._looks_like_xml(response):
            yield from self.parse_feed(response, method)
            return
        yield from self.parse_html_listing(response, method)

    @staticmethod
    def _looks_like_xml(response) -> bool:
        ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        return "xml" in ctype or response.body.lstrip()[:5] == b"<?xml"

    def listing_links(self, response, method: S.Method) -> list[tuple[str, str | None]]:
        found: dict[str, str | None] = {}

        def collect(anchors):
            for anchor in anchors:
                href = (anchor.attrib.get("href") or "").strip()
                if not href or href.startswith(("javascript:", "mailto:", "#")):
                    continue
                url = response.urljoin(href).split("#", 1)[0]
                if not self.source.is_article(url):
                    continue
                title = " ".join(t.strip() for t in anchor.css("::text").getall() if t.strip()) or anchor.attrib.get(
                    "title")
                if url not in found or (title and not found[url]):
                    found[url] = title or found.get(url)

        if method.links:
            collect(response.css(method.links))
        if not found:
            collect(response.css("a[href]"))
            if found and method.links:
                self.run.listing_stops["selector_fallback"] += 1
        return list(found.items())

    def parse_html_listing(self, response, method: S.Method):
        meta = response.meta
        links = self.listing_links(response, method)
        self.run.listing_page(method.kind, len(links))
        walk = meta["pantau_walk"]
        seen = self._walk_links.setdefault(walk, set())
        new = [(u, t) for u, t in links if u not in seen]
        if not links:
            self._stop("empty")
            return
        if not new:
            self._stop("repeat")
            return
        seen.update(u for u, _ in new)
        dated = [(u, url_date(u)) for u, _ in new]
        out_of_range = {u for u, d in dated if d is not None and not self.in_range(d)}
        all_out = bool(out_of_range) and len(out_of_range) == sum(1 for _, d in dated if d is not None) and all(
            d is not None for _, d in dated)
        feed_date = meta.get("pantau_day") if method.kind == S.DATED_INDEX else None
        for url, title in new:
            if url in out_of_range and method.kind != S.DATED_INDEX:
                self.run.skip("out_of_range")
                continue
            if url in out_of_range and all_out:  # dated index: only when the whole page is another day's
                self.run.skip("out_of_range")
                continue
            linked_day = url_date(url)
            request = self.article_request(url, feed_date=feed_date or (linked_day.isoformat() if linked_day else None),
                                           title=title)
            if request is not None:
                yield request
        if all_out and method.kind == S.DATED_INDEX:
            # a day's listing whose links all belong to other days: the site ignored the date (CNN, sites.md §2.5)
            self._stop("left_range")
            return
        # newest-first walks (search, tag, latest) go on past pages newer than the range and stop once every
        # dated link is older than --since
        if method.kind in (S.SEARCH, S.TAG, S.LATEST) and self.since and dated and all(
                d is not None and d < self.since for _, d in dated):
            self._stop("left_range")
            return
        if not method.paged:
            return
        walked = meta.get("pantau_pages_walked", 1)
        if walked >= method.max_pages:
            self._stop("max_pages")
            return
        next_page = meta["pantau_page"] + method.step
        day = parse_day(meta.get("pantau_day"))
        request = self.listing_request(meta["pantau_method"], method, next_page, day=day,
                                       window_end=parse_day(meta.get("pantau_window_end")),
                                       keyword=meta.get("pantau_keyword"))
        request.meta["pantau_pages_walked"] = walked + 1
        yield request

    def parse_feed(self, response, method: S.Method):
        meta = response.meta
        body = response.body
        if body[:2] == b"\x1f\x8b":  # sitemap.xml.gz served as a file, not as Content-Encoding
            import zlib

            try:
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                body = inflater.decompress(body, FEED_MAX_BYTES)
            except zlib.error:
                self.run.error("feed_bad_gzip")
                return
        try:
            root = etree.fromstring(body, parser=etree.XMLParser(recover=True, resolve_entities=False,
                                                                          no_network=True, huge_tree=False))
        except (etree.XMLSyntaxError, ValueError):
            root = None
        if root is None:
            self.run.error("feed_unparseable")
            return

        def text(node, name):
            for child in node.iter():
                if isinstance(child.tag, str) and etree.QName(child).localname == name and child.text:
                    return child.text.strip()
            return None

        kind = etree.QName(root).localname.lower()
        if kind == "sitemapindex":
            for node in root:
                if not isinstance(node.tag, str):
                    continue
                loc = text(node, "loc")
                if not loc:
                    continue
                day = url_date(loc) or _month_of(loc) or feed_entry_date(text(node, "lastmod"))
                if self.since and day is not None and not self._month_overlaps(loc, day):
                    self.run.skip("sitemap_out_of_range")
                    continue
                request = self.listing_request(meta["pantau_method"], method, None, url=loc)
                request.meta["pantau_walk"] = (meta["pantau_method"], loc, None)
                yield request
            return
        entries = []
        if kind == "urlset":
            for node in root:
                if isinstance(node.tag, str):
                    entries.append((text(node, "loc"), text(node, "publication_date") or text(node, "lastmod"),
                                    text(node, "title")))
        else:  # RSS or Atom
            for node in root.iter():
                if not isinstance(node.tag, str):
                    continue
                name = etree.QName(node).localname
                if name == "item":
                    entries.append((text(node, "link") or text(node, "guid"), text(node, "pubDate") or text(node, "date"),
                                    text(node, "title")))
                elif name == "entry":
                    link = next((c.get("href") for c in node if isinstance(c.tag, str)
                                 and etree.QName(c).localname == "link" and c.get("href")), None)
                    entries.append((link, text(node, "published") or text(node, "updated"), text(node, "title")))
        self.run.listing_page(method.kind, sum(1 for loc, _, _ in entries
                                               if loc and self.source.is_article(response.urljoin(loc.strip()))))
        for loc, stamp, title in entries:
            if not loc:
                continue
            url = response.urljoin(loc.strip())
            if not self.source.is_article(url):
                self.run.skip("feed_not_article")
                continue
            day = feed_entry_date(stamp) or url_date(url)
            if not self.in_range(day):
                self.run.skip("out_of_range")
                continue
            request = self.article_request(url, feed_date=day.isoformat() if day else None, title=title)
            if request is not None:
                yield request

    def parse_payload(self, response, method: S.Method):
        """A Nuxt ``_payload.json``: a flat "devalue" array whose objects point at other entries by index."""
        import json

        try:
            data = json.loads(response.body)
        except (ValueError, UnicodeDecodeError):
            self.run.error("payload_unparseable")
            return
        if not isinstance(data, list):
            data = [data]
        self.run.listing_page(method.kind, sum(1 for e in data if isinstance(e, dict) and "canonical_url" in e))

        def value(ref):
            if isinstance(ref, int) and not isinstance(ref, bool) and 0 <= ref < len(data):
                return data[ref]
            return ref

        for entry in data:
            if not isinstance(entry, dict) or "canonical_url" not in entry:
                continue
            url = value(entry.get("canonical_url"))
            if not isinstance(url, str):
                continue
            url = response.urljoin(url)
            if not self.source.is_article(url):
                self.run.skip("feed_not_article")
                continue
            stamp = value(entry.get("published_at"))
            day = None
            if isinstance(stamp, str) and len(stamp) >= 10:
                try:
                    day = date.fromisoformat(stamp[:10])  # naive WIB wall time: the date part is the local day
                except ValueError:
                    day = None
            if not self.in_range(day):
                self.run.skip("out_of_range")
                continue
            title = value(entry.get("title"))
            request = self.article_request(url, feed_date=day.isoformat() if day else None,
                                           title=title if isinstance(title, str) else None)
            if request is not None:
                yield request

    def _month_overlaps(self, loc: str, day: date) -> bool:
        if _month_of(loc) and not url_date(loc):
            first = day.replace(day=1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            return not (last < self.since or first > self.until)
        return self.since <= day <= self.until or day > self.until  # lastmod after the range: may hold it

    def listing_failed(self, failure):
        if failure.check(IgnoreRequest) and ("robots" in str(failure.value).lower()
                                             or str(failure.value) == "source blocked"):
            return
        request = failure.request
        self.day_batches.failed(request.meta.get("pantau_day"))
        self.run.listings += 1
        self.run.error(f"listing_{failure_reason(failure)}")
        log.warning("%s: listing failed %s: %s", self.name, request.url, failure.value)

    # -- articles -------------------------------------------------------------------------------------------
    def parse_article(self, response):
        meta = response.meta
        run = self.run
        if meta.get("pantau_settled"):  # 304 handled by the incremental middleware
            run.articles_done += 1
            return
        part = meta.get("pantau_part", 1)
        if not 200 <= response.status < 300:
            if response.status >= 500 or response.status in (403, 408, 429):
                self.day_batches.failed(meta.get("pantau_feed_date"))  # worth another try: the day is not done
            run.error(f"http_{response.status}" if part == 1 else f"part_http_{response.status}")
            run.articles_done += 1
            return
        ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if ctype and not any(t in ctype for t in HTML_TYPES):
            run.skip(f"non_html:{ctype.split(';')[0]}")
            run.articles_done += 1
            return
        if not response.body.strip():
            run.error("empty_body")
            run.articles_done += 1
            return
        if self.source.multipage == "follow":
            parts = list(meta.get("pantau_parts") or [])
            parts.append((part, response.url, response.body))
            total = meta.get("pantau_total_parts") or self.page_count(response)
            if part < total:
                next_url = self.page_url(meta["pantau_article_url"], part + 1)
                new_meta = dict(meta)
                for key in ("download_slot", "pantau_conditional_checked", "retry_times", "redirect_times",
                            "redirect_urls", "download_latency", "depth"):
                    new_meta.pop(key, None)
                new_meta.update(pantau_part=part + 1, pantau_parts=parts, pantau_total_parts=total,
                                pantau_first=meta.get("pantau_first") or self._first_page(response))
                yield scrapy.Request(next_url, callback=self.parse_article, errback=self.article_failed,
                                     meta=new_meta, dont_filter=True, priority=5)
                return
            if len(parts) > 1:
                first = meta["pantau_first"]
                body = merge_pages(parts[0][2], [(n, u, b) for n, u, b in parts[1:]])
                yield self.article_item(first["url"], first["status"], first["headers"], body, first["final_url"],
                                        meta, part_urls=[u for _, u, _ in parts])
                return
        yield self.article_item(meta.get("pantau_article_url") or response.url, response.status,
                                lower_headers(response.headers), response.body, response.url, meta)

    def _first_page(self, response) -> dict:
        return {"url": response.meta.get("pantau_article_url") or response.url, "status": response.status,
                "headers": lower_headers(response.headers), "final_url": response.url}

    def article_item(self, url, status, headers, body, final_url, meta, part_urls=None):
        item = PageItem(
            url=url, canonical_url=meta["pantau_canonical"], source=self.name, kind="article", status=status,
            headers=headers, body=body, final_url=final_url, feed_date=meta.get("pantau_feed_date"),
        )
        if part_urls:
            item["parts"] = part_urls
        return item

    def page_count(self, response) -> int:
        """Multi-page (follow) articles: the highest ``?page=N`` linking to this same article path."""
        param = self.source.page_param
        path = urlsplit(response.url).path.rstrip("/")
        highest = 1
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href.strip())
            parts = urlsplit(url)
            if parts.path.rstrip("/") != path:
                continue
            value = dict(parse_qsl(parts.query)).get(param, "")
            if value.isdigit():
                highest = max(highest, int(value))
        return min(highest, 30)

    def page_url(self, url: str, number: int) -> str:
        parts = urlsplit(url)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != self.source.page_param]
        query.append((self.source.page_param, str(number)))
        from urllib.parse import urlencode, urlunsplit

        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))

    def article_failed(self, failure):
        if failure.check(IgnoreRequest) and str(failure.value) in ("already seen", "Forbidden by robots.txt",
                                                                   "source blocked"):
            return  # recorded by the middleware that raised it
        request = failure.request
        self.day_batches.failed(request.meta.get("pantau_feed_date"))
        part = request.meta.get("pantau_part", 1)
        reason = failure_reason(failure)
        self.run.error(reason if part == 1 else f"part_{reason}")
        self.run.articles_done += 1
        log.warning("%s: article failed %s: %s (%s)", self.name, request.url, reason, failure.value)


def _month_of(url: str) -> date | None:
    match = re.search(r"(20\d\d)[-/](\d\d)(?:\.xml|/|$)", url)
    if match and 1 <= int(match.group(2)) <= 12:
        return date(int(match.group(1)), int(match.group(2)), 1)
    return None


class FeedSpider(PantauSpider):
    """The generic sitemap/RSS spider, for a source record with only feed methods (``feed_only=True``)."""

    name = "feed"
