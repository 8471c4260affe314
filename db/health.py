"""Source health: what each crawl + extract window produced per source, judged against the source's own history.

A *check* (:func:`check`) looks, per source, at the crawl runs and the newly extracted article pages since that
source's previous check (its *window*), adds up the figures (listing pages and how many yielded article links,
article pages, articles by site rules vs the generic fallback, missing dates/titles/authors/bodies, day-only
dates, fetch errors, blocks, robots refusals) and compares them with the source's previous windows. Each rule
that fires is a *problem* with a severity and a reason in words; the worst severity is the source's status
(``ok | degraded | broken | blocked``). Every check is a ``source_health`` row; a status that differs from the
previous one also gets a ``source_health_changes`` row (the Atom feed).

Reads only the database: the crawler writes ``crawl_runs`` (with ``listing_yield``), the extractor writes
``articles.parser``; callers may pass ``site_layouts`` (outlet -> newest layout name) so that a source without
history is still expected to extract with its site rules.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from db.store import now_iso

STATUSES = ("ok", "blocked", "degraded", "broken")  # in rising order of severity
FALLBACK_PARSER = "fallback"  # articles.parser of an article whose body no site rules produced
DAY_ONLY_SOURCES = ("url", "feed", "text")  # a published date from these is often only a day
THRESHOLDS = {
    "baseline_windows": 10,      # previous windows (with data) a window is compared with
    "problem_share": 0.5,        # share of a window's articles that makes a problem (fallback, no date ...)
    "baseline_share_max": 0.2,   # ... when that share was at most this much before
    "min_body_words": 40,        # an article with fewer words counts as missing its body
    "author_share_before": 0.7,  # authors are best-effort: only a source that usually had them can lose them
    "error_share": 0.3,          # fetch errors per request that make a source degraded
    "min_errors": 5,
}
ARTICLE_CODES = ("site_rules_lost", "dates_missing", "date_precision", "titles_missing", "bodies_missing",
                 "authors_missing")
KIND_LABELS = {"dated_index": "dated index", "rss": "RSS", "sitemap": "sitemap", "payload": "payload",
               "search": "search", "tag": "tag", "latest": "latest"}


@dataclass
class Problem:
    code: str
    severity: str  # degraded | broken | blocked
    reason: str


# -- figures of one window ------------------------------------------------------------------------------------


def _loads(text, default):
    if not text:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default


def crawl_figures(db, source: str, after_run_id: int) -> dict:
    """Sum the finished crawl runs of ``source`` with id > ``after_run_id``."""
    columns = set(db["crawl_runs"].columns_dict)
    wanted = [c for c in ("id", "started_at", "status", "requests", "listings", "listing_yield", "listing_stops",
                          "responses_by_kind", "errors_by_reason", "blocked_statuses", "robots_blocked")
              if c in columns]
    rows = db.execute(
        f"select {', '.join(wanted)} from crawl_runs where source = ? and id > ? and status != 'running' order by id",
        [source, after_run_id]).fetchall()
    figures = {"crawl_runs": 0, "crawl_status": None, "statuses": [], "requests": 0, "listing_pages": 0,
               "listing_yield": {}, "listing_pages_with_links": 0, "selector_fallbacks": 0, "article_pages": 0,
               "http_errors": 0, "errors_by_reason": Counter(), "blocks": 0, "robots_refused": 0,
               "last_crawl_run_id": after_run_id, "window_start": None, "blocked_statuses": Counter()}
    for values in rows:
        run = dict(zip(wanted, values))
        figures["crawl_runs"] += 1
        figures["crawl_status"] = run["status"]
        figures["statuses"].append((run["id"], run["status"], (run.get("started_at") or "")[:10]))
        figures["last_crawl_run_id"] = run["id"]
        figures["window_start"] = figures["window_start"] or run.get("started_at")
        figures["requests"] += run.get("requests") or 0
        figures["listing_pages"] += run.get("listings") or 0
        for kind, counts in _loads(run.get("listing_yield"), {}).items():
            merged = figures["listing_yield"].setdefault(kind, {"pages": 0, "with_links": 0, "links": 0})
            for key in merged:
                merged[key] += int(counts.get(key) or 0)
        figures["selector_fallbacks"] += int(_loads(run.get("listing_stops"), {}).get("selector_fallback") or 0)
        figures["article_pages"] += int(_loads(run.get("responses_by_kind"), {}).get("article") or 0)
        errors = _loads(run.get("errors_by_reason"), {})
        figures["errors_by_reason"].update({k: int(v) for k, v in errors.items()})
        figures["http_errors"] += sum(int(v) for v in errors.values())
        blocked = _loads(run.get("blocked_statuses"), {})
        figures["blocked_statuses"].update({k: int(v) for k, v in blocked.items()})
        figures["blocks"] += sum(int(v) for v in blocked.values())
        figures["robots_refused"] += run.get("robots_blocked") or 0
    figures["listing_pages_with_links"] = sum(y["with_links"] for y in figures["listing_yield"].values())
    return figures


def article_figures(db, source: str, after_page_id: int, after_checked_at: str | None) -> dict:
    """Article pages of ``source`` extracted since the last check (new page ids, or re-extracted later)."""
    rows = db.execute(
        """select p.id, p.fetched_at, p.extract_error, a.id, a.parser, a.title, a.published, a.published_source,
                  a.authors, a.word_count
           from pages p left join articles a on a.page_id = p.id
           where p.id in (  -- two indexed lookups (rowid range, extracted_at), never a scan of the archive
                   select id from pages where id > :page_id
                   union select id from pages where :checked_at is not null and extracted_at > :checked_at)
             and p.kind = 'article' and p.source = :source and p.extracted_at is not null
           order by p.id""",
        {"source": source, "page_id": after_page_id, "checked_at": after_checked_at}).fetchall()
    figures = {"articles": 0, "site_rules": 0, "fallback": 0, "parsers": Counter(), "missing_date": 0,
               "missing_title": 0, "missing_author": 0, "missing_body": 0, "day_only_dates": 0,
               "date_sources": Counter(), "extract_errors": Counter(), "last_page_id": after_page_id,
               "article_window_start": None}
    words = THRESHOLDS["min_body_words"]
    for page_id, fetched_at, error, article_id, parser, title, published, published_source, authors, word_count \
            in rows:
        figures["last_page_id"] = max(figures["last_page_id"], page_id)
        if article_id is None:
            if error:  # the page gave no article: no body (no_text, empty) or bad input
                figures["extract_errors"][error] += 1
                figures["missing_body"] += 1 if error in ("no_text", "empty") else 0
                figures["article_window_start"] = figures["article_window_start"] or fetched_at
            continue
        figures["article_window_start"] = figures["article_window_start"] or fetched_at
        figures["articles"] += 1
        if parser:
            figures["parsers"][parser] += 1
            figures["fallback" if parser == FALLBACK_PARSER else "site_rules"] += 1
        figures["missing_date"] += 0 if published else 1
        figures["missing_title"] += 0 if (title or "").strip() else 1
        figures["missing_author"] += 0 if _loads(authors, []) else 1
        figures["missing_body"] += 1 if (word_count or 0) < words else 0
        figures["date_sources"][published_source or "none"] += 1
        if published and published_source in DAY_ONLY_SOURCES and published[11:19] in ("", "00:00:00"):
            figures["day_only_dates"] += 1
    return figures


# -- rules ------------------------------------------------------------------------------------------------------


def _share(part, whole) -> float:
    return part / whole if whole else 0.0


def _streak(history: list[dict], code: str) -> tuple[list[dict], list[dict]]:
    """(the latest previous windows that already had this problem, the windows before them with data)."""
    streak = []
    for row in history:
        if code in row["problems"]:
            streak.append(row)
        else:
            break
    return streak, history[len(streak):][: THRESHOLDS["baseline_windows"]]


def _total(rows, key) -> int:
    return sum(int(r.get(key) or 0) for r in rows)


def _since(current: dict, streak: list[dict]) -> str:
    starts = [r.get("window_start") for r in [*streak, current] if r.get("window_start")]
    return min(starts)[:10] if starts else "?"


def _article_problem(source, current, history, code, key, of, words, *, broken_when_all=True, need_baseline=False,
                     before_max=None, extra=None) -> Problem | None:
    """A share of the window's articles (``key`` of ``of``, a tuple of counts) that was rare before."""
    streak, baseline = _streak(history, code)

    def total(rows, keys):
        return sum(_total(rows, k) for k in keys)

    n, part = total([current], of), int(current.get(key) or 0)
    if not n or _share(part, n) < THRESHOLDS["problem_share"]:
        return None
    base_n, base_part = total(baseline, of), _total(baseline, key)
    if need_baseline and not base_n:
        return None
    if base_n and _share(base_part, base_n) > (THRESHOLDS["baseline_share_max"] if before_max is None else before_max):
        return None  # it was like this before: the source's normal, not a change
    total_part, total_n = part + _total(streak, key), n + total(streak, of)
    severity = "broken" if broken_when_all and part == n and total_n >= 2 else "degraded"
    reason = f"{source}: {total_part} of {total_n} {words} since {_since(current, streak)}"
    if extra:
        reason += f"; {extra}"
    if base_n:
        reason += f" (before: {base_part} of {base_n})"
    return Problem(code, severity, reason)


