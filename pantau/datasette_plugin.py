"""Pantau's Datasette plugin (entry point `pantau`).

Standalone on purpose: `pantau publish` copies this file into a `--plugins-dir`, so it imports nothing from Pantau.

- `stem_id(text)` SQL function: Sastrawi-stemmed, lower-cased copy of Indonesian text, used by the `search_claims`
  canned query against the stemmed `quote_stem` column ("capai" finds "tercapai", "pencapaian").
- Numbers in Indonesian form wherever a person reads them ("13,7 juta", "Rp1.100 triliun", "25 persen"): the
  `id_number` template filter and HTML table cells of claims and canned queries. JSON and CSV keep the raw values.
- The claim page (`pantau/templates/row.html`, `_claim_citation.html`) and the home page's coverage (`pantau/templates/index.html`)
  get their data from `extra_template_vars`.
- Forgiving inputs: canned queries and feeds take a person, programme or metric by id, name or alias in any case;
  a value that matches nothing answers HTTP 404 "no such person" instead of an empty result, and the forms offer
  the known values as a list.
- "Search" means searching claims: `/-/search` (datasette-search-all, which would list article bodies) goes to the
  `search_claims` query, which shows sentences, newest first.
- A "Methodology" entry in the navigation menu of every page.
- Internal columns (the table's `hidden_columns` plugin config) are left out of HTML table pages
  (`pantau/templates/_table.html`) unless asked for; JSON and CSV keep them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from markupsafe import Markup, escape

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    except ImportError:  # degrade to lower-casing rather than breaking every query
        return None
    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=4096)
def stem_id(text):
    if text is None:
        return None
    text = str(text)
    stemmer = _stemmer()
    if stemmer is None:
        return " ".join(_WORD.findall(text.lower()))
    return stemmer.stem(text)


@hookimpl
def prepare_connection(conn):
    conn.create_function("stem_id", 1, stem_id, deterministic=True)


@hookimpl
def menu_links(datasette, actor, request):
    return [{"href": datasette.urls.path("/methodology"), "label": "Methodology"}]


# -- numbers in Indonesian form -------------------------------------------------------------------------------------

_SCALES = ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta"))
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def _decimal_id(number: float, places: int = 2) -> str:
    """1100.5 -> "1.100,5": dot groups thousands, comma marks decimals, no trailing zeros."""
    text = f"{number:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def id_number(value, unit=None) -> str:
    """A number as an Indonesian reader writes it: 13700000 -> "13,7 juta", 1.1e15 rupiah -> "Rp1.100 triliun",
    25 persen -> "25 persen", 45000 -> "45.000". Anything that is not a number comes back unchanged."""
    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    text = _decimal_id(number)
    for scale, word in _SCALES:
        if abs(number) >= scale:
            text = f"{_decimal_id(number / scale)} {word}"
            break
    unit = (unit or "").strip()
    if unit.lower() == "rupiah":
        return "Rp" + text
    if unit.upper() == "USD":
        return "US$" + text
    if unit.lower() in ("persen", "%"):
        return text + " persen"
    return text


def id_date(value) -> str:
    """"2021-08-03" -> "3 Agustus 2021" (a month or year alone stays as short)."""
    text = str(value or "")
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not match:
        return text
    year, month, day = match.groups()
    if not month or not 1 <= int(month) <= 12:
        return year
    words = f"{MONTHS[int(month) - 1]} {year}"
    return f"{int(day)} {words}" if day else words


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["id_number"] = id_number
    env.filters["id_date"] = id_date


# Columns of claims and of the canned queries that hold a figure, and those that hold a claim id.
NUMBER_COLUMNS = {"value", "value_max", "target_value", "earlier_value", "later_value", "baseline_value",
                  "latest_value", "required_per_month", "actual_per_month", "needed_per_month_from_latest",
                  "projected_at_deadline"}
CLAIM_ID_COLUMNS = {"claim_id", "target_claim", "earlier_claim", "later_claim"}


def _row_unit(row):
    try:
        return row["unit"]
    except (KeyError, IndexError, TypeError):
        return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if table not in (None, "claims") or value is None:
        return None
    if column in NUMBER_COLUMNS and isinstance(value, (int, float)):
        return id_number(value, _row_unit(row))
    if table is None and column in CLAIM_ID_COLUMNS and isinstance(value, str) and value:
        url = datasette.urls.row(database, "claims", value)
        return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
    return None


# -- data for the claim page and the home page ----------------------------------------------------------------------

CLAIM_PAGE_SQL = """
select c.*, a.title as article_title, a.url as article_url, a.canonical_url as article_canonical_url,
  a.published as article_published, o.name as outlet_name, p.name as person_name, pos.title as position_title,
  i.name as institution_name, g.name as program_name, m.name as metric_name{document_columns}
