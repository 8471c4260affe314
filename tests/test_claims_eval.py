"""Claim scoring (extract.claim_eval) on a tiny hand-made gold/prediction pair, and the gold files."""
from __future__ import annotations

import json

import pytest

from extract.claim_eval import evaluate, main


def g(aid, value, ctype, year=None, speaker=None, core=False, vmax=None):
    return {"article_id": aid, "value": value, "value_max": vmax, "claim_type": ctype, "target_year": year,
            "speaker": speaker, "core": core}


def test_tiny_pair():
    gold = [g("A", 30e6, "target", 2024, "Teten Masduki", core=True), g("A", 13.7e6, "achievement", None, "Teten Masduki", True),
            g("A", 64e6, "other"), g("B", 8e6, "target", 2019, "Rudiantara", True)]
    pred = [g("A", 30e6, "target", 2024, "Teten Masduki"),  # right
            g("A", 13.75e6, "other", None, "Teten Masduki"),  # within 1 % but wrong type: lenient only
            g("A", 64.5e6, "other"),  # 0.8 % off: matches
            g("B", 8e6, "target", 2020, "Rudiantara"),  # wrong target year
            g("B", 5, "other")]  # spurious
    r = evaluate(gold, pred)
    assert r["matched"] == 2
    assert r["strict"] == {"precision": 0.4, "recall": 0.5, "f1": pytest.approx(0.4444, abs=1e-4)}
    assert r["lenient"]["matched"] == 3  # 13.7 juta counts when only target vs non-target is compared
    assert r["speaker_accuracy"] == 1.0 and r["speaker_evaluated"] == 1
    assert r["core_recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert r["target_year_accuracy"] == 1.0


def test_value_max_and_one_to_one():
    gold = [g("A", 5e6, "target", vmax=6e6), g("A", 5e6, "target", vmax=6e6)]
    pred = [g("A", 6e6, "target")]
    r = evaluate(gold, pred)
    assert r["matched"] == 1 and r["strict"]["recall"] == 0.5


def test_speaker_mismatch_counts():
    r = evaluate([g("A", 1, "other", speaker="Teten Masduki")], [g("A", 1, "other", speaker="Teten")])
    assert r["speaker_accuracy"] == 0.0


def test_main_on_seed_gold():
    from conftest import shared_path

    gold = shared_path("gold", "seeds_claims.jsonl")
    articles = shared_path("gold", "seeds_articles.jsonl")
    lines = []
    r = main(gold, articles, out=lines.append)
    assert "strict" in lines[0] or "strict" in "\n".join(lines)
    assert r["strict"]["f1"] >= 0.9 and r["speaker_accuracy"] >= 0.9


def test_main_on_fixture_gold():
    from conftest import GOLD

    gold, articles = GOLD / "fixture_claims.jsonl", GOLD / "fixture_articles.jsonl"
    if not gold.exists() or not articles.exists():
        pytest.skip("fixture gold not present")
    r = main(gold, articles, out=lambda s: None)
    assert r["strict"]["f1"] >= 0.9
    assert r["speaker_accuracy"] >= 0.9
    assert r["target_year_accuracy"] in (None, 1.0)


def test_write_scores_keeps_other_labels(tmp_path):
    from extract.claim_eval import write_scores

    path = tmp_path / "scores.json"
    r = evaluate([g("A", 1, "other")], [g("A", 1, "other")])
    write_scores(r, path, "first")
    write_scores(r, path, "second")
    data = json.loads(path.read_text())
    assert set(data) == {"first", "second"} and data["first"]["strict"]["f1"] == 1.0


def test_a_prediction_goes_to_the_gold_claim_of_its_own_sentence():
    # two gold claims of the same value and type; the one prediction was found in the second one's sentence
    gold = [{"article_id": "a", "claim_type": "achievement", "value": 5, "quote": "Program ini menggandeng lima lokapasar."},
            {"article_id": "a", "claim_type": "achievement", "value": 5, "core": True,
             "quote": "Yang sudah berjualan daring baru 5 persen."}]
    pred = [{"article_id": "a", "claim_type": "achievement", "value": 5.0,
             "quote": "Yang sudah berjualan daring baru 5 persen.", "char_start": 90}]
    res = evaluate(gold, pred)
    assert res["matched"] == 1 and res["core_recall"] == 1.0