def _site_rules_problem(source, current, history, site_layouts) -> Problem | None:
    code = "site_rules_lost"
    _, baseline = _streak(history, code)
    base_n = _total(baseline, "site_rules") + _total(baseline, "fallback")
    expected = (base_n and _share(_total(baseline, "site_rules"), base_n) >= 0.5) or (
        not base_n and source in (site_layouts or {}))
    if not expected:
        return None
    layouts = Counter()
    for row in baseline:
        layouts.update({k: v for k, v in row["parsers"].items() if k != FALLBACK_PARSER})
    layout = layouts.most_common(1)[0][0] if layouts else (site_layouts or {}).get(source)
    extra = f"layout {layout} no longer matches" if layout else None
    return _article_problem(source, current, history, code, "fallback", ("site_rules", "fallback"),
                            "articles extracted without site rules", before_max=0.5, extra=extra)


def _listing_problems(source, current, history) -> list[Problem]:
    problems = []
    yields = current.get("listing_yield") or {}
    if not yields:
        return problems
    all_dry = all(not y["with_links"] for y in yields.values())
    for kind, counts in sorted(yields.items()):
        if counts["with_links"] or not counts["pages"]:
            continue
        code = f"listing_no_links:{kind}"
        streak, baseline = _streak(history, code)
        base = [r["listing_yield"].get(kind) for r in baseline if r["listing_yield"].get(kind)]
        base_pages, base_links = sum(b["pages"] for b in base), sum(b["with_links"] for b in base)
        if base and not base_links:
            continue  # this listing never yielded links: nothing changed
        if not base and not all_dry:
            continue  # no history for this listing, and others work: not enough to call it
        pages = counts["pages"] + sum((r["listing_yield"].get(kind) or {}).get("pages", 0) for r in streak)
        label = KIND_LABELS.get(kind, kind)
        reason = f"{source}: 0 of {pages} {label} listing pages yielded article links since {_since(current, streak)}"
        if base:
            reason += f" (before: {base_links} of {base_pages})"
        problems.append(Problem(code, "broken" if all_dry else "degraded", reason))
    code = "listing_selector"
    streak, baseline = _streak(history, code)
    if current.get("selector_fallbacks") and not _total(baseline, "selector_fallbacks"):
        pages = current["selector_fallbacks"] + _total(streak, "selector_fallbacks")
        problems.append(Problem(code, "degraded", (
            f"{source}: the listing link selector matched nothing on {pages} listing pages since "
            f"{_since(current, streak)}; links were taken by URL pattern (listing markup changed)")))
    return problems


