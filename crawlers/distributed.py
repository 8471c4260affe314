"""Distributed crawl: several ``pantau crawl --redis URL`` workers share one scrapy-redis frontier.

* **Frontier.** The scheduler and duplicate filter are scrapy-redis's (``scrapy_redis.scheduler.Scheduler``,
  ``scrapy_redis.dupefilter.RFPDupeFilter``) with their keys under the job prefix, so every worker started with the
  same arguments pops from the same priority queue and an article URL is requested once across all of them.
* **Seeding once.** The first worker to open a source pushes that source's start requests (dated listings, feeds)
  and sets the source's ``seeded`` key in one WATCH/MULTI transaction: either all seeds and the flag are written,
  or none; a worker that finds the flag set seeds nothing.
* **Reliable queue.** scrapy-redis pops a request by removing it from the queue, so a SIGKILLed worker would lose
  what it was fetching. :class:`ReliableQueue` pops with a Lua script that moves the request, atomically, into the
  worker's *in-flight* hash; it is removed from there (acknowledged) only when Scrapy has finished with it (the
  response went through the spider and its items and follow-up requests were handed on, or the failure went
  through the errback, or a retry/redirect copy was queued first). Each worker beats a heartbeat (a score in
  ``pantau:workers``: the Redis time until which it counts as alive); every worker reaps the in-flight hashes of
  workers whose heartbeat lapsed back into the queue. A killed worker's requests are thus fetched again by another
  worker, or by itself when restarted (under a new worker id).
* **No database in the workers.** Every store write of the crawler (pages, robots.txt, run records, 304s) becomes
  an entry of the Redis stream ``pantau:pages`` (:class:`RedisPageSink` stands in for ``db.store.Store``);
  ``pantau ingest`` is the single writer that archives them (:mod:`pantau.ingest`). Already-archived articles are
  skipped through ``pantau:seen``, the index of archived URLs that the ingest keeps.
* **Politeness across workers.** :mod:`crawlers.shared_pace` reserves each request's turn per host in Redis, so
  all workers together keep the one-request-per-delay pace of a single process.
* **Idle exit.** With ``--idle-exit SECONDS`` a worker closes a source once the shared queue and every worker's
  in-flight hash of that source have been empty that long, and the last such worker clears the job's seed flag,
  duplicate filter and walk memory (so running the same command later is a new, incremental crawl). Without it,
  the worker stays up as a service waiting for work.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import time
import uuid
import zlib
from datetime import datetime, timezone

import redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from crawlers.dupefilter import record_duplicate

log = logging.getLogger("pantau.crawl")

PAGES_STREAM = "pantau:pages"  # fetched pages and run records, read by `pantau ingest`
SEEN_INDEX = "pantau:seen"  # canonical article URL -> JSON of its seen_urls row (kept by the ingest)
WORKERS = "pantau:workers"  # worker id -> Redis time until which it counts as alive
INGEST_GROUP = "ingest"
# The arguments that define a job: workers started with the same ones share its queue (sources are per queue key).
JOB_ARGS = ("since", "until", "methods", "refetch", "recheck_days", "topic_prefilter", "ignore_robots")

# KEYS: queue, this worker's in-flight hash, job registry of in-flight hashes. Registering on every pop matters: a
# worker wrongly reaped (frozen past its heartbeat) must not go on filling a hash that no reaper can find.
POP_SCRIPT = """
local items = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #items == 0 then return false end
redis.call('ZREM', KEYS[1], items[1])
local field = items[2] .. ':' .. redis.sha1hex(items[1])
redis.call('HSET', KEYS[2], field, items[1])
redis.call('HSET', KEYS[3], KEYS[2], KEYS[1])
return {field, items[1]}
"""
# KEYS: in-flight hash, queue, job registry of in-flight hashes
REQUEUE_SCRIPT = """
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local score = string.match(entries[i], '^([^:]+):')
  redis.call('ZADD', KEYS[2], score, entries[i + 1])
