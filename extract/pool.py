"""An ordered, bounded process pool: ``ordered_map(function, chunks, workers)`` yields ``function(chunk)`` for each
chunk in input order, with at most ``2 * workers`` chunks in flight, so memory stays bounded however long the input.

Workers are forked (Linux), so whatever the parent loaded before the call (the spaCy pipeline, compiled selectors)
is shared with them instead of loaded again; ``workers <= 1`` runs in-process. Results come back in input order
whatever the workers' timing, which is what lets a single writer produce the same database as one process.
An empty chunk is a barrier: every chunk before it is finished and yielded before ``function([])`` is, which lets a
caller whose input has gone quiet (``extract.follow``: the crawl is slow) save what is done instead of holding it.

Workers never outlive the parent: a parent killed outright (SIGKILL, the out-of-memory killer) cannot shut its pool
down, and forked workers would wait for tasks for ever (each holds a copy of the task queue's write end, so they
never see it close). Each worker therefore asks the kernel to kill it when its parent dies (``PR_SET_PDEATHSIG`` on
Linux), and elsewhere watches the parent's pid from a thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_POLL_S = 1.0  # how often a worker without PR_SET_PDEATHSIG checks that its parent lives


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _die_with_parent(parent_pid: int) -> None:
    """Pool initializer: end this worker when the process that made the pool dies."""
    if not _parent_death_signal(signal.SIGKILL):
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="parent-watch").start()
    if os.getppid() != parent_pid:  # the parent died before the request above took effect
        os._exit(1)


def _parent_death_signal(sig: int) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent ends; False where that is not available."""
    if not hasattr(os, "sched_getaffinity"):  # not Linux: no prctl
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_S)
    os._exit(1)


def ordered_map(function: Callable, chunks: Iterable, workers: int, in_flight: int | None = None) -> Iterator:
    """``function(chunk)`` for each chunk, in order; ``workers`` processes, ``in_flight`` chunks queued at most."""
    if workers <= 1:
        for chunk in chunks:
            yield function(chunk)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    limit = in_flight or 2 * workers
    # concurrent.futures, not multiprocessing.Pool: a worker that dies (killed, out of memory) fails the run with
    # BrokenProcessPool instead of leaving its task waiting for ever
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                                   initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        pending: deque = deque()
        for chunk in chunks:
            if not chunk:  # a barrier: the input went quiet, hand back everything finished so far
                while pending:
                    yield pending.popleft().result()
                yield function(chunk)
                continue
            pending.append(executor.submit(function, chunk))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
