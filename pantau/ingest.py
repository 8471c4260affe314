"""The single writer of a distributed crawl: Redis stream ``pantau:pages`` -> store (database + WARC).

Workers (``pantau crawl --redis URL``) never open the database; they append what they fetched to the stream. The
ingest reads it through the consumer group ``ingest`` and, per entry, does what the single-process crawler does
in-process: ``Store.save_page`` (one transaction), a WARC record, the crawl_runs rows. Guarantees:

* **Nothing lost.** An entry is acknowledged (XACK, then XDEL to free Redis memory) only after its database
  transaction committed. An ingest killed mid-batch leaves the rest pending in the group; the next ingest claims
  and replays them first.
* **Nothing duplicated.** A page is stored once per (canonical URL, content hash), however often it was pushed
  (a requeued request fetched twice, an entry replayed after a crash); run records are keyed by the worker's run
  token. The WARC record is written before the commit and only when the page is not stored yet, so a crash
  between the two can leave one duplicate WARC record, never a missing one.
* **One writer.** A lock key with a lease (``pantau:ingest:lock``) keeps a second ingest from starting.
* **Disk full** (or any database error) stops the ingest with a clear error and a non-zero exit; the unprocessed
  entries stay in Redis for the next run.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
import time
import uuid
import zlib
from collections import Counter

import redis

from crawlers.archive import is_disk_full
from crawlers.distributed import INGEST_GROUP, PAGES_STREAM, SEEN_INDEX, WORKERS, alive_workers, redis_now
from crawlers.pipelines import ARTICLE_KINDS

log = logging.getLogger("pantau.ingest")

LOCK_KEY = "pantau:ingest:lock"
DEAD_RUN_CHECK_S = 30.0  # how often an idle ingest closes the runs of workers that died
CONSUMER = "pantau-ingest"  # one consumer name: the lock makes the ingest the only one
LOCK_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""
# KEYS: lock; ARGV: holder seen dead, new holder, lease ms
TAKEOVER_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end
return 0
"""


class IngestLocked(RuntimeError):
    """Another ingest holds the writer lock."""


class IngestStoreError(RuntimeError):
    """The store refused a write (disk full, read-only, corrupt): stop, acknowledge nothing more."""


class BadEntry(ValueError):
    """An entry this ingest cannot read (counted and acknowledged, never retried forever)."""


def _text(fields: dict, name: str, default=None):
    value = fields.get(name.encode())
    return value.decode("utf-8") if value is not None else default


