"""Kompas (kompas.com). sites.md §2.1."""
import re

from .base import OutletParser, ParserVersion, text_of


def _credit(page, selector, role=("Penulis",)):
    """Names from the 2015–16 credit table: <tr><td>Penulis</td><td>: Name</td></tr>."""
    out = []
    for tr in page.css(selector + " tr"):
        cells = [text_of(td) for td in tr.findall("td")]
        if len(cells) >= 2 and cells[0].strip().rstrip(":") in role:
            name = cells[1].lstrip(": ").strip()
            # "Kontributor Lhokseumawe, Masriadi" -> "Masriadi"
            name = re.sub(r"^(?:kontributor|wartawan|koresponden)\b[^,]*,\s*", "", name, flags=re.I)
            if name:
                out.append(name)
    return out


class KompasV2(ParserVersion):
    """2018– layout: read__title / read__time / read__content."""

    name = "KompasV2"
    valid_from = 2017
    detect = ("div.read__content", "h1.read__title", ".read__time")
    title_sel = ("h1.read__title",)
    date_sel = ("div.read__time", ".read__time")
    body_sel = ("div.read__content",)
    paragraph_sel = "p, h2, h3, li"
    drop = (".read__byline", ".kompasidRec", "[class^=inject]", ".ads-on-body", ".read__paging", ".paging",
            ".read__related", ".video-wrap", ".photo")
    # 2023+: <div class="credit-title-name"><h6>Penulis</h6><a>Name</a></div>, editor in .credit-title-editor
    author_sel = (".credit-title-name:not(.credit-title-editor) a", "div.read__credit__item #penulis a", "#penulis a",
                  "#penulis", ".credit-title-name:not(.credit-title-editor)")
    tag_sel = ("a.tag__article__link", ".tag__article__item a")
    section_sel = (".breadcrumb__wrap .breadcrumb__item:last-child", ".breadcrumb__wrap li:last-child")


class KompasV1Bola(ParserVersion):
    """2015–16 kcm layout, `kcm-read-content-*` variant (bola)."""

    name = "KompasV1Bola"
    valid_from, valid_until = 2014, 2017
    detect = (".kcm-read-content-text",)
    title_sel = (".kcm-read-content-top h2", ".kcm-read-content-top h1")
    date_sel = (".kcm-read-content-top .msmall", ".kcm-date")
    body_sel = (".kcm-read-content-text",)
    tag_sel = (".kcm-read .kcm-tag a", ".kcm-read-content .kcm-tag a")  # the header .kcm-tag is site-wide
    drop = (".kcm-read-copy", ".kcm-read-terkait", ".photo", ".kcm-paging")

    def authors(self, page):
        return _credit(page, ".kcm-read-copy")


class KompasV1(ParserVersion):
    """2015–16 kcm layout: kcm-read-top h2, .msmall date, kcm-read-text body."""

    name = "KompasV1"
    valid_from, valid_until = 2014, 2017
    detect = ("div.kcm-read-text", ".kcm-read-top")
    title_sel = ("div.kcm-read-top h2", ".kcm-read-top h1")
    date_sel = (".kcm-read-top .msmall", "div.kcm-date", ".kcm-date")
    body_sel = ("div.kcm-read-text",)
    tag_sel = (".kcm-read .kcm-tag a",)  # the header .kcm-tag holds site-wide trending tags
    drop = (".kcm-read-copy", ".kcm-read-terkait", ".photo", ".kcm-paging")

    def authors(self, page):
        return _credit(page, ".kcm-read-copy")


class KompasOtomotif2016(ParserVersion):
    """2016 otomotif template: .baca-content h1, .content-text."""

    name = "KompasOtomotif2016"
    valid_from, valid_until = 2015, 2017
    detect = (".baca-content .content-text",)
    title_sel = (".baca-content h1",)
    date_sel = (".baca-content .kcm-date", ".baca-content .msmall")
    body_sel = (".content-text .div-read", ".content-text")
    drop = (".photo", ".kcm-read-copy", ".penulis-editor", ".social__share", ".berita-terkait-content")

    def authors(self, page):
        return _credit(page, ".penulis-editor")


class Kompas(OutletParser):
    name = "kompas"
    domains = ("kompas.com",)
    versions = (KompasV2, KompasV1Bola, KompasV1, KompasOtomotif2016)
