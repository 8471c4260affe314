"""Claim extraction scoring as defined in ../shared/reference/claims.md ("Scoring").

Per article, predictions are matched one-to-one to gold claims (maximum bipartite matching): same ``value`` within
±1 % (or a matching ``value_max`` for ranges), same ``claim_type`` (lenient: target vs non-target only), and for
targets the same ``target_year``. Reported: precision, recall, F1 (strict and lenient), speaker accuracy (share of
matched claims with a non-null gold speaker whose predicted speaker is right) and recall on ``core`` gold claims.

CLI: ``pantau eval claims GOLD.jsonl ARTICLES.jsonl`` or ``python -m extract.claim_eval GOLD ARTICLES [--details]``.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path


def _close(a, b, tol=0.01) -> bool:
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    if b == 0:
        return abs(a) <= 1e-9
    return abs(a - b) <= tol * abs(b)


def _type_ok(g, p, lenient: bool) -> bool:
    if lenient:
        return (g["claim_type"] == "target") == (p["claim_type"] == "target")
    return g["claim_type"] == p["claim_type"]


def same_figure(g: dict, p: dict) -> bool:
    """The predicted figure is the gold one: the value within 1 %, or for a gold range its upper bound."""
    return _close(p.get("value"), g.get("value")) or (
        g.get("value_max") is not None and (_close(p.get("value_max"), g["value_max"]) or
                                            _close(p.get("value"), g["value_max"])))


def claims_match(g: dict, p: dict, lenient: bool = False) -> bool:
    if not same_figure(g, p) or not _type_ok(g, p, lenient):
        return False
    if g["claim_type"] == "target" and p["claim_type"] == "target":
        return g.get("target_year") == p.get("target_year")
    return True


def _match(gold: list[dict], pred: list[dict], lenient: bool) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (augmenting paths); ties prefer pairs whose speaker agrees."""
    adj = {i: sorted([j for j, p in enumerate(pred) if claims_match(g, p, lenient)],
                     key=lambda j: (not _same_speaker(gold[i].get("speaker"), pred[j].get("speaker")),
                                    abs((pred[j].get("char_start") or 0) - (gold[i].get("char_start") or 0))))
           for i, g in enumerate(gold)}
    owner: dict[int, int] = {}

    def augment(i, seen):
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    # among matchings of the same size, a prediction goes to the gold claim stated where it was found: "lima lokapasar"
    # and "5 persen" both match a predicted 5 of the same type, and the one in the prediction's sentence takes it
    def dist(i, j):
        return (not _same_sentence(gold[i], pred[j]), abs((pred[j].get("char_start") or 0) - (gold[i].get("char_start") or 0)))

    for _ in range(len(gold)):
        matched = set(owner.values())
        swap = next(((i, j) for i in range(len(gold)) if i not in matched for j in adj[i]
                     if j in owner and dist(i, j) < dist(owner[j], j)), None)
        if swap is None:
            break
        owner[swap[1]] = swap[0]
    return sorted((i, j) for j, i in owner.items())


def _same_sentence(g: dict, p: dict) -> bool:
    """Whether a gold claim's quote (or one of its alternative quotes) and a prediction's quote share a sentence."""
    pq = _norm(p.get("quote"))
    for q in [g.get("quote"), *(g.get("alt_quotes") or [])]:
        q = _norm(q)
        if q and pq and (q[:60] in pq or pq[:60] in q):
            return True
    return False


def _norm(s) -> str:
    s = unicodedata.normalize("NFKC", str(s or "")).lower().replace("’", "'")
    return " ".join(s.replace(".", " ").split())


def _same_speaker(g, p) -> bool:
    return _norm(g) == _norm(p) and g is not None and p is not None


def _same_scope(g, p) -> bool:
    """Scope and, unless national, its canonical name (case-insensitive)."""
    if g.get("scope") != p.get("scope"):
        return False
    scope = g.get("scope")
    return scope in (None, "national") or \
        _canonical_name(g.get("scope_name"), scope) == _canonical_name(p.get("scope_name"), scope)


