"""Datasette metadata: the target tracker's tables, facets and canned queries (``add_target_metadata``).

The tracker itself is ``extract/targets`` and ``extract/target_stage.py``; ``pantau/metadata.py`` calls
``add_target_metadata`` while building the whole file.
"""

from __future__ import annotations

TARGET_FACETS = ["status", "metric", "deadline", "first_institution", "anchoring"]

TARGET_TABLES = {
    "targets": (
        "One row per tracked target (commitment): a metric and scope, a value and a deadline, grouped from every "
        "statement of it whatever the wording, speaker or outlet. Status on two axes: anchoring (how strongly it is "
        "committed) and progress (computed by documented rules from the reported figures and the pace). Open a "
        "target with its target_id link for its page: statements, chart, history.",
        {"target_id": "Target id: sha1 of (metric, scope, scope_name, unit, value, deadline, per period); the same "
         "commitment always gets the same id.",
         "metric": "Canonical metric.", "scope": "national | province | city | programme | company | sector.",
         "scope_name": "Region, programme or company (empty for national).",
         "subject": "What is counted, in the words of the first statement.", "value": "Target value.",
         "value_max": "Upper bound when a range was stated.", "unit": "Unit of the value.",
         "deadline": "Deadline year (empty: none stated).",
         "per_period": "1 = a rate per period (\"1 juta UMKM per tahun\"), its own commitment.",
         "direction": "naik (more is better) | turun (a reduction target).",
         "revision_of": "The target this one revises (same value and another deadline, or the reverse).",
         "milestone_of": "The final target this one is a milestone of (stated together, earlier and on the way).",
         "first_stated_on": "Date of the first statement.", "first_claim_id": "The first statement's claim.",
         "first_speaker": "Who stated it first.", "first_institution": "The first speaker's institution.",
         "n_statements": "Statements (syndicated copies and repeats within one article counted once).",
         "n_outlets": "Distinct outlets stating it (syndicated copies counted once).",
         "n_observations": "Reported figures that count toward the target.",
         "latest_value": "Newest reported figure counting toward the target.", "latest_as_of": "Its reference date.",
         "latest_claim_id": "Its claim.", "latest_stated_on": "When it was reported.",
         "progress_pct": "100 x latest figure / target value; empty when the status is tidak_terukur or "
         "belum_dinilai (no comparable figure).",
         "best_value": "Highest reported figure counting toward the target (lowest for a reduction target): the "
         "status rules read this one, so a target can be tercapai while the latest figure is lower.",
         "best_as_of": "Its reference date.", "best_claim_id": "Its claim.", "best_pct": "100 x best figure / target.",
         "family": "The claims that can affect this target: scope--scope name--unit, normalised; the tracker "
         "stage recomputes one family at a time.",
         "status": "Progress: belum_dinilai | berjalan | tertinggal | terhenti | tercapai | tercapai_sebagian | "
         "tidak_tercapai | direvisi | dihentikan | tidak_terukur (rules in the methodology).",
         "status_as_of": "The date the status was computed for.", "status_rationale": "Why, in one sentence.",
         "status_evidence": "JSON list of the claim ids the status rests on.",
         "anchoring": "diusulkan | pernyataan | dokumen_kebijakan | peraturan: the strongest source stating it.",
         "n_conflicts": "Other targets stated at the same time by other sources with another value or deadline.",
         "summary": "The target in one sentence."},
    ),
    "target_statements": (
        "Every target claim linked to its target, with its role: first (the earliest) or restatement. Whether the "
        "target itself is a revision or a milestone of another is in targets.revision_of / milestone_of.",
        {"target_id": "The target.", "claim_id": "The claim.", "article_id": "The article.",
         "role": "first | restatement.", "stated_on": "Date of the statement.",
         "speaker": "Speaker.", "organization": "Speaker's institution or the cited source.", "outlet": "Outlet.",
         "value": "Value stated.", "target_year": "Deadline stated.", "quote": "The sentence.", "url": "Article URL.",
         "source_kind": "media | official_statement | official_report | plan | regulation.",
         "syndication_group": "Syndicated copies share a group.",
         "counted": "0 = a syndicated copy or a repeat in the same article, not counted again."},
    ),
    "target_observations": (
        "Reported figures of the same metric and scope attached to each target, as vintages: a later, lower figure "
        "from another source is kept beside the earlier one, never replaces it.",
        {"target_id": "The target.", "claim_id": "The achievement claim.", "article_id": "The article.",
         "value": "Figure.", "unit": "Unit.", "as_of": "Date the figure refers to (as_of, else stated_on).",
         "stated_on": "Date it was reported (the vintage).", "speaker": "Speaker.", "organization": "Institution or "
         "source.", "outlet": "Outlet.", "url": "Article URL.", "quote": "The sentence.", "source_kind": "Kind of "
         "source.", "counts": "1 = dated on or before the end of the deadline year plus 90 days.",
         "outlier": "1 = below 1 % of the target while another figure is above 20 % of it: probably another "
         "scope's sub-figure; shown, but not used as latest figure, baseline or best."},
    ),
    "target_status_history": (
        "The progress status of each target as it stood from each date: what was known then. Only changes are "
        "recorded.",
        {"target_id": "The target.", "date": "From this date.", "status": "Progress status.",
         "rationale": "Why.", "evidence": "JSON list of claim ids."},
    ),
    "target_conflicts": (
        "Two targets of one series that share the value or the deadline but not both, stated by different sources "
        "within 180 days and both still stated: flagged, never merged.",
        {"target_id": "The target.", "other_target_id": "The conflicting target.", "claim_id": "This target's claim.",
         "other_claim_id": "The other target's claim.", "stated_on": "Date of this claim.",
         "other_stated_on": "Date of the other claim."},
    ),
    "target_families": (
        "State of the incremental tracker stage: one row per family of claims (scope, scope name, unit) with a "
        "fingerprint of its claims; a run recomputes the families whose fingerprint changed or whose status can "
        "have changed since (valid_until).",
        {"family": "scope--scope name--unit, normalised (lower case, _ for other characters).", "fingerprint": "sha1 of the family's claim rows.",
         "valid_until": "First date on which a status can change without a new claim (a figure going stale, a "
         "deadline's grace ending).", "n_claims": "Claims in the family.",
         "computed_for": "The date the family's statuses were computed for."},
    ),
    "target_events": (
        "Change log of every target: new statements, new figures and status changes, by date (the Atom feeds).",
        {"id": "Event id.", "target_id": "The target.", "date": "Date of the change.",
         "kind": "statement | figure | status.", "claim_id": "The claim behind it.", "title": "What changed.",
         "detail": "The sentence or the status rationale."},
    ),
}

