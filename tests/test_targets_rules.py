"""The tracker rules (TRACKER_RULES.md) on small hand-built situations: grouping, relations, observations, status,
point-in-time status, counting of syndicated copies, anchoring, and independence from arrival order."""

from __future__ import annotations

import json
import random
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.targets import build_targets, status_on
from extract.targets.grouping import same_value
from extract.targets.pace import months_between, pace
from extract.targets.wording import human_number
from targets_fixtures import JOHNNY, JOKOWI, TETEN, figure, target

TODAY = date(2026, 12, 3)


def by_value(targets):
    return {(t["value"], t["deadline"]): t for t in targets}


def test_paraphrased_restatements_years_apart_are_one_target():
    claims = [
        target(30e6, 2024, "2021-06-14", subject="UMKM go digital"),
        target(30e6, 2024, "2022-03-28", who=JOKOWI, outlet="detik", subject="pelaku usaha masuk ekosistem digital"),
        target(30.1e6, 2024, "2023-11-02", who=JOHNNY, outlet="antaranews", subject="UMKM onboarding digital"),
    ]
    [only] = build_targets(claims, today=TODAY)
    assert only["n_statements"] == 3 and only["n_outlets"] == 3
    assert [s["role"] for s in only["statements"]] == ["first", "restatement", "restatement"]
    assert only["first_stated_on"] == "2021-06-14" and only["first_speaker"] == "Teten Masduki"


def test_same_number_in_another_metric_scope_or_unit_is_another_target():
    claims = [
        target(30e6, 2024, "2021-06-14"),
        target(30, 2024, "2021-06-14", metric="umkm_credit_share", unit="persen", subject="porsi kredit UMKM"),
        target(30e6, 2024, "2021-07-01", scope="province", scope_name="Jawa Barat"),
        target(30e6, 2024, "2021-07-02", scope="programme", scope_name="padi_umkm"),
    ]
    targets = build_targets(claims, today=TODAY)
    assert len(targets) == 4
    assert len({t["target_id"] for t in targets}) == 4
    assert all(t["n_statements"] == 1 for t in targets)


def test_per_period_rate_is_its_own_commitment():
    claims = [target(30e6, 2024, "2021-06-14"),
              target(1e6, None, "2021-08-01", subject="UMKM go digital per tahun"),
              target(30e6, None, "2021-09-01", subject="UMKM go digital")]
    targets = build_targets(claims, today=TODAY)
    rate = next(t for t in targets if t["per_period"])
    assert rate["value"] == 1e6 and rate["status"] == "tidak_terukur"
    assert len(targets) == 3


def test_target_id_comes_from_the_commitment_not_from_the_wording():
    a = build_targets([target(30e6, 2024, "2021-06-14", subject="UMKM go digital")], today=TODAY)
    b = build_targets([target(30e6, 2024, "2023-01-01", subject="lain sekali", who=JOKOWI)], today=TODAY)
    assert a[0]["target_id"] == b[0]["target_id"]
    c = build_targets([target(30e6, 2025, "2021-06-14")], today=TODAY)
    assert c[0]["target_id"] != a[0]["target_id"]


def test_milestones_stated_together_are_not_revisions():
    article = "rakornas"
    claims = [target(20e6, 2022, "2022-03-28", article=article, who=JOKOWI),
              target(24e6, 2023, "2022-03-28", article=article, who=JOKOWI),
              target(30e6, 2024, "2022-03-28", article=article, who=JOKOWI),
              target(30e6, 2024, "2021-06-14")]
    t = by_value(build_targets(claims, today=TODAY))
    final = t[(30e6, 2024)]
    assert t[(20e6, 2022)]["milestone_of"] == final["target_id"]
    assert t[(24e6, 2023)]["milestone_of"] == final["target_id"]
    assert sorted(final["milestones"]) == sorted([t[(20e6, 2022)]["target_id"], t[(24e6, 2023)]["target_id"]])
    assert not any(x["revision_of"] or x["conflicts"] for x in t.values())
    assert t[(20e6, 2022)]["statements"][0]["role"] == "first"  # a milestone keeps its own statements


def test_a_new_deadline_that_replaces_the_old_is_a_revision():
    claims = [target(30e6, 2024, "2021-06-14"), target(30e6, 2024, "2022-01-10", who=JOKOWI),
              target(30e6, 2025, "2023-05-02"), target(30e6, 2025, "2024-02-01", who=JOKOWI),
              target(30e6, 2024, "2023-06-01", who=JOHNNY)]  # the old one repeated within 180 days: still a revision
    t = by_value(build_targets(claims, today=TODAY))
    old, new = t[(30e6, 2024)], t[(30e6, 2025)]
    assert new["revision_of"] == old["target_id"] and old["revised_by"] == [new["target_id"]]
    assert new["statements"][0]["role"] == "first"  # the relation is in revision_of, not in the role
    assert old["status"] == "direvisi" and not old["conflicts"]
    assert status_on(old, "2023-05-01") == "belum_dinilai"
    assert status_on(old, "2023-05-02") == "direvisi"
    assert status_on(new, "2023-05-01") is None  # not stated yet