@lru_cache(maxsize=1)
def _programme_forms() -> dict[str, str]:
    """Every name, alias and id of a gazetteer programme, normalised, -> the programme id."""
    from nlp_models.gazetteer import load

    forms = {}
    for prog in load()["programs"]:
        for form in [prog["id"], prog["name"], *prog.get("aliases", [])]:
            forms.setdefault(_norm(form).replace("_", " "), prog["id"])
    return forms


@lru_cache(maxsize=1)
def _company_forms() -> dict[str, str]:
    """Every name, acronym and alias of a gazetteer company or state firm, normalised, -> its id."""
    from nlp_models.gazetteer import load

    forms = {}
    for inst in load()["institutions"]:
        if inst.get("type") in ("company", "soe"):
            for form in [inst["id"], inst["name"], *(inst.get("acronyms") or []), *(inst.get("aliases") or [])]:
                forms.setdefault(_norm(form), inst["id"])
                forms.setdefault(_bare_company(form), inst["id"])  # "Bank Rakyat Indonesia" of "PT ... (Persero) Tbk"
    return forms


def _bare_company(name: str) -> str:
    """A company's name without its legal form: "PT Bank Rakyat Indonesia (Persero) Tbk" -> "bank rakyat indonesia"."""
    import re

    return _norm(re.sub(r"\((?:persero|perseroan)\)|\b(?:PT|CV|Tbk)\b\.?", " ", str(name or ""), flags=re.IGNORECASE))


@lru_cache(maxsize=1)
def _province_forms() -> dict[str, str]:
    """Every form of a province in the regions gazetteer ("Daerah Istimewa Yogyakarta", "DIY"), normalised, -> its
    canonical name."""
    import yaml

    data = yaml.safe_load((REPO / "nlp_models" / "gazetteer" / "regions.yaml").read_text(encoding="utf-8"))
    return {_norm(form): prov["name"] for prov in data["provinces"] for form in [prov["name"], *prov.get("forms", [])]}


def _canonical_name(name, scope: str | None = None) -> str:
    """A scope name compared through the gazetteer: gold writes a programme as "PaDi UMKM", the extractor as its id
    "padi_umkm" (docs/CONTRACTS.md); a company as "Bank Rakyat Indonesia" or "BRI"; a province as "Daerah Istimewa
    Yogyakarta" or "DI Yogyakarta" - each pair is one name. Other names compare as written."""
    key = _norm(name).replace("_", " ")
    if scope == "company":
        return _company_forms().get(_norm(name)) or _company_forms().get(_bare_company(name), key)
    if scope == "province":
        return _province_forms().get(key, key)
    return _programme_forms().get(key, key)


_FIELD_CHECKS = {
    "metric": lambda g, p: g.get("metric") == p.get("metric"),
    "scope": _same_scope,
}


def _field_view(c: dict, name: str):
    return [c.get("scope"), c.get("scope_name")] if name == "scope" else c.get(name)


