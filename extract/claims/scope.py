"""Scope of a claim: what a figure is measured over (docs/CONTRACTS.md "Seam: claims in, targets out").

``national`` | ``province`` | ``city`` (kabupaten/kota) | ``programme`` | ``company`` | ``sector``, with ``scope_name``
the canonical region ("Jawa Barat", "Kabupaten Badung"), programme id ("padi_umkm"), company ("Shopee") or sector.
A series is keyed by (metric, scope, scope_name, unit), so a province's or one platform's figure never joins the
national series. The nearest evidence wins: the figure's own clause, then its sentence, then the speaker's office
("Kepala Dinas Koperasi Provinsi Bali" speaks about Bali).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from extract.claims.clauses import _clause_bounds
from extract.claims.filters import _lowercase_figure_phrase
from extract.claims.lexicon import alternation
from extract.claims.metric import SPEECH_TAIL
from extract.claims.programmes import Named, mentions, named_programmes

REGIONS_FILE = Path(__file__).resolve().parents[2] / "nlp_models" / "gazetteer" / "regions.yaml"
# programme kinds that measure one scheme of their own (FORMAT.md "Conventions decided 2026-12-03": a named
# programme's own figure - its target, result, budget, reach - has scope programme even when the programme is
# national, KUR and BPUM included); slogans, national targets and regulations frame national figures
PROGRAMME_KINDS = {"programme", "platform", "campaign", "financing"}
# metrics that are country-wide statistics whatever programme a sentence names: the UMKM population, a national share
# of GDP or employment, the digital economy's size belong to no scheme
NATIONAL_METRICS = {"umkm_population", "umkm_gdp_share", "umkm_employment_share", "digital_economy_value"}
# metrics measured inside one platform or programme: its programme scope holds even when the sentence only says
# "platform tersebut" or the programme was named earlier in the paragraph
PLATFORM_METRICS = {"umkm_on_ekatalog_padi", "program_transaction_value", "umkm_trained"}
COMPANY_TYPES = {"company", "soe"}
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_WEEKDAY_NEAR = re.compile(r"^[\s,]*(?:[A-Z][\w ]{0,25},\s*)?(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\b")


PLACE_ANAPHOR = re.compile(r"\b(kota|kabupaten|provinsi)\s+(?:itu|tersebut|ini)\b", re.IGNORECASE)
OWN_OFFICE = re.compile(r"\b(?:dinasnya|pemprov|pemkab|pemkot|provinsinya|daerahnya|kabupatennya|kotanya)\b", re.IGNORECASE)
PROGRAMME_ANAPHOR = re.compile(rf"\b(?:{alternation('scope', 'programme_heads')}|katalog)\s+(?:tersebut|itu|ini|serupa)\b|"
                               rf"\bplatform(?:nya)?\b", re.IGNORECASE)
# "penjual asal Yogyakarta", "pelaku UMKM dari DIY": where the counted come from, not what the figure covers
ORIGIN_BEFORE = re.compile(rf"\b(?:{alternation('scope', 'origin_words')})\s+(?:\w+\s+)?$", re.IGNORECASE)
# a region written as an office or its holder: the actor of the clause, not what a programme's figure covers
ACTOR_REGION = re.compile(r"(?:Bupati|Wakil\s+Bupati|Wali\s*kota|Wakil\s+Wali\s*kota|Gubernur|Wakil\s+Gubernur|Pemkab|Pemkot|"
                          r"Pemprov|Pemerintah)\b", re.IGNORECASE)
NATIONAL_OFFICE = re.compile(rf"\b(?:{alternation('scope', 'national_offices')})\b")
# a business named in a speaker's title: after a role only a business has ("CEO Pasarnesia") or as a business's own
# name ("PT Sinar Jaya", "Koperasi Nelayan Bahari Kei")
_BUSINESS_NAME = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
COMPANY_ROLE = re.compile(rf"(?<![\w-])(?i:{alternation('scope', 'company_roles')})(?:\s+[a-z][a-z-]*){{0,3}}?\s+"
                          rf"(?P<name>{_BUSINESS_NAME})")  # "pemilik usaha tas kulit Kulit Rinjani"
_ROLE_WORD = re.compile(rf"(?i:{alternation('scope', 'company_roles')})$")
OWNER_ROLE = re.compile(rf"(?<![\w-])(?i:{alternation('scope', 'owner_roles')})(?:\s+[a-z][a-z-]*){{0,3}}?\s+"
                        rf"(?P<name>{_BUSINESS_NAME})")
COMPANY_FORM = re.compile(rf"(?<![\w-])(?P<name>(?:{alternation('scope', 'company_forms')})\s+{_BUSINESS_NAME})")
# the roles that hold a business's own name: "Ketua Koperasi X", "Direktur PT X", or the name opening the title
_HOLDER_BEFORE = re.compile(r"(?:^|\b(?:Ketua|Pengurus|Manajer|Direktur|Bendahara|Pendiri|Pemilik|pendiri|pemilik|"
                            r"ketua|pengurus|manajer)\s+)$")
_BUSINESS_NAME_END = re.compile(r"\s*\b(?:Dinas|Kepala|Ketua|Direktur|Kabupaten|Kota|Provinsi|Bupati|Wali|Gubernur|"
                                r"Sekretaris|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b.*$")
# context statistics a business may quote but never measures itself
MARKET_METRICS = {"umkm_population", "umkm_gdp_share", "umkm_employment_share", "digital_economy_value"}


# words that end a place name: offices, bodies and roles written right after it
_PLACE_NAME_END = re.compile(r"\s*\b(?:Dinas|Dis[a-z]+|Lembaga|Badan|Kantor|Pemkab|Pemkot|Pemprov|Kabupaten|Kota|Provinsi|"
                             r"Bupati|Wali|Gubernur|Camat|DPRD|Bank|Universitas|Sekretaris|Kepala|Ketua|Senin|Selasa|Rabu|"
                             r"Kamis|Jumat|Sabtu|Minggu)\b.*$")


@dataclass(frozen=True)
class Scope:
    scope: str | None
    name: str | None = None


@dataclass(frozen=True)
class ArticleScope:
    """What the whole article says about places and programmes: the region it is about (``home``), abbreviations it
    defines for regions ("Kabupaten Penajam Paser Utara (PPU)"), the programmes it introduces by name."""
    home: Scope | None = None
    aliases: tuple[tuple[str, str], ...] = ()
    named: tuple[Named, ...] = ()
    programme: str | None = None  # the gazetteer programme the article is about (see _article_programme)

    def canonical(self, sc: Scope) -> Scope:
        full = dict(self.aliases).get(sc.name) if sc.name else None
        return Scope(sc.scope, full) if full else sc


_REGION_ACRONYM = re.compile(r"\b(?P<head>Kabupaten|Kota)\s+(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})\s*\((?P<acr>[A-Z][A-Za-z]{1,7})\)")


@lru_cache(maxsize=256)
def article_scope(text: str) -> ArticleScope:
    """The region an article is about: the region most of its region mentions name, when there are at least two and
    it has most of them (a regional desk's story about its province or kabupaten). National stories name none."""
    aliases = tuple((f"{m.group('head')} {m.group('acr')}", f"{m.group('head')} {m.group('name')}")
                    for m in _REGION_ACRONYM.finditer(text))
    art = ArticleScope(aliases=aliases, named=named_programmes(text), programme=_article_programme(text))
    counts: dict[Scope, int] = {}
    for _, sc in region_in(text):
        sc = art.canonical(sc)
        counts[sc] = counts.get(sc, 0) + 1
    dateline = _dateline_region(text, counts)
    if dateline is not None:
        counts[dateline] = counts.get(dateline, 0) + 1
    if counts:
        home, n = max(counts.items(), key=lambda kv: kv[1])
        if n >= 2 and n * 5 >= sum(counts.values()) * 3:
            return ArticleScope(home=home, aliases=aliases, named=art.named, programme=art.programme)
    return art


# kinds of programme whose figures an article about them reports without naming them again; a campaign (Gernas BBI,
# Gerakan AKAR) frames national or regional counts that are not its own
ARTICLE_PROGRAMME_KINDS = {"programme", "platform", "financing"}
# a survey or study is a data source of its own: what it found describes the businesses, not the programme
SURVEY_SOURCE = re.compile(rf"\b(?:{alternation('scope', 'survey_sources')})\b", re.IGNORECASE)
# "dari 59 juta usaha mikro, ...", "5 persen dari 57,9 juta UMKM": a share of the country's (or a region's) millions of
# businesses is a statistic of the population, not a programme's figure
POPULATION_BASE = re.compile(r"\bdari\s+(?:total\s+|sekitar\s+|seluruh\s+)*\d[\d.,]*\s*juta\s+"
                             rf"(?:{alternation('scope', 'population_nouns')})\b", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"\s*\([^()\n]{1,25}\)")


@lru_cache(maxsize=1)
def _programme_name_rx() -> tuple[re.Pattern, dict[str, str]]:
    """The names and aliases of the gazetteer's programmes of PROGRAMME_KINDS as written when they name the programme
    (a form with a capital letter: "KUR", "Kopdes Merah Putih"; not "digitalisasi UMKM") -> programme id."""
    from extract.claims.gaz import _gaz

    forms = {}
    for pid, prog in _gaz()[0]["programs"].items():
        if prog.get("kind") in ARTICLE_PROGRAMME_KINDS:
            for form in [prog["name"], *prog.get("aliases", [])]:
                if len(form) >= 3 and any(c.isupper() for c in form):
                    forms.setdefault(form, pid)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    return rx, forms


def _article_programme(text: str) -> str | None:
    """The programme an article is about: named in its opening paragraph and holding at least two mentions and two
    thirds of all programme mentions (a story on KUR, on the village cooperatives, on BPUM). Its figures that name no
    region, company or other programme are the programme's own (FORMAT.md conventions 2026-12-03). A parenthesised
    abbreviation inside a name ("Koperasi Desa/Kelurahan (Kopdes/Kel) Merah Putih") does not hide the name."""
    rx, forms = _programme_name_rx()
    plain = _PARENTHETICAL.sub("", text)
    counts: dict[str, int] = {}
    first_at: dict[str, int] = {}
    for m in rx.finditer(plain):
        pid = forms[m.group(0)]
        counts[pid] = counts.get(pid, 0) + 1
        first_at.setdefault(pid, m.start())
    if not counts:
        return None
    pid, n = max(counts.items(), key=lambda kv: kv[1])
    lede_end = plain.find("\n\n", 200)
    lede_end = len(plain) if lede_end < 0 else lede_end
    if n >= 2 and n * 3 >= sum(counts.values()) * 2 and first_at[pid] < lede_end:
        return pid
    return None


_DATELINE_END = re.compile(r"\s[-–—]\s|[—–]|\)\s*:|:\s")
PROVINCE_LEVEL = re.compile(rf"\b(?:{alternation('scope', 'province_level')})\b", re.IGNORECASE)
CITY_LEVEL = re.compile(rf"\b(?:{alternation('scope', 'city_level')})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cities():
    """Dateline forms of every kota (upper-case) -> canonical kota name; kota -> its province; the dateline pattern."""
    data = yaml.safe_load(REGIONS_FILE.read_text(encoding="utf-8"))
    province_of = {city: prov for prov, cities in data["cities"].items() for city in cities}
    forms = {city.upper(): city for city in province_of}
    forms.update({form.upper(): city for form, city in data["city_forms"].items()})
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    return forms, province_of, rx


def _dateline_region(text: str, counts: dict) -> Scope | None:
    """The region the dateline's city stands for ("MEDAN (Waspada):", "TRIBUNJABAR.ID, BANDUNG -"): the city, or its
    province, whichever the article's own region mentions and government words ("pemkot", "pemerintah provinsi")
    point to; None when they do not decide or the dateline names no kota."""
    forms, province_of, rx = _cities()
    head = _DATELINE_END.split(text[:100], 1)[0]
    m = rx.search(head.upper())
    if m is None:
        return None
    city = forms[m.group(0)]
    as_city, as_province = Scope("city", f"Kota {city}"), Scope("province", province_of[city])
    # the article's mentions of the city and of its province decide; its government words break a tie
    city_votes = (counts.get(as_city, 0), bool(CITY_LEVEL.search(text)))
    province_votes = (counts.get(as_province, 0), bool(PROVINCE_LEVEL.search(text)))
    if city_votes == province_votes:
        return None
    return as_city if city_votes > province_votes else as_province


@lru_cache(maxsize=1)
def _regions():
    data = yaml.safe_load(REGIONS_FILE.read_text(encoding="utf-8"))
    forms = []
    for prov in data["provinces"]:
        for form in [prov["name"], *prov.get("forms", [])]:
            forms.append((form, prov["name"]))
    forms.sort(key=lambda f: -len(f[0]))  # "Kepulauan Riau" before "Riau", "Papua Barat Daya" before "Papua"
    canon = {f.lower(): name for f, name in forms}
    province_names = r"(?:" + "|".join(re.escape(f) for f, _ in forms) + r")(?![\w-])"
    province_rx = re.compile(r"(?<![\w-])" + province_names)
    province_scan = re.compile(province_names)  # the same without the look-behind: see _province_mentions
    heads = lambda key: "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(data[key], key=len, reverse=True))
    city_rx = re.compile(rf"\b(?P<head>{heads('city_heads')})\s+(?P<name>{_NAME})")
    province_head_rx = re.compile(rf"\b(?:{heads('province_heads')})\s+(?P<name>{_NAME})")
    national_rx = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in data['national_words'])})(?![\w-])")
    sector_words = "|".join(re.escape(s) for s in sorted(data["sectors"], key=len, reverse=True))
    sector_rx = re.compile(rf"\b(?:(?:sektor|subsektor|bidang|industri)\s+|(?:UMKM|UKM|usaha|pelaku\s+usaha)\s+)"
                           rf"(?P<name>{sector_words})\b", re.IGNORECASE)
    return province_rx, canon, city_rx, province_head_rx, national_rx, sector_rx, province_scan


