"""The tracker on imperfect claims, as the real extractor gives them: a restatement that lost its metric, a
metric-less series of unrelated subjects, a per-period cue next to another number, scope names spelt two ways, a
sub-figure of another scope among national figures, and statuses that rest on no comparable figure."""

from __future__ import annotations

import json
import random
from datetime import date

from extract.targets import build_targets
from extract.targets.model import is_per_period, subject_head
from targets_fixtures import JOHNNY, JOKOWI, figure, target

TODAY = date(2026, 12, 3)


def test_a_restatement_without_metric_joins_the_one_matching_commitment():
    claims = [target(24e6, 2023, "2022-03-28", who=JOKOWI),
              target(24e6, 2023, "2023-01-26", metric=None, subject="Tahun ini kita kejar",
                     quote="Tahun ini kita kejar 24 juta UMKM onboarding.")]
    [only] = build_targets(claims, today=TODAY)
    assert only["metric"] == "umkm_onboarded_digital" and only["n_statements"] == 2


def test_a_metricless_target_stays_apart_when_ambiguous_or_about_something_else():
    two_candidates = [target(30e6, 2024, "2021-06-14"),
                      target(30e6, 2024, "2021-07-01", metric="umkm_on_ekatalog_padi", subject="produk e-Katalog"),
                      target(30e6, 2024, "2022-01-01", metric=None, subject="UMKM")]
    assert len(build_targets(two_candidates, today=TODAY)) == 3
    other_subject = [target(20e6, 2022, "2021-06-14"),
                     target(20e6, 2022, "2022-01-01", metric=None, subject="UMKM dilatih kewirausahaan")]
    assert len(build_targets(other_subject, today=TODAY)) == 2
    no_deadline = [target(20e6, 2022, "2021-06-14"), target(20e6, None, "2022-01-01", metric=None)]
    assert len(build_targets(no_deadline, today=TODAY)) == 2


def test_unrelated_metricless_targets_share_neither_figures_nor_relations():
    claims = [target(100e3, 2024, "2022-01-01", metric=None, subject="pendamping UMKM"),
              target(50e3, 2024, "2023-01-01", metric=None, subject="sertifikat halal"),  # same shape as a revision
              figure(80e3, "2023-06-01", metric=None, subject="pendamping yang ditempatkan"),
              figure(30e3, "2023-06-01", metric=None, subject="UMKM yang melapor terdampak")]  # no head: nobody's
    targets = {t["value"]: t for t in build_targets(claims, today=TODAY)}
    assert not targets[50e3]["revision_of"] and targets[100e3]["status"] == "tidak_terukur"
    assert [o["value"] for o in targets[100e3]["observations"]] == [80e3]
    assert targets[50e3]["observations"] == []
    assert targets[100e3]["progress_pct"] is None  # not measured: no percentage shown


def test_metricless_targets_with_one_number_and_deadline_but_different_things_stay_apart():
    claims = [target(10e3, 2025, "2024-02-01", metric=None, subject="eksportir pemula",
                     quote="Dinas menargetkan 10 ribu eksportir pemula pada 2025."),
              target(10e3, 2025, "2024-05-01", metric=None, subject="sertifikat halal gratis",
                     quote="Sebanyak 10 ribu sertifikat halal gratis dibagikan hingga 2025."),
              target(10e3, 2025, "2024-06-01", metric=None, subject="eksportir baru",
                     quote="Tahun depan kami kejar 10 ribu eksportir.")]  # a restatement of the first
    built = build_targets(claims, today=TODAY)
    assert sorted(t["n_statements"] for t in built) == [1, 2]
    assert build_targets(list(reversed(claims)), today=TODAY) == built  # order never matters


def test_subject_head_reads_the_counted_thing():
    assert subject_head("porsi kredit perbankan untuk UMKM", "persen") == "kredit"
    assert subject_head("rasio kredit UMKM terhadap total kredit", "persen") == "kredit"
    assert subject_head("produk yang kami patok untuk 2023 sudah terlampaui lebih cepat", "produk") is None
    assert subject_head('"Target', "rupiah") is None


def test_a_period_cue_belongs_to_the_nearest_number():
    quote = ("Setelah itu, kita butuh tambahan sekitar 5 juta UMKM setiap tahun untuk mencapai 30 juta pada 2024, "
             "kata Arif.")
    rate = {"value_text": "5 juta", "quote": quote, "subject": "UMKM setiap tahun untuk mencapai 30 juta"}
    total = {"value_text": "30 juta", "quote": quote, "subject": "UMKM setiap tahun untuk"}
    assert is_per_period(rate) and not is_per_period(total)
    other_sentence = {"value_text": "30 juta", "quote": "Target 30 juta pada 2024. Artinya setiap tahun 5 juta."}
    assert not is_per_period(other_sentence)
    assert is_per_period({"subject": "UMKM go digital per tahun"})  # no value words to place: the subject decides


