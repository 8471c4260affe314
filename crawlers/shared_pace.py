"""Per-host politeness shared by the workers of a distributed crawl.

Scrapy's download delay holds per process: two workers would each fetch a host once a second, twice the pace Pantau
promises its publishers. This downloader middleware makes every worker reserve its turn for a host in Redis before
the request goes out: one Lua step moves the host's "next free time" forward by the host's delay (the worker's own
slot delay when it is larger: a robots.txt Crawl-delay or a 403/429 back-off) and tells the worker how long to wait.
All workers together thus start at most one request per host per delay. Off when the delay is 0 (loopback mirrors).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.exceptions import NotConfigured

# KEYS: the host's next free time; ARGV: delay in seconds. Returns how long the caller waits (seconds, as text).
RESERVE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(now, free)
local delay = tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.6f', start + delay), 'PX', math.ceil((start + delay - now) * 1000) + 60000)
return string.format('%.6f', start - now)
"""
PACE_PREFIX = "pantau:pace:"


class HostPace:
    """The shared reservation, apart from Scrapy so it can be tested (and reused) on its own."""

    def __init__(self, server):
        self._reserve = server.register_script(RESERVE_SCRIPT)

    def reserve(self, host: str, delay: float) -> float:
        """Seconds to wait before starting a request to ``host`` (0 when its turn is now)."""
        return float(self._reserve(keys=[PACE_PREFIX + host], args=[f"{delay:.6f}"]))


class SharedPaceMiddleware:
    def __init__(self, crawler):
        from crawlers.distributed import connect

        settings = crawler.settings
        self.delay = settings.getfloat("DOWNLOAD_DELAY")
        if not settings.get("PANTAU_REDIS_URL") or self.delay <= 0:
            raise NotConfigured
        self.crawler = crawler
        self.pace = HostPace(connect(settings.get("PANTAU_REDIS_URL")))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _delay(self, request, host: str) -> float:
        slot = self.crawler.engine.downloader.slots.get(request.meta.get("download_slot") or host)
        return max(self.delay, getattr(slot, "delay", 0.0) or 0.0)

    async def process_request(self, request):
        from twisted.internet import reactor
        from twisted.internet.defer import Deferred

        from scrapy.utils.defer import maybe_deferred_to_future

        host = urlsplit(request.url).netloc
        wait = self.pace.reserve(host, self._delay(request, host))
        if wait > 0:
            turn = Deferred()
            reactor.callLater(wait, turn.callback, None)
            await maybe_deferred_to_future(turn)
        return None
