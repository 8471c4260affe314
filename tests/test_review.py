"""Editors' decisions survive re-extraction: a store built through the real extract stage from fixture pages, decisions
taken with `pantau review`, then `pantau extract --rebuild` (and a publisher's edit that removes a sentence)."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import GOLD, REPO, pantau
from db import Store
from db.ids import article_id
from extract.stage import extract_pages
from pantau.cli import cli

pytestmark = pytest.mark.slow
KOMPAS = "https://money.kompas.com/read/2021/06/14/160500226/baru-13-7-juta-umkm-masuk-ekosistem-digital-teten-kejar-target-30-juta-pada-2024"
LIPUTAN6 = "https://www.liputan6.com/bisnis/read/4581207/luhut-pastikan-gernas-bbi-jalan-terus-30-juta-umkm-harus-go-digital-pada-2024"


def _gold(url: str) -> dict:
    for line in (GOLD / "fixture_articles.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        if article["url"] == url:
            return article
    raise KeyError(url)


def _archive(store: Store, url: str, body: bytes | None = None):
    body = body if body is not None else (REPO / _gold(url)["html_file"]).read_bytes()
    store.save_page(url=url, canonical_url=url, source=_gold(url)["outlet"], status=200, body=body)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Two fixture articles archived and extracted by the real stage (claims and targets)."""
    path = tmp_path_factory.mktemp("review") / "extracted.db"
    store = Store(path)
    for url in (KOMPAS, LIPUTAN6):
        _archive(store, url)
    extract_pages(store)
    store.close()
    return path


@pytest.fixture
def db_path(extracted, tmp_path):
    path = tmp_path / "pantau.db"
    shutil.copy(extracted, path)
    return path


def _query(path, sql, params=()):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute(sql, params).fetchall()]
    conn.close()
    return rows


def _claim(path, url, claim_type, value, unit=None) -> dict:
    rows = _query(path, "select * from claims where article_id = ? and claim_type = ? and value = ? "
                  "and (? is null or unit = ?)", [article_id(url), claim_type, value, unit, unit])
    assert len(rows) == 1, (url, claim_type, value, rows)
    return rows[0]


def _review(*args):
    result = CliRunner().invoke(cli, ["review", *args], catch_exceptions=False)
    return result


def test_verify_correct_reject_and_target_decisions_survive_extract_rebuild(db_path, tmp_path):
    db = str(db_path)
    target_2024 = _claim(db_path, KOMPAS, "target", 30e6)
    figure = _claim(db_path, KOMPAS, "achievement", 13.7e6)
    product_target = _claim(db_path, LIPUTAN6, "target", 100000.0, "produk")  # not an UMKM count: rejected
    yearly = _claim(db_path, KOMPAS, "target", 5e6)
    added = _claim(db_path, KOMPAS, "achievement", 4.8e6)
    assert product_target["subject"] and "produk" in product_target["quote"]

    # An older extractor stored the 4,8 juta figure with another span, hence another id: the decision is taken on that.
    conn = sqlite3.connect(db_path)
    conn.execute("update claims set id = 'c0ffee0000000001', char_start = char_start + 7 where id = ?", [added["id"]])
    conn.commit()
    conn.close()
    from extract.target_stage import update_targets
    store = Store(db_path)
    update_targets(store)
    store.close()

    assert _review("verify", target_2024["id"], "--by", "ana", "--db", db).exit_code == 0
    assert _review("correct", figure["id"], "--set", "value=13800000", "--set", "as_of=2021-05-31", "--by", "ana",
                   "--note", "Data resmi KemenKopUKM per 31 Mei 2021", "--db", db).exit_code == 0
    assert _review("reject", product_target["id"], "--by", "budi", "--note", "Target produk, bukan UMKM",
                   "--db", db).exit_code == 0
    assert _review("correct", "c0ffee0000000001", "--set", "subject=tambahan UMKM masuk ekosistem digital",
                   "--by", "ana", "--db", db).exit_code == 0
    targets = {r["claim_id"]: r["target_id"] for r in _query(db_path, "select * from target_statements")}
    assert targets[yearly["id"]] != targets[target_2024["id"]]
    merged = _review("merge", targets[yearly["id"]], targets[target_2024["id"]], "--by", "ana", "--db", db)
    assert merged.exit_code == 0, merged.output
    unlinked = _review("unlink", targets[target_2024["id"]], "c0ffee0000000001", "--by", "ana", "--db", db)
    assert unlinked.exit_code == 0, unlinked.output

    stats = json.loads(pantau("extract", "--rebuild", "--db", db).stdout)
    assert stats["review"] == {"applied": 4, "rekeyed": 1, "agrees": 0, "pending": 0}

    by_id = {r["id"]: r for r in _query(db_path, "select * from claims")}
    assert by_id[target_2024["id"]]["review_status"] == "verified"
    assert by_id[figure["id"]]["review_status"] == "corrected"
    assert by_id[figure["id"]]["value"] == 13.8e6 and by_id[figure["id"]]["as_of"] == "2021-05-31"
    assert by_id[figure["id"]]["figure_date"] == "2021-05-31"  # derived columns follow the correction
    assert by_id[product_target["id"]]["review_status"] == "rejected"
    assert "c0ffee0000000001" not in by_id
    assert by_id[added["id"]]["review_status"] == "corrected"  # found again by article, value and sentence
    assert by_id[added["id"]]["subject"] == "tambahan UMKM masuk ekosistem digital"
    unreviewed = [c for c in by_id.values() if c["id"] not in
                  (target_2024["id"], figure["id"], product_target["id"], added["id"])]
    assert {c["review_status"] for c in unreviewed} == {"unreviewed"}

    statements = {r["claim_id"]: r["target_id"] for r in _query(db_path, "select * from target_statements")}
    assert product_target["id"] not in statements  # rejected claims leave the tracker
    assert statements[yearly["id"]] == statements[target_2024["id"]]  # still merged
    kept = statements[target_2024["id"]]
    observed = {r["claim_id"] for r in _query(db_path, "select claim_id from target_observations where target_id = ?",
                                               [kept])}
    assert added["id"] not in observed and figure["id"] in observed
    log = _query(db_path, "select * from corrections order by id")
    assert [d["state"] for d in log] == ["applied"] * 6
    assert log[3]["claim_id"] == "c0ffee0000000001" and log[3]["current_claim_id"] == added["id"]

    listed = _review("list", "--db", db).output
    assert "correct" in listed and "Data resmi KemenKopUKM" in listed and "rekeyed" in listed

    # the public build: corrected and verified state, the errata, no rejected claim
    pantau("publish", "--db", db, "--out", str(tmp_path / "public" / "pantau.db"))
    public = tmp_path / "public" / "pantau.db"
    public_claims = {r["id"]: r for r in _query(public, "select id, review_status, value from claims")}
    assert product_target["id"] not in public_claims
    assert public_claims[figure["id"]]["value"] == 13.8e6
    assert public_claims[target_2024["id"]]["review_status"] == "verified"
    errata = _query(public, "select * from errata order by correction_id, field")
    assert {(e["field"], e["old_value"], e["new_value"]) for e in errata if e["claim_id"] == figure["id"]} == {
        ("value", "13700000", "13800000"), ("as_of", "2021-05", "2021-05-31")}
    removed = [e for e in errata if e["action"] == "reject"]
    assert [(e["claim_id"], e["note"]) for e in removed] == [(product_target["id"], "Target produk, bukan UMKM")]
    assert "corrections" not in sqlite3.connect(public).execute(
        "select group_concat(name) from sqlite_master where type = 'table'").fetchone()[0].split(",")


