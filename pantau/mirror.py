"""Replay a saved web site from a directory on 127.0.0.1.

A real URL ``https://HOST/PATH?QUERY`` is requested from the mirror as ``/HOST/PATH?QUERY`` and answered with the
first file that exists of:

1. ``DIR/HOST/PATH?QUERY`` (the query kept literally in the file name, as ``wget --mirror`` saves it);
2. the same with the query parameters sorted by name;
3. for a directory (or a PATH ending in ``/``): ``DIR/HOST/PATH/index.html``, with ``?QUERY`` appended when the
   request has a query.

A request with a query never falls back to the file without it: a missing ``?page=2`` is a 404, so that crawlers
walking pagination stop where the saved site stops.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

log = logging.getLogger(__name__)

CONTENT_TYPES = {
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
}


def mirror_url(real_url: str, mirror_base: str) -> str:
    """The address on the mirror that stands for ``real_url``."""
    parts = urlsplit(real_url)
    path = parts.path or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{mirror_base.rstrip('/')}/{parts.netloc}{path}{query}"


def real_url(mirror_path: str, scheme: str = "https") -> str:
    """Inverse of :func:`mirror_url` for a request path on the mirror (``/HOST/PATH?QUERY``)."""
    host, _, rest = mirror_path.lstrip("/").partition("/")
    return f"{scheme}://{host}/{rest}"


def candidate_files(root: Path, request_path: str) -> list[Path]:
    """Files that may answer ``/HOST/PATH?QUERY``, in order of preference."""
    raw_path, _, query = request_path.partition("?")
    relative = unquote(raw_path).lstrip("/")
    if not relative or ".." in Path(relative).parts:
        return []
    base = root / relative
    suffixes = [f"?{query}"] if query else [""]
    if query:
        sorted_query = urlencode(sorted(parse_qsl(query, keep_blank_values=True)))
        if sorted_query != query:
            suffixes.append(f"?{sorted_query}")
    candidates = []
    # A file name cannot hold "/", so a query with a literal slash can only be saved percent-encoded.
    suffixes = [suffix for suffix in suffixes if "/" not in suffix]
    for suffix in suffixes:
        if not raw_path.endswith("/"):
            candidates.append(base.with_name(base.name + suffix) if suffix else base)
        candidates.append(base / f"index.html{suffix}")
    return candidates


def resolve(root: Path, request_path: str) -> Path | None:
    for candidate in candidate_files(root, request_path):
        if candidate.is_file():
            return candidate
    return None


def content_type(path: Path) -> str:
    name = path.name.split("?", 1)[0]
    if name == "robots.txt":
        return "text/plain; charset=utf-8"
    suffix = Path(name).suffix.lower()
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    if suffix in (".html", ".htm", ""):
        return "text/html; charset=utf-8"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def make_handler(root: Path, fault_plan=None):
    class MirrorHandler(BaseHTTPRequestHandler):
        server_version = "PantauMirror/0.1"

        def log_message(self, fmt, *args):  # route access logs through logging, quietly
            log.debug("%s %s", self.address_string(), fmt % args)

        def do_HEAD(self):
            self._serve(send_body=False)

        def do_GET(self):
            self._serve(send_body=True)

        def _serve(self, send_body: bool):
            fault = fault_plan.pick(self.path) if fault_plan else None
            if fault == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                self.connection.close()
                return
            if fault == "500":
                self.send_error(500, "Injected fault")
                return
            if fault == "slow":
                time.sleep(fault_plan.slow_seconds)
            path = resolve(root, self.path)
            if path is None:
                self.send_error(404, "Not in mirror")
                return
            body = path.read_bytes()
            etag = '"%s"' % hashlib.sha1(body).hexdigest()[:20]
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Content-Type", content_type(path))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
            self.end_headers()
            if not send_body:
                return
            if fault == "truncate":
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.connection.close()
                return
            self.wfile.write(body)

    return MirrorHandler


class MirrorServer(ThreadingHTTPServer):
    daemon_threads = True
    # A crawler opens many connections at once; the default backlog of 5 makes them wait on TCP retransmits.
    request_queue_size = 128


def make_server(directory: str | Path, port: int = 0, host: str = "127.0.0.1", fault_plan=None) -> ThreadingHTTPServer:
    root = Path(directory).resolve()
    if not root.is_dir():
        raise FileNotFoundError(f"mirror directory not found: {root}")
    server = MirrorServer((host, port), make_handler(root, fault_plan))
    return server


def base_url(server: ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


def serve_in_thread(directory: str | Path, port: int = 0, fault_plan=None) -> tuple[ThreadingHTTPServer, str]:
    """Start a mirror server in a daemon thread; returns the server and its base URL."""
    server = make_server(directory, port, fault_plan=fault_plan)
    # socketserver's default listen backlog is 5: a crawler's 8-16 parallel connections overflow it and wait for the
    # 1 s TCP retransmit. Re-listen with a real backlog.
    if getattr(server, "request_queue_size", 5) < 128:
        server.socket.listen(128)
    threading.Thread(target=server.serve_forever, name="pantau-mirror", daemon=True).start()
    return server, base_url(server)
