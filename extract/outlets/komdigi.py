"""Komdigi news portal (portal.komdigi.go.id): server-rendered Bootstrap detail pages (2026-10 journal)."""
from .government import GovVersion, OfficialOutlet


class KomdigiPortalV1(GovVersion):
    """h2.fw-bold title, small.text-muted date with time, div.isi-berita paragraphs."""

    name = "KomdigiPortalV1"
    valid_from = 2024
    detect = ("div.isi-berita",)
    title_sel = ("h2.fw-bold",)
    date_sel = ("small.text-muted",)
    body_sel = ("div.isi-berita",)
    paragraph_sel = "p"


class Komdigi(OfficialOutlet):
    name = "komdigi"
    domains = ("komdigi.go.id",)
    versions = (KomdigiPortalV1,)
