"""Tracker evaluation against the tracker gold (tests/gold/tracker_*.jsonl, or /work/gold/tracker while it is written).

Scores (all on the targets built by `build_targets` from either the gold claims or claims extracted from the gold
articles by the real extractor):
- grouping: pairwise precision / recall / F1 of statement clustering (two target claims in one target or not);
- relations: P/R/F1 of (revision_of, milestone_of, conflict) links between targets, after mapping each built target
  to the gold target sharing most of its statements;
- observations: P/R/F1 of (target, achievement claim) links;
- status: accuracy of the current status, and of the point-in-time statuses listed in the gold.
Gold formats are read tolerantly (lists of ids or of objects with `claim_id` / `target_id`).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

from extract.targets import build_targets, status_on
from extract.targets.grouping import same_value

GOLD_TODAY = date(2026, 12, 3)


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def with_article_fields(claims: list[dict], articles: list[dict]) -> list[dict]:
    """Gold claims carry no outlet/url/syndication group: take them from their article."""
    by_id = {a["id"]: a for a in articles}
    out = []
    for claim in claims:
        article = by_id.get(claim.get("article_id"), {})
        out.append({"outlet": article.get("outlet"), "url": article.get("url"),
                    "syndication_group": article.get("syndication_group"), **claim})
    return out


def _ids(items, key="claim_id") -> list[str]:
    """Ids from a list of ids, a list of objects, or a {id: role} mapping."""
    if isinstance(items, dict):
        return list(items)
    return [i if isinstance(i, str) else i.get(key) for i in items or [] if i]


def _gid(target: dict) -> str:
    return target.get("target_id") or target.get("key")


def _roles(target: dict) -> dict[str, str]:
    statements = target.get("statements") or {}
    if isinstance(statements, dict):
        return dict(statements)
    return {s["claim_id"]: s.get("role") for s in statements if isinstance(s, dict)}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def _pairs(clusters: list[list[str]], universe: set[str]) -> set[tuple]:
    out = set()
    for cluster in clusters:
        members = sorted(c for c in set(cluster) if c in universe)
        out.update(combinations(members, 2))
    return out


def map_claims(extracted: list[dict], gold: list[dict]) -> dict[str, str]:
    """extracted claim id -> gold claim id: same article and type, value within 1 %, same deadline for targets."""
    by_article = defaultdict(list)
    for g in gold:
        by_article[g["article_id"]].append(g)
    mapping, used = {}, set()
    for claim in sorted(extracted, key=lambda c: (str(c.get("article_id")), c.get("char_start") or 0)):
        for g in by_article.get(claim.get("article_id"), []):
            if g["claim_id"] in used or g["claim_type"] != claim.get("claim_type"):
                continue
            if claim.get("value") is None or not same_value(float(g["value"]), float(claim["value"])):
                continue
            if g["claim_type"] == "target" and g.get("target_year") != claim.get("target_year"):
                continue
            mapping[claim["claim_id"]] = g["claim_id"]
            used.add(g["claim_id"])
            break
    return mapping


def _point_statuses(gold_target: dict) -> list[tuple[str, str]]:
    points = gold_target.get("status_on") or gold_target.get("status_points") or gold_target.get(
        "point_in_time") or []
    if isinstance(points, dict):
        return sorted(points.items())
    return [(p.get("date") or p.get("as_of"), p.get("status")) for p in points]


def evaluate(gold_claims: list[dict], gold_targets: list[dict], built: list[dict],
             claim_map: dict[str, str] | None = None) -> dict:
    """Scores of `built` targets against the gold. `claim_map` maps built claim ids to gold claim ids (identity when
    the built targets come from the gold claims)."""
    cmap = claim_map if claim_map is not None else {c["claim_id"]: c["claim_id"] for c in gold_claims}
    gold_target_claims = {c["claim_id"] for c in gold_claims if c["claim_type"] == "target"}
    # grouping
    gold_clusters = [_ids(t.get("statements")) for t in gold_targets]
    built_clusters = [[cmap[c] for c in _ids(t["statements"]) if c in cmap] for t in built]
    gold_pairs = _pairs(gold_clusters, gold_target_claims)
    built_pairs = _pairs(built_clusters, gold_target_claims)
    grouping = _prf(len(gold_pairs & built_pairs), len(built_pairs - gold_pairs), len(gold_pairs - built_pairs))
    # target matching: the built target sharing most statements with a gold target
    owner = {c: _gid(t) for t in gold_targets for c in _ids(t.get("statements"))}
    to_gold: dict[str, str] = {}
    for t, members in zip(built, built_clusters):
        votes = Counter(owner[c] for c in members if c in owner)
        if votes:
            to_gold[t["target_id"]] = min(votes, key=lambda g: (-votes[g], g))
    matched_gold = set(to_gold.values())
    # relations
    gold_rel = set()
    for t in gold_targets:
        for kind in ("revision_of", "milestone_of"):
            if t.get(kind):
                gold_rel.add((_gid(t), kind, t[kind]))
        for other in _ids(t.get("conflicts_with") or t.get("conflicts"), "target_id"):
            gold_rel.add(("conflict",) + tuple(sorted((_gid(t), other))))
    built_rel = set()
    for t in built:
        me = to_gold.get(t["target_id"])
        for kind in ("revision_of", "milestone_of"):
            if t.get(kind):
                built_rel.add((me, kind, to_gold.get(t[kind])))
        for conflict in t["conflicts"]:
            built_rel.add(("conflict",) + tuple(sorted((str(me), str(to_gold.get(conflict["target_id"]))))))
    relations = _prf(len(gold_rel & built_rel), len(built_rel - gold_rel), len(gold_rel - built_rel))
    # observations: every achievement claim of the target's series (counting or not, as the gold lists them)
    gold_obs = {(_gid(t), c) for t in gold_targets for c in _ids(t.get("observations"))}
    built_obs = {(to_gold.get(t["target_id"]), cmap.get(o["claim_id"])) for t in built for o in t["observations"]
                 if o["claim_id"] in cmap}
    observations = _prf(len(gold_obs & built_obs), len(built_obs - gold_obs), len(gold_obs - built_obs))
    # status: current and point in time, per gold target (an unmatched gold target counts as wrong)
    built_by_gold = {}
    for t in built:
        g = to_gold.get(t["target_id"])
        if g and (g not in built_by_gold or t["n_statements"] > built_by_gold[g]["n_statements"]):
            built_by_gold[g] = t
    current = [built_by_gold.get(_gid(t), {}).get("status") == t.get("status") for t in gold_targets
               if t.get("status")]
    points = [status_on(built_by_gold[_gid(t)], day) == status if _gid(t) in built_by_gold else False
              for t in gold_targets for day, status in _point_statuses(t)]
    # statement roles and anchoring of the matched targets
    built_roles = {cmap.get(s["claim_id"]): s["role"] for t in built for s in t["statements"]}
    gold_roles = {c: r for t in gold_targets for c, r in _roles(t).items()}
    roles = [built_roles.get(c) == r for c, r in gold_roles.items() if r]
    anchoring = [built_by_gold.get(_gid(t), {}).get("anchoring") == t["anchoring"] for t in gold_targets
                 if t.get("anchoring")]
    return {
        "gold_targets": len(gold_targets), "built_targets": len(built), "matched_gold_targets": len(matched_gold),
        "grouping": grouping, "relations": relations, "observations": observations,
        "status_accuracy": round(sum(current) / len(current), 3) if current else None, "status_n": len(current),
        "point_status_accuracy": round(sum(points) / len(points), 3) if points else None, "point_status_n": len(points),
        "role_accuracy": round(sum(roles) / len(roles), 3) if roles else None,
        "anchoring_accuracy": round(sum(anchoring) / len(anchoring), 3) if anchoring else None,
    }


def gold_files(location) -> dict[str, Path] | None:
    """{articles, claims, targets} paths: `tests/gold/tracker_*.jsonl` (a folder holding them), or a folder with
    articles.jsonl / claims.jsonl / targets_expected.jsonl. None when incomplete."""
    location = Path(location)
    for names in (("tracker_articles.jsonl", "tracker_claims.jsonl", "tracker_targets_expected.jsonl"),
                  ("articles.jsonl", "claims.jsonl", "targets_expected.jsonl")):
        paths = dict(zip(("articles", "claims", "targets"), (location / n for n in names)))
        if all(p.exists() for p in paths.values()):
            return paths
    return None


def evaluate_gold_claims(files: dict, today: date = GOLD_TODAY) -> dict:
    articles = read_jsonl(files["articles"])
    claims = with_article_fields(read_jsonl(files["claims"]), articles)
    expected = read_jsonl(files["targets"])
    return evaluate(claims, expected, build_targets(claims, today=today))


def extract_gold_articles(files: dict) -> list[dict]:
    """Claims extracted from the gold articles by the real extractor (extract.claims), with their article fields."""
    from extract.claims import extract_claims

    articles = read_jsonl(files["articles"])
    extracted = []
    for article in articles:
        for n, claim in enumerate(extract_claims(article)):
            claim.setdefault("claim_id", f"{article['id']}-X{n:02d}")
            extracted.append(claim)
    return with_article_fields(extracted, articles)


def evaluate_extracted(files: dict, today: date = GOLD_TODAY, extracted: list[dict] | None = None) -> dict:
    """The same, with claims extracted from the gold articles by the real extractor (or the `extracted` given)."""
    gold = read_jsonl(files["claims"])
    expected = read_jsonl(files["targets"])
    extracted = extract_gold_articles(files) if extracted is None else extracted
    return evaluate(gold, expected, build_targets(extracted, today=today), claim_map=map_claims(extracted, gold))


def main(location, out=print, breakdown: bool = True):
    """Scores on gold claims and on extracted claims, then (breakdown) the loss on extracted claims by cause."""
    from extract.targets.loss import claim_causes, format_breakdown, repair_ladder

    files = gold_files(location)
    if files is None:
        raise SystemExit(f"no tracker gold (articles, claims, targets_expected) in {location}")
    out(f"gold claims: {json.dumps(evaluate_gold_claims(files), ensure_ascii=False)}")
    extracted = extract_gold_articles(files)
    out(f"extracted claims: {json.dumps(evaluate_extracted(files, extracted=extracted), ensure_ascii=False)}")
    if breakdown:
        gold, expected = read_jsonl(files["claims"]), read_jsonl(files["targets"])
        out(format_breakdown(claim_causes(extracted, gold, expected),
                             repair_ladder(extracted, gold, expected, read_jsonl(files["articles"]))))


if __name__ == "__main__":  # pragma: no cover
    import sys

    main(sys.argv[1] if len(sys.argv) > 1 else "tests/gold")
