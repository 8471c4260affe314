"""Years and dates: the statement date (dateline / publication), the deadline year of a target, the as-of date of a figure."""
from __future__ import annotations

from datetime import date
from datetime import timedelta
import re

from extract.claims.clauses import _clause_bounds
from extract.claims.gaz import _parse_day
from extract.numbers import find_quantities
from extract.claims.lexicon import PER_PERIOD, MONTHS, WEEKDAYS, _MONTH_RE, _WEEKDAY_RE


YEAR_RE = re.compile(r"(?<![\d/.,-])(?P<y>(?:19|20)\d\d)(?![\d/.,]\d)")


# "dalam tiga tahun ke depan", "dua tahun lagi", "dalam lima tahun" (not "dalam lima tahun terakhir")
REL_SPAN = re.compile(r"\b(?P<within>dalam\s+(?:waktu\s+)?|pada\s+)?(?P<n>\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|"
                      r"sembilan|sepuluh)\s+tahun(?:\s+(?P<ahead>ke\s+depan|mendatang|lagi)\b|"
                      r"(?!\s+(?:terakhir|belakangan|silam|lalu|sebelumnya|pertama|berturut|ini)))", re.IGNORECASE)


# "1 juta sertifikat, sama dengan tahun lalu", "naik dibanding 2023": the year of a comparison; "dua tahun lalu": a time
_COMPARED = r"sama\s+dengan|dibanding\w*|ketimbang|daripada|seperti"
_AGO_BEFORE = re.compile(r"\b(?:\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|beberapa)\s+$",
                         re.IGNORECASE)
_COMPARED_BEFORE = re.compile(rf"\b(?:{_COMPARED})\s+(?:(?:pada|di|periode|posisi)\s+)?$", re.IGNORECASE)


# a deadline month without a year ("paling lambat akhir September", "sebelum Agustus", "pada Mei mendatang") or a
# half or quarter of the year ("pada semester II") falls in the year of the statement, or the next one when that month
# has passed
_MONTH_DEADLINE = re.compile(rf"\b(?:hingga|sampai|sebelum|lambat|pada|akhir|awal|pertengahan|medio|bulan)\s+"
                             rf"(?:(?:akhir|awal|bulan|tanggal)\s+)?(?:(?P<d>\d{{1,2}})\s+(?=(?:{_MONTH_RE})\b))?"
                             rf"(?:(?P<mon>{_MONTH_RE})|(?P<next>(?<=bulan\s)depan)|(?P<half>semester|kuartal|triwulan)\s+"
                             rf"(?:I{{1,3}}|IV|[1-4]|pertama|kedua|ketiga|keempat))\b\.?(?!\s*(?:tahun\s+)?\d|\s+(?:lalu|kemarin))",
                             re.IGNORECASE)


def _month_deadlines(sent_text: str, day: date) -> list[tuple[int, int]]:
    out = []
    for m in _MONTH_DEADLINE.finditer(sent_text):
        if m.group("next"):  # "bulan depan": the month after the statement
            out.append((m.start(), day.year + (1 if day.month == 12 else 0)))
            continue
        mon = MONTHS.get((m.group("mon") or "").lower())
        out.append((m.start(), day.year + (1 if mon is not None and mon < day.month else 0)))
    return out


REL_YEAR = re.compile(r"\b(?:se)?(?:tahun|thn)\s+(?P<rel>ini|depan|lalu|kemarin|mendatang|berjalan)\b|\bakhir\s+tahun\b(?!\s+(?:\d|ini|depan|lalu|mendatang|kemarin))",
                      re.IGNORECASE)


_DATELINE = re.compile(rf"\b(?P<wd>{_WEEKDAY_RE})\s*,?\s*\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})"
                       rf"(?:\s*/\s*(?P<y>\d{{2,4}}))?\s*\)", re.IGNORECASE)


_DATELINE_LONG = re.compile(rf"\b(?P<wd>{_WEEKDAY_RE})\s*,?\s*\(?\s*(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\b\.?"
                            rf"(?:\s+(?P<y>\d{{4}}))?\s*\)?", re.IGNORECASE)