def _province_mentions(text: str):
    """``province_rx.finditer(text)``, found faster: a pattern that opens with a look-behind makes the regex engine
    try every alternative at every position, while the bare alternation lets it jump to the letters a province name
    can start with. A candidate glued to a word or a hyphen on its left is dropped and the search goes on from the
    next character, so the matches are exactly those of ``province_rx``."""
    scan = _regions()[6]
    pos = 0
    while (m := scan.search(text, pos)) is not None:
        before = text[m.start() - 1] if m.start() else ""
        if before and (before.isalnum() or before in "_-"):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


# a body whose name holds a province: "Universitas Lampung", "Bank Jatim", "Politeknik Negeri Bali"
_INSTITUTION_BEFORE = re.compile(r"\b(?:Universitas|Institut|Politeknik|Sekolah\s+Tinggi|UIN|Bank)\s+(?:Negeri\s+|Islam\s+Negeri\s+)?$")


def _kota_around(text: str, start: int, end: int) -> str | None:
    """The kota whose name holds the province name at ``start:end`` ("Bandar Lampung", "Banda Aceh"), if any."""
    for city in _multiword_kota():
        i = city.find(text[start:end])
        if i >= 0 and text[start - i:start - i + len(city)] == city:
            return city
    return None


@lru_cache(maxsize=1)
def _multiword_kota() -> tuple[str, ...]:
    """Kota names of more than one word (the only ones that can hold a province name next to other words)."""
    return tuple(c for c in _cities()[1] if " " in c)


