"""Kemenko Perekonomian (ekon.go.id) press releases. policy_and_targets.md §1a.3 (MC, CS selectors)."""
from .government import GovVersion, OfficialOutlet


class EkonV1(GovVersion):
    """Bootstrap rows: title h3 in div.row.m-2, date span.mb-3 (date only), body div.col-12.mt-3.p-0 > p."""

    name = "EkonV1"
    valid_from = 2019
    detect = ("div.col-12.mt-3.p-0",)
    title_sel = ("div.row.m-2 h3", "h3.font-weight-bold")
    date_sel = ("div.row.m-2 > span.mb-3", "span.mb-3")
    body_sel = ("div.col-12.mt-3.p-0",)
    paragraph_sel = "p"


class Ekon(OfficialOutlet):
    name = "ekon"
    domains = ("ekon.go.id",)
    versions = (EkonV1,)
