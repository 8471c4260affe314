"""Datasette metadata for the claims database, generated from code.

`pantau metadata` calls `write_metadata(path)`; the committed `datasette_metadata.json` must equal
`build_metadata()` (a test fails when it differs). 0.65 format: one file carries descriptions, facets, canned queries
and plugin configuration. Nothing here depends on the clock, so regeneration is reproducible.

This module assembles the file; its parts live beside it: table and column descriptions (`metadata_columns`),
canned queries and dashboards (`metadata_queries`), the target tracker (`metadata_targets`), policy documents
(`metadata_documents`), operations (`ops_metadata`) and the review queue (`review_metadata`).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from db import series
from pantau import metadata_documents
from pantau.metadata_columns import (  # noqa: F401 - CLAIM_HIDDEN_COLUMNS and HIDDEN are read as pantau.metadata.*
    ARTICLE_COLUMNS,
    CLAIM_COLUMNS,
    CLAIM_FACETS,
    CLAIM_HIDDEN_COLUMNS,
    CRAWLER_TABLES,
    HIDDEN,
    LOOKUP_TABLES,
)
from pantau.metadata_queries import METHODOLOGY_URL, _dashboards, _queries
from pantau.metadata_targets import add_target_metadata
from pantau.ops_metadata import add_ops_metadata
from pantau.review_metadata import add_review_metadata

REPO = Path(__file__).resolve().parent.parent
METADATA_FILE = REPO / "datasette_metadata.json"
EVAL_SCORES = REPO / "nlp_models" / "eval_scores.json"
DB_NAME = "pantau"

# -- accuracy -----------------------------------------------------------------------------------------------------


def load_eval_scores(path: Path | None = None) -> dict | None:
    path = Path(path) if path else EVAL_SCORES
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data else None


def _fmt(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}" if value <= 1.0 else f"{value:.1f}"
    return html.escape(str(value))


def _pct(value) -> str:
    return f"{100 * value:.0f} %" if isinstance(value, (int, float)) and value <= 1 else _fmt(value)


def _looks_like_result(data) -> bool:
    return isinstance(data, dict) and ("strict" in data or "precision" in data or "f1" in data)


def _summarise(result: dict) -> str:
    """One sentence from an `extract.claim_eval.evaluate()` result (or a flat precision/recall/f1 dict)."""
    strict = result.get("strict") if isinstance(result.get("strict"), dict) else result
    parts = [f"{name} {_pct(strict[key])}" for key, name in (("precision", "precision"), ("recall", "recall"),
                                                               ("f1", "F1")) if strict.get(key) is not None]
    extras = [("speaker_accuracy", "speaker right"), ("core_recall", "recall on core claims"),
              ("target_year_accuracy", "target year right")]
    parts += [f"{name} {_pct(result[key])}" for key, name in extras if result.get(key) is not None]
    lenient = result.get("lenient")
    if isinstance(lenient, dict) and lenient.get("f1") is not None:
        parts.append(f"F1 counting only target vs non-target {_pct(lenient['f1'])}")
    if result.get("gold") is not None:
        parts.append(f"{_fmt(result['gold'])} gold claims" + (
            f" in {_fmt(result['articles'])} articles" if result.get("articles") is not None else ""))
    return ", ".join(html.escape(p) for p in parts)


def accuracy_html(scores: dict | None) -> str:
    if not scores:
        return "<p><strong>Accuracy:</strong> not yet measured.</p>"
    if _looks_like_result(scores):
        body = _summarise(scores)
    elif any(_looks_like_result(v) for v in scores.values()):
        body = "; ".join(f"{html.escape(str(k))}: {_summarise(v)}" for k, v in scores.items() if _looks_like_result(v))
    else:
        body = "; ".join(f"{html.escape(str(k).replace('_', ' '))} {_fmt(v)}" for k, v in scores.items()
                         if isinstance(v, (int, float, str)) and not isinstance(v, bool))
    return (
        "<p><strong>Measured accuracy</strong> (claims matched one-to-one to hand-annotated gold claims: same value "
        "within 1 %, same type, same deadline year for targets): " + body + ".</p>"
    )


def description_html(scores: dict | None, db: str = DB_NAME) -> str:
    return (
        "<p>Every number stated in Indonesian news about UMKM (micro, small and medium enterprise) digitalisation "
        "&mdash; targets, reported achievements, budgets and context statistics &mdash; as a sourced claim: who said "
        "which number, when, in which role, and in which article.</p>"
        "<p><strong>Claims are extracted automatically</strong> from the article text by rules and a spaCy pipeline, "
        "not checked by hand (see <code>review_status</code>). Every claim keeps the verbatim sentence and a link to "
        "the article: verify before you quote.</p>"
        + accuracy_html(scores)
        + f'<p>How it works, limits and definitions: <a href="{METHODOLOGY_URL}">methodology</a>. '
        f'Start with <a href="/{db}/search_claims">search</a>, the '
        f'<a href="/{db}/target_timeline?metric=umkm_onboarded_digital&amp;unit=UMKM">UMKM-digital target timeline</a>'
        ' or the <a href="/-/dashboards/umkm-digital">dashboard</a>.</p>'
    )


# -- the whole file -----------------------------------------------------------------------------------------------


def build_metadata(db_name: str = DB_NAME, scores: dict | None | bool = True, public: bool = False) -> dict:
    """The metadata dict. `scores=True` reads nlp_models/eval_scores.json when present. `public=True`: for the
    database `pantau publish` writes (no crawler tables, articles without body or status)."""
    if scores is True:
        scores = load_eval_scores()
    tables = {
        "claims": {
            "description": "One row per number stated in an article: a target, a reported achievement, a budget or a "
            "context statistic, with the sentence it comes from and who said it. Extracted automatically.",
            "columns": CLAIM_COLUMNS,
            "facets": CLAIM_FACETS,
            "sort_desc": "stated_on",
            "sortable_columns": ["stated_on", "figure_date", "value", "target_year", "claim_type", "speaker", "metric",
                                 "outlet", "stated_year", "stated_month", "confidence", "first_seen"],
            "fts_table": "claims_fts",
            "label_column": "value_text",
            "size": 50,
            "plugins": {"pantau": {"hidden_columns": CLAIM_HIDDEN_COLUMNS}},
        },
        "articles": {
            "description": "News articles that claims were extracted from (title, URL, outlet, publication time).",
            "columns": ARTICLE_COLUMNS,
            "facets": ["outlet", "status"],
            "sort_desc": "published",
            "label_column": "title",
            "fts_table": "articles_fts",
        },
    }
    for name, (description, columns) in LOOKUP_TABLES.items():
        tables[name] = {"description": description, "columns": columns, "label_column": "name"}
    tables["positions"]["label_column"] = "title"
    tables["positions"]["facets"] = ["institution_id"]
    tables["positions"]["sort_desc"] = "start"
    tables["institutions"]["facets"] = ["type"]
    tables["programs"]["facets"] = ["kind", "lead_id"]
    tables["metrics"]["facets"] = ["series"]
    for name, (description, columns) in CRAWLER_TABLES.items():
        tables[name] = {"description": description, "columns": columns}
    tables["crawl_runs"]["sort_desc"] = "id"
    tables["crawl_runs"]["facets"] = ["source", "status"]
    for name in ("pages", "seen_urls", "sources"):
        tables[name]["hidden"] = True
    for name in HIDDEN:
        tables[name] = {"hidden": True}
    tables[series.CONFLICTS_TABLE] = {"hidden": True, "description": "Conflicts inside each series, computed when "
                                      "claims are stored and published (db/series.py); read them with the "
                                      "conflicting_figures query."}
    queries = _queries(db_name)
    add_target_metadata(tables, queries)
    add_ops_metadata(tables, queries, public=public)
    _add_documents(tables, queries, public)
    add_review_metadata(tables, queries, public=public)
    if public:
        tables = public_tables(tables)
        queries = public_queries(queries)

    return {
        "title": "Pantau: who promised how many digital UMKM?",
        "description_html": description_html(scores, db_name),
        "license": "CC BY 4.0 (extracted data; article text remains the publishers')",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "source": "Indonesian online news (Kompas, Liputan6, Republika, Detik, CNN Indonesia, Antara, Tempo, "
        "Katadata, Bisnis, Kontan, Okezone, Tribunnews)",
        "source_url": METHODOLOGY_URL + "#sources",
        "about": "Methodology",
        "about_url": METHODOLOGY_URL,
        "extra_css_urls": ["/static/pantau.css"],
        "databases": {
            db_name: {
                "description": "Claims database: claims, the articles they come from, and the gazetteer lookup "
                "tables (people, positions, institutions, programmes, metrics, outlets).",
                "tables": tables,
                "queries": queries,
            }
        },
        "plugins": {
            "datasette-block-robots": {"literal": "User-agent: *\nDisallow: /*?\nDisallow: /*.json\n"
                                       "Disallow: /*.csv\nDisallow: /-/\n"},
            "datasette-render-markdown": {"columns": ["definition"]},
            "datasette-dashboards": _dashboards(db_name),
        },
    }


def _tables_read(sql: str) -> set[str]:
    """Tables a query reads (names after FROM/JOIN that are not its own CTEs or table-valued functions)."""
    import re

    named = {m.lower() for m in re.findall(r"(?i)\b(\w+)\s+as\s*\(", sql)}
    read = {m.lower() for m in re.findall(r"(?i)\b(?:from|join)\s+\[?(\w+)\]?(?![\w(])(?!\s*\()", sql)}
    return read - named


def public_queries(queries: dict) -> dict:
    """Canned queries for the public build: only those whose tables `pantau.publish` copies (a query over crawler
    or health tables would answer HTTP 400 there)."""
    from pantau.publish import published_tables

    public = published_tables() | {f"{t}_fts" for t in published_tables()}
    return {name: q for name, q in queries.items() if _tables_read(q["sql"]) <= public}
def _add_documents(tables: dict, queries: dict, public: bool):
    """Policy documents (pantau/metadata_documents.py): the claim columns they add, their tables, the document_claims
    view and the official_vs_stated query; the public build has no page texts or crawler columns."""
    tables["claims"]["columns"] = {**metadata_documents.CLAIM_COLUMNS, **tables["claims"]["columns"]}
    tables["articles"]["columns"] = {**tables["articles"]["columns"], **metadata_documents.ARTICLE_COLUMNS}
    if "source_kind" not in tables["claims"]["facets"]:
        tables["claims"]["facets"] = tables["claims"]["facets"] + ["source_kind"]
    tables.update(metadata_documents.public_document_tables() if public else metadata_documents.document_tables())
    tables.update(metadata_documents.document_view())
    queries.update(metadata_documents.document_queries())
    for table, columns in metadata_documents.TARGET_COLUMNS.items():
        tables[table]["columns"] = {**tables[table]["columns"], **columns}


def public_tables(tables: dict) -> dict:
    """Table metadata for the public build: only what `pantau.publish` copies, so no facet or column names a column
    that is not there (a facet on a missing column answers HTTP 400)."""
    from pantau.publish import ARTICLE_COLUMNS as PUBLIC_ARTICLE_COLUMNS, PRIVATE_TABLES

    tables = {name: dict(meta) for name, meta in tables.items() if name not in PRIVATE_TABLES}
    articles = tables["articles"]
    articles["columns"] = {k: v for k, v in articles["columns"].items() if k in PUBLIC_ARTICLE_COLUMNS}
    articles["facets"] = [f for f in articles.get("facets", []) if f in PUBLIC_ARTICLE_COLUMNS]
    articles["description"] = ("News articles that claims were extracted from: title, URL, outlet, publication "
                               "time (the article text stays with the publisher).")
    return tables


def render(metadata: dict | None = None) -> str:
    return json.dumps(metadata if metadata is not None else build_metadata(), indent=2, ensure_ascii=False) + "\n"


def write_metadata(path: str | Path = METADATA_FILE, db_name: str = DB_NAME, public: bool = False) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(build_metadata(db_name, public=public)), encoding="utf-8")
    return path