def _prf(tp, n_pred, n_gold) -> dict:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(gold_claims: list[dict], predicted_claims: list[dict], details: bool = False) -> dict:
    """Scores of ``predicted_claims`` against ``gold_claims`` (both lists of claim dicts with ``article_id``)."""
    gold_by, pred_by = defaultdict(list), defaultdict(list)
    for g in gold_claims:
        gold_by[g["article_id"]].append(g)
    for p in predicted_claims:
        pred_by[p["article_id"]].append(p)
    tp = tp_len = 0
    spk_total = spk_right = 0
    core_total = core_hit = 0
    targets_matched = targets_year_right = 0
    field_total = defaultdict(int)
    field_right = defaultdict(int)
    errors = []
    for aid in sorted(set(gold_by) | set(pred_by)):
        gs, ps = gold_by.get(aid, []), pred_by.get(aid, [])
        pairs = _match(gs, ps, lenient=False)
        tp += len(pairs)
        tp_len += len(_match(gs, ps, lenient=True))
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for i, j in pairs:
            g, p = gs[i], ps[j]
            if g.get("speaker"):
                spk_total += 1
                if _same_speaker(g["speaker"], p.get("speaker")):
                    spk_right += 1
                elif details:
                    errors.append({"article_id": aid, "kind": "speaker", "gold": g.get("speaker"),
                                   "pred": p.get("speaker"), "value": g["value"], "quote": p.get("quote", "")[:160]})
            for name, same in _FIELD_CHECKS.items():
                if name in g:
                    field_total[name] += 1
                    ok = same(g, p)
                    field_right[name] += int(ok)
                    if details and not ok:
                        errors.append({"article_id": aid, "kind": name, "gold": _field_view(g, name),
                                       "pred": _field_view(p, name), "value": g["value"],
                                       "quote": p.get("quote", "")[:160]})
            if g["claim_type"] == "target":
                targets_matched += 1
                targets_year_right += int(g.get("target_year") == p.get("target_year"))
        for i, g in enumerate(gs):
            if g.get("core"):
                core_total += 1
                core_hit += int(i in matched_g)
            if details and i not in matched_g:
                errors.append({"article_id": aid, "kind": "missed", "claim_type": g["claim_type"],
                               "value": g["value"], "target_year": g.get("target_year"),
                               "quote": (g.get("quote") or "")[:160]})
        if details:
            for j, p in enumerate(ps):
                if j not in matched_p:
                    errors.append({"article_id": aid, "kind": "spurious", "claim_type": p["claim_type"],
                                   "value": p["value"], "target_year": p.get("target_year"),
                                   "quote": (p.get("quote") or "")[:160]})
    n_gold, n_pred = len(gold_claims), len(predicted_claims)
    res = {
        "articles": len(set(gold_by) | set(pred_by)),
        "gold": n_gold,
        "predicted": n_pred,
        "matched": tp,
        "strict": _prf(tp, n_pred, n_gold),
        "lenient": {**_prf(tp_len, n_pred, n_gold), "matched": tp_len},
        "speaker_accuracy": round(spk_right / spk_total, 4) if spk_total else None,
        "speaker_evaluated": spk_total,
        "core_recall": round(core_hit / core_total, 4) if core_total else None,
        "core_total": core_total,
        "targets_matched": targets_matched,
        "target_year_accuracy": round(targets_year_right / targets_matched, 4) if targets_matched else None,
    }
    for name in _FIELD_CHECKS:
        # measured only on gold that carries the field (older gold sets have no metric / scope)
        res[f"{name}_accuracy"] = round(field_right[name] / field_total[name], 4) if field_total[name] else None
        res[f"{name}_evaluated"] = field_total[name]
    if details:
        res["errors"] = errors
    return res


REPO = Path(__file__).resolve().parents[1]


def gold_sets(repo: Path = REPO) -> dict[str, tuple[Path, Path]]:
    """Every development gold set: ``tests/gold/NAME_claims.jsonl`` with ``NAME_articles.jsonl`` (fixture, dev2,
    heldout, tracker, dev3 ...) and the seed gold of ``../shared/gold`` when present."""
    sets = {}
    for claims_path in sorted((repo / "tests" / "gold").glob("*_claims.jsonl")):
        articles_path = claims_path.with_name(claims_path.name.replace("_claims.jsonl", "_articles.jsonl"))
        if articles_path.exists():
            sets[claims_path.name[: -len("_claims.jsonl")]] = (claims_path, articles_path)
    for shared in (repo.parent / "shared", repo.parents[1] / "shared"):  # beside the checkout or its worktree folder
        seeds = shared / "gold"
        if (seeds / "seeds_claims.jsonl").exists():
            sets["seeds"] = (seeds / "seeds_claims.jsonl", seeds / "seeds_articles.jsonl")
            break
    return sets


# The blind set of the current version: written by an annotator who never saw the code, scored once when the version is
# finished. Earlier blind sets (blind: scored after 2.1, blind3: after 2.2, blind4: after 2.3, blind5: after 2.4, blind6: with 2.5) are
# consumed and are development data from the next version on (blind6: scored with 2.5, development data from 2.6); their
# one-time scores stay recorded in docs/gold/.
BLIND_SETS = frozenset({"blind7"})