def test_scope_names_spelt_two_ways_are_one_series():
    claims = [target(100e12, 2027, "2024-05-01", metric="program_transaction_value", unit="rupiah",
                     scope="programme", scope_name="PaDi UMKM"),
              target(100e12, 2027, "2025-05-22", metric="program_transaction_value", unit="rupiah",
                     scope="programme", scope_name="padi_umkm", who=JOHNNY)]
    [only] = build_targets(claims, today=TODAY)
    assert only["n_statements"] == 2


def test_a_sub_figure_of_another_scope_is_flagged_not_used_as_latest():
    claims = [target(30e6, 2024, "2021-06-14"),
              figure(21e6, "2022-12-01"), figure(31e6, "2024-06-01"),
              figure(45e3, "2024-09-01")]  # a province's count that lost its scope: 0.15 % of the target
    [t] = build_targets(claims, today=TODAY)
    flagged = [o for o in t["observations"] if o["outlier"]]
    assert [o["value"] for o in flagged] == [45e3]
    assert t["latest_figure"]["value"] == 31e6 and t["progress_pct"] == t["latest_figure"]["pct"] == 103.3
    assert t["best_figure"]["value"] == 31e6 and t["status"] == "tercapai"


def test_latest_and_best_figures_are_both_given():
    claims = [target(30e6, 2024, "2021-06-14"), figure(31e6, "2024-06-01"), figure(27e6, "2024-11-01")]
    [t] = build_targets(claims, today=TODAY)
    assert t["status"] == "tercapai"  # the documented rule reads the best figure
    assert t["latest_figure"]["value"] == 27e6 and t["latest_figure"]["as_of"] == "2024-11-01"
    assert t["best_figure"]["value"] == 31e6 and t["best_figure"]["pct"] == 103.3
    [unmeasured] = build_targets([target(30e6, 2024, "2021-06-14")], today=TODAY)
    assert unmeasured["status"] == "belum_dinilai" and unmeasured["progress_pct"] is None


IMPERFECT = [
    target(30e6, 2024, "2021-06-14"), target(30e6, 2024, "2022-07-21", metric=None, subject="UMKM setiap tahun untuk",
                                             value_text="30 juta", who=JOKOWI,
                                             quote="Butuh 5 juta UMKM setiap tahun untuk mencapai 30 juta pada 2024."),
    target(5e6, None, "2022-07-21", metric=None, subject="UMKM", value_text="5 juta", who=JOKOWI,
           quote="Butuh 5 juta UMKM setiap tahun untuk mencapai 30 juta pada 2024."),
    target(100e3, 2024, "2022-01-01", metric=None, subject="pendamping UMKM"),
    target(50e3, 2024, "2023-01-01", metric=None, subject="sertifikat halal"),
    figure(80e3, "2023-06-01", metric=None, subject="pendamping"), figure(21e6, "2022-12-01"),
    figure(45e3, "2024-09-01"), figure(27e6, "2024-11-01"),
    target(1e6, 2023, "2022-05-01", metric="umkm_on_ekatalog_padi", unit="produk", scope="programme",
           scope_name="e-Katalog"),
    target(1e6, 2023, "2022-09-01", metric="umkm_on_ekatalog_padi", unit="produk", scope="programme",
           scope_name="e_katalog", who=JOHNNY),
]


def test_imperfect_claims_give_the_same_output_in_any_order():
    expected = json.dumps(build_targets(IMPERFECT, today=TODAY), sort_keys=True)
    for seed in range(8):
        shuffled = list(IMPERFECT)
        random.Random(seed).shuffle(shuffled)
        assert json.dumps(build_targets(shuffled, today=TODAY), sort_keys=True) == expected


def test_a_target_far_below_what_its_series_already_reported_is_not_assessed_on_it():
    # "100 ribu UMKM by 2021" stated when the national series already reported 12 juta: a programme's target
    # whose scope the claim lost; it must not read as tercapai on the national figures
    claims = [figure(12e6, "2021-03-01"), target(100e3, 2021, "2021-04-01", subject="UMKM ikut pelatihan"),
              figure(14.5e6, "2021-09-01")]
    [t] = build_targets(claims, today=TODAY)
    assert t["status"] == "tidak_terukur" and "12,000,000" in t["status_rationale"] and t["progress_pct"] is None
    early = [target(100e3, 2021, "2021-01-01"), figure(60e3, "2021-03-01"), figure(2e6, "2021-09-01")]
    assert build_targets(early, today=TODAY)[0]["status"] == "tercapai"  # figures that grew past it later: fine
