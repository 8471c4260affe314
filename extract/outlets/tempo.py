"""Tempo (tempo.co). sites.md §2.7."""
from .base import OutletParser, ParserVersion


class TempoV3(ParserVersion):
    """2024– Nuxt site: #content-wrapper p; JSON-LD carries articleBody."""

    name = "TempoV3"
    valid_from = 2024
    detect = ("#content-wrapper",)
    title_sel = ("h1",)
    body_sel = ("#content-wrapper",)
    paragraph_sel = "p"
    drop = (".baca-juga", ".ads", "figure")


class TempoV2(ParserVersion):
    """2017–23 layout."""

    name = "TempoV2"
    valid_from, valid_until = 2017, 2023
    detect = ("div.detail-konten", "#isi", "article.detail-artikel")
    title_sel = ("h1",)
    date_sel = ("#date", ".date")
    body_sel = ("#isi", "div.detail-konten")
    paragraph_sel = "p"
    drop = (".bacajuga", ".baca-juga", ".ads")


class TempoV1(ParserVersion):
    """2015 layout: div.artikel h1, div.block-tanggal, div.artikel p."""

    name = "TempoV1"
    valid_from, valid_until = 2013, 2016
    detect = ("div.artikel", ".block-tanggal")
    title_sel = ("div.artikel h1",)
    date_sel = ("div.block-tanggal", ".block-tanggal")
    body_sel = ("div.artikel",)
    paragraph_sel = "p"
    drop = (".block-tanggal", "h1", ".tag", ".share", ".bacajuga", ".baca-juga")


class Tempo(OutletParser):
    name = "tempo"
    domains = ("tempo.co",)
    versions = (TempoV3, TempoV2, TempoV1)
