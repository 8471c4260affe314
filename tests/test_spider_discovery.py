"""Each spider's discovery and listing parsing on the fixture files, offline (no reactor, no HTTP)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request, XmlResponse
from scrapy.utils.test import get_crawler

from crawlers import registry
from crawlers import sources as S
from crawlers.base import merge_pages, url_date
from crawlers.canon import canonical_article_url, canonical_listing_url
from crawlers.items import PageItem
from crawlers.runstate import get_run
from crawlers.synthetic import mirror_path
from pantau.mirror import resolve
from test_crawl_support import FIXTURE_SITES, SINCE, UNTIL, canonical, fixture_sources, gold_articles

DAYS = [date(2021, 6, 14), date(2021, 6, 15), date(2021, 6, 16)]


def make_spider(name, tmp_path, **settings):
    cls = registry.spider_class(name)
    values = {"PANTAU_DB": str(tmp_path / "unit.db"), "PANTAU_SINCE": SINCE, "PANTAU_UNTIL": UNTIL}
    values.update(settings)
    crawler = get_crawler(cls, values)
    spider = cls.from_crawler(crawler)
    crawler.spider = spider
    return spider


def fixture_file(url: str) -> Path | None:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    request_path = f"/{parts.netloc}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
    try:
        return resolve(FIXTURE_SITES, request_path)
    except ValueError:  # an unservable name is as good as missing here
        return None


def response_for(url: str, meta: dict):
    path = fixture_file(url)
    body = path.read_bytes()
    cls = XmlResponse if body.lstrip().startswith(b"<?xml") else HtmlResponse
    return cls(url=url, body=body, request=Request(url, meta=meta), encoding="utf-8", status=200)


def run_listing(spider, request):
    response = response_for(request.url, request.meta)
    out = list(spider.parse_listing(response))
    items = [o for o in out if isinstance(o, PageItem)]
    requests = [o for o in out if isinstance(o, Request)]
    return items, requests


# -- the registry ------------------------------------------------------------------------------------------

def test_registry_records_are_complete():
    names = registry.names()
    assert len(names) >= 12 and len(set(names)) == len(names)
    for record in registry.sources():
        assert record.name == registry.spider_class(record.name).name
        assert record.hosts and record.methods and record.label
        for method in record.methods:
            assert method.kind in S.KINDS
    rows = {r["name"]: r for r in registry.describe_sources()}
    assert rows["katadata"]["spider"] == "generic feed spider"
    assert rows["kompas"]["spider"] == "dedicated"
    assert rows["liputan6"]["needs_js"] and rows["republika"]["robots"]
    assert all(isinstance(m, str) for m in rows["kompas"]["methods"])  # printable by `pantau sources`
    assert {"dated_index", "sitemap", "search", "tag"} <= set(rows["kompas"]["discovery"])
    assert {"dated_index", "rss", "sitemap"} <= set(rows["republika"]["discovery"])
    assert {"dated_index", "sitemap", "latest"} <= set(rows["liputan6"]["discovery"])


def test_article_patterns_accept_real_urls_and_skip_media():
    examples = {
        "kompas": "https://money.kompas.com/read/2020/06/08/142050726/bantu-umkm-go-digital-kemenkop-ukm-gandeng-japnas",
        "liputan6": "https://www.liputan6.com/bisnis/read/4282532/kurang-dari-sebulan-program-ini-lahirkan-301115-umkm-online",
        "republika": "https://ekonomi.republika.co.id/berita/r05dgy320/pemerintah-targetkan-30-juta-umkm-masuk-ekosistem-digital",
        "detik": "https://finance.detik.com/berita-ekonomi-bisnis/d-7071798/pemerintah-yakin-30-juta-umkm-go-digital-2024-sekarang-sudah-segini",
        "cnnindonesia": "https://www.cnnindonesia.com/ekonomi/20210928113408-97-700375/cara-aman-dan-waktu-yang-tepat-untuk-investasi-emas",
        "antara": "https://www.antaranews.com/berita/2203686/presiden-minta-jajarannya-proaktif-dampingi-umkm-masuk-e-commerce",
        "tempo": "https://www.tempo.co/ekonomi/trump-umumkan-tarif-impor-baru-ke-60-negara-2277913",
        "katadata": "https://katadata.co.id/berita/energi/651a60e603a96/rekam-jejak-fluktuasi-harga-bbm-non-subsidi-pertamina-sepanjang-2023",
        "bisnis": "https://ekonomi.bisnis.com/read/20231204/9/1720793/pemerintah-optimistis-target-30-juta-umkm-go-digital-tercapai-pada-2024",
        "kontan": "https://nasional.kontan.co.id/news/payung-hukum-program-kartu-prakerja-masuk-tahap-finalisasi",
        "okezone": "https://economy.okezone.com/read/2021/08/09/320/2452873/menko-luhut-targetkan-30-juta-umkm-go-digital",
        "tribunnews": "https://www.tribunnews.com/bisnis/2022/11/01/menkop-ukm-teten-masduki-205-juta-umkm-telah-masuk-ke-pasar-digital",
    }
    for name, url in examples.items():
        assert registry.get_source(name).is_article(url), name
    assert not registry.get_source("kompas").is_article(
        "https://video.kompas.com/watch/2021/06/14/193000/ppkm-mikro-diperpanjang-hingga-28-juni-ini-kata-mendagri")
    assert not registry.get_source("liputan6").is_article(
        "https://www.liputan6.com/photo/read/4581433/foto-geliat-umkm-di-pasar-santa-saat-ppkm-mikro")
    assert not registry.get_source("detik").is_article("https://20.detik.com/detikupdate/20210614-1/video")


def test_canonical_urls_normalise_tracking_amp_and_mobile():
    base = "https://www.liputan6.com/bisnis/read/4581207/luhut-pastikan"
    assert canonical_article_url(base + "?utm_source=x&medium=y#top") == base
    assert canonical_article_url(base.replace("www.", "m.")) == base
    kompas = "https://money.kompas.com/read/2021/06/14/160500226/baru-13-7-juta-umkm"
    assert canonical_article_url(kompas + "?page=all") == kompas
    assert canonical_article_url("https://amp.kompas.com/money/read/2021/06/14/160500226/baru-13-7-juta-umkm") == kompas
    listing = "https://indeks.kompas.com/?site=money&date=2021-06-14&page=2"
    assert canonical_listing_url(listing) == listing  # listings keep their page and date


def test_url_dates_and_page_merging():
    assert url_date("https://money.kompas.com/read/2021/06/14/160500226/x") == date(2021, 6, 14)
    assert url_date("https://ekonomi.bisnis.com/read/20210614/257/1405678/x") == date(2021, 6, 14)
    assert url_date("https://www.cnnindonesia.com/ekonomi/20210615132045-92-654321/x") == date(2021, 6, 15)
    assert url_date("https://www.liputan6.com/bisnis/read/4581207/x") is None
    merged = merge_pages(b"<html><body><p>one</p></body></html>",
                         [(2, "https://a/x?page=2", b"<html><head></head><body class='b'><p>two</p></body></html>")])
    assert merged == (b"<html><body><p>one</p>\n<div data-pantau-page=\"2\" data-pantau-url=\"https://a/x?page=2\">\n"
                      b"<p>two</p>\n</div>\n</body></html>")


# -- dated listings of every fixture outlet ------------------------------------------------------------------

@pytest.mark.parametrize("name", fixture_sources())
def test_dated_index_urls_match_fixture_files_and_find_gold_articles(name, tmp_path):
    spider = make_spider(name, tmp_path)
    record = spider.source
    found: set[str] = set()
    requests = [r for r in spider.initial_requests() if r.meta["pantau_kind"] == "listing"]
    dated = [r for r in requests if record.methods[r.meta["pantau_method"]].kind == S.DATED_INDEX]
    if not any(m.kind == S.DATED_INDEX and m.default for m in record.methods):
        pytest.skip(f"{name}: no dated listing (feeds only, see test_feeds_of_every_fixture_outlet)")
    assert len(dated) >= 3, "one dated listing walk per day"
    for request in dated:
        assert fixture_file(request.url), f"{name}: no fixture file for {request.url}"
    queue = list(dated)
    while queue:
        request = queue.pop(0)
        if not fixture_file(request.url):
            continue  # the end of a walk (a 404 on the mirror)
        items, out = run_listing(spider, request)
        assert items and items[0]["kind"] == "listing" and items[0]["feed_date"] == request.meta["pantau_day"]
        articles = [r for r in out if r.meta["pantau_kind"] == "article"]
        for article in articles:
            assert record.is_article(article.url.split("?")[0])
            assert article.meta["pantau_feed_date"] == request.meta["pantau_day"]
            found.add(article.meta["pantau_canonical"])
        pages = [r for r in out if r.meta["pantau_kind"] == "listing"]
        if articles and record.methods[request.meta["pantau_method"]].paged:
            assert len(pages) == 1, "a listing with links asks for its next page"
        queue += pages
    run = get_run(spider.crawler)
    assert run.listing_stops.get("selector_fallback", 0) == 0, f"{name}: CSS selector does not match the fixture"
    expected = {canonical(u) for u in gold_articles([name]).get(name, set())}
    if name == "republika":  # the fourth Republika article is only in the RSS feed
        expected = {u for u in expected if "qul8jkm89" not in u}
    assert expected <= found, f"{name}: listings miss {expected - found}"


@pytest.mark.parametrize("name", fixture_sources())
def test_feeds_of_every_fixture_outlet(name, tmp_path):
    spider = make_spider(name, tmp_path)
    record = spider.source
    requests = [r for r in spider.initial_requests()
                if record.methods[r.meta["pantau_method"]].kind in (S.SITEMAP, S.RSS) and fixture_file(r.url)]
    if not requests:
        pytest.skip(f"{name}: no feed in the fixtures")
    found = set()
    queue = list(requests)
    while queue:
        request = queue.pop()
        if not fixture_file(request.url):
            continue
        _, out = run_listing(spider, request)
        for item in out:
            if item.meta["pantau_kind"] == "listing":
                queue.append(item)  # sitemap index -> child sitemaps
            else:
                day = item.meta["pantau_feed_date"]
                assert day is None or SINCE <= day <= UNTIL
                found.add(item.meta["pantau_canonical"])
    assert found, f"{name}: feeds gave no article"
    assert all(record.is_article(u) for u in found)
    if not any(m.kind == S.DATED_INDEX and m.default for m in record.methods):
        expected = {canonical(u) for u in gold_articles([name]).get(name, set())}
        assert expected <= found, f"{name}: feeds miss {expected - found}"  # feeds are its only discovery


def test_feed_entries_outside_the_range_are_skipped_with_a_reason(tmp_path):
    spider = make_spider("republika", tmp_path)
    method_index = next(i for i, m in enumerate(spider.source.methods) if m.kind == S.RSS)
    request = spider.listing_request(method_index, spider.source.methods[method_index], None)
    _, out = run_listing(spider, request)
    assert not any("qul8jkm89" in r.url for r in out)  # published 2021-06-11
    assert get_run(spider.crawler).skipped["out_of_range"] == 1
    wide = make_spider("republika", tmp_path, PANTAU_SINCE="2021-06-10")
    _, out = run_listing(wide, request)
    assert any("qul8jkm89" in r.url for r in out)


# -- methods without fixtures: templates and stop rules ----------------------------------------------------------

def test_search_and_tag_templates_and_left_range_stop(tmp_path):
    spider = make_spider("kompas", tmp_path, PANTAU_METHODS=["search", "tag"])
    requests = list(spider.initial_requests())
    search = [r for r in requests if "search.kompas.com" in r.url]
    assert search and all("start_date=2021-06-14&end_date=2021-06-16" in r.url for r in search)
    tag = next(r for r in requests if "/tag/" in r.url)
    assert tag.url == "https://www.kompas.com/tag/umkm?page=1"
    old = "".join(f'<a class="article-link" href="https://money.kompas.com/read/2021/05/0{d}/10000012{d}/lama-{d}">x</a>'
                  for d in range(1, 4))
    response = HtmlResponse(tag.url, body=f"<html><body>{old}</body></html>".encode(), encoding="utf-8",
                            request=Request(tag.url, meta=tag.meta))
    out = [o for o in spider.parse_listing(response) if isinstance(o, Request)]
    assert out == []  # nothing in range, and no next page
    run = get_run(spider.crawler)
    assert run.skipped["out_of_range"] == 3 and run.listing_stops["left_range"] == 1


def test_monthly_sitemaps_of_the_generic_feed_spider(tmp_path):
    spider = make_spider("katadata", tmp_path, PANTAU_SINCE="2021-05-30", PANTAU_UNTIL="2021-06-02")
    urls = [r.url for r in spider.initial_requests()]
    assert urls == ["https://katadata.co.id/sitemap/post/2021-05.xml", "https://katadata.co.id/sitemap/post/2021-06.xml"]


def test_title_prefilter_is_opt_in_and_counted(tmp_path):
    spider = make_spider("kompas", tmp_path, PANTAU_TOPIC_PREFILTER=True)
    assert spider.article_request("https://money.kompas.com/read/2021/06/14/1/a", title="Harga emas Antam naik lagi hari ini") is None
    assert spider.article_request("https://money.kompas.com/read/2021/06/14/2/b", title="Teten: 30 juta UMKM go digital") is not None
    assert spider.article_request("https://money.kompas.com/read/2021/06/14/3/c", title=None) is not None
    assert get_run(spider.crawler).skipped["off_topic_title"] == 1
    default = make_spider("kompas", tmp_path)
    assert default.article_request("https://money.kompas.com/read/2021/06/14/1/a", title="Harga emas naik lagi hari ini")


def test_multi_page_rules(tmp_path):
    kompas = make_spider("kompas", tmp_path)
    request = kompas.article_request("https://money.kompas.com/read/2021/06/14/160500226/x")
    assert request.url.endswith("?page=all") and request.meta["pantau_canonical"].endswith("/x")
    okezone = make_spider("okezone", tmp_path)
    assert okezone.article_request("https://economy.okezone.com/read/2021/06/15/320/2425718/x").url.endswith("?page=all")
    detik = make_spider("detik", tmp_path)
    url = "https://finance.detik.com/berita-ekonomi-bisnis/d-1/x"
    body = f"<html><body><a href='{url}?page=2'>2</a><a href='{url}?page=3'>3</a><a href='/other?page=9'>o</a></body></html>"
    response = HtmlResponse(url, body=body.encode(), encoding="utf-8")
    assert detik.page_count(response) == 3 and detik.page_url(url, 2) == url + "?page=2"
    assert registry.get_source("liputan6").multipage == "data_page"  # all pages already in one HTML


def test_synthetic_mirror_paths_follow_the_mapping(tmp_path):
    path = mirror_path(tmp_path, "https://indeks.kompas.com/?site=money&date=2021-06-14&page=1")
    assert path == tmp_path / "indeks.kompas.com" / "index.html?site=money&date=2021-06-14&page=1"


def test_tempo_payload_json_is_read_without_javascript(tmp_path):
    spider = make_spider("tempo", tmp_path)
    index = next(i for i, m in enumerate(spider.source.methods) if m.kind == S.PAYLOAD)
    request = spider.listing_request(index, spider.source.methods[index], None)
    if not fixture_file(request.url):
        pytest.skip("no Tempo _payload.json fixture")
    body = fixture_file(request.url).read_bytes()
    response = HtmlResponse(request.url, body=body, encoding="utf-8", request=Request(request.url, meta=request.meta))
    out = [o for o in spider.parse_listing(response) if isinstance(o, Request)]
    assert {o.url for o in out} == {canonical(u) for u in gold_articles(["tempo"])["tempo"]}
    assert {o.meta["pantau_feed_date"] for o in out} == {"2021-06-14", "2021-06-16"}
    narrow = make_spider("tempo", tmp_path, PANTAU_SINCE="2021-06-15", PANTAU_UNTIL="2021-06-15")
    assert [o for o in narrow.parse_listing(response) if isinstance(o, Request)] == []
    assert get_run(narrow.crawler).skipped["out_of_range"] == 2


def test_newest_first_walks_continue_past_pages_newer_than_the_range(tmp_path):
    spider = make_spider("kompas", tmp_path, PANTAU_METHODS=["tag"])
    tag = next(r for r in spider.initial_requests() if "/tag/" in r.url)
    newer = "".join(f'<a class="article-link" href="https://money.kompas.com/read/2021/07/0{d}/10000012{d}/baru-{d}">x</a>'
                    for d in range(1, 4))
    response = HtmlResponse(tag.url, body=f"<html><body>{newer}</body></html>".encode(), encoding="utf-8",
                            request=Request(tag.url, meta=tag.meta))
    out = [o for o in spider.parse_listing(response) if isinstance(o, Request)]
    assert [o.url for o in out] == ["https://www.kompas.com/tag/umkm?page=2"]  # no article, but the next page
    assert get_run(spider.crawler).skipped["out_of_range"] == 3


def test_a_day_listing_showing_other_days_ends_the_walk(tmp_path):
    spider = make_spider("cnnindonesia", tmp_path)
    first = next(r for r in spider.initial_requests() if "indeks" in r.url)
    other = "".join(f'<div class="nhl-list"><a href="https://www.cnnindonesia.com/ekonomi/2026072{d}101010-92-1/x-{d}">x</a></div>'
                    for d in range(1, 4))
    response = HtmlResponse(first.url, body=f"<html><body>{other}</body></html>".encode(), encoding="utf-8",
                            request=Request(first.url, meta=first.meta))
    assert [o for o in spider.parse_listing(response) if isinstance(o, Request)] == []
    run = get_run(spider.crawler)
    assert run.listing_stops["left_range"] == 1 and run.skipped["out_of_range"] == 3


def test_gzipped_sitemap_files_are_read(tmp_path):
    import gzip

    spider = make_spider("kompas", tmp_path)
    index = next(i for i, m in enumerate(spider.source.methods) if m.kind == S.SITEMAP)
    url = "https://money.kompas.com/read/2021/06/15/101200526/banpres"
    xml = (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{url}</loc>'
           f'<lastmod>2021-06-15T10:12:00+07:00</lastmod></url></urlset>').encode()
    request = spider.listing_request(index, spider.source.methods[index], None, url="https://www.kompas.com/s.xml.gz")
    response = XmlResponse(request.url, body=gzip.compress(xml), request=Request(request.url, meta=request.meta))
    out = [o for o in spider.parse_listing(response) if isinstance(o, Request)]
    assert [o.meta["pantau_canonical"] for o in out] == [url]
