"""Tribunnews (tribunnews.com). sites.md §2.12."""
from .base import OutletParser, ParserVersion


class TribunnewsV1(ParserVersion):
    name = "TribunnewsV1"
    valid_from = 2018
    detect = ("div.side-article.txt-article", "h1#arttitle")
    title_sel = ("h1#arttitle",)
    date_attr_sel = ("time[datetime]",)
    date_sel = ("time",)
    body_sel = ("div.side-article.txt-article",)
    paragraph_sel = "p, h2, h3, li"
    drop = ("p.baca", "blockquote.summary-article", ".paging", ".ads")
    tag_sel = (".tagcloud3 a", ".mb10.f16 a")


class Tribunnews(OutletParser):
    name = "tribunnews"
    domains = ("tribunnews.com",)
    versions = (TribunnewsV1,)
