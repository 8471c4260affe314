"""Policy documents (PDF): text per page, tables with cells, text-layer quality, document type, and claims.

Public API:

* :func:`read_document(source, url=None)` -> the document dict printed by ``pantau document`` (``title``,
  ``issuer``, ``issuer_id``, ``doc_type``, ``published``, ``published_precision``, ``pages`` [{page, text,
  text_quality}], ``tables`` [{page, rows, unit}], ``text_quality``, ``page_count``, ``sha256``);
* :func:`document_claims(document)` -> claim dicts (the claim schema plus ``page``, ``source_kind``,
  ``document_id``, ``text_quality`` and, for table figures, ``row_label`` / ``column_label``);
* :class:`DocumentError` for input that is not a readable PDF (reason: ``not_pdf``, ``encrypted``, ``broken``,
  ``empty``).

Modules: :mod:`.pages` (pypdfium2 text, page by page), :mod:`.tables` (pdfplumber cells), :mod:`.quality`
(broken/scanned text layer), :mod:`.units` (units and scales in headers), :mod:`.classify` (type, title, issuer,
date), :mod:`.table_claims` (Target / Realisasi rows), :mod:`.text_claims` (running text through the claim
extractor), :mod:`.reader` (puts them together, streaming page by page), :mod:`.stage` (archived PDFs -> store).
No AGPL library is used (PyMuPDF is excluded on purpose; see docs/documents.md).
"""

from .pages import DocumentError
from .reader import document_claims, document_id, read_document

__all__ = ["DocumentError", "document_claims", "document_id", "read_document"]
