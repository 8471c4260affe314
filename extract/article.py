"""Article extraction: one HTML page -> one article dict (see docs/CONTRACTS.md).

Pipeline: decode and validate input -> parse with lxml -> JSON-LD + metas ->
outlet parser version (site rules, Fundus style, ``extract/outlets``) -> date chain
(``extract/dates``) -> body from site rules, else trafilatura -> boilerplate filters.
"""
from __future__ import annotations

import codecs
import html as htmlmod
import json
import logging
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
import trafilatura  # the fallback body extractor; it needs lxml_html_clean: a broken install fails here, at start-up
from lxml import etree

from . import dates as D
from .boilerplate import (
    block_paragraphs,
    clean_paragraphs,
    kontan_credit,
    normalize_space,
    select,
    strip_elements,
)
from .outlets import parser_for_outlet
from .outlets.base import Page, text_of

log = logging.getLogger(__name__)

MAX_BYTES = 15 * 1024 * 1024  # pages larger than this are refused ("too_large")
EXTRACTOR_VERSION = "article-1"
MIN_WORDS = 5  # fewer words than this after boilerplate removal = "no_text"


class ExtractionError(ValueError):
    """Bad input. ``reason`` is a short machine string: empty, binary, not_html, too_large, no_text, parse_error."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        self.detail = detail
        super().__init__(reason)

    def __str__(self) -> str:  # the machine reason only; the detail is in .detail
        return self.reason


# ---------------------------------------------------------------------------
# Outlet registry and URL normalisation
# ---------------------------------------------------------------------------
from db.urls import (  # noqa: E402,F401 - re-exported: callers import them from here
    OUTLET_DOMAINS,
    _is_local,
    canonicalize_url,
    outlet_for_url,
    registrable_domain,
    unmirror_url,
)


# ---------------------------------------------------------------------------
# Input handling
# ---------------------------------------------------------------------------
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf",
                 b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"fLaC", b"wOFF", b"wOF2", b"\x7fELF", b"MZ")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENC_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    head = data[:4096]
    # UTF-16 without BOM: many NULs in alternate positions
    if head.count(b"\x00") > len(head) // 4 and len(head) > 16:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                s = data.decode(enc)
                if "<" in s[:2000]:
                    return s
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8")  # strict utf-8 success is decisive, whatever is declared
    except UnicodeDecodeError:
        pass
    declared = None
    m = _CHARSET_RE.search(head) or _XML_ENC_RE.search(head)
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
    for enc in filter(None, (declared, "cp1252")):
        try:
            codecs.lookup(enc)
        except LookupError:
            continue
        if enc.replace("-", "").replace("_", "") in ("utf8", "utf16", "utf32"):
            continue
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def _looks_binary(data: bytes) -> bool:
    head = data[:2048]
    if head.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return len(head) > 0 and ctrl / len(head) > 0.05


_CTRL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")
_HTML_HINT_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|title|meta|div|p|article|section|main|h1|"
                           r"span|a|table|br|header|script)\b", re.I)


def _gunzip(data: bytes) -> bytes:
    import zlib

    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, MAX_BYTES + 1)
    except zlib.error:
        raise ExtractionError("binary", "undecodable gzip") from None
    if len(out) > MAX_BYTES or d.unconsumed_tail:
        raise ExtractionError("too_large", "gzip expands beyond the cap")
    return out


def _prepare(html, url) -> str:
    if html is None:
        raise ExtractionError("empty")
    if isinstance(html, (bytearray, memoryview)):
        html = bytes(html)
    if isinstance(html, bytes):
        if len(html) > MAX_BYTES:
            raise ExtractionError("too_large", f"{len(html)} bytes")
        if html[:2] == b"\x1f\x8b":  # a gzip body stored without decoding
            html = _gunzip(html)
        if not html.strip():
            raise ExtractionError("empty")
        if html.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = _decode(html)
        else:
            if _looks_binary(html):
                # UTF-16 without BOM is still text
                text = _decode(html) if html[:200].count(b"\x00") > 40 and b"<\x00" in html[:400] or \
                    b"\x00<" in html[:400] else None
                if text is None:
                    raise ExtractionError("binary")
            else:
                text = _decode(html)
    elif isinstance(html, str):
        text = html
        if len(text) > MAX_BYTES:
            raise ExtractionError("too_large", f"{len(text)} chars")
    else:
        raise ExtractionError("not_html", f"unsupported type {type(html).__name__}")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ExtractionError("empty")
    if "\x00" in text[:4096]:
        text = text.replace("\x00", "")
        if not text.strip():
            raise ExtractionError("binary")
    ctrl = len(_CTRL_RE.findall(text, 0, 4096))
    if ctrl > 0.05 * min(len(text), 4096):
        raise ExtractionError("binary")
    head = text[:5000].lstrip()
    if re.match(r"<\?xml[^>]*>\s*(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF|urlset|sitemapindex)\b", head, re.I | re.S) \
            or re.match(r"<(?:rss|feed|urlset|sitemapindex)\b", head, re.I):
        raise ExtractionError("not_html", "feed or sitemap XML")
    if head[:1] in "{[" and not _HTML_HINT_RE.search(text[:20000]):
        raise ExtractionError("not_html", "JSON")
    if not _HTML_HINT_RE.search(text[:200000]):
        raise ExtractionError("not_html")
    return text


def _parse_tree(text: str):
    # lxml refuses str with an encoding declaration
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    try:
        root = lxml.html.document_fromstring(text, parser=_HTML_PARSER)
    except (etree.ParserError, ValueError) as e:
        try:
            root = lxml.html.fromstring(text, parser=_HTML_PARSER)
        except Exception:
            raise ExtractionError("not_html", str(e)[:80]) from None
    if root is None:
        raise ExtractionError("not_html")
    return root


_HTML_PARSER = lxml.html.HTMLParser(recover=True, remove_blank_text=False, remove_comments=False, huge_tree=True)


# ---------------------------------------------------------------------------
# JSON-LD and metas
# ---------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------
_SITE_TOKENS = re.compile(
    r"kompas|liputan6|republika|ihram|detik|cnn\s*indonesia|antara|tempo|katadata|bisnis\.com|bisnis\s*com|"
    r"kontan|okezone|tribun|\.com\b|\.co\.id\b|\.co\b|\bonline\b|\bnews\b",
    re.I,
)


def clean_title(title: str | None) -> str | None:
    if not title:
        return None
    t = normalize_space(htmlmod.unescape(htmlmod.unescape(title)) if "&" in title else title)
    t = re.sub(r"\s+Halaman\s+(?:all|semua|\d+)\s*$", "", t, flags=re.I)
    for _ in range(2):
        m = re.match(r"^(.*\S)\s*(?:\s[-–—|:]|\|)\s*([^-–—|]{2,60})$", t)
        if m and _SITE_TOKENS.search(m.group(2)) and len(m.group(1)) >= 10:
            t = m.group(1).strip()
            t = re.sub(r"\s+Halaman\s+(?:all|semua|\d+)\s*$", "", t, flags=re.I)
        else:
            break
    return t.strip() or None


# ---------------------------------------------------------------------------
# Main entry point
# ---------------------------------------------------------------------------
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


# errors that say the installation or the call is wrong, not the page: never read as "no text"
_TRAFILATURA_SETUP_ERRORS = (ImportError, TypeError, AttributeError, OSError)


def _trafilatura_paragraphs(text_html: str, url: str):
    try:
        res = trafilatura.bare_extraction(text_html, url=url or None, with_metadata=False, include_comments=False,
                                          include_tables=False, favor_precision=True, deduplicate=False)
    except _TRAFILATURA_SETUP_ERRORS:
        raise
    except Exception as e:  # a page trafilatura cannot read (parser errors on bad markup): no fallback text
        log.warning("trafilatura could not read %s: %s", url, e)
        return []
    if res is None:
        return []
    body = res.get("text") if isinstance(res, dict) else getattr(res, "text", None)
    if not body:
        return []
    return [line for line in body.split("\n") if line.strip()]


FALLBACK_PARSER = "fallback"  # articles.parser when no site rules produced the body


def extract_article(html, url: str, *, feed_date: str | None = None, site_rules: bool = True) -> dict:
    """Extract one article. Raises :class:`ExtractionError` on bad input, never anything else.

    ``site_rules=False`` skips the per-outlet parsers (generic chain only: JSON-LD/metas/URL/text dates,
    trafilatura body, boilerplate filters); the evaluation uses it to show how unknown layouts fare.
    """
    try:
        return _extract(html, url, feed_date, site_rules)
    except ExtractionError:
        raise
    except RecursionError:
        raise ExtractionError("parse_error", "recursion") from None
    except MemoryError:
        raise ExtractionError("too_large", "memory") from None
    except ImportError:
        raise  # a broken installation is not bad input: stop the run instead of counting every page as unreadable
    except Exception as e:  # never leak another exception type
        log.exception("extraction failed for %s", url)
        raise ExtractionError("parse_error", f"{type(e).__name__}: {e}"[:200]) from None


def _extract(html, url, feed_date, site_rules=True):
    text_html = _prepare(html, url)
    root = _parse_tree(text_html)
    url = url or ""
    real_url = unmirror_url(url)
    metas = collect_metas(root)
    page_urls = [real_url] + [el.get("href") or "" for el in select(root, 'link[rel="canonical"]')] + \
        metas.get("og:url", [])
    lds = jsonld_articles(root, page_urls, (metas.get("og:title") or [None])[0])
    ld = lds[0] if lds else {}
    outlet = outlet_for_url(real_url) or None
    canonical = _canonical(root, ld, metas, url)
    if not outlet and canonical:
        outlet = outlet_for_url(canonical)
    page = Page(root=root, url=canonical or real_url, html=text_html, jsonld=ld, metas=metas)

    parser = parser_for_outlet(outlet) if site_rules else None
    url_date = D.date_from_url(real_url) or (D.date_from_url(canonical) if canonical else None)
    version = parser.choose_version(page, year=url_date[0].year if url_date else None) if parser else None

    # ---------------- dates
    cands: list[D.DateCandidate] = []
    mod_cands: list[D.DateCandidate] = []
    for obj in lds[:1]:
        c = D.candidate_from_machine(obj.get("datePublished") or obj.get("dateCreated"), "jsonld",
                                     "jsonld:datePublished")
        if c:
            cands.append(c)
        m = D.candidate_from_machine(obj.get("dateModified"), "jsonld", "jsonld:dateModified")
        if m:
            mod_cands.append(m)
    for key in ("article:published_time", "og:published_time", "og:article:published_time",
                "article:published", "datepublished", "date", "dc.date", "dc.date.issued", "dcterms.created",
                "sailthru.date", "parsely-pub-date"):
        for v in metas.get(key, [])[:1]:
            src = "meta"
            c = D.candidate_from_machine(v, src, "meta:" + key)
            if c:
                cands.append(c)
    for key in ("content_publisheddate", "publishdate", "pubdate", "publish-date", "publish_date",
                "dtk:publishdate", "article_date_original", "originalpublicationdate"):
        for v in metas.get(key, [])[:1]:
            c = D.candidate_from_machine(v, "meta", "meta:" + key)
            if c:
                cands.append(c)
    for key in ("article:modified_time", "og:updated_time", "datemodified", "last-modified",
                "content_modifieddate", "lastmod"):
        for v in metas.get(key, [])[:1]:
            m = D.candidate_from_machine(v, "meta", "meta:" + key)
            if m:
                mod_cands.append(m)
    # itemprop datePublished on non-meta elements (time[itemprop])
    for el in select(root, '[itemprop="datePublished"]'):
        if el.tag == "meta":
            continue
        v = el.get("datetime") or el.get("content")
        c = D.candidate_from_machine(v, "meta", "itemprop:datePublished") if v else None
        if c:
            cands.append(c)
            break
    site_mod_texts: list[str] = []
    if version is not None:
        for v in version.published_attrs(page):
            c = D.candidate_from_machine(v, "site", f"site:{version.name}:attr")
            if c:
                cands.append(c)
                break
        for t in version.published_texts(page):
            pub, mod = D.split_updated(t)
            c = D.candidate_from_text(pub or t, "site", f"site:{version.name}")
            if mod:
                site_mod_texts.append(mod)
            if c:
                cands.append(c)
                break
        site_mod_texts.extend(version.modified_texts(page))
    for t in site_mod_texts:
        m = D.candidate_from_text(t, "site", "site:modified")
        if m:
            mod_cands.append(m)
            break
    if url_date:
        cands.append(D.DateCandidate(url_date[0], "url", "url", url_date[1], "offset", real_url,
                                     has_seconds=url_date[1]))
    have_good = any(c.rank <= 2 for c in cands)
    if not have_good:
        c = _text_date(root, page, version, url_date[0].date() if url_date else None)
        if c:
            cands.append(c)
    if feed_date:
        c = D.candidate_from_machine(feed_date, "feed", "feed") or D.candidate_from_text(feed_date, "feed", "feed")
        if c:
            cands.append(c)
    best = D.choose_date(cands, url=canonical or real_url)
    published = D.iso(best.dt) if best else None
    published_source = best.source if best else None
    mod_best = D.choose_date(mod_cands, url="") if mod_cands else None
    modified = D.iso(mod_best.dt) if mod_best else None

    # ---------------- title
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

    # ---------------- authors, tags, section
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

    section = None
    if version:
        section = version.section(page)
    if not section:
        section = (metas.get("article:section") or [None])[0] or _str(ld.get("articleSection") if ld else None) or \
            (metas.get("content_category") or [None])[0]
    if not section:
        section = _section_from_url(canonical or real_url)
    section = normalize_space(section) if section else None

    # ---------------- body
    paragraphs: list[str] = []
    body_source = None
    credit = None

    def _take_credit(raw):
        # Kontan-style first paragraph "Reporter: A | Editor: B": the author, then dropped
        nonlocal credit
        raw = [normalize_space(p) for p in raw if p and p.strip()]
        if raw:
            cr = kontan_credit(raw[0])
            if cr:
                credit = credit or cr
                return raw[1:]
        return raw

    if version is not None:
        paragraphs = clean_paragraphs(_take_credit(version.body(page)))
        body_source = version.name
    if sum(len(p) for p in paragraphs) < 80:
        # Unknown layout: a common CMS body container and trafilatura, cross-checked.
        traf = clean_paragraphs(_take_credit(_trafilatura_paragraphs(text_html, real_url)))
        gen = clean_paragraphs(_take_credit(_generic_container_paragraphs(root)))
        alt, body_source_alt = traf, "trafilatura"
        if gen and (not traf or _overlap_f1(gen, traf) >= 0.8):
            alt, body_source_alt = gen, "generic-container"  # same words, better paragraphs and datelines
        if sum(len(p) for p in alt) > sum(len(p) for p in paragraphs):
            paragraphs = alt
            body_source = body_source_alt
    if not paragraphs and ld and ld.get("articleBody"):
        paragraphs = clean_paragraphs(re.split(r"\n\s*\n|\r\n|\n", str(ld.get("articleBody"))))
        body_source = "jsonld"
    if credit and not authors:
        authors = _split_names(credit[0])
    # drop a leading paragraph that only repeats the title
    if paragraphs and title and normalize_space(paragraphs[0]).lower() == title.lower():
        paragraphs = paragraphs[1:]
    text = "\n\n".join(paragraphs)
    if len(text.split()) < MIN_WORDS:
        raise ExtractionError("no_text")

    result = {
        "url": url,
        "canonical_url": canonical,
        "outlet": outlet,
        "title": title,
        "published": published,
        "published_source": published_source,
        "modified": modified,
        "authors": authors,
        "tags": tags,
        "section": section,
        "text": text,
        "language": _language(root, metas, ld, text),
        "word_count": len(text.split()),
        # which rules produced the body: the layout version's name, or "fallback" (generic container,
        # trafilatura or JSON-LD) - source health watches this per outlet to notice redesigns
        "parser": version.name if version is not None and body_source == version.name else FALLBACK_PARSER,
    }
    if version is not None:
        result = version.postprocess(page, result)
    log.debug("extracted %s with %s (date %s)", url, body_source, best.detail if best else None)
    return result


GENERIC_BODY_SELECTORS = (
    "[itemprop=articleBody]", "div.read__content", "div.detail__body-text", "div.detail-text", "div.detail_text",
    "div.txt-article", "div.article-content", "div.article__content", "div.article-body", "div.articleBody",
    "div.post-content", "div.entry-content", "div.content-detail", "div.isi-berita", "div.news-content",
    "div.story-body", "div.detail-content", "div.detail__content", "div.read-content", "div.c-detail",
    "div#content_news", "div#contentx", "div#isi", "div.body-article", "div.content-article", "div.text-detail",
    "div.content-text", "div.text_detail", "div.artikel", "div.konten",
)


def _generic_container_paragraphs(root) -> list[str]:
    """Paragraphs of the best-filled common CMS body container, or [] when none qualifies."""

    sel = _css_union()
    best, best_len = None, 0
    for el in sel(root):
        n = sum(len(p.text_content()) for p in el.iter("p"))
        if n == 0:
            n = len(el.text_content()) // 2  # <br>-separated bodies count, but less
        if n > best_len:
            best, best_len = el, n
    if best is None or best_len < 200:
        return []
    strip_elements(best)
    if len(best.findall(".//p")) >= 2:
        from .boilerplate import selected_paragraphs

        return selected_paragraphs(best, "p, h2, h3, li")
    return block_paragraphs(best)


_UNION = None


def _css_union():
    global _UNION
    if _UNION is None:
        from lxml.cssselect import CSSSelector

        _UNION = CSSSelector(", ".join(GENERIC_BODY_SELECTORS))
    return _UNION


def _overlap_f1(a: list[str], b: list[str]) -> float:
    from collections import Counter

    ta = Counter(re.findall(r"\w+", " ".join(a).lower()))
    tb = Counter(re.findall(r"\w+", " ".join(b).lower()))
    if not ta or not tb:
        return 0.0
    ov = sum((ta & tb).values())
    if not ov:
        return 0.0
    p, r = ov / sum(ta.values()), ov / sum(tb.values())
    return 2 * p * r / (p + r)


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


_TEXT_DATE_RE = re.compile(
    r"(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*)?"
    r"\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]|\s+[A-Za-z]{3,9}\.?\s+)\s*(?:19|20)\d{2}"
    r"(?:\s*[,|/-]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?(?:\s*(?:WIB|WITA|WIT))?",
    re.I,
)


_DATEISH_RE = re.compile(r"date|time|tgl|tanggal|waktu|publish|posted|jam", re.I)
_NOT_ARTICLE_RE = re.compile(r"footer|copyright|comment|komentar|sidebar|related|terkait|populer|popular|"
                             r"terpopuler|rekomendasi|recommend|widget|(?:^|[\s_-])tabs?(?:$|[\s_-])|list|headline-?list|"
                             r"box-?news|trending|terbaru|latest|nav|menu", re.I)


def _in_side_block(el, depth: int = 8) -> bool:
    a = el
    for _ in range(depth):
        if a is None or not isinstance(a.tag, str):
            break
        if a.tag in ("footer", "aside", "nav", "li"):
            return True
        cls = (a.get("class") or "") + " " + (a.get("id") or "")
        if _NOT_ARTICLE_RE.search(cls):
            return True
        a = a.getparent()
    return False


def _text_date(root, page, version, url_day=None) -> D.DateCandidate | None:
    """Visible-text fallback: a full date in the article area.

    1. elements whose class/id says date/time/tanggal… outside sidebars, lists and footers;
    2. the text near the title (h1/h2 ancestors) and the body container.
    A date with a time wins over a date-only one, and a date on the URL's day over others.
    Day, month and year are required, so a copyright year never qualifies.
    """
    found: list[D.DateCandidate] = []

    def consider(text):
        if not text or not re.search(r"\d{4}", text) or len(text) > 400:
            return
        m = _TEXT_DATE_RE.search(text)
        if m:
            c = D.candidate_from_text(m.group(0), "text", "text")
            if c:
                found.append(c)

    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "head", "title", "meta"):
            continue
        cls = (el.get("class") or "") + " " + (el.get("id") or "")
        if not _DATEISH_RE.search(cls) and el.tag != "time":
            continue
        if _in_side_block(el):
            continue
        consider(normalize_space(el.text_content()))
        if len(found) >= 8:
            break
    if not any(c.has_time for c in found):
        scopes = []
        if version is not None:
            scopes.extend(version.body_containers(page))
        for h in select(root, "h1, h2")[:3]:
            anc = h
            for _ in range(3):
                if anc.getparent() is not None:
                    anc = anc.getparent()
            scopes.append(anc)
        for el in select(root, "article, main, [role=main], .content, #content"):
            scopes.append(el)
            break
        for scope in scopes:
            for n, el in enumerate(scope.iter()):
                if n > 600:
                    break
                if not isinstance(el.tag, str) or el.tag in ("script", "style", "footer"):
                    continue
                if _NOT_ARTICLE_RE.search((el.get("class") or "") + " " + (el.get("id") or "")):
                    continue
                consider(el.text)
                consider(el.tail)
            if found:
                break
    if not found:
        return None
    if url_day is not None:
        same = [c for c in found if c.dt.date() == url_day]
        if same:
            found = same
    timed = [c for c in found if c.has_time]
    return (timed or found)[0]
