"""Regulation metadata: the JDIHN integration feed (JSON) and peraturan.go.id detail pages, both as records with
the JDIHN field names (``db.migrations.JDIHN_FIELDS``), plus amends/revokes relations read from the status text.

peraturan.go.id detail pages are Yii2 DetailViews: tables ``#w2`` (penetapan) and ``#w3`` (pengundangan) of
``th`` label / ``td`` value rows (policy_and_targets.md §1a.4).
"""

from __future__ import annotations

import json
import re

import lxml.html

from extract import dates as D

# peraturan.go.id label -> JDIHN field (or Pantau's own column for what JDIHN lacks)
PERATURAN_LABELS = {
    "jenis/bentuk peraturan": "jenis", "pemrakarsa": "teuBadan", "nomor": "noPeraturan", "tahun": "tahun",
    "tentang": "judul", "tempat penetapan": "tempat_penetapan", "ditetapkan tanggal": "tanggal_penetapan",
    "pejabat yang menetapkan": "pejabat_penetap", "status": "status", "tahun pengundangan": "tahun_pengundangan",
    "nomor pengundangan": "nomor_pengundangan", "nomor tambahan": "nomor_tambahan", "tanggal": "tanggal_pengundangan",
    "pejabat pengundangan": "pejabat_pengundangan",
}
RELATIONS = (  # status phrase -> relation; the text after it names the other regulation
    (r"dicabut\s+oleh", "revoked_by"), (r"diubah\s+(?:dengan|oleh)", "amended_by"),
    (r"mencabut", "revokes"), (r"mengubah", "amends"),
)
REG_NAME = r"(?:Undang-Undang|Peraturan|Keputusan|Instruksi|UU|PP|Perpres|Permen\w*)[^;,\n]*?Tahun\s+\d{4}"


def relations(status: str | None) -> list[tuple[str, str]]:
    """[(relation, other regulation as written)] from a status text such as
    "Tidak Berlaku Dicabut Oleh :Peraturan Pemerintah Nomor 20 Tahun 2020"."""
    out = []
    for phrase, relation in RELATIONS:
        for match in re.finditer(rf"\b{phrase}\b\s*:?\s*({REG_NAME})", status or "", re.IGNORECASE):
            out.append((relation, " ".join(match.group(1).split())))
    return out


def _iso(text: str | None) -> str | None:
    parsed = D.parse_indonesian_datetime_detail(text) if text else None
    return parsed[0].date().isoformat() if parsed else None


def jdihn_records(body: bytes | str) -> list[dict]:
    """The records of a JDIHN feed (a JSON list, or an object holding the list under ``data``)."""
    data = json.loads(body)
    if isinstance(data, dict):
        data = data.get("data") or data.get("peraturan") or []
    if not isinstance(data, list):
        raise ValueError("JDIHN feed is not a list")
    return [r for r in data if isinstance(r, dict) and (r.get("judul") or r.get("noPeraturan"))]


def peraturan_detail(html: bytes | str, url: str) -> dict:
    """A peraturan.go.id detail page -> a record with JDIHN field names."""
    root = lxml.html.fromstring(html)
    values = {}
    for row in root.xpath('//table[@id="w2" or @id="w3"]//tr'):
        label = " ".join("".join(row.xpath("./th//text()")).split()).lower()
        value = " ".join("".join(row.xpath("./td//text()")).split())
        if label in PERATURAN_LABELS and value:
            values[PERATURAN_LABELS[label]] = value
    if not values.get("judul"):
        raise ValueError("no metadata table (#w2) on the page")
    pdf = next((a.get("href") for a in root.xpath('//a[contains(@href, "/files/") and contains(@href, ".pdf")]')),
               None)
    record = {k: v for k, v in values.items() if k in ("jenis", "teuBadan", "noPeraturan", "judul",
                                                       "tempat_penetapan", "pejabat_penetap", "status")}
    record.update(
        tahun_pengundangan=values.get("tahun_pengundangan") or values.get("tahun"),
        tanggal_pengundangan=_iso(values.get("tanggal_pengundangan")),
        tanggal_penetapan=_iso(values.get("tanggal_penetapan")),
        sumber=" ".join(x for x in (values.get("nomor_pengundangan"), values.get("nomor_tambahan")) if x) or None,
        singkatanJenis=_short_type(url),
        urlDetailPeraturan=url,
        urlDownload=_absolute(pdf, url) if pdf else None,
        bahasa="Indonesia",
    )
    return record


def _short_type(url: str) -> str | None:
    """"permen-kukm" from https://peraturan.go.id/id/permen-kukm-no-5-tahun-2022."""
    match = re.search(r"/id/([a-z-]+?)-no-", url)
    return match.group(1) if match else None


def _absolute(href: str, base: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base, href)