from claims c{document_join}
  left join articles a on a.id = c.article_id
  left join outlets o on o.id = c.outlet
  left join people p on p.id = c.person_id
  left join positions pos on pos.id = c.position_id
  left join institutions i on i.id = c.institution_id
  left join programs g on g.id = c.program_id
  left join metrics m on m.id = c.metric
where c.id = :id
"""
# A claim read from a policy document (no article) cites the PDF at its page instead.
DOCUMENT_COLUMNS = (", d.title as document_title, d.url || '#page=' || c.page as document_page_url, d.kind as "
                    "document_kind, d.issuer as document_issuer")
DOCUMENT_JOIN = "\n  left join documents d on d.id = c.document_id"


# The targets a claim states (target_statements) or reports a figure toward (target_observations), from the tracker.
CLAIM_TARGETS_SQL = """
select t.target_id, t.summary, t.status, 'statement' as kind, s.role as detail, 0 as rank
from target_statements s join targets t on t.target_id = s.target_id where s.claim_id = :id
union all
select t.target_id, t.summary, t.status, 'figure', case when o.counts then null else 'not counted' end, 1
from target_observations o join targets t on t.target_id = o.target_id where o.claim_id = :id
order by 6, 1
"""


def highlight(quote: str | None, value_text: str | None) -> Markup:
    """The sentence, HTML-escaped, with the words the figure was read from in <mark>."""
    quote = quote or ""
    if value_text and value_text in quote:
        start = quote.index(value_text)
        return (escape(quote[:start]) + Markup("<mark>") + escape(value_text) + Markup("</mark>")
                + escape(quote[start + len(value_text):]))
    return escape(quote)


async def _claim_for_page(datasette, database, request) -> dict | None:
    from datasette.utils import tilde_decode

    claim_id = tilde_decode(request.url_vars.get("pks", ""))
    db = datasette.get_database(database)
    has_documents = await _table_exists(db, "documents")
    sql = CLAIM_PAGE_SQL.format(document_columns=DOCUMENT_COLUMNS if has_documents else "",
                                document_join=DOCUMENT_JOIN if has_documents else "")
    found = (await db.execute(sql, {"id": claim_id})).first()
    if found is None:
        return None
    claim = dict(found)
    claim["quote_html"] = highlight(claim.get("quote"), claim.get("value_text"))
    if await _table_exists(db, "errata"):  # the public build: what editors corrected in this claim (docs/review.md)
        claim["errata"] = [dict(r) for r in await db.execute(
            "select field, old_value, new_value, corrected_at, note from errata where claim_id = :id "
            "order by correction_id, field", {"id": claim_id})]
    claim["value_id"] = id_number(claim.get("value"), claim.get("unit"))
    if claim.get("unit") and claim["unit"].lower() not in ("rupiah", "usd", "persen", "%"):
        claim["value_id"] += " " + claim["unit"]
    claim["targets"] = []
    if await _table_exists(db, "target_statements") and await _table_exists(db, "target_observations"):
        claim["targets"] = [
            dict(r, status_label=(r["status"] or "").replace("_", " "),
                 summary=re.sub(r"^Target\s+", "", r["summary"] or r["target_id"]))  # shown after "Target: "
            for r in await db.execute(CLAIM_TARGETS_SQL, {"id": claim_id})]
    return claim


async def _table_exists(db, name: str) -> bool:
    return name in await db.table_names()


async def coverage(datasette, database: str) -> dict:
    """What the data covers: claim and article counts, statement dates, outlets and the latest crawl."""
    db = datasette.get_database(database)
    if not await _table_exists(db, "claims"):
        return {}
    first = (await db.execute(
        "select (select count(*) from claims where article_id is not null) as claims, "
        "(select count(*) from articles where id in "
        "(select article_id from claims)) as articles, (select min(stated_on) from claims) as first, "
        "(select max(stated_on) from claims) as last")).first()
    outlets = [dict(r) for r in await db.execute(
        "select o.id, coalesce(o.name, o.id) as name from outlets o where o.id in (select distinct outlet from claims) "
        "order by name")]
    if await _table_exists(db, "crawl_runs"):
        last = (await db.execute("select max(finished_at) from crawl_runs")).first()[0]
        last_label = "last crawl"
    else:
        last = (await db.execute("select max(first_seen) from articles")).first()[0]
        last_label = "newest article added"
    documents = {}
    if await _table_exists(db, "documents"):  # policy documents: counted apart from the news claims
        documents = dict((await db.execute(
            "select (select count(*) from documents) as documents, (select count(*) from claims where document_id "
            "is not null) as figures")).first())
    return {"claims": first["claims"], "articles": first["articles"], "first": first["first"],
            "last": first["last"], "outlets": outlets, "last_update": last, "last_update_label": last_label,
            "documents": documents.get("documents"), "document_figures": documents.get("figures")}


def hidden_columns(datasette, database: str, table: str, request) -> list[str]:
    """Columns the table page leaves out (the table's `hidden_columns` plugin config), unless the reader asked for
    columns: ?_all_columns=1, or Datasette's ?_col= / ?_nocol=."""
    if any(request.args.get(arg) is not None for arg in ("_all_columns", "_col", "_nocol")):
        return []
    config = datasette.plugin_config("pantau", database=database, table=table) or {}
    return list(config.get("hidden_columns") or [])


def _main_database(datasette) -> str | None:
    names = [name for name in datasette.databases if name != "_internal"]
    return "pantau" if "pantau" in names else (names[0] if names else None)


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    """Instance metadata for templates that do not get it (custom pages, the footer everywhere), the claim shown on
    a claim page and the coverage shown on the home page."""

    async def inner():
        keys = ("title", "description_html", "license", "license_url", "source", "source_url", "about", "about_url")
        main = _main_database(datasette)
        out = {
            "pantau_instance": {key: datasette.metadata(key) for key in keys},
            "pantau_db": main or "pantau",
        }
        if view_name == "row" and table == "claims" and request is not None:
            out["pantau_claim"] = await _claim_for_page(datasette, database, request)
        if view_name == "index" and main:
            out["pantau_coverage"] = await coverage(datasette, main)
        if view_name == "table" and table and request is not None:
            out["pantau_hidden_columns"] = hidden_columns(datasette, database, table, request)
        return out

    return inner


# -- forgiving inputs -------------------------------------------------------------------------------------------------
# Parameter -> (table, what to call it, SQL finding the id). Same rules as db/queries.py (PERSON_ID, PROGRAM_ID,
# METRIC_ID): id, name or alias, any case.
RESOLVE = {
    "person": ("people", "person", "select p.id from people p where lower(p.id) = lower(trim(:v)) "
               "or lower(p.name) = lower(trim(:v)) or exists (select 1 from json_each(p.variants) x "
               "where lower(x.value) = lower(trim(:v))) limit 1"),
    "program": ("programs", "programme", "select g.id from programs g where lower(g.id) = lower(trim(:v)) "
                "or lower(g.name) = lower(trim(:v)) or exists (select 1 from json_each(g.aliases) x "
                "where lower(x.value) = lower(trim(:v))) limit 1"),
    "metric": ("metrics", "metric", "select m.id from metrics m where lower(m.id) = lower(replace(trim(:v), ' ', '_')) "
               "or lower(m.name) = lower(trim(:v)) limit 1"),
}
SUGGEST_SQL = ("select id, name from [{table}] where origin is not 'stub' and (lower(id) like :like or lower(name) like "
               ":like) order by name limit 8")
_QUERY_PATH = re.compile(r"^/(?P<db>[^/]+)/(?P<query>[^/.]+)(?:\.(?P<format>\w+))?$")


async def unresolved(datasette, database: str, params: dict) -> tuple[str, str, list] | None:
    """(param, message, suggestions) for the first person/programme/metric parameter that matches nothing."""
    db = datasette.get_database(database)
    for param, (table, label, sql) in RESOLVE.items():
        value = (params.get(param) or "").strip()
        if not value or not await _table_exists(db, table):
            continue
        if (await db.execute(sql, {"v": value})).first() is None:
            words = value.lower().split()
            like = "%" + (max(words, key=len) if words else value.lower())[:12] + "%"
            suggestions = [dict(r) for r in await db.execute(SUGGEST_SQL.format(table=table), {"like": like})]
            return param, f"No such {label}: \u201c{value}\u201d.", suggestions
    return None


def _not_found_html(message: str, param: str, suggestions: list, path: str, params: dict) -> str:
    items = "".join(
        f'<li><a href="{escape(path)}?{escape(urlencode({**params, param: s["id"]}))}">{escape(s["name"])}</a> '
        f'<code>{escape(s["id"])}</code></li>' for s in suggestions)
    hint = f"<p>Did you mean:</p><ul>{items}</ul>" if items else ""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(message)}</title>'
            f'<link rel="stylesheet" href="/-/static/app.css"></head><body><section class="content">'
            f'<h1>{escape(message)}</h1><p>Names, ids and aliases are matched in any case (for example '
            f'<code>jokowi</code> or <code>teten</code>).</p>{hint}<p><a href="{escape(path)}">Back to the form</a>'
            f'</p></section></body></html>')


