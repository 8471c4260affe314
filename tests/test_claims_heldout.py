"""Held-out evaluation of the claim extractor.

The gold set (tests/gold/heldout_articles.jsonl + heldout_claims.jsonl) was written blind, without
looking at the extractor or its fixtures. It measures quality; the asserted floors only guard against
regressions and must not be tuned towards.
"""
import json
from pathlib import Path

from extract.claim_eval import evaluate
from extract.claims import extract_claims

GOLD = Path(__file__).parent / "gold"


def _load(name):
    with open(GOLD / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _predict(articles):
    predicted = []
    for art in articles:
        inp = {k: art.get(k) for k in ("id", "title", "published", "text", "outlet")}
        for claim in extract_claims(inp):
            claim = dict(claim)
            claim.setdefault("article_id", art["id"])
            predicted.append(claim)
    return predicted


def test_heldout_gold_is_well_formed():
    articles = {a["id"]: a for a in _load("heldout_articles.jsonl")}
    claims = _load("heldout_claims.jsonl")
    assert len(articles) == 12
    assert 80 <= len(claims) <= 110
    for c in claims:
        assert c["quote"] in articles[c["article_id"]]["text"], c["claim_id"]


def test_heldout_claims_quality():
    articles = _load("heldout_articles.jsonl")
    gold = _load("heldout_claims.jsonl")
    predicted = _predict(articles)
    m = evaluate(gold, predicted)
    print(
        "\nheld-out: gold={gold} predicted={predicted} matched={matched}\n"
        "  strict  P={sp:.3f} R={sr:.3f} F1={sf:.3f}\n"
        "  lenient P={lp:.3f} R={lr:.3f} F1={lf:.3f}\n"
        "  speaker accuracy={sa} (n={sn})  core recall={cr} (n={cn})  target-year accuracy={ty}".format(
            gold=m["gold"], predicted=m["predicted"], matched=m["matched"],
            sp=m["strict"]["precision"], sr=m["strict"]["recall"], sf=m["strict"]["f1"],
            lp=m["lenient"]["precision"], lr=m["lenient"]["recall"], lf=m["lenient"]["f1"],
            sa=m["speaker_accuracy"], sn=m["speaker_evaluated"],
            cr=m["core_recall"], cn=m["core_total"], ty=m.get("target_year_accuracy"),
        )
    )
    assert m["strict"]["f1"] >= 0.6
    assert (m["speaker_accuracy"] or 0) >= 0.6
