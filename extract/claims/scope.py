"""Scope of a claim: what a figure is measured over (docs/CONTRACTS.md "Seam: claims in, targets out").

``national`` | ``province`` | ``city`` (kabupaten/kota) | ``programme`` | ``company`` | ``sector``, with ``scope_name``
the canonical region ("Jawa Barat", "Kabupaten Badung"), programme id ("padi_umkm"), company ("Shopee") or sector.
A series is keyed by (metric, scope, scope_name, unit), so a province's or one platform's figure never joins the
national series. The nearest evidence wins: the figure's own clause, then its sentence, then the speaker's office
("Kepala Dinas Koperasi Provinsi Bali" speaks about Bali).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from extract.claims.clauses import _clause_bounds

REGIONS_FILE = Path(__file__).resolve().parents[2] / "nlp_models" / "gazetteer" / "regions.yaml"
# programme kinds that measure one scheme of their own; campaigns, slogans, national targets and regulations frame
# national figures
PROGRAMME_KINDS = {"programme", "platform", "campaign"}
# metrics that are national series whatever programme frames them: a KUR plafond, the national onboarding count,
# a stimulus budget are national figures, not one scheme's (financing schemes are national credit lines)
NATIONAL_METRICS = {"umkm_onboarded_digital", "kur_disbursement", "government_budget_umkm", "umkm_population",
                    "umkm_gdp_share", "umkm_employment_share", "digital_economy_value"}
# metrics measured inside one platform or programme: its programme scope holds even when the sentence only says
# "platform tersebut" or the programme was named earlier in the paragraph
PLATFORM_METRICS = {"umkm_on_ekatalog_padi", "program_transaction_value", "umkm_trained"}
COMPANY_TYPES = {"company", "soe"}
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_QUOTE_TAIL = re.compile(r"[”\"]\s*,?\s*(?:kata|ujar|ungkap|tutur|jelas|tambah|sebut|imbuh|terang|papar|tegas)\w*\b",
                         re.IGNORECASE)
_WEEKDAY_NEAR = re.compile(r"^[\s,]*(?:[A-Z][\w ]{0,25},\s*)?(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\b")


PLACE_ANAPHOR = re.compile(r"\b(kota|kabupaten|provinsi)\s+(?:itu|tersebut|ini)\b", re.IGNORECASE)
OWN_OFFICE = re.compile(r"\b(?:dinasnya|pemprov|pemkab|pemkot|provinsinya|daerahnya|kabupatennya|kotanya)\b", re.IGNORECASE)
PROGRAMME_ANAPHOR = re.compile(r"\b(?:platform|program|katalog|aplikasi|kampanye|sistem)\s+(?:tersebut|itu|ini)\b",
                               re.IGNORECASE)


# words that end a place name: offices, bodies and roles written right after it
_PLACE_NAME_END = re.compile(r"\s*\b(?:Dinas|Dis[a-z]+|Lembaga|Badan|Kantor|Pemkab|Pemkot|Pemprov|Kabupaten|Kota|Provinsi|"
                             r"Bupati|Wali|Gubernur|Camat|DPRD|Bank|Universitas|Sekretaris|Kepala|Ketua|Senin|Selasa|Rabu|"
                             r"Kamis|Jumat|Sabtu|Minggu)\b.*$")


@dataclass(frozen=True)
class Scope:
    scope: str | None
    name: str | None = None


@lru_cache(maxsize=1)
def _regions():
    data = yaml.safe_load(REGIONS_FILE.read_text(encoding="utf-8"))
    forms = []
    for prov in data["provinces"]:
        for form in [prov["name"], *prov.get("forms", [])]:
            forms.append((form, prov["name"]))
    forms.sort(key=lambda f: -len(f[0]))  # "Kepulauan Riau" before "Riau", "Papua Barat Daya" before "Papua"
    canon = {f.lower(): name for f, name in forms}
    province_rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f, _ in forms) + r")(?![\w-])")
    heads = lambda key: "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(data[key], key=len, reverse=True))
    city_rx = re.compile(rf"\b(?P<head>{heads('city_heads')})\s+(?P<name>{_NAME})")
    province_head_rx = re.compile(rf"\b(?:{heads('province_heads')})\s+(?P<name>{_NAME})")
    national_rx = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in data['national_words'])})(?![\w-])")
    sector_words = "|".join(re.escape(s) for s in sorted(data["sectors"], key=len, reverse=True))
    sector_rx = re.compile(rf"\b(?:(?:sektor|subsektor|bidang|industri)\s+|(?:UMKM|UKM|usaha|pelaku\s+usaha)\s+)"
                           rf"(?P<name>{sector_words})\b", re.IGNORECASE)
    return province_rx, canon, city_rx, province_head_rx, national_rx, sector_rx


def _city_name(head: str, name: str) -> str:
    kind = "Kota" if head.lower().replace(" ", "").startswith(("kota", "pemkot", "walikota", "wakilwalikota")) \
        else "Kabupaten"
    return f"{kind} {name}"


@lru_cache(maxsize=2048)
def region_in(text: str) -> tuple[tuple[int, Scope], ...]:
    """Every region reference of ``text`` as (position, Scope), places of a statement ("di Bandung, Rabu") left out.
    Cached: every figure of a sentence asks about the same sentence."""
    province_rx, canon, city_rx, province_head_rx, _, _ = _regions()
    found = []
    taken = []
    for m in city_rx.finditer(text):
        name = m.group("name").split()
        # the name stops before a role or a province ("Kabupaten Badung Bali" is rare; "Kota Bandung Jawa Barat" not)
        name = " ".join(w for w in name if w.lower() not in {"provinsi", "dan", "di"})
        name = _PLACE_NAME_END.split(name)[0].strip()  # "Kabupaten Serang Diskoumperindag ...": the name ends there
        if not name:
            continue
        found.append((m.start(), Scope("city", _city_name(m.group("head"), name))))
        taken.append((m.start(), m.end()))
    for m in province_head_rx.finditer(text):
        pm = province_rx.match(text, m.start("name"))
        if pm is None:
            continue  # "Gubernur BI Perry Warjiyo": a head word without a province after it
        found.append((m.start(), Scope("province", canon[pm.group(0).lower()])))
        taken.append((m.start(), pm.end()))
    for m in province_rx.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or _WEEKDAY_NEAR.match(text[m.end():]):
            continue
        found.append((m.start(), Scope("province", canon[m.group(0).lower()])))
    return tuple(sorted(found, key=lambda f: f[0]))


def _nearest(found: list[tuple[int, Scope]], pos: int) -> Scope | None:
    return min(found, key=lambda f: abs(f[0] - pos))[1] if found else None


def scope_of(sent_text: str, rel_start: int, rel_end: int, *, entities=(), program_id: str | None = None,
             program_kind: str | None = None, speaker_office: str | None = None, unit: str | None = None,
             metric: str | None = None, inst_type=None, earlier: str = "") -> Scope:
    """The scope of the figure at ``rel_start:rel_end`` of ``sent_text``.

    ``entities`` are (start, end, label, ent_id) in sentence offsets; ``inst_type(inst_id)`` gives an institution's
    gazetteer type (company, soe, ministry ...); ``speaker_office`` is the speaker's title and organisation."""
    if unit is None and metric is None:
        return Scope(None)
    tail = _QUOTE_TAIL.search(sent_text, rel_end)
    if tail:
        # '"...," kata Luhut dalam peluncuran Gernas BBI Jawa Tengah': the place of the event is not the figure's
        sent_text = sent_text[:tail.start()]
    left, right = _clause_bounds(sent_text, rel_start, rel_end)
    clause = sent_text[left:right]
    _, _, _, _, national_rx, sector_rx = _regions()
    back = PLACE_ANAPHOR.search(clause)
    if back and earlier:
        kind = "province" if back.group(1).lower() == "provinsi" else "city"
        named = [sc for _, sc in region_in(earlier[-800:]) if sc.scope == kind and
                 (kind == "province" or sc.name.lower().startswith(back.group(1).lower()))]
        if named:
            return named[-1]  # "Di kota itu, sudah 98 ribu UMKM ...": the city named before
    # a region named in the figure's clause, then in its sentence; in the clause, the nearer of a region and a
    # national word ("Jawa Timur memiliki 9,78 juta pelaku UMKM, terbanyak kedua secara nasional" is Jawa Timur's)
    for text, offset in ((clause, left), (sent_text, 0)):
        regions = list(region_in(text))
        if text is clause:
            regions += [(m.start(), Scope("national")) for m in national_rx.finditer(text)
                        if not any(a <= m.start() + left < b for a, b, _, _ in entities)]  # not "Bangga Buatan Indonesia"
        hit = _nearest(regions, rel_start - offset)
        if hit is not None:
            return hit
    # one company's or one programme's figure: the entity sits in the figure's clause
    for start, end, label, ent_id in entities:
        if not (left <= start and end <= right):
            continue
        if label == "ORG" and ent_id.startswith("inst:") and inst_type and \
                inst_type(ent_id.split(":", 1)[1]) in COMPANY_TYPES and not _is_speaker_source(clause, start - left):
            return Scope("company", sent_text[start:end])
    if speaker_office and OWN_OFFICE.search(clause):
        hit = region_in(speaker_office)
        if hit:
            return hit[-1][1]  # "dinasnya telah melatih 18.700 pelaku usaha": the regional office's own output
    named_here = any(label == "PROGRAM" and left <= start and end <= min(right, rel_end + 40)
                     for start, end, label, _ in entities)
    if program_id and program_kind in PROGRAMME_KINDS and (program_kind == "platform" or metric not in NATIONAL_METRICS) \
            and (named_here or (program_kind == "platform" and (metric in PLATFORM_METRICS or PROGRAMME_ANAPHOR.search(clause)))):
        return Scope("programme", program_id)
    m = sector_rx.search(clause)
    if m:
        return Scope("sector", m.group("name").lower())
    if national_rx.search(sent_text):
        return Scope("national")
    if speaker_office:
        hit = region_in(speaker_office)
        if hit:
            return hit[-1][1]
    return Scope("national")


def _is_speaker_source(clause: str, pos: int) -> bool:
    """"Menurut Shopee, ..." / "data BRI": the company is the source of the figure, not what it measures."""
    return bool(re.search(r"\b(?:menurut|data|laporan|riset|survei|kata|ujar)\s+$", clause[max(0, pos - 12):pos], re.I))
