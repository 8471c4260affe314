"""Datasette metadata for policy documents: the documents, document_pages, regulations and regulation_relations
tables, the claim columns documents add, the `document_claims` view linking each document claim to its PDF page and
the `official_vs_stated` query. Kept apart from pantau/metadata.py, which merges it in (``document_tables``,
``document_view``, ``document_queries``; ``public_document_tables`` for the public build)."""

from __future__ import annotations

from db import queries
from db.migrations import JDIHN_FIELDS

DOCUMENT_COLUMNS = {
    "id": "Document id: from the canonical URL of the PDF (a new revision keeps the id).",
    "url": "Where the PDF was fetched (open it; add #page=N for a page).",
    "canonical_url": "Canonical form of the URL.",
    "sha256": "sha256 of the PDF bytes.",
    "kind": "Document type: siaran_pers | peraturan | rpjmn | renstra | lkj | perjanjian_kinerja | dokumen.",
    "source_kind": "What its figures are: official_statement | regulation | plan | official_report.",
    "issuer": "Issuing institution, read from the first page.",
    "issuer_id": "The issuer in the gazetteer (institutions).",
    "title": "Title from the first page (or the PDF's own title).",
    "published": "Publication (or enactment) date stated in the document.",
    "published_precision": "date (a day without a time, usual for government documents) | minute.",
    "year": "The year a report or plan covers (\"TAHUN 2023\").",
    "pages": "Number of pages.",
    "pages_without_text": "Pages without a text layer (scanned images).",
    "text_quality": "ok | suspect | corrupt: signs of a broken OCR layer (letter l for 1, O for 0, garbage "
    "characters). Figures from a suspect or corrupt document are flagged and have a capped confidence.",
    "tables": "Tables read from the document.",
    "source": "The crawler source it came from.",
    "page_id": "Archived response (crawler state).",
    "fetched_at": "UTC time the PDF was fetched.",
    "extracted_at": "UTC time it was last extracted.",
}

REGULATION_EXTRA = {
    "id": "Regulation id: from its detail URL (or type, number and year).",
    "tanggal_penetapan": "Enactment date (ISO).",
    "tempat_penetapan": "Place of enactment.",
    "pejabat_penetap": "Official who enacted it.",
    "source": "The crawler source: peraturan (peraturan.go.id) or a JDIH's JDIHN feed.",
    "source_url": "The page or feed the record was read from.",
    "document_id": "The archived PDF of the regulation (documents), when fetched.",
    "fetched_at": "UTC time the record was stored.",
}

RELATION_COLUMNS = {
    "regulation_id": "The regulation whose status states the relation.",
    "relation": "amends | amended_by | revokes | revoked_by.",
    "target_text": "The other regulation as written (\"Peraturan Presiden Nomor 18 Tahun 2020\").",
    "target_id": "The other regulation's id when it is in the table.",
}

ARTICLE_COLUMNS = {
    "published_precision": "How precise `published` is: date (the page shows a day without a time, usual on "
    "government sites; the time part is then 00:00) | minute. Empty: not recorded (news outlets).",
}

CLAIM_COLUMNS = {
    "scope": "What the figure is measured over: national | province | city | programme | company | sector.",
    "scope_name": "The region, programme or company (empty for national).",
    "source_kind": "media (news) | official_statement (a ministry's press release) | official_report (a report "
    "table, e.g. LKj realisasi) | plan (RPJMN, Renstra) | regulation.",
    "document_id": "The policy document (PDF) the claim comes from; empty for news claims.",
    "page": "Page of the document the figure is on (open the PDF at URL#page=N: see the document_claims query).",
    "text_quality": "Text quality of the page or table cell the figure was read from: ok | suspect | corrupt. "
    "Never treat a suspect/corrupt figure as clean: check it against the PDF.",
    "row_label": "For a table figure: the indicator (row) it belongs to.",
    "column_label": "For a table figure: the column header it was read under (Target 2023 (juta unit), ...).",
}


