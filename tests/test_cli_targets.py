"""`pantau targets` as a user runs it: claims JSONL (files or stdin, with bad lines) or a database in, targets JSONL
out, with --as-of for what was known on a date; and the real claim extractor's output piped into it."""

from __future__ import annotations

import json

from conftest import GOLD, pantau
from db import sample
from extract.target_stage import update_targets
from pantau.cli_targets import OUTPUT_FIELDS
from targets_fixtures import JOKOWI, figure, target


def _jsonl(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


CLAIMS = [target(30e6, 2023, "2021-01-11", who=JOKOWI), target(30e6, 2024, "2021-06-14"),
          figure(12e6, "2021-06-14", as_of="2021-05"), figure(20.76e6, "2022-12-20", as_of="2022-11")]


def test_claims_file_in_targets_out_with_bad_lines_reported(tmp_path):
    path = tmp_path / "claims.jsonl"
    text = _jsonl(CLAIMS[:2]) + "{not json\n" + "\n" + _jsonl(CLAIMS[2:]) + "[1, 2]\n"
    path.write_text(text, encoding="utf-8")
    result = pantau("targets", str(path), "--as-of", "2026-12-03")
    targets = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(targets) == 2 and all(list(t) == OUTPUT_FIELDS for t in targets)
    assert f"{path}:3: skipped" in result.stderr and f"{path}:7: skipped" in result.stderr
    old, new = sorted(targets, key=lambda t: t["deadline"])
    assert new["revision_of"] == old["target_id"] and old["status"] == "direvisi"
    assert [o["value"] for o in new["observations"]] == [12e6, 20.76e6]
    assert {"article_id", "stated_on", "speaker", "value", "target_year", "quote"} <= set(new["statements"][0])
    assert {"article_id", "value", "as_of", "stated_on", "speaker"} <= set(new["observations"][0])


def test_as_of_shows_what_was_known_then():
    result = pantau("targets", "--as-of", "2021-03-01", input=_jsonl(CLAIMS))
    [only] = [json.loads(line) for line in result.stdout.splitlines()]
    assert only["deadline"] == 2023 and only["status"] == "belum_dinilai" and only["status_as_of"] == "2021-03-01"
    bad = pantau("targets", "--as-of", "March 2021", input=_jsonl(CLAIMS), check=False)
    assert bad.returncode != 0 and "--as-of" in bad.stderr


def test_db_mode_prints_the_same_targets_the_stage_stores(tmp_path):
    db_path = tmp_path / "pantau.db"
    store = sample.build_sample(db_path)
    update_targets(store)
    stored = {r["target_id"]: r["status"] for r in store.db.query("select target_id, status from targets")}
    store.close()
    printed = [json.loads(line) for line in pantau("targets", "--db", str(db_path)).stdout.splitlines()]
    assert {t["target_id"]: t["status"] for t in printed} == stored


def test_real_extractor_output_pipes_into_targets():
    articles = GOLD / "fixture_articles.jsonl"
    claims = pantau("claims", str(articles)).stdout
    assert claims.strip()
    targets = [json.loads(line) for line in pantau("targets", input=claims).stdout.splitlines()]
    assert targets, "the fixture articles state targets (30 juta UMKM digital by 2024)"
    assert any(t["value"] == 30e6 and t["deadline"] == 2024 for t in targets)
    assert all(t["statements"] and t["status"] for t in targets)
