"""Fit the confidence model and measure its reliability, on the development gold and on unseen text.

    python -m extract.claims.calibrate                 # reliability tables (nothing written)
    python -m extract.claims.calibrate --write         # refit nlp_models/claims_calibration.json
    python -m extract.claims.calibrate --record-holdout blind5   # at a blind set's one scoring: keep its rows

Every development gold set is scored; each predicted claim is right when it matches a gold claim strictly (value,
type, target year). A logistic regression over the claim's evidence (``confidence.claim_evidence``) is fitted on
those rows. Because the extractor's rules were tuned on the same gold, that model is optimistic; it is re-scaled
(Platt) on the holdout rows: claims a version predicted on its blind set the one time that set was scored, each with
the log-odds that version's own development model gave it (so the map learns the optimism, not an old precision). ``--record-holdout SET`` appends those rows for the current version (run it only at
the one scoring of a blind set). Reliability tables: development out-of-fold (5 folds by article), and holdout
cross-validated (the re-scaling fitted on the other holdout folds). ``reliability(...)`` also serves
``pantau eval claims --reliability``.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict

from extract.claim_eval import _match, load_articles, load_jsonl
from extract.claims.confidence import (CALIBRATION_FILE, HOLDOUT_FILE, _sigmoid, confidence_of, fit_logistic,
                                       fit_rescale, log_odds)

BINS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def scored_claims(gold: list[dict], articles: list[dict]) -> list[tuple[str, tuple[str, ...], float, bool]]:
    """(article_id, evidence, shipped confidence, right) for every predicted claim."""
    from extract.claims.pipeline import extract_claims_batch

    gold_by = defaultdict(list)
    for g in gold:
        gold_by[g["article_id"]].append(g)
    out = []
    for article, preds in zip(articles, extract_claims_batch(articles, with_evidence=True)):
        right = {j for _, j in _match(gold_by.get(article["id"], []), preds, lenient=False)}
        out += [(article["id"], tuple(p["evidence"]), p["confidence"], j in right) for j, p in enumerate(preds)]
    return out


def _folds(rows, folds: int):
    ids = sorted({r[0] for r in rows})
    fold_of = {aid: i % folds for i, aid in enumerate(ids)}
    for k in range(folds):
        yield [r for r in rows if fold_of[r[0]] != k], [r for r in rows if fold_of[r[0]] == k]


def cross_validated(rows, folds: int = 5) -> list[tuple[float, bool]]:
    """Out-of-fold development probability of every claim (folds by article: an article never trains itself)."""
    out = []
    for train, test in _folds(rows, folds):
        model = fit_logistic([(r[1], r[3]) for r in train])
        out += [(confidence_of(r[1], model, rescale=False), r[3]) for r in test]
    return out


def holdout_cross_validated(holdout_rows, folds: int = 5) -> list[tuple[float, bool]]:
    """Confidence of every holdout claim (its version's development log-odds, re-scaled with the map fitted on the
    other holdout folds)."""
    out = []
    for train, test in _folds(holdout_rows, folds):
        slope, intercept = fit_rescale([(r[2], r[3]) for r in train])
        out += [(round(_sigmoid(slope * r[2] + intercept), 2), r[3]) for r in test]
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


def load_holdout(path=HOLDOUT_FILE) -> list[tuple[str, tuple[str, ...], float, bool]]:
    """(set:article_id, evidence, development log-odds of the version that predicted it, right) per holdout claim."""
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(f"{r['set']}:{r['article_id']}", tuple(r["evidence"]), float(r["dev_logit"]), bool(r["right"]))
            for r in rows]


def record_holdout(name: str, version: str, path=HOLDOUT_FILE) -> int:
    """Append the rows of blind set ``name`` as predicted now (call it once, when the set is scored blind)."""
    from extract.claim_eval import BLIND_SETS, gold_sets

    sets = gold_sets()
    if name not in sets:
        raise SystemExit(f"no gold set named {name!r} (have: {', '.join(sorted(sets))})")
    existing = {r[0].split(":", 1)[0] for r in load_holdout(path)}
    if name in existing:
        raise SystemExit(f"{path.name} already holds rows of {name}: a blind set is recorded once")
    gold_path, articles_path = sets[name]
    dev = development_rows(v for k, v in sets.items() if k != name and k not in BLIND_SETS)
    model = fit_logistic([(r[1], r[3]) for r in dev])
    rows = scored_claims(load_jsonl(gold_path), load_articles(articles_path))
    with path.open("a", encoding="utf-8") as f:
        for aid, evidence, _, right in rows:
            f.write(json.dumps({"set": name, "version": version, "article_id": aid, "evidence": list(evidence),
                                "right": right, "dev_logit": round(log_odds(evidence, model), 5)},
                               ensure_ascii=False) + "\n")
    return len(rows)


def main(argv=None) -> int:
    import argparse

    from extract.claim_eval import development_sets

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true", help=f"store the fitted model in {CALIBRATION_FILE.name}")
    ap.add_argument("--record-holdout", metavar="SET",
                    help=f"append the current predictions on blind set SET to {HOLDOUT_FILE.name}")
    args = ap.parse_args(argv)
    if args.record_holdout:
        from extract.claims.pipeline import EXTRACTOR_VERSION

        n = record_holdout(args.record_holdout, EXTRACTOR_VERSION)
        print(f"recorded {n} claims of {args.record_holdout} ({EXTRACTOR_VERSION}) in {HOLDOUT_FILE}")
        return 0
    rows = development_rows(development_sets().values())
    if not rows:
        print("no development gold found", file=sys.stderr)
        return 1
    holdout = load_holdout()
    print("development gold, out-of-fold (before re-scaling to unseen text):")
    print(format_table(reliability(cross_validated(rows, args.folds))))
    if holdout:
        print(f"holdout rows ({len(holdout)} claims of earlier blind sets), re-scaling cross-validated:")
        print(format_table(reliability(holdout_cross_validated(holdout, args.folds))))
    if args.write:
        model = fit_logistic([(r[1], r[3]) for r in rows])
        rescale = fit_rescale([(r[2], r[3]) for r in holdout]) if holdout else None
        CALIBRATION_FILE.write_text(json.dumps({
            "method": "logistic regression over claim evidence (L2, Newton), Platt re-scaling on holdout rows",
            "fitted_on": sorted(development_sets()), "claims": len(rows),
            "holdout": sorted({r[0].split(":", 1)[0] for r in holdout}), "holdout_claims": len(holdout),
            "bias": model["bias"], "weights": model["weights"], "rescale": rescale}, indent=1) + "\n",
            encoding="utf-8")
        print(f"wrote {CALIBRATION_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
