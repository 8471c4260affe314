"""Kontan (kontan.co.id). sites.md §2.10."""
import re

from .base import OutletParser, ParserVersion


class KontanV1(ParserVersion):
    """Body `div.tmpt-desk-kon[itemprop=articleBody] p` up to `<!-- pagination end -->`;
    the first paragraph "Reporter: … | Editor: …" gives the author and is dropped (article_body.py)."""

    name = "KontanV1"
    valid_from = 2015
    detect = ("div.tmpt-desk-kon", "h1.detail-desk")
    title_sel = ("h1.detail-desk",)
    date_sel = ("div.fs14.ff-opensans.font-gray", ".font-gray")
    body_sel = ("div.tmpt-desk-kon[itemprop=articleBody]", "div.tmpt-desk-kon")
    paragraph_sel = "p, h2, h3, li"
    drop = (".track-bacajuga-inside", ".pagination", ".ads", ".baca-juga")
    tag_sel = (".tag-detail a", ".tags a", ".track-tag a")

    def body(self, page):
        # cut at <!-- pagination end --> when present
        for c in self.body_containers(page):
            seen_end = False
            for el in list(c.iter()):
                if seen_end:
                    if el.getparent() is not None and el is not c:
                        el.getparent().remove(el)
                    continue
                if not isinstance(el.tag, str) and "pagination end" in (el.text or ""):
                    seen_end = True
            break
        return super().body(page)

    def published_texts(self, page):
        out = super().published_texts(page)
        return [re.sub(r"^\s*\|\s*", "", t) for t in out if re.search(r"\d{4}", t)][:1]


class Kontan(OutletParser):
    name = "kontan"
    domains = ("kontan.co.id",)
    versions = (KontanV1,)
