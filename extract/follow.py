"""Extract while a crawl archives: follow the pending pages until the crawl ends, then drain.

``pantau crawl --extract`` (and ``pantau run``) start the extract stage beside the crawl, as its own process with
``pantau extract --follow PID``. The stage then reads the pending article pages the way a crawl-then-extract run
would, in ``pages.id`` order, but instead of stopping at the last pending page it waits for more while the crawl
process is alive. Once the crawl has ended it reads what is left and finishes the run (syndication groups,
documents, targets) exactly as ``pantau extract`` does, so the database is the same as crawl-then-extract.

Why ``pages.id`` order is enough to see every page once: the crawl (or ``pantau ingest``) is the only writer of
``pages`` and SQLite commits one writer at a time, so a page with a higher id is never committed before a lower one
(the id is ``max(id) + 1`` at insert). A keyset ``id > last`` therefore never skips a committed page and never
returns one twice. A page this run does miss (an id reused after a delete) stays pending for the next run.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Callable, Iterator

log = logging.getLogger("pantau.extract")

POLL_S = 0.5  # how long the follower waits for new pages when it has caught up with the crawl


class ArchiveFollower:
    """Pending page batches in id order, for as long as ``crawl_running()`` says the crawl goes on; an empty batch
    each time it has caught up with the crawl and waits."""

    def __init__(self, crawl_running: Callable[[], bool], poll_s: float = POLL_S):
        self.crawl_running = crawl_running
        self.poll_s = poll_s
        self.waits = 0  # polls that found nothing new: the follower had caught up with the crawl

    def batches(self, store, size: int) -> Iterator[list[dict]]:
        last = -1
        while True:
            # Asked BEFORE reading: when the crawl has already ended, every page it archived is committed, so the
            # read below is the final drain.
            running = self.crawl_running()
            found = False
            for batch in store.page_batches(size=size, after=last):
                last = batch[-1]["id"]
                found = True
                yield batch
            if not running:
                return
            if not found:
                self.waits += 1
                yield []  # caught up: the stage may save what it holds (a slow crawl must not delay the writes)
                time.sleep(self.poll_s)


def process_alive(pid: int) -> bool:
    """True while process ``pid`` exists (a zombie counts as ended)."""
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    try:
        with open(f"/proc/{int(pid)}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc (not Linux): os.kill said it exists


def follow_process(pid: int, poll_s: float = POLL_S) -> ArchiveFollower:
    """Follow the archive while process ``pid`` (the crawl) is alive."""
    log.info("extract: following the archive while process %s (the crawl) runs", pid)
    return ArchiveFollower(lambda: process_alive(pid), poll_s)


def follow_stdin(poll_s: float = POLL_S, fd: int | None = None) -> ArchiveFollower:
    """Follow the archive until standard input closes: the crawl that started this process closed its end of the
    pipe, or died (the kernel closes it then too, so a killed crawl still lets the extract stage drain and end).

    The pipe is polled without blocking from the caller's thread. No reader thread: a thread blocked in
    ``sys.stdin.read`` holds the stream's lock, and the worker processes forked meanwhile inherit it locked and
    hang when they close their copy of stdin."""
    import select
    import sys

    fd = sys.stdin.fileno() if fd is None else fd
    ended = False

    def crawl_running() -> bool:
        nonlocal ended
        while not ended and select.select([fd], [], [], 0)[0]:
            ended = not os.read(fd, 4096)  # b"": end of file
        return not ended

    return ArchiveFollower(crawl_running, poll_s)
