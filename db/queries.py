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
  coalesce(a.title, d.title) as article_title, coalesce(a.url, d.url || '#page=' || c.page) as article_url,
  c.outlet, c.id as claim_id
from claims_fts
  join claims c on c.rowid = claims_fts.rowid
  left join articles a on a.id = c.article_id
  left join documents d on d.id = c.document_id
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


# Syndicated copies of one story (articles.syndication_group) count once: `claims.counted` is 0 for a claim with an
# earlier-stated claim of the same type, value and unit in another article of its group (computed by db/series.py
# when claims are stored and when the public database is built).
def _not_a_copy(c: str = "c") -> str:
    return f"{c}.counted = 1"


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
  c.quote, coalesce(a.title, d.title) as article_title, coalesce(a.url, d.url || '#page=' || c.page) as article_url,
  c.source_kind, c.id as claim_id
from claims c
  left join articles a on a.id = c.article_id
  left join documents d on d.id = c.document_id
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
  left join articles a on a.id = c.article_id
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
  select c.id from claims c left join articles a on a.id = c.article_id
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
  c.quote || ' (' || coalesce(o.name, c.outlet, d.issuer, '') || ', ' || coalesce(c.stated_on, '') || ': '
    || coalesce(a.title, d.title || ', p. ' || c.page, '') || ')' as atom_content,
  coalesce(a.url, d.url || '#page=' || c.page) as atom_link,
  coalesce(c.speaker, c.organization, o.name, c.outlet, 'Pantau') as atom_author_name,
  c.claim_type, c.metric, c.scope, c.value, c.unit, c.target_year, c.stated_on, c.outlet, c.id as claim_id
from recent
  join claims c on c.id = recent.id
  left join articles a on a.id = c.article_id
  left join documents d on d.id = c.document_id
  left join outlets o on o.id = c.outlet
order by c.first_seen desc, c.id desc
"""

# Conflicts inside one series (metric, scope, scope_name, unit), syndicated copies counted once, are computed when
# claims are stored and published (db/series.py: a running total that falls below an earlier figure; figures more than
# 5 % apart within 120 days from different sources); this reads them for one series.
CONFLICTING_FIGURES = f"""
select
  p.conflict, e.metric, e.scope, e.scope_name, e.unit,
  e.figure_date as earlier_date, e.value as earlier_value,
  coalesce(e.speaker, e.organization) as earlier_source, e.outlet as earlier_outlet,
  l.figure_date as later_date, l.value as later_value,
  coalesce(l.speaker, l.organization) as later_source, l.outlet as later_outlet,
  round(100.0 * (l.value - e.value) / e.value, 1) as change_pct,
  coalesce(ea.url, ed.url || '#page=' || e.page) as earlier_url, coalesce(la.url, ld.url || '#page=' || l.page)
    as later_url, e.id as earlier_claim, l.id as later_claim
from series_conflicts p
  join claims e on e.id = p.earlier_claim
  join claims l on l.id = p.later_claim
  left join articles ea on ea.id = e.article_id
  left join articles la on la.id = l.article_id
  left join documents ed on ed.id = e.document_id
  left join documents ld on ld.id = l.document_id
where p.metric = {METRIC_ID}
  and p.scope = {SCOPE}
  and (:scope_name = '' or lower(coalesce(p.scope_name, '')) = lower(trim(:scope_name)))
  and (:unit = '' or p.unit = :unit)
order by p.later_date, p.earlier_date, p.conflict
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
  from claims c left join articles a on a.id = c.article_id
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

# -- what the ministry reported beside what officials said (docs/documents.md) ---------------------------------------
# Per year of one series: the official realisation read from a performance-report table (source_kind official_report;
# of several reports for one year, the one referring to the latest date, then the latest published) beside the
# figures officials stated for the same year in news and press releases (a claim whose speaker's institution, or
# whose own institution, is part of government; syndicated copies once). Years with only one side are listed too.
GOVERNMENT_TYPES = "('ministry', 'coordinating_ministry', 'agency', 'office', 'committee', 'regulator', 'central_bank')"
OFFICIAL_VS_STATED = f"""
with s as (
  select c.id, c.value, c.figure_date, c.stated_on, c.source_kind, c.document_id, c.page, c.speaker, c.organization,
    c.institution_id, c.position_id, substr(c.figure_date, 1, 4) as year
  from claims c left join articles a on a.id = c.article_id
  where {_IN_SERIES} and c.claim_type = 'achievement' and c.figure_date is not null and {_not_a_copy()}
),
official as (
  select s.*, row_number() over (partition by year order by figure_date desc, stated_on desc, id) as rank
  from s where source_kind = 'official_report'
),
stated as (
  select s.*, row_number() over (partition by s.year order by s.figure_date desc, s.stated_on desc, s.id) as rank
  from s
    left join positions pos on pos.id = s.position_id
    left join institutions i on i.id = coalesce(pos.institution_id, s.institution_id)
  where coalesce(s.source_kind, 'media') in ('media', 'official_statement') and i.type in {GOVERNMENT_TYPES}
),
stated_year as (
  select year, count(*) as n, min(value) as low, max(value) as high,
    group_concat(distinct coalesce(speaker, organization)) as who
  from stated group by year
),
years as (select year from official union select year from stated)
select
  y.year, o.value as official_value, o.figure_date as official_as_of, d.title as official_document,
  d.url || '#page=' || o.page as official_pdf_page,
  st.n as stated_figures, st.low as stated_min, st.high as stated_max,
  l.value as stated_latest, l.figure_date as stated_latest_as_of, coalesce(l.speaker, l.organization) as stated_latest_by,
  case when o.value > 0 and l.value is not null then round(100.0 * (l.value - o.value) / o.value, 1) end
    as stated_vs_official_pct,
  st.who as stated_by, o.id as official_claim, l.id as stated_claim
from years y
  left join official o on o.year = y.year and o.rank = 1
  left join documents d on d.id = o.document_id
  left join stated_year st on st.year = y.year
  left join stated l on l.year = y.year and l.rank = 1
order by y.year
"""
CANNED["official_vs_stated"] = OFFICIAL_VS_STATED
