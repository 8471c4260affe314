"""Cross-cutting crawl behaviour: robots policy, incremental fetching, blocks, raw archive, mirror mapping.

Downloader middleware order (see settings.DOWNLOADER_MIDDLEWARES): robots (100) -> incremental (120) -> ... ->
block (540) -> retry (550, Scrapy) -> ... -> archive (940) -> mirror (950) -> downloader. Only the mirror
middleware ever sees a mirror URL: it maps the request just before the download and puts the real URL back on
the request and the response right after, so everything stored, logged and followed keeps the real URL.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from crawlers.archive import default_warc_dir, get_store, get_warc
from crawlers.canon import canonical_listing_url
from crawlers.runstate import get_run

log = logging.getLogger("pantau.crawl")


def lower_headers(headers) -> dict:
    """Scrapy Headers -> {lower-case name: last value as str}."""
    out = {}
    for key, values in headers.items():
        name = key.decode("latin-1").lower() if isinstance(key, bytes) else str(key).lower()
        value = values[-1] if isinstance(values, (list, tuple)) and values else values
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        out[name] = value
    return out


def header_pairs(headers) -> list[tuple[str, str]]:
    pairs = []
    for key, values in headers.items():
        name = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        for value in values if isinstance(values, (list, tuple)) else [values]:
            pairs.append((name, value.decode("latin-1") if isinstance(value, bytes) else str(value)))
    return pairs


# --------------------------------------------------------------------------------------------------------------
class _DisallowAll:
    """Robots policy while robots.txt is unreachable (5xx, network error) or refused (401/403): fetch nothing."""

    def __init__(self, reason: str):
        self.reason = reason

    def allowed(self, url, user_agent) -> bool:
        return False


class PantauRobotsMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, plus Pantau's policy (sites.md §1.6).

    * a URL is fetched only if robots.txt allows it for ``ROBOTSTXT_USER_AGENT`` (Pantau) **and** for every token
      in ``PANTAU_ROBOTS_EXTRA_TOKENS`` (Scrapy);
    * robots.txt answering 5xx or unreachable means disallow all (RFC 9309); 401/403 means blocked; other 4xx
      allow all;
    * every robots.txt response is archived (store + WARC) as kind ``robots``;
    * sources in ``PANTAU_IGNORE_ROBOTS`` are the explicit opt-in: robots.txt is still fetched and archived, each
      URL it would have blocked is counted as ``robots_ignored``, and the opt-in is logged.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self.extra_tokens = list(crawler.settings.getlist("PANTAU_ROBOTS_EXTRA_TOKENS"))
        self.ignore = {s.lower() for s in crawler.settings.getlist("PANTAU_IGNORE_ROBOTS")}
        self._warned_ignore = False

    async def robot_parser(self, request):
        # Scrapy hands every request that waited for robots.txt the result of one shared Deferred, and after the
        # first waiter that result is None (= allow all). Read the parser stored for the host instead.
        parser = await super().robot_parser(request)
        stored = self._parsers.get(urlparse_cached(request).netloc, parser)
        return parser if isinstance(stored, Deferred) else stored

    def _apply_crawl_delay(self, rp, request):
        """Honour a robots.txt ``Crawl-delay`` for our token (capped at PANTAU_MAX_CRAWL_DELAY) on that host's slot."""
        getter = getattr(rp, "crawl_delay", None)
        if getter is None:
            return
        try:
            delay = getter(self._robotstxt_useragent or "Pantau")
        except Exception:
            return
        if not delay:
            return
        delay = min(float(delay), self.crawler.settings.getfloat("PANTAU_MAX_CRAWL_DELAY", 30.0))
        key = request.meta.get("download_slot") or urlparse_cached(request).hostname
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is not None and slot.delay < delay:
            slot.delay = delay
            log.info("%s: robots.txt Crawl-delay %.1fs applied to %s", get_run(self.crawler).source, delay, key)

    def _tokens(self, request):
        first = self._robotstxt_useragent or request.headers.get(b"User-Agent", self._default_useragent)
        return [first, *self.extra_tokens]

    def process_request_2(self, rp, request):
        if rp is None:
            return
        self._apply_crawl_delay(rp, request)
        run = get_run(self.crawler)
        source = run.source
        denied = [t for t in self._tokens(request) if not rp.allowed(request.url, t)]
        if not denied:
            return
        if source in self.ignore:
            run.robots_ignored += 1
            if not self._warned_ignore:
                self._warned_ignore = True
                log.warning(
                    "%s: robots.txt disallows %s for %s; IGNORED by explicit opt-in (--ignore-robots %s)",
                    source, request.url, ", ".join(map(_token_str, denied)), source,
                )
            return
        run.robots_blocked += 1
        run.skip("robots_disallowed" if not isinstance(rp, _DisallowAll) else f"robots_{rp.reason}")
        if request.meta.get("pantau_kind") == "article":
            run.articles_done += 1
        self._stats.inc_value("robotstxt/forbidden")
        log.debug("%s: forbidden by robots.txt for %s: %s", source, denied, request.url)
        raise IgnoreRequest("Forbidden by robots.txt")

    async def _parse_robots(self, response, netloc, request):
        run = get_run(self.crawler)
        status = response.status
        _archive_page(self.crawler, response, kind="robots")
        if status in (401, 403):
            reason = "blocked"
            run.blocked = True
            run.blocked_statuses[status] += 1
        elif status >= 500:
            reason = "unavailable"
        else:
            reason = None
        if reason is None:
            if status >= 400:
                response = response.replace(body=b"")
            await super()._parse_robots(response, netloc, request)
            return
        log.warning("%s: robots.txt of %s answered %s: nothing will be fetched there", run.source, netloc, status)
        self._stats.inc_value("robotstxt/response_count")
        rp_dfd = self._parsers[netloc]
        self._parsers[netloc] = _DisallowAll(reason)
        rp_dfd.callback(self._parsers[netloc])

    def _robots_error(self, exc, netloc):
        run = get_run(self.crawler)
        run.error(f"robots_fetch:{type(exc).__name__}")
        log.warning("%s: robots.txt of %s unreachable (%s): nothing will be fetched there", run.source, netloc, exc)
        rp_dfd = self._parsers[netloc]
        self._parsers[netloc] = _DisallowAll("unreachable")
        rp_dfd.callback(self._parsers[netloc])


