"""Canned SQL for the published claims database (used by `pantau.metadata`, its dashboards and the benchmark).

Optional parameters use the `(:x = '' or col = :x)` idiom: Datasette passes '' for a parameter left empty.
"""

# Full-text search over the claim sentence and its Sastrawi-stemmed copy; the query is stemmed the same way, so
# "capai" finds "tercapai" and "pencapaian". Results are the claims (their sentence, never the article body), newest
# statement first, among the 2,000 matches with the highest rowids (the public database stores claims in
# statement-date order), so a word found in most claims ("UMKM") costs the same as a rare one.
_FTS_QUERY = "coalesce(nullif(escape_fts(stem_id(:q)), ''), '\"\"')"
SEARCH_CLAIMS = f"""
select
  c.stated_on, c.quote, c.claim_type, c.value_text, c.value, c.unit, c.target_year,
  c.speaker, c.organization, c.metric, c.scope, c.scope_name, c.program,
  a.title as article_title, a.url as article_url, c.outlet, c.id as claim_id
from claims_fts
  join claims c on c.rowid = claims_fts.rowid
  join articles a on a.id = c.article_id
where claims_fts match {_FTS_QUERY}
  and claims_fts.rowid >= (
    select coalesce(min(rowid), 0) from (
      select rowid from claims_fts where claims_fts match {_FTS_QUERY} order by rowid desc limit 2000))
  and (:claim_type = '' or c.claim_type = :claim_type)
order by c.stated_on desc, c.id
limit 200
"""

# -- forgiving inputs ----------------------------------------------------------------------------------------------
# People, programmes and metrics are matched on their id, name or any alias, in any case ("jokowi", "TETEN",
# "umkm go online"). The same rules live in pantau/datasette_plugin.py (RESOLVE), which answers "no such person"
# instead of an empty result; keep the two in step.
PERSON_ID = """(select p.id from people p
    where lower(p.id) = lower(trim(:person)) or lower(p.name) = lower(trim(:person))
       or exists (select 1 from json_each(p.variants) v where lower(v.value) = lower(trim(:person)))
    order by p.origin = 'stub' limit 1)"""
PROGRAM_ID = """(select g.id from programs g
    where lower(g.id) = lower(trim(:program)) or lower(g.name) = lower(trim(:program))
       or exists (select 1 from json_each(g.aliases) v where lower(v.value) = lower(trim(:program)))
    limit 1)"""
METRIC_ID = """(select m.id from metrics m
    where lower(m.id) = lower(replace(trim(:metric), ' ', '_')) or lower(m.name) = lower(trim(:metric))
    limit 1)"""

# -- series: one metric, one scope ---------------------------------------------------------------------------------
# A series is keyed by (metric, scope, scope_name, unit) (docs/CONTRACTS.md): a province's, a programme's or a
# company's figure never joins the national series, and a claim whose scope is unknown (null) joins none. `scope` is
# national unless given; `scope_name` picks one region/programme when the scope is not national.
SCOPE = "coalesce(nullif(lower(trim(:scope)), ''), 'national')"
_IN_SERIES = f"""c.metric = {METRIC_ID}
  and c.scope = {SCOPE}
  and (:scope_name = '' or lower(coalesce(c.scope_name, '')) = lower(trim(:scope_name)))
  and (:unit = '' or c.unit = :unit)"""
# Same series as claim `c` (alias given), for comparisons inside a series.
def _same_series(other: str, c: str = "c") -> str:
    # `is`, not coalesce(): a national series has a null scope_name, and `is` still lets SQLite use the series index
    return (f"{other}.metric = {c}.metric and {other}.scope = {c}.scope"
            f" and {other}.scope_name is {c}.scope_name and {other}.unit = {c}.unit")


