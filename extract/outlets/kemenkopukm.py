"""Kementerian Koperasi dan UKM (kemenkopukm.go.id) press releases. policy_and_targets.md §1a.3 (MC selectors)."""
from .government import GovVersion, OfficialOutlet


class KemenkopukmV1(GovVersion):
    """.post-item-description.box-news-single: h2 title, span.post-meta-date (date only), p paragraphs."""

    name = "KemenkopukmV1"
    valid_from = 2019
    valid_until = 2024
    detect = (".post-item-description.box-news-single",)
    title_sel = (".box-news-single h2", "h2")
    date_sel = ("div.post-meta > span.post-meta-date",)
    body_sel = (".post-item-description.box-news-single",)
    paragraph_sel = "p"
    drop = (".lampiran", ".post-meta")


class Kemenkopukm(OfficialOutlet):
    name = "kemenkopukm"
    domains = ("kemenkopukm.go.id",)
    versions = (KemenkopukmV1,)
