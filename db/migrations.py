"""Schema of the Pantau database, as an ordered list of sqlite-utils migrations.

Add a new function at the end to change the schema; never edit one that has shipped.
"""

from sqlite_utils import Database, Migrations

migrations = Migrations("pantau")


@migrations()
def m001_crawl_tables(db: Database):
    db["sources"].create(
        {"name": str, "label": str, "hosts": str, "methods": str, "needs_js": str, "notes": str},
        pk="name",
    )
    db["crawl_runs"].create(
        {
            "id": int,
            "source": str,
            "started_at": str,
            "finished_at": str,
            "status": str,  # running | finished | failed | blocked_by_robots
            "args": str,
            "requests": int,
            "responses_by_status": str,
            "new": int,
            "updated": int,
            "unchanged": int,
            "skipped_by_reason": str,
            "errors": int,
            "robots_blocked": int,
            "duration_s": float,
        },
        pk="id",
    )
    db["pages"].create(
        {
            "id": int,
            "url": str,
            "final_url": str,
            "canonical_url": str,
            "source": str,
            "kind": str,  # article | listing
            "status": int,
            "headers": str,
            "fetched_at": str,
            "content_hash": str,
            "body": bytes,  # zlib-compressed raw response body
            "feed_date": str,
            "run_id": int,
            "extracted_at": str,
            "extract_error": str,
        },
        pk="id",
        foreign_keys=[("run_id", "crawl_runs", "id")],
    )
    db["pages"].create_index(["canonical_url", "content_hash"], unique=True)
    db["pages"].create_index(["extracted_at"])
    db["seen_urls"].create(
        {
            "canonical_url": str,
            "source": str,
            "first_seen": str,
            "last_fetched": str,
            "last_status": int,
            "etag": str,
            "last_modified": str,
            "content_hash": str,
            "fetch_count": int,
        },
        pk="canonical_url",
    )


