"""Tracker gold set (44 articles 2019-2026, tests/gold/tracker_*.jsonl): a floor for the claim extractor.

The set was written to the tracker rules without looking at the extractor; pantau-claims-2.1 was then developed
with its per-claim diffs (error kinds, never phrases), so these figures are development figures. The floors sit
below the measured values (docs/claims.md) and only guard against regressions.
"""
from extract.claim_eval import evaluate, gold_sets, load_articles, load_jsonl, predict


def test_tracker_set_keeps_its_floor():
    gold_path, articles_path = gold_sets()["tracker"]
    articles = load_articles(articles_path)
    gold = load_jsonl(gold_path)
    res = evaluate(gold, predict(articles))
    assert res["strict"]["f1"] >= 0.94, res["strict"]
    assert res["speaker_accuracy"] >= 0.95
    assert res["core_recall"] >= 0.96
    assert res["metric_accuracy"] >= 0.87
    assert res["scope_accuracy"] >= 0.94


def test_programme_scope_names_compare_through_the_gazetteer():
    gold = [{"article_id": "a", "claim_type": "achievement", "value": 5, "scope": "programme",
             "scope_name": "PaDi UMKM"}]
    same = [{"article_id": "a", "claim_type": "achievement", "value": 5, "scope": "programme",
             "scope_name": "padi_umkm"}]
    other = [{**same[0], "scope_name": "e_katalog"}]
    assert evaluate(gold, same)["scope_accuracy"] == 1.0
    assert evaluate(gold, other)["scope_accuracy"] == 0.0