# what every match of the two datelines contains ("(11/6", "11 Juni"): an article without it is not scanned for them,
# and these patterns open with a character ``re`` can skip to (the datelines open with a weekday tried at every position)
_DATELINE_CUE = re.compile(r"\(\s*\d{1,2}\s*/")
_DATELINE_LONG_CUE = re.compile(rf"\d\s+(?:{_MONTH_RE})\b", re.IGNORECASE)


_WEEKDAY_ONLY = re.compile(rf"(?:,\s*|\bpada\s+(?:hari\s+)?|\bhari\s+)(?P<wd>{_WEEKDAY_RE})\b(?!\s*[(\d])",
                           re.IGNORECASE)


def _published_day(published) -> date | None:
    """Publication day in WIB (machine dates go through extract.dates.parse_iso, the project's one ISO parser)."""
    if not published:
        return None
    from extract.dates import parse_iso

    dt = parse_iso(published)
    return dt.date() if dt else _parse_day(published)


def stated_on(text: str, published) -> date | None:
    """Dateline "Kamis (11/6/2021)" (day/month order), else a weekday-only mention resolved to the latest such day on
    or before publication, else the publication date."""
    pub = _published_day(published)
    for m in _DATELINE.finditer(text) if _DATELINE_CUE.search(text) else ():
        try:
            d, mo = int(m.group("d")), int(m.group("m"))
            ys = m.group("y")
            y = int(ys) + (2000 if len(ys) == 2 else 0) if ys else (pub.year if pub else None)
            if y is None:
                continue
            cand = date(y, mo, d)
            if pub and cand > pub:
                if not ys and (cand - pub).days > 31:
                    cand = date(y - 1, mo, d)  # "Rabu (30/12)" in an article of 2 January
                else:
                    continue  # a coming event ("diluncurkan besok, Sabtu (15/8)"), not the statement
            return cand
        except ValueError:
            continue
    for m in _DATELINE_LONG.finditer(text) if _DATELINE_LONG_CUE.search(text) else ():
        try:
            y = int(m.group("y")) if m.group("y") else (pub.year if pub else None)
            if y is None:
                continue
            cand = date(y, MONTHS[m.group("mon").lower()], int(m.group("d")))
            if pub and cand > pub:
                if not m.group("y") and (cand - pub).days > 31:
                    cand = date(y - 1, cand.month, cand.day)
                else:
                    continue
            return cand
        except (ValueError, KeyError):
            continue
    if pub:
        m = _WEEKDAY_ONLY.search(text)
        if m:
            wd = WEEKDAYS[m.group("wd").lower().replace("’", "'")]
            delta = (pub.weekday() - wd) % 7
            return pub - timedelta(days=delta)
    return pub


def per_unit_rate(sent_text: str, rel_start: int, rel_end: int) -> bool:
    """Whether the figure is stated per unit of time, event or person (R3: "150 ribu pedagang setiap tahun", "masing-
    masing diikuti 70 peserta"): a rate phrase within reach that belongs to this figure (the figure before it in the same clause, else the next one) (in "5 juta UMKM setiap
    tahun untuk mencapai 30 juta pada 2024" the rate is the 5 juta's, not the 30 juta's)."""
    lo, hi = max(0, rel_start - 60), min(len(sent_text), rel_end + 90)
    rates = list(PER_PERIOD.finditer(sent_text, lo, hi))
    if not rates:
        return False
    figures = [(q.start, q.end) for q in find_quantities(sent_text)
               if q.unit or q.has_scale or not YEAR_RE.fullmatch(q.text)]
    for m in rates:
        before = [f for f in figures if f[1] <= m.start() and len(sent_text[f[1]:m.start()]) <= 90
                  and not re.search(r"[,;:]|[.!?]\s", sent_text[f[1]:m.start()])]
        after = [f for f in figures if f[0] >= m.end()]
        owner = before[-1] if before else (after[0] if after else None)  # "5 juta UMKM setiap tahun"; "masing-masing 70"
        if owner is not None and owner[0] <= rel_start < owner[1] + 1:
            return True
    return False


