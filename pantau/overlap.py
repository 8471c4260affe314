"""Crawl and extract at the same time (``pantau crawl --extract``, ``pantau run``).

The crawl runs in this process (Scrapy's reactor needs the main thread). The extract stage runs beside it as a
child process, ``pantau extract --follow-stdin``, which extracts the pending pages as the crawl archives them
(``extract.follow``) and, once this process closes the pipe to it, extracts what is left and finishes its run.
End-to-end time is then about the longer of the two stages instead of their sum.

Rules kept (docs/extraction.md, "Extracting while crawling"):

* **One writer per table.** The crawl writes ``pages`` and ``seen_urls``; the extract process writes articles and
  claims and marks pages extracted, in its own short batch transactions. SQLite's WAL lets the crawl's reads and
  the extract stage's reads go on during the other's write; two writes wait for each other (``busy_timeout``).
* **Same result.** Pages are extracted in ``pages.id`` order, once each, and the run ends with the same
  once-per-run steps, so the database is the one crawl-then-extract gives (``tests/test_extract_follow.py``).
* **Killed at any moment.** A killed crawl closes the pipe too: the extract stage drains what was archived and
  ends. A killed extract stage leaves its unfinished pages pending; the crawl goes on, the command fails, and the
  next run (or ``pantau extract``) picks the pending pages up.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import click

log = logging.getLogger("pantau.extract")


class ExtractStageFailed(click.ClickException):
    """One clear error line from `pantau crawl --extract` and `pantau run` (exit 1)."""


def follower(pid: int | None, stdin: bool):
    """The ``extract.follow`` follower the ``pantau extract --follow`` options ask for, or None."""
    from extract.follow import follow_process, follow_stdin

    if pid:
        return follow_process(pid)
    if stdin:
        return follow_stdin()
    return None


class ExtractAlongside:
    """``pantau extract --follow-stdin`` as a child process; :meth:`finish` ends the following and waits."""

    def __init__(self, db_path: Path, workers: int | None = None):
        cmd = [sys.executable, "-m", "pantau.cli", "extract", "--db", str(db_path), "--follow-stdin"]
        if workers:
            cmd += ["--workers", str(workers)]
        # stderr is inherited: the extract stage's progress lines go where the crawl's go
        self.process = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def finish(self) -> dict:
        """Tell the extract stage the crawl has ended, wait for it to drain and finish; its run statistics."""
        try:
            self.process.stdin.close()
        except BrokenPipeError:  # it already died; the exit code below says so
            pass
        out = self.process.stdout.read()
        code = self.process.wait()
        if code != 0:
            raise ExtractStageFailed(
                f"the extract stage running beside the crawl failed (exit {code}); the pages it did not finish are "
                "still pending: `pantau extract` finishes them")
        return json.loads(out)


def crawl_and_extract(db_path=None, *, workers: int | None = None, **crawl_args) -> tuple[dict, dict]:
    """Crawl (``crawlers.run.crawl`` with ``crawl_args``) while extracting; (crawl stats, extract stats)."""
    from crawlers.run import crawl
    from db import Store, default_db_path

    db_path = Path(db_path) if db_path else default_db_path()
    Store(db_path).close()  # migrations run here, once, before two processes open the database
    alongside = ExtractAlongside(db_path, workers)
    try:
        crawl_stats = crawl(db_path, **crawl_args)
    finally:
        extract_stats = alongside.finish()  # also after a failed crawl: what was archived gets extracted
    return crawl_stats, extract_stats
