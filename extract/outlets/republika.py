"""Republika (republika.co.id and its CMS siblings). sites.md §2.3."""
import re

from .base import OutletParser, ParserVersion, text_of


class RepublikaV2(ParserVersion):
    """2020– layout: max-card__title, div.article-content article."""

    name = "RepublikaV2"
    valid_from = 2020
    detect = ("div.article-content article", ".max-card__title")
    title_sel = ("div.max-card__title h1",)
    date_sel = ("div.date.date-item__headline", ".date-item__headline")
    body_sel = ("div.article-content article",)
    paragraph_sel = "p, h2, h3, li"
    drop = (".picked-article", "#next-article", ".footnote-wrap", ".baca-juga")

    def authors(self, page):
        # byline "Rep: X / Red: Y": the reporter is the author; JSON-LD author.name is the editor
        for el in page.css(".max-card__title"):
            t = text_of(el)
            m = re.search(r"Rep\s*:\s*([^/|]+?)\s*(?:/|\||Red\s*:|$)", t)
            if m:
                return [m.group(1).strip()]
        return []


class RepublikaV1(ParserVersion):
    """2015–19 layout: jdl-detail h2, date-detail, content-detail (photo pages: jdl-pic, date-pic)."""

    name = "RepublikaV1"
    valid_from, valid_until = 2013, 2019
    detect = ("div.content-detail", "div.jdl-detail", "div.jdl-pic")
    title_sel = ("div.jdl-detail h2", "div.jdl-pic h2", "div.jdl-detail h1", "div.jdl-pic h1")
    date_sel = ("div.date-detail", "div.date-pic")
    body_sel = ("div.content-detail",)
    tag_sel = ("div.tagging a",)
    drop = (".picked-article", ".footnote-wrap", "#next-article")


class Republika(OutletParser):
    name = "republika"
    domains = ("republika.co.id", "ihram.co.id", "ekbis.co")
    versions = (RepublikaV2, RepublikaV1)