def development_sets(repo: Path = REPO) -> dict[str, tuple[Path, Path]]:
    """The gold sets rules and calibration may be developed on: every set but the blind ones, which are only
    reported (never tuned or calibrated on)."""
    return {name: paths for name, paths in gold_sets(repo).items() if name not in BLIND_SETS}


def load_articles(path: Path | str) -> list[dict]:
    """Articles JSONL: ``id``, ``text`` (or ``text_file`` relative to the JSONL file), ``published``, ..."""
    path = Path(path)
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        a = json.loads(line)
        if "text" not in a and a.get("text_file"):
            a["text"] = (path.parent / a["text_file"]).read_text(encoding="utf-8")
        out.append(a)
    return out


def load_jsonl(path: Path | str) -> list[dict]:
    return [json.loads(l) for l in Path(path).read_text(encoding="utf-8").splitlines() if l.strip()]


def format_report(res: dict) -> str:
    s, l = res["strict"], res["lenient"]
    lines = [
        f"articles {res['articles']}  gold claims {res['gold']}  predicted {res['predicted']}  matched {res['matched']}",
        f"strict   precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}",
        f"lenient  precision {l['precision']:.3f}  recall {l['recall']:.3f}  F1 {l['f1']:.3f}",
        "speaker accuracy " + (f"{res['speaker_accuracy']:.3f} ({res['speaker_evaluated']} matched claims with a gold speaker)"
                               if res["speaker_accuracy"] is not None else "n/a"),
        "core recall " + (f"{res['core_recall']:.3f} ({res['core_total']} core claims)"
                          if res["core_recall"] is not None else "n/a"),
        "target year " + (f"{res['target_year_accuracy']:.3f} of {res['targets_matched']} matched targets"
                          if res["target_year_accuracy"] is not None else "n/a"),
    ]
    for name in _FIELD_CHECKS:
        acc = res.get(f"{name}_accuracy")
        lines.append(f"{name} accuracy " + (f"{acc:.3f} ({res[f'{name}_evaluated']} matched claims with a gold {name})"
                                            if acc is not None else "n/a (gold has no " + name + ")"))
    return "\n".join(lines)


def predict(articles: list[dict], extractor=None) -> list[dict]:
    if extractor is None:
        from extract.claims import extract_claims as extractor
    preds = []
    for a in articles:
        preds.extend(extractor(a))
    return preds


def main(gold_path, articles_path, out=print, details: bool = False, extractor=None, reliability: bool = False) -> dict:
    """Run the extractor over ARTICLES, score against GOLD, print the figures with ``out`` and return them."""
    gold = load_jsonl(gold_path)
    articles = load_articles(articles_path)
    ids = {a["id"] for a in articles}
    gold = [g for g in gold if g["article_id"] in ids]
    preds = predict(articles, extractor)
    res = evaluate(gold, preds, details=details)
    out(format_report(res))
    if details:
        for e in res["errors"]:
            out(json.dumps(e, ensure_ascii=False))
    if reliability:
        from extract.claims.calibrate import format_table, reliability as table, scored_claims

        out("reliability (confidence as shipped, not refitted on this gold):")
        out(format_table(table([(conf, ok) for _, _, conf, ok in scored_claims(gold, articles)])))
    return res


def write_scores(result: dict, path: Path | str, label: str) -> None:
    """Store ``result`` under ``label`` in the JSON file of measured scores (``nlp_models/eval_scores.json`` is read
    by the Datasette metadata); other labels in the file are kept."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data[label] = {k: v for k, v in result.items() if k != "errors"}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("articles")
    ap.add_argument("--details", action="store_true", help="list missed, spurious and speaker errors")
    ap.add_argument("--scores-out", help="JSON file to store the figures in (e.g. nlp_models/eval_scores.json)")
    ap.add_argument("--label", default="claims", help="name of this data set in --scores-out")
    a = ap.parse_args()
    res = main(a.gold, a.articles, details=a.details)
    if a.scores_out:
        write_scores(res, a.scores_out, a.label)
    sys.exit(0)