def _crawl_problems(source, current, history) -> list[Problem]:
    problems = []
    status = current.get("crawl_status")
    if not status:
        return problems
    run_id, _, day = current["statuses"][-1]
    if status == "blocked":
        answers = ", ".join(f"{n}× HTTP {s}" for s, n in sorted(current["blocked_statuses"].items())) or "403/429"
        problems.append(Problem("blocked", "blocked", f"{source}: blocked by the site ({answers}) in run {run_id} on "
                                                      f"{day}; stopped, not evaded"))
    elif status == "blocked_by_robots":
        problems.append(Problem("blocked", "blocked", f"{source}: robots.txt refuses the crawler "
                                                      f"({current['robots_refused']} URLs refused) in run {run_id}"))
    elif status == "unreachable":
        problems.append(Problem("crawl_failed", "broken", f"{source}: robots.txt unreachable in run {run_id} on "
                                                          f"{day}: nothing could be fetched"))
    elif status.startswith("failed"):
        problems.append(Problem("crawl_failed", "broken", f"{source}: crawl run {run_id} on {day} ended {status}"))
    requests, errors = current.get("requests") or 0, current.get("http_errors") or 0
    if errors >= THRESHOLDS["min_errors"] and _share(errors, requests) >= THRESHOLDS["error_share"]:
        streak, baseline = _streak(history, "fetch_errors")
        if _share(_total(baseline, "http_errors"), _total(baseline, "requests")) < THRESHOLDS["error_share"] / 3:
            top = ", ".join(f"{k} {v}" for k, v in current["errors_by_reason"].most_common(3))
            problems.append(Problem("fetch_errors", "degraded", f"{source}: {errors} of {requests} requests failed "
                                                                f"since {_since(current, streak)} ({top})"))
    return problems