class Ingest:
    def __init__(self, server: redis.Redis, db_path, *, warc_dir=None, batch: int = 100, idle_exit: float | None = None,
                 lock_seconds: float = 30.0):
        from crawlers.archive import default_warc_dir, get_store

        self.server = server
        self.store = get_store(db_path)
        self.warc_dir = warc_dir or default_warc_dir(db_path)
        self.batch = batch
        self.idle_exit = idle_exit
        self.lock_ms = int(lock_seconds * 1000)
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.stats: Counter = Counter()
        self._warc = None
        self._runs: dict[str, int] = {}
        self._refresh_lock = server.register_script(LOCK_SCRIPT)
        self._seen_updates: dict[str, str] = {}
        self._dead_runs_checked = 0.0

    # -- lifecycle ------------------------------------------------------------------------------------------
    def run(self) -> dict:
        self._lock()
        try:
            self._ensure_group()
            self.stats["seen_index_synced"] = self.sync_seen_index()
            claimed = self._claim_pending()
            if claimed:
                log.warning("replaying %d entries a previous ingest read but did not acknowledge", claimed)
            self._loop()
        finally:
            self._close_dead_runs()
            self._unlock()
            if self._warc is not None:
                self._warc.close()
        result = dict(self.stats)
        log.info("ingest done: %s", result)
        return result

    def _lock(self):
        if self.server.set(LOCK_KEY, self.owner, nx=True, px=self.lock_ms):
            return
        holder = (self.server.get(LOCK_KEY) or b"").decode()
        if self._holder_is_dead(holder) and self.server.register_script(TAKEOVER_SCRIPT)(
                keys=[LOCK_KEY], args=[holder, self.owner, self.lock_ms]):
            log.warning("took over the writer lock of ingest %s (its process on this machine is gone)", holder)
            return
        raise IngestLocked(f"another `pantau ingest` holds {LOCK_KEY} ({holder or '?'}); a distributed crawl has "
                           f"exactly one writer (a dead ingest's lock on another machine lapses within "
                           f"{self.lock_ms / 1000:.0f}s)")

    @staticmethod
    def _holder_is_dead(holder: str) -> bool:
        """An ingest killed on this machine (SIGKILL) need not be waited for: its pid is gone."""
        host, _, rest = holder.partition(":")
        pid = rest.split(":", 1)[0]
        if host != socket.gethostname() or not pid.isdigit():
            return False
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False

    def _keep_lock(self):
        if not self._refresh_lock(keys=[LOCK_KEY], args=[self.owner, self.lock_ms]):
            raise IngestLocked(f"lost the writer lock {LOCK_KEY} (paused longer than its lease?); stopping")

    def _unlock(self):
        try:
            if self.server.get(LOCK_KEY) == self.owner.encode():
                self.server.delete(LOCK_KEY)
        except redis.RedisError:
            pass

    def _ensure_group(self):
        try:
            self.server.xgroup_create(PAGES_STREAM, INGEST_GROUP, id="0", mkstream=True)
        except redis.ResponseError as error:
            if "BUSYGROUP" not in str(error):
                raise

    def _claim_pending(self) -> int:
        """Take over entries delivered to an earlier ingest that died before acknowledging them."""
        claimed, cursor = 0, "0-0"
        while True:
            cursor, entries, *_ = self.server.xautoclaim(PAGES_STREAM, INGEST_GROUP, CONSUMER, 0, cursor, count=500)
            claimed += len(entries)
            if cursor in (b"0-0", "0-0"):
                return claimed

    def _loop(self):
        backlog = True  # first re-read what this consumer holds but never acknowledged
        idle_since = None
        while True:
            self._keep_lock()
            response = self.server.xreadgroup(INGEST_GROUP, CONSUMER, {PAGES_STREAM: "0" if backlog else ">"},
                                              count=self.batch, block=None if backlog else 1000)
            entries = response[0][1] if response else []
            if backlog and not entries:
                backlog = False
                continue
            if entries:
                idle_since = None
                self._process_batch(entries)
                continue
            if time.monotonic() - self._dead_runs_checked > DEAD_RUN_CHECK_S:  # a service never reaches its exit
                self._close_dead_runs()
            if not self._producers_idle():
                idle_since = None
                continue
            now = time.monotonic()
            idle_since = idle_since or now
            if self.idle_exit is not None and now - idle_since >= self.idle_exit:
                return

    def _producers_idle(self) -> bool:
        """Nothing left to ingest: no pending entry and no live worker that could push more."""
        pending = self.server.xpending(PAGES_STREAM, INGEST_GROUP)["pending"]
        return not pending and not alive_workers(self.server)

    # -- entries -------------------------------------------------------------------------------------------
    def _process_batch(self, entries):
        done = []
        for entry_id, fields in entries:
            try:
                self._apply(entry_id, fields)
            except BadEntry as error:
                self.stats["bad_entries"] += 1
                log.error("unreadable stream entry %s skipped: %s", entry_id.decode(), error)
            except (sqlite3.Error, OSError) as error:
                raise IngestStoreError(self._store_error_text(error, len(entries) - len(done))) from error
            done.append(entry_id)
        self._flush_seen_index()
        # every entry of the batch is committed: acknowledge, then free the memory the bodies take in Redis
        with self.server.pipeline(transaction=True) as pipe:
            pipe.xack(PAGES_STREAM, INGEST_GROUP, *done)
            pipe.xdel(PAGES_STREAM, *done)
            pipe.execute()
        self.stats["entries"] += len(done)

    def _store_error_text(self, error, remaining: int) -> str:
        text = str(error)
        what = "disk full" if is_disk_full(error) else f"{type(error).__name__}"
        return (f"{what} while archiving into {self.store.path} ({text}); {remaining} entries of this batch stay "
                f"queued in Redis, nothing was acknowledged past the last commit: fix it and run `pantau ingest` "
                f"again")

    def _apply(self, entry_id: bytes, fields: dict):
        kind = _text(fields, "type")
        if kind == "page":
            self._page(entry_id, fields)
        elif kind == "run_start":
            self._run_id(_text(fields, "run"), _text(fields, "source"), self._json(fields, "data"))
        elif kind == "run_finish":
            run_id = self._run_id(_text(fields, "run"), None, {})
            stats = dict(self._json(fields, "data"), **self._archived_by_run(run_id))
            self.store.finish_run(run_id, stats, status=_text(fields, "status", "finished"))
            self.stats["runs_finished"] += 1
        elif kind == "source":
            self.store.upsert_source(_text(fields, "source"), **self._json(fields, "data"))
        elif kind == "unchanged":
            self.store.mark_seen_unchanged(_text(fields, "canonical_url"), int(_text(fields, "status", "304")))
            self.stats["unchanged_304"] += 1
        else:
            raise BadEntry(f"unknown entry type {kind!r}")

    def _archived_by_run(self, run_id) -> dict:
        """A worker cannot know what was new: count the article pages the ingest archived under its run."""
        new, updated = self.store.db.execute(
            "select coalesce(sum(not exists(select 1 from pages o where o.canonical_url = p.canonical_url"
            " and o.id < p.id)), 0), coalesce(sum(exists(select 1 from pages o where o.canonical_url ="
            " p.canonical_url and o.id < p.id)), 0) from pages p where p.run_id = ? and p.kind = 'article'",
            [run_id]).fetchone()
        return {"new": new, "updated": updated}

    @staticmethod
    def _json(fields: dict, name: str) -> dict:
        try:
            return json.loads(_text(fields, name, "{}"))
        except ValueError as error:
            raise BadEntry(f"field {name} is not JSON: {error}") from None

    def _page(self, entry_id: bytes, fields: dict):
        try:
            body = zlib.decompress(fields[b"body"])
            page = {name: _text(fields, name) for name in ("url", "canonical_url", "source", "kind", "final_url",
                                                            "feed_date", "fetched_at")}
            status = int(_text(fields, "status"))
            headers = self._json(fields, "headers")
        except (KeyError, ValueError, TypeError, zlib.error) as error:
            raise BadEntry(f"page entry: {type(error).__name__}: {error}") from None
        if not page["url"] or not page["canonical_url"]:
            raise BadEntry("page entry without url")
        run_id = self._run_id(_text(fields, "run"), page["source"], {})
        self._write_warc(entry_id, page, status, headers, body)
        _, outcome = self.store.save_page(
            url=page["url"], canonical_url=page["canonical_url"], source=page["source"], status=status, body=body,
            headers=headers, final_url=page["final_url"], kind=page["kind"] or "article", run_id=run_id,
            feed_date=page["feed_date"], fetched_at=page["fetched_at"],
        )
        self.stats[f"{page['kind']}_{outcome}"] += 1
        if page["kind"] in ARTICLE_KINDS and 200 <= status < 300:  # what workers skip as already seen
            row = self.store.seen(page["canonical_url"]) or {}
            self._seen_updates[page["canonical_url"]] = json.dumps(
                {k: row.get(k) for k in ("last_status", "first_seen", "etag", "last_modified")})

    def _write_warc(self, entry_id: bytes, page: dict, status: int, headers: dict, body: bytes):
        from db import ids

        digest = ids.content_hash(body)
        stored = self.store.db.execute("select 1 from pages where canonical_url = ? and content_hash = ?",
                                       [page["canonical_url"], digest]).fetchone()
        if stored:
            return
        if self._warc is None:
            from crawlers.archive import get_warc

            self._warc = get_warc(self.warc_dir)
        self._warc.write_response(page["final_url"] or page["url"], status, list(headers.items()), body,
                                  fetched_at=page["fetched_at"], source=page["source"])
        self.stats["warc_records"] += 1

    def _run_id(self, token: str | None, source: str | None, args: dict) -> int | None:
        """The crawl_runs row of a worker's run (created once, whatever the number of replays)."""
        if not token:
            return None
        if token in self._runs:
            return self._runs[token]
        row = self.store.db.execute("select id from crawl_runs where json_extract(args, '$.run_token') = ?",
                                    [token]).fetchone()
        if row:
            run_id = row[0]
        else:
            args = dict(args or {}, run_token=token)
            run_id = self.store.start_run(source or token.rsplit("/", 1)[-1], args)
            self.stats["runs_started"] += 1
        self._runs[token] = run_id
        return run_id

    # -- the index of archived articles the workers consult -----------------------------------------------
    def _flush_seen_index(self):
        if self._seen_updates:
            self.server.hset(SEEN_INDEX, mapping=self._seen_updates)
            self._seen_updates = {}

    def sync_seen_index(self, chunk: int = 2000) -> int:
        """Publish the store's archived article URLs to the workers (a fresh Redis learns what is stored)."""
        rows = self.store.db.execute(
            "select canonical_url, last_status, first_seen, etag, last_modified from seen_urls"
            " where (last_status between 200 and 299) or last_status = 304")
        total = 0
        while True:
            part = rows.fetchmany(chunk)
            if not part:
                return total
            self.server.hset(SEEN_INDEX, mapping={
                r[0]: json.dumps({"last_status": r[1], "first_seen": r[2], "etag": r[3], "last_modified": r[4]})
                for r in part})
            total += len(part)

    def _close_dead_runs(self):
        """Runs of workers that died (SIGKILL, lost machine) stay 'running' in the database: close them as killed."""
        self._dead_runs_checked = time.monotonic()
        try:
            alive = alive_workers(self.server)
            rows = self.store.db.execute(
                "select id, json_extract(args, '$.worker') from crawl_runs where status = 'running'"
                " and json_extract(args, '$.run_token') is not null").fetchall()
            for run_id, worker in rows:
                if worker and worker not in alive:
                    self.store.finish_run(run_id, {"notes": ["the worker ended without closing this run (killed?)"]},
                                          status="killed")
                    self.stats["runs_killed"] += 1
            self.server.zremrangebyscore(WORKERS, "-inf", redis_now(self.server) - 86400)
        except (redis.RedisError, sqlite3.Error) as error:
            log.warning("could not close the runs of dead workers: %s", error)
