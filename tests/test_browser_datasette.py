"""Headless Chromium against a running Datasette: the claims table, the dashboard (Vega-Lite charts drawn from the
database) and a target timeline show claims. Screenshots are saved under build/screenshots/ for a human to look at."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import apt_install
from db import sample
from pantau import metadata as md
from pantau import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]
REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "build" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def chromium():
    path = _find_chromium()
    if path is None and apt_install("chromium"):
        path = _find_chromium()
    if path is None:
        pytest.skip("headless Chromium is not installed and `apt-get install -y chromium` was not possible "
                    "(needs root and apt); install Debian's `chromium` package to run the browser tests")
    return path


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "pantau.db"
    sample.build_sample(path).close()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = serve.start(path, port, metadata_path=md.METADATA_FILE)
    base = f"http://127.0.0.1:{port}"
    try:
        serve.wait_until_up(base, process)
        yield base
    finally:
        serve.stop(process)


def _run(chromium: str, url: str, *extra: str, size="1400,1800") -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:  # Chromium helpers may still write into it as it exits
        return subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}", "--hide-scrollbars",
             "--virtual-time-budget=8000", *extra, url],
            capture_output=True, timeout=120,
        )


def _page(chromium: str, url: str, name: str) -> str:
    """The DOM after scripts ran, and a screenshot at build/screenshots/<name>.png."""
    dom = _run(chromium, url, "--dump-dom").stdout.decode("utf-8", "replace")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    _run(chromium, url, f"--screenshot={shot}")
    assert shot.exists() and shot.stat().st_size > 20_000, f"no usable screenshot for {url}"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return dom


def test_claims_table_shows_claims(chromium, base_url):
    dom = _page(chromium, f"{base_url}/pantau/claims?_size=20", "claims_table")
    assert 'class="rows-and-columns"' in dom
    assert "Teten Masduki" in dom and "UMKM" in dom
    assert re.search(r"\d+ rows", dom)
    assert "claim_type" in dom and "Methodology" in dom


def test_dashboard_draws_targets_and_figures(chromium, base_url):
    dom = _page(chromium, f"{base_url}/-/dashboards/umkm-digital", "dashboard")
    assert "UMKM digitalisation: targets and reported figures" in dom
    assert len(re.findall(r'class="marks"', dom)) >= 3, "Vega-Lite charts were not drawn"
    assert re.search(r"\b\d+ claims\b", dom), "claim count metric missing"
    assert "Teten Masduki" in dom  # the latest-figures table
    assert "45 ribu" not in dom and "30 ribu" not in dom  # Bali's and an unknown-scope figure stay out


def test_target_timeline_shows_claims_with_percent(chromium, base_url):
    dom = _page(chromium, f"{base_url}/pantau/target_timeline?metric=umkm_onboarded_digital&unit=UMKM",
                "target_timeline")
    assert "pct_of_target" in dom and "57.5" in dom and "90.0" in dom
    assert "delapan juta" in dom and "Rudiantara" in dom


def test_methodology_page_renders(chromium, base_url):
    dom = _page(chromium, f"{base_url}/methodology", "methodology")
    assert "How claims are extracted" in dom and "Sastrawi" in dom


def test_home_page_shows_coverage_and_a_search_box(chromium, base_url):
    dom = _page(chromium, f"{base_url}/", "home")
    assert 'class="pantau-search"' in dom and 'action="/pantau/search_claims"' in dom
    assert "What the data covers" in dom and re.search(r"\d+</strong> claims from", dom)
    assert "Search for records across" not in dom  # not the article-body search of datasette-search-all


def test_claim_page_is_citable(chromium, base_url):
    from urllib.request import urlopen

    found = json.loads(urlopen(f"{base_url}/pantau/search_claims.json?q=ekosistem&_shape=array").read())
    claim = next(r for r in found if r["value_text"] == "13,7 juta")
    dom = _page(chromium, f"{base_url}/pantau/claims/{claim['claim_id']}", "claim_page")
    top = dom[dom.index('class="pantau-claim"'):dom.index("pantau-all-fields")]
    assert "<mark>13,7 juta</mark>" in top and "3 Agustus 2021" in top
    assert 'href="/pantau/people/joko_widodo"' in top and claim["article_url"] in top
    assert "<details" in dom  # the stored fields are folded, not first


def test_query_form_offers_people_to_choose_from(chromium, base_url):
    dom = _page(chromium, f"{base_url}/pantau/claims_by_person", "claims_by_person_form")
    assert 'list="pantau-list-person"' in dom and '<datalist id="pantau-list-person">' in dom
    assert 'value="teten_masduki"' in dom and 'value="Show"' in dom