def test_two_sources_keeping_different_deadlines_are_a_conflict_not_a_revision():
    claims = [target(30e6, 2024, "2021-06-14"),
              target(30e6, 2025, "2021-08-01", who=JOHNNY, outlet="detik"),
              target(30e6, 2024, "2022-05-01", outlet="tempo")]  # the older deadline still stated 9 months later
    t = by_value(build_targets(claims, today=TODAY))
    a, b = t[(30e6, 2024)], t[(30e6, 2025)]
    assert [c["target_id"] for c in a["conflicts"]] == [b["target_id"]]
    assert [c["target_id"] for c in b["conflicts"]] == [a["target_id"]]
    assert a["conflicts"][0]["other_claim_id"] == b["conflicts"][0]["claim_id"]
    assert a["status"] != "direvisi" and b["revision_of"] is None


def test_value_and_deadline_both_changed_and_not_a_milestone_are_separate():
    claims = [target(30e6, 2024, "2021-06-14"), target(25e6, 2026, "2024-09-01")]
    targets = build_targets(claims, today=TODAY)
    assert all(t["revision_of"] is None and t["milestone_of"] is None and not t["conflicts"] for t in targets)


def test_observations_are_vintages_and_only_count_until_the_deadline_grace():
    claims = [target(30e6, 2024, "2021-06-14"),
              figure(21e6, "2022-12-01", who=TETEN),
              figure(19e6, "2023-01-15", who=JOHNNY, as_of="2022-11"),  # lower, other source: a new vintage
              figure(27e6, "2025-05-01", as_of="2025-03"),  # within the 90 days after 2024: counts
              figure(29e6, "2025-09-01", as_of="2025-08")]  # too late for a 2024 deadline
    [t] = build_targets(claims, today=TODAY)
    values = [o["value"] for o in t["observations"]]
    assert values == [19e6, 21e6, 27e6, 29e6]  # ordered by reference date, all kept
    assert [o["counts"] for o in t["observations"]] == [True, True, True, False]
    assert t["latest_figure"]["value"] == 27e6 and t["progress_pct"] == 90.0
    assert t["status"] == "tercapai_sebagian"


def test_status_rules_over_time():
    claims = [target(30e6, 2024, "2021-06-14"),
              figure(10e6, "2021-07-01"), figure(12e6, "2022-07-01"),  # 2M a year: far too slow
              figure(25e6, "2023-07-01"),  # 13M in a year: on pace
              figure(31e6, "2024-06-01")]
    [t] = build_targets(claims, today=TODAY)
    assert status_on(t, "2021-06-20") == "belum_dinilai"
    assert status_on(t, "2021-07-01") == "berjalan"  # one figure: pace cannot be computed yet
    assert status_on(t, "2022-07-01") == "tertinggal"
    assert status_on(t, "2023-07-01") == "berjalan"
    assert status_on(t, "2024-06-01") == "tercapai"
    assert t["status"] == "tercapai" and t["status_evidence"]
    assert all(h["evidence"] and h["rationale"] for h in t["status_history"])


def test_stalled_and_missed_targets():
    stalled = build_targets([target(30e6, 2024, "2021-06-14"), figure(10e6, "2021-07-01")], today=date(2022, 8, 1))
    assert stalled[0]["status"] == "terhenti"
    assert status_on(stalled[0], "2022-07-01") == "berjalan" and status_on(stalled[0], "2022-07-02") == "terhenti"
    missed = build_targets([target(30e6, 2024, "2021-06-14"), figure(10e6, "2024-07-01")], today=TODAY)
    assert missed[0]["status"] == "tidak_tercapai"
    assert status_on(missed[0], "2025-03-31") == "terhenti" or status_on(missed[0], "2025-03-31") == "berjalan"
    assert status_on(missed[0], "2025-04-01") == "tidak_tercapai"


def test_unmeasurable_targets():
    [no_deadline] = build_targets([target(30e6, None, "2021-06-14")], today=TODAY)
    assert no_deadline["status"] == "tidak_terukur"
    [no_metric] = build_targets([target(5e6, 2024, "2021-06-14", metric=None, subject="pelatihan")], today=TODAY)
    assert no_metric["status"] == "tidak_terukur"


def test_syndicated_copies_count_once():
    claims = [target(30e6, 2024, "2021-06-14", outlet="antaranews", syndication_group="g1"),
              target(30e6, 2024, "2021-06-14", outlet="kompas", syndication_group="g1"),
              target(30e6, 2024, "2021-06-15", outlet="detik", syndication_group="g1"),
              target(30e6, 2024, "2021-07-01", outlet="tempo")]
    [t] = build_targets(claims, today=TODAY)
    assert len(t["statements"]) == 4
    assert t["n_statements"] == 2 and t["n_outlets"] == 2
    assert sum(s["counted"] for s in t["statements"]) == 2


