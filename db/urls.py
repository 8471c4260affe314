"""URL helpers shared by the crawl and extract stages: canonical article URLs, registrable domains, outlets.

They live in ``db`` (the lowest layer) so that ``crawlers`` and ``extract`` use one canonicaliser without the crawler
importing the extract stage; ids (``db.ids.article_id``) are computed from these canonical URLs.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

OUTLET_DOMAINS = {
    "kompas.com": "kompas",
    "liputan6.com": "liputan6",
    "republika.co.id": "republika",
    "ihram.co.id": "republika",
    "ekbis.co": "republika",
    "detik.com": "detik",
    "cnnindonesia.com": "cnnindonesia",
    "antaranews.com": "antara",
    "tempo.co": "tempo",
    "katadata.co.id": "katadata",
    "bisnis.com": "bisnis",
    "kontan.co.id": "kontan",
    "okezone.com": "okezone",
    "tribunnews.com": "tribunnews",
    # government sources (crawlers/spiders/*.py records; press-release parsers in extract/outlets)
    "setkab.go.id": "setkab", "ekon.go.id": "ekon", "kemenkopukm.go.id": "kemenkopukm", "umkm.go.id": "kemenumkm",
    "komdigi.go.id": "komdigi", "peraturan.go.id": "peraturan", "presidenri.go.id": "presidenri",
}
_SECOND_LEVEL = {
    "co.id", "go.id", "ac.id", "or.id", "web.id", "sch.id", "my.id", "biz.id", "net.id", "mil.id", "desa.id",
    "ponpes.id", "co.uk", "org.uk", "ac.uk", "com.au", "com.sg", "com.my", "co.jp", "com.br", "co.in", "com.cn",
}
_DROP_PARAMS = {"source", "jxrecoid", "medium", "campaign", "page", "amp", "outputtype", "fbclid", "gclid",
                "_ga", "ref", "from", "utm", "mc_cid", "mc_eid", "s_cid", "cx_testid", "cx_testvariant", "i"}
_MOBILE_PREFIXES = ("m.", "amp.", "mobile.", "opera.", "wap.")


def registrable_domain(host: str) -> str:
    host = (host or "").lower().strip(".")
    if host.startswith("www."):
        host = host[4:]
    labels = host.split(".")
    if len(labels) <= 2:
        return host
    if ".".join(labels[-2:]) in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _is_local(host: str) -> bool:
    return host in ("localhost", "0.0.0.0") or host.startswith("127.") or host.endswith(".localhost") or \
        bool(re.fullmatch(r"[\d.]+|\[[0-9a-f:]+\]", host or ""))


def unmirror_url(url: str) -> str:
    """``http://localhost:8000/HOST/PATH?Q`` (the Pantau mirror mapping) -> ``https://HOST/PATH?Q``."""
    try:
        p = urlsplit(url)
    except ValueError:
        return url
    host = (p.hostname or "").lower()
    if _is_local(host):
        segs = p.path.lstrip("/").split("/", 1)
        if segs and re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", segs[0].lower() or "") and not _is_local(segs[0]):
            rest = "/" + (segs[1] if len(segs) > 1 else "")
            return urlunsplit(("https", segs[0].lower(), rest, p.query, ""))
    return url


def outlet_for_url(url: str) -> str | None:
    try:
        host = (urlsplit(unmirror_url(url)).hostname or "").lower()
    except ValueError:
        return None
    if not host:
        return None
    dom = registrable_domain(host)
    return OUTLET_DOMAINS.get(dom, dom)


def canonicalize_url(url: str) -> str:
    """Normalise an article URL so that copies of one article compare equal.

    Drops the fragment, ``utm_*``, ``source``, ``jxrecoid``, ``medium``/``campaign``, ``page`` and
    AMP markers; maps ``m.``/``amp.`` hosts and ``/amp/`` paths to the desktop article; lower-cases
    the host; uses https for known outlets; collapses duplicate slashes.
    """
    if not url:
        return url
    url = unmirror_url(url.strip())
    if url.startswith("//"):
        url = "https:" + url
    try:
        p = urlsplit(url)
    except ValueError:
        return url
    scheme = (p.scheme or "https").lower()
    host = (p.hostname or "").lower().rstrip(".")
    if not host:
        return url
    port = p.port if p.port not in (None, 80, 443) else None
    path = p.path or "/"
    path = re.sub(r"/{2,}", "/", path)
    dom = registrable_domain(host)
    # AMP / mobile hosts
    if dom == "kompas.com" and host in ("amp.kompas.com", "m.kompas.com"):
        m = re.match(r"^/([a-z0-9-]+)/read/", path)
        if m:
            host = m.group(1) + ".kompas.com"
            path = path[len(m.group(1)) + 1:]
        else:
            host = "www.kompas.com"
    else:
        for pre in _MOBILE_PREFIXES:
            if host.startswith(pre) and host[len(pre):].count(".") >= 1:
                rest = host[len(pre):]
                host = ("www." + rest) if rest == dom else rest
                break
    # AMP paths: /amp/..., .../amp, /amp.html
    path = re.sub(r"^/amp(?=/)", "", path)
    path = re.sub(r"/amp/?$", "", path) or "/"
    path = re.sub(r"/amp(?=/)", "", path)
    path = re.sub(r"\.amp(?=$|\.html$)", "", path)
    q = []
    for k, v in parse_qsl(p.query, keep_blank_values=True):
        kl = k.lower()
        if kl.startswith("utm_") or kl in _DROP_PARAMS:
            continue
        q.append((k, v))
    q.sort()
    if dom in OUTLET_DOMAINS and not _is_local(host):
        scheme = "https"
    netloc = host + (f":{port}" if port else "")
    return urlunsplit((scheme, netloc, path, urlencode(q), ""))
