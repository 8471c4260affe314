"""Liputan6 (liputan6.com). sites.md §2.2."""
from .base import OutletParser, ParserVersion


class Liputan6V2(ParserVersion):
    """2018– layout: every [data-page] block is one page of the article (merged)."""

    name = "Liputan6V2"
    valid_from = 2017
    detect = ("div.article-content-body__item-page", ".article-content-body")
    title_sel = ("h1.read-page--header--title",)
    date_attr_sel = ()
    date_sel = ("time.read-page--header--author__datetime", "span.read-page-box__author__updated")
    body_sel = ("div.article-content-body__item-page", ".article-content-body")
    # page titles (h2.article-content-body__item-title on pages 2+) are navigation labels, not prose
    paragraph_sel = ".article-content-body__item-content p, .article-content-body__item-content li"
    drop = (".baca-juga-collections", ".article-ad", ".advertisement-text", ".promo-whatsapp-channel",
            ".article-content-body__item-media", ".read-page-box__author")
    author_sel = ("span.read-page--header--author__name", "a.read-page-box__author__name")
    tag_sel = ("li.tags--snippet__item a", ".tags--snippet__item a")
    section_sel = ()


class Liputan6V1(ParserVersion):
    """2016 layout: read-page--header__datetime, read-page--content."""

    name = "Liputan6V1"
    valid_from, valid_until = 2015, 2017
    detect = ("time.read-page--header__datetime", ".read-page--content")
    title_sel = ("h1.read-page--header--title", ".read-page--header h1")
    date_attr_sel = ("time.read-page--header__datetime",)
    date_sel = ("time.read-page--header__datetime",)
    body_sel = (".read-page__content-body", ".read-page--content .text-detail", ".read-page--content")
    paragraph_sel = "p"
    drop = (".baca-juga", ".read-page--related-article", ".read-page--photo-gallery", ".read-page--video-gallery")
    author_sel = (".read-page--header--author__name", ".read-page--header__author a")
    tag_sel = (".read-page--tags__link",)


class Liputan6PhotoV1(Liputan6V1):
    """2016 photo gallery pages: the captions are the text."""

    name = "Liputan6PhotoV1"
    detect = (".read-page--photo-gallery--item__caption",)

    def matches(self, page):
        # a gallery page: captions, and no prose paragraphs in the text container
        if not super().matches(page):
            return False
        prose = sum(len(p.text_content()) for p in page.css(".read-page__content-body p, .read-page--content p"))
        return prose < 200
    body_sel = (".read-page--photo-gallery--item__caption",)
    paragraph_sel = None

    def body(self, page):
        paras = super().body(page)
        out = []
        for p in paras:  # each caption ends with a photo credit "(REUTERS / Name)"
            if p not in out:
                out.append(p)
        return out


class Liputan6(OutletParser):
    name = "liputan6"
    domains = ("liputan6.com",)
    versions = (Liputan6V2, Liputan6PhotoV1, Liputan6V1)
