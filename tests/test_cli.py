"""The CLI's contracts that do not need a crawl."""

import json

from conftest import pantau

SCHEMA_FIELDS = [
    "article_id", "claim_type", "subject", "metric", "value", "value_max", "unit", "qualifier", "value_text",
    "target_year", "as_of", "stated_on", "speaker", "speaker_title", "organization", "program", "quote",
    "char_start", "char_end", "confidence",
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
    target = next(c for c in claims if c["value"] == 30_000_000)
    assert target["claim_type"] == "target" and target["target_year"] == 2024
    assert any(c["value"] == 13_700_000 and c["claim_type"] == "achievement" for c in claims)


def test_claims_rejects_bad_input_with_a_clear_error():
    result = pantau("claims", input="not json\n", check=False)
    assert result.returncode != 0
    assert "not JSON" in result.stderr
