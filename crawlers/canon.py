"""Canonical URLs for seen-URL bookkeeping.

Articles use ``db.urls.canonicalize_url`` (the one the extract stage uses, so both stages agree on ids);
a minimal local normaliser stands in when that import fails. Listings keep their full URL (their ``?page=`` and
date parameters are what make them distinct).
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

log = logging.getLogger(__name__)

DROP_PARAMS = {"source", "jxrecoid", "medium", "campaign", "page", "amp", "outputType", "utm", "fbclid", "gclid"}


def _local_canonicalize(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("m."):
        host = "www." + host[2:]
    elif host.startswith("amp."):
        host = "www." + host[4:]
    path = parts.path or "/"
    for marker in ("/amp/", "/amp"):
        if path.startswith(marker):
            path = "/" + path[len(marker):].lstrip("/")
        if path.endswith(marker.rstrip("/")) and path != "/":
            path = path[: -len(marker.rstrip("/"))] or "/"
    while "//" in path:
        path = path.replace("//", "/")
    if len(path) > 1:
        path = path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k not in DROP_PARAMS
    ]
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))


# the canonicaliser the extract stage uses too (db.urls, below both stages), so both agree on ids
from db.urls import canonicalize_url as _extract_canonicalize  # noqa: E402


def canonical_article_url(url: str) -> str:
    if _extract_canonicalize is not None:
        try:
            value = _extract_canonicalize(url)
            if value:
                return value
        except Exception as error:  # never let a canonicaliser bug stop a crawl
            log.warning("canonicalize_url failed for %s: %s; using the local normaliser", url, error)
    return _local_canonicalize(url)


def canonical_listing_url(url: str) -> str:
    """Listings: the real URL with a lower-case host and no fragment (query kept as is)."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def using_extract_canonicalizer() -> bool:
    return _extract_canonicalize is not None
