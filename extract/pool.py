"""An ordered, bounded process pool: ``ordered_map(function, chunks, workers)`` yields ``function(chunk)`` for each
chunk in input order, with at most ``2 * workers`` chunks in flight, so memory stays bounded however long the input.

Workers are forked (Linux), so whatever the parent loaded before the call (the spaCy pipeline, compiled selectors)
is shared with them instead of loaded again; ``workers <= 1`` runs in-process. Results come back in input order
whatever the workers' timing, which is what lets a single writer produce the same database as one process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


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
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))
    try:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(executor.submit(function, chunk))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
