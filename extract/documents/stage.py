"""The document part of the extract stage (offline, from the archive): PDFs -> documents and claims,
regulation pages and JDIHN feeds -> regulations, and press-release claims marked as official statements.

Called once by :func:`extract.stage.extract_pages`. Each document or regulation is saved in its own transaction;
a bad PDF is counted and marked (``pages.extract_error``), never fatal.
"""

from __future__ import annotations

import logging
from collections import Counter

from db.documents import link_regulation_documents, save_document, save_regulation

from . import regulations
from .pages import DocumentError
from .reader import document_claims, read_document

log = logging.getLogger("pantau.extract")


def _pending(store, kind: str, rebuild: bool):
    where = "kind = ?" + ("" if rebuild else " and extracted_at is null")
    for (page_id,) in store.db.execute(f"select id from pages where {where} order by id", [kind]).fetchall():
        yield store.db["pages"].get(page_id)


def extract_documents(store, rebuild: bool = False) -> dict:
    from extract.claims import EXTRACTOR_VERSION

    stats, errors = Counter(), Counter()
    for page in _pending(store, "document", rebuild):
        try:
            doc = read_document(store.page_body(page), url=page["url"])
        except DocumentError as error:
            errors[f"document_{error.reason}"] += 1
            log.warning("skip document %s (%s): %s", page["id"], page["url"], error.reason)
            store.mark_extracted(page["id"], error=f"document_{error.reason}")
            continue
        from extract.article import canonicalize_url

        doc["canonical_url"] = canonicalize_url(page["url"])
        claims = document_claims(doc)
        save_document(store, doc, claims, page_id=page["id"], source=page["source"], fetched_at=page["fetched_at"],
                      extractor_version=f"{EXTRACTOR_VERSION}+documents")
        stats["documents"] += 1
        stats["document_claims"] += len(claims)
        stats[f"documents_{doc['text_quality']}"] += 1
    for kind, parse in (("regulation", _regulation_page), ("regulation_feed", _regulation_feed)):
        for page in _pending(store, kind, rebuild):
            try:
                saved = parse(store, page)
            except (ValueError, KeyError, TypeError) as error:  # malformed page or feed: counted, the run goes on
                errors[f"{kind}_unparseable"] += 1
                log.warning("skip %s %s: %s", kind, page["url"], error)
                store.mark_extracted(page["id"], error=f"{kind}_unparseable")
                continue
            stats["regulations"] += saved
            store.mark_extracted(page["id"])
    stats["regulations_linked"] = link_regulation_documents(store)
    stats["official_statement_claims"] = mark_official_statements(store)
    out = dict(stats)
    out.update({f"error_{reason}": count for reason, count in errors.items()})  # flat counts: the caller sums them
    return out


def _regulation_page(store, page) -> int:
    record = regulations.peraturan_detail(store.page_body(page), page["url"])
    save_regulation(store, record, regulations.relations(record.get("status")), source=page["source"],
                    source_url=page["url"])
    return 1


def _regulation_feed(store, page) -> int:
    records = regulations.jdihn_records(store.page_body(page))
    for record in records:
        save_regulation(store, record, regulations.relations(record.get("status")), source=page["source"],
                        source_url=page["url"])
    return len(records)


def official_outlets() -> list[str]:
    """Outlets whose pages are government press releases (their parsers say so)."""
    from extract.outlets import REGISTRY

    return sorted(name for name, parser in REGISTRY.items() if getattr(parser, "source_kind", None)
                  == "official_statement")


def mark_official_statements(store) -> int:
    """Claims from a ministry's own press-release page are official statements, not media reports."""
    outlets = official_outlets()
    if not outlets:
        return 0
    marks = ",".join("?" * len(outlets))
    with store.db.conn:
        cursor = store.db.execute(
            f"update claims set source_kind = 'official_statement' where document_id is null and outlet in ({marks})"
            " and coalesce(source_kind, 'media') != 'official_statement'", outlets)
    return cursor.rowcount
