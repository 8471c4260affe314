"""Katadata (katadata.co.id). sites.md §2.8."""
from .base import OutletParser, ParserVersion


class KatadataV1(ParserVersion):
    name = "KatadataV1"
    valid_from = 2019
    detect = (".detail-main", "h1.detail-title")
    title_sel = ("h1.detail-title",)
    date_sel = (".detail-date.text-gray", ".detail-date")
    body_sel = (".detail-main",)
    paragraph_sel = "p, h2, h3, li"
    drop = ("[class*=widget-baca-juga]", "ai-summary", ".ai-summary", ".detail-author", ".detail-date",
            ".detail-share", ".detail-tag")
    author_sel = (".detail-author-name",)
    tag_sel = (".detail-tag a", ".tags a")


class Katadata(OutletParser):
    name = "katadata"
    domains = ("katadata.co.id",)
    versions = (KatadataV1,)
