"""Fault injection for the mirror server (``pantau mirror serve DIR --faults RATE --fault-seed N``).

``FaultPlan(rate, seed, kinds).pick(path)`` decides, for one request, whether to answer normally (``None``) or
with a fault: ``"500"`` (an HTTP 500), ``"slow"`` (answer after ``slow_seconds``), ``"truncate"`` (send half the
body, then close) or ``"reset"`` (close the connection without an answer).

The decision is a pure function of (seed, path, how many times this path was requested before), so a fault run
can be repeated exactly. At most ``max_per_path`` consecutive faults hit one path, so a client that retries
(Scrapy's RetryMiddleware: 3 retries in Pantau) always gets a clean answer in the end; set it to ``None`` for
unbounded faults. robots.txt is faulted like any other path unless ``spare_robots`` is set.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter

KINDS = ("500", "slow", "truncate", "reset")


class FaultPlan:
    def __init__(self, rate: float, seed: int = 0, kinds=KINDS, *, slow_seconds: float = 1.5,
                 max_per_path: int | None = 2, spare_robots: bool = False):
        rate = float(rate)
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"fault rate must be between 0 and 1, got {rate}")
        if isinstance(kinds, str):
            kinds = [k.strip() for k in kinds.split(",") if k.strip()]
        kinds = tuple(kinds or KINDS)
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise ValueError(f"unknown fault kind(s) {unknown}; known: {', '.join(KINDS)}")
        self.rate = rate
        self.seed = int(seed)
        self.kinds = kinds
        self.slow_seconds = float(slow_seconds)
        self.max_per_path = max_per_path
        self.spare_robots = spare_robots
        self._attempts: Counter = Counter()
        self._streak: Counter = Counter()
        self.injected: Counter = Counter()  # kind -> count (for reports and tests)
        self._lock = threading.Lock()

    def _draw(self, path: str, attempt: int) -> tuple[float, int]:
        digest = hashlib.sha256(f"{self.seed}\x1f{path}\x1f{attempt}".encode()).digest()
        unit = int.from_bytes(digest[:8], "big") / 2**64
        return unit, digest[8]

    def pick(self, path: str) -> str | None:
        """The fault for this request of ``path`` (the request path with its query), or None."""
        if self.rate <= 0:
            return None
        if self.spare_robots and path.split("?", 1)[0].endswith("/robots.txt"):
            return None
        with self._lock:
            attempt = self._attempts[path]
            self._attempts[path] += 1
            unit, byte = self._draw(path, attempt)
            fault = None
            if unit < self.rate and (self.max_per_path is None or self._streak[path] < self.max_per_path):
                fault = self.kinds[byte % len(self.kinds)]
            if fault is None:
                self._streak[path] = 0
            else:
                self._streak[path] += 1
                self.injected[fault] += 1
            return fault

    def __repr__(self) -> str:
        return (f"FaultPlan(rate={self.rate}, seed={self.seed}, kinds={list(self.kinds)}, "
                f"max_per_path={self.max_per_path})")