TARGET_EVENTS_SQL = """
select e.date, e.kind, e.title, t.summary as target, e.detail, t.status as current_status, e.target_id, e.claim_id,
  e.id as atom_id, e.title || ' | ' || t.summary as atom_title, e.date || 'T00:00:00+07:00' as atom_updated,
  e.detail as atom_content, '/target/' || e.target_id as atom_link
from target_events e join targets t on t.target_id = e.target_id
where :target_id = '' or e.target_id = :target_id
order by e.date desc, e.kind, e.id limit 500
"""

TARGET_CHANGES_SQL = """
with newest as (select max(date) as day from target_events)
select e.date, e.kind, e.title, t.summary as target, e.detail, t.status as current_status, e.target_id, e.claim_id,
  e.id as atom_id, e.title || ' | ' || t.summary as atom_title, e.date || 'T00:00:00+07:00' as atom_updated,
  e.detail as atom_content, '/target/' || e.target_id as atom_link
from target_events e join targets t on t.target_id = e.target_id, newest
where e.date > coalesce(nullif(:since, ''), date(newest.day, '-7 days'))
order by e.date desc, e.target_id, e.kind limit 1000
"""


def _target_queries() -> dict:
    return {
        "target_feed": {
            "title": "Changes to one target (Atom feed)",
            "description": "New statements, new reported figures and status changes of one target (all targets when "
            "target_id is empty), newest first. "
            "Subscribe with the .atom link; .csv and .json for the data.",
            "sql": TARGET_EVENTS_SQL.strip(), "params": ["target_id"], "hide_sql": True,
        },
        "target_changes": {
            "title": "What changed this week (all targets)",
            "description": "Every new statement, reported figure and status change across all targets in the 7 days "
            "up to the newest change in the database, newest first. Give `since` (YYYY-MM-DD) for another window. "
            "Dates are statement dates. Atom feed: the .atom link.",
            "sql": TARGET_CHANGES_SQL.strip(), "params": ["since"], "hide_sql": True,
        },
    }


def add_target_metadata(tables: dict, queries: dict) -> None:
    """Descriptions, facets and canned queries of the target tables."""
    for name, (description, columns) in TARGET_TABLES.items():
        tables[name] = {"description": description, "columns": columns}
    tables["targets"].update(facets=TARGET_FACETS, sort="first_stated_on", label_column="summary",
                             sortable_columns=["first_stated_on", "deadline", "value", "progress_pct", "n_statements",
                                               "n_outlets", "status"])
    tables["target_statements"]["facets"] = ["role", "outlet"]
    tables["target_observations"]["facets"] = ["counts", "outlet"]
    tables["target_status_history"]["facets"] = ["status"]
    tables["target_events"].update(facets=["kind"], sort_desc="date")
    queries.update(_target_queries())