def judge(source: str, current: dict, history: list[dict], site_layouts: dict | None = None) -> list[Problem]:
    """Every problem of ``current`` (this window's figures) against ``history`` (earlier windows, newest first)."""
    problems = _crawl_problems(source, current, history)
    if any(p.severity == "blocked" for p in problems):
        return problems  # nothing else can be judged from a crawl the site or its robots.txt stopped
    problems += _listing_problems(source, current, history)
    article_rules = [
        _site_rules_problem(source, current, history, site_layouts),
        _article_problem(source, current, history, "dates_missing", "missing_date", ("articles",),
                         "articles have no publication date"),
        _article_problem(source, current, history, "date_precision", "day_only_dates", ("articles",),
                         "articles dated only to the day, from the listing or URL", broken_when_all=False,
                         need_baseline=True, extra="the page's own date is no longer found"),
        _article_problem(source, current, history, "titles_missing", "missing_title", ("articles",),
                         "articles have no title"),
        _article_problem(source, current, history, "bodies_missing", "missing_body", ("extracted_pages",),
                         "article pages gave no article body"),
        _article_problem(source, current, history, "authors_missing", "missing_author", ("articles",),
                         "articles have no author", broken_when_all=False, need_baseline=True,
                         before_max=1 - THRESHOLDS["author_share_before"]),
    ]
    problems += [p for p in article_rules if p]
    if not current.get("extracted_pages") and history:
        # no new articles in this window: an article problem still stands until articles show otherwise
        for code, (severity, reason) in history[0]["problems"].items():
            if code in ARTICLE_CODES and not any(p.code == code for p in problems):
                problems.append(Problem(code, severity, reason))
    return problems


def status_of(problems: list[Problem]) -> str:
    return max((p.severity for p in problems), key=STATUSES.index, default="ok")


# -- recording --------------------------------------------------------------------------------------------------

JSON_COLUMNS = ("listing_yield", "parsers", "date_sources", "errors_by_reason", "problems")


def _health_rows(db, sql: str, params=()) -> list[dict]:
    """source_health rows as dicts, their JSON columns decoded."""
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    rows = []
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        for column in JSON_COLUMNS:
            row[column] = _loads(row.get(column), {})
        rows.append(row)
    return rows


def _history(db, source: str) -> list[dict]:
    return _health_rows(db, "select * from source_health where source = ? order by id desc limit 60", [source])


def sources_to_check(db) -> list[str]:
    names = {r[0] for r in db.execute("select distinct source from crawl_runs where source is not null")}
    names |= {r[0] for r in db.execute("select distinct source from pages where kind = 'article'")}
    return sorted(names)


def check(db, site_layouts: dict | None = None) -> list[dict]:
    """Record a health row for every source with new crawl runs or newly extracted pages; return the latest
    health of every source (see :func:`latest`)."""
    for source in sources_to_check(db):
        history = _history(db, source)
        previous = history[0] if history else {}
        crawl = crawl_figures(db, source, previous.get("last_crawl_run_id") or 0)
        articles = article_figures(db, source, previous.get("last_page_id") or 0, previous.get("checked_at"))
        if not crawl["crawl_runs"] and not articles["articles"] and not sum(articles["extract_errors"].values()):
            continue
        current = {**crawl, **articles}
        current["extracted_pages"] = articles["articles"] + sum(
            n for e, n in articles["extract_errors"].items() if e in ("no_text", "empty"))
        starts = [s for s in (crawl["window_start"], articles["article_window_start"]) if s]
        current["window_start"] = min(starts) if starts else None
        problems = judge(source, current, history, site_layouts)
        _record(db, source, current, problems, previous.get("status"))
    return latest(db)


