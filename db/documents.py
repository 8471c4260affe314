"""Writing policy documents and regulations through the store (each document or regulation in one transaction).

Functions, not Store methods, so the store module stays small; they use the store's connection and its lookup
helpers. Claims from a document have no article (``article_id`` null) and carry ``document_id`` and ``page``.
"""

from __future__ import annotations

import json

from db import ids, migrations, stem
from db.store import Store, now_iso

DOCUMENT_COLUMNS = ("url", "canonical_url", "sha256", "issuer", "issuer_id", "title", "published",
                    "published_precision", "year", "text_quality", "pages_without_text", "source_kind")


def save_document(store: Store, document: dict, claims: list[dict], *, page_id: int | None = None,
                  source: str | None = None, fetched_at: str | None = None, extractor_version: str = "") -> str:
    """Upsert a document, its page texts and its claims (replacing earlier ones); returns the document id."""
    doc_id = document["document_id"]
    stamp = now_iso()
    row = {k: document.get(k) for k in DOCUMENT_COLUMNS}
    row.update(id=doc_id, kind=document.get("doc_type"), pages=document.get("page_count"),
               tables=len(document.get("tables") or []), source=source, page_id=page_id, fetched_at=fetched_at,
               extracted_at=stamp)
    db = store.db
    with db.conn:
        db["documents"].upsert(row, pk="id", alter=True)
        db.execute("delete from document_pages where document_id = ?", [doc_id])
        db["document_pages"].insert_all(
            [{"document_id": doc_id, "page": p["page"], "text": p["text"], "text_quality": p.get("text_quality")}
             for p in document.get("pages") or []], pk=("document_id", "page"))
        _replace_document_claims(store, doc_id, claims, extractor_version, stamp)
        if page_id is not None:
            db["pages"].update(page_id, {"extracted_at": stamp, "extract_error": None})
    return doc_id


def _replace_document_claims(store: Store, doc_id: str, claims: list[dict], extractor_version: str, stamp: str):
    db = store.db
    first_seen = dict(db.execute("select id, first_seen from claims where document_id = ?", [doc_id]).fetchall())
    db.execute("delete from claims where document_id = ?", [doc_id])
    rows = {}
    for claim in claims:
        claim_id = claim["claim_id"]
        stated_on = claim.get("stated_on") or ""
        row = {k: v for k, v in claim.items() if k not in ("claim_id", "url")}
        row.update(
            id=claim_id, article_id=None, document_id=doc_id,
            stated_month=stated_on[:7] or None,
            stated_year=int(stated_on[:4]) if stated_on[:4].isdigit() else None,
            extractor_version=extractor_version, review_status=claim.get("review_status") or "unreviewed",
            first_seen=first_seen.get(claim_id, stamp), quote_stem=stem.stem(claim.get("quote")),
            figure_date=migrations.figure_date(claim.get("as_of"), claim.get("stated_on")),
            confidence_band=migrations.confidence_band(claim.get("confidence")),
        )
        for column, table in migrations.CLAIM_LINKS:
            if table != "positions":
                store._ensure(table, row.get(column))
        row["position_id"] = row.get("position_id") or store._position_at(row.get("person_id"), stated_on)
        rows[claim_id] = row
    if rows:
        db["claims"].insert_all(list(rows.values()), pk="id", replace=True, alter=True)


def regulation_id(record: dict) -> str:
    """Stable id of a regulation: its detail URL when known, else its type, number and year."""
    key = record.get("urlDetailPeraturan") or "|".join(
        str(record.get(k) or "") for k in ("singkatanJenis", "jenis", "noPeraturan", "tahun_pengundangan"))
    return ids._digest("regulation", key)[:16]


def save_regulation(store: Store, record: dict, relations: list[tuple[str, str]] = (), *,
                    source: str | None = None, source_url: str | None = None) -> str:
    """Upsert one regulation (JDIHN field names) and replace its relations [(relation, target text)]."""
    reg_id = regulation_id(record)
    row = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
           for k, v in record.items() if k in set(migrations.JDIHN_FIELDS) | {
               "tanggal_penetapan", "tempat_penetapan", "pejabat_penetap", "document_id"}}
    row.update(id=reg_id, source=source, source_url=source_url, fetched_at=now_iso())
    with store.db.conn:
        store.db["regulations"].upsert(row, pk="id", alter=True)
        store.db.execute("delete from regulation_relations where regulation_id = ?", [reg_id])
        for relation, target in relations:
            store.db["regulation_relations"].insert(
                {"regulation_id": reg_id, "relation": relation, "target_text": target,
                 "target_id": None}, pk=("regulation_id", "relation", "target_text"), replace=True)
    return reg_id


def link_regulation_documents(store: Store) -> int:
    """Point each regulation at the archived document whose URL is its PDF (after documents are extracted), and date
    a document that states no date of its own (a scanned Perpres) and its claims by the regulation's enactment."""
    with store.db.conn:
        cursor = store.db.execute(
            "update regulations set document_id = (select d.id from documents d where d.url = regulations.urlDownload"
            " or d.url = regulations.fileDownload) where document_id is null")
        linked = cursor.rowcount
        store.db.execute(
            "update documents set published = (select coalesce(r.tanggal_penetapan, r.tanggal_pengundangan) from "
            "regulations r where r.document_id = documents.id order by r.id limit 1), published_precision = 'date' "
            "where published is null and exists (select 1 from regulations r where r.document_id = documents.id "
            "and coalesce(r.tanggal_penetapan, r.tanggal_pengundangan) is not null)")
        store.db.execute(
            "update claims set stated_on = (select d.published from documents d where d.id = claims.document_id), "
            "stated_month = substr((select d.published from documents d where d.id = claims.document_id), 1, 7), "
            "stated_year = cast(substr((select d.published from documents d where d.id = claims.document_id), 1, 4)"
            " as integer) where stated_on is null and document_id is not null")
        store.db.execute("update claims set figure_date = stated_on where figure_date is null and stated_on is not "
                         "null and document_id is not null")
    return linked
