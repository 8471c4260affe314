"""Article metadata fields: canonical URL, title choice, authors, tags/keywords, section and language.

Each field is read from the outlet's site rules first, then JSON-LD and metas, then the URL or the text.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from db.urls import _is_local, canonicalize_url, registrable_domain, unmirror_url

from .article_jsonld import _str, _types
from .article_title import _SITE_TOKENS, clean_title
from .boilerplate import normalize_space, select
from .outlets.base import text_of


def _canonical(root, page_jsonld, metas, url) -> str:
    req = unmirror_url(url or "")
    req_dom = registrable_domain(urlsplit(req).hostname or "") if req else ""
    cands: list[str] = []
    for el in select(root, 'link[rel="canonical"]'):
        cands.append(el.get("href") or "")
    cands.extend(metas.get("og:url", []))
    if page_jsonld:
        cands.append(_str(page_jsonld.get("mainEntityOfPage")) or "")
    for el in select(root, '[itemprop="url"]'):
        if el.tag == "meta":
            cands.append(el.get("content") or el.get("href") or "")
        elif el.tag in ("link", "a"):
            cands.append(el.get("href") or "")
    for c in cands:
        c = (c or "").strip()
        if not c or c.startswith(("javascript:", "data:", "#")):
            continue
        try:
            absu = urljoin(req or "", c)
            p = urlsplit(absu)
        except ValueError:
            continue
        if p.scheme not in ("http", "https") or not p.hostname:
            continue
        if re.search(r"\.(?:png|jpe?g|gif|webp|svg|ico|css|js)$", p.path, re.I):
            continue
        if p.path in ("", "/") and req and len(urlsplit(req).path) > 1:
            continue  # a home-page canonical on an article page is a template bug
        if "/share/" in p.path and req:
            continue
        if req_dom and registrable_domain(p.hostname) != req_dom and not _is_local(urlsplit(req).hostname or ""):
            continue  # cross-site canonical: keep our own copy's identity
        return canonicalize_url(absu)
    return canonicalize_url(req) if req else ""


def _title(root, page, version, ld, metas) -> str | None:
    """The headline: JSON-LD, then og/twitter metas, the site rules, h1 and <title>."""
    title = None
    if ld:
        title = _str(ld.get("headline")) or _str(ld.get("name"))
    if not title:
        title = (metas.get("og:title") or [None])[0] or (metas.get("twitter:title") or [None])[0]
    site_title = version.title(page) if version else None
    if title and site_title and title.rstrip(".… ").endswith(("...", "…")):
        title = site_title
    if not title:
        title = site_title
    if not title:
        h1 = select(root, "h1")
        title = text_of(h1[0]) if h1 else None
    if not title:
        t = select(root, "title")
        title = text_of(t[0]) if t else None
    title = clean_title(title)
    return title


def _authors(page, version, ld, metas) -> list[str]:
    """Bylines: the site rules, then JSON-LD authors, then author metas."""
    authors: list[str] = []
    if version:
        for a in version.authors(page):
            authors.extend(_split_names(a))
    if not authors:
        authors = _jsonld_authors(ld)
    if not authors:
        for key in ("content_author", "dtk:author", "author", "dable:author", "article:author", "dc.creator", "byl"):
            for v in metas.get(key, [])[:1]:
                if v and not v.startswith("http") and not _SITE_TOKENS.fullmatch(v.strip()):
                    authors.extend(_split_names(v))
            if authors:
                break
    authors = [a for a in _dedup(authors) if len(a) <= 80 and not _SITE_TOKENS.fullmatch(a)]
    return authors


def _tags(page, version, ld, metas) -> list[str]:
    """Tags: the site rules, then article:tag, JSON-LD and keyword metas."""
    tags: list[str] = []
    if version:
        tags = version.tags(page)
    if not tags:
        tags = [normalize_space(v) for v in metas.get("article:tag", []) if normalize_space(v)]
    if not tags:
        tags = _keywords((metas.get("content_tags") or [None])[0])
    if not tags and ld:
        tags = _keywords(ld.get("keywords"))
    if not tags:
        tags = _keywords((metas.get("dtk:keywords") or [None])[0])
    if not tags:
        tags = _keywords((metas.get("news_keywords") or [None])[0])
    if not tags:
        tags = _keywords((metas.get("keywords") or [None])[0])
    tags = _dedup([normalize_space(t).lstrip("#").strip() for t in tags if t and t.strip("# ")])[:50]
    return tags


def _section(page, version, ld, metas, page_url) -> str | None:
    """The desk: the site rules, then section metas and JSON-LD, then the URL."""
    section = None
    if version:
        section = version.section(page)
    if not section:
        section = (metas.get("article:section") or [None])[0] or _str(ld.get("articleSection") if ld else None) or \
            (metas.get("content_category") or [None])[0]
    if not section:
        section = _section_from_url(page_url)
    section = normalize_space(section) if section else None
    return section


def _split_names(s: str) -> list[str]:
    s = normalize_space(s)
    s = re.sub(r"^(?:oleh|penulis|reporter|rep|editor|red|pewarta|by)\s*[:.]?\s+", "", s, flags=re.I)
    s = re.sub(r"^(?:Penulis|Reporter|Editor|Pewarta|Oleh)(?=[A-Z])", "", s)
    parts = re.split(r"\s*(?:,|;|\s&\s|\sdan\s|\sand\s|\|)\s*", s)
    return [p.strip(" -:") for p in parts if p.strip(" -:")]


def _jsonld_authors(obj) -> list[str]:
    a = obj.get("author") if obj else None
    if a is None:
        return []
    items = a if isinstance(a, list) else [a]
    out = []
    for it in items:
        if isinstance(it, dict):
            if "organization" in _types(it) and len(items) > 1:
                continue
            name = _str(it.get("name"))
            if name and not re.search(r"https?://", name):
                if "organization" in _types(it) and _SITE_TOKENS.search(name):
                    continue
                out.extend(_split_names(name))
        elif isinstance(it, str) and it.strip() and not it.startswith("http"):
            out.extend(_split_names(it))
    return out


def _dedup(seq) -> list:
    seen = set()
    out = []
    for s in seq:
        if not s:
            continue
        k = s.lower()
        if k in seen:
            continue
        seen.add(k)
        out.append(s)
    return out


def _keywords(v) -> list[str]:
    if not v:
        return []
    if isinstance(v, list):
        out = []
        for x in v:
            out.extend(_keywords(x))
        return out
    return [normalize_space(x) for x in str(v).split(",") if normalize_space(x)]


def _language(root, metas, jsonld, text) -> str | None:
    # Text evidence first: Indonesian templates often declare lang="en".
    if text:
        words = re.findall(r"[a-z]+", text.lower()[:5000])
        idn = sum(w in ("yang", "dan", "di", "itu", "dengan", "untuk", "tidak", "ini", "dari", "dalam") for w in words)
        en = sum(w in ("the", "and", "of", "to", "is", "in", "that", "for", "with", "was") for w in words)
        if idn + en >= 8:
            return "id" if idn >= en else "en"
    cand = (jsonld or {}).get("inLanguage") if jsonld else None
    cand = _str(cand) or root.get("lang") or (metas.get("content-language") or [None])[0] or \
        (metas.get("og:locale") or [None])[0] or (metas.get("language") or [None])[0]
    if cand:
        c = cand.strip().lower().replace("_", "-")
        c = {"indonesian": "id", "indonesia": "id", "bahasa indonesia": "id", "english": "en", "in": "id",
             "ind": "id"}.get(c, c)
        c = c.split("-")[0][:3]
        if re.fullmatch(r"[a-z]{2,3}", c):
            return "id" if c in ("in", "ind") else c
    if text:
        words = re.findall(r"[a-z]+", text.lower()[:5000])
        if words:
            idn = sum(w in ("yang", "dan", "di", "itu", "dengan", "untuk", "tidak", "ini", "dari", "dalam") for w in words)
            en = sum(w in ("the", "and", "of", "to", "is", "in", "that", "for", "with", "was") for w in words)
            if idn or en:
                return "id" if idn >= en else "en"
    return None


_GENERIC_SUBDOMAINS = {"www", "m", "amp", "mobile", "opera", "wap", "news", "berita", "photo", "foto", "video"}
_GENERIC_SEGMENTS = {"read", "berita", "news", "amp", "artikel", "article", "detail", "post", "index", "indeks"}


def _section_from_url(url: str) -> str | None:
    """Desk from the URL when the page names none: a kanal subdomain (money.kompas.com -> money)
    or the first path segment (www.liputan6.com/bisnis/read/... -> bisnis)."""
    try:
        p = urlsplit(url)
    except ValueError:
        return None
    host = (p.hostname or "").lower()
    dom = registrable_domain(host)
    sub = host[: -len(dom)].rstrip(".") if host.endswith(dom) else ""
    sub = sub.split(".")[-1] if sub else ""
    if sub and sub not in _GENERIC_SUBDOMAINS:
        return sub
    seg = p.path.strip("/").split("/")[0] if p.path.strip("/") else ""
    if seg and re.fullmatch(r"[a-z][a-z-]{2,30}", seg) and seg not in _GENERIC_SEGMENTS and "/" in p.path.strip("/"):
        return seg
    return None