end
redis.call('DEL', KEYS[1])
redis.call('HDEL', KEYS[3], KEYS[1])
return #entries / 2
"""
# KEYS: queue, job registry, keys to delete ...; clears a source's job state only if nothing is queued or in flight
FINISH_SCRIPT = """
if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
local registry = redis.call('HGETALL', KEYS[2])
for i = 1, #registry, 2 do
  if registry[i + 1] == KEYS[1] and redis.call('HLEN', registry[i]) > 0 then return 0 end
end
for i = 3, #KEYS do redis.call('DEL', KEYS[i]) end
return 1
"""
# KEYS: duplicate filter, queue; ARGV: fingerprint ('' = do not filter), score, request. One step, so a worker
# killed in between cannot leave a URL marked as seen but never queued.
ENQUEUE_SCRIPT = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""
# KEYS: walk memory hash; ARGV: walk digest, page, urls...; returns the urls first shown by this page of the walk
WALK_SCRIPT = """
local new = {}
for i = 3, #ARGV do
  local field = ARGV[1] .. '|' .. ARGV[i]
  if redis.call('HSETNX', KEYS[1], field, ARGV[2]) == 1 or redis.call('HGET', KEYS[1], field) == ARGV[2] then
    table.insert(new, ARGV[i])
  end
end
return new
"""


def connect(url: str) -> redis.Redis:
    """A client for ``url``; fails loudly (redis.ConnectionError) when the server does not answer."""
    server = redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10, retry_on_timeout=True)
    server.ping()
    return server


def redis_now(server) -> float:
    """The Redis server's clock: the one clock every machine of a crawl agrees on."""
    seconds, micros = server.time()
    return seconds + micros / 1e6


def job_id(run_args: dict) -> str:
    chosen = {k: run_args.get(k) for k in JOB_ARGS}
    return hashlib.sha1(json.dumps(chosen, sort_keys=True, default=str).encode()).hexdigest()[:12]


def job_prefix(job: str) -> str:
    return f"pantau:job:{job}"


