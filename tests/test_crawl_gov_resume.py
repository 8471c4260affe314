"""A government-source crawl (peraturan.go.id: sitemap diff -> regulation pages -> their PDFs) killed with SIGKILL
mid-run and started again completes the set without duplicates or losses: every regulation page and every PDF is
archived exactly once, including the PDFs of pages the killed run archived but whose PDF it never fetched."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections import Counter

import pytest

from test_crawl_support import REPO, crawl_command, pages, run_crawl, serve_mirror

pytestmark = pytest.mark.slow
REGULATIONS = 80
JENIS = ["permen-kukm", "perpres", "pp", "permenkominfo"]


def _slug(n: int) -> str:
    return f"{JENIS[n % len(JENIS)]}-no-{n + 1}-tahun-{2015 + n % 10}"


def _detail_page(n: int) -> str:
    slug = _slug(n)
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Peraturan Nomor {n + 1} Tahun {2015 + n % 10} tentang Pemberdayaan Usaha Mikro | peraturan.go.id</title></head>
<body><div class="container"><h4 class="title">Detail Peraturan</h4>
<table id="w2" class="table table-striped table-bordered detail-view">
<tr><th>Jenis/Bentuk Peraturan</th><td>{JENIS[n % len(JENIS)].upper()}</td></tr>
<tr><th>Nomor</th><td>{n + 1}</td></tr><tr><th>Tahun</th><td>{2015 + n % 10}</td></tr>
<tr><th>Tentang</th><td>Pemberdayaan Usaha Mikro dan Kecil melalui Digitalisasi Tahap {n + 1}</td></tr>
<tr><th>Ditetapkan Tanggal</th><td>{1 + n % 28} Maret {2015 + n % 10}</td></tr>
<tr><th>Status</th><td>Berlaku</td></tr></table>
<p><a class="btn btn-primary" href="/files/{slug}.pdf" target="_blank">Unduh Dokumen</a></p>
</div></body></html>
"""


def _pdf(n: int) -> bytes:
    """A small, well-formed one-page PDF (the crawler checks the magic bytes and archives the body as fetched)."""
    text = f"PERATURAN NOMOR {n + 1} TAHUN {2015 + n % 10}".encode()
    stream = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 "
               b"0 R >> >> >>", b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def _build_site(root):
    host = root / "peraturan.go.id"
    (host / "id").mkdir(parents=True)
    (host / "files").mkdir()
    (host / "robots.txt").write_text("User-agent: *\nDisallow: /cari\nSitemap: https://peraturan.go.id/sitemap.xml\n")
    locs = []
    for n in range(REGULATIONS):
        (host / "id" / _slug(n)).write_text(_detail_page(n), encoding="utf-8")
        (host / "files" / f"{_slug(n)}.pdf").write_bytes(_pdf(n))
        locs.append(f"  <url><loc>https://peraturan.go.id/id/{_slug(n)}</loc><lastmod>2025-02-12</lastmod></url>")
    (host / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps'
                                      '.org/schemas/sitemap/0.9">\n' + "\n".join(locs) + "\n</urlset>\n")
    return ({f"https://peraturan.go.id/id/{_slug(n)}" for n in range(REGULATIONS)},
            {f"https://peraturan.go.id/files/{_slug(n)}.pdf" for n in range(REGULATIONS)})


def _count(db, kind) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from pages where kind = ?", [kind]).fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_then_resume_completes_regulations_and_pdfs_once(tmp_path):
    expected_pages, expected_pdfs = _build_site(tmp_path / "site")
    server, base = serve_mirror(tmp_path / "site")
    db = tmp_path / "gov.db"
    slow = ["--set", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "--set", "DOWNLOAD_DELAY=0.03"]
    try:
        process = subprocess.Popen(crawl_command(db, base, *slow, sources=["peraturan"]), cwd=REPO,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while _count(db, "regulation") < 25 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert process.poll() is None, "the crawl finished before it could be killed: make it slower"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        killed_pages, killed_pdfs = _count(db, "regulation"), _count(db, "document")
        assert 0 < killed_pages < REGULATIONS and killed_pdfs < REGULATIONS

        stats = run_crawl(db, base, sources=["peraturan"])["peraturan"]
        stored_pages = Counter(p["canonical_url"] for p in pages(db, kind="regulation"))
        stored_pdfs = Counter(p["url"] for p in pages(db, kind="document"))
        assert set(stored_pages) == expected_pages, f"lost: {len(expected_pages - set(stored_pages))}"
        assert set(stored_pdfs) == expected_pdfs, f"lost PDFs: {sorted(expected_pdfs - set(stored_pdfs))[:3]}"
        assert all(n == 1 for n in stored_pages.values()) and all(n == 1 for n in stored_pdfs.values())
        assert stats["status"] == "finished" and stats["errors"] == 0
        assert stats["skipped_by_reason"].get("already_seen") == killed_pages  # the sitemap diff
        assert stats["new"] == (REGULATIONS - killed_pages) + (REGULATIONS - killed_pdfs)
        with sqlite3.connect(db) as conn:
            statuses = [s for (s,) in conn.execute("select status from crawl_runs order by id")]
        assert statuses == ["killed", "finished"]

        third = run_crawl(db, base, sources=["peraturan"])["peraturan"]
        assert third["new"] == 0 and third["skipped_by_reason"].get("already_seen") == REGULATIONS
        assert third.get("responses_by_kind", {}).get("document", 0) == 0
    finally:
        server.shutdown()
