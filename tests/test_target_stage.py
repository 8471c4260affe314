"""The tracker stage on a real SQLite store: the target tables are rebuilt from the claims in one transaction,
idempotently, and a re-extraction that deletes claims never breaks on the links from the target tables."""

from __future__ import annotations

import json
from datetime import date

from db import sample
from extract.target_stage import update_targets

TODAY = date(2026, 12, 3)


def _table(store, sql):
    return [dict(r) for r in store.db.query(sql)]


def test_stage_writes_targets_statements_observations_and_history(tmp_path):
    store = sample.build_sample(tmp_path / "pantau.db")
    counts = update_targets(store, today=TODAY)
    # 4 national targets and the sample's programme training target (its own series, scope programme)
    assert counts["targets"] == 5 and counts["target_statements"] == 5
    programme = _table(store, "select * from targets where scope = 'programme'")
    assert [(t["value"], t["scope_name"]) for t in programme] == [(100e3, "pelatihan_pemasaran_digital")]
    targets = {(r["value"], r["deadline"]): r for r in _table(store, "select * from targets")}
    old, new = targets[(30e6, 2023)], targets[(30e6, 2024)]
    assert new["revision_of"] == old["target_id"] and old["status"] == "direvisi"
    assert new["status"] == "tercapai_sebagian" and new["latest_value"] == 27e6 and new["progress_pct"] == 90.0
    # the Bali sub-count is a province figure: never an observation of the national target
    obs = _table(store, f"select * from target_observations where target_id = '{new['target_id']}'")
    assert obs and all(o["value"] != 45e3 for o in obs)
    history = _table(store, f"select * from target_status_history where target_id = '{new['target_id']}' order by date")
    assert history[0]["date"] == new["first_stated_on"] and history[-1]["status"] == "tercapai_sebagian"
    assert all(json.loads(h["evidence"]) for h in history)
    assert _table(store, "select count(*) as n from target_events where kind = 'status'")[0]["n"] >= len(history)


def test_stage_is_idempotent_and_survives_reextraction(tmp_path):
    store = sample.build_sample(tmp_path / "pantau.db")
    update_targets(store, today=TODAY)
    tables = ["targets", "target_statements", "target_observations", "target_status_history", "target_events"]
    snapshot = {t: _table(store, f"select * from {t} order by 1, 2") for t in tables}
    update_targets(store, today=TODAY)
    assert {t: _table(store, f"select * from {t} order by 1, 2") for t in tables} == snapshot
    # re-extracting an article replaces its claims: the foreign keys from the target tables must not block it
    before = len(snapshot["targets"])
    article, claims = next((a, c) for a, c in sample.sample_articles() if "teten-umkm-digital-capai-12-juta" in a["url"])
    store.save_article_with_claims(article, claims[:1], page_id=None, extractor_version="again")
    update_targets(store, today=TODAY)
    assert store.db.execute("pragma foreign_key_check").fetchall() == []
    assert len(_table(store, "select * from targets")) == before - 1  # the 30 juta by 2024 statement was dropped