def _token_str(token) -> str:
    return token.decode() if isinstance(token, bytes) else str(token)


def _archive_page(crawler, response, kind: str, feed_date: str | None = None):
    """Store a response that no spider callback sees (robots.txt) through the store."""
    settings = crawler.settings
    run = get_run(crawler)
    store = get_store(settings.get("PANTAU_DB"))
    try:
        _, outcome = store.save_page(
            url=response.url,
            canonical_url=canonical_listing_url(response.url),
            source=run.source,
            status=response.status,
            body=response.body,
            headers=lower_headers(response.headers),
            final_url=response.url,
            kind=kind,
            run_id=run.run_id,
            feed_date=feed_date,
        )
        run.listing_outcomes[f"{kind}_{outcome}"] += 1
    except Exception as error:  # archive failures are recorded, never fatal
        run.error(f"store:{type(error).__name__}")
        log.exception("%s: could not store %s", run.source, response.url)


# --------------------------------------------------------------------------------------------------------------
class IncrementalMiddleware:
    """Seen-URL skip and conditional GET for article requests (listings are always fetched).

    Default: an article whose canonical URL was fetched before (2xx/304) is not requested at all. With
    ``PANTAU_REFETCH`` (or inside the ``PANTAU_RECHECK_DAYS`` window) it is requested with If-None-Match /
    If-Modified-Since from the stored headers; a 304 counts as unchanged.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.store = get_store(crawler.settings.get("PANTAU_DB"))
        self.refetch = crawler.settings.getbool("PANTAU_REFETCH")
        days = crawler.settings.get("PANTAU_RECHECK_DAYS")
        self.recheck_after = (
            datetime.now(timezone.utc) - timedelta(days=float(days)) if days not in (None, "", 0, "0") else None
        )

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _should_refetch(self, row) -> bool:
        if self.refetch:
            return True
        if self.recheck_after is not None and row.get("first_seen"):
            try:
                return datetime.fromisoformat(row["first_seen"]) >= self.recheck_after
            except ValueError:
                return False
        return False

    def check(self, request) -> bool:
        """False if the article request must not be sent (already seen); adds conditional headers otherwise."""
        meta = request.meta
        if meta.get("pantau_kind") not in ("article", "document") or meta.get("pantau_part", 1) > 1:
            return True
        if meta.get("pantau_conditional_checked"):
            return True  # a retry or redirect of a request already checked
        meta["pantau_conditional_checked"] = True
        row = self.store.seen(meta["pantau_canonical"])
        if not row or not (200 <= (row.get("last_status") or 0) < 300 or row.get("last_status") == 304):
            return True
        run = get_run(self.crawler)
        if not self._should_refetch(row):
            run.skip("already_seen")
            run.articles_done += 1
            return False
        if row.get("etag"):
            request.headers[b"If-None-Match"] = row["etag"]
        if row.get("last_modified"):
            request.headers[b"If-Modified-Since"] = row["last_modified"]
        meta["pantau_conditional"] = True
        return True

    def process_request(self, request):
        if not self.check(request):
            raise IgnoreRequest("already seen")
        return None

    def process_response(self, request, response):
        if response.status == 304 and request.meta.get("pantau_kind") in ("article", "document"):
            run = get_run(self.crawler)
            self.store.mark_seen_unchanged(request.meta["pantau_canonical"], 304)
            run.outcomes["unchanged"] += 1
            request.meta["pantau_settled"] = True
        return response


# --------------------------------------------------------------------------------------------------------------
class BlockMiddleware:
    """403/429: back off on that host and, after PANTAU_BLOCK_THRESHOLD of them, stop the source as blocked.

    Never retried with another identity (sites.md §1.6: only publisher permission unblocks).
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.statuses = {int(s) for s in crawler.settings.getlist("PANTAU_BLOCK_STATUSES")}
        self.backoff = crawler.settings.getfloat("PANTAU_BLOCK_BACKOFF_S")
        self.threshold = crawler.settings.getint("PANTAU_BLOCK_THRESHOLD")
        self._closing = False

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        if self._closing and not request.meta.get("dont_obey_robotstxt"):
            run = get_run(self.crawler)
            run.skip("source_blocked")
            if request.meta.get("pantau_kind") == "article":
                run.articles_done += 1
            raise IgnoreRequest("source blocked")
        return None

    def process_response(self, request, response):
        if response.status not in self.statuses:
            return response
        run = get_run(self.crawler)
        run.blocked = True
        run.blocked_statuses[response.status] += 1
        downloader = self.crawler.engine.downloader
        key = request.meta.get("download_slot") or urlsplit(request.url).hostname
        slot = downloader.slots.get(key)
        if slot is not None and self.backoff:
            slot.delay = max(slot.delay * 2, self.backoff)
        retry_after = (response.headers.get(b"Retry-After") or b"").decode("latin-1").strip()
        if slot is not None and retry_after.isdigit():
            slot.delay = max(slot.delay, min(float(retry_after), 3600.0))  # the publisher's own pace
        total = sum(run.blocked_statuses.values())
        log.warning("%s: HTTP %s for %s (block signal %d/%d); backing off", run.source, response.status,
                    request.url, total, self.threshold)
        if total >= self.threshold and not self._closing:
            self._closing = True
            run.notes.append(f"stopped after {total} responses with status {sorted(run.blocked_statuses)}")
            log.error("%s: blocked by the publisher (HTTP %s); stopping this source", run.source,
                      "/".join(map(str, sorted(run.blocked_statuses))))
            self._drop_queued(run)
            from twisted.internet import reactor

            reactor.callLater(0, self._close)
        return response

    def _drop_queued(self, run):
        """Requests already waiting in the downloader's per-host queues are not sent once a source is blocked."""
        from twisted.python.failure import Failure

        for slot in list(self.crawler.engine.downloader.slots.values()):
            queue = getattr(slot, "queue", None)
            while queue:
                request, deferred = queue.popleft()
                run.skip("source_blocked")
                if request.meta.get("pantau_kind") == "article":
                    run.articles_done += 1
                deferred.errback(Failure(IgnoreRequest("source blocked")))

    def _close(self):
        import asyncio

        engine = self.crawler.engine
        try:
            coro = engine.close_spider_async(reason="blocked")
            asyncio.ensure_future(coro)
        except Exception:  # pragma: no cover
            log.exception("could not close a blocked spider")