# Syndicated copies of one story (articles.syndication_group) count once: a claim is left out when an earlier-stated
# claim of the same type, value and unit sits in another article of its group.
def _not_a_copy(c: str = "c", a: str = "a") -> str:
    return f"""not exists (
    select 1 from articles a2 join claims c2 on c2.article_id = a2.id
    where a2.syndication_group = {a}.syndication_group and a2.id != {a}.id
      and c2.claim_type = {c}.claim_type and c2.value = {c}.value and c2.unit is {c}.unit
      and (c2.stated_on < {c}.stated_on or (c2.stated_on = {c}.stated_on and c2.id < {c}.id)))"""


# The target a figure is measured against: the latest target of the same series stated on or before the figure's
# date whose deadline year has not passed; else the earliest such target stated later.
_TARGET_FOR = f"""coalesce(
    (select t1.id from claims t1
      where {_same_series("t1")} and t1.claim_type = 'target'
        and t1.figure_date <= c.figure_date and t1.target_year >= cast(substr(c.figure_date, 1, 4) as integer)
      order by t1.figure_date desc, t1.target_year desc limit 1),
    (select t2.id from claims t2
      where {_same_series("t2")} and t2.claim_type = 'target'
        and t2.target_year >= cast(substr(c.figure_date, 1, 4) as integer)
      order by t2.figure_date, t2.target_year limit 1))"""

TARGET_TIMELINE = f"""
select
  c.figure_date, c.claim_type, c.value_text, c.value, c.unit, c.target_year,
  case when c.claim_type != 'target' and t.value > 0 then round(100.0 * c.value / t.value, 1) end as pct_of_target,
  t.value as target_value, t.target_year as target_deadline,
  c.speaker, c.speaker_title, c.organization, c.program, c.outlet, c.stated_on, c.qualifier, c.value_max,
  c.metric, c.scope, c.scope_name,
  c.quote, a.title as article_title, a.url as article_url, c.id as claim_id
from claims c
  join articles a on a.id = c.article_id
  left join claims t on t.id = {_TARGET_FOR}
where {_IN_SERIES}
  and c.claim_type in ('target', 'achievement')
  and {_not_a_copy()}
order by c.figure_date, c.stated_on
"""

CLAIMS_BY_PERSON = f"""
select
  c.stated_on, c.claim_type, c.value_text, c.value, c.unit, c.target_year, c.metric, c.scope, c.scope_name,
  c.subject, coalesce(pos.title, c.speaker_title) as role, i.name as institution, c.program,
  c.quote, a.title as article_title, a.url as article_url, c.outlet, c.id as claim_id
from claims c
  join articles a on a.id = c.article_id
  left join positions pos on pos.id = c.position_id
  left join institutions i on i.id = c.institution_id
where c.person_id = {PERSON_ID}
order by c.stated_on desc
"""

# Atom feed (datasette-atom): the newest claims, optionally for one person, programme or metric; a metric feed is one
# series (national unless `scope` says otherwise), and syndicated copies appear once. Rejected claims never appear;
# `reviewed=1` keeps only claims an editor verified or corrected.
NEW_CLAIMS_FEED = f"""
with recent as (
  select c.id from claims c join articles a on a.id = c.article_id
  where (:metric = '' or (c.metric = {METRIC_ID} and c.scope = {SCOPE}))
    and (:person = '' or c.person_id = {PERSON_ID})
    and (:program = '' or c.program_id = {PROGRAM_ID})
    and {_not_a_copy()}
    and coalesce(c.review_status, '') != 'rejected'
    and (coalesce(:reviewed, '') in ('', '0') or c.review_status in ('verified', 'corrected'))
  order by c.first_seen desc, c.id desc
  limit 100
)
select
  'urn:pantau:claim:' || c.id as atom_id,
  coalesce(c.speaker, c.organization, o.name, c.outlet, 'Pantau') || ': ' || c.value_text
    || coalesce(' ' || c.subject, '')
    || case when c.claim_type = 'target' and c.target_year is not null then ' (target ' || c.target_year || ')'
            else ' (' || c.claim_type || ')' end as atom_title,
  coalesce(c.first_seen, c.stated_on || 'T00:00:00+07:00') as atom_updated,
  c.quote || ' (' || coalesce(o.name, c.outlet, '') || ', ' || coalesce(c.stated_on, '') || ': ' || a.title || ')'
    as atom_content,
  a.url as atom_link,
  coalesce(c.speaker, c.organization, o.name, c.outlet, 'Pantau') as atom_author_name,
  c.claim_type, c.metric, c.scope, c.value, c.unit, c.target_year, c.stated_on, c.outlet, c.id as claim_id
from recent
  join claims c on c.id = recent.id
  join articles a on a.id = c.article_id
  left join outlets o on o.id = c.outlet
order by c.first_seen desc, c.id desc
"""