@migrations()
def m002_article_and_claim_tables(db: Database):
    db["articles"].create(
        {
            "id": str,
            "canonical_url": str,
            "url": str,
            "outlet": str,
            "title": str,
            "published": str,
            "published_source": str,
            "modified": str,
            "authors": str,
            "tags": str,
            "section": str,
            "text": str,
            "language": str,
            "word_count": int,
            "status": str,  # ok | off_topic
            "skip_reason": str,
            "content_hash": str,
            "page_id": int,
            "syndication_group": str,
            "first_seen": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("page_id", "pages", "id")],
    )
    db["article_revisions"].create(
        {"article_id": str, "content_hash": str, "title": str, "text": str, "page_id": int, "extracted_at": str},
        pk=("article_id", "content_hash"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["claims"].create(
        {
            "id": str,
            "article_id": str,
            "claim_type": str,
            "subject": str,
            "metric": str,
            "value": float,
            "value_max": float,
            "unit": str,
            "qualifier": str,
            "value_text": str,
            "target_year": int,
            "as_of": str,
            "stated_on": str,
            "stated_month": str,
            "stated_year": int,
            "speaker": str,
            "speaker_title": str,
            "organization": str,
            "program": str,
            "quote": str,
            "char_start": int,
            "char_end": int,
            "confidence": float,
            "person_id": str,
            "institution_id": str,
            "program_id": str,
            "extractor_version": str,
            "review_status": str,
            "first_seen": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["claims"].create_index(["article_id"])
    db["claims"].create_index(["metric", "stated_on"])


# Tables a claim links to, with the claim column that points at them.
CLAIM_LINKS = [
    ("metric", "metrics"),
    ("person_id", "people"),
    ("institution_id", "institutions"),
    ("program_id", "programs"),
    ("outlet", "outlets"),
    ("position_id", "positions"),
]

FTS_TOKENIZE = "unicode61 remove_diacritics 2"
CLAIMS_FTS_COLUMNS = ["quote", "quote_stem", "subject", "speaker", "organization", "program"]
ARTICLES_FTS_COLUMNS = ["title", "text"]


@migrations()
def m003_lookup_tables_links_and_search(db: Database):
    """Lookup tables from the gazetteer, claim links (foreign keys), derived columns, indexes and full-text search."""
    db["outlets"].create({"id": str, "name": str, "domain": str, "origin": str}, pk="id")
    db["institutions"].create(
        {
            "id": str, "name": str, "type": str, "acronyms": str, "aliases": str,
            "valid_from": str, "valid_to": str, "periods": str, "predecessor": str, "successor": str,
            "parent_id": str, "note": str, "source": str, "verified": int, "origin": str,
        },
        pk="id",
        foreign_keys=[("parent_id", "institutions", "id")],
    )
    db["people"].create({"id": str, "name": str, "variants": str, "origin": str}, pk="id")
    db["positions"].create(
        {
            "id": str, "person_id": str, "institution_id": str, "title": str, "title_variants": str,
            "start": str, "end": str, "attested": str, "source": str, "verified": int, "note": str, "origin": str,
        },
        pk="id",
        foreign_keys=[("person_id", "people", "id"), ("institution_id", "institutions", "id")],
    )
    db["programs"].create(
        {
            "id": str, "name": str, "kind": str, "aliases": str, "lead_id": str, "partners": str,
            "start": str, "end": str, "description": str, "targets": str, "source": str, "verified": int,
            "note": str, "origin": str,
        },
        pk="id",
        foreign_keys=[("lead_id", "institutions", "id")],
    )
    db["metrics"].create(
        {"id": str, "name": str, "unit": str, "series": str, "cumulative": int, "definition": str, "origin": str},
        pk="id",
    )
    db["positions"].create_index(["person_id", "start"])
    db["positions"].create_index(["institution_id"])
    db["programs"].create_index(["lead_id"])

    # Derived claim columns: Sastrawi-stemmed sentence, the date the figure refers to, the outlet, the position.
    for column in ("quote_stem", "figure_date", "outlet", "position_id"):
        db["claims"].add_column(column, str)
    # Existing rows: fill derived columns and stub every id they reference, so the new foreign keys hold.
    from db import stem
    rows = db.execute(
        "select claims.id, claims.quote, claims.as_of, claims.stated_on, articles.outlet"
        " from claims left join articles on articles.id = claims.article_id"
    ).fetchall()
    for claim_id_, quote, as_of, stated_on, outlet in rows:
        db.execute(
            "update claims set quote_stem = ?, figure_date = ?, outlet = ? where id = ?",
            [stem.stem(quote), figure_date(as_of, stated_on), outlet, claim_id_],
        )
    for column, table in CLAIM_LINKS:
        if table == "positions":  # position_id is new: nothing references a position yet
            continue
        db.execute(
            f"insert or ignore into [{table}] (id, name, origin) select distinct [{column}], [{column}], 'stub'"
            f" from claims where [{column}] is not null"
        )
    db.execute(
        "insert or ignore into outlets (id, name, origin) select distinct outlet, outlet, 'stub' from articles"
        " where outlet is not null"
    )
    db["claims"].transform(add_foreign_keys=[(column, table, "id") for column, table in CLAIM_LINKS])
    db["articles"].transform(add_foreign_keys=[("outlet", "outlets", "id")])

    db["claims"].create_index(["metric", "figure_date", "stated_on"])
    db["claims"].create_index(["metric", "claim_type", "unit", "figure_date"])
    db["claims"].create_index(["person_id", "stated_on"])
    db["claims"].create_index(["speaker"])
    db["claims"].create_index(["institution_id"])
    db["claims"].create_index(["program_id"])
    db["claims"].create_index(["outlet"])
    db["claims"].create_index(["claim_type"])
    db["claims"].create_index(["stated_year"])
    db["claims"].create_index(["stated_month"])
    db["claims"].create_index(["stated_on"])
    db["claims"].create_index(["first_seen"])
    db["claims"].create_index(["position_id"])
    db["articles"].create_index(["outlet"])
    db["articles"].create_index(["published"])

    db["claims"].enable_fts(CLAIMS_FTS_COLUMNS, tokenize=FTS_TOKENIZE, create_triggers=True)
    db["articles"].enable_fts(ARTICLES_FTS_COLUMNS, tokenize=FTS_TOKENIZE, create_triggers=True)


@migrations()
def m004_metric_units(db: Database):
    """A metric can be stated in several units (a count of UMKM or a share in percent): JSON list `units`."""
    db["metrics"].add_column("units", str)


@migrations()
def m005_feed_index(db: Database):
    """The Atom feed reads the newest claims first: index (first_seen, id) so it never sorts the whole table."""
    db["claims"].create_index(["first_seen", "id"], if_not_exists=True)


@migrations()
def m006_claim_scope(db: Database):
    """Series are keyed by metric *and* scope: a province's or one programme's figure never joins the national
    series. Claims from policy documents carry their document and page; `source_kind` says what kind of source."""
    for column, kind in (("scope", str), ("scope_name", str), ("source_kind", str), ("document_id", str),
                         ("page", int)):
        if column not in db["claims"].columns_dict:
            db["claims"].add_column(column, kind)
    db["claims"].create_index(["metric", "scope", "scope_name", "unit", "figure_date"], if_not_exists=True)
    db["claims"].create_index(["scope"], if_not_exists=True)


@migrations()
def m007_targets(db: Database):
    """The target tracker (extract.targets): one row per commitment, its statements, observations (vintages),
    status history, conflicts and a change log, all rewritten by extract.target_stage from the claims.

    Links to claims and articles are foreign keys that follow a re-extraction: a statement or observation whose claim
    is deleted goes with it (ON DELETE CASCADE), a target's first/latest claim becomes null, and the tracker stage that
    runs after every extraction rebuilds the tables."""
    if "targets" in db.table_names():
        return
    for sql in M007_SQL:
        db.execute(sql)


_CLAIM_FK = "references claims(id) on delete cascade"
_TARGET_FK = "references targets(target_id) on delete cascade"
M007_SQL = [
    """create table targets (
        target_id text primary key, metric text references metrics(id), scope text, scope_name text, subject text,
        value float, value_max float, unit text, deadline integer, per_period integer, direction text,
        revision_of text references targets(target_id) on delete set null,
        milestone_of text references targets(target_id) on delete set null,
        first_stated_on text, first_claim_id text references claims(id) on delete set null, first_speaker text,
        first_institution text, n_statements integer, n_outlets integer, n_observations integer, latest_value float,
        latest_as_of text, latest_claim_id text references claims(id) on delete set null, progress_pct float,
        status text, status_as_of text, status_rationale text, status_evidence text, anchoring text,
        n_conflicts integer, summary text)""",
    f"""create table target_statements (
        target_id text {_TARGET_FK}, claim_id text {_CLAIM_FK},
        article_id text references articles(id) on delete cascade, role text, stated_on text, speaker text,
        organization text, outlet text, value float, target_year integer, quote text, url text, source_kind text,
        syndication_group text, counted integer, primary key (target_id, claim_id))""",
    f"""create table target_observations (
        target_id text {_TARGET_FK}, claim_id text {_CLAIM_FK},
        article_id text references articles(id) on delete cascade, value float, unit text, as_of text,
        stated_on text, speaker text, organization text, outlet text, url text, quote text, source_kind text,
        counts integer, primary key (target_id, claim_id))""",
    f"""create table target_status_history (
        target_id text {_TARGET_FK}, date text, status text, rationale text, evidence text,
        primary key (target_id, date))""",
    f"""create table target_conflicts (
        target_id text {_TARGET_FK}, other_target_id text {_TARGET_FK}, claim_id text {_CLAIM_FK},
        other_claim_id text {_CLAIM_FK}, stated_on text, other_stated_on text,
        primary key (target_id, other_target_id))""",
    f"""create table target_events (
        id text primary key, target_id text {_TARGET_FK}, date text, kind text,
        claim_id text references claims(id) on delete set null, title text, detail text)""",
    "create index idx_targets_status on targets(status)",
    "create index idx_targets_series on targets(metric, scope, scope_name, unit)",
    "create index idx_targets_deadline on targets(deadline)",
    "create index idx_targets_anchoring on targets(anchoring)",
    "create index idx_targets_first_institution on targets(first_institution)",
    "create index idx_target_statements_claim on target_statements(claim_id)",
    "create index idx_target_observations_claim on target_observations(claim_id)",
    "create index idx_target_events_date on target_events(date)",
    "create index idx_target_events_target on target_events(target_id, date)",
]

# Indexes the series views use (pantau.publish builds the same on the public database).
SERIES_INDEXES = [["metric", "scope", "scope_name", "unit", "figure_date"], ["metric", "scope", "unit", "value"]]


@migrations()
def m011_site(db: Database):
    """The site's series views: claims of one (metric, scope, scope_name, unit) by date and by value, and syndicated
    copies of a story found through their group."""
    for columns in SERIES_INDEXES:
        db["claims"].create_index(columns, if_not_exists=True)
    db["articles"].create_index(["syndication_group"], if_not_exists=True)


def figure_date(as_of: str | None, stated_on: str | None) -> str | None:
    """The ISO date a figure refers to: `as_of` ("2021-05" -> "2021-05-01", "2021" -> "2021-01-01") else `stated_on`."""
    value = as_of or stated_on
    if not value:
        return None
    value = str(value)[:10]
    if len(value) == 4 and value.isdigit():
        return value + "-01-01"
    if len(value) == 7:
        return value + "-01"
    return value


def apply(db: Database) -> list[str]:
    """Apply pending migrations; returns the names applied."""
    pending = [m.name for m in migrations.pending(db)]
    migrations.apply(db)
    return pending


JDIHN_FIELDS = (
    "idData", "tahun_pengundangan", "tanggal_pengundangan", "jenis", "noPeraturan", "judul", "noPanggil",
    "singkatanJenis", "tempatTerbit", "penerbit", "deskripsiFisik", "sumber", "subjek", "isbn", "status", "bahasa",
    "bidangHukum", "teuBadan", "nomorIndukBuku", "fileDownload", "urlDownload", "urlDetailPeraturan", "operasi",
    "display", "abstrak", "urlAbstrak", "lastUpdated",
)


DOCUMENT_CLAIMS_VIEW = """
select c.id, c.claim_type, c.subject, c.metric, c.value, c.unit, c.target_year, c.as_of, c.source_kind,
       c.text_quality, c.confidence, c.row_label, c.column_label, c.page,
       d.url || '#page=' || c.page as pdf_page, c.document_id, d.title as document, d.kind, d.issuer, d.published
from claims c join documents d on d.id = c.document_id
"""


@migrations()
def m008_documents(db: Database):
    """Policy documents (PDF) with page-level text, regulations (the JDIHN field set) and their amends/revokes
    relations; claims from documents carry their text quality and, for table figures, row and column labels."""
    if not db["documents"].exists():
        db["documents"].create(
            {"id": str, "url": str, "canonical_url": str, "sha256": str, "kind": str, "source_kind": str,
             "issuer": str, "issuer_id": str, "title": str, "published": str, "published_precision": str,
             "year": int, "pages": int, "pages_without_text": int, "text_quality": str, "tables": int,
             "source": str, "page_id": int, "fetched_at": str, "extracted_at": str},
            pk="id",
        )
        db["documents"].create_index(["kind"])
        db["documents"].create_index(["issuer_id"])
        db["documents"].create_index(["sha256"])
    if not db["document_pages"].exists():
        db["document_pages"].create({"document_id": str, "page": int, "text": str, "text_quality": str},
                                    pk=("document_id", "page"))
    if not db["regulations"].exists():
        columns = {"id": str}
        columns.update({name: str for name in JDIHN_FIELDS})
        columns.update({"tanggal_penetapan": str, "tempat_penetapan": str, "pejabat_penetap": str,
                        "source": str, "source_url": str, "document_id": str, "fetched_at": str})
        db["regulations"].create(columns, pk="id")
        db["regulations"].create_index(["jenis", "tahun_pengundangan"])
        db["regulations"].create_index(["document_id"])
    if not db["regulation_relations"].exists():
        db["regulation_relations"].create(
            {"regulation_id": str, "relation": str, "target_text": str, "target_id": str},
            pk=("regulation_id", "relation", "target_text"),
        )
    for column in ("text_quality", "row_label", "column_label"):
        if column not in db["claims"].columns_dict:
            db["claims"].add_column(column, str)
    if "published_precision" not in db["articles"].columns_dict:
        db["articles"].add_column("published_precision", str)
    db["claims"].create_index(["document_id", "page"], if_not_exists=True)
    # Datasette links a figure to its page: pdf_page (a URL) is rendered as a link. A later migration that transforms
    # `claims` or `documents` (sqlite-utils .transform) must drop this view first and create it again after.
    db.create_view("document_claims", DOCUMENT_CLAIMS_VIEW, ignore=True)


@migrations()
def m009_source_health(db: Database):
    """Operations: which parser produced each article, listing yield per crawl run, per-source health checks and
    their status changes (an Atom feed), the backfill cursor (finished days) and small key/value run state."""
    if "parser" not in db["articles"].columns_dict:
        db["articles"].add_column("parser", str)
    db["articles"].create_index(["outlet", "parser"], if_not_exists=True)
    db["articles"].create_index(["page_id"], if_not_exists=True)  # health joins the pages of a window to articles
    for column, kind in (("listings", int), ("listing_pages_with_links", int), ("listing_yield", str),
                         ("listing_stops", str), ("responses_by_kind", str), ("errors_by_reason", str),
                         ("blocked_statuses", str)):
        if column not in db["crawl_runs"].columns_dict:
            db["crawl_runs"].add_column(column, kind)
    if not db["source_health"].exists():
        db["source_health"].create(
            {
                "id": int, "source": str, "checked_at": str, "window_start": str, "status": str, "reasons": str,
                "problems": str, "crawl_runs": int, "crawl_status": str, "last_crawl_run_id": int,
                "last_page_id": int, "listing_pages": int, "listing_pages_with_links": int, "listing_yield": str,
                "selector_fallbacks": int, "article_pages": int, "articles": int, "site_rules": int,
                "fallback": int, "parsers": str, "missing_date": int, "missing_title": int, "missing_author": int,
                "missing_body": int, "day_only_dates": int, "date_sources": str, "http_errors": int,
                "errors_by_reason": str, "blocks": int, "robots_refused": int, "requests": int, "extracted_pages": int,
            },
            pk="id",
        )
        db["source_health"].create_index(["source", "id"])
    if not db["source_health_changes"].exists():
        db["source_health_changes"].create(
            {"id": int, "source": str, "changed_at": str, "old_status": str, "new_status": str, "reasons": str,
             "health_id": int},
            pk="id",
            foreign_keys=[("health_id", "source_health", "id")],
        )
        db["source_health_changes"].create_index(["changed_at"])
    if not db["backfill_days"].exists():
        db["backfill_days"].create(
            {"source": str, "method": str, "day": str, "run_id": int, "done_at": str},
            pk=("source", "method", "day"),
        )
    if not db["ops_state"].exists():
        db["ops_state"].create({"key": str, "value": str, "updated_at": str}, pk="key")


@migrations()
def m010_corrections(db: Database):
    """Editorial review (db/review.py): the `corrections` log of editors' decisions on claims and target groupings,
    re-applied after every extraction, and when a claim was last reviewed (`review_status` exists since m002)."""
    if "reviewed_at" not in db["claims"].columns_dict:
        db["claims"].add_column("reviewed_at", str)
    db["claims"].create_index(["review_status"], if_not_exists=True)
    if not db["corrections"].exists():
        db["corrections"].create(
            {
                "id": int, "kind": str, "action": str, "claim_id": str, "current_claim_id": str, "article_id": str,
                "target_id": str, "other_target_id": str, "other_claim_id": str, "match_keys": str, "editor": str,
                "decided_at": str, "note": str, "before": str, "after": str, "state": str, "state_reason": str,
                "applied_at": str,
            },
            pk="id",
        )
        db["corrections"].create_index(["current_claim_id"])
        db["corrections"].create_index(["state"])
        db["corrections"].create_index(["decided_at"])


@migrations()
def m008b_document_evidence(db: Database):
    """Documents as tracker evidence: a target statement or observation read from a PDF keeps its document and page
    (the target page links the PDF at that page), and a target stated in a regulation names it (`legal_anchor`).
    Named after m008 so it never collides with another branch's next number; adds columns only."""
    for table in ("target_statements", "target_observations"):
        if db[table].exists():
            for column, kind in (("document_id", str), ("page", int)):
                if column not in db[table].columns_dict:
                    db[table].add_column(column, kind)
    if db["targets"].exists() and "legal_anchor" not in db["targets"].columns_dict:
        db["targets"].add_column("legal_anchor", str)


@migrations()
def m012_site_series(db: Database):
    """Series facts stored instead of computed per request (db/series.py): `claims.counted` (0 for a syndicated copy),
    the `series_conflicts` table and the indexes the series views read in date order."""
    from db import series

    series.refresh(db)


@migrations()
def m007b_targets_incremental(db: Database):
    """Target tracker, second step: the best figure beside the latest one, outlier figures flagged, and what the
    incremental tracker stage needs - each target's family (scope, scope name, unit: the claims that can affect it)
    and one fingerprint per family, so a run recomputes only the families whose claims changed."""
    for column, kind in (("family", str), ("best_value", float), ("best_as_of", str), ("best_claim_id", str),
                         ("best_pct", float), ("latest_stated_on", str)):
        if column not in db["targets"].columns_dict:
            db["targets"].add_column(column, kind)
    if "outlier" not in db["target_observations"].columns_dict:
        db["target_observations"].add_column("outlier", int)
    db["targets"].create_index(["family"], if_not_exists=True)
    if not db["target_families"].exists():
        db["target_families"].create({"family": str, "fingerprint": str, "valid_until": str, "n_claims": int,
                                      "computed_for": str}, pk="family")


@migrations()
def m013_syndication_sketches(db: Database):
    """The MinHash sketch of each article's text (extract/syndication.py), so the extract stage primes its
    near-duplicate index from stored sketches instead of re-reading and re-sketching every stored article per run.
    A sketch is valid for the article's `content_hash` and the sketching `version` it was made with."""
    if not db["syndication_sketches"].exists():
        db["syndication_sketches"].create({"article_id": str, "content_hash": str, "version": str, "shingles": int,
                                           "signature": bytes}, pk="article_id")


# Bands of the calibrated confidence (docs/claims.md): a claim in "high" is right about nine times in ten or more.
CONFIDENCE_BANDS = ((0.9, "high"), (0.7, "medium"), (0.0, "low"))


def confidence_band(confidence: float | None) -> str | None:
    """"high" (>= 0.9), "medium" (>= 0.7) or "low": the facet a reader filters on."""
    if confidence is None:
        return None
    return next(band for floor, band in CONFIDENCE_BANDS if confidence >= floor)


@migrations()
def m014_confidence_band(db: Database):
    """`claims.confidence_band`, so Datasette offers "high confidence only" as a facet. Writers set it beside
    `confidence` (db/store.py, db/documents.py); this fills it for the rows already stored."""
    if "confidence_band" not in db["claims"].columns_dict:
        db["claims"].add_column("confidence_band", str)
    cases = " ".join(f"WHEN confidence >= {floor} THEN '{band}'" for floor, band in CONFIDENCE_BANDS)
    db.execute(f"UPDATE claims SET confidence_band = CASE WHEN confidence IS NULL THEN NULL {cases} END")
    db["claims"].create_index(["confidence_band", "stated_on"], if_not_exists=True)
