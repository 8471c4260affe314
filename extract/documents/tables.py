"""Tables with their cells, with pdfplumber (MIT), only on pages whose text suggests a table.

pdfplumber is 25-50x slower than pypdfium2 (policy_and_targets.md §1c.3), so it reads only the pages
:func:`page_may_hold_table` picks, and each page's layout cache is dropped after use (bounded memory).
"""

from __future__ import annotations

import io
import logging
import re
from functools import lru_cache

import pdfplumber

from ._data import load

log = logging.getLogger("pantau.documents")


@lru_cache(maxsize=1)
def _page_cues() -> re.Pattern:
    cues = load("tables")["page_cues"]
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


def page_may_hold_table(text: str) -> bool:
    return bool(_page_cues().search(text or ""))


def _cell(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


class TableReader:
    """Opened once per document; ``tables(page_number)`` -> list of tables (lists of rows of cell strings)."""

    def __init__(self, source):
        self._source = source
        self._pdf = None

    def _open(self):
        if self._pdf is None:
            stream = io.BytesIO(self._source) if isinstance(self._source, (bytes, bytearray)) else self._source
            self._pdf = pdfplumber.open(stream)
        return self._pdf

    def tables(self, page_number: int) -> list[list[list[str]]]:
        pdf = self._open()
        page = pdf.pages[page_number - 1]
        try:
            found = page.extract_tables()
        except Exception as error:  # a malformed page: no tables from it, logged; the text is still read
            log.warning("tables of page %d unreadable: %s", page_number, error)
            found = []
        finally:
            page.close()
        out = []
        for table in found:
            rows = [[_cell(c) for c in row] for row in table if row and any(c not in (None, "") for c in row)]
            if rows:
                out.append(rows)
        return out

    def close(self):
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
