"""Progress lines for long work: counts, rate and ETA, at most every few seconds."""

from __future__ import annotations

import logging
import time


class Progress:
    def __init__(self, label: str, total: int | None = None, every_s: float = 5.0, logger=None):
        self.label, self.total, self.every_s = label, total, every_s
        self.log = logger or logging.getLogger("pantau.progress")
        self.done = 0
        self.started = self._last = time.monotonic()

    def step(self, n: int = 1, **counts):
        self.done += n
        now = time.monotonic()
        if now - self._last >= self.every_s or (self.total and self.done == self.total):
            self._last = now
            self.log.info(self.line(**counts))

    def line(self, **counts) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        parts = [f"{self.label}: {self.done}" + (f"/{self.total}" if self.total else "")]
        parts.append(f"{rate:.1f}/s")
        if self.total and rate > 0:
            parts.append(f"ETA {max(self.total - self.done, 0) / rate:.0f}s")
        parts += [f"{k}={v}" for k, v in counts.items()]
        return " ".join(parts)
