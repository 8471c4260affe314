"""CNN Indonesia (cnnindonesia.com). sites.md §2.5."""
from .base import OutletParser, ParserVersion


class CNNIndonesiaV2(ParserVersion):
    """2020– Detik-like layout: h1, div.text-cnn_grey date, div.detail-text body."""

    name = "CNNIndonesiaV2"
    valid_from = 2019
    detect = ("div.detail-text", "div.detail_text")
    title_sel = ("h1",)
    date_sel = ("div.text-cnn_grey", ".date")
    body_sel = ("div.detail-text", "div.detail_text")
    paragraph_sel = "p, h2, h3, li"
    drop = ("table.linksisip", ".noncontent", "p.para_caption", ".newstag", ".end-of-article", ".parallaxindetail",
            ".paradetail", ".detail_pagination", ".embed")
    tag_sel = (".detail-tag a", ".topik-terkait a", "aside .topik a")


class CNNIndonesia(OutletParser):
    name = "cnnindonesia"
    domains = ("cnnindonesia.com",)
    versions = (CNNIndonesiaV2,)
