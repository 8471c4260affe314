"""Blind set (tests/gold/blind_*.jsonl, 30 articles 2016-2026, 351 claims): written by an annotator who never saw the
extractor or its output, and scored once, after pantau-claims-2.1 was finished (strict F1 0.733, lenient 0.901,
speaker 0.704, core recall 0.750). It is the honest measure of unseen text.

Nothing may be tuned on it. The floors sit just below that single measurement and only catch a regression; a change
that raises these figures should be explained by a general rule found on the development sets, never by this set.
"""
from extract.claim_eval import evaluate, gold_sets, load_articles, load_jsonl, predict


def test_blind_set_does_not_regress():
    gold_path, articles_path = gold_sets()["blind"]
    res = evaluate(load_jsonl(gold_path), predict(load_articles(articles_path)))
    assert res["strict"]["f1"] >= 0.70, res["strict"]
    assert res["lenient"]["f1"] >= 0.87, res["lenient"]
    assert res["speaker_accuracy"] >= 0.66
    assert res["core_recall"] >= 0.72