_ROLE_HEAD = re.compile(r"(?:Bupati|Wali\s*kota|Walikota|Wakil)\b", re.IGNORECASE)


def _city_name(head: str, name: str) -> str:
    kind = "Kota" if head.lower().replace(" ", "").startswith(("kota", "pemkot", "walikota", "wakilwalikota")) \
        else "Kabupaten"
    if kind == "Kota":
        forms = _cities()[0]
        words = name.split()
        known = [n for n in range(len(words), 0, -1) if " ".join(words[:n]).upper() in forms]
        if known and known[0] < len(words):
            name = " ".join(words[:known[0]])  # "Kota Malang Wahyu Setianto": the kota, then the office holder's name
        name = forms.get(name.upper(), name)  # "Kota Jogja" is Kota Yogyakarta, "Kota Solo" Kota Surakarta
    return f"{kind} {name}"


@lru_cache(maxsize=2048)
def region_in(text: str) -> tuple[tuple[int, Scope], ...]:
    """Every region reference of ``text`` as (position, Scope), places of a statement ("di Bandung, Rabu") left out.
    Cached: every figure of a sentence asks about the same sentence."""
    province_rx, canon, city_rx, province_head_rx, _, _, _ = _regions()
    found = []
    taken = []
    for m in city_rx.finditer(text):
        name = m.group("name").split()
        # the name stops before a role or a province ("Kabupaten Badung Bali" is rare; "Kota Bandung Jawa Barat" not)
        name = " ".join(w for w in name if w.lower() not in {"provinsi", "dan", "di"})
        name = _PLACE_NAME_END.split(name)[0].strip()  # "Kabupaten Serang Diskoumperindag ...": the name ends there
        if not name:
            continue
        if _ROLE_HEAD.match(m.group("head")):
            name = name.split()[0]  # "Bupati Banyuwangi Abdullah Azwar Anas": a person's name follows the place
        found.append((m.start(), Scope("city", _city_name(m.group("head"), name))))
        taken.append((m.start(), m.end()))
    for m in province_head_rx.finditer(text):
        pm = province_rx.match(text, m.start("name"))
        if pm is None:
            continue  # "Gubernur BI Perry Warjiyo": a head word without a province after it
        found.append((m.start(), Scope("province", canon[pm.group(0).lower()])))
        taken.append((m.start(), pm.end()))
    for m in _province_mentions(text):
        if any(a <= m.start() < b for a, b in taken) or _WEEKDAY_NEAR.match(text[m.end():]) or \
                _INSTITUTION_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "Universitas Lampung", "Bank Jatim": a body's name, not the province
        city = _kota_around(text, m.start(), m.end())
        if city:
            found.append((m.start(), Scope("city", f"Kota {city}")))  # "Bandar Lampung" is a kota, not Lampung
            continue
        found.append((m.start(), Scope("province", canon[m.group(0).lower()])))
    return tuple(sorted(found, key=lambda f: f[0]))