# "Inpres Nomor 2 Tahun 2022", "UU No. 20 Tahun 2001": the year is part of the name of a regulation, never a deadline
_REGULATION_NUMBER_BEFORE = re.compile(r"\b(?:nomor|no\.?)\s*\d+[\w/.-]*\s+(?:tahun|thn\.?)\s*$", re.IGNORECASE)


def _year_candidates(sent_text: str):
    out = []
    for m in YEAR_RE.finditer(sent_text):
        y = int(m.group("y"))
        before = sent_text[max(0, m.start() - 4):m.start()]
        if "/" in before or re.search(r"\d\s*[-–]\s*$", before):
            continue
        if _REGULATION_NUMBER_BEFORE.search(sent_text[max(0, m.start() - 30):m.start()]):
            continue
        out.append((m.start(), y, m.end()))
    return out


def _target_year(sent_text: str, rel_start: int, rel_end: int, day: date | None) -> int | None:
    """Deadline year for a target: in its clause first (a quotation listing "2023 itu 2,4 juta. Dan di 2024 itu 3,4
    juta" has one year per clause), else in the whole sentence."""
    seg_left = max(sent_text.rfind(", ", 0, rel_start), sent_text.rfind(". ", 0, rel_start)) + 1
    seg_right = sent_text.find(", ", rel_end)
    seg_right = len(sent_text) if seg_right < 0 else seg_right
    if seg_right < len(sent_text) and _LIST_ITEM_START.match(sent_text, seg_right + 1):
        # a list of yearly figures ("tahun ini 20 juta, tahun depan 24 juta, dan 2024 30 juta"): each item has its own
        y = _target_year_in(sent_text[seg_left:seg_right], rel_start - seg_left, rel_end - seg_left, day)
        if y is not None:
            return y
    left, right = _clause_bounds(sent_text, rel_start, rel_end)
    for m in _LIST_JOIN.finditer(sent_text, left, rel_start):
        left = m.end()
    for m in _LIST_JOIN.finditer(sent_text, rel_end, right):
        if _has_figure(sent_text[m.end():right]):
            right = m.start()  # "100 ribu pada 2026, dan 250 ribu pada 2027"; not "mikro, kecil, dan menengah"
            break
    if (left, right) != (0, len(sent_text)):
        y = _target_year_in(sent_text[left:right], rel_start - left, rel_end - left, day)
        if y is not None:
            return y
        # a year stated before the clause ("Kita sudah menargetkan tahun 2024, 30 juta"), never one of a later clause
        return _target_year_in(sent_text[:right], rel_start, rel_end, day) if left else None
    return _target_year_in(sent_text, rel_start, rel_end, day)


_LIST_ITEM_START = re.compile(r"\s*(?:dan\s+|serta\s+)?(?:(?:pada|di|hingga|sampai)\s+)?(?:tahun\s+(?:depan|ini|berikutnya)|(?:19|20)\d\d)\b",
                              re.IGNORECASE)
_LIST_JOIN = re.compile(r",\s*(?:dan|serta|lalu|kemudian|sedangkan|sementara)\b|;", re.IGNORECASE)
_FIGURE = re.compile(r"\d|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu|"
                     r"sejuta)\b", re.IGNORECASE)


def _has_figure(text: str) -> bool:
    """Whether ``text`` states a figure other than a year (the next item of a list of figures)."""
    return bool(_FIGURE.search(YEAR_RE.sub(" ", text)))


_EARLIER_TERM_BEFORE = re.compile(r"\b(?:dari|dibanding\w*|ketimbang|daripada)\s+(?:[a-z]+\s+){0,2}?(?:sekitar\s+|hanya\s+)?(?:Rp\.?\s*|US\$\s*)?\d[\d.,]*"
                                  r"(?:\s+\S+){0,4}?\s+(?:pada|di|tahun|akhir|awal)?\s*(?:tahun\s+)?$", re.IGNORECASE)


