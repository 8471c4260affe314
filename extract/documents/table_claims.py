"""Figures from performance tables: a row with a Target and a Realisasi for an indicator and a year yields a target
claim and an achievement claim for that indicator and year (LKj, Renstra, regulation appendices).

Column roles come from the header (``data/tables.yaml``); a table that continues on the next page without its
header keeps the previous header when its column count matches. A unit or scale in a header cell ("Target (juta
unit)", "Realisasi (Rp miliar)", "(%)") applies to that column's cells; otherwise the row's "Satuan" cell does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from db import ids
from extract.claims.scope import region_in
from extract.numbers import parse_number

from . import quality
from ._data import load
from .units import Scale, resolve_unit, unit_in

YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
TABLE_CONFIDENCE = 0.9
OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0"})


@dataclass
class Column:
    index: int
    role: str  # indicator | target | realisation | achievement_pct | unit | year | number
    label: str
    year: int | None = None
    scale: Scale | None = None


@dataclass
class Header:
    columns: list[Column] = field(default_factory=list)
    width: int = 0

    def role(self, name: str) -> list[Column]:
        return [c for c in self.columns if c.role == name]


def _role(cell: str) -> str | None:
    low = cell.lower()
    cues = load("tables")["columns"]
    if "realisasi" in low:
        return "realisation"
    if "target" in low:
        return "target"
    if "capaian" in low:
        return "achievement_pct" if ("%" in low or "persen" in low) else "capaian"
    if any(low.startswith(c) for c in cues["unit"]):
        return "unit"
    if low.strip() in cues["year"]:
        return "year"
    if low.strip() in cues["number"]:
        return "number"
    if any(c in low for c in cues["indicator"]):
        return "indicator"
    return None


def _header(rows: list[list[str]]) -> tuple[Header, int] | None:
    """The header of a table and the index of its first data row, or None when it has none."""
    for start in range(min(3, len(rows))):
        roles = [_role(cell) for cell in rows[start]]
        if "indicator" not in roles or not ({"target", "realisation", "capaian"} & set(roles)):
            continue
        header = Header(width=len(rows[start]))
        has_realisation = "realisation" in roles
        for index, (cell, role) in enumerate(zip(rows[start], roles)):
            if role == "capaian":
                role = "achievement_pct" if has_realisation else "realisation"
            if role:
                header.columns.append(Column(index, role, cell, _year_in(cell), unit_in(cell)))
        first_data = start + 1
        # a second header row with the years (or units) under merged "Target" / "Realisasi" cells
        if first_data < len(rows) and _is_subheader(rows[first_data]):
            sub = rows[first_data]
            for column in header.columns:
                below = sub[column.index] if column.index < len(sub) else ""
                if column.year is None:
                    column.year = _year_in(below)
                column.scale = column.scale or unit_in(below)
                column.label = f"{column.label} {below}".strip()
            first_data += 1
        return header, first_data
    return None


def _is_subheader(row: list[str]) -> bool:
    """A row of years, units ("(juta unit)") or column numbers ("(1)") under the header: no data in it."""
    filled = [c.strip() for c in row if c.strip()]
    return bool(filled) and all(
        YEAR_RE.fullmatch(c) or re.fullmatch(r"\(\d{1,2}\)", c)
        or (len(c) <= 20 and unit_in(c) is not None and not re.search(r"\d", c)) for c in filled)


def _year_in(cell: str) -> int | None:
    """A year in a header cell, reading an OCR'd "2O29" as 2029 (the claim is flagged by the cell's quality)."""
    text = cell.translate(OCR_DIGITS) if quality.confusions(cell) else cell
    match = YEAR_RE.search(text)
    return int(match.group(1)) if match else None


def _value(cell: str, scale: Scale | None) -> tuple[float | None, str]:
    """Number in a cell (scaled) and the text quality of the cell."""
    text = cell.replace("%", " ").strip()
    label = "corrupt" if quality.confusions(text) else "ok"
    if label != "ok":
        text = text.translate(OCR_DIGITS)
    if not re.search(r"\d", text):
        return None, label
    number = parse_number(text)
    if number is None:
        number = parse_number(text.split()[0])  # "15 unit", "17,87 persen": the figure before a unit word
    if number is None:
        return None, label
    return number * (scale.scale if scale else 1.0), label


@lru_cache(maxsize=1)
def _metric_rules():
    from nlp_models.gazetteer import load as load_gazetteer

    rules = []
    for metric in load_gazetteer()["metrics"]:
        cues = [(c.lower(), re.compile(rf"(?<![\w-]){re.escape(c.lower())}(?![\w-])")) for c in metric.get("cues") or []]
        rules.append((metric["id"], cues, set(metric.get("units") or []), [r.lower() for r in
                                                                            metric.get("requires_any") or []]))
    return rules


def metric_for(indicator: str, unit: str | None) -> str | None:
    """The gazetteer metric an indicator names, or None when unsure.

    A metric qualifies with one specific cue or two weak ones (``weak_metric_cues`` in data/tables.yaml: "digital"
    alone does not make "UMKM yang menggunakan pembayaran digital" the onboarding series); a tie is None, so a wrong
    series never receives an official figure.
    """
    low = indicator.lower()
    weak = set(load("tables")["weak_metric_cues"])
    named = _named_metric(indicator, unit)
    if named:
        return named
    scored = []
    for metric_id, cues, units, requires in _metric_rules():
        if unit and units and unit not in units:
            continue
        if requires and not any(r in low for r in requires):
            continue
        hit = [cue for cue, pattern in cues if pattern.search(low)]
        strong = sum(1 for cue in hit if cue not in weak)
        if strong or len(hit) >= 2:
            scored.append(((strong, len(hit)), metric_id))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]

def _named_metric(indicator: str, unit: str | None) -> str | None:
    """The one metric whose report phrase (``metric_phrases``) the indicator uses, else None."""
    low = indicator.lower()
    named = [m for m, phrases in (load("tables").get("metric_phrases") or {}).items()
             if any(p in low for p in phrases) and _unit_fits(m, unit)]
    return named[0] if len(named) == 1 else None


def _one_indicator_per_series(claims: list[dict]) -> list[dict]:
    """Two indicators of one document are two series: when several rows get the same metric from cue words (a QRIS row
    and an onboarding row both say "digital"), when one of them names the metric by its report phrase, only that row
    keeps it; the others become metric-less rather than feed a wrong series an official figure."""
    rows_by_metric: dict[str, set[str]] = {}
    for c in claims:
        if c["metric"]:
            rows_by_metric.setdefault(c["metric"], set()).add(c["row_label"])
    for c in claims:
        rows = rows_by_metric.get(c["metric"], set())
        named = {row for row in rows if _named_metric(row, c["unit"]) == c["metric"]}
        if len(rows) > 1 and named and c["row_label"] not in named:
            c["metric"] = None
            c["scope"], c["scope_name"] = _scope(c["row_label"], None)
    return claims


def _unit_fits(metric_id: str, unit: str | None) -> bool:
    units = next((u for m, _, u, _ in _metric_rules() if m == metric_id), set())
    return not (unit and units and unit not in units)


def _scope(indicator: str, metric: str | None) -> tuple[str | None, str | None]:
    """A region named in the indicator (canonical names, as the news claims' scope: "Jawa Barat", "Kota Bandung"),
    else national when the indicator names a metric (a ministry's table counts the whole country)."""
    regions = region_in(indicator)
    if regions:
        found = regions[0][1]
        return found.scope, found.name
    return ("national", None) if metric else (None, None)


def _tables_with_headers(document: dict):
    """(table, header, first data row) for every table, continuing a header across a page break."""
    previous = None
    for table in document["tables"]:
        found = _header(table["rows"])
        if found:
            previous = (found[0], table["page"])
            yield table, found[0], found[1]
        elif previous and table["page"] in (previous[1], previous[1] + 1) and \
                len(table["rows"][0]) == previous[0].width:
            previous = (previous[0], table["page"])
            yield table, previous[0], 0


def table_claims(document: dict) -> list[dict]:
    claims = []
    for table, header, first in _tables_with_headers(document):
        indicator_col = header.role("indicator")[-1]
        unit_col = next(iter(header.role("unit")), None)
        year_col = next(iter(header.role("year")), None)
        for row_index, row in enumerate(table["rows"][first:], start=first):
            cell = lambda c: row[c.index] if c is not None and c.index < len(row) else ""  # noqa: E731
            indicator = cell(indicator_col)
            if not indicator or YEAR_RE.fullmatch(indicator.strip()):
                continue
            row_scale = unit_in(cell(unit_col)) if unit_col else None
            row_year = YEAR_RE.search(cell(year_col)) if year_col else None
            for column in header.role("target") + header.role("realisation"):
                claim = _claim(document, table, row_index, row, indicator, column, row_scale,
                               int(row_year.group(1)) if row_year else None)
                if claim:
                    claims.append(claim)
    return _one_indicator_per_series(claims)


def _claim(document, table, row_index, row, indicator, column, row_scale, row_year) -> dict | None:
    raw = row[column.index] if column.index < len(row) else ""
    scale = column.scale or row_scale
    value, cell_quality = _value(raw, scale)
    if value is None:
        return None
    unit = resolve_unit(scale, indicator)
    year = column.year or row_year or document.get("year")
    header_quality = "corrupt" if quality.confusions(column.label) else "ok"
    label = quality.worst([cell_quality, header_quality, table.get("text_quality") or "ok"])
    metric = metric_for(indicator, unit)
    scope, scope_name = _scope(indicator, metric)
    is_target = column.role == "target"
    claim_type = "target" if is_target else "achievement"
    quote = f"{indicator} — {column.label}: {raw}"
    row_key = f"t{row_index}:c{column.index}"
    page = table["page"]
    return {
        "claim_id": ids.claim_id(f"{document['document_id']}:p{page}", value, unit, claim_type, row_key),
        "article_id": None,
        "claim_type": claim_type,
        "subject": indicator,
        "metric": metric,
        "value": value,
        "value_max": None,
        "unit": unit,
        "qualifier": None,
        "value_text": f"{raw} ({scale.phrase})" if scale and scale.phrase not in raw.lower() else raw,
        "target_year": year if is_target else None,
        "as_of": f"{year}-12" if (year and not is_target) else None,
        "stated_on": document.get("published"),
        "speaker": None,
        "speaker_title": None,
        "organization": document.get("issuer"),
        "program": None,
        "quote": quote,
        "char_start": None,
        "char_end": None,
        "confidence": quality.cap_confidence(TABLE_CONFIDENCE, label),
        "person_id": None,
        "institution_id": document.get("issuer_id"),
        "program_id": None,
        "scope": scope,
        "scope_name": scope_name,
        "source_kind": document.get("source_kind"),
        "document_id": document["document_id"],
        "page": page,
        "text_quality": label,
        "row_label": indicator,
        "column_label": column.label,
        "url": _page_url(document.get("url"), page),
    }


def _page_url(url: str | None, page: int) -> str | None:
    return f"{url}#page={page}" if url else None