_FIGURE = re.compile(r"\d")


def _nearest(found: list[tuple[int, Scope]], pos: int, text: str = "") -> Scope | None:
    """The region a figure belongs to: the nearest one before it with no other figure in between ("Kota Padang
    menyumbang 31 ribu, disusul Kabupaten Agam dengan 12 ribu"), else the nearest one."""
    before = [f for f in found if f[0] < pos and not _FIGURE.search(text[f[0]:pos])] if text else []
    if before:
        return max(before, key=lambda f: f[0])[1]
    return min(found, key=lambda f: abs(f[0] - pos))[1] if found else None


def scope_of(sent_text: str, rel_start: int, rel_end: int, *, entities=(), program_id: str | None = None,
             program_kind: str | None = None, speaker_office: str | None = None, unit: str | None = None,
             metric: str | None = None, inst_type=None, earlier: str = "", article: ArticleScope | None = None,
             recent_named: Named | None = None) -> Scope:
    """The scope of the figure at ``rel_start:rel_end`` of ``sent_text``.

    ``entities`` are (start, end, label, ent_id) in sentence offsets; ``inst_type(inst_id)`` gives an institution's
    gazetteer type (company, soe, ministry ...); ``speaker_office`` is the speaker's title and organisation;
    ``article`` what the whole article says (home region, region abbreviations, programmes it names);
    ``recent_named`` the programme (not in the gazetteer) the article named last, for "platform tersebut"."""
    if unit is None and metric is None:
        return Scope(None)
    article = article or ArticleScope()
    owner = business_in(sent_text)  # "..., kata Agus, pemilik usaha Batik Sari": the tail names the business
    tail = SPEECH_TAIL.search(sent_text, rel_end)
    if tail:
        # '"...," kata Luhut dalam peluncuran Gernas BBI Jawa Tengah': the place of the event is not the figure's
        sent_text = sent_text[:tail.start()]
    return article.canonical(_scope(sent_text, rel_start, rel_end, entities, program_id, program_kind, speaker_office,
                                    metric, inst_type, earlier, article, recent_named, owner))


