"""Bisnis.com. sites.md §2.9."""
from .base import OutletParser, ParserVersion


class BisnisV1(ParserVersion):
    name = "BisnisV1"
    valid_from = 2020
    detect = ("article.detailsContent", "h1.detailsTitleCaption")
    title_sel = ("h1.detailsTitleCaption",)
    date_sel = (".detailsAttributeDates", ".authorTime")
    body_sel = ("article.detailsContent", ".paywall")
    paragraph_sel = "p, h2, h3, li"
    drop = (".baca-juga-box", ".detailsAttribute", ".detailsTag", ".ads", ".detailsShare")
    author_sel = (".authorName",)
    tag_sel = (".detailsTag a", ".tag a")


class Bisnis(OutletParser):
    name = "bisnis"
    domains = ("bisnis.com",)
    versions = (BisnisV1,)
