"""Datasette metadata of editorial review (docs/review.md), merged by :mod:`pantau.metadata`: the review queue
(editors' database only), the `corrections` log (editors' database only) and the public `errata` table."""

from __future__ import annotations

# Unreviewed claims, the ones most likely wrong first: a figure that conflicts with another source's figure of the same
# series within 120 days (or a target in conflict with another), then the lowest extractor confidence.
REVIEW_QUEUE_SQL = """
with q as (
  select c.*,
    case
      when exists (select 1 from target_conflicts tc where tc.claim_id = c.id or tc.other_claim_id = c.id)
        then 'target conflicts with another target'
      when c.claim_type = 'achievement' and c.metric is not null and exists (
        select 1 from claims e
        where e.metric = c.metric and e.scope is c.scope and e.scope_name is c.scope_name and e.unit = c.unit
          and e.claim_type = 'achievement' and e.id != c.id and coalesce(e.review_status, '') != 'rejected'
          and e.figure_date between date(c.figure_date, '-120 days') and date(c.figure_date, '+120 days')
          and coalesce(e.outlet, '') != coalesce(c.outlet, '')
          and abs(e.value - c.value) > 0.05 * max(abs(e.value), abs(c.value)))
        then 'differs > 5 % from another source within 120 days'
    end as conflict
  from claims c
  where coalesce(c.review_status, 'unreviewed') = 'unreviewed'
    and (:claim_type = '' or c.claim_type = :claim_type)
    and (:outlet = '' or c.outlet = :outlet)
)
select id as claim_id, conflict, round(confidence, 2) as confidence, claim_type, value_text, value, unit, target_year,
  metric, scope, speaker, organization, outlet, stated_on, quote
from q
order by conflict is null, confidence, stated_on desc, id
limit 200
"""

CORRECTIONS_COLUMNS = {
    "id": "Decision number (the order decisions are re-applied in).",
    "kind": "claim (verify, correct, reject) or target (merge, split, unlink).",
    "action": "verify | correct | reject | merge | split | unlink.",
    "claim_id": "The claim decided on, as first extracted (for a target decision: its anchor claim).",
    "current_claim_id": "The claim the decision applies to now (differs when re-extraction moved the span).",
    "article_id": "Article of the claim.",
    "target_id": "Target decided on (target decisions).",
    "other_target_id": "merge: the target it was merged into.",
    "other_claim_id": "split: the statement split off; unlink: the figure unlinked.",
    "match_keys": "JSON: article, extracted value, sentence, type, unit and offset that find the claim again.",
    "editor": "Who decided (the signed-in editor, or --by on the command line).",
    "decided_at": "UTC time of the decision.",
    "note": "Why, in the editor's words (public in the errata).",
    "before": "JSON: the fields as they were.",
    "after": "JSON: what they became.",
    "state": "applied | pending (no longer applies after re-extraction: see `pantau review pending`).",
    "state_reason": "Why a decision is pending, or how it was found again (rekeyed, agrees).",
    "applied_at": "UTC time it was last applied.",
}
ERRATA_COLUMNS = {
    "correction_id": "Number of the editor's decision.",
    "claim_id": "The claim corrected (a removed claim is no longer in the claims table).",
    "article_id": "Article the claim comes from.",
    "action": "correct (a field changed) or reject (the claim was removed: not a valid claim).",
    "field": "The field corrected (claim = the whole claim removed).",
    "old_value": "What the extractor had.",
    "new_value": "What an editor set.",
    "corrected_at": "UTC time of the correction.",
    "note": "Why.",
    "quote": "The sentence the claim was read from.",
}
REVIEWED_AT = "UTC time of the latest editor's decision on this claim (empty: not reviewed)."
REVIEW_STATUS = ("unreviewed | verified (an editor checked it against the article) | corrected (an editor fixed a "
                 "field: see errata) | rejected (not a valid claim; left out of the public database).")


def add_review_metadata(tables: dict, queries: dict, public: bool = False) -> None:
    """Claim review columns everywhere (no facet: facets cost every claims page; filter with ?review_status=); the errata table; the queue and the log only on the editors' database."""
    claims = tables["claims"]
    claims["columns"] = {**claims.get("columns", {}), "review_status": REVIEW_STATUS, "reviewed_at": REVIEWED_AT}
    tables["errata"] = {
        "description": "Corrections: every claim field an editor corrected (old and new value) and every claim "
        "removed as not valid, with when and why. Built by `pantau publish` from the review log.",
        "columns": ERRATA_COLUMNS, "sort_desc": "corrected_at", "facets": ["action", "field"],
    }
    feed = queries.get("new_claims_feed")
    if feed and "reviewed" not in feed["params"]:
        feed["params"] = [*feed["params"], "reviewed"]
        feed["description"] += " reviewed=1: only claims an editor verified or corrected."
    if public:
        return
    tables["corrections"] = {
        "description": "The review log: every editor's decision on a claim or a target grouping, what was there "
        "before and what it became. Re-applied after each extraction; pending ones no longer apply.",
        "columns": CORRECTIONS_COLUMNS, "sort_desc": "id", "facets": ["action", "state", "editor"],
    }
    queries["review_queue"] = {
        "title": "Review queue",
        "description": "Unreviewed claims, the likeliest errors first: figures that conflict with another source's "
        "figure of the same series within 120 days and targets in conflict, then the lowest extractor confidence. "
        "Open a claim to verify, correct or reject it (signed-in editors). Optional claim_type and outlet.",
        "sql": REVIEW_QUEUE_SQL.strip(),
        "params": ["claim_type", "outlet"],
        "hide_sql": True,
    }
