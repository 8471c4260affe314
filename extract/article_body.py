"""Article body: the paragraphs, from the site rules or the fallbacks (common CMS containers, trafilatura, JSON-LD).

Source health watches which one produced the body (``articles.parser``); see docs/extraction.md.
"""
from __future__ import annotations

import logging
import re

import trafilatura  # the fallback body extractor; it needs lxml_html_clean: a broken install fails here, at start-up

from .boilerplate import block_paragraphs, clean_paragraphs, kontan_credit, normalize_space, strip_elements

log = logging.getLogger(__name__)


def _body(root, page, version, ld, text_html, real_url):
    """(paragraphs, body_source, credit): the site rules' body, else the better of a common CMS container and
    trafilatura, else the JSON-LD articleBody; a Kontan-style credit line is taken off and returned."""
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
    return paragraphs, body_source, credit


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
