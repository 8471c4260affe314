"""Fundus-style outlet parsers.

An outlet (``OutletParser``) owns dated layout versions (``ParserVersion`` subclasses).
Each version declares the CSS selectors that identify its layout (``detect``) and the
selectors of its fields; each field is a small method that may be overridden.  A layout
change becomes a new version class, not another if-branch.  The version is chosen by
which one's ``detect`` selectors match the page (newest first), with ``valid_from`` /
``valid_until`` years as a tie-breaker when a date is already known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..boilerplate import block_paragraphs, normalize_space, select, selected_paragraphs, strip_elements


@dataclass
class Page:
    """Everything a field method may look at."""

    root: object              # lxml.html root element
    url: str
    html: str
    jsonld: dict = field(default_factory=dict)   # the chosen NewsArticle object (flattened)
    metas: dict = field(default_factory=dict)    # lower-cased name/property/itemprop -> [values]

    def meta(self, *names):
        for n in names:
            vals = self.metas.get(n.lower())
            if vals:
                for v in vals:
                    if v and v.strip():
                        return v.strip()
        return None

    def css(self, selector):
        return select(self.root, selector)

    def first_text(self, *selectors):
        for s in selectors:
            for el in self.css(s):
                t = text_of(el)
                if t:
                    return t
        return None


def text_of(el) -> str:
    try:
        return normalize_space(el.text_content())
    except Exception:
        return ""


class ParserVersion:
    """One dated layout of one outlet. Override selectors or methods."""

    name = "Generic"
    valid_from: int | None = None   # first year this layout was seen
    valid_until: int | None = None  # last year (None = still current)
    detect: tuple[str, ...] = ()    # any match => this layout
    title_sel: tuple[str, ...] = ()
    date_sel: tuple[str, ...] = ()          # elements whose visible text holds the publish date
    date_attr_sel: tuple[str, ...] = ()     # elements with a machine date attribute (datetime/content/title/d-time)
    modified_sel: tuple[str, ...] = ()
    body_sel: tuple[str, ...] = ()          # containers; every match (document order) of the first matching selector
    paragraph_sel: str | None = None        # e.g. "p"; None = split container at blocks and <br>
    drop: tuple[str, ...] = ()              # extra boilerplate selectors inside the body
    author_sel: tuple[str, ...] = ()
    tag_sel: tuple[str, ...] = ()
    section_sel: tuple[str, ...] = ()
    title_suffixes: tuple[str, ...] = ()    # regexes removed from the end of the title

    def matches(self, page: Page) -> bool:
        return any(page.css(s) for s in self.detect)

    # -- fields ---------------------------------------------------------
    def title(self, page: Page) -> str | None:
        return page.first_text(*self.title_sel) if self.title_sel else None

    def published_texts(self, page: Page) -> list[str]:
        out = []
        for s in self.date_sel:
            for el in page.css(s):
                t = text_of(el)
                if t:
                    out.append(t)
            if out:
                break
        return out

    def published_attrs(self, page: Page) -> list[str]:
        out = []
        for s in self.date_attr_sel:
            for el in page.css(s):
                for a in ("datetime", "content", "d-time", "data-time", "title"):
                    v = el.get(a)
                    if v and v.strip():
                        out.append(v.strip())
                        break
        return out

    def modified_texts(self, page: Page) -> list[str]:
        out = []
        for s in self.modified_sel:
            out.extend(t for t in (text_of(e) for e in page.css(s)) if t)
        return out

    def body_containers(self, page: Page) -> list:
        for s in self.body_sel:
            els = page.css(s)
            if els:
                # keep outermost matches only
                ids = {id(e) for e in els}
                outer = []
                for e in els:
                    anc = e.getparent()
                    nested = False
                    while anc is not None:
                        if id(anc) in ids:
                            nested = True
                            break
                        anc = anc.getparent()
                    if not nested:
                        outer.append(e)
                return outer
        return []

    def body(self, page: Page) -> list[str]:
        paras: list[str] = []
        for c in self.body_containers(page):
            strip_elements(c, self.drop)
            if self.paragraph_sel:
                paras.extend(selected_paragraphs(c, self.paragraph_sel))
            else:
                paras.extend(block_paragraphs(c))
        return paras

    def authors(self, page: Page) -> list[str]:
        out = []
        for s in self.author_sel:
            for el in page.css(s):
                t = el.get("title") or text_of(el)
                if t:
                    out.append(t)
            if out:
                break
        return out

    def tags(self, page: Page) -> list[str]:
        out = []
        for s in self.tag_sel:
            out.extend(t for t in (text_of(e) for e in page.css(s)) if t)
            if out:
                break
        return out

    def section(self, page: Page) -> str | None:
        for s in self.section_sel:
            els = page.css(s)
            if els:
                t = text_of(els[-1])
                if t:
                    return t
        return None

    def postprocess(self, page: Page, result: dict) -> dict:
        """Last hook: fix fields after the generic pipeline (e.g. Kontan credit line)."""
        return result


class OutletParser:
    """An outlet and its layout versions, newest first."""

    name = "generic"
    domains: tuple[str, ...] = ()
    versions: tuple[type[ParserVersion], ...] = ()

    def choose_version(self, page: Page, year: int | None = None) -> ParserVersion | None:
        matching = [v() for v in self.versions if v().matches(page)]
        if not matching:
            return None
        if len(matching) > 1 and year:
            dated = [v for v in matching if (v.valid_from or 0) <= year <= (v.valid_until or 9999)]
            if dated:
                return dated[0]
        return matching[0]


_WS = re.compile(r"\s+")
