"""Shared base of government press-release layouts: their pages are official statements, and most show a date
without a time, so each version records the precision of the date it read (``published_precision``)."""
from __future__ import annotations

import re

from .base import OutletParser, ParserVersion

TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


class GovVersion(ParserVersion):
    def postprocess(self, page, result: dict) -> dict:
        if result.get("published_source") == "site":
            stated = " ".join(self.published_texts(page) + self.published_attrs(page))
            result["published_precision"] = "minute" if TIME_RE.search(stated) else "date"
        return result


class OfficialOutlet(OutletParser):
    """A ministry's own site: claims from it are ``official_statement`` (extract.documents.stage)."""

    source_kind = "official_statement"
