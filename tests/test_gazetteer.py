"""Gazetteer data files and their loader (nlp_models.gazetteer.load)."""
from __future__ import annotations

import json

import pytest

from nlp_models import gazetteer
from nlp_models.build_gazetteer import build


def test_load_contract():
    data = gazetteer.load()
    assert set(data) >= {"institutions", "people", "programs", "metrics"}
    for kind, rows in data.items():
        assert rows, kind
        for r in rows:
            assert r["id"] and r["name"], (kind, r)


def test_required_metrics():
    ids = {m["id"] for m in gazetteer.load()["metrics"]}
    assert {"umkm_onboarded_digital", "umkm_on_ekatalog_padi", "program_transaction_value", "umkm_population"} <= ids
    for m in gazetteer.load()["metrics"]:
        assert m.get("definition"), m["id"]


def test_people_roles_and_split_ministry():
    idx = gazetteer.index()
    teten = idx["people"]["teten_masduki"]
    minister = [p for p in teten["positions"] if p["institution"] == "kemenkopukm"][0]
    assert minister["start"] == "2019-10-23" and minister["end"] == "2024-10-20"
    assert idx["institutions"]["kemenkopukm"]["valid_to"] == "2024-10-20"
    assert idx["institutions"]["kemenkop"]["valid_from"] == "2024-10-21"
    assert idx["institutions"]["kementerian_umkm"]["valid_from"] == "2024-10-21"
    for pid in ("rudiantara", "joko_widodo", "erick_thohir", "airlangga_hartarto", "luhut_binsar_pandjaitan",
                "maman_abdurrahman", "budi_arie_setiadi", "meutya_hafid"):
        assert pid in idx["people"], pid


def test_programs_with_aliases():
    progs = {p["id"]: p for p in gazetteer.load()["programs"]}
    assert "Gernas BBI" in progs["gernas_bbi"]["aliases"]
    assert "PaDi UMKM" in progs["padi_umkm"]["aliases"]
    for pid in ("umkm_go_online", "gerakan_akar_indonesia", "e_katalog", "kur", "pen", "bpum"):
        assert pid in progs


def test_patterns_file_is_valid():
    path = gazetteer.DATA_DIR / "patterns.jsonl"
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()]
    labels = {r["label"] for r in rows}
    assert labels == {"PER", "ORG", "PROGRAM", "TITLE"}
    assert all(r["pattern"] and r["id"] for r in rows)


def test_build_is_reproducible(tmp_path):
    from conftest import shared_path

    source = shared_path("reference", "gazetteer.yaml")
    out = tmp_path / "gaz"
    out.mkdir()
    (out / "metrics.yaml").write_text((gazetteer.DATA_DIR / "metrics.yaml").read_text(encoding="utf-8"))
    counts = build(source, out)
    assert counts["people"] >= 100 and counts["patterns"] > 500
    for name in ("people.jsonl", "institutions.jsonl", "programs.jsonl", "patterns.jsonl", "metrics.jsonl"):
        assert (out / name).read_text(encoding="utf-8") == (gazetteer.DATA_DIR / name).read_text(encoding="utf-8"), name