def test_a_decision_whose_claim_disappeared_is_reported(db_path):
    db = str(db_path)
    share = _claim(db_path, KOMPAS, "achievement", 21.0)
    assert _review("verify", share["id"], "--by", "ana", "--db", db).exit_code == 0
    assert "no pending decisions" in CliRunner().invoke(cli, ["review", "pending", "--db", db]).output

    # The publisher edits the story: the sentence with the 21 persen is gone from the new revision.
    html = (REPO / _gold(KOMPAS)["html_file"]).read_text(encoding="utf-8")
    sentence = "Angka tersebut setara dengan sekitar 21 persen"
    assert sentence in html
    store = Store(db_path)
    _archive(store, KOMPAS, html.replace(sentence, "Angka tersebut cukup besar").encode("utf-8"))
    store.close()
    run = pantau("extract", "--db", db)
    assert json.loads(run.stdout)["review"]["pending"] == 1
    assert "no longer applies" in run.stderr

    pending = CliRunner().invoke(cli, ["review", "pending", "--json", "--db", db])
    rows = [json.loads(line) for line in pending.output.splitlines() if line.startswith("{")]
    assert [(r["claim_id"], r["state"]) for r in rows] == [(share["id"], "pending")]
    assert "sentence is no longer extracted" in rows[0]["state_reason"]
    assert CliRunner().invoke(cli, ["review", "pending", "--check", "--db", db]).exit_code == 1


def test_review_commands_validate_fields_against_the_claim_schema(db_path):
    db = str(db_path)
    figure = _claim(db_path, KOMPAS, "achievement", 13.7e6)
    for setting, message in (("bogus=1", "unknown or read-only claim field 'bogus'"),
                             ("quote=lain", "unknown or read-only claim field 'quote'"),
                             ("value=tiga belas", "value: not a number"),
                             ("claim_type=janji", "claim_type: 'janji' is not one of"),
                             ("stated_on=2021-02-30", "stated_on: no such date"),
                             ("metric=umkm_ngawur", "metric: no metric 'umkm_ngawur'"),
                             ("unit=", "unit cannot be empty"),
                             ("value", "--set needs FIELD=VALUE")):
        result = _review("correct", figure["id"], "--set", setting, "--by", "ana", "--db", db)
        assert result.exit_code != 0 and message in result.output, (setting, result.output)
    missing = _review("verify", "0000000000000000", "--by", "ana", "--db", db)
    assert missing.exit_code != 0 and "no claim '0000000000000000'" in missing.output
    assert _query(db_path, "select count(*) as n from corrections")[0]["n"] == 0
    assert _claim(db_path, KOMPAS, "achievement", 13.7e6)["review_status"] == "unreviewed"
