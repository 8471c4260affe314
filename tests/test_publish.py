"""The public database: claims, their sentence and a link to the article, lookup tables; no bodies, no crawler state.
Served by Datasette with the published metadata, the canned queries still work."""

from __future__ import annotations

import json
import socket

import httpx
import pytest
import sqlite_utils

from db import sample
from pantau import publish as pub
from pantau import serve


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("pub")
    store = sample.build_sample(root / "main.db")
    # crawler state, an off-topic article and a rejected claim that must not be published
    run = store.start_run("kompas")
    page_id, _ = store.save_page(url="https://kompas.com/x", canonical_url="https://kompas.com/x", source="kompas",
                                 status=200, body=b"<html>raw body SECRET-BODY</html>", run_id=run)
    store.finish_run(run, {"requests": 1})
    store.save_article_with_claims(
        {"url": "https://kompas.com/x", "canonical_url": "https://kompas.com/x", "outlet": "kompas",
         "title": "Sepak bola", "text": "Skor 3-1 OFFTOPIC-TEXT.", "status": "off_topic"},
        [], page_id=page_id, extractor_version="t")
    store.db.execute("update claims set review_status = 'rejected' where value = 12300000")
    store.db.conn.commit()
    main_counts = store.counts()
    store.close()
    result = pub.publish(root / "main.db", root / "public" / "public.db")  # the CLI default name
    return root, result, main_counts


def test_public_database_has_claims_links_and_lookups_only(published):
    root, result, main_counts = published
    db = sqlite_utils.Database(result["db"])
    tables = set(db.table_names())
    assert {"claims", "articles", "outlets", "people", "positions", "institutions", "programs", "metrics"} <= tables
    assert not tables & {"pages", "seen_urls", "sources", "crawl_runs", "article_revisions", "_sqlite_migrations"}
    assert "text" not in db["articles"].columns_dict and "page_id" not in db["articles"].columns_dict
    assert {"url", "title", "outlet", "published"} <= set(db["articles"].columns_dict)
    assert db["claims"].count == main_counts["claims"] - 1  # the rejected claim is left out
    assert not list(db.query("select id from claims where value = 12300000"))
    assert not list(db.query("select id from articles where title = 'Sepak bola'"))
    raw = open(result["db"], "rb").read()
    assert b"SECRET-BODY" not in raw and b"OFFTOPIC-TEXT" not in raw
    assert db.execute("select journal_mode from pragma_journal_mode").fetchone()[0] == "delete"
    fks = {(fk.column, fk.other_table) for fk in db["claims"].foreign_keys}
    assert {("article_id", "articles"), ("metric", "metrics"), ("person_id", "people"), ("outlet", "outlets")} <= fks
    assert db.execute("pragma foreign_key_check").fetchall() == []
    assert db["claims_fts"].count == db["claims"].count


def test_publish_returns_commands_pinned_to_datasette_065(published):
    root, result, _ = published
    for name in ("cloudrun", "fly", "package"):
        command = result["commands"][name]
        assert "--install 'datasette>=0.65.5,<0.66'" in command
        assert "--plugins-dir" in command and "--metadata" in command and "sql_time_limit_ms" in command
    assert result["commands"]["cloudrun"].startswith("datasette publish cloudrun ")
    assert result["commands"]["package"].startswith("datasette package ")
    assert (root / "public" / "plugins" / "pantau_plugin.py").exists()
    meta = json.loads((root / "public" / "datasette_metadata.json").read_text())
    assert "search_claims" in meta["databases"]["public"]["queries"]
    assert json.loads((root / "public" / "inspect-data.json").read_text())["public"]["tables"]["claims"]["count"] > 0


def test_public_database_serves_the_canned_queries(published):
    root, result, _ = published
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = serve.start(result["db"], port, immutable=True, metadata_path=result["metadata"])
    base = f"http://127.0.0.1:{port}"
    try:
        serve.wait_until_up(base, process)
        found = httpx.get(f"{base}/public/search_claims.json", params={"q": "capai", "_shape": "array"}).json()
        assert any("tercapai" in r["quote"] for r in found)
        timeline = httpx.get(f"{base}/public/target_timeline.json",
                             params={"metric": "umkm_onboarded_digital", "_shape": "array"}).json()
        assert timeline and all(r["article_url"].startswith("https://") for r in timeline)
        assert httpx.get(f"{base}/public/new_claims_feed.atom").status_code == 200
        methodology = httpx.get(f"{base}/methodology").text
        assert 'href="/public/claims"' in methodology and "/pantau/" not in methodology
        dashboard = httpx.get(f"{base}/-/dashboards/umkm-digital")
        assert dashboard.status_code == 200 and "/public/target_timeline" in dashboard.text
    finally:
        serve.stop(process)
    # serving a public database never migrates it into a pipeline database
    tables = set(sqlite_utils.Database(result["db"]).table_names())
    assert "pages" not in tables and "_sqlite_migrations" not in tables


def test_serve_never_migrates_a_public_database(published, monkeypatch):
    _, result, _ = published
    calls = []
    monkeypatch.setattr(serve, "_run", lambda argv: calls.append(argv) or 0)
    assert serve.serve(result["db"], 8001) == 0
    assert calls and "--metadata" in calls[0] and str(result["db"]) in calls[0]
    tables = set(sqlite_utils.Database(result["db"]).table_names())
    assert "pages" not in tables and "_sqlite_migrations" not in tables


def test_stopping_pantau_serve_stops_datasette(published, tmp_path):
    """SIGTERM to the serving process (what a test fixture or systemd sends) must not orphan Datasette."""
    import signal
    import subprocess
    import sys
    import time

    _, result, _ = published
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code = f"from pantau import serve; serve.serve({str(result['db'])!r}, {port})"
    parent = subprocess.Popen([sys.executable, "-c", code], cwd=str(pub.REPO), stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        serve.wait_until_up(base, parent)
        parent.send_signal(signal.SIGTERM)
        parent.wait(timeout=20)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{base}/-/versions.json", timeout=1)
            except httpx.HTTPError:
                break
            time.sleep(0.2)
        else:
            raise AssertionError("Datasette kept running after pantau serve was terminated")
    finally:
        if parent.poll() is None:
            parent.kill()
