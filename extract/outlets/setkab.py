"""Sekretariat Kabinet (setkab.go.id), WordPress. policy_and_targets.md §1a.3 (CS selectors)."""
from .government import GovVersion, OfficialOutlet


class SetkabV1(GovVersion):
    """div.detail_berita: h1, the second div.info.fl holds the date (date only), body div.reading_text p."""

    name = "SetkabV1"
    valid_from = 2018
    detect = ("div.reading_text",)
    title_sel = ("div.detail_berita h1", "h1")
    date_sel = ("div.info.fl:nth-of-type(2)", "div.info.fl")
    body_sel = ("div.reading_text",)
    paragraph_sel = "p"
    tag_sel = ("div.tags a",)


class Setkab(OfficialOutlet):
    name = "setkab"
    domains = ("setkab.go.id",)
    versions = (SetkabV1,)
