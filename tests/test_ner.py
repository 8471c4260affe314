"""The spaCy pipeline of nlp_models: tokenizer special cases, sentencizer, gazetteer ruler, trained NER."""
from __future__ import annotations

import json

import pytest

from nlp_models import HERE, load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def toks(nlp, text):
    return [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize("text,expected", [
    ("Harga Rp.1.100.000,- per unit", ["Harga", "Rp.", "1.100.000", ",-", "per", "unit"]),
    ("Rp. 800 miliar", ["Rp.", "800", "miliar"]),
    ("pandemi COVID-19 dan Covid-19,", ["pandemi", "COVID-19", "dan", "Covid-19", ","]),
    ("periode 2019-2024.", ["periode", "2019-2024", "."]),
    ("HUT ke-30 RI", ["HUT", "ke-30", "RI"]),
    ("Jl. Sudirman, Sdr. Budi tgl. 5", ["Jl.", "Sudirman", ",", "Sdr.", "Budi", "tgl.", "5"]),
    ("LPDB-KUMKM dan K/L lewat e-Katalog", ["LPDB-KUMKM", "dan", "K/L", "lewat", "e-Katalog"]),
    ("Rp1.100 triliun", ["Rp", "1.100", "triliun"]),
    ("13,7 juta UMKM-nya", ["13,7", "juta", "UMKM", "-nya"]),
])
def test_tokenizer_special_cases(nlp, text, expected):
    assert toks(nlp, text) == expected


def test_pipeline_components(nlp):
    assert nlp.pipe_names == ["pantau_sentencizer", "pantau_gazetteer", "pantau_ner"]
    assert load_pipeline() is nlp  # cached


def sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_sentencizer_keeps_quotes_together(nlp):
    text = ("“Kita sudah menargetkan tahun 2024, 30 juta. Jadi ini memang Pak Presiden sudah arahkan,” kata Teten, "
            "Kamis (11/6/2021). Dia menambahkan hal lain.")
    out = sents(nlp, text)
    assert len(out) == 2
    assert out[0].endswith("(11/6/2021).")


def test_sentencizer_paragraphs_abbreviations_and_datelines(nlp):
    text = ("JAKARTA, KOMPAS.com - Deputi Bidang SDM Dr. Arif Rahman Hakim ke Jl. Sudirman. Ia menyebut 3,5 juta.\n\n"
            "Baca juga: Judul Lain\n\nJAKARTA. Pemerintah menargetkan 30 juta UMKM.")
    out = sents(nlp, text)
    assert out[0].startswith("JAKARTA, KOMPAS.com") and out[0].endswith("Jl. Sudirman.")
    assert out[1] == "Ia menyebut 3,5 juta."
    assert out[2] == "Baca juga: Judul Lain"
    assert out[3] == "JAKARTA. Pemerintah menargetkan 30 juta UMKM."


def test_gazetteer_ruler(nlp):
    doc = nlp("Menteri Koperasi dan UKM (Menkop UKM) Teten Masduki dan Kominfo meluncurkan PaDi UMKM, "
              "Gernas BBI dan KUR bersama Kementerian BUMN.")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Teten Masduki", "PER", "person:teten_masduki") in ents
    assert ("Menteri Koperasi dan UKM", "TITLE", "title:kemenkopukm") in ents
    assert ("Kominfo", "ORG", "inst:kominfo") in ents
    assert ("PaDi UMKM", "PROGRAM", "prog:padi_umkm") in ents
    assert ("Gernas BBI", "PROGRAM", "prog:gernas_bbi") in ents
    assert ("KUR", "PROGRAM", "prog:kur") in ents
    assert ("Kementerian BUMN", "ORG", "inst:kemenbumn") in ents


def test_ruler_acronyms_are_case_sensitive(nlp):
    doc = nlp("Pena dan pen serta bi tidak sama dengan PEN dan BI.")
    assert [(e.text, e.label_) for e in doc.ents] == [("PEN", "PROGRAM"), ("BI", "ORG")]


def test_statistical_ner_finds_unknown_name(nlp):
    doc = nlp("Direktur Utama PT Pos Indonesia Faizal Rochmad Djoemadi mengatakan ada 3 juta transaksi.")
    assert ("Faizal Rochmad Djoemadi", "PER") in [(e.text, e.label_) for e in doc.ents]
    doc = nlp("\"Kami sudah melatih 5.000 UMKM,\" kata Rina Suryani, pemilik usaha batik di Solo.")
    assert "Rina Suryani" in [e.text for e in doc.ents if e.label_ == "PER"]


def test_ner_model_is_committed_with_scores():
    scores = json.loads((HERE / "ner_model" / "scores.json").read_text())
    assert scores["test"]["ents_f"] > 0.75
    assert (HERE / "ner_model" / "meta.json").exists()
