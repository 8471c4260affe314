"""The tracker stage on a real SQLite store: the target tables are rebuilt from the claims in one transaction,
idempotently, and a re-extraction that deletes claims never breaks on the links from the target tables."""

from __future__ import annotations

import json
from datetime import date

from db import sample
from extract.target_stage import _stale, update_targets

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


TABLES = ["targets", "target_statements", "target_observations", "target_status_history", "target_conflicts",
          "target_events", "target_families"]


def _snapshot(store):
    """Every target table; of the family state what a full rebuild must reproduce (not the date each family was last
    computed for: an untouched family keeps its own)."""
    tables = {t: _table(store, f"select * from {t} order by 1, 2") for t in TABLES}
    for row in tables["target_families"]:
        row.pop("computed_for")
    return tables


def _full_rebuild(store, today):
    update_targets(store, today=today, full=True)
    return _snapshot(store)


def test_incremental_runs_recompute_only_touched_families_and_equal_a_full_rebuild(tmp_path):
    store = sample.build_sample(tmp_path / "pantau.db")
    first = update_targets(store, today=TODAY)
    assert first["families_recomputed"] == first["families"] >= 3  # no state yet: everything
    again = update_targets(store, today=TODAY)
    assert again["families_recomputed"] == 0  # nothing changed: nothing recomputed
    # a re-extraction that moves one national figure to a province, and drops a national statement
    articles = sample.sample_articles()
    article, claims = next((a, c) for a, c in articles if "teten-umkm-digital-capai-12-juta" in a["url"])
    moved = [dict(c, scope="province", scope_name="Jawa Tengah") if c["claim_type"] == "achievement" else c
             for c in claims]
    store.save_article_with_claims(article, moved[:-1] if len(moved) > 1 else moved, page_id=None,
                                   extractor_version="again")
    touched = update_targets(store, today=TODAY)
    # the national UMKM family (lost a statement and a figure) and the new Jawa Tengah one; not the other four
    assert touched["families_recomputed"] == 2 and touched["families"] == 6
    incremental = _snapshot(store)
    assert incremental == _full_rebuild(store, TODAY)
    # a later day: only families whose status can have changed (a figure gone stale, a deadline passed) recompute
    later = date(2027, 6, 1)
    update_targets(store, today=later)
    assert _snapshot(store) == _full_rebuild(store, later)
    assert store.db.execute("pragma foreign_key_check").fetchall() == []


def test_a_family_is_recomputed_when_a_status_checkpoint_passes_or_for_an_earlier_date():
    state = {"fingerprint": "f", "computed_for": "2026-12-03", "valid_until": "2027-04-01"}
    assert not _stale(state, "f", date(2027, 3, 31))
    assert _stale(state, "f", date(2027, 4, 1))  # e.g. the first day after a deadline's reporting grace
    assert _stale(state, "f", date(2026, 12, 1))  # asked for an earlier date than computed
    assert _stale(state, "g", date(2026, 12, 3))  # its claims changed
    assert not _stale(dict(state, valid_until=None), "f", date(2030, 1, 1))


def test_editor_decisions_hold_across_incremental_runs(tmp_path):
    from db.review_targets import decide_target
    from extract.target_review import reassess_reviewed_targets

    store = sample.build_sample(tmp_path / "pantau.db")
    update_targets(store, today=TODAY)
    ids = {(r["value"], r["deadline"]): r["target_id"] for r in _table(store, "select * from targets")}
    decide_target(store, "merge", ids[(30e6, 2023)], ids[(30e6, 2024)], by="ana")
    reassess_reviewed_targets(store, today=TODAY)  # as `pantau review merge` does
    merged = _snapshot(store)
    assert ids[(30e6, 2023)] not in {t["target_id"] for t in merged["targets"]}
    update_targets(store, today=TODAY)  # nothing changed: the merged tables stay as they are
    assert _snapshot(store) == merged
    article, claims = next((a, c) for a, c in sample.sample_articles() if "teten-umkm-digital-capai-12-juta" in a["url"])
    moved = [dict(c, scope="province", scope_name="Jawa Tengah") if c["claim_type"] == "achievement" else c
             for c in claims]  # the decision's anchors (the targets' first statements) stay
    store.save_article_with_claims(article, moved, page_id=None, extractor_version="again")
    update_targets(store, today=TODAY)  # a change with a decision on record: rebuilt whole, decision re-applied
    incremental = _snapshot(store)
    assert incremental == _full_rebuild(store, TODAY)
    assert ids[(30e6, 2023)] not in {t["target_id"] for t in incremental["targets"]}


def test_an_unlinked_figure_no_longer_carries_the_status(tmp_path):
    """An editor unlinks the figure behind a target's status: the target is reassessed by the tracker's own rules and
    ends with the status it would have if that figure had never been a claim."""
    from db.review_targets import decide_target
    from extract.target_review import reassess_reviewed_targets

    store = sample.build_sample(tmp_path / "edited.db")
    update_targets(store, today=TODAY)
    target = _table(store, "select * from targets where value = 30e6 and deadline = 2024")[0]
    assert target["status"] == "tercapai_sebagian"
    behind = json.loads(target["status_evidence"])[0]
    decide_target(store, "unlink", target["target_id"], behind, by="ana")
    assert reassess_reviewed_targets(store, today=TODAY) == 1
    edited = _table(store, f"select * from targets where target_id = '{target['target_id']}'")[0]

    unseen = sample.build_sample(tmp_path / "without.db")
    with unseen.db.conn:
        unseen.db.execute("update claims set review_status = 'rejected' where id = ?", [behind])
    update_targets(unseen, today=TODAY)
    expected = _table(unseen, "select * from targets where value = 30e6 and deadline = 2024")[0]

    assert edited["status"] != "tercapai_sebagian"
    for field in ("status", "status_rationale", "status_evidence", "progress_pct"):
        assert edited[field] == expected[field], field
    history = [(h["date"], h["status"]) for h in _table(
        store, f"select * from target_status_history where target_id = '{target['target_id']}' order by date")]
    assert history == [(h["date"], h["status"]) for h in _table(
        unseen, f"select * from target_status_history where target_id = '{expected['target_id']}' order by date")]
    update_targets(store, today=TODAY)  # a later run keeps the decision and the reassessed status
    again = _table(store, f"select * from targets where target_id = '{target['target_id']}'")[0]
    assert (again["status"], again["status_rationale"]) == (edited["status"], edited["status_rationale"])
