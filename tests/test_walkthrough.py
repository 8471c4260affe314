"""The README's walk-through, as a newcomer runs it from a fresh clone: demo -> search -> a claim page -> its article
-> export -> publish -> serve the public build. Real commands in subprocesses, real Datasette over HTTP."""

from __future__ import annotations

import csv
import io
import re
import signal
import subprocess
import sys
from contextlib import contextmanager

import httpx
import pytest

from conftest import REPO, free_port, pantau, wait_for_http

pytestmark = pytest.mark.slow


@contextmanager
def pantau_serve(db):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "pantau.cli", "serve", "--db", str(db), "--port", str(port)],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/-/versions.json", timeout=120)
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0, "pantau serve did not stop cleanly"
    finally:
        if process.poll() is None:
            process.kill()


def test_walkthrough_from_a_fresh_clone(tmp_path):
    demo = tmp_path / "data" / "demo.db"
    built = pantau("demo", "--no-serve", "--db", str(demo), timeout=900)
    assert "claims from" in built.stdout

    with pantau_serve(demo) as site:
        home = site.get("/").text
        assert 'action="/demo/search_claims"' in home and "What the data covers" in home
        # search: sentences, newest first, each linking its claim page
        found = site.get("/demo/search_claims.json", params={"q": "UMKM", "_shape": "array"}).json()
        assert found and [r["stated_on"] for r in found] == sorted((r["stated_on"] for r in found), reverse=True)
        claim = next(r for r in found if r["value_text"] and r["value_text"] in r["quote"])
        results_page = site.get("/demo/search_claims", params={"q": "UMKM"}).text
        assert f'href="/demo/claims/{claim["claim_id"]}"' in results_page
        # the claim page: the sentence with the figure marked, date, outlet and the article's link at the top
        page = site.get(f"/demo/claims/{claim['claim_id']}").text
        top = page[page.index('<article class="pantau-claim">'):page.index("pantau-all-fields")]
        assert f"<mark>{claim['value_text']}</mark>" in top.replace("&#34;", '"')
        assert f'href="{claim["article_url"]}"' in top
        article_record = re.search(r'href="(/demo/articles/[0-9a-f]+)"', top).group(1)
        # its article
        article = site.get(article_record)
        assert article.status_code == 200 and claim["article_title"] in article.text
        # walk-through 2 (following a target): the README's URLs, and the target's statement links to its page
        for path in ("/demo/targets", "/target/t5e5c830ecabe", "/demo/target_changes",
                     "/demo/target_feed.atom?target_id=t5e5c830ecabe"):
            assert site.get(path).status_code == 200, path
        statement = site.get("/demo/target_statements.json", params={"target_id": "t5e5c830ecabe",
                                                                       "_shape": "array"}).json()[0]["claim_id"]
        assert 'href="/target/t5e5c830ecabe"' in site.get(f"/demo/claims/{statement}").text

    exported = pantau("export", "claims", "--format", "csv", "--db", str(demo)).stdout
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert claim["claim_id"] in {r["claim_id"] for r in rows}

    public = tmp_path / "data" / "public.db"
    published = pantau("publish", "--db", str(demo), "--out", str(public), timeout=300)
    assert "datasette publish cloudrun" in published.stdout and public.exists()

    with pantau_serve(public) as site:
        assert "What the data covers" in site.get("/").text
        for path in ("/public/articles", "/public/claims", f"/public/claims/{claim['claim_id']}",
                     "/-/dashboards/umkm-digital", "/public/search_claims?q=UMKM"):
            assert site.get(path).status_code == 200, path
        assert "<mark>" in site.get(f"/public/claims/{claim['claim_id']}").text