# --------------------------------------------------------------------------------------------------------------
class ResponseArchiveMiddleware:
    """Counts every request and response of a source and writes every raw response to the WARC file."""

    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.warc = None
        if settings.getbool("PANTAU_WARC_ENABLED"):
            directory = settings.get("PANTAU_WARC_DIR") or default_warc_dir(settings.get("PANTAU_DB"))
            self.warc = get_warc(directory)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        get_run(self.crawler).requests += 1
        return None

    def process_response(self, request, response):
        run = get_run(self.crawler)
        run.responses_by_status[response.status] += 1
        kind = request.meta.get("pantau_kind") or ("robots" if response.url.endswith("/robots.txt") else "other")
        run.fetched[kind] += 1
        if kind != "robots":
            run.content_responses += 1
        if self.warc is not None:
            try:
                self.warc.write_response(response.url, response.status, header_pairs(response.headers),
                                         response.body, source=run.source)
            except Exception as error:
                run.error(f"warc:{type(error).__name__}")
                log.exception("could not write a WARC record for %s", response.url)
        return response


# --------------------------------------------------------------------------------------------------------------
class MirrorMiddleware:
    """Mirror mode: fetch ``https://HOST/PATH?QUERY`` from ``MIRROR/HOST/PATH?QUERY``.

    The request URL is mapped in place just before the download and restored right after it (and on errors), and
    the response gets the real URL, so no other component ever sees a mirror URL. The download slot stays the real
    host, so per-host politeness still applies per outlet. robots.txt requests go through the same mapping.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        base = crawler.settings.get("PANTAU_MIRROR") or os.environ.get("PANTAU_MIRROR") or ""
        self.base = base.rstrip("/")
        self.mirror_netloc = urlsplit(self.base).netloc if self.base else ""

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def map(self, url: str) -> str:
        parts = urlsplit(url)
        query = f"?{parts.query}" if parts.query else ""
        return f"{self.base}/{parts.netloc}{parts.path or '/'}{query}"

    def unmap(self, url: str, scheme: str = "https") -> str:
        if not self.base or not url.startswith(self.base + "/"):
            return url
        rest = url[len(self.base) + 1:]
        return f"{scheme}://{rest}"

    def process_request(self, request):
        if not self.base or request.meta.get("pantau_real_url"):
            return None
        real = request.url
        request.meta["pantau_real_url"] = real
        request.meta.setdefault("download_slot", urlsplit(real).netloc)
        request._set_url(self.map(real))
        return None

    def _restore(self, request) -> str | None:
        real = request.meta.pop("pantau_real_url", None)
        if real:
            request._set_url(real)
        return real

    def process_response(self, request, response):
        real = self._restore(request)
        if not real:
            return response
        scheme = urlsplit(real).scheme or "https"
        headers = response.headers
        location = headers.get(b"Location")
        if location:
            loc = location.decode("latin-1")
            if loc.startswith(self.base + "/"):
                headers[b"Location"] = self.unmap(loc, scheme)
            elif loc.startswith("/") and not loc.startswith("//") and "." in loc.lstrip("/").split("/")[0]:
                # a server-relative redirect on the mirror: /HOST/PATH (a real site's /PATH stays relative)
                headers[b"Location"] = f"{scheme}://{loc.lstrip('/')}"
        return response.replace(url=real)

    def process_exception(self, request, exception):
        self._restore(request)
        return None


# --------------------------------------------------------------------------------------------------------------
class SpiderErrorMiddleware:
    """A spider callback that raises (malformed page, unexpected markup) is recorded, never fatal."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_exception(self, response, exception):
        run = get_run(self.crawler)
        kind = response.meta.get("pantau_kind", "page")
        run.error(f"parse_error:{kind}:{type(exception).__name__}")
        if kind == "article":
            run.articles_done += 1
        log.warning("%s: could not process %s (%s): %s", run.source, response.url, kind, exception)
        return []


class IncrementalSpiderMiddleware:
    """The seen-URL check of :class:`IncrementalMiddleware`, applied to article requests as spiders yield them, so
    an already-seen article never reaches the scheduler (the downloader middleware stays as the safety net)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self._checker = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def checker(self) -> IncrementalMiddleware:
        if self._checker is None:
            self._checker = IncrementalMiddleware(self.crawler)
        return self._checker

    def _keep(self, item) -> bool:
        from scrapy import Request

        return not isinstance(item, Request) or self.checker.check(item)

    def process_spider_output(self, response, result):
        for item in result:
            if self._keep(item):
                yield item

    async def process_spider_output_async(self, response, result):
        async for item in result:
            if self._keep(item):
                yield item
