"""Kementerian UMKM (umkm.go.id) press releases, from Oct 2024. Layout from our fixture: unverified live."""
from .government import GovVersion, OfficialOutlet


class KemenumkmV1(GovVersion):
    name = "KemenumkmV1"
    valid_from = 2024
    detect = ("article.siaran-pers-detail",)
    title_sel = ("article.siaran-pers-detail h1",)
    date_sel = ("article.siaran-pers-detail time",)
    body_sel = ("article.siaran-pers-detail div.content",)
    paragraph_sel = "p"


class Kemenumkm(OfficialOutlet):
    name = "kemenumkm"
    domains = ("umkm.go.id",)
    versions = (KemenumkmV1,)
