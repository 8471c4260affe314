"""scripts/annotator_agreement: two human annotations of the same articles scored with the extractor's own metric."""
import copy
import importlib.machinery
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "annotator_agreement"
SECOND = ROOT / "tests" / "gold" / "agreement" / "blind6_second_claims.jsonl"
FIRST = ROOT / "tests" / "gold" / "blind6_claims.jsonl"
ARTICLES = ROOT / "tests" / "gold" / "blind6_articles.jsonl"


def _module():
    loader = importlib.machinery.SourceFileLoader("annotator_agreement", str(SCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_agreement_counts_type_disagreements_as_strict_only_and_ignores_unshared_articles():
    agreement = _module().agreement
    first = [c for c in _rows(FIRST) if c["article_id"] in {"B6-01", "B6-02"}]
    second = copy.deepcopy([c for c in first if c["article_id"] == "B6-01"])  # B6-02 is annotated by one side only
    assert agreement(first, second)["strict"]["f1"] == 1.0
    flipped = {"target": "achievement", "achievement": "other", "other": "achievement", "budget": "other"}
    second[0]["claim_type"] = flipped[second[0]["claim_type"]]
    res = agreement(first, second)
    assert res["strict"]["f1"] < 1.0
    assert res["lenient"]["f1"] == 1.0


def test_second_annotation_is_valid_gold_for_the_blind6_articles():
    texts = {a["id"]: a["text"] for a in _rows(ARTICLES)}
    second = _rows(SECOND)
    assert len({c["claim_id"] for c in second}) == len(second)
    assert len({c["article_id"] for c in second}) == 16
    for claim in second:
        text = texts[claim["article_id"]]
        assert claim["quote"] in text
        assert all(alt in text for alt in claim["alt_quotes"])


def test_cli_scores_both_directions_and_refuses_files_with_no_common_article(tmp_path):
    run = subprocess.run([sys.executable, str(SCRIPT), str(FIRST), str(SECOND)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("strict   precision") == 2
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({**_rows(SECOND)[0], "article_id": "X-01"}) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCRIPT), str(FIRST), str(other)], capture_output=True, text=True)
    assert run.returncode == 2
    assert "no article in common" in run.stderr
