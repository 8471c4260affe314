"""Canned SQL for the published claims database (used by `pantau.metadata`, its dashboards and the benchmark).

Optional parameters use the `(:x = '' or col = :x)` idiom: Datasette passes '' for a parameter left empty.
"""

# Full-text search over the claim sentence and its Sastrawi-stemmed copy; the query is stemmed the same way, so
# "capai" finds "tercapai" and "pencapaian". Ranked by bm25 among the 2,000 newest matching claims (highest rowids:
# the public database stores claims in statement-date order), so a word found in most claims ("UMKM") costs the same
# as a rare one instead of ranking a million rows.
_FTS_QUERY = "coalesce(nullif(escape_fts(stem_id(:q)), ''), '\"\"')"
SEARCH_CLAIMS = f"""
select
  c.stated_on, c.claim_type, c.value_text, c.value, c.unit, c.target_year,
  c.speaker, c.organization, c.metric, c.program,
  c.quote, a.title as article_title, a.url as article_url, c.outlet, c.id as claim_id
from claims_fts
  join claims c on c.rowid = claims_fts.rowid
  join articles a on a.id = c.article_id
where claims_fts match {_FTS_QUERY}
  and claims_fts.rowid >= (
    select coalesce(min(rowid), 0) from (
      select rowid from claims_fts where claims_fts match {_FTS_QUERY} order by rowid desc limit 2000))
  and (:claim_type = '' or c.claim_type = :claim_type)
order by claims_fts.rank
limit 200
"""

# The target a figure is measured against: the latest target for the same metric and unit stated on or before the
# figure's date whose deadline year has not passed; else the earliest such target stated later.
_TARGET_FOR = """coalesce(
    (select t1.id from claims t1
      where t1.metric = c.metric and t1.claim_type = 'target' and t1.unit = c.unit
        and t1.figure_date <= c.figure_date and t1.target_year >= cast(substr(c.figure_date, 1, 4) as integer)
      order by t1.figure_date desc, t1.target_year desc limit 1),
    (select t2.id from claims t2
      where t2.metric = c.metric and t2.claim_type = 'target' and t2.unit = c.unit
        and t2.target_year >= cast(substr(c.figure_date, 1, 4) as integer)
      order by t2.figure_date, t2.target_year limit 1))"""

TARGET_TIMELINE = f"""
select
  c.figure_date, c.claim_type, c.value_text, c.value, c.unit, c.target_year,
  case when c.claim_type != 'target' and t.value > 0 then round(100.0 * c.value / t.value, 1) end as pct_of_target,
  t.value as target_value, t.target_year as target_deadline,
  c.speaker, c.speaker_title, c.organization, c.program, c.outlet, c.stated_on, c.qualifier, c.value_max,
  c.quote, a.title as article_title, a.url as article_url, c.id as claim_id
from claims c
  join articles a on a.id = c.article_id
  left join claims t on t.id = {_TARGET_FOR}
where c.metric = :metric
  and (:unit = '' or c.unit = :unit)
order by c.figure_date, c.stated_on
"""

CLAIMS_BY_PERSON = """
select
  c.stated_on, c.claim_type, c.value_text, c.value, c.unit, c.target_year, c.metric, c.subject,
  coalesce(pos.title, c.speaker_title) as role, i.name as institution, c.program,
  c.quote, a.title as article_title, a.url as article_url, c.outlet, c.id as claim_id
from claims c
  join articles a on a.id = c.article_id
  left join positions pos on pos.id = c.position_id
  left join institutions i on i.id = c.institution_id
where c.person_id = (
    select p.id from people p
    where p.id = :person or p.name = :person
       or exists (select 1 from json_each(p.variants) v where v.value = :person)
    limit 1)
  or c.speaker = :person
order by c.stated_on desc
"""

# Atom feed (datasette-atom): the newest claims, optionally for one metric, person or programme.
NEW_CLAIMS_FEED = """
with recent as (
  select id from claims
  where (:metric = '' or metric = :metric)
    and (:person = '' or person_id = :person or speaker = :person)
    and (:program = '' or program_id = :program)
  order by first_seen desc, id desc
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
  c.claim_type, c.metric, c.value, c.unit, c.target_year, c.stated_on, c.outlet, c.id as claim_id
from recent
  join claims c on c.id = recent.id
  join articles a on a.id = c.article_id
  left join outlets o on o.id = c.outlet
order by c.first_seen desc, c.id desc
"""

