"""observations.outliers in one pass over the dates gives exactly the flags of the plain pairwise definition."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from extract.targets import observations as obs
from extract.targets.model import Claim


def _pairwise(observations, target_value, direction):
    """The rule as written in the docstring, figure by figure (quadratic)."""
    if not target_value or direction == "turun" or target_value <= 0:
        return set()
    values = [o for o in observations if o.value is not None]
    context = any(o.value > obs.OUTLIER_CONTEXT_SHARE * target_value for o in values)
    return {o.claim_id for o in values
            if (context and o.value < obs.OUTLIER_SHARE * target_value)
            or any(p.ref_date <= o.ref_date and p.value > obs.OUTLIER_DROP * o.value for p in values if p is not o)}


BASE = Claim(claim_id="c", article_id="a", claim_type="achievement", metric="m", scope="national", scope_name=None,
             unit="UMKM", value=1.0, value_max=None, target_year=None, stated_on=date(2021, 1, 1),
             ref_date=date(2021, 1, 1), per_period=False, direction="naik", head=None, proposed=False, source_rank=0,
             speaker=None, institution=None, outlet=None, syndication_group=None, char_start=0, raw={})


def test_outliers_match_the_pairwise_rule_on_random_series():
    rnd = random.Random(14)
    for trial in range(400):
        n = rnd.randint(0, 30)
        series = []
        for i in range(n):
            day = date(2020, 1, 1) + timedelta(days=rnd.choice([0, 0, 5, 30, 200, 400]))
            value = rnd.choice([None, 0.0, 1.0, 5.0, 20.0, 100.0, 2_000.0, 30_000.0, 1e6, rnd.uniform(0, 1e6)])
            series.append(replace(BASE, claim_id=f"c{i}", value=value, ref_date=day, stated_on=day))
        if series and rnd.random() < 0.2:
            series.append(series[0])  # the same figure listed twice
        target = rnd.choice([None, 0.0, 1_000.0, 50_000.0, 1e6])
        direction = rnd.choice(["naik", "naik", "turun"])
        assert obs.outliers(series, target, direction) == _pairwise(series, target, direction), trial


def test_a_figure_twenty_times_below_an_earlier_one_is_flagged_but_not_one_before_it():
    early_small = replace(BASE, claim_id="small", value=100.0, ref_date=date(2020, 1, 1))
    big = replace(BASE, claim_id="big", value=1e6, ref_date=date(2021, 1, 1))
    late_small = replace(BASE, claim_id="late", value=100.0, ref_date=date(2022, 1, 1))
    assert obs.outliers([early_small, big, late_small], 5e6, "naik") == {"late"}
