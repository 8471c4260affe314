"""The date chain: string parsers, URL dates, source ranking, time zones and traps (sites.md §1.1–1.3)."""
from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from extract import dates as D
from extract.article import extract_article

WIB = timezone(timedelta(hours=7))
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LEGACY = SHARED / "data" / "legacy-html"


def legacy(site, name):
    p = LEGACY / site / name
    if not p.exists():
        pytest.skip(f"{p} not available")
    return p.read_bytes()


def iso(s):
    return datetime.fromisoformat(s)


# ---------------------------------------------------------------- machine strings
@pytest.mark.parametrize("raw, expected", [
    ("2021-06-14T16:05:00+07:00", "2021-06-14T16:05:00+07:00"),
    ("2021-06-14T09:05:00Z", "2021-06-14T16:05:00+07:00"),          # UTC converted to WIB
    ("2021-06-14T09:05:00+00:00", "2021-06-14T16:05:00+07:00"),
    ("2026-10-01T15:49:59+00:00", "2026-10-01T22:49:59+07:00"),     # never a day/month swap
    ("2016-02-16 09:10:56", "2016-02-16T09:10:56+07:00"),           # naive = WIB
    ("2017-02-17 13:30:08", "2017-02-17T13:30:08+07:00"),           # Okezone naive JSON-LD
    ("2026/03/25 15:11:47", "2026-03-25T15:11:47+07:00"),           # Bisnis publishdate
    ("2015-11-05 T10:08:58Z", "2015-11-05T17:08:58+07:00"),         # Detik 2015 (read literally)
    ("2021-06-14T16:05:00+0700", "2021-06-14T16:05:00+07:00"),
    ("2021-06-14T17:05:00+08:00", "2021-06-14T16:05:00+07:00"),     # WITA offset converted
    ("1623661500", "2021-06-14T16:05:00+07:00"),                    # Detik d-time (unix)
    ("2021-06-14", "2021-06-14T00:00:00+07:00"),
])
def test_parse_iso(raw, expected):
    assert D.parse_iso(raw) == iso(expected)
    assert D.parse_iso(raw).utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize("raw", ["", "kemarin", "2021-13-45T10:00:00", "Copyright 2024", None])
def test_parse_iso_rejects(raw):
    assert D.parse_iso(raw) is None