def _record(db, source, current, problems, old_status):
    status = status_of(problems)
    errors = Counter(current["errors_by_reason"])
    errors.update({f"extract:{k}": v for k, v in current["extract_errors"].items()})
    row = {
        "source": source, "checked_at": now_iso(), "window_start": current["window_start"], "status": status,
        "reasons": "; ".join(p.reason for p in problems) or None,
        "problems": json.dumps({p.code: [p.severity, p.reason] for p in problems}, ensure_ascii=False),
        "crawl_runs": current["crawl_runs"], "crawl_status": current["crawl_status"],
        "last_crawl_run_id": current["last_crawl_run_id"], "last_page_id": current["last_page_id"],
        "listing_yield": json.dumps(current["listing_yield"], sort_keys=True),
        "parsers": json.dumps(dict(current["parsers"]), sort_keys=True),
        "date_sources": json.dumps(dict(current["date_sources"]), sort_keys=True),
        "errors_by_reason": json.dumps(dict(errors), sort_keys=True),
    }
    for key in ("listing_pages", "listing_pages_with_links", "selector_fallbacks", "article_pages", "articles",
                "site_rules", "fallback", "missing_date", "missing_title", "missing_author", "missing_body",
                "day_only_dates", "http_errors", "blocks", "robots_refused", "requests", "extracted_pages"):
        row[key] = int(current.get(key) or 0)
    with db.conn:
        health_id = db["source_health"].insert(row, alter=True).last_pk
        if status != (old_status or "ok"):
            db["source_health_changes"].insert({
                "source": source, "changed_at": row["checked_at"], "old_status": old_status, "new_status": status,
                "reasons": row["reasons"] or f"{source}: back to ok", "health_id": health_id})


def latest(db) -> list[dict]:
    """The newest health row of every source, with shares, oldest problems first."""
    out = _health_rows(
        db, "select h.* from source_health h join (select source, max(id) as id from source_health group by source) m"
        " on m.id = h.id order by h.source")
    for row in out:
        row["reasons"] = [reason for _, reason in row["problems"].values()]
        articles = row.get("articles") or 0
        row["shares"] = {key: round(_share(row.get(key) or 0, articles), 3) for key in (
            "fallback", "missing_date", "missing_title", "missing_author", "missing_body", "day_only_dates")}
    return out


def summary_line(row: dict) -> str:
    """One line per source for people: status, the figures that matter, then the reasons."""
    figures = (f"{row['status']:<8} listings {row.get('listing_pages_with_links') or 0}/{row.get('listing_pages') or 0}"
               f" with links, {row.get('article_pages') or 0} article pages, {row.get('articles') or 0} articles "
               f"({row.get('site_rules') or 0} site rules, {row.get('fallback') or 0} fallback), no date "
               f"{row.get('missing_date') or 0}, day-only {row.get('day_only_dates') or 0}, errors "
               f"{row.get('http_errors') or 0}, blocks {row.get('blocks') or 0}, robots {row.get('robots_refused') or 0}")
    line = f"{row['source']:<13} {figures} (checked {str(row.get('checked_at'))[:16]})"
    if row["reasons"]:
        line += " — " + " | ".join(row["reasons"])
    return line


# The Atom feed of status changes (datasette-atom columns), a canned query over source_health_changes. A feed must
# have an entry (datasette-atom fails on none), so before the first change it says that there is none yet.
SOURCE_HEALTH_FEED = """
with changes as (
  select
    'urn:pantau:source-health:' || c.id as atom_id,
    c.source || ': ' || coalesce(c.old_status, 'new') || ' -> ' || c.new_status as atom_title,
    c.changed_at as atom_updated,
    coalesce(c.reasons, c.source || ': ok') as atom_content,
    c.source, c.old_status, c.new_status, c.changed_at, c.health_id
  from source_health_changes c
  where (:source = '' or c.source = :source)
  order by c.id desc
  limit 200
)
select * from changes
union all
select 'urn:pantau:source-health:none', 'No source health changes yet',
  coalesce((select max(checked_at) from source_health), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  'Every source checked so far has kept its first status (see the source_health table).',
  nullif(:source, ''), null, null, null, null
where not exists (select 1 from changes)
"""
