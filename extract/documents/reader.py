"""One PDF -> the document dict, page by page (see the package docstring for the fields).

Memory: one pypdfium2 page at a time; pdfplumber only on pages whose text suggests a table, each page's layout
cache closed after use. Only the page texts (small) and the tables are kept for the result.
"""

from __future__ import annotations

import re
from pathlib import Path

from db import ids

from . import classify, quality
from .pages import iter_page_texts, metadata, open_pdf, sha256_of
from .tables import TableReader, page_may_hold_table
from .units import unit_in


def document_id(url: str | None, sha256: str) -> str:
    """Stable id: from the canonical URL when the document has one (revisions keep their id), else the content."""
    if url:
        from extract.article import canonicalize_url

        return ids._digest("document", canonicalize_url(url))[:16]
    return ids._digest("document-sha256", sha256)[:16]


def _source(source):
    if isinstance(source, str):
        return Path(source)
    return source


def read_document(source, url: str | None = None, *, with_tables: bool = True) -> dict:
    """Read a PDF (path or bytes). Raises :class:`~extract.documents.pages.DocumentError` on unreadable input."""
    source = _source(source)
    pdf = open_pdf(source)
    reader = TableReader(source) if with_tables else None
    pages, tables, labels = [], [], []
    empty_pages = 0
    enacted_on = None
    try:
        meta = metadata(pdf)
        for number, text in iter_page_texts(pdf):
            label, signals = quality.assess(text) if text else ("ok", {})
            if not text:
                empty_pages += 1
            enacted_on = enacted_on or classify.enacted(text)
            labels.append(label)
            page = {"page": number, "text": text, "text_quality": label}
            if signals.get("confusion_count"):
                page["quality_signals"] = signals
            pages.append(page)
            if reader is not None and text and page_may_hold_table(text):
                for rows in reader.tables(number):
                    tables.append({"page": number, "rows": rows, "text_quality": label})
    finally:
        if reader is not None:
            reader.close()
        pdf.close()
    sha = sha256_of(source)
    first = next((p["text"] for p in pages if p["text"]), "")
    last = next((p["text"] for p in reversed(pages) if p["text"]), "")
    kind, source_kind = classify.doc_type(first, url)
    issuer, issuer_id = classify.issuer(first)
    published, precision = classify.published(first, last, kind, enacted_on)
    overall = quality.worst(labels)
    if pages and empty_pages == len(pages):
        overall = "corrupt"  # a scan without any text layer: nothing can be read as clean
    return {
        "document_id": document_id(url, sha),
        "url": url,
        "sha256": sha,
        "title": classify.title(first, kind, meta),
        "issuer": issuer,
        "issuer_id": issuer_id,
        "doc_type": kind,
        "source_kind": source_kind,
        "published": published,
        "published_precision": precision,
        "year": _report_year(first, published),
        "page_count": len(pages),
        "pages_without_text": empty_pages,
        "text_quality": overall,
        "pages": pages,
        "tables": [dict(t, unit=_table_unit(t["rows"])) for t in tables],
    }


def _report_year(first_page: str, published: str | None) -> int | None:
    """The year a report or plan covers ("LAPORAN KINERJA ... TAHUN 2023"), else the publication year."""
    match = re.search(r"\bTAHUN\s+(?:ANGGARAN\s+)?((?:19|20)\d\d)\b", first_page, re.IGNORECASE)
    if match:
        return int(match.group(1))
    return int(published[:4]) if published else None


def _table_unit(rows: list[list[str]]) -> str | None:
    """The unit phrase the table's header states, for display (cells get theirs per column)."""
    for row in rows[:2]:
        for cell in row:
            found = unit_in(cell)
            if found and "(" in cell:
                return found.phrase
    return None


def document_claims(document: dict) -> list[dict]:
    """Claims of a read document: figures from target/realisation tables, then claims in the running text."""
    from .table_claims import table_claims
    from .text_claims import text_claims

    return table_claims(document) + text_claims(document)
