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
    detect = ("div.content-detail", "div.jdl-detail", "div.jdl-pic", "div.teaser-pic")
    title_sel = ("div.jdl-detail h2", "div.jdl-pic h2", "div.jdl-detail h1", "div.jdl-pic h1")
    date_sel = ("div.date-detail", "div.date-pic")
    body_sel = ("div.content-detail", "div.teaser-pic")
    tag_sel = ("div.tagging a",)
    drop = (".picked-article", ".footnote-wrap", "#next-article")

    def authors(self, page):
        for el in page.css("div.red"):
            m = re.search(r"(?:Rep|Red)\s*:\s*(.+)$", text_of(el))
            if m:
                return [m.group(1).strip()]
        return []


class RepublikaIhram2017(ParserVersion):
    """2017 ihram.co.id / jurnal-haji template: .wrap-title .h5, .date-detail (English month), .teaser."""

    name = "RepublikaIhram2017"
    valid_from, valid_until = 2016, 2019
    detect = (".teaser.global-detail", ".wrap-title .h5")
    title_sel = (".wrap-title .h5",)
    date_sel = (".wrap-title .date-detail", ".date-detail")
    body_sel = (".teaser.global-detail",)
    tag_sel = ("div.tagging a",)
    drop = (".set-sosmed", ".red", ".social", ".terkait")

    def authors(self, page):
        for el in page.css("div.red td"):
            m = re.search(r"(?:Reporter|Redaktur)\s*:\s*(.+)$", text_of(el))
            if m:
                return [m.group(1).strip()]
        return []


class Republika(OutletParser):
    name = "republika"
    domains = ("republika.co.id", "ihram.co.id", "ekbis.co")
    versions = (RepublikaV2, RepublikaIhram2017, RepublikaV1)