# a figure right before a programme's alias written in lower case ("8 juta UMKM go online", "30 juta UMKM go digital"):
# the alias is the figure's noun phrase, a status, not the programme named
_FIGURE_BEFORE = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:juta|ribu|miliar|triliun|jutaan|ribuan)?\s+$", re.IGNORECASE)


MEANS_BEFORE = re.compile(rf"\b(?:{alternation('scope', 'means_words')})\s+(?:(?:{alternation('scope', 'programme_heads')})\s+)?$",
                          re.IGNORECASE)


def _descriptive_alias(sent_text: str, start: int, end: int) -> bool:
    if _lowercase_figure_phrase(sent_text[start:end]):
        return True  # the figure is inside the match: "8 juta UMKM go online" is no "8 Juta UMKM Go Online"
    words = re.findall(r"[A-Za-z][\w-]*", sent_text[start:end])
    return any(w[0].islower() for w in words) and bool(_FIGURE_BEFORE.search(sent_text, max(0, start - 25), start))


def _scope(sent_text, rel_start, rel_end, entities, program_id, program_kind, speaker_office, metric, inst_type,
           earlier, article, recent_named, owner=None) -> Scope:
    entities = [e for e in entities if not (e[2] == "PROGRAM" and _descriptive_alias(sent_text, e[0], e[1]))]
    left, right = _clause_bounds(sent_text, rel_start, rel_end)
    clause = sent_text[left:right]
    _, _, _, _, national_rx, sector_rx, _ = _regions()
    back = PLACE_ANAPHOR.search(clause)
    if back and earlier:
        kind = "province" if back.group(1).lower() == "provinsi" else "city"
        named = [sc for _, sc in region_in(earlier[-800:]) if sc.scope == kind and
                 (kind == "province" or sc.name.lower().startswith(back.group(1).lower()))]
        if named:
            return named[-1]  # "Di kota itu, sudah 98 ribu UMKM ...": the city named before
    named_spans = mentions(sent_text, article.named)
    # names of programmes hold places ("Banyuwangi Mall", "Gernas BBI Jawa Tengah"); offices do not ("Dinas Koperasi
    # Jawa Timur" speaks for Jawa Timur)
    spans = [(a, b) for a, b, label, _ in entities if label == "PROGRAM"] + [(a, b) for a, b, _ in named_spans]
    # "Indonesia" in "Shopee Indonesia" or "Bank Indonesia" names a body, not the nation
    name_spans = spans + [(a, b) for a, b, label, _ in entities if label == "ORG"]
    own_programme = _own_programme(clause, left, rel_end, named_spans, recent_named)
    counted_in = own_programme is not None or (program_id and PROGRAMME_ANAPHOR.search(clause)) or any(
        label == "ORG" and left <= a and b <= right and inst_type and ent_id.startswith("inst:") and
        inst_type(ent_id.split(":", 1)[1]) in COMPANY_TYPES for a, b, label, ent_id in entities) or any(
        label == "PROGRAM" and left <= a and b <= right for a, b, label, _ in entities)
    # a platform the gazetteer lists, named in the clause, is what its operator's figure measures ("PT Telkom ... 1.800
    # transaksi per hari di PaDi UMKM")
    platform_named = program_kind == "platform" and any(label == "PROGRAM" and left <= a and b <= right
                                                         for a, b, label, _ in entities)
    platform = _platform_in(clause, left, right, entities, inst_type) \
        if metric == "umkm_onboarded_digital" and not platform_named else None
    if platform:
        return Scope("company", platform)  # "Gojek mencatat mitra GoFood di Kabupaten Bogor tumbuh 22 persen"
    # a region named in the figure's clause, then in its sentence; in the clause, the nearer of a region and a
    # national word ("Jawa Timur memiliki 9,78 juta pelaku UMKM, terbanyak kedua secara nasional" is Jawa Timur's)
    for text, offset in ((clause, left), (sent_text, 0)):
        regions = [(pos, sc) for pos, sc in region_in(text)
                   if not any(a <= pos + offset < b for a, b in spans)  # "Banyuwangi Mall", "Gernas BBI Jawa Tengah"
                   and not (counted_in and (ORIGIN_BEFORE.search(text[max(0, pos - 20):pos]) or
                                            ACTOR_REGION.match(text, pos)))]  # "penjual asal DIY", "Bupati X menargetkan program itu"
        if text is clause:
            regions += [(m.start(), Scope("national")) for m in national_rx.finditer(text)
                        if not any(a <= m.start() + left < b for a, b in name_spans)]  # not "Bangga Buatan Indonesia"
        hit = _nearest(regions, rel_start - offset, text)
        if hit is not None and hit.scope == "national" and program_id and program_kind in PROGRAMME_KINDS and \
                metric not in NATIONAL_METRICS and _programme_in(entities, left, right):
            # "Secara nasional, BPUM telah disalurkan kepada 9,1 juta usaha mikro": a national programme's own figure
            return Scope("programme", program_id)
        if hit is not None:
            return hit
    # one company's or one programme's figure: the entity sits in the figure's clause
    for start, end, label, ent_id in entities:
        if not (left <= start and end <= right) or platform_named:
            continue
        if label == "ORG" and ent_id.startswith("inst:") and inst_type and \
                inst_type(ent_id.split(":", 1)[1]) in COMPANY_TYPES and not _is_speaker_source(clause, start - left):
            return Scope("company", company_short_name(ent_id.split(":", 1)[1]) or sent_text[start:end])
    if owner and metric not in MARKET_METRICS:
        return Scope("company", owner)  # one business's own sales, orders, prices
    if speaker_office and OWN_OFFICE.search(clause):
        hit = region_in(speaker_office)
        if hit:
            return hit[-1][1]  # "dinasnya telah melatih 18.700 pelaku usaha": the regional office's own output
    # the programme named in the figure's clause, near the figure or as the means ("... lewat program UMKM Go Online")
    named_here = any(label == "PROGRAM" and left <= start and (end <= min(right, rel_end + 40) or
                                                              (end <= right and MEANS_BEFORE.search(sent_text, max(0, start - 30), start)))
                     for start, end, label, _ in entities)
    if program_id and article.home is not None and not (speaker_office and NATIONAL_OFFICE.search(speaker_office)):
        return article.home  # a national scheme in a regional story (QRIS merchants of one province): the region's slice
    if program_id and program_kind in PROGRAMME_KINDS and metric not in NATIONAL_METRICS and \
            not SURVEY_SOURCE.search(sent_text) \
            and (named_here or (program_kind == "platform" and (metric in PLATFORM_METRICS or PROGRAMME_ANAPHOR.search(clause)))):
        return Scope("programme", program_id)  # not what a survey found ("67% responden sudah menerima QRIS")
    if own_programme is not None and not named_here:
        return Scope("programme", own_programme.name)  # a programme the gazetteer does not list, named by the article
    company = speaker_company(speaker_office) if metric not in MARKET_METRICS else None
    if company:
        return Scope("company", company)  # "Kami menargetkan 25.000 penjual", said by a platform's director
    m = sector_rx.search(clause)
    if m:
        return Scope("sector", m.group("name").lower())
    if article.programme and article.home is None and metric not in NATIONAL_METRICS and \
            not SURVEY_SOURCE.search(sent_text) and not POPULATION_BASE.search(sent_text) and \
            not (speaker_office and region_in(speaker_office)) and \
            not any(label == "PROGRAM" and ent_id != f"prog:{article.programme}" for _, _, label, ent_id in entities):
        return Scope("programme", article.programme)  # a figure of the programme the article is about
    if any(not any(a <= m.start() < b for a, b in name_spans) for m in national_rx.finditer(sent_text)):
        return Scope("national")
    if speaker_office:
        hit = region_in(speaker_office)
        if hit:
            return hit[-1][1]
        if NATIONAL_OFFICE.search(speaker_office):
            return Scope("national")  # a minister's figure in a regional story is the national one
    if article.home is not None:
        return article.home  # a regional story's figures are the region's unless the text says otherwise
    return Scope("national")


