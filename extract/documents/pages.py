"""Text of a PDF, one page at a time, with pypdfium2 (Apache-2.0/BSD-3; PDFium underneath).

Only one page is open at any moment: each page and its text page are closed before the next is loaded, so memory
stays bounded by the largest page, not by the document (scripts/bench_documents measures it). A path is opened
lazily by PDFium; bytes are wrapped without copying.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Iterator

import pypdfium2 as pdfium

log = logging.getLogger("pantau.documents")


class DocumentError(ValueError):
    """Bad input. ``reason`` is a short machine string: not_pdf, encrypted, broken, empty."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        self.detail = detail
        super().__init__(reason)

    def __str__(self) -> str:
        return self.reason


def _head(source) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source[:1024])
    with open(source, "rb") as handle:
        return handle.read(1024)


def open_pdf(source) -> pdfium.PdfDocument:
    """A PdfDocument for a path or bytes; :class:`DocumentError` when it is not a readable PDF."""
    head = _head(source)
    if not head.strip():
        raise DocumentError("empty")
    if b"%PDF-" not in head:
        raise DocumentError("not_pdf", head[:40].decode("latin-1"))
    try:
        return pdfium.PdfDocument(str(source) if isinstance(source, Path) else source)
    except pdfium.PdfiumError as error:
        reason = "encrypted" if "password" in str(error).lower() else "broken"
        raise DocumentError(reason, str(error)) from None


def sha256_of(source) -> str:
    digest = hashlib.sha256()
    if isinstance(source, (bytes, bytearray, memoryview)):
        digest.update(source)
        return digest.hexdigest()
    with open(source, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def metadata(pdf: pdfium.PdfDocument) -> dict:
    try:
        return {k: v for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
    except (pdfium.PdfiumError, UnicodeDecodeError):  # a damaged info dictionary is no reason to refuse the text
        return {}


def _clean(text: str) -> str:
    # PDFium ends lines with \r\n and marks hyphenation/soft breaks with control characters
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "").replace("\ufffe", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def iter_page_texts(pdf: pdfium.PdfDocument) -> Iterator[tuple[int, str]]:
    """(page number from 1, text) for every page, each page closed before the next is read."""
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
            finally:
                textpage.close()
        except pdfium.PdfiumError as error:  # one damaged page: counted by the caller as empty, never fatal
            log.warning("page %d unreadable: %s", index + 1, error)
            text = ""
        finally:
            page.close()
        yield index + 1, _clean(text)
