"""Antara (antaranews.com). sites.md §2.6."""
import re

from .base import OutletParser, ParserVersion, text_of


class AntaraV2(ParserVersion):
    """2020– layout: wrap__article-detail-*."""

    name = "AntaraV2"
    valid_from = 2019
    detect = (".wrap__article-detail-content", ".wrap__article-detail-title")
    title_sel = (".wrap__article-detail-title",)
    body_sel = (".wrap__article-detail-content.post-content", ".wrap__article-detail-content")
    drop = ("span.baca-juga", ".baca-juga", ".text-muted", ".adsbygoogle", ".wrap__article-detail-info", "p.text-muted")
    tag_sel = (".tags-wrapper a", ".blog-tags a")

    def published_texts(self, page):
        els = page.css(".wrap__article-detail-info .list-inline-item, .list-inline-item.mr-2")
        texts = [text_of(e) for e in els if re.search(r"\d{4}", text_of(e))]
        return texts[-1:] if texts else []

    def authors(self, page):
        for el in page.css("p.text-muted.mt-2.small, .text-muted.mt-2.small, p.text-muted"):
            m = re.search(r"Pewarta\s*:\s*(.+?)(?:\s*Editor\s*:|$)", text_of(el))
            if m:
                return [m.group(1).strip()]
        return []


class AntaraV1(ParserVersion):
    """2015–17 layout: div.bjbrt h1[itemprop=headline], div#content_news, div.date.mt10."""

    name = "AntaraV1"
    valid_from, valid_until = 2013, 2018
    detect = ("div#content_news", "div.bjbrt")
    title_sel = ("div.bjbrt h1", "h1[itemprop=headline]")
    date_attr_sel = ("time[itemprop=datePublished]",)
    date_sel = ("div.date.mt10", "div.bjbrt .date", ".date")
    body_sel = ("div#content_news",)
    drop = ("span.baca-juga", ".baca-juga", ".mt10.date", ".copyright", ".editor", ".lihat-juga", ".tag",
            ".related", ".photo", ".fotoberita", ".caption", "p.mt10", ".byline")
    author_sel = (".byline [itemprop=author]", ".byline")

    def tags(self, page):
        for el in page.css('meta[itemprop="keywords"]'):
            return [t.strip() for t in (el.get("content") or "").split(",") if t.strip()]
        return []


class Antara(OutletParser):
    name = "antara"
    domains = ("antaranews.com",)
    versions = (AntaraV2, AntaraV1)
