"""Government sources crawled with the real Scrapy spiders over HTTP from tests/fixtures/gov_sites on 127.0.0.1:
press-release listings, RSS, a sitemap diff, a JDIHN feed and PDFs; robots, blocks, incremental and resume; then the
offline extract stage turns the archive into documents, regulations and claims with their page."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zlib
from http.server import ThreadingHTTPServer
from threading import Thread

import pytest

from test_crawl_support import canonical, pages, run_crawl, runs

pytest.importorskip("reportlab", reason="reportlab (the `test` extra) generates the fixture PDFs")

from tests.fixtures import pdfgen  # noqa: E402
from tests.fixtures.sitegen.gov import PDF_PATHS, SITES  # noqa: E402

pytestmark = pytest.mark.slow

GOV_2021 = ["setkab", "ekon", "kemenkopukm", "peraturan", "jdih_kemenkopukm", "presidenri", "jdih_bpk"]
BLOCKED_HOSTS = ("www.presidenri.go.id", "presidenri.go.id", "peraturan.bpk.go.id")
GOLD_ARTICLES = [json.loads(line) for line in open("tests/gold/gov_articles.jsonl", encoding="utf-8")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A copy of the fixture sites with the PDFs generated into it."""
    root = tmp_path_factory.mktemp("gov") / "sites"
    shutil.copytree(SITES, root)
    made = pdfgen.build_all(tmp_path_factory.mktemp("pdfs"))
    for rel, name in PDF_PATHS.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(made[name], root / rel)
    return root


@pytest.fixture(scope="module")
def mirror(site):
    """The project's mirror, except that the hosts which refuse non-browser clients answer 403 (as they do)."""
    from pantau.mirror import make_handler

    base = make_handler(site)

    class Handler(base):
        def do_GET(self):
            if self.path.lstrip("/").split("/", 1)[0] in BLOCKED_HOSTS:
                body = b"<html><body>403 Forbidden</body></html>"
                self.send_response(403)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def crawled(mirror, tmp_path_factory):
    db = tmp_path_factory.mktemp("crawl") / "gov.db"
    first = run_crawl(db, mirror, sources=GOV_2021)
    later = run_crawl(db, mirror, sources=["kemenumkm", "komdigi"], since="2025-03-10", until="2025-03-12")
    return db, first, later


def _urls(db, kind, source=None):
    return {p["canonical_url"] for p in pages(db, kind=kind, source=source)}


def test_press_releases_in_range_are_archived_once(crawled):
    db, first, later = crawled
    expected = {canonical(g["url"]) for g in GOLD_ARTICLES}
    stored = [p["canonical_url"] for p in pages(db, kind="article")]
    assert set(stored) == expected and len(stored) == len(set(stored))
    for source in ("setkab", "ekon", "kemenkopukm"):
        assert first[source]["status"] == "finished" and first[source]["errors"] == 0, first[source]
    assert first["setkab"]["skipped_by_reason"].get("out_of_range", 0) >= 1  # the 10 June item, in RSS and listing
    assert first["ekon"]["listing_stops"].get("left_range") == 1  # page 2 holds only older releases
    assert all(later[s]["status"] == "finished" and later[s]["new"] == 1 for s in ("kemenumkm", "komdigi"))


def test_robots_and_blocked_hosts(crawled):
    db, first, _ = crawled
    assert first["ekon"]["skipped_by_reason"].get("robots_disallowed") == 1  # /publikasi/detail/3019/
    assert "https://www.ekon.go.id/publikasi/detail/3019/rapat-koordinasi-terbatas-pemulihan-ekonomi" not in \
        {p["url"] for p in pages(db)}
    for source in ("presidenri", "jdih_bpk"):
        assert first[source]["status"] == "blocked", first[source]
        assert not pages(db, kind="article", source=source)


def test_sitemap_diff_regulations_feed_and_pdfs(crawled):
    db, first, _ = crawled
    assert _urls(db, "regulation") == {"https://peraturan.go.id/id/permen-kukm-no-5-tahun-2022",
                                       "https://peraturan.go.id/id/perpres-no-12-tahun-2025"}
    assert len(_urls(db, "regulation_feed", "jdih_kemenkopukm")) == 1
    documents = {p["url"] for p in pages(db, kind="document")}
    assert documents == {"https://" + rel for rel in PDF_PATHS}
    with sqlite3.connect(db) as conn:
        bodies = [zlib.decompress(body) for (body,) in conn.execute("select body from pages where kind='document'")]
    assert len(bodies) == 4 and all(body.startswith(b"%PDF-") for body in bodies)  # archived as fetched


def test_second_crawl_fetches_no_article_or_document_again(crawled, mirror):
    db, _, _ = crawled
    before = len(pages(db))
    again = run_crawl(db, mirror, sources=GOV_2021)
    assert sum(again[s]["new"] for s in GOV_2021) == 0
    assert again["peraturan"]["skipped_by_reason"].get("already_seen") == 2  # the sitemap diff is empty
    kinds = {p["kind"] for p in pages(db)[before:]}
    assert kinds <= {"listing", "robots", "regulation_feed"}, kinds


def test_extract_stage_builds_documents_regulations_and_claims(crawled, tmp_path):
    db, _, _ = crawled
    copy = tmp_path / "extract.db"
    shutil.copy(db, copy)
    from db import Store
    from extract.stage import extract_pages

    stats = extract_pages(Store(copy))
    assert stats["documents"] == 4 and stats["regulations"] == 4
    conn = sqlite3.connect(copy)
    conn.row_factory = sqlite3.Row
    docs = {r["url"]: r for r in conn.execute("select * from documents")}
    scan = docs["https://peraturan.go.id/files/perpres-no-12-tahun-2025.pdf"]
    assert scan["text_quality"] == "corrupt" and scan["kind"] == "rpjmn"
    claims = conn.execute("select * from claims where document_id = ? and row_label is not null",
                          [docs["https://peraturan.go.id/files/permen-kukm-no-5-tahun-2022.pdf"]["id"]]).fetchall()
    assert len(claims) == 9 and all(c["page"] == 3 and c["source_kind"] == "regulation" for c in claims)
    relations = {(r["relation"], r["target_text"]) for r in conn.execute("select * from regulation_relations")}
    assert ("revokes", "Peraturan Presiden Nomor 18 Tahun 2020") in relations
    reg = conn.execute("select * from regulations where urlDetailPeraturan like '%permen-kukm-no-5%'").fetchone()
    assert reg["tanggal_penetapan"] == "2022-03-14" and reg["document_id"]
    official = conn.execute("select distinct source_kind from claims where outlet = 'kemenkopukm' and "
                            "document_id is null").fetchall()
    assert [r[0] for r in official] == ["official_statement"]
    precision = dict(conn.execute("select outlet, published_precision from articles").fetchall())
    assert precision["setkab"] == "date"
    again = extract_pages(Store(copy), rebuild=True)
    assert again["documents"] == 4
    assert conn.execute("select count(*) from documents").fetchone()[0] == 4  # re-extraction upserts