def _target_year_in(sent_text: str, rel_start: int, rel_end: int, day: date | None) -> int | None:
    cands = []
    for pos, y, end in _year_candidates(sent_text):
        if 1990 <= y <= 2100:
            pre = sent_text[max(0, pos - 30):pos].lower()
            if re.search(rf"\b(?:sejak|dari|semenjak|mulai|per|pada\s+periode|{_COMPARED})\s+(?:(?:bulan\s+)?(?:{_MONTH_RE})\.?\s+)?"
                         r"(?:tahun\s+)?$", pre):
                continue
            # "2020-2024": the deadline is the end year
            rng = re.match(r"\s*[-–]\s*((?:19|20)\d\d)", sent_text[end:end + 8])
            if rng:
                y = int(rng.group(1))
            cands.append((pos, y))
    for m in REL_SPAN.finditer(sent_text):
        if day is None or (not m.group("ahead") and not m.group("within")):
            continue
        if not m.group("ahead") and _year_candidates(sent_text):
            continue  # "180 desa pada 2027, atau tambahan 84 desa dalam dua tahun": the year stated is the deadline
        from extract.numbers import parse_number

        n = parse_number(m.group("n"))
        if n and 0 < n <= 30 and n == int(n):
            cands.append((m.start(), day.year + int(n)))
    for m in REL_YEAR.finditer(sent_text):
        if day is None:
            continue
        rel = (m.group("rel") or "").lower()
        before = sent_text[max(0, m.start() - 25):m.start()]
        if _COMPARED_BEFORE.search(before) or (rel in ("lalu", "kemarin") and _AGO_BEFORE.search(before)):
            continue  # "sama dengan tahun lalu": a comparison; "dua tahun lalu pemerintah mematok ...": when
        y = day.year + {"depan": 1, "mendatang": 1, "lalu": -1, "kemarin": -1}.get(rel, 0)
        cands.append((m.start(), y))
    if day is not None:
        cands += _month_deadlines(sent_text, day)
    # "mencapai Rp 8 triliun, naik dari Rp 6,8 triliun pada tahun lalu": a year after an earlier term dates that term
    cands = [c for c in cands if c[0] < rel_end or day is None or c[1] >= day.year
             or not _EARLIER_TERM_BEFORE.search(sent_text[rel_end:c[0]])]
    if not cands:
        return None
    # nearest, preferring years after the number in the same clause
    def dist(c):
        pos = c[0]
        if pos >= rel_end:
            return pos - rel_end
        return (rel_start - pos) * 1.5 + 5
    return min(cands, key=dist)[1]


# the month a period of a year ends in: "akhir 2021" -> 2021-12, "semester I 2019" -> 2019-06, "kuartal III" -> 09
_PERIOD_END = {"akhir": 12, "semester i": 6, "semester pertama": 6, "semester 1": 6, "semester ii": 12,
               "semester kedua": 12, "semester 2": 12}
_QUARTERS = {"i": 3, "1": 3, "pertama": 3, "ii": 6, "2": 6, "kedua": 6, "iii": 9, "3": 9, "ketiga": 9, "iv": 12,
             "4": 12, "keempat": 12}
_AS_OF = re.compile(rf"\b(?:per|hingga|sampai(?:\s+dengan)?|s\.d\.?|pada|sepanjang|selama|(?P<akhir>akhir)|awal|"
                    rf"(?P<sem>semester\s+\w+)|(?:kuartal|triwulan)\s+(?P<q>\w+))\s+(?:(?P<akhir2>akhir)\s+|(?:awal|bulan)\s+)?"
                    rf"(?:(?P<d>\d{{1,2}})\s+)?(?:(?P<mon>{_MONTH_RE})\s+)?(?:tahun\s+)?(?:(?P<y>(?:19|20)\d\d)\b|"
                    rf"(?P<rel>tahun\s+lalu)\b)", re.IGNORECASE)


