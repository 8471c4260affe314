"""The CLI's contracts that do not need a crawl."""

import json

from conftest import pantau

SCHEMA_FIELDS = [
    "article_id", "claim_type", "subject", "metric", "value", "value_max", "unit", "qualifier", "value_text",
    "target_year", "as_of", "stated_on", "speaker", "speaker_title", "organization", "program", "quote",
    "char_start", "char_end", "confidence",
    # the claims/targets seam (docs/CONTRACTS.md)
    "claim_id", "scope", "scope_name", "source_kind",
]


def test_every_command_explains_itself():
    top = pantau("--help").stdout
    for command in ("crawl", "extract", "claims", "article", "export", "serve", "run", "mirror", "demo", "publish"):
        assert command in top
        assert "Usage:" in pantau(command, "--help").stdout
    assert "Usage:" in pantau("mirror", "serve", "--help").stdout


def test_claims_from_stdin_have_exactly_the_schema_fields():
    article = {
        "id": "x",
        "published": "2021-06-11",
        "text": "Menteri Koperasi dan UKM Teten Masduki mengatakan pemerintah menargetkan 30 juta UMKM "
        "masuk ekosistem digital pada 2024. Saat ini baru 13,7 juta UMKM yang sudah go digital.",
    }
    out = pantau("claims", input=json.dumps(article) + "\n").stdout
    claims = [json.loads(line) for line in out.splitlines()]
    assert claims
    for claim in claims:
        assert list(claim) == SCHEMA_FIELDS
        assert claim["article_id"] == "x"
        assert claim["scope"] == "national" and claim["scope_name"] is None and claim["source_kind"] == "media"
        assert len(claim["claim_id"]) == 16
    target = next(c for c in claims if c["value"] == 30_000_000)
    assert target["claim_type"] == "target" and target["target_year"] == 2024
    assert any(c["value"] == 13_700_000 and c["claim_type"] == "achievement" for c in claims)


def test_claims_rejects_bad_input_with_a_clear_error():
    result = pantau("claims", input="not json\n", check=False)
    assert result.returncode != 0
    assert "not JSON" in result.stderr


def test_article_prints_the_extracted_page_as_json():
    import json as _json

    from conftest import GOLD, REPO

    gold = _json.loads((GOLD / "fixture_articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    out = pantau("article", str(REPO / gold["html_file"]), "--url", gold["url"]).stdout
    article = _json.loads(out)
    for field in ("url", "canonical_url", "outlet", "title", "published", "published_source", "authors", "tags", "text"):
        assert field in article
    assert article["title"] == gold["title"] and article["published"] == gold["published"]
    assert article["text"] == gold["text"]


def test_article_reports_bad_input_clearly(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = pantau("article", str(empty), "--url", "https://money.kompas.com/read/2021/06/14/1/x", check=False)
    assert result.returncode != 0 and "cannot extract" in result.stderr and "empty" in result.stderr


def test_eval_claims_prints_the_claims_md_measures():
    from conftest import GOLD

    out = pantau("eval", "claims", str(GOLD / "fixture_claims.jsonl"), str(GOLD / "fixture_articles.jsonl")).stdout
    for measure in ("strict", "lenient", "precision", "recall", "F1", "speaker accuracy", "core recall"):
        assert measure in out