# Reported figures for one metric that fall below an earlier figure (same unit), or that differ by more than 5 %
# from another source's figure dated within 120 days.
CONFLICTING_FIGURES = """
with f as (
  select id, metric, unit, value, figure_date, stated_on, outlet, speaker, organization, article_id,
    max(value) over (partition by metric, unit order by figure_date, id
                     rows between unbounded preceding and 1 preceding) as earlier_max
  from claims
  where claim_type = 'achievement' and metric = :metric and figure_date is not null
),
pairs as (
  select 'falls below an earlier figure' as conflict, e.id as earlier_id, l.id as later_id
  from f l
    join claims e on e.id = (
      select f2.id from f f2
      where f2.unit = l.unit and f2.value = l.earlier_max
        and (f2.figure_date < l.figure_date or (f2.figure_date = l.figure_date and f2.id < l.id))
      order by f2.figure_date limit 1)
  where l.value < l.earlier_max
  union
  select 'differs > 5 % within 120 days' as conflict, e.id, l.id
  from f e join f l
    on l.unit = e.unit
   and l.figure_date between e.figure_date and date(e.figure_date, '+120 days')
   and l.id != e.id
   and (l.figure_date > e.figure_date or l.id > e.id)
  where (coalesce(l.outlet, '') != coalesce(e.outlet, '') or coalesce(l.organization, '') != coalesce(e.organization, ''))
    and abs(l.value - e.value) > 0.05 * max(abs(l.value), abs(e.value))
)
select
  p.conflict, e.metric, e.unit,
  e.figure_date as earlier_date, e.value as earlier_value,
  coalesce(e.speaker, e.organization) as earlier_source, e.outlet as earlier_outlet,
  l.figure_date as later_date, l.value as later_value,
  coalesce(l.speaker, l.organization) as later_source, l.outlet as later_outlet,
  round(100.0 * (l.value - e.value) / e.value, 1) as change_pct,
  ea.url as earlier_url, la.url as later_url, e.id as earlier_claim, l.id as later_claim
from pairs p
  join claims e on e.id = p.earlier_id
  join claims l on l.id = p.later_id
  join articles ea on ea.id = e.article_id
  join articles la on la.id = l.article_id
order by l.figure_date, e.figure_date
"""

# For each target of a metric (the 100 most recently stated, newest first): required monthly progress (from the
# baseline figure to the target by the end of the deadline year) against actual monthly progress (baseline to the
# latest figure before the deadline). Baseline and latest figure are each the largest figure reported in the 120 days
# up to the last figure on or before the target was stated (else the first figure) / before the deadline, so a
# regional sub-count reported the same week does not pass for national progress.
def _figure_in_window(anchor: str) -> str:
    return (
        "(select a.id from claims a where a.metric = tb0.metric and a.claim_type = 'achievement'"
        f" and a.unit = tb0.unit and a.figure_date between date({anchor}, '-120 days') and {anchor}"
        " order by a.value desc, a.figure_date desc limit 1)"
    )


_ACTUAL = "from claims a where a.metric = t.metric and a.claim_type = 'achievement' and a.unit = t.unit"
PACE_CHECK = f"""
with t as (
  select id, metric, value, unit, target_year, figure_date, stated_on, speaker, organization, quote,
    target_year || '-12-31' as deadline
  from claims
  where claim_type = 'target' and metric = :metric and target_year is not null
    and (:target_id = '' or id = :target_id)
  order by stated_on desc, id desc
  limit 100
),
tb0 as (
  select t.*,
    coalesce(
      (select max(a.figure_date) {_ACTUAL} and a.figure_date <= t.figure_date),
      (select min(a.figure_date) {_ACTUAL})) as baseline_anchor,
    (select max(a.figure_date) {_ACTUAL} and a.figure_date <= t.deadline) as latest_anchor
  from t
),
tb as (
  select tb0.*,
    {_figure_in_window("tb0.baseline_anchor")} as baseline_id,
    {_figure_in_window("tb0.latest_anchor")} as latest_id
  from tb0
),
j as (
  select tb.*, b.value as baseline_value, b.figure_date as baseline_date,
    l.value as latest_value, l.figure_date as latest_date,
    (julianday(tb.deadline) - julianday(b.figure_date)) / 30.4375 as months_baseline_to_deadline,
    (julianday(l.figure_date) - julianday(b.figure_date)) / 30.4375 as months_elapsed,
    (julianday(tb.deadline) - julianday(l.figure_date)) / 30.4375 as months_left
  from tb
    left join claims b on b.id = tb.baseline_id
    left join claims l on l.id = tb.latest_id
)
select
  id as target_claim, metric, unit, value as target_value, target_year, stated_on as target_stated_on,
  coalesce(speaker, organization) as stated_by,
  baseline_date, baseline_value, latest_date, latest_value,
  round(100.0 * latest_value / value, 1) as pct_of_target,
  round((value - baseline_value) / months_baseline_to_deadline, 0) as required_per_month,
  case when months_elapsed > 0 then round((latest_value - baseline_value) / months_elapsed, 0) end
    as actual_per_month,
  case when months_left > 0 then round((value - latest_value) / months_left, 0) end as needed_per_month_from_latest,
  case when months_elapsed > 0 then
    round(latest_value + (latest_value - baseline_value) / months_elapsed * months_left, 0) end
    as projected_at_deadline,
  case
    when latest_value is null then 'no reported figure'
    when latest_value >= value then 'reached'
    when months_elapsed is null or months_elapsed <= 0 then 'one figure only'
    when latest_value + (latest_value - baseline_value) / months_elapsed * months_left >= value then 'on pace'
    else 'behind pace'
  end as verdict,
  quote as target_quote
from j
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