def test_anchoring_takes_the_strongest_source():
    claims = [target(30e6, 2024, "2021-06-14"), target(30e6, 2024, "2022-01-01", source_kind="plan")]
    assert build_targets(claims, today=TODAY)[0]["anchoring"] == "dokumen_kebijakan"
    claims.append(target(30e6, 2024, "2022-02-01", source_kind="regulation"))
    assert build_targets(claims, today=TODAY)[0]["anchoring"] == "peraturan"
    proposed = [target(5e6, 2027, "2026-01-01", quote="Pemerintah akan menargetkan 5 juta UMKM ekspor pada 2027.")]
    assert build_targets(proposed, today=TODAY)[0]["anchoring"] == "diusulkan"


def test_regional_figures_never_reach_the_national_target():
    claims = [target(30e6, 2024, "2021-06-14"),
              figure(2e6, "2022-01-01", scope="province", scope_name="Jawa Barat")]
    [national] = [t for t in build_targets(claims, today=TODAY)]
    assert national["observations"] == [] and national["status"] == "belum_dinilai"


def test_claims_without_the_new_seam_keys_still_work():
    old = target(30e6, 2024, "2021-06-14")
    for key in ("scope", "scope_name", "source_kind", "claim_id", "outlet", "syndication_group"):
        old.pop(key, None)
    [t] = build_targets([old], today=TODAY)
    assert t["scope"] == "national" and t["first_claim_id"] and t["anchoring"] == "pernyataan"


def test_helpers():
    assert same_value(30e6, 30.2e6) and not same_value(30e6, 31e6)
    assert human_number(30e6) == "30 juta" and human_number(13.7e6) == "13,7 juta"
    assert abs(months_between(date(2021, 1, 1), date(2022, 1, 1)) - 12) < 0.01
    rate = pace(30, date(2024, 12, 31), 10, date(2022, 12, 31), 20, date(2023, 12, 31))
    assert rate.on_pace is True and abs(rate.required - 10 / 12) < 0.01


SCENARIO = [
    target(30e6, 2024, "2021-06-14"), target(30e6, 2024, "2022-03-28", who=JOKOWI, article="r"),
    target(20e6, 2022, "2022-03-28", who=JOKOWI, article="r"), target(24e6, 2023, "2022-03-28", who=JOKOWI, article="r"),
    target(30e6, 2025, "2022-05-01", who=JOHNNY), target(30e6, 2024, "2023-03-01"),
    target(30, 2024, "2021-06-14", metric="umkm_credit_share", unit="persen"),
    target(30e6, 2024, "2021-06-14", outlet="detik", syndication_group="g"),
    target(30e6, 2024, "2021-06-14", outlet="okezone", syndication_group="g"),
    figure(13.7e6, "2021-06-20", as_of="2021-05"), figure(16e6, "2021-12-01", who=JOHNNY),
    figure(15e6, "2021-12-03"), figure(20.2e6, "2022-09-01"), figure(27e6, "2023-12-01"),
    figure(2e6, "2022-01-01", scope="province", scope_name="Jawa Barat"),
]


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_output_does_not_change_when_claims_arrive_in_another_order(rnd):
    expected = json.dumps(build_targets(SCENARIO, today=TODAY), sort_keys=True)
    shuffled = list(SCENARIO)
    rnd.shuffle(shuffled)
    assert json.dumps(build_targets(shuffled, today=TODAY), sort_keys=True) == expected


def test_duplicated_input_claims_do_not_duplicate_statements():
    doubled = SCENARIO + [dict(c) for c in SCENARIO]
    random.Random(3).shuffle(doubled)
    assert build_targets(doubled, today=TODAY) == build_targets(SCENARIO, today=TODAY)


def test_disbursed_money_typed_budget_is_the_progress_of_a_disbursement_target():
    """claims.md types money a programme paid out as budget; the tracker still reads it as the reported figure of a
    disbursement target, while a budget allocation of another metric never becomes progress."""
    from targets_fixtures import claim

    kur = dict(metric="kur_disbursement", unit="rupiah", subject="penyaluran KUR")
    claims = [
        target(300e12, 2024, "2024-01-10", **kur),
        claim("budget", 200e12, "2024-08-05", as_of="2024-07", **kur),
        claim("budget", 250e12, "2024-10-01", as_of="2024-09", metric="government_budget_umkm", unit="rupiah",
              subject="anggaran KUR"),
    ]
    [only] = build_targets(claims, today=date(2024, 10, 15))
    assert [o["value"] for o in only["observations"]] == [200e12]
    assert only["latest_figure"]["value"] == 200e12 and only["status"] in ("berjalan", "tertinggal")
    assert only["progress_pct"] == round(100 * 200 / 300, 1)