def safe_url(url: str) -> str:
    """The Redis URL without its password, for logs and run records."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.rsplit("@", 1)[1]
        return urlunsplit((parts.scheme, f"***@{netloc}", parts.path, parts.query, ""))
    return url


def new_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def configure(conf, redis_url: str, idle_exit: float | None = None) -> dict:
    """Turn the settings of a crawl into those of a worker of the shared frontier at ``redis_url``."""
    import warnings

    from crawlers import archive

    # scrapy-redis's scheduler logs through the deprecated Spider.log(); one warning per source is noise
    warnings.filterwarnings("ignore", message=r"Spider\.log\(\) is deprecated")
    warnings.filterwarnings("ignore", message=r"Passing a 'spider' argument to StatsCollector")
    server = connect(redis_url)
    run_args = dict(conf.getdict("PANTAU_RUN_ARGS"))
    job = job_id(run_args)
    worker = new_worker_id()
    prefix = job_prefix(job)
    sink_key = f"redis-worker-{worker.replace(':', '-')}"
    archive.install_store(sink_key, RedisPageSink(server, worker, job,
                                                  max_backlog=conf.getint("PANTAU_REDIS_MAX_BACKLOG", 20000)))
    extensions = dict(conf.getdict("EXTENSIONS"))
    extensions["crawlers.distributed.WorkerExtension"] = 110
    middlewares = dict(conf.getdict("DOWNLOADER_MIDDLEWARES"))
    middlewares["crawlers.shared_pace.SharedPaceMiddleware"] = 130  # after robots and seen-URL checks
    run_args.update(job=job, worker=worker, redis=safe_url(redis_url), idle_exit=idle_exit)
    values = {
        "SCHEDULER": "crawlers.distributed.ReliableScheduler",
        "SCHEDULER_QUEUE_CLASS": "crawlers.distributed.ReliableQueue",
        "DUPEFILTER_CLASS": "crawlers.distributed.RedisDupeFilter",
        "SCHEDULER_PERSIST": True,  # other workers still use the queue when this one closes
        "SCHEDULER_QUEUE_KEY": f"{prefix}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:%(spider)s:dupefilter",
        "REDIS_URL": redis_url,
        "PANTAU_REDIS_URL": redis_url,
        "PANTAU_REDIS_JOB": job,
        "PANTAU_WORKER_ID": worker,
        "PANTAU_IDLE_EXIT": idle_exit,
        "PANTAU_DB": sink_key,  # every get_store() of the crawler returns the RedisPageSink
        "PANTAU_WARC_ENABLED": False,  # the ingest writes the WARC records
        "EXTENSIONS": extensions,
        "DOWNLOADER_MIDDLEWARES": middlewares,
        "PANTAU_RUN_ARGS": run_args,
    }
    for key, value in values.items():
        conf.set(key, value, priority="cmdline")
    server.set(f"{prefix}:args", json.dumps(run_args, sort_keys=True, default=str))
    log.info("worker %s of job %s on %s (idle exit: %s)", worker, job, safe_url(redis_url),
             f"{idle_exit:g}s" if idle_exit is not None else "never, running as a service")
    return {"job": job, "worker": worker}


# --------------------------------------------------------------------------------------------------------------
class RedisPageSink:
    """Stands in for ``db.store.Store`` inside a worker: each write becomes one entry of the pages stream.

    Only the methods the crawler calls exist (``save_page``, ``seen``, ``mark_seen_unchanged``, ``upsert_source``,
    ``start_run``, ``finish_run``). ``pantau ingest`` replays them, in stream order, into the real store.
    """

    def __init__(self, server, worker: str, job: str, max_backlog: int = 20000, patience: float = 60.0):
        self.server = server
        self.patience = patience
        self.worker = worker
        self.job = job
        self.max_backlog = max_backlog
        self._pushed = 0

    def _push(self, entry_type: str, /, **fields):
        entry = {"type": entry_type, "worker": self.worker, "job": self.job}
        entry.update({k: v for k, v in fields.items() if v is not None})
        deadline = time.monotonic() + self.patience
        while True:
            try:
                self.server.xadd(PAGES_STREAM, entry)
                break
            except redis.ConnectionError as error:
                if time.monotonic() > deadline:
                    # Never acknowledge a request whose page could not be handed on: stop hard, so that this
                    # worker's in-flight requests go back to the queue once its heartbeat lapses.
                    log.critical("worker %s: Redis unreachable for %.0fs (%s); exiting without acknowledging",
                                 self.worker, self.patience, error)
                    logging.shutdown()
                    os._exit(75)
                time.sleep(1.0)
        self._pushed += 1
        if self.max_backlog and self._pushed % 100 == 0:
            self._wait_for_ingest()

    def _wait_for_ingest(self):
        """Back-pressure: with no ingest draining the stream, stop pushing before Redis runs out of memory."""
        warned = False
        while self.server.xlen(PAGES_STREAM) > self.max_backlog:
            if not warned:
                log.warning("%d entries wait in %s (limit %d): is `pantau ingest` running? pausing",
                            self.server.xlen(PAGES_STREAM), PAGES_STREAM, self.max_backlog)
                warned = True
            time.sleep(1.0)

    def save_page(self, *, url, canonical_url, source, status, body, headers=None, final_url=None, kind="article",
                  run_id=None, feed_date=None, fetched_at=None):
        self._push(
            "page", url=url, canonical_url=canonical_url, source=source, status=int(status),
            body=zlib.compress(body, 6), headers=json.dumps(headers or {}, ensure_ascii=False),
            final_url=final_url or url, kind=kind, run=run_id, feed_date=feed_date,
            fetched_at=fetched_at or datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
        return None, "queued"

    def seen(self, canonical_url: str) -> dict | None:
        raw = self.server.hget(SEEN_INDEX, canonical_url)
        return json.loads(raw) if raw else None

    def mark_seen_unchanged(self, canonical_url: str, status: int = 304):
        self._push("unchanged", canonical_url=canonical_url, status=int(status))

    def upsert_source(self, name: str, **fields):
        self._push("source", source=name, data=json.dumps(fields, ensure_ascii=False, default=str))

    def start_run(self, source: str, args: dict | None = None) -> str:
        token = f"{self.worker}/{source}"
        self._push("run_start", run=token, source=source,
                   data=json.dumps(dict(args or {}, run_token=token), ensure_ascii=False, default=str))
        return token

    def finish_run(self, run_id, stats: dict, status: str = "finished"):
        self._push("run_finish", run=run_id, status=status, data=json.dumps(stats, ensure_ascii=False, default=str))


# --------------------------------------------------------------------------------------------------------------
class ReliableQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop moves the request into this worker's in-flight hash (see above)."""

    inflight_key: str | None = None
    registry_key: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pop = self.server.register_script(POP_SCRIPT)
        self._inflight: dict[int, bytes] = {}  # id(request) -> field in the in-flight hash

    def pop(self, timeout=0):
        result = self._pop(keys=[self.key, self.inflight_key, self.registry_key])
        if not result:
            return None
        field, data = result
        try:
            request = self._decode_request(data)
        except Exception:  # a request this code cannot rebuild (e.g. a renamed callback): drop it, loudly
            log.exception("%s: dropped an undecodable request from %s", self.spider.name, self.key)
            self.server.hdel(self.inflight_key, field)
            return None
        self._inflight[id(request)] = field
        return request

    def ack(self, request):
        field = self._inflight.pop(id(request), None)
        if field is not None:
            self.server.hdel(self.inflight_key, field)

    def unacked(self) -> int:
        return len(self._inflight)


