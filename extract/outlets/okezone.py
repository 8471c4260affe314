"""Okezone (okezone.com). sites.md §2.11."""
from .base import OutletParser, ParserVersion


class OkezoneV3(ParserVersion):
    """2020– layout: .title-article h1, .c-detail.read (page-break divs joined), .journalist."""

    name = "OkezoneV3"
    valid_from = 2019
    detect = (".c-detail.read", ".title-article h1")
    title_sel = (".title-article h1",)
    date_sel = (".journalist span", ".namerep b", ".namerep")
    body_sel = (".c-detail.read",)
    paragraph_sel = "p, h2, h3, li"
    drop = ("#baca-juga", ".baca-juga", ".vicon", "#paging", ".paging", ".detail-tag", ".box-tag", "#tag",
            ".wrap-kanal-detail", ".rctiplus")
    author_sel = (".journalist a[title]", ".journalist a")
    tag_sel = ("#tag .box-tag a", ".box-tag a")


class OkezoneV2(ParserVersion):
    """2017 layout: div.title-detail h1, span "Author | Jum'at, 17 Februari 2017 - 13:30 wib", #contentx."""

    name = "OkezoneV2"
    valid_from, valid_until = 2016, 2018
    detect = ("div.title-detail",)
    title_sel = ("div.title-detail h1",)
    date_sel = ("div.title-detail .namerep b", "div.title-detail .namerep", "div.title-detail span")
    body_sel = ("div#contentx", "div.ctn-desc", ".detail-isi")
    drop = ("#baca-juga", ".baca-juga", ".vicon", "#paging", ".paging", ".detail-tag", ".box-tag", ".dtl_banner",
            ".tbkomentar", "#AdAsia")
    tag_sel = (".detail-tag a", ".box-tag a")
    author_sel = ("div.title-detail span b",)


class OkezoneV1(ParserVersion):
    """2015 layout: time.tgl, div#contentx."""

    name = "OkezoneV1"
    valid_from, valid_until = 2013, 2016
    detect = ("div#contentx", "time.tgl")
    title_sel = (".title h1", "h1")
    date_sel = ("time.tgl",)
    body_sel = ("div#contentx",)
    drop = ("#baca-juga", ".baca-juga", ".vicon", "#paging", ".paging")
    author_sel = (".nmreporter > div",)


class Okezone(OutletParser):
    name = "okezone"
    domains = ("okezone.com",)
    versions = (OkezoneV3, OkezoneV2, OkezoneV1)
