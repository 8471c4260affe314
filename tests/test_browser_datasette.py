"""Headless Chromium against a running Datasette: the claims table, the dashboard (Vega-Lite charts drawn from the
database) and a target timeline show claims. Screenshots are saved under build/screenshots/ for a human to look at."""

from __future__ import annotations

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
    with tempfile.TemporaryDirectory() as profile:
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


def test_target_timeline_shows_claims_with_percent(chromium, base_url):
    dom = _page(chromium, f"{base_url}/pantau/target_timeline?metric=umkm_onboarded_digital&unit=UMKM",
                "target_timeline")
    assert "pct_of_target" in dom and "57.5" in dom and "90.0" in dom
    assert "delapan juta" in dom and "Rudiantara" in dom


def test_methodology_page_renders(chromium, base_url):
    dom = _page(chromium, f"{base_url}/methodology", "methodology")
    assert "How claims are extracted" in dom and "Sastrawi" in dom
