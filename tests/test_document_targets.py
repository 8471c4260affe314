"""Documents as tracker evidence, end to end: generated PDFs (a ministerial regulation with its appendix of yearly
targets and an annual performance report with Target / Realisasi) go through the offline extract stage into a
database that already holds news claims of the same series; the tracker stage then anchors the targets in the
regulation, attaches the report's realisation as an official observation, and a real Datasette serves the target
page, the claim page, search and the feed with the document links."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from datetime import date

import httpx
import pytest

from conftest import free_port
from db import Store, sample
from extract.stage import extract_pages
from extract.target_stage import update_targets
from pantau import metadata as md
from pantau import serve

pytest.importorskip("reportlab", reason="reportlab (the `test` extra) generates the fixture PDFs")

from tests.fixtures import pdfgen  # noqa: E402
from tests.fixtures.sitegen.gov import SITES  # noqa: E402

pytestmark = pytest.mark.slow
DIGITAL = "umkm_onboarded_digital"
REG_PAGE = "https://peraturan.go.id/id/permen-kukm-no-5-tahun-2022"
REG_PDF = "https://peraturan.go.id/files/permen-kukm-no-5-tahun-2022.pdf"
LKJ_PDF = "https://kemenkopukm.go.id/uploads/lkj/lkj-deputi-usaha-mikro-2023.pdf"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    root = tmp_path_factory.mktemp("doctargets")
    pdfs = pdfgen.build_all(root / "pdfs")
    store = sample.build_sample(root / "pantau.db")  # news claims: 30 juta by 2024 (Teten), 27 juta per Dec 2023, ...
    archive = [(REG_PAGE, "regulation", "peraturan", (SITES / "peraturan.go.id/id/permen-kukm-no-5-tahun-2022"
                                                      ).read_bytes()),
               (REG_PDF, "document", "peraturan", pdfs["permenkopukm_5_2022.pdf"].read_bytes()),
               (LKJ_PDF, "document", "kemenkopukm", pdfs["lkj_deputi_usaha_mikro_2023.pdf"].read_bytes())]
    for url, kind, source, body in archive:
        store.save_page(url=url, canonical_url=url, source=source, status=200, body=body, kind=kind)
    stats = extract_pages(store)
    assert stats["documents"] == 2 and stats["regulations"] == 1, stats
    update_targets(store, today=date(2026, 12, 3))
    store.close()
    return root / "pantau.db"


def _rows(path, sql, *args) -> list[dict]:
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, args)]


def _target(path, value, deadline) -> dict:
    found = _rows(path, "select * from targets where metric = ? and scope = 'national' and unit = 'UMKM' "
                        "and value = ? and deadline = ?", DIGITAL, value, deadline)
    assert len(found) == 1, (value, deadline, found)
    return found[0]


def test_table_claims_join_the_news_series(db_path):
    lkj = _rows(db_path, "select c.* from claims c join documents d on d.id = c.document_id where d.url = ? and "
                         "c.row_label = 'UMKM terhubung ke ekosistem digital'", LKJ_PDF)
    assert {(c["claim_type"], c["value"], c["metric"], c["scope"], c["scope_name"], c["unit"]) for c in lkj} == {
        ("target", 24e6, DIGITAL, "national", None, "UMKM"), ("achievement", 25.6e6, DIGITAL, "national", None, "UMKM")}
    assert all(c["article_id"] is None and c["page"] == 3 and c["source_kind"] == "official_report" for c in lkj)


def test_target_stated_in_news_and_regulation_is_anchored_in_the_regulation(db_path):
    target = _target(db_path, 30e6, 2024)
    regulation = _rows(db_path, "select * from regulations where urlDetailPeraturan = ?", REG_PAGE)[0]
    assert target["anchoring"] == "peraturan" and target["legal_anchor"] == regulation["id"]
    statements = _rows(db_path, "select * from target_statements where target_id = ? order by stated_on",
                       target["target_id"])
    kinds = {s["source_kind"] for s in statements}
    assert {"media", "regulation"} <= kinds  # Teten's news statement and the regulation's appendix, one target
    from_reg = [s for s in statements if s["source_kind"] == "regulation"]
    assert from_reg[0]["article_id"] is None and from_reg[0]["page"] == 3
    assert from_reg[0]["url"] == REG_PDF + "#page=3" and from_reg[0]["stated_on"] == "2022-03-14"
    # the 2023 milestone is stated by the regulation and the performance report only: still anchored in the regulation
    milestone = _target(db_path, 24e6, 2023)
    assert milestone["anchoring"] == "peraturan" and milestone["legal_anchor"] == regulation["id"]
    assert milestone["status"] == "tercapai" and milestone["latest_value"] == 25.6e6


def test_report_realisation_is_an_official_observation(db_path):
    target = _target(db_path, 30e6, 2024)
    observations = _rows(db_path, "select * from target_observations where target_id = ? order by as_of, stated_on",
                         target["target_id"])
    official = [o for o in observations if o["source_kind"] == "official_report"]
    assert [(o["value"], o["as_of"], o["stated_on"], o["page"]) for o in official] == [
        (25.6e6, "2023-12-01", "2024-02-29", 3)]
    assert official[0]["url"] == LKJ_PDF + "#page=3" and official[0]["counts"] == 1
    # beside it, the minister's own figure for the same month, kept as another vintage
    assert any(o["value"] == 27e6 and o["source_kind"] == "media" for o in observations)
    # the newest vintage of December 2023 is the report (stated later): it is the latest figure
    assert target["latest_value"] == 25.6e6


@pytest.fixture(scope="module")
def site(db_path):
    port = free_port()
    process = serve.start(db_path, port, metadata_path=md.METADATA_FILE)
    base = f"http://127.0.0.1:{port}"
    try:
        serve.wait_until_up(base, process)
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client
    finally:
        serve.stop(process)


def test_target_page_links_the_pdf_page_and_the_regulation(site, db_path):
    target = _target(db_path, 30e6, 2024)
    page = site.get(f"/target/{target['target_id']}")
    assert page.status_code == 200
    assert f'class="document-page" href="{LKJ_PDF}#page=3"' in page.text
    assert f'class="document-page" href="{REG_PDF}#page=3"' in page.text
    assert "Laporan Kinerja" in page.text
    assert f'class="legal-anchor" href="/pantau/regulations/{target["legal_anchor"]}"' in page.text


def test_document_claims_are_found_by_the_claim_page_search_and_feed(site, db_path):
    claim = _rows(db_path, "select c.id from claims c join documents d on d.id = c.document_id where d.url = ? "
                           "and c.value = 25600000", LKJ_PDF)[0]["id"]
    page = site.get(f"/pantau/claims/{claim}")
    assert page.status_code == 200 and f'href="{LKJ_PDF}#page=3"' in page.text
    found = site.get("/pantau/search_claims.json", params={"q": "Realisasi", "_shape": "array"}).json()
    assert claim in {r["claim_id"] for r in found}
    assert any(r["article_url"] == LKJ_PDF + "#page=3" for r in found if r["claim_id"] == claim)
    timeline = site.get("/pantau/target_timeline.json", params={"metric": DIGITAL, "unit": "UMKM",
                                                               "_shape": "array"}).json()
    assert claim in {r["claim_id"] for r in timeline}
    feed = ET.fromstring(site.get("/pantau/new_claims_feed.atom", params={"metric": DIGITAL}).text)
    links = {e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")}
    assert LKJ_PDF + "#page=3" in links
    official = site.get("/pantau/official_vs_stated.json", params={"metric": DIGITAL, "unit": "UMKM",
                                                                  "_shape": "array"}).json()
    year = {r["year"]: r for r in official}["2023"]
    assert year["official_value"] == 25.6e6 and year["stated_max"] == 27e6
