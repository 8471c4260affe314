"""Tempo (tempo.co). sites.md §2.7."""
import re

from ..boilerplate import clean_paragraphs
from .base import OutletParser, ParserVersion

_SIGNATURE = re.compile(r"^[A-Z][A-Z .'|]{2,60}$")


def _split_signature(paras):
    """Tempo ends stories with the reporter's name in capitals ("DINI TEJA"): author, not text."""
    if paras and _SIGNATURE.match(paras[-1].strip()) and len(paras[-1].split()) <= 6:
        return paras[:-1], [n.strip().title() for n in paras[-1].split("|") if n.strip()]
    return paras, []


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

    def _paragraphs(self, page):
        # filtered first, so that trailing boilerplate does not hide the signature line
        return clean_paragraphs(ParserVersion.body(self, page))

    def body(self, page):
        return _split_signature(self._paragraphs(page))[0]

    def authors(self, page):
        return _split_signature(self._paragraphs(page))[1]


class Tempo(OutletParser):
    name = "tempo"
    domains = ("tempo.co",)
    versions = (TempoV3, TempoV2, TempoV1)