# Conflicts inside one series (metric, scope, scope_name, unit), syndicated copies counted once:
# - "falls below an earlier figure": for a cumulative metric only (a count that can only grow), a figure lower than
#   the highest figure dated before it;
# - "differs > 5 % within 120 days": a figure more than 5 % away from the closest earlier figure of another source
#   (outlet or organisation) dated within 120 days.
# Each figure is compared with one earlier figure per kind (not every pair), so the cost grows with n log n.
CONFLICTING_FIGURES = f"""
with f as (
  select c.id, c.metric, c.scope, c.scope_name, c.unit, c.value, c.figure_date, c.outlet, c.organization,
    c.article_id, a.syndication_group,
    max(c.value) over (partition by c.unit, c.scope_name order by c.figure_date, c.id
                       rows between unbounded preceding and 1 preceding) as earlier_max
  from claims c join articles a on a.id = c.article_id
  where {_IN_SERIES}
    and c.claim_type = 'achievement' and c.figure_date is not null
    and {_not_a_copy()}
),
flagged as (
  select 'falls below an earlier figure' as conflict, l.id as later_id, (
      select e.id from claims e
      where {_same_series("e", "l")} and e.claim_type = 'achievement' and e.value = l.earlier_max
        and (e.figure_date < l.figure_date or (e.figure_date = l.figure_date and e.id < l.id))
      order by e.figure_date limit 1) as earlier_id
  from f l
  where l.value < l.earlier_max and (select cumulative from metrics where id = l.metric) = 1
  union all
  select 'differs > 5 % within 120 days', l.id, (
      select e.id from claims e join articles ea on ea.id = e.article_id
      where {_same_series("e", "l")} and e.claim_type = 'achievement'
        and e.figure_date between date(l.figure_date, '-120 days') and l.figure_date
        and (e.figure_date < l.figure_date or (e.figure_date = l.figure_date and e.id < l.id))
        and (coalesce(e.outlet, '') != coalesce(l.outlet, '') or coalesce(e.organization, '') != coalesce(l.organization, ''))
        and ea.syndication_group is not l.syndication_group and {_not_a_copy("e", "ea")}
      order by e.figure_date desc, e.id desc limit 1)
  from f l
)
select
  p.conflict, e.metric, e.scope, e.scope_name, e.unit,
  e.figure_date as earlier_date, e.value as earlier_value,
  coalesce(e.speaker, e.organization) as earlier_source, e.outlet as earlier_outlet,
  l.figure_date as later_date, l.value as later_value,
  coalesce(l.speaker, l.organization) as later_source, l.outlet as later_outlet,
  round(100.0 * (l.value - e.value) / e.value, 1) as change_pct,
  ea.url as earlier_url, la.url as later_url, e.id as earlier_claim, l.id as later_claim
from flagged p
  join claims e on e.id = p.earlier_id
  join claims l on l.id = p.later_id
  join articles ea on ea.id = e.article_id
  join articles la on la.id = l.article_id
where p.conflict like 'falls%' or abs(l.value - e.value) > 0.05 * max(abs(l.value), abs(e.value))
order by l.figure_date, e.figure_date
"""

