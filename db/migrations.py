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