# ---------------------------------------------------------------- visible strings (sites.md §1.3 and §2)
VISIBLE = [
    ("Rabu, 4 November 2015 | 21:04 WIB", "2015-11-04T21:04:00+07:00"),
    ("Kamis, 05/11/2015 10:08 WIB", "2015-11-05T10:08:00+07:00"),
    ("Jumat   24 Jul 2026  16:32 WIB", "2026-07-24T16:32:00+07:00"),
    ("Rabu , 10 Apr 2024, 06:16 WIB", "2024-04-10T06:16:00+07:00"),
    ("03 Agu 2021, 13:40 WIB", "2021-08-03T13:40:00+07:00"),
    ("24 Juli 2026 | 09.00 WIB", "2026-07-24T09:00:00+07:00"),
    ("Kamis, 5 November 2015 - 15:56 wib", "2015-11-05T15:56:00+07:00"),
    ("Ahad, 13 Agustus 2023 12:10 WIB", "2023-08-13T12:10:00+07:00"),
    # need cleaning first
    ("Kompas.com - 15/06/2020, 16:05 WIB", "2020-06-15T16:05:00+07:00"),
    ("Kompas.com, 03/08/2026, 17:53 WIB", "2026-08-03T17:53:00+07:00"),
    ("Kompas.com - 15/06/2020, 16:05 WIB Diperbarui 16/06/2020, 08:00 WIB", "2020-06-15T16:05:00+07:00"),
    ("Diperbarui 16/06/2020, 08:00 WIB", "2020-06-16T08:00:00+07:00"),
    ("Diterbitkan 24 Juli 2026, 10:26 WIB", "2026-07-24T10:26:00+07:00"),
    ("Jum'at, 17 Februari 2017 - 13:30 wib", "2017-02-17T13:30:00+07:00"),
    ("Jum’at, 17 Februari 2017 - 13:30 wib", "2017-02-17T13:30:00+07:00"),
    ("Vania Ika Aldida | Jum'at, 17 Februari 2017 - 13:30 wib", "2017-02-17T13:30:00+07:00"),
    (",Jurnalis-Jum'at, 24 Juli 2026 |15:18 WIB", "2026-07-24T15:18:00+07:00"),
    ("Kamis, 12 Ags 2021 10:00 WIB", "2021-08-12T10:00:00+07:00"),
    ("Senin, 2 Nop 2020 10:00 WIB", "2020-11-02T10:00:00+07:00"),
    ("Senin, 3 Pebruari 2016 08:00 WIB", "2016-02-03T08:00:00+07:00"),
    ("Ahad 13 Aug 2023 12:10 WIB", "2023-08-13T12:10:00+07:00"),                 # weekday + English month
    ("Jumat , 17 February 2017, 13:16 WIB", "2017-02-17T13:16:00+07:00"),       # Republika 2017
    ("on 16 Feb 2016 at 09:10 WIB", "2016-02-16T09:10:00+07:00"),               # Liputan6 2016
    ("| 02 Januari 2019 | 21:10 WIB", "2019-01-02T21:10:00+07:00"),              # Kontan listing
    ("Kamis, 5 November 2015 14:56 WIB | 1.229 Views", "2015-11-05T14:56:00+07:00"),  # Antara 2015
    ("Selasa, 18 Februari 2020 / 20:29 WIB", "2020-02-18T20:29:00+07:00"),      # Kontan
    ("Senin, 31 Agustus 2020 9:56 WIB", "2020-08-31T09:56:00+07:00"),           # Antara 2020
    ("20 July 2026, 23:40", "2026-07-20T23:40:00+07:00"),                        # Republika index
    ("Jumat, 04 Okt 2024 19:34 WIB", "2024-10-04T19:34:00+07:00"),              # Detik listing title=
    ("17 Juni 2021 14:00:00", "2021-06-17T14:00:00+07:00"),                     # Okezone index
    ("06/05/2024 10:00", "2024-05-06T10:00:00+07:00"),                          # DMY, not US order
    ("Rabu, 4 November 2015 | 21:04 WITA", "2015-11-04T20:04:00+07:00"),        # WITA = +08
    ("Rabu, 4 November 2015 | 21:04 WIT", "2015-11-04T19:04:00+07:00"),         # WIT = +09
    ("2021-06-14T16:05:00+07:00", "2021-06-14T16:05:00+07:00"),                 # ISO passes through
    ("Senin, 14 Juni 2021 pukul 16.05 WIB", "2021-06-14T16:05:00+07:00"),
    ("14 Jun 2021 Pkl. 16.05", "2021-06-14T16:05:00+07:00"),
    ("16:05 WIB, 14 Juni 2021", "2021-06-14T16:05:00+07:00"),                   # time before the date
    ("Mon, 14 Jun 2021 09:05:00 GMT", "2021-06-14T16:05:00+07:00"),             # RSS pubDate
    ("Senin 14 Juni 2021, 16:05:30 WIB", "2021-06-14T16:05:30+07:00"),
]


@pytest.mark.parametrize("raw, expected", VISIBLE)
def test_parse_indonesian_datetime(raw, expected):
    got = D.parse_indonesian_datetime(raw)
    assert got is not None, raw
    assert got == iso(expected)
    assert got.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize("raw", ["9 menit lalu", "20 detik yang lalu", "33 menit lalu", "Copyright 2024",
                                 "© 2007 - 2015 okezone.com", "", "Tag: UMKM", "1.229 Views"])
def test_relative_and_yearless_strings_are_not_dates(raw):
    assert D.parse_indonesian_datetime(raw) is None


def test_relative_time_needs_fetch_time():
    base = datetime(2021, 6, 14, 10, 0, tzinfo=WIB)
    assert D.parse_indonesian_datetime("9 menit lalu", relative_base=base) == base - timedelta(minutes=9)


def test_default_tz_for_naive_listing_dates():
    got = D.parse_indonesian_datetime("17 Juni 2021 14:00", default_tz="+08:00")
    assert got == iso("2021-06-17T13:00:00+07:00")


def test_split_updated():
    pub, mod = D.split_updated("Kompas.com - 15/06/2020, 16:05 WIB Diperbarui 16/06/2020, 08:00 WIB")
    assert D.parse_indonesian_datetime(pub) == iso("2020-06-15T16:05:00+07:00")
    assert D.parse_indonesian_datetime(mod) == iso("2020-06-16T08:00:00+07:00")


