"""Floor on the dev2 development set (tests/gold/dev2_*.jsonl): eight hand-written articles about UMKM digitalisation,
2016-2025, written to exercise background population / participant counts, target verbs inside multi-sentence
quotes, names after institutions (and Balinese I/Ni names), narration after a quote, exceeded targets and derived
figures. Measured 0.991 strict F1 with extractor pantau-claims-1.1; the floor leaves 0.05 of room."""
from __future__ import annotations

import pytest

from extract.claim_eval import main


def test_dev2_floor():
    from conftest import GOLD

    gold, articles = GOLD / "dev2_claims.jsonl", GOLD / "dev2_articles.jsonl"
    if not gold.exists() or not articles.exists():
        pytest.skip("dev2 gold not present")
    r = main(gold, articles, out=lambda s: None)
    assert r["strict"]["f1"] >= 0.94
    assert r["speaker_accuracy"] >= 0.95
    assert r["target_year_accuracy"] in (None, 1.0)