def _programme_in(entities, left: int, right: int) -> bool:
    return any(label == "PROGRAM" and left <= a and b <= right for a, b, label, _ in entities)


def _platform_in(clause: str, left: int, right: int, entities, inst_type) -> str | None:
    """The company whose own sellers or merchants a figure counts: one the gazetteer lists, in the figure's clause and
    not only as its source ("menurut data Shopee"). A platform's regional sellers stay the platform's."""
    if inst_type is None:
        return None
    for start, end, label, ent_id in entities:
        if label == "ORG" and left <= start and end <= right and ent_id.startswith("inst:") and \
                inst_type(ent_id.split(":", 1)[1]) in COMPANY_TYPES and not _is_speaker_source(clause, start - left):
            return company_short_name(ent_id.split(":", 1)[1])
    return None


def _own_programme(clause: str, left: int, rel_end: int, named_spans, recent_named: Named | None) -> Named | None:
    """The article-named programme a figure is counted in: named in its clause (up to a little after the figure), or
    referred back to ("platform tersebut", "kampus ini") when the article named one just before."""
    here = [n for a, b, n in named_spans if left <= a and b <= left + len(clause) and a <= rel_end + 60]
    if here:
        return here[-1]
    if recent_named is not None and PROGRAMME_ANAPHOR.search(clause):
        return recent_named
    return None