# ---------------------------------------------------------------- URL dates
@pytest.mark.parametrize("url, expected, has_time", [
    ("https://money.kompas.com/read/2020/06/08/142050726/bantu-umkm", "2020-06-08T14:20:50+07:00", True),
    ("http://regional.kompas.com/read/2015/11/04/21040031/Polres.Lhokseumawe", "2015-11-04T21:04:00+07:00", True),
    ("https://economy.okezone.com/read/2021/08/09/320/2452873/menko", "2021-08-09T00:00:00+07:00", False),
    ("https://www.tribunnews.com/bisnis/2022/11/01/menkop-ukm", "2022-11-01T00:00:00+07:00", False),
    ("https://ekonomi.bisnis.com/read/20231204/9/1720793/pemerintah", "2023-12-04T00:00:00+07:00", False),
    ("https://www.cnnindonesia.com/ekonomi/20210928113408-97-700375/cara-aman", "2021-09-28T11:34:08+07:00", True),
    ("http://inet.detik.com/read/2015/11/05/100026/3062623/323/google", "2015-11-05T10:00:26+07:00", True),
    ("http://finance.detik.com/readfoto/2016/02/23/153201/3149106/461/1/gardu", "2016-02-23T15:32:01+07:00", True),
    ("http://gaya.tempo.co/read/news/2015/11/05/060716092/ini-7-alasan", "2015-11-05T00:00:00+07:00", False),
    ("http://nasional.republika.co.id/berita/nasional/daerah/16/02/15/o2l07x284-marcella",
     "2016-02-15T00:00:00+07:00", False),
])
def test_date_from_url(url, expected, has_time):
    dt, t = D.date_from_url(url)
    assert dt == iso(expected) and t == has_time


@pytest.mark.parametrize("url", ["https://www.liputan6.com/bisnis/read/4282532/kurang-dari-sebulan",
                                 "https://www.antaranews.com/berita/2203686/presiden", "https://kontan.co.id/news/x",
                                 "https://ekonomi.republika.co.id/berita/r05dgy320/pemerintah"])
def test_no_date_in_url(url):
    assert D.date_from_url(url) is None


# ---------------------------------------------------------------- the chain on pages
BODY = "<p>" + " ".join(["Pemerintah mendorong pelaku UMKM masuk ekosistem digital."] * 5) + "</p>"


def page(head="", body_top="", footer="", article_class="content"):
    return (f"<html><head><title>Judul berita - Kompas.com</title>{head}</head><body>"
            f"<div class='{article_class}'><h1>Judul berita</h1>{body_top}{BODY}</div>"
            f"<footer>{footer}</footer></body></html>")


def ld(obj):
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_jsonld_top_level():
    html = page(ld({"@type": "NewsArticle", "headline": "H", "datePublished": "2021-06-14T16:05:00+07:00"}))
    r = extract_article(html, "https://example.com/a")
    assert r["published"] == "2021-06-14T16:05:00+07:00" and r["published_source"] == "jsonld"


def test_jsonld_graph_and_type_list():
    obj = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "datePublished": "2020-01-01T00:00:00+07:00"},
        {"@type": ["NewsArticle", "Article"], "headline": "H", "datePublished": "2024-07-24T12:40:00+07:00",
         "dateModified": "2024-07-24T13:00:00+07:00"}]}
    r = extract_article(page(ld(obj)), "https://www.tribunnews.com/bisnis/2024/07/24/x")
    assert r["published"] == "2024-07-24T12:40:00+07:00" and r["published_source"] == "jsonld"
    assert r["modified"] == "2024-07-24T13:00:00+07:00"


def test_jsonld_related_articles_are_not_the_page():
    related = {"@type": "ItemList", "itemListElement": [
        {"@type": "NewsArticle", "headline": "Lain", "datePublished": "2020-01-01T10:00:00+07:00"}]}
    other = {"@type": "NewsArticle", "headline": "Berita lain", "url": "https://x.id/berita/lain",
             "datePublished": "2019-05-05T10:00:00+07:00"}
    mine = {"@type": "NewsArticle", "headline": "Judul berita", "url": "https://x.id/berita/ini",
            "datePublished": "2021-06-14T10:00:00+07:00"}
    html = page(ld(related) + ld(other) + ld(mine))
    r = extract_article(html, "https://x.id/berita/ini?utm_source=x")
    assert r["published"] == "2021-06-14T10:00:00+07:00"


def test_reportage_news_article_type():
    obj = {"@type": "ReportageNewsArticle", "datePublished": "2021-06-14T10:00:00+07:00"}
    assert extract_article(page(ld(obj)), "https://x.id/a")["published"] == "2021-06-14T10:00:00+07:00"


