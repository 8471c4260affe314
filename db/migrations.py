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


def apply(db: Database) -> list[str]:
    """Apply pending migrations; returns the names applied."""
    pending = [m.name for m in migrations.pending(db)]
    migrations.apply(db)
    return pending
