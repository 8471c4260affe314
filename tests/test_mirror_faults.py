"""pantau.faults.FaultPlan, alone and inside the mirror server, and a crawl under injected faults."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from collections import Counter

import pytest

from pantau.faults import KINDS, FaultPlan
from test_crawl_support import FIXTURE_SITES, serve_mirror, canonical, fixture_sources, gold_articles, pages, run_crawl


def test_plan_is_deterministic_and_respects_rate():
    a = FaultPlan(0.3, seed=5)
    b = FaultPlan(0.3, seed=5)
    paths = [f"/host/page/{i}" for i in range(2000)]
    picks_a = [a.pick(p) for p in paths]
    assert picks_a == [b.pick(p) for p in paths]
    share = sum(1 for p in picks_a if p) / len(paths)
    assert 0.25 < share < 0.35
    assert set(filter(None, picks_a)) == set(KINDS)
    assert [FaultPlan(0.3, seed=6).pick(p) for p in paths] != picks_a


def test_plan_bounds_consecutive_faults_per_path():
    plan = FaultPlan(1.0, seed=1, kinds=["500"], max_per_path=2)
    assert [plan.pick("/x") for _ in range(4)] == ["500", "500", None, "500"]
    unbounded = FaultPlan(1.0, seed=1, kinds="reset", max_per_path=None)
    assert all(unbounded.pick("/x") == "reset" for _ in range(5))
    assert FaultPlan(0.0, seed=1).pick("/x") is None
    spare = FaultPlan(1.0, seed=1, spare_robots=True)
    assert spare.pick("/a.com/robots.txt") is None


def test_plan_validates_arguments():
    with pytest.raises(ValueError):
        FaultPlan(1.5, 0)
    with pytest.raises(ValueError):
        FaultPlan(0.5, 0, kinds=["teapot"])


def test_mirror_serves_each_fault_kind(tmp_path):
    (tmp_path / "a.com").mkdir()
    (tmp_path / "a.com" / "page").write_bytes(b"<html>" + b"x" * 5000 + b"</html>")
    for kind in KINDS:
        plan = FaultPlan(1.0, seed=0, kinds=[kind], slow_seconds=0.2)
        server, base = serve_mirror(tmp_path, fault_plan=plan)
        try:
            if kind == "500":
                with pytest.raises(urllib.error.HTTPError) as error:
                    urllib.request.urlopen(f"{base}/a.com/page", timeout=5)
                assert error.value.code == 500
            elif kind == "slow":
                with urllib.request.urlopen(f"{base}/a.com/page", timeout=5) as response:
                    assert len(response.read()) == 5013
            elif kind == "truncate":
                with pytest.raises(http.client.IncompleteRead):
                    with urllib.request.urlopen(f"{base}/a.com/page", timeout=5) as response:
                        response.read()
            else:
                with pytest.raises((urllib.error.URLError, ConnectionError, http.client.RemoteDisconnected)):
                    urllib.request.urlopen(f"{base}/a.com/page", timeout=5).read()
            assert plan.injected[kind] == 1
        finally:
            server.shutdown()


@pytest.mark.slow
def test_crawl_under_faults_stores_every_article_exactly_once(tmp_path):
    """500s, slow answers, truncated bodies and resets on 35% of requests: retries recover every page."""
    plan = FaultPlan(0.35, seed=11, slow_seconds=0.3, max_per_path=2)
    server, base = serve_mirror(FIXTURE_SITES, fault_plan=plan)
    try:
        db = tmp_path / "faults.db"
        sources = [s for s in fixture_sources() if s != "republika"] + ["republika"]
        stats = run_crawl(db, base, "--ignore-robots", "republika", "--set", "DOWNLOAD_TIMEOUT=10", sources=sources)
    finally:
        server.shutdown()
    assert sum(plan.injected.values()) > 5 and len(plan.injected) >= 3, plan.injected
    stored = Counter(p["canonical_url"] for p in pages(db, kind="article"))
    assert all(n == 1 for n in stored.values()), stored
    for outlet, urls in gold_articles(sources).items():
        missing = {canonical(u) for u in urls} - set(stored)
        assert not missing, (outlet, missing, stats[outlet])
    assert sum(s.get("retries", 0) for k, s in stats.items() if not k.startswith("_")) > 0
    for source in sources:
        assert stats[source]["status"] == "finished", stats[source]
    # truncated bodies never reach the archive: every stored page is a complete fixture file
    for row in pages(db, kind="article"):
        assert row["status"] == 200


@pytest.mark.slow
def test_unrecoverable_faults_are_recorded_not_dropped(tmp_path):
    """Without enough retries some articles fail: each is either stored once or counted as an error."""
    plan = FaultPlan(0.6, seed=3, kinds=["500", "reset", "truncate"], max_per_path=None, spare_robots=True)
    server, base = serve_mirror(FIXTURE_SITES, fault_plan=plan)
    try:
        db = tmp_path / "lossy.db"
        stats = run_crawl(db, base, "--set", "RETRY_TIMES=1", sources=["kompas", "liputan6"])
    finally:
        server.shutdown()
    stored = Counter(p["canonical_url"] for p in pages(db, kind="article"))
    assert all(n == 1 for n in stored.values())
    for source in ("kompas", "liputan6"):
        s = stats[source]
        article_errors = sum(v for k, v in s["errors_by_reason"].items() if not k.startswith(("listing_", "robots")))
        stored_here = sum(1 for p in pages(db, kind="article", source=source))
        assert stored_here + article_errors == s["discovered"], s
        assert s["status"] == "finished"
