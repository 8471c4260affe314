"""Build the public claims database and the commands that deploy it with Datasette.

The public database holds claims (with their sentence), a link to each article (URL, title, outlet, publication time)
and the lookup tables. It holds no article bodies, revisions, raw pages or crawler state (pages, seen_urls, sources,
crawl_runs), and no rejected claims.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import sqlite_utils

from db import migrations, series
from pantau import metadata as md
from pantau import serve as srv

REPO = Path(__file__).resolve().parent.parent

LOOKUP_TABLES = ["outlets", "institutions", "people", "positions", "programs", "metrics"]
ARTICLE_COLUMNS = [
    "id", "canonical_url", "url", "outlet", "title", "published", "published_source", "modified", "authors", "tags",
    "section", "language", "word_count", "syndication_group", "first_seen",
]
# The tracker's tables (extract.target_stage), copied whole: they only hold public claim fields.
TARGET_TABLES = ["targets", "target_statements", "target_observations", "target_status_history", "target_conflicts",
                 "target_events"]
# Policy documents (docs/documents.md): their metadata, the regulations and their relations; never the page texts.
DOCUMENT_TABLES = ["documents", "regulations", "regulation_relations"]
PRIVATE_TABLES = ["pages", "seen_urls", "sources", "crawl_runs", "article_revisions", "_sqlite_migrations",
                  "corrections", "document_pages"]
PLUGINS = [
    "datasette-atom", "datasette-dashboards", "datasette-search-all", "datasette-block-robots",
    "datasette-render-markdown", "datasette-copyable", "PySastrawi",
]
DATASETTE_PIN = "datasette>=0.65.5,<0.66"
# Series views read one (metric, scope, scope_name, unit) range by date, and look earlier figures up by value.
SERIES_INDEXES = migrations.SERIES_INDEXES
PUBLIC_SETTINGS = dict(srv.SETTINGS, allow_download="on", default_cache_ttl=3600)


def published_tables() -> set[str]:
    """Every table the public database can hold."""
    return (set(LOOKUP_TABLES) | {"articles", "claims", "document_claims", series.CONFLICTS_TABLE} | set(TARGET_TABLES)
            | set(DOCUMENT_TABLES))


def _copy_table(dst: sqlite_utils.Database, src: sqlite_utils.Database, table: str, columns: list[str] | None,
                where: str = "1", keep_tables: set[str] = frozenset(), order: str = "rowid"):
    source = src[table]
    types = {c.name: c.type for c in source.columns}
    columns = [c for c in (columns or list(types)) if c in types]
    fks = [(fk.column, fk.other_table, fk.other_column) for fk in source.foreign_keys
           if fk.column in columns and fk.other_table in keep_tables]
    col_types = {c: {"TEXT": str, "INTEGER": int, "FLOAT": float, "REAL": float, "BLOB": bytes}.get(types[c].upper(), str)
                 for c in columns}
    dst[table].create(col_types, pk=source.pks[0] if len(source.pks) == 1 else tuple(source.pks), foreign_keys=fks)
    cols = ", ".join(f"[{c}]" for c in columns)
    dst.execute(f"insert into main.[{table}] ({cols}) select {cols} from src.[{table}] where {where} order by {order}")


def _copy_documents(dst: sqlite_utils.Database, src: sqlite_utils.Database, keep: set[str]):
    """Documents without crawler columns (their page texts stay behind), regulations and their relations."""
    from pantau.metadata_documents import PRIVATE_DOCUMENT_COLUMNS

    for table in DOCUMENT_TABLES:
        if table in src.table_names():
            columns = [c.name for c in src[table].columns if c.name not in PRIVATE_DOCUMENT_COLUMNS] \
                if table == "documents" else None
            _copy_table(dst, src, table, columns, keep_tables=keep)
    if dst["documents"].exists():
        dst["documents"].create_index(["kind"])
        dst["documents"].create_index(["issuer_id"])
    if dst["regulations"].exists():
        dst["regulations"].create_index(["document_id"])


ERRATA_COLUMNS = {"correction_id": int, "claim_id": str, "article_id": str, "action": str, "field": str,
                  "old_value": str, "new_value": str, "corrected_at": str, "note": str, "quote": str}


def _write_errata(dst: sqlite_utils.Database, src: sqlite_utils.Database):
    """The public errata (db.review.errata_rows): corrections field by field and removed claims, with when and why.
    Always created, so readers and the methodology page can rely on the table (empty until an editor corrects)."""
    from db.review import errata_rows

    dst["errata"].create(ERRATA_COLUMNS, pk=("correction_id", "field"))
    rows = errata_rows(src)
    if rows:
        dst["errata"].insert_all(rows)
    dst["errata"].create_index(["claim_id"])
    dst["errata"].create_index(["corrected_at"])


def build_public_db(src_db, out_db) -> dict:
    """Write the public database to `out_db` (replaced). Returns row counts per table."""
    src_db, out_db = Path(src_db), Path(out_db)
    out_db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(out_db) + suffix).unlink(missing_ok=True)
    from db import Store

    Store(src_db).close()  # the source is brought to the current schema (and its WAL checkpointed on close)
    src = sqlite_utils.Database(src_db)
    dst = sqlite_utils.Database(out_db)
    dst.execute("PRAGMA journal_mode = delete")
    dst.execute("attach database ? as src", [str(src_db)])
    keep = set(LOOKUP_TABLES) | {"articles", "claims"} | set(TARGET_TABLES) | set(DOCUMENT_TABLES)
    with dst.atomic():
        for table in LOOKUP_TABLES:
            _copy_table(dst, src, table, None, keep_tables=keep)
        _copy_documents(dst, src, keep)
        _copy_table(
            dst, src, "articles", ARTICLE_COLUMNS,
            where="coalesce(status, 'ok') != 'off_topic' or id in (select article_id from src.claims)",
            keep_tables=keep,
        )
        # statement-date order, so rowid order is chronological (search ranks among the newest matches)
        _copy_table(dst, src, "claims", None, where="coalesce(review_status, '') != 'rejected'", keep_tables=keep,
                    order="stated_on, first_seen, id")
        for table in TARGET_TABLES:
            if table in src.table_names():
                _copy_table(dst, src, table, None, keep_tables=keep)
    _write_errata(dst, src)
    dst.execute("detach database src")
    dst.create_view("document_claims", migrations.DOCUMENT_CLAIMS_VIEW, replace=True)
    # Facet columns are indexed together with the default sort (stated_on): one index serves the facet's GROUP BY
    # (covering) and a filtered table page sorted newest first (no sort step).
    for columns in (
        ["metric", "figure_date", "stated_on"], ["metric", "claim_type", "unit", "figure_date", "value"],
        ["metric", "claim_type", "stated_on"], ["person_id", "stated_on"], ["speaker", "stated_on"],
        ["institution_id", "stated_on"], ["program_id", "stated_on"], ["outlet", "stated_on"],
        ["claim_type", "stated_on"], ["confidence_band", "stated_on"], ["stated_year", "stated_on"], ["stated_month", "outlet", "stated_on"], ["stated_on"],
        ["first_seen", "id"], ["position_id"], ["article_id"], *SERIES_INDEXES,
    ):
        dst["claims"].create_index(columns)
    _index_facets(dst)
    dst["articles"].create_index(["syndication_group"])
    # copies and conflicts again over the published claims only (rejected ones are gone); adds the series indexes
    series.refresh(dst)
    dst["articles"].create_index(["outlet"])
    dst["articles"].create_index(["published"])
    dst["positions"].create_index(["person_id", "start"])
    dst["claims"].enable_fts(migrations.CLAIMS_FTS_COLUMNS, tokenize=migrations.FTS_TOKENIZE)
    dst["articles"].enable_fts(["title"], tokenize=migrations.FTS_TOKENIZE)
    dst.execute("insert into claims_fts(claims_fts) values ('optimize')")
    dst.execute("ANALYZE")
    dst.conn.commit()
    dst.vacuum()
    counts = {t: dst[t].count for t in LOOKUP_TABLES + ["articles", "claims", "errata", series.CONFLICTS_TABLE]
              + TARGET_TABLES + DOCUMENT_TABLES
              if dst[t].exists()}
    dst.close()
    src.close()
    return counts


def _index_facets(dst: sqlite_utils.Database):
    """Every claims facet of the public metadata that no index leads with gets (facet, stated_on): a facet added to the
    metadata later (e.g. source_kind) would otherwise scan the whole table on every claims page."""
    facets = md.build_metadata(scores=None, public=True)["databases"][md.DB_NAME]["tables"]["claims"]["facets"]
    columns = set(dst["claims"].columns_dict)
    leading = {index.columns[0] for index in dst["claims"].indexes if index.columns}
    for facet in facets:
        if facet in columns and facet not in leading:
            dst["claims"].create_index([facet, "stated_on"])


def _inspect(db_path: Path, inspect_file: Path):
    subprocess.run([sys.executable, "-m", "datasette", "inspect", str(db_path), "--inspect-file", str(inspect_file)],
                   check=True, capture_output=True)


def commands(out_db: Path, metadata_file: Path, plugins_dir: Path, service: str = "pantau") -> dict:
    """Deployment commands (strings) for Cloud Run, Fly and a local Docker image."""
    common = [
        "--metadata", str(metadata_file),
        "--template-dir", str(srv.TEMPLATES),
        "--plugins-dir", str(plugins_dir),
        "--install", DATASETTE_PIN,
    ]
    if srv.STATIC.is_dir():
        common += ["--static", f"static:{srv.STATIC}"]
    for plugin in PLUGINS:
        common += ["--install", plugin]
    extra = " ".join(srv.settings_args(PUBLIC_SETTINGS))
    q = shlex.join
    return {
        "cloudrun": q(["datasette", "publish", "cloudrun", str(out_db), "--service", service, *common,
                       "--extra-options", extra]),
        "fly": q(["datasette", "publish", "fly", str(out_db), "--app", service, *common, "--extra-options", extra])
        + "  # needs: pip install datasette-publish-fly",
        "package": q(["datasette", "package", str(out_db), "--tag", f"{service}:latest", *common,
                      "--extra-options", extra]),
    }


def publish(src_db, out_path) -> dict:
    """Build the public database at `out_path` (a .db file, or a folder that receives pantau.db) with its metadata,
    Datasette inspect file and standalone plugin; print and return the deployment commands."""
    out_path = Path(out_path)
    out_db = out_path / f"{md.DB_NAME}.db" if out_path.suffix != ".db" else out_path
    out_dir = out_db.parent
    counts = build_public_db(src_db, out_db)
    metadata_file = md.write_metadata(out_dir / "datasette_metadata.json", db_name=out_db.stem, public=True)
    plugins_dir = out_dir / "plugins"
    plugins_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "pantau" / "datasette_plugin.py", plugins_dir / "pantau_plugin.py")
    shutil.copy2(REPO / "pantau" / "datasette_targets.py", plugins_dir / "pantau_targets.py")
    inspect_file = out_dir / "inspect-data.json"
    _inspect(out_db, inspect_file)
    cmds = commands(out_db, metadata_file, plugins_dir)
    serve_argv = srv.datasette_command(out_db, 8001, immutable=True, metadata_path=metadata_file,
                                       settings=PUBLIC_SETTINGS) + ["--inspect-file", str(inspect_file)]
    result = {
        "db": str(out_db),
        "size_bytes": out_db.stat().st_size,
        "counts": counts,
        "metadata": str(metadata_file),
        "plugins_dir": str(plugins_dir),
        "inspect_file": str(inspect_file),
        "commands": cmds,
        "serve": shlex.join(serve_argv),
    }
    print(f"Public database: {out_db} ({result['size_bytes'] / 1e6:.1f} MB) {json.dumps(counts)}")
    print("Try it locally:\n  " + result["serve"])
    for name, command in cmds.items():
        print(f"Deploy ({name}):\n  {command}")
    return result
