"""Headless Chromium on a target page: the server-side SVG chart is really drawn (target line, pace line, one dot
per reported figure, inside the chart area) and a screenshot is saved under build/screenshots/target_page.png."""

from __future__ import annotations

import re

import pytest

from conftest import free_port
from pantau import metadata as md
from pantau import serve
from test_browser_datasette import _page, chromium  # noqa: F401  (fixture)
from test_targets_datasette import build_target_db

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def target_site(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser_targets") / "pantau.db"
    ids = build_target_db(path)
    port = free_port()
    process = serve.start(path, port, metadata_path=md.METADATA_FILE)
    base = f"http://127.0.0.1:{port}"
    try:
        serve.wait_until_up(base, process)
        yield base, ids
    finally:
        serve.stop(process)


def _attrs(tag: str) -> dict:
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def test_target_chart_renders_in_the_browser(chromium, target_site):  # noqa: F811
    base, ids = target_site
    dom = _page(chromium, f"{base}/target/{ids[(30e6, 2024)]}", "target_page")
    svg = re.search(r"<svg[^>]*class=\"target-chart\".*?</svg>", dom, re.S)
    assert svg, "the chart SVG is not in the rendered page"
    svg = svg.group(0)
    width = float(_attrs(re.search(r"<svg[^>]*>", svg).group(0))["width"])
    target_line = _attrs(re.search(r'<line[^>]*class="target-line"[^>]*>', svg).group(0))
    assert target_line["y1"] == target_line["y2"] and float(target_line["x2"]) > float(target_line["x1"])
    assert re.search(r'<line[^>]*class="pace-line"', svg)
    dots = [_attrs(m) for m in re.findall(r'<circle[^>]*class="figure"[^>]*>', svg)]
    assert len(dots) >= 8
    assert all(0 < float(d["cx"]) < width for d in dots)
    # the highest figure (27 juta) is drawn below (larger y than) the 30 juta target line
    top = max(dots, key=lambda d: float(d["data-value"]))
    assert float(top["data-value"]) == 27e6 and float(top["cy"]) > float(target_line["y1"])
    assert "tercapai_sebagian" in dom and "Teten Masduki" in dom