def _as_of(sent_text: str, rel_start: int, day: date | None = None) -> str | None:
    """The date a figure is tied to: "per Mei 2021" -> 2021-05, "hingga 31 Mei 2021" -> the day, "akhir 2021" ->
    2021-12, "semester I 2019" -> 2019-06, "pada tahun lalu" -> the year before the statement (``day``)."""
    m = None
    for m2 in _AS_OF.finditer(sent_text):
        if re.search(r"\bsejak\b[^,.;]{0,30}$", sent_text[max(0, m2.start() - 40):m2.start()], re.I):
            continue
        if m2.group("rel") and (day is None or not (m2.group("akhir") or m2.group("akhir2") or m2.group("sem") or
                                                    re.match(r"pada|sepanjang|selama|per", m2.group(0), re.I))):
            continue  # a relative year dates a figure only after a preposition of time ("pada tahun lalu")
        m = m2
        if m2.start() > rel_start:
            break
    if not m:
        return None
    if m.group("rel"):
        y = day.year - (1 if m.group("rel").lower().endswith("lalu") else 0)
    else:
        y = int(m.group("y"))
    if m.group("mon"):
        mon = MONTHS[m.group("mon").lower()]
        if m.group("d") and 1 <= int(m.group("d")) <= 31:
            return f"{y:04d}-{mon:02d}-{int(m.group('d')):02d}"  # "hingga 31 Mei 2021"
        return f"{y:04d}-{mon:02d}"
    period = (m.group("sem") or ("akhir" if m.group("akhir") or m.group("akhir2") else "")).lower()
    period = re.sub(r"\s+", " ", period)
    end_month = _PERIOD_END.get(period) or _QUARTERS.get((m.group("q") or "").lower())
    if end_month:
        return f"{y:04d}-{end_month:02d}"
    return f"{y:04d}"


_EXPLICIT_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DURATION_FRAME = re.compile(r"\bdalam\s+(?:\w+\s+){1,2}(?:tahun|bulan|pekan|minggu)\b", re.IGNORECASE)


def remainder_target(value: float, unit, sentence: str, earlier: list[dict], *, remainder_word: bool,
                     sentence_start: int) -> dict | None:
    """The target a figure is the remainder of (R4): the target that an achieved level plus this figure adds up to (742
    ribu + 258 ribu = 1 juta); for a figure called a remainder (sisa, masih ada ...) also the target the sentence names
    by its value ("untuk mencapai 200 ribu"), else the latest target with the same unit and a deadline.
    ``sentence``: the sentence without the figure; ``earlier``: the article's claims before it, in order; a target
    named again in the remainder's own sentence ("untuk mencapai 200 ribu") is looked up where it was stated."""
    targets = [c for c in earlier if c["claim_type"] == "target" and c["target_year"] and c["unit"] == unit
               and c["char_start"] < sentence_start]
    achieved = [c["value"] for c in earlier if c["claim_type"] == "achievement" and c["unit"] == unit]
    for c in reversed(targets):
        if any(abs(a + value - c["value"]) <= 0.01 * c["value"] for a in achieved):
            return c
    if not remainder_word:
        return None
    named = [q.value for q in find_quantities(sentence)]
    for c in reversed(targets):
        if any(abs(v - c["value"]) <= 0.01 * c["value"] for v in named):
            return c
    return targets[-1] if targets else None


def remainder_year(own_clause: str, own_year: int | None, target: dict | None, fallback: int | None) -> int | None:
    """A remainder's deadline: the year its own sentence gives (``own_year``), unless it gives none or only a span of
    time ("dalam dua tahun ini", "dalam 13 bulan ke depan") - then the deadline of the target it remains to (a year
    carried over from the sentence before does not count). No such target: ``fallback``."""
    if target is None:
        return fallback
    if own_year is None or (_DURATION_FRAME.search(own_clause) and not _EXPLICIT_YEAR.search(own_clause)):
        return target["target_year"]
    return own_year