class ReliableScheduler(Scheduler):
    """scrapy-redis's scheduler with the reliable queue, the seed-once guard and acknowledgement on completion."""

    @classmethod
    def from_crawler(cls, crawler):
        instance = super().from_crawler(crawler)
        instance.crawler = crawler
        return instance

    def open(self, spider):
        super().open(spider)
        settings = self.crawler.settings
        self.job_prefix = job_prefix(settings.get("PANTAU_REDIS_JOB"))
        self.base_key = self.queue.key.rsplit(":requests", 1)[0]
        self.queue.inflight_key = f"{self.base_key}:inflight:{settings.get('PANTAU_WORKER_ID')}"
        self.queue.registry_key = f"{self.job_prefix}:inflight"
        self.server.hset(self.queue.registry_key, self.queue.inflight_key, self.queue.key)
        spider.walk_memory = RedisWalkMemory(self.server, f"{self.base_key}:walks")
        self._enqueue = self.server.register_script(ENQUEUE_SCRIPT)
        self._acknowledge_on_completion()
        self.seed(spider)

    def enqueue_request(self, request):
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        added = self._enqueue(keys=[self.df.key, self.queue.key],
                              args=[fingerprint, -request.priority, self.queue._encode_request(request)])
        if not added:
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def _acknowledge_on_completion(self):
        """Ack a popped request when the engine lets go of it, i.e. when it is fully processed.

        Scrapy has no signal for "this request is done"; the engine's slot ``remove_request`` is called exactly once
        per request taken from the scheduler, after its response or failure went through the spider and the item
        pipelines, and after a retry or redirect copy was scheduled. Checked at start-up, so a Scrapy upgrade that
        changes it fails loudly instead of silently losing acknowledgements.
        """
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is None or not callable(getattr(slot, "remove_request", None)):
            raise RuntimeError("this Scrapy version has no engine slot remove_request(): the distributed crawl "
                               "cannot acknowledge requests (pin Scrapy as in requirements.lock)")
        original = slot.remove_request
        queue = self.queue

        def remove_request(request):
            try:
                original(request)
            finally:
                queue.ack(request)

        slot.remove_request = remove_request

    def seed(self, spider) -> bool:
        """Push the source's start requests unless another worker did: all of them and the flag, or nothing."""
        key = f"{self.base_key}:seeded"
        with self.server.pipeline() as pipe:
            try:
                pipe.watch(key)
                if pipe.exists(key):
                    pipe.unwatch()
                    log.info("%s: already seeded by %s; joining the shared queue (%d requests queued)", spider.name,
                             self.server.get(key).decode(errors="replace"), len(self.queue))
                    return False
                requests = list(spider.initial_requests())
                pipe.multi()
                for request in requests:
                    pipe.execute_command("ZADD", self.queue.key, -request.priority,
                                         self.queue._encode_request(request))
                pipe.set(key, self.crawler.settings.get("PANTAU_WORKER_ID"))
                pipe.execute()
            except redis.WatchError:
                log.info("%s: another worker seeded the shared queue first", spider.name)
                return False
        log.info("%s: seeded the shared queue with %d start requests", spider.name, len(requests))
        return True

    def finish(self) -> bool:
        """Clear the source's job state (seed flag, duplicate filter, walk memory) if nothing is queued or in flight."""
        script = self.server.register_script(FINISH_SCRIPT)
        keys = [self.queue.key, f"{self.job_prefix}:inflight", f"{self.base_key}:seeded", self.df.key,
                f"{self.base_key}:walks"]
        return bool(script(keys=keys))

    def pending_anywhere(self) -> int:
        """Requests of this source queued or in flight at any worker."""
        total = len(self.queue)
        for inflight, queue_key in self.server.hgetall(f"{self.job_prefix}:inflight").items():
            if queue_key.decode() == self.queue.key:
                total += self.server.hlen(inflight)
        return total