def test_jsonld_beats_meta_and_conflict_is_logged(caplog):
    html = page(ld({"@type": "NewsArticle", "datePublished": "2021-06-14T16:05:00+07:00"})
                + '<meta property="article:published_time" content="2021-06-15T16:05:00+07:00">')
    with caplog.at_level(logging.WARNING, logger="extract.dates"):
        r = extract_article(html, "https://example.com/a")
    assert r["published"] == "2021-06-14T16:05:00+07:00"
    assert any("conflict" in rec.message for rec in caplog.records)


def test_kompas_utc_meta_converted_and_matches_url():
    # Kompas article:published_time is true UTC: the URL time minus 7 h.
    html = page('<meta property="article:published_time" content="2020-06-08T07:20:50+00:00">')
    r = extract_article(html, "https://money.kompas.com/read/2020/06/08/142050726/bantu-umkm")
    assert r["published"] == "2020-06-08T14:20:50+07:00" and r["published_source"] == "meta"


def test_kompas_content_published_date_is_naive_wib():
    html = page('<meta name="content_PublishedDate" content="2021-06-14 16:05:00">')
    r = extract_article(html, "https://money.kompas.com/read/2021/06/14/160500226/x")
    assert r["published"] == "2021-06-14T16:05:00+07:00" and r["published_source"] == "meta"


def test_bisnis_publishdate_slashes():
    html = page('<meta name="publishdate" content="2026/03/25 15:11:47">')
    assert extract_article(html, "https://ekonomi.bisnis.com/read/20260325/9/1/x")["published"] == \
        "2026-03-25T15:11:47+07:00"


def test_detik_z_trap_synthetic():
    html = page('<meta name="pubdate" content="2015-11-05 T10:08:58Z">',
                body_top="<div class='content_detail'><div class='date'>Kamis, 05/11/2015 10:08 WIB</div></div>")
    r = extract_article(html, "http://inet.detik.com/read/2015/11/05/100026/3062623/323/google-umbar")
    assert r["published"] == "2015-11-05T10:08:58+07:00"


def test_detik_z_trap_legacy_page():
    r = extract_article(legacy("detik", "detik-singlepage.html"),
                        "http://inet.detik.com/read/2015/11/05/100026/3062623/323/google-umbar-kelemahan-galaxy-s6-edge")
    assert r["published"] == "2015-11-05T10:08:58+07:00"  # not 17:08 (the "Z" is wrong)


def test_true_utc_z_is_kept_when_corroborated():
    html = page('<meta property="article:published_time" content="2020-06-08T07:20:50Z">')
    r = extract_article(html, "https://money.kompas.com/read/2020/06/08/142050726/x")
    assert r["published"] == "2020-06-08T14:20:50+07:00"


def test_okezone_naive_jsonld_legacy():
    r = extract_article(legacy("okezone", "okezone-singlepage2.html"),
                        "http://celebrity.okezone.com/read/2017/02/17/33/1620900/cara-indra-birowo-jaga-keromantisan-dengan-istri")
    assert r["published"] == "2017-02-17T13:30:08+07:00" and r["published_source"] == "jsonld"


def test_okezone_naive_jsonld_synthetic():
    html = page(ld({"@type": "NewsArticle", "datePublished": "2021-06-14 13:30:08"}))
    assert extract_article(html, "https://economy.okezone.com/read/2021/06/14/320/1/x")["published"] == \
        "2021-06-14T13:30:08+07:00"


def test_republika_english_month_legacy():
    r = extract_article(legacy("republika", "republika-singlepage3.html"),
                        "http://www.republika.co.id/berita/jurnal-haji/berita-jurnal-haji/17/02/17/oli9fp396-jamaah-haji-ikuti-pemeriksaan-kesehatan-haji")
    assert r["published"] == "2017-02-17T13:16:00+07:00" and r["published_source"] == "site"


def test_antara_itemprop_and_no_og_url_legacy():
    r = extract_article(legacy("antara", "antara-singlepage.html"),
                        "http://www.antaranews.com/berita/527615/29-penerbangan-bandara-internasional-lombok-dibatalkan")
    assert r["published"] == "2015-11-05T14:56:43+07:00"
    assert r["canonical_url"] == "https://www.antaranews.com/berita/527615/29-penerbangan-bandara-internasional-lombok-dibatalkan"


