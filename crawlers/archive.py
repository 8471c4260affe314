"""Process-wide handles on the store and the WARC file, shared by every crawler of a run."""

from __future__ import annotations

import errno
import io
import logging
import os
import threading
from datetime import datetime, timezone
from pathlib import Path

log = logging.getLogger(__name__)

_stores: dict[str, object] = {}
_warcs: dict[str, "WarcArchive"] = {}
_lock = threading.Lock()


def get_store(path, synchronous: str | None = "NORMAL"):
    """The process's Store for ``path``.

    The crawler's connection uses ``PRAGMA synchronous=NORMAL`` (WAL mode): every committed page still survives a
    killed process (SIGKILL resume is unaffected); only an OS crash or power cut can lose the last commits, which
    the next crawl simply fetches again. FULL (SQLite's default) costs an fsync per page and made the crawler
    disk-bound (about 30 pages/s on the benchmark).
    """
    from db.store import Store

    key = str(Path(path).resolve()) if path else ""
    with _lock:
        if key not in _stores:
            store = Store(path)
            if synchronous:
                store.db.execute(f"PRAGMA synchronous = {synchronous}")
            _stores[key] = store
        return _stores[key]


def is_disk_full(error: BaseException) -> bool:
    """A write failed for want of space (SQLite's "database or disk is full", ENOSPC, or a file size limit)."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return True
    return "database or disk is full" in str(error)


def install_store(path, store):
    """Make ``get_store(path)`` return ``store`` (a distributed worker's stand-in that writes to Redis instead)."""
    with _lock:
        _stores[str(Path(path).resolve())] = store


def default_warc_dir(db_path) -> Path:
    from db.store import default_db_path

    return Path(db_path or default_db_path()).resolve().parent / "warc"


class WarcArchive:
    """One gzipped WARC file per process; each record is flushed before the next is written."""

    def __init__(self, directory: Path):
        from warcio.warcwriter import WARCWriter

        directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        self.path = directory / f"pantau-{stamp}-{os.getpid()}.warc.gz"
        self._fh = open(self.path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True)
        self.records = 0
        info = self._writer.create_warcinfo_record(
            self.path.name, {"software": "Pantau crawler (Scrapy, warcio)", "format": "WARC File Format 1.1"}
        )
        self._write(info)

    def _write(self, record):
        self._writer.write_record(record)
        self._fh.flush()

    def write_response(self, url: str, status: int, headers: list[tuple[str, str]], body: bytes,
                       fetched_at: str | None = None, source: str | None = None):
        from warcio.statusandheaders import StatusAndHeaders

        from http.client import responses as reasons

        http_headers = StatusAndHeaders(
            f"{status} {reasons.get(status, '')}".strip(),
            [(k, v) for k, v in headers if k.lower() not in ("transfer-encoding",)],
            protocol="HTTP/1.1",
        )
        warc_headers = {"WARC-Date": (fetched_at or datetime.now(timezone.utc).isoformat(timespec="seconds")).replace("+00:00", "Z")}
        if source:
            warc_headers["WARC-Pantau-Source"] = source
        record = self._writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http_headers, warc_headers_dict=warc_headers
        )
        self._write(record)
        self.records += 1

    def close(self):
        try:
            self._fh.close()
        except Exception:  # pragma: no cover
            pass


def get_warc(directory) -> WarcArchive:
    key = str(Path(directory).resolve())
    with _lock:
        if key not in _warcs:
            _warcs[key] = WarcArchive(Path(directory))
            log.info("writing WARC records to %s", _warcs[key].path)
        return _warcs[key]