# Pace toward each target of one series (the 100 most recently stated, newest first). Pace needs a deadline (the end
# of the target year) and a baseline (the latest figure of the same series dated on or before the day the target was
# stated) and a later figure; otherwise the verdict says why it cannot be computed. A baseline already at or above
# the target means the figures do not measure what the target counts: no verdict either.
def _latest_figure(condition: str) -> str:
    return (f"(select a.id from claims a"
            f" where {_same_series('a', 't')} and a.claim_type = 'achievement' and {condition}"
            " order by a.figure_date desc, a.value desc limit 1)")


PACE_CHECK = f"""
with t as (
  select c.id, c.metric, c.scope, c.scope_name, c.value, c.unit, c.target_year, c.figure_date, c.stated_on,
    c.speaker, c.organization, c.quote, c.target_year || '-12-31' as deadline,
    (select cumulative from metrics where id = c.metric) as cumulative
  from claims c join articles a on a.id = c.article_id
  where {_IN_SERIES}
    and c.claim_type = 'target'
    and (:target_id = '' or c.id = :target_id)
    and {_not_a_copy()}
  order by c.stated_on desc, c.id desc
  limit 100
),
tb as (
  select t.*,
    {_latest_figure("a.figure_date <= t.stated_on")} as baseline_id
  from t
),
tl as (
  select t.*,
    {_latest_figure("a.figure_date <= t.deadline and a.figure_date > (select figure_date from claims where id = t.baseline_id)")}
      as latest_id
  from tb t
),
j as (
  select tl.*, b.value as baseline_value, b.figure_date as baseline_date,
    l.value as latest_value, l.figure_date as latest_date,
    (julianday(tl.deadline) - julianday(b.figure_date)) / 30.4375 as months_baseline_to_deadline,
    (julianday(l.figure_date) - julianday(b.figure_date)) / 30.4375 as months_elapsed,
    (julianday(tl.deadline) - julianday(l.figure_date)) / 30.4375 as months_left
  from tl
    left join claims b on b.id = tl.baseline_id
    left join claims l on l.id = tl.latest_id
),
v as (
  select j.*,
    case
      when target_year is null then 'cannot be computed: the target has no deadline'
      when coalesce(cumulative, 0) != 1 then 'cannot be computed: the metric is not a running total'
      when baseline_value is null then 'cannot be computed: no figure of this series before the target was stated'
      when baseline_value >= value then 'cannot be computed: the baseline already meets the target, so the figures '
        || 'do not measure what the target counts'
      when latest_value is null then 'cannot be computed: no figure after the baseline'
      when latest_value >= value then 'reached'
      when months_left <= 0 then 'not reached by the deadline'
      when latest_value + (latest_value - baseline_value) / months_elapsed * months_left >= value then 'on pace'
      else 'behind pace'
    end as verdict
  from j
)
select
  id as target_claim, metric, scope, scope_name, unit, value as target_value, target_year,
  stated_on as target_stated_on, coalesce(speaker, organization) as stated_by,
  baseline_date, baseline_value, latest_date, latest_value,
  case when verdict not like 'cannot%' then round(100.0 * latest_value / value, 1) end as pct_of_target,
  case when verdict not like 'cannot%' then round((value - baseline_value) / months_baseline_to_deadline, 0) end
    as required_per_month,
  case when verdict not like 'cannot%' then round((latest_value - baseline_value) / months_elapsed, 0) end
    as actual_per_month,
  case when verdict not like 'cannot%' and months_left > 0 then round((value - latest_value) / months_left, 0) end
    as needed_per_month_from_latest,
  case when verdict not like 'cannot%' and months_left > 0 then
    round(latest_value + (latest_value - baseline_value) / months_elapsed * months_left, 0) end
    as projected_at_deadline,
  verdict,
  quote as target_quote
from v
order by stated_on desc, id desc
"""

CANNED = {
    "search_claims": SEARCH_CLAIMS,
    "target_timeline": TARGET_TIMELINE,
    "claims_by_person": CLAIMS_BY_PERSON,
    "new_claims_feed": NEW_CLAIMS_FEED,
    "conflicting_figures": CONFLICTING_FIGURES,
    "pace_check": PACE_CHECK,
}
