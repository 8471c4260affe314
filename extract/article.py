"""Article extraction: one HTML page -> one article dict (see docs/CONTRACTS.md).

Pipeline: decode and validate input (``article_input``) -> parse with lxml -> JSON-LD + metas (``article_jsonld``)
-> outlet parser version (site rules, Fundus style, ``extract/outlets``) -> date chain (``article_dates``,
``extract/dates``) -> title, authors, tags, section (``article_fields``) -> body from site rules, else
trafilatura (``article_body``) -> boilerplate filters. This module only runs the steps in order.
"""
from __future__ import annotations

import logging

from db.urls import (  # noqa: F401 - outlet registry and URL normalisation, re-exported: callers import them from here
    OUTLET_DOMAINS,
    _is_local,
    canonicalize_url,
    outlet_for_url,
    registrable_domain,
    unmirror_url,
)

from . import dates as D
from .article_body import _body
from .article_dates import _page_dates
from .article_fields import _authors, _canonical, _language, _section, _split_names, _tags, _title
from .article_input import ExtractionError, _parse_tree, _prepare
from .article_jsonld import collect_metas, jsonld_articles
from .article_title import clean_title  # noqa: F401 - re-exported: callers import it from here
from .boilerplate import normalize_space, select
from .outlets import parser_for_outlet
from .outlets.base import Page

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "article-1"
MIN_WORDS = 5  # fewer words than this after boilerplate removal = "no_text"


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

    best, mod_best = _page_dates(root, page, version, lds, metas, url_date, feed_date, canonical, real_url)
    published = D.iso(best.dt) if best else None
    published_source = best.source if best else None
    modified = D.iso(mod_best.dt) if mod_best else None
    title = _title(root, page, version, ld, metas)
    authors = _authors(page, version, ld, metas)
    tags = _tags(page, version, ld, metas)
    section = _section(page, version, ld, metas, canonical or real_url)
    paragraphs, body_source, credit = _body(root, page, version, ld, text_html, real_url)
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