def _is_speaker_source(clause: str, pos: int) -> bool:
    """"Menurut Shopee, ..." / "data BRI": the company is the source of the figure, not what it measures."""
    return bool(re.search(r"\b(?:menurut|data|laporan|riset|survei|kata|ujar)\s+$", clause[max(0, pos - 12):pos], re.I))


@lru_cache(maxsize=1)
def _companies() -> tuple[dict[str, str], re.Pattern]:
    """Every form of a company or state firm the gazetteer lists -> its short name, and a pattern finding them (a small
    one: the full institution pattern is far slower on a title)."""
    from extract.claims.gaz import _gaz

    idx, _ = _gaz()
    forms = {}
    for iid, inst in idx["institutions"].items():
        if inst.get("type") in COMPANY_TYPES:
            for form in [inst["name"], *(inst.get("acronyms") or []), *(inst.get("aliases") or [])]:
                if len(form) >= 3:
                    forms[form] = company_short_name(iid)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    return forms, rx


def company_short_name(inst_id: str) -> str | None:
    """The name a company goes by: its first acronym ("BRI", "GoTo", "Shopee"), else its gazetteer name."""
    from extract.claims.gaz import _gaz

    inst = _gaz()[0]["institutions"].get(inst_id)
    if not inst:
        return None
    return ((inst.get("acronyms") or []) + [inst["name"]])[0]


