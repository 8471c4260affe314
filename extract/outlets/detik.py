"""Detik (detik.com). sites.md §2.4."""
import re

from .base import OutletParser, ParserVersion, text_of


class DetikV2(ParserVersion):
    """2020– layout: detail__title / detail__date / detail__body-text."""

    name = "DetikV2"
    valid_from = 2019
    detect = ("div.detail__body-text", "h1.detail__title")
    title_sel = ("h1.detail__title",)
    date_attr_sel = ("div.detail__date time[datetime]",)
    date_sel = ("div.detail__date",)
    body_sel = ("div.detail__body-text.itp_bodycontent", "div.detail__body-text")
    paragraph_sel = "p, h2, h3, li"
    drop = ("table.linksisip", ".noncontent", "p.para_caption", ".detail__body-tag", ".parallaxindetail",
            ".staticdetail_container", ".sisip_embed_sosmed", ".detail__long-nav", ".nav")
    tag_sel = (".detail__body-tag a",)

    def authors(self, page):
        for el in page.css("div.detail__author"):
            t = text_of(el)
            t = re.split(r"\s+-\s+detik", t)[0]
            if t:
                return [t]
        return []


class DetikV1(ParserVersion):
    """2015–16 layout: content_detail h1, div.date "Kamis, 05/11/2015 10:08 WIB", text_detail."""

    name = "DetikV1"
    valid_from, valid_until = 2010, 2018
    detect = ("div.content_detail", "div.text_detail", "div.detail_text", "#detikdetailtext")
    title_sel = ("div.content_detail h1", ".jdl h1", "h1")
    date_sel = ("div.content_detail div.date", ".content_detail .date", "div.date")
    body_sel = ("div.text_detail", "div.detail_text", "#detikdetailtext")
    drop = ("table.linksisip", ".noncontent", ".lihatjg", ".detail_tag", ".author", ".date", "center", ".pic_artikel")


class DetikFotoV1(ParserVersion):
    """2015–16 /readfoto/ gallery pages: .detail_profil h1, .date, div.text_gal."""

    name = "DetikFotoV1"
    valid_from, valid_until = 2010, 2018
    detect = ("div.text_gal",)
    title_sel = (".detail_profil h1",)
    date_sel = (".detail_profil .date",)
    body_sel = ("div.text_gal",)

    def authors(self, page):
        for el in page.css(".detail_profil strong"):
            m = re.search(r"Fotografer\s*:\s*(.+)$", text_of(el))
            if m:
                return [m.group(1).strip()]
        return []


class Detik(OutletParser):
    name = "detik"
    domains = ("detik.com",)
    versions = (DetikV2, DetikFotoV1, DetikV1)
