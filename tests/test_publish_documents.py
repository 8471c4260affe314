"""Policy documents in the public build: document metadata (no page texts, no crawler columns), regulations and their
relations, and every figure read from a PDF linked to its page, served by a real Datasette with the public metadata."""

from __future__ import annotations

import sqlite3
from datetime import date

import httpx
import pytest

from conftest import free_port
from db import sample
from extract.target_stage import update_targets
from pantau import publish as pub
from pantau import serve

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    root = tmp_path_factory.mktemp("pubdocs")
    store = sample.build_sample(root / "main.db")
    doc_ids = sample.add_sample_documents(store)
    update_targets(store, today=date(2026, 12, 3))
    store.close()
    result = pub.publish(root / "main.db", root / "out" / "public.db")
    port = free_port()
    process = serve.start(result["db"], port, immutable=True, metadata_path=result["metadata"])
    base = f"http://127.0.0.1:{port}"
    try:
        serve.wait_until_up(base, process)
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client, result, doc_ids
    finally:
        serve.stop(process)


def _rows(path, sql, *args):
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, args)]


def test_public_database_has_document_metadata_but_no_page_text(public):
    _, result, doc_ids = public
    path = result["db"]
    tables = {r["name"]: r["type"] for r in _rows(path, "select name, type from sqlite_master")}
    assert tables.get("documents") == "table" and tables.get("regulations") == "table"
    assert tables.get("regulation_relations") == "table" and tables.get("document_claims") == "view"
    assert "document_pages" not in tables
    columns = {r["name"] for r in _rows(path, "pragma table_info(documents)")}
    assert {"url", "kind", "issuer", "pages", "text_quality", "title", "source_kind"} <= columns
    assert "page_id" not in columns
    assert b"Sasaran dan target tahunan Peta Jalan" not in open(path, "rb").read()  # a page text of the sample PDF
    assert result["counts"]["documents"] == 2 and result["counts"]["regulations"] == 1
    assert result["counts"]["regulation_relations"] == 1
    linked = _rows(path, "select pdf_page from document_claims where document_id = ?", doc_ids[sample.LKJ_PDF])
    assert {r["pdf_page"] for r in linked} == {sample.LKJ_PDF + "#page=2"}
    assert _rows(path, "pragma foreign_key_check") == []


def test_public_site_shows_documents_and_links_figures_to_their_page(public):
    client, result, doc_ids = public
    lkj = doc_ids[sample.LKJ_PDF]
    page = client.get(f"/public/documents/{lkj}")
    assert page.status_code == 200 and "Laporan Kinerja" in page.text
    view = client.get("/public/document_claims", params={"document_id": lkj})
    assert view.status_code == 200 and f'href="{sample.LKJ_PDF}#page=2"' in view.text
    assert client.get("/public/regulations").status_code == 200
    claim = _rows(result["db"], "select id from claims where document_id = ? and value = 25600000", lkj)[0]["id"]
    claim_page = client.get(f"/public/claims/{claim}")
    assert claim_page.status_code == 200 and f'href="{sample.LKJ_PDF}#page=2"' in claim_page.text
    assert "Realisasi 2023 (juta unit)" in claim_page.text
    official = client.get("/public/official_vs_stated.json", params={
        "metric": "umkm_onboarded_digital", "scope": "", "scope_name": "", "unit": "UMKM", "_shape": "array"}).json()
    by_year = {r["year"]: r for r in official}
    assert by_year["2023"]["official_value"] == 25.6e6 and by_year["2023"]["stated_latest"] == 27e6
    assert by_year["2023"]["official_pdf_page"] == sample.LKJ_PDF + "#page=2"
    assert by_year["2022"]["official_value"] == 20.25e6 and by_year["2022"]["stated_max"] == 20.76e6
    target = _rows(result["db"], "select target_id, legal_anchor from targets where value = 30000000 and "
                                 "deadline = 2024")[0]
    target_page = client.get(f"/target/{target['target_id']}")
    assert target_page.status_code == 200 and f'href="{sample.LKJ_PDF}#page=2"' in target_page.text
    assert f'/public/regulations/{target["legal_anchor"]}' in target_page.text
    home = client.get("/").text
    assert "29</strong> claims from <strong>15</strong> articles" in home and "policy documents" in home
