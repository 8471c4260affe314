"""Article JSON-LD and meta tags: the page's own JSON-LD article objects (best first) and its ``<meta>`` values.

Also ``_str``/``_types``, the readers of JSON-LD values the other article modules share.
"""
from __future__ import annotations

import html as htmlmod
import json
import re

from db.urls import canonicalize_url

from .article_title import clean_title
from .boilerplate import normalize_space, select

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                  "blogposting", "backgroundnewsarticle", "reviewnewsarticle", "livebloggposting", "report",
                  "scholarlyarticle", "techarticle", "socialmediaposting"}


def _loads_lenient(raw: str):
    raw = raw.strip()
    if not raw:
        return None
    raw = re.sub(r"^\s*(?://)?\s*<!\[CDATA\[|\]\]>\s*$", "", raw)
    raw = re.sub(r"^\s*<!--|-->\s*$", "", raw).strip()
    try:
        return json.loads(raw)
    except ValueError:
        pass
    fixed = re.sub(r"[\x00-\x1f]", " ", raw)          # raw newlines/tabs inside strings
    fixed = re.sub(r",\s*([}\]])", r"\1", fixed)       # trailing commas
    try:
        return json.loads(fixed)
    except ValueError:
        pass
    try:
        obj, _ = json.JSONDecoder().raw_decode(fixed)   # trailing junk
        return obj
    except ValueError:
        return None


def _types(obj) -> set:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower().split("/")[-1]}
    if isinstance(t, list):
        return {str(x).lower().split("/")[-1] for x in t}
    return set()


def _walk_jsonld(obj, out, depth=0):
    # Only the page's own entities: top level, @graph and mainEntity. Articles inside an ItemList
    # (itemListElement: "related", "popular") describe other pages and are not collected.
    if depth > 6:
        return
    if isinstance(obj, list):
        for o in obj:
            _walk_jsonld(o, out, depth + 1)
    elif isinstance(obj, dict):
        out.append(obj)
        for key in ("@graph", "mainEntity"):
            if key in obj:
                _walk_jsonld(obj[key], out, depth + 1)


def jsonld_articles(root, page_urls=(), page_title: str | None = None) -> list[dict]:
    """Article objects from the page's JSON-LD, best first.

    Best = the one whose url/mainEntityOfPage is this page, then whose headline is the og:title,
    then one with a datePublished and a news type."""
    found: list[dict] = []
    for el in select(root, 'script[type="application/ld+json"], script[type="application/json+ld"]'):
        data = _loads_lenient(el.text or "")
        if data is None:
            continue
        objs: list[dict] = []
        _walk_jsonld(data, objs)
        for o in objs:
            if _types(o) & _ARTICLE_TYPES:
                found.append(o)
    if len(found) <= 1:
        return found
    want = set()
    for u in page_urls:
        if u:
            try:
                want.add(canonicalize_url(u))
            except Exception:  # noqa: BLE001 - a bad URL only loses the hint
                pass
    title = clean_title(page_title).casefold() if page_title else None

    def score(o):
        s = 0
        for key in ("url", "mainEntityOfPage", "@id"):
            v = _str(o.get(key))
            if v and v.startswith("http") and canonicalize_url(v.split("#")[0]) in want:
                s -= 4
                break
        h = _str(o.get("headline"))
        if title and h and clean_title(h).casefold() == title:
            s -= 2
        if o.get("datePublished"):
            s -= 1
        if _types(o) & {"newsarticle", "reportagenewsarticle"}:
            s -= 0.5
        return s

    found.sort(key=score)
    return found


def collect_metas(root) -> dict:
    metas: dict[str, list[str]] = {}
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        if not key:
            continue
        val = el.get("content")
        if val is None:
            val = el.get("href") or el.get("value")
        if val is None:
            continue
        metas.setdefault(key.strip().lower(), []).append(htmlmod.unescape(val))
    return metas


def _str(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, dict):
        v = v.get("@id") or v.get("url") or v.get("name")
    if isinstance(v, list):
        v = v[0] if v else None
        return _str(v)
    if v is None:
        return None
    s = normalize_space(htmlmod.unescape(str(v)))
    return s or None