def _empty_feed(path: str) -> str:
    """A valid Atom feed without entries (datasette-atom answers HTTP 500 when a feed query returns no rows)."""
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    return ("<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            f"<id>urn:pantau:feed:{escape(path)}</id><title>{escape(path)}: no entries yet</title>"
            f"<updated>{now}</updated></feed>\n")


async def _feed_or_empty(app, scope, receive, send, datasette, path: str, params: dict):
    """Run an Atom feed; if it fails because its query returned no rows, answer an empty feed instead."""
    failed = []

    async def watch(message):
        if message["type"] == "http.response.start" and message["status"] == 500:
            failed.append(True)
        if not failed:
            await send(message)

    await app(scope, receive, watch)
    if not failed:
        return
    response = await datasette.client.get(path[: -len(".atom")] + ".json?" + urlencode({**params, "_shape": "array"}))
    if response.status_code == 200 and response.json() == []:
        return await _send(send, 200, "application/atom+xml; charset=utf-8", _empty_feed(path))
    return await _send(send, 500, "text/plain; charset=utf-8", "The feed could not be built.")


async def _send(send, status: int, content_type: str, body: str, headers=()):
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", content_type.encode()), *headers]})
    await send({"type": "http.response.body", "body": body.encode("utf-8")})


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def pantau_inputs(scope, receive, send):
            if scope.get("type") != "http" or scope.get("method") not in ("GET", "HEAD"):
                return await app(scope, receive, send)
            path = scope.get("path", "")
            params = dict(parse_qsl(scope.get("query_string", b"").decode("utf-8", "replace")))
            if path == "/-/search":
                main = _main_database(datasette)
                if main:
                    target = datasette.urls.path(f"/{main}/search_claims") + "?" + urlencode({"q": params.get("q", "")})
                    return await _send(send, 302, "text/plain", "", [(b"location", target.encode())])
            match = _QUERY_PATH.match(path)
            if match and match["format"] == "atom" and match["db"] in datasette.databases:
                missing = await unresolved(datasette, match["db"], params) if set(params) & set(RESOLVE) else None
                if missing is None:
                    return await _feed_or_empty(app, scope, receive, send, datasette, path, params)
            if match and set(params) & set(RESOLVE) and match["db"] in datasette.databases:
                canned = await datasette.get_canned_query(match["db"], match["query"], None)
                if canned is not None:
                    missing = await unresolved(datasette, match["db"], params)
                    if missing:
                        param, message, suggestions = missing
                        if match["format"] in ("json", "atom", "csv"):
                            body = json.dumps({"ok": False, "status": 404, "error": message, "title": "Not found",
                                               "suggestions": suggestions}, ensure_ascii=False)
                            return await _send(send, 404, "application/json; charset=utf-8", body)
                        html = _not_found_html(message, param, suggestions, path, params)
                        return await _send(send, 404, "text/html; charset=utf-8", html)
            return await app(scope, receive, send)

        return pantau_inputs

    return wrap


