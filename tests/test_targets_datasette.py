"""The target pages over HTTP against a real Datasette server: the targets table with its facets, a page per target
(statement, SVG chart, statements with links, revisions, status history with evidence), links from claims, the Atom
feed per target, the "what changed this week" query and their CSV/JSON."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import httpx
import pytest

from conftest import free_port
from db import sample
from extract.target_stage import update_targets
from pantau import metadata as md
from pantau import serve

pytestmark = pytest.mark.slow
ATOM = "{http://www.w3.org/2005/Atom}"


def build_target_db(path):
    store = sample.build_sample(path)
    update_targets(store, today=date(2026, 12, 3))
    ids = {(r["value"], r["deadline"]): r["target_id"] for r in store.db.query("select * from targets")}
    store.close()
    return ids


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("targets") / "pantau.db"
    ids = build_target_db(path)
    port = free_port()
    process = serve.start(path, port, metadata_path=md.METADATA_FILE)
    base = f"http://127.0.0.1:{port}"
    try:
        serve.wait_until_up(base, process)
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client, ids
    finally:
        serve.stop(process)


def test_targets_table_has_the_facets(site):
    client, _ = site
    data = client.get("/pantau/targets.json", params={"_extra": "facet_results"}).json()
    facets = data["facet_results"]["results"] if "results" in data["facet_results"] else data["facet_results"]
    assert {"status", "metric", "deadline", "first_institution", "anchoring"} <= set(facets)
    statuses = {item["value"] for item in facets["status"]["results"]}
    assert {"direvisi", "tercapai", "tercapai_sebagian"} <= statuses


def test_target_page_tells_the_story(site):
    client, ids = site
    page = client.get(f"/target/{ids[(30e6, 2024)]}")
    assert page.status_code == 200
    text = page.text
    assert "Target 30 juta UMKM by 2024" in text and "Teten Masduki" in text
    assert 'class="target-line"' in text and text.count('class="figure"') >= 8 and 'class="pace-line"' in text
    assert "tercapai_sebagian" in text and "revises" in text  # the 2023 deadline it replaced
    assert "https://money.kompas.com/read/2021/06/14/teten-umkm-digital-capai-12-juta" in text
    assert "/pantau/claims/" in text  # evidence links to claims
    assert client.get("/target/nope").status_code == 404
    old = client.get(f"/target/{ids[(30e6, 2023)]}").text
    assert "direvisi" in old and "revised by" in old and "Luhut" in old


def test_claims_link_to_their_target(site):
    client, ids = site
    html = client.get("/pantau/claims", params={"claim_type": "target"}).text
    assert f'href="/target/{ids[(30e6, 2024)]}"' in html


def test_atom_feed_per_target_and_changes_page(site):
    client, ids = site
    feed = client.get("/pantau/target_feed.atom", params={"target_id": ids[(30e6, 2024)]})
    assert feed.status_code == 200
    entries = ET.fromstring(feed.content).findall(f"{ATOM}entry")
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert any(t.startswith("status: tercapai_sebagian") for t in titles)
    assert any(t.startswith("figure: 27 juta") for t in titles) and any(t.startswith("first: Teten Masduki") for t in titles)
    week = client.get("/pantau/target_changes.json", params={"_shape": "array"}).json()
    assert week and max(r["date"] for r in week) == "2025-04-01"  # the 2024 deadline's grace ended
    since = client.get("/pantau/target_changes.json", params={"_shape": "array", "since": "2023-01-01"}).json()
    assert len(since) > len(week) and all(r["date"] > "2023-01-01" for r in since)
    csv = client.get("/pantau/target_changes.csv", params={"since": "2023-01-01"}).text
    assert csv.splitlines()[0].startswith("date,kind,title")
    assert client.get("/pantau/target_statements.csv", params={"target_id": ids[(30e6, 2024)]}).status_code == 200
