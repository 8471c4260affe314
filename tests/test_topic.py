"""The topic filter keeps articles about UMKM, their digitalization and programmes, and says why it skips."""

import json

import pytest

from conftest import GOLD
from extract import topic


def _gold_articles():
    return [json.loads(line) for line in (GOLD / "fixture_articles.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("article", _gold_articles(), ids=lambda a: a["id"])
def test_fixture_articles_are_classified_as_annotated(article):
    on_topic, reason = topic.classify(article["title"], article["text"])
    assert on_topic == article["on_topic"], reason
    assert (reason is None) == on_topic


def test_reasons_name_what_was_missing():
    assert topic.classify("Hasil Liga Inggris", "Arsenal menang 2-0 atas Chelsea.") == (
        False, "off_topic:no_business_terms")
    assert topic.classify("Harga pupuk naik", "Koperasi tani mengeluhkan harga pupuk.")[1] == "off_topic:no_digital_terms"
    assert topic.classify("UMKM go digital", "Pelaku UMKM mulai berjualan di marketplace.") == (True, None)
    assert topic.classify("Gernas BBI diluncurkan", "Program Gernas BBI kembali digelar.") == (True, None)


def test_custom_keyword_file(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("businesses: [nelayan]\ndigital: [aplikasi]\nprograms: []\n", encoding="utf-8")
    assert topic.classify("Nelayan pakai aplikasi", "Nelayan kini memakai aplikasi.", rules_path=str(rules))[0]
    assert not topic.classify("UMKM go digital", "UMKM go digital.", rules_path=str(rules))[0]