# -- forms: choose from lists, plain labels ---------------------------------------------------------------------------

LIST_SQL = {
    "person": "select id, name from people where origin is not 'stub' and id in (select person_id from claims) "
              "order by name",
    "program": "select id, name from programs where origin is not 'stub' and id in (select program_id from claims) "
               "order by name",
    "metric": "select id, name from metrics where id in (select metric from claims) order by name",
    "scope": "select distinct scope as id, scope as name from claims where scope is not null order by scope",
}
BUTTON_LABELS = {"search_claims": "Search"}


@hookimpl
def extra_body_script(template, database, view_name, request, datasette):
    """On a canned query's form: the known people, programmes, metrics and scopes as <datalist>s for their inputs,
    and a plain button label instead of "Run SQL"."""
    if template != "query.html" or not database or request is None:
        return None

    async def inner():
        query = request.url_vars.get("table") or request.path.rstrip("/").split("/")[-1].split(".")[0]
        db = datasette.get_database(database)
        lists = {}
        for param, sql in LIST_SQL.items():
            try:
                lists[param] = [[r["id"], r["name"]] for r in await db.execute(sql)]
            except sqlite3.OperationalError:  # a database without that table (or column): no list for this input
                continue
        label = BUTTON_LABELS.get(query, "Show")
        return (
            "(function(){var lists=" + json.dumps(lists, ensure_ascii=False) + ";"
            "var form=document.querySelector('form.sql');if(!form)return;"
            "var button=form.querySelector('input[type=submit]');if(button)button.value=" + json.dumps(label) + ";"
            "Object.keys(lists).forEach(function(name){var input=form.querySelector('input[name='+name+']');"
            "if(!input)return;var list=document.createElement('datalist');list.id='pantau-list-'+name;"
            "lists[name].forEach(function(item){var o=document.createElement('option');o.value=item[0];"
            "o.label=item[1];list.appendChild(o);});form.appendChild(list);input.setAttribute('list',list.id);});"
            "})();"
        )

    return inner
