"""Consistency checks for the fixture web sites and their gold files (tests/gold/fixture_*.jsonl)."""
import html
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
SITES = ROOT / "tests" / "fixtures" / "sites"

ARTICLE_KEYS = {"id", "url", "html_file", "outlet", "title", "published", "text", "on_topic", "syndication_group"}
CLAIM_KEYS = {"claim_id", "article_id", "speaker", "speaker_title", "organization", "speaker_attribution",
              "claim_type", "subject", "value", "value_max", "unit", "qualifier", "target_year", "as_of", "program",
              "quote", "alt_quotes", "core", "notes", "stated_on"}


def _load(name):
    with open(GOLD / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


ARTICLES = _load("fixture_articles.jsonl")
CLAIMS = _load("fixture_claims.jsonl")
BY_ID = {a["id"]: a for a in ARTICLES}


def _norm(s):
    return re.sub(r"\s+", " ", html.unescape(s)).strip()


def _visible(raw):
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    raw = re.sub(r"(?s)<[^>]+>", "", raw)
    return _norm(raw)


def test_ids_unique_and_fields():
    assert len(BY_ID) == len(ARTICLES)
    for a in ARTICLES:
        assert set(a) >= ARTICLE_KEYS, a["id"]
        assert a["published"].endswith("+07:00")
        assert "?page=" not in a["url"]
    ids = [c["claim_id"] for c in CLAIMS]
    assert len(ids) == len(set(ids))
    for c in CLAIMS:
        assert set(c) >= CLAIM_KEYS, c["claim_id"]
        assert c["claim_type"] in {"target", "achievement", "budget", "other"}
        assert c["speaker_attribution"] in {"explicit", "inferred", "none"}


@pytest.mark.parametrize("a", ARTICLES, ids=lambda a: a["id"])
def test_html_file_exists_and_holds_text(a):
    path = ROOT / a["html_file"]
    assert path.is_file(), a["html_file"]
    assert path.resolve().is_relative_to(SITES.resolve())
    page = _visible(path.read_text(encoding="utf-8"))
    for para in a["text"].split("\n\n"):
        assert _norm(para) in page, (a["id"], para[:80])


@pytest.mark.parametrize("c", CLAIMS, ids=lambda c: c["claim_id"])
def test_claim_quotes(c):
    assert c["article_id"] in BY_ID
    text = BY_ID[c["article_id"]]["text"]
    assert c["quote"] in text
    for q in c["alt_quotes"]:
        assert q in text
    if c["value_max"] is not None:
        assert c["value_max"] > c["value"]


def test_syndication_groups_have_copies():
    groups = {}
    for a in ARTICLES:
        if a["syndication_group"]:
            groups.setdefault(a["syndication_group"], []).append(a["outlet"])
    for g, outlets in groups.items():
        assert len(outlets) >= 2 and len(set(outlets)) == len(outlets), g


def test_every_article_is_discoverable():
    """Each gold article URL is linked from a listing, feed or sitemap file of the fixture sites."""
    article_files = {(ROOT / a["html_file"]).resolve() for a in ARTICLES}
    discovery = ""
    for p in SITES.rglob("*"):
        rel = p.relative_to(SITES).as_posix()
        if p.is_file() and p.resolve() not in article_files and re.search(r"index|indeks|rss|sitemap", rel):
            discovery += p.read_text(encoding="utf-8", errors="replace")
    for a in ARTICLES:
        assert a["url"] in discovery, a["id"]


def test_claim_counts():
    assert len(CLAIMS) >= 60
    on_topic = {a["id"] for a in ARTICLES if a["on_topic"]}
    with_claims = {c["article_id"] for c in CLAIMS}
    assert on_topic <= with_claims
    assert not (with_claims - on_topic)