class RedisDupeFilter(RFPDupeFilter):
    """scrapy-redis's shared duplicate filter, counting what it drops like Pantau's own filter does."""

    @classmethod
    def from_spider(cls, spider):
        instance = super().from_spider(spider)
        instance.crawler = spider.crawler
        return instance

    def log(self, request, spider):
        super().log(request, spider)
        record_duplicate(self.crawler, request)


class RedisWalkMemory:
    """:class:`crawlers.base.LocalWalkMemory` shared by the workers (page 2 may be parsed elsewhere than page 1)."""

    def __init__(self, server, key: str):
        self.key = key
        self._script = server.register_script(WALK_SCRIPT)

    def new_links(self, walk, urls: list[str], page: str) -> set[str]:
        if not urls:
            return set()
        digest = hashlib.sha1(json.dumps(walk, default=str).encode()).hexdigest()[:16]
        return {u.decode() for u in self._script(keys=[self.key], args=[digest, page, *urls])}


# --------------------------------------------------------------------------------------------------------------
class Heartbeat:
    """One per process: keeps the worker alive in ``pantau:workers`` while any of its sources is open."""

    def __init__(self, server, worker: str, ttl: float):
        self.server, self.worker, self.ttl = server, worker, ttl
        self.users = 0

    def beat(self):
        self.server.zadd(WORKERS, {self.worker: redis_now(self.server) + self.ttl})

    def release(self):
        self.users -= 1
        if self.users <= 0:
            self.server.zrem(WORKERS, self.worker)


_heartbeats: dict[str, Heartbeat] = {}


def alive_workers(server) -> set[str]:
    return {w.decode() for w in server.zrangebyscore(WORKERS, redis_now(server), "+inf")}


