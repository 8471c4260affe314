"""Where the tracker loses on extracted claims: a breakdown of the loss by cause.

Two views, both against the tracker gold:

- **per gold claim** (`claim_causes`): every target and achievement claim the gold tracker uses (statements and
  observations) is aligned to the extracted claim of the same article and value (within 1 %), whatever its type;
  the first field that differs from the gold names the cause: `claim missing`, `wrong type`, `wrong target_year`,
  `wrong metric`, `wrong scope` (scope names compared in their normalised form), `wrong unit`, else `fields right`.
  Extracted target/achievement claims that align with no gold tracker claim are counted as extra claims (aligned
  to a gold claim outside every target, or not in the gold at all).
- **repair ladder** (`repair_ladder`): the extracted claims are repaired one cause at a time, cumulatively, in the
  order of `STEPS` (the aligned claim takes the gold value of that field; then missing gold claims are added and
  extra claims dropped), and the tracker is scored after each step. The gain of a step is the loss that cause is
  responsible for (in that order); what is left after the last step (claims equal to the gold in every field the
  tracker keys on) is due to the remaining fields the tracker reads (wording, speaker) - the tracker's own rules.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date

from extract.targets import build_targets
from extract.targets.eval import GOLD_TODAY, _ids, evaluate, map_claims, with_article_fields
from extract.targets.grouping import same_value
from extract.targets.model import norm_scope_name

TRACKED = ("target", "achievement")
# (step name, the gold fields the aligned extracted claim takes at that step)
STEPS = [
    ("type", ("claim_type",)),
    ("target_year", ("target_year",)),
    ("metric", ("metric",)),
    ("scope", ("scope", "scope_name")),
    ("unit", ("unit",)),
    ("as_of", ("as_of",)),
]


def _words(text) -> set[str]:
    return set(re.findall(r"\w+", str(text or "").lower()))


def _overlap(a: dict, b: dict) -> float:
    wa, wb = _words(a.get("quote")), _words(b.get("quote"))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def align(extracted: list[dict], gold: list[dict]) -> dict[str, str]:
    """extracted claim id -> gold claim id, one to one: same article and value (within 1 %); among candidates the
    same type first, then the larger quote overlap (best pairs first, so the result does not depend on order)."""
    gold_by_article = defaultdict(list)
    for g in gold:
        gold_by_article[g["article_id"]].append(g)
    candidates = []
    for e in extracted:
        if e.get("value") is None:
            continue
        for g in gold_by_article.get(e.get("article_id"), []):
            if same_value(float(g["value"]), float(e["value"])):
                candidates.append((-(g["claim_type"] == e.get("claim_type")), -_overlap(e, g), e["claim_id"],
                                   g["claim_id"]))
    mapping, used = {}, set()
    for _, _, eid, gid in sorted(candidates):
        if eid not in mapping and gid not in used:
            mapping[eid] = gid
            used.add(gid)
    return mapping


def tracked_gold_ids(expected: list[dict]) -> set[str]:
    """The gold claims the expected targets rest on: their statements and observations."""
    return {c for t in expected for key in ("statements", "observations") for c in _ids(t.get(key))}


def _first_difference(e: dict, g: dict) -> str:
    if e.get("claim_type") != g["claim_type"]:
        return "wrong type"
    if g["claim_type"] == "target" and e.get("target_year") != g.get("target_year"):
        return "wrong target_year"
    if (e.get("metric") or None) != (g.get("metric") or None):
        return "wrong metric"
    if ((e.get("scope") or None, norm_scope_name(e.get("scope_name")))
            != (g.get("scope") or None, norm_scope_name(g.get("scope_name")))):
        return "wrong scope"
    if (e.get("unit") or None) != (g.get("unit") or None):
        return "wrong unit"
    return "fields right"


def claim_causes(extracted: list[dict], gold: list[dict], expected: list[dict]) -> dict:
    """Counts of causes per gold tracker claim (split by its gold type), and of extra extracted claims."""
    mapping = align(extracted, gold)
    by_gold = {gid: eid for eid, gid in mapping.items()}
    ext_by_id = {e["claim_id"]: e for e in extracted}
    tracked = tracked_gold_ids(expected)
    out: dict[str, Counter] = {"target": Counter(), "achievement": Counter()}
    for g in gold:
        if g["claim_id"] not in tracked:
            continue
        eid = by_gold.get(g["claim_id"])
        cause = "claim missing" if eid is None else _first_difference(ext_by_id[eid], g)
        out[g["claim_type"]][cause] += 1
    extra = Counter()
    for e in extracted:
        if e.get("claim_type") in TRACKED and mapping.get(e["claim_id"]) not in tracked:
            known = "gold claim outside the targets" if e["claim_id"] in mapping else "not in the gold"
            extra[f"{e['claim_type']} ({known})"] += 1
    return {"gold_targets": dict(out["target"]), "gold_observations": dict(out["achievement"]),
            "extra_claims": dict(extra)}


def _repaired(extracted: list[dict], gold_by_id: dict, mapping: dict, fields: tuple) -> list[dict]:
    out = []
    for e in extracted:
        g = gold_by_id.get(mapping.get(e["claim_id"]))
        out.append({**e, **{f: g.get(f) for f in fields}} if g else e)
    return out


def _score(claims: list[dict], gold: list[dict], expected: list[dict], today: date) -> dict:
    scores = evaluate(gold, expected, build_targets(claims, today=today), claim_map=map_claims(claims, gold))
    return {"grouping_f1": scores["grouping"]["f1"], "relations_f1": scores["relations"]["f1"],
            "observations_f1": scores["observations"]["f1"], "status": scores["status_accuracy"],
            "point_status": scores["point_status_accuracy"]}


def repair_ladder(extracted: list[dict], gold: list[dict], expected: list[dict], articles: list[dict],
                  today: date = GOLD_TODAY) -> list[dict]:
    """[{step, scores}] from the claims as extracted (with their article fields) to claims repaired in every
    tracked field."""
    mapping = align(extracted, gold)
    gold_by_id = {g["claim_id"]: g for g in gold}
    tracked = tracked_gold_ids(expected)
    claims = list(extracted)
    ladder = [{"step": "as extracted", **_score(claims, gold, expected, today)}]
    fields: tuple = ()
    for name, step_fields in STEPS:
        fields += step_fields
        claims = _repaired(extracted, gold_by_id, mapping, fields)
        ladder.append({"step": f"+ {name}", **_score(claims, gold, expected, today)})
    aligned_gold = set(mapping.values())
    missing = [dict(g) for g in gold if g["claim_id"] in tracked and g["claim_id"] not in aligned_gold]
    claims = claims + with_article_fields(missing, articles)
    ladder.append({"step": "+ missing claims added", **_score(claims, gold, expected, today)})
    claims = [c for c in claims if c["claim_id"] in gold_by_id or mapping.get(c["claim_id"]) in tracked
              or c.get("claim_type") not in TRACKED]
    ladder.append({"step": "+ extra claims dropped", **_score(claims, gold, expected, today)})
    return ladder


def format_breakdown(causes: dict, ladder: list[dict]) -> str:
    lines = ["loss by cause, per gold tracker claim:"]
    for kind in ("gold_targets", "gold_observations", "extra_claims"):
        counts = causes[kind]
        lines.append(f"  {kind} ({sum(counts.values())}): "
                     + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])))
    lines.append("repair ladder (cumulative; scores after each repair):")
    header = ("grouping_f1", "relations_f1", "observations_f1", "status", "point_status")
    lines.append(f"  {'step':28s}" + "".join(f"{h:>17s}" for h in header))
    for row in ladder:
        lines.append(f"  {row['step']:28s}" + "".join(f"{row[h]:>17}" for h in header))
    return "\n".join(lines)
