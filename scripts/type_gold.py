"""Gold-labelled typing decisions, shared by scripts/type_tiebreak and scripts/type_learn.

Both scripts patch the pipeline to record each typing decision as (sentence, figure offset, features, what the rules
said) and label it with the type of the gold claim the resulting prediction matches by value.
"""
from __future__ import annotations

from collections import defaultdict

from extract.claim_eval import _close, development_sets, load_articles, load_jsonl

SKIP = {"legacy"}  # an old-format set without the typed fields of claims.md 2026-12


def labelled(preds: list[dict], seen: list[tuple], gold: list[dict]) -> list[tuple]:
    """(features, what the rules said, gold type) of each recorded decision (sentence, offset, features, rules) whose
    prediction matches a gold claim by value (the nearest gold claim of that value when several do)."""
    by_sentence: dict[str, list[tuple]] = defaultdict(list)
    for s in seen:
        by_sentence[s[0]].append(s)
    gold_by: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        gold_by[g["article_id"]].append(g)
    out = []
    for p in preds:
        cands = by_sentence.get((p.get("quote") or "").strip())
        if not cands:
            continue
        at = p["quote"].find(p.get("value_text") or "")
        s = min(cands, key=lambda c: abs(c[1] - at))
        if abs(s[1] - at) > 3:
            continue
        golds = [g for g in gold_by.get(p["article_id"], []) if _close(p["value"], g["value"])]
        if golds:
            g = min(golds, key=lambda g: abs((g.get("char_start") or 0) - (p.get("char_start") or 0)))
            out.append((s[2], s[3], g["claim_type"]))
    return out


def typed_sets():
    """(name, articles, gold claims of those articles) of every development set with typed gold."""
    for name, (gold_path, articles_path) in development_sets().items():
        if name in SKIP:
            continue
        articles = load_articles(articles_path)
        ids = {a["id"] for a in articles}
        yield name, articles, [g for g in load_jsonl(gold_path) if g["article_id"] in ids]