class WorkerExtension:
    """Heartbeat, reaping of dead workers' in-flight requests, and the idle-exit rule of a worker."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.server = connect(settings.get("PANTAU_REDIS_URL"))
        self.worker = settings.get("PANTAU_WORKER_ID")
        self.interval = settings.getfloat("PANTAU_REDIS_HEARTBEAT", 2.0)
        ttl = settings.getfloat("PANTAU_REDIS_WORKER_TTL", 15.0)
        idle = settings.get("PANTAU_IDLE_EXIT")
        self.idle_exit = float(idle) if idle not in (None, "") else None
        self.heartbeat = _heartbeats.setdefault(self.worker, Heartbeat(self.server, self.worker, ttl))
        self._requeue = self.server.register_script(REQUEUE_SCRIPT)
        self._loop = None
        self._idle_since = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("PANTAU_REDIS_URL"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        self.scheduler: ReliableScheduler = self.crawler.engine._slot.scheduler
        self.heartbeat.users += 1
        self.heartbeat.beat()
        self._loop = task.LoopingCall(self.tick)
        self._loop.start(self.interval, now=True)

    def tick(self):
        try:
            self.heartbeat.beat()
            self.reap()
            self._wake_engine()
        except redis.RedisError as error:  # Redis away for a moment: the next tick tries again
            log.warning("worker %s: Redis unavailable (%s)", self.worker, error)

    def reap(self) -> int:
        """Requeue the in-flight requests of workers whose heartbeat lapsed (killed, frozen, disconnected)."""
        registry = f"{self.scheduler.job_prefix}:inflight"
        alive = alive_workers(self.server)
        moved = 0
        for inflight, queue_key in self.server.hgetall(registry).items():
            owner = inflight.decode().rsplit(":inflight:", 1)[1]
            if owner == self.worker or owner in alive:
                continue
            count = self._requeue(keys=[inflight, queue_key, registry])
            if count:
                log.warning("%s: requeued %d in-flight request(s) of dead worker %s", self.crawler.spider.name,
                            count, owner)
                self.crawler.stats.inc_value("pantau/requeued_from_dead_workers", count)
                moved += count
        return moved

    def _wake_engine(self):
        # An idle engine only polls the scheduler every 5 s; new work pushed by another worker starts sooner.
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and len(self.scheduler.queue):
            slot.nextcall.schedule()

    def spider_idle(self, spider):
        scheduler = self.scheduler
        # The engine is idle, so everything this worker popped for this source is settled: an acknowledgement that
        # went missing (Redis hiccup) must not keep the job "in flight" forever.
        stale = self.server.hlen(scheduler.queue.inflight_key)
        if stale or scheduler.queue.unacked():
            log.warning("%s: %d request(s) left unacknowledged at idle; acknowledging them", spider.name, stale)
            scheduler.queue._inflight.clear()
            self.server.delete(scheduler.queue.inflight_key)
        pending = scheduler.pending_anywhere()
        if pending:
            self._idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        self._idle_since = self._idle_since or now
        if self.idle_exit is None or now - self._idle_since < self.idle_exit:
            raise DontCloseSpider
        if scheduler.finish():
            log.info("%s: shared queue empty for %.0fs; job state cleared", spider.name, now - self._idle_since)

    def spider_closed(self, spider, reason):
        from crawlers.extensions import RESULTS
        from crawlers.runstate import get_run

        if self._loop is not None and self._loop.running:
            self._loop.stop()
        run = get_run(self.crawler)
        if run.source in RESULTS:  # a worker stores nothing itself: say how many articles it handed to the ingest
            RESULTS[run.source]["articles_queued_for_ingest"] = run.outcomes["queued"]
        try:
            scheduler = self.scheduler
            if self.server.hlen(scheduler.queue.inflight_key) and reason != "finished":
                # a shutdown left requests in flight: give them back now rather than after the heartbeat lapses
                self._requeue(keys=[scheduler.queue.inflight_key, scheduler.queue.key,
                                    f"{scheduler.job_prefix}:inflight"])
            elif not self.server.hlen(scheduler.queue.inflight_key):
                self.server.hdel(f"{scheduler.job_prefix}:inflight", scheduler.queue.inflight_key)
        except (redis.RedisError, AttributeError) as error:
            log.warning("worker %s: could not tidy its in-flight hash (%s); the reaper will", self.worker, error)
        self.heartbeat.release()