@lru_cache(maxsize=2048)
def business_in(sentence: str) -> str | None:
    """A business the sentence names by its owner or founder ("pemilik usaha Batik Sari", "Pemilik CV Rotan Jaya"):
    the figures the sentence gives are that business's."""
    for m in OWNER_ROLE.finditer(sentence):
        name = _business_name(m.group("name"))
        if name:
            return name
    return None


@lru_cache(maxsize=1024)
def speaker_company(office: str | None) -> str | None:
    """The business a speaker speaks for, from their title and organisation: a company the gazetteer lists
    ("Direktur Kebijakan Publik Shopee Indonesia" -> "Shopee"; "PT Bank Rakyat Indonesia Tbk" -> "BRI"), or a business
    named after a role only a business has ("pendiri sekaligus CEO Pasarnesia") or by a business's own form ("Ketua
    Koperasi Nelayan Bahari Kei"). None for officials, analysts and bodies."""
    if not office:
        return None
    forms, company_rx = _companies()
    m = company_rx.search(office)
    if m:
        return forms[m.group(0)]
    for rx in (COMPANY_FORM, COMPANY_ROLE):
        for m in rx.finditer(office):
            if rx is COMPANY_FORM and m.group("name").split()[0] not in ("PT", "CV") and \
                    not _HOLDER_BEFORE.search(office[:m.start()]):
                continue  # "Dinas Koperasi Kota Bandung", "Deputi Bidang Koperasi": a government office
            name = _business_name(m.group("name"), bare_form_ok=rx is COMPANY_ROLE)
            if name:
                return name
    return None


def _business_name(raw: str, bare_form_ok: bool = True) -> str | None:
    """The business name in ``raw`` (capitalised words after a role or a form), through the gazetteer when it lists
    the company; None for a bare form ("Koperasi"), a region or a body the gazetteer lists that is no business."""
    from extract.claims.gaz import _institution_type, _surface_institutions

    words = raw.split()
    while words and _ROLE_WORD.match(words[0]):
        words = words[1:]  # "pendiri sekaligus CEO Pasarnesia": a second role before the name
    if not words:
        return None
    # the title and the organisation are written one after the other: the name stops where it repeats
    words = words[:1] + list(itertools.takewhile(lambda w: w != words[0], words[1:]))
    name = _BUSINESS_NAME_END.split(" ".join(words))[0].strip()
    if not name or region_in(name) or (len(name.split()) < 2 and not bare_form_ok):
        return None
    listed = [iid for n in (name, name.split(None, 1)[-1]) for iid in _surface_institutions().get(n.lower(), [])]
    if listed:
        return company_short_name(listed[0]) if _institution_type(listed[0]) in COMPANY_TYPES else None
    bare = re.sub(r"^(?:PT|CV)\s+|\s+Tbk$", "", name).lower()
    known = [short for form, short in _companies()[0].items() if bare in form.lower()]
    return known[0] if known else name