def test_relative_sidebar_times_are_ignored_legacy():
    # Okezone 2015 sidebars say "9 menit lalu"; the article date is the visible time.tgl
    r = extract_article(legacy("okezone", "okezone-singlepage.html"),
                        "http://lifestyle.okezone.com/read/2015/11/05/481/1244264/sering-depresi-berat-hati-hati-diabetes")
    assert r["published"] == "2015-11-05T15:56:00+07:00"


def test_site_selector_kompas_with_updated():
    html = page(body_top="<div class='read__time'>Kompas.com - 15/06/2020, 16:05 WIB Diperbarui 16/06/2020, "
                         "08:00 WIB</div><div class='read__content'>" + BODY + "</div>")
    r = extract_article(html, "https://money.kompas.com/read/2020/06/15/160500026/x")
    assert r["published"] == "2020-06-15T16:05:00+07:00"
    assert r["modified"] == "2020-06-16T08:00:00+07:00"


def test_never_footer_year():
    html = page(body_top="<div class='read__time'>Kompas.com - 15/06/2020, 16:05 WIB</div>",
                footer="Copyright 2024 Kompas Cyber Media")
    r = extract_article(html, "https://money.kompas.com/baca/x")
    assert r["published"] == "2020-06-15T16:05:00+07:00"


def test_no_date_means_none_not_crawl_time():
    html = page(footer="Copyright © 2024 PT Media. All rights reserved.")
    r = extract_article(html, "https://example.com/berita/abc")
    assert r["published"] is None and r["published_source"] is None


def test_url_date_when_nothing_else():
    r = extract_article(page(), "https://www.tribunnews.com/bisnis/2022/11/01/menkop-ukm")
    assert r["published"] == "2022-11-01T00:00:00+07:00" and r["published_source"] == "url"


def test_url_time_refines_minute_precision_site_date():
    html = page(body_top="<div class='read__time'>Kompas.com - 16/02/2016, 14:38 WIB</div>"
                         "<div class='read__content'>" + BODY + "</div>")
    r = extract_article(html, "http://nasional.kompas.com/read/2016/02/16/14382361/Menteri")
    assert r["published"] == "2016-02-16T14:38:23+07:00" and r["published_source"] == "site"


def test_visible_text_fallback():
    html = page(body_top="<p class='meta'>Selasa, 15 Juni 2021 10:30 WIB</p>")
    r = extract_article(html, "https://example.com/berita/abc")
    assert r["published"] == "2021-06-15T10:30:00+07:00" and r["published_source"] == "text"


def test_feed_date_last_resort():
    r = extract_article(page(), "https://example.com/berita/abc", feed_date="Tue, 15 Jun 2021 03:30:00 GMT")
    assert r["published"] == "2021-06-15T10:30:00+07:00" and r["published_source"] == "feed"
    r = extract_article(page(), "https://example.com/berita/abc", feed_date="2021-06-15T10:30:00+07:00")
    assert r["published_source"] == "feed"


def test_feed_date_loses_to_page():
    html = page(ld({"@type": "NewsArticle", "datePublished": "2021-06-14T16:05:00+07:00"}))
    r = extract_article(html, "https://example.com/a", feed_date="2021-06-20T10:00:00+07:00")
    assert r["published_source"] == "jsonld"


def test_future_dates_are_ignored():
    html = page(ld({"@type": "NewsArticle", "datePublished": "2099-01-01T10:00:00+07:00"}))
    r = extract_article(html, "https://www.tribunnews.com/bisnis/2022/11/01/menkop-ukm")
    assert r["published"] == "2022-11-01T00:00:00+07:00" and r["published_source"] == "url"


def test_text_fallback_skips_sidebar_lists_and_prefers_url_day():
    sidebar = "".join(f"<li><span class='date'>Senin, 14 Juni 2021 1{i}:00 WIB</span> Berita {i}</li>"
                      for i in range(5))
    html = (f"<html><body><div class='sidebar'><ul class='list-berita'>{sidebar}</ul></div>"
            f"<div class='main'><h1>Judul</h1><div class='tanggal-artikel'>Selasa, 15 Juni 2021 09:00 WIB</div>"
            f"{BODY}</div><footer>© 2021</footer></body></html>")
    r = extract_article(html, "https://example.com/berita/abc")
    assert r["published"] == "2021-06-15T09:00:00+07:00" and r["published_source"] == "text"
    r = extract_article(html, "https://example.com/2021/06/15/abc")
    assert r["published"] == "2021-06-15T09:00:00+07:00" and r["published_source"] == "url"