def document_tables() -> dict:
    regulation_columns = {name: f"JDIHN field `{name}`." for name in JDIHN_FIELDS}
    regulation_columns.update(REGULATION_EXTRA)
    return {
        "documents": {
            "description": "Government PDFs (press releases, regulations, plans, performance reports) read page by "
            "page; their figures are in claims (document_id, page).",
            "columns": DOCUMENT_COLUMNS, "facets": ["kind", "issuer_id", "text_quality", "source"],
            "sort_desc": "published", "label_column": "title",
        },
        "document_pages": {"description": "Text of each page of each document (not in the public database).",
                           "hidden": True},
        "regulations": {
            "description": "Regulations with the JDIHN field set (from JDIH feeds and peraturan.go.id).",
            "columns": regulation_columns, "facets": ["jenis", "tahun_pengundangan", "status", "source"],
            "label_column": "judul",
        },
        "regulation_relations": {
            "description": "amends / amended_by / revokes / revoked_by, read from each regulation's status.",
            "columns": RELATION_COLUMNS, "facets": ["relation"],
        },
    }


VIEW_COLUMNS = {
    "pdf_page": "The PDF opened at the figure's page (URL#page=N).",
    "document": "Title of the document.",
    "kind": "Document type (siaran_pers, peraturan, rpjmn, renstra, lkj, ...).",
    "issuer": "Issuing institution.",
    "published": "Publication or enactment date of the document.",
}


def document_view() -> dict:
    """The `document_claims` view (db/migrations.py m008): every figure read from a PDF, linked to its page."""
    return {"document_claims": {
        "description": "Figures from government PDFs: the value, its table row and column, the page, the text "
        "quality, and pdf_page (the PDF opened at that page).",
        "columns": {**{k: v for k, v in CLAIM_COLUMNS.items() if k in ("source_kind", "text_quality", "row_label",
                                                                          "column_label", "page", "document_id")},
                    **VIEW_COLUMNS},
        "facets": ["kind", "source_kind", "text_quality", "metric", "claim_type"],
        "sort_desc": "published", "label_column": "subject",
    }}


# Columns of `documents` that are crawler state: the public build leaves them out (pantau.publish).
PRIVATE_DOCUMENT_COLUMNS = ("page_id",)


def public_document_tables() -> dict:
    """The document tables of the public build: no page texts, no crawler state."""
    tables = document_tables()
    del tables["document_pages"]
    tables["documents"]["columns"] = {k: v for k, v in tables["documents"]["columns"].items()
                                      if k not in PRIVATE_DOCUMENT_COLUMNS}
    tables["documents"]["description"] += " The page texts stay out of the public database: open the PDF."
    return tables


def document_queries() -> dict:
    return {"official_vs_stated": {
        "title": "What officials said beside what the ministry reported",
        "description": "Per year of one series (metric and scope, as in the target timeline): the official "
        "realisation read from a performance report's table (Laporan Kinerja, source_kind official_report), with "
        "the PDF page, beside the figures officials (ministers, ministries, agencies) stated for the same year in "
        "news and press releases: how many, the lowest, the highest and the latest, and how far the latest is from "
        "the official figure. Years with only one side are listed too. Optional unit: UMKM, persen, rupiah, ...",
        "sql": queries.OFFICIAL_VS_STATED.strip(),
        "params": ["metric", "scope", "scope_name", "unit"],
        "hide_sql": True,
    }}


# Columns the documents add to the tracker's tables (migration m008b_document_evidence).
TARGET_COLUMNS = {
    "targets": {"legal_anchor": "The regulation (regulations table) the target is stated in, when a statement was "
                "read from the PDF of an enacted regulation; anchoring is then peraturan."},
    "target_statements": {"document_id": "The policy document (PDF) the statement was read from; empty for news.",
                          "page": "Its page (url opens the PDF there)."},
    "target_observations": {"document_id": "The policy document (PDF) the figure was read from, e.g. a performance "
                            "report's table (source_kind official_report); empty for news.",
                            "page": "Its page (url opens the PDF there)."},
}
