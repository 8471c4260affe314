"""What a document is: ``doc_type`` (data/doc_types.yaml), title, issuer and publication date.

Read from the first page (and the last, where a regulation states "Ditetapkan di Jakarta pada tanggal ..."), the
URL and the PDF information dictionary. Dates found in the text are date-only (``published_precision`` ``date``);
the PDF's CreationDate is never used (it dates the file, not the document).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import dates as D

from ._data import load

_MONTHS = (r"Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Nopember|"
           r"Desember")
DATE_RE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
ENACTED_RE = re.compile(rf"Ditetapkan\s+di\s+[A-Z][\w ]*?\s+pada\s+tanggal\s+(\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})",
                        re.IGNORECASE)
REG_HEAD_RE = re.compile(r"^(?:UNDANG-UNDANG|PERATURAN|KEPUTUSAN|INSTRUKSI)\b")
DATELINE_RE = re.compile(rf"^[A-Z][\w ]*,\s+\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}", re.IGNORECASE)
JUNK_TITLES = re.compile(r"^(?:microsoft\s+word|untitled|document\d*|\s*$)", re.IGNORECASE)


def doc_type(first_page: str, url: str | None = None) -> tuple[str, str]:
    """(doc_type, source_kind) from cues on the first page, then in the URL."""
    conf = load("doc_types")
    upper = " ".join(first_page.upper().split())
    for entry in conf["doc_types"]:
        if any(cue in upper for cue in entry["title"]):
            return entry["id"], entry["source_kind"]
    low_url = (url or "").lower()
    for entry in conf["doc_types"]:
        if any(cue in low_url for cue in entry.get("url", ())):
            return entry["id"], entry["source_kind"]
    return conf["fallback"]["id"], conf["fallback"]["source_kind"]


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def title(first_page: str, kind: str, meta: dict | None = None) -> str | None:
    lines = _lines(first_page)
    if kind in ("peraturan", "rpjmn"):
        for index, line in enumerate(lines):
            if REG_HEAD_RE.match(line.upper()):
                block = []
                for part in lines[index:index + 14]:
                    if re.match(r"DENGAN RAHMAT|Menimbang", part, re.IGNORECASE):
                        break
                    block.append(part)
                return " ".join(block) or None
    if kind == "siaran_pers":
        for index, line in enumerate(lines):
            if "SIARAN PERS" in line.upper():
                headline = []
                for part in lines[index + 1:index + 6]:
                    if re.match(r"(?:Nomor|No\.?)\s*[:.]?\s*\S", part, re.IGNORECASE) and not headline:
                        continue
                    if DATELINE_RE.match(part) or len(headline) == 3:
                        break
                    headline.append(part)
                if headline:
                    return " ".join(headline)
    meta_title = (meta or {}).get("Title")
    if meta_title and not JUNK_TITLES.match(meta_title):
        return " ".join(meta_title.split())
    head = []
    for line in lines[:6]:
        if sum(c.islower() for c in line) > sum(c.isupper() for c in line) and head:
            break
        head.append(line)
    return " ".join(head[:4]) or None


@lru_cache(maxsize=1)
def _issuer_patterns() -> list[tuple[re.Pattern, str, str]]:
    from nlp_models.gazetteer import load as load_gazetteer

    conf = load("issuers")
    institutions = {i["id"]: i for i in load_gazetteer()["institutions"]}
    names = dict(conf.get("names") or {})
    out = []
    for heading in conf["headings"]:
        name = institutions.get(heading["id"], {}).get("name") or names.get(heading["id"], heading["text"])
        out.append((re.compile(re.escape(heading["text"]), re.IGNORECASE), heading["id"], name))
    for inst in institutions.values():
        for surface in [inst["name"], *(inst.get("aliases") or [])]:
            if len(surface) >= 12:
                out.append((re.compile(rf"\b{re.escape(surface)}\b", re.IGNORECASE), inst["id"], inst["name"]))
        for acronym in inst.get("acronyms") or []:
            if len(acronym) >= 6 and not acronym.isdigit():
                out.append((re.compile(rf"\b{re.escape(acronym)}\b"), inst["id"], inst["name"]))
    return out


def issuer(first_page: str) -> tuple[str | None, str | None]:
    """(issuer name, institution id): the earliest heading, name or alias on the first page."""
    head = first_page[:1500]
    best = None
    for pattern, inst_id, name in _issuer_patterns():
        match = pattern.search(head)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), name, inst_id)
    return (best[1], best[2]) if best else (None, None)


def _iso_day(text: str) -> str | None:
    parsed = D.parse_indonesian_datetime_detail(text)
    return parsed[0].date().isoformat() if parsed else None


def enacted(text: str) -> str | None:
    """The "Ditetapkan di ... pada tanggal D Bulan YYYY" date of a regulation page, ISO."""
    match = ENACTED_RE.search(" ".join(text.split()))
    return _iso_day(match.group(1)) if match else None


def published(first_page: str, last_page: str, kind: str, enacted_on: str | None = None) -> tuple[str | None, str | None]:
    """(ISO date, ``date``) from the text: a regulation's enactment date, else the first dateline.

    The PDF's CreationDate is not used: it dates the file (a scan, a re-export), not the document."""
    if kind in ("peraturan", "rpjmn") and enacted_on:
        return enacted_on, "date"
    for text in (first_page, last_page):
        match = DATE_RE.search(text)
        if match and _iso_day(match.group(0)):
            return _iso_day(match.group(0)), "date"
    return None, None
