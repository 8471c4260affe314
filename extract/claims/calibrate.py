"""Fit the confidence calibration on the development gold and measure its reliability by cross-validation.

``python -m extract.claims.calibrate [--folds 5] [--write]``: every development gold set is scored; each predicted
claim is right when it matches a gold claim strictly (value, type, target year). Articles are split into folds; the
isotonic map fitted on the other folds gives each claim its out-of-fold confidence, and the reliability table
compares claimed confidence with observed precision per bin. ``--write`` stores the map fitted on all articles in
``nlp_models/claims_calibration.json``. ``reliability(...)`` also serves ``pantau eval claims --reliability``.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict

from extract.claim_eval import _match, load_articles, load_jsonl
from extract.claims.confidence import CALIBRATION_FILE, calibrate, fit_isotonic

BINS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def scored_claims(gold: list[dict], articles: list[dict]) -> list[tuple[str, float, float, bool]]:
    """(article_id, raw score, confidence, right) for every predicted claim."""
    from extract.claims import extract_claims

    gold_by = defaultdict(list)
    for g in gold:
        gold_by[g["article_id"]].append(g)
    out = []
    for article in articles:
        preds = extract_claims(article, raw_confidence=True)
        right = {j for _, j in _match(gold_by.get(article["id"], []), preds, lenient=False)}
        out += [(article["id"], p["raw_confidence"], p["confidence"], j in right) for j, p in enumerate(preds)]
    return out


def cross_validated(rows, folds: int = 5) -> list[tuple[float, bool]]:
    """Out-of-fold calibrated confidence of every claim (folds by article, so one article never trains itself)."""
    ids = sorted({r[0] for r in rows})
    fold_of = {aid: i % folds for i, aid in enumerate(ids)}
    out = []
    for k in range(folds):
        train = [r for r in rows if fold_of[r[0]] != k]
        steps = fit_isotonic([r[1] for r in train], [r[3] for r in train]) if train else None
        out += [(calibrate(r[1], steps), r[3]) for r in rows if fold_of[r[0]] == k]
    return out


def reliability(pairs: list[tuple[float, bool]]) -> list[dict]:
    """Per confidence bin: claims, mean claimed confidence, observed precision."""
    table = []
    for lo, hi in BINS:
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if inside:
            table.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "claims": len(inside),
                          "claimed": round(sum(c for c, _ in inside) / len(inside), 3),
                          "observed": round(sum(ok for _, ok in inside) / len(inside), 3)})
    return table


def format_table(table: list[dict]) -> str:
    lines = ["| confidence bin | claims | mean claimed confidence | observed precision |", "|---|---|---|---|"]
    lines += [f"| {r['bin']} | {r['claims']} | {r['claimed']:.3f} | {r['observed']:.3f} |" for r in table]
    return "\n".join(lines)


def development_rows(sets) -> list:
    rows = []
    for gold_path, articles_path in sets:
        if gold_path.exists() and articles_path.exists():
            rows += scored_claims(load_jsonl(gold_path), load_articles(articles_path))
    return rows


def main(argv=None) -> int:
    import argparse

    from extract.claim_eval import development_sets

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true", help=f"store the map fitted on all sets in {CALIBRATION_FILE.name}")
    args = ap.parse_args(argv)
    rows = development_rows(development_sets().values())
    if not rows:
        print("no development gold found", file=sys.stderr)
        return 1
    print(format_table(reliability(cross_validated(rows, args.folds))))
    if args.write:
        bounds, values = fit_isotonic([r[1] for r in rows], [r[3] for r in rows])
        CALIBRATION_FILE.write_text(json.dumps({
            "method": "isotonic (pool-adjacent-violators), +1/+1 smoothing",
            "fitted_on": sorted(development_sets()), "claims": len(rows),
            "steps": [[b, v] for b, v in zip(bounds, values)]}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {CALIBRATION_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
