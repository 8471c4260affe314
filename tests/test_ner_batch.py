"""The statistical NER component: batched (nlp.pipe) gives the entities of one call per text, and a missing model is
a configuration error at start-up, never a silent switch to no NER."""
from __future__ import annotations

import json

import pytest
from spacy.util import load_config, load_model_from_config

from conftest import GOLD, REPO
from nlp_models import CONFIG_PATH, load_pipeline
from nlp_models.components import NERModelMissing


def _build(tmp_path, mode="selective", model_path=None):
    config = load_config(CONFIG_PATH)
    config["components"]["pantau_ner"]["mode"] = mode
    config["components"]["pantau_ner"]["model_path"] = str(model_path) if model_path else None
    return load_model_from_config(config, auto_fill=True, validate=True)


def _ents(doc):
    return [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in doc.ents]


def test_batched_ner_finds_the_entities_of_one_call_per_text():
    from extract.article import extract_article

    gold = [json.loads(line) for line in (GOLD / "fixture_articles.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    texts = [extract_article((REPO / g["html_file"]).read_bytes(), g["url"])["text"] for g in gold[:8]]
    nlp = load_pipeline()
    one_by_one = [_ents(nlp(text)) for text in texts]
    assert any(label in ("PER", "ORG", "LOC") for ents in one_by_one for _, _, label, ent_id in ents if not ent_id)
    assert [_ents(doc) for doc in nlp.pipe(texts, batch_size=5)] == one_by_one


def test_a_missing_ner_model_fails_when_the_pipeline_is_built(tmp_path):
    with pytest.raises(NERModelMissing, match="meta.json missing.*make train-ner"):
        _build(tmp_path, model_path=tmp_path)  # an empty directory: no trained model


def test_the_ner_switched_off_on_purpose_needs_no_model(tmp_path):
    nlp = _build(tmp_path, mode="off", model_path=tmp_path)
    assert nlp.get_pipe("pantau_ner").mode == "off"
    assert nlp("Kata Budi Santoso, penjualan naik 20 persen.").text  # runs without a model
    with pytest.raises(ValueError, match="mode must be one of"):
        _build(tmp_path, mode="sometimes")
