"""Publication-date parsing for Indonesian news pages.

Two layers:

* string parsers: :func:`parse_iso` (machine strings, never dateparser) and
  :func:`parse_indonesian_datetime` (visible text; cleaned, then dateparser with
  ``languages=["id"]``, ``DATE_ORDER=DMY`` and ``TIMEZONE=Asia/Jakarta``);
* the date chain: :class:`DateCandidate` objects gathered from JSON-LD, metas,
  site selectors, the URL, visible text and the feed, ranked by
  :func:`choose_date`, which cross-checks them and logs conflicts.

Every returned datetime is time-zone aware and expressed in WIB (+07:00).
Naive machine strings are read as WIB; UTC strings are converted to WIB.
The crawl time and footer copyright years are never used.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

WIB = timezone(timedelta(hours=7), "WIB")
_WIB_PLAIN = timezone(timedelta(hours=7))

# Source ranks: lower is more trusted (see docs/extraction.md).
SOURCE_RANK = {"jsonld": 0, "meta": 1, "site": 2, "url": 3, "text": 4, "feed": 5, "demoted": 6}
CONFLICT_MINUTES = 10  # sources further apart than this are logged as a conflict
MIN_YEAR, MAX_YEAR = 1995, 2100

_TZ_ABBR = {"WIB": 7, "WITA": 8, "WIT": 9, "UTC": 0, "GMT": 0}


def _tz(offset: str | timezone | None) -> timezone:
    if offset is None:
        return _WIB_PLAIN
    if isinstance(offset, timezone):
        return offset
    m = re.fullmatch(r"\s*([+-])(\d{1,2}):?(\d{2})?\s*", str(offset))
    if not m:
        up = str(offset).strip().upper()
        if up in _TZ_ABBR:
            return timezone(timedelta(hours=_TZ_ABBR[up]))
        if up in ("ASIA/JAKARTA", "ASIA/PONTIANAK"):
            return _WIB_PLAIN
        if up == "ASIA/MAKASSAR":
            return timezone(timedelta(hours=8))
        if up == "ASIA/JAYAPURA":
            return timezone(timedelta(hours=9))
        return _WIB_PLAIN
    sign = -1 if m.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0)))


def to_wib(dt: datetime) -> datetime:
    """Aware datetime in +07:00, microseconds dropped."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=_WIB_PLAIN)
    return dt.astimezone(_WIB_PLAIN).replace(microsecond=0)


def iso(dt: datetime | None) -> str | None:
    return to_wib(dt).isoformat() if dt is not None else None


def _plausible(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    if not (MIN_YEAR <= dt.year <= MAX_YEAR):
        return None
    return dt


# ---------------------------------------------------------------------------
# ISO / machine strings
# ---------------------------------------------------------------------------
_ISO_RE = re.compile(
    r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})"            # date
    r"(?:\s*[T ]\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d+))?)?)?"  # time
    r"\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|UTC|GMT|WIB|WITA|WIT)?\s*$",
    re.I,
)
_COMPACT_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$")


@dataclass
class ParsedISO:
    dt: datetime
    has_time: bool
    tz_given: str | None  # "utc", "offset", or None (naive)
    has_seconds: bool = False


def parse_iso_detail(value, default_tz: str | timezone | None = "+07:00") -> ParsedISO | None:
    """Parse a machine date string (ISO 8601 and the variants sites emit).

    Accepts "2015-11-05 T10:08:58Z", "2016-02-16 09:10:56", "2026/03/25 15:11:47",
    "2021-06-14T10:00:00+0700", unix timestamps (int or digit string of 10/13 digits).
    Naive values get ``default_tz`` (WIB).  Never uses dateparser.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        naive = value.tzinfo is None
        return ParsedISO(to_wib(value.replace(tzinfo=_tz(default_tz)) if naive else value), True,
                         None if naive else "offset", True)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_unix(value)
    s = str(value).strip()
    if not s:
        return None
    if re.fullmatch(r"\d{10}(?:\d{3})?(?:\.\d+)?", s):
        return _from_unix(float(s))
    m = _ISO_RE.match(s)
    if m:
        y, mo, d, hh, mi, ss, _fraction, tzs = m.groups()
    else:
        m = _COMPACT_RE.match(s)
        if not m:
            return None
        y, mo, d, hh, mi, ss, tzs = m.groups()
    has_time = hh is not None
    has_seconds = ss is not None
    try:
        dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
    except ValueError:
        return None
    if not (MIN_YEAR <= dt.year <= MAX_YEAR):
        return None
    tz_given = None
    if tzs:
        up = tzs.upper()
        if up in ("Z", "UTC", "GMT"):
            tz = timezone.utc
            tz_given = "utc"
        elif up in _TZ_ABBR:
            tz = timezone(timedelta(hours=_TZ_ABBR[up]))
            tz_given = "offset"
        else:
            tz = _tz(tzs if ":" in tzs or len(tzs) == 3 else tzs[:3] + ":" + tzs[3:])
            tz_given = "utc" if tz.utcoffset(None) == timedelta(0) else "offset"
    else:
        tz = _tz(default_tz)
    return ParsedISO(to_wib(dt.replace(tzinfo=tz)), has_time, tz_given, has_seconds)


def _from_unix(v: float) -> ParsedISO | None:
    if v > 1e11:  # milliseconds
        v = v / 1000.0
    try:
        dt = datetime.fromtimestamp(v, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    if not (MIN_YEAR <= dt.year <= MAX_YEAR):
        return None
    return ParsedISO(to_wib(dt), True, "utc", True)


def parse_iso(value, default_tz: str | timezone | None = "+07:00") -> datetime | None:
    p = parse_iso_detail(value, default_tz)
    return p.dt if p else None


# ---------------------------------------------------------------------------
# Free text (visible dates)
# ---------------------------------------------------------------------------
_EN_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_ID_MONTHS_FULL = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11, "desember": 12,
}
_MONTHS = dict(_ID_MONTHS_FULL)
_MONTHS.update({
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8,
    "agst": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12,
    "dec": 12, "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12,
})
_WEEKDAYS = r"(?:senin|selasa|rabu|kamis|jum'?at|jumat|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
_RELATIVE_RE = re.compile(
    r"\b(?:yang\s+lalu|lalu|ago|kemarin|hari\s+ini|baru\s+saja|just\s+now|yesterday|today)\b", re.I)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_NUMERIC_DATE_RE = re.compile(r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)")


def clean_date_text(text: str) -> str:
    """Normalise a visible date string so that dateparser (id) accepts it."""
    s = " ".join(str(text).replace("\xa0", " ").split())
    # Drop view counters and other tails: "| 1.229 Views", "1229 kali dibaca"
    s = re.sub(r"\|?\s*[\d.,]+\s*(?:views?|kali\s+dibaca|dibaca|pembaca)\b.*$", "", s, flags=re.I)
    # Prefixes
    s = re.sub(r"^(?:\|\s*)+", "", s)
    s = re.sub(r"^.*?\bkompas\.com\s*[-,]\s*", "", s, flags=re.I)
    s = re.sub(r"^\s*(?:diterbitkan|dipublikasikan|diposting|dipublikasi|terbit|published|posted|tanggal|"
               r"publikasi|update|updated|diperbarui|dibuat)\s*:?\s*", "", s, flags=re.I)
    s = re.sub(r"^.*?,?\s*jurnalist?-?\s*", "", s, flags=re.I) if re.search(r"jurnalis", s, re.I) else s
    # "on 16 Feb 2016 at 09:10 WIB"
    s = re.sub(r"^\s*on\s+", "", s, flags=re.I)
    s = re.sub(r"\s+at\s+(?=\d)", " ", s, flags=re.I)
    # Apostrophes in weekday names
    s = re.sub(r"jum['’`]at", "Jumat", s, flags=re.I)
    # Month spellings dateparser does not know
    s = re.sub(r"\bAgs\b\.?", "Agu", s, flags=re.I)
    s = re.sub(r"\bAgst\b\.?", "Agu", s, flags=re.I)
    s = re.sub(r"\bNop\b\.?", "Nov", s, flags=re.I)
    s = re.sub(r"\bNopember\b", "November", s, flags=re.I)
    s = re.sub(r"\bPebruari\b", "Februari", s, flags=re.I)
    s = re.sub(r"\bPeb\b\.?", "Feb", s, flags=re.I)
    # Leading weekday (fails with English months in dateparser): drop it
    s = re.sub(r"^\s*" + _WEEKDAYS + r"\s*,?\s*", "", s, flags=re.I)
    # "pukul 16.05", "Pkl. 16.05", "jam 16:05"
    s = re.sub(r"\b(?:pukul|pkl\.?|jam|at)\s*(?=\d{1,2}[:.]\d{2})", " ", s, flags=re.I)
    # separators
    s = re.sub(r"\s*[|•·]\s*", " ", s)
    s = re.sub(r"\s+-\s+(?=\d{1,2}[:.]\d{2})", " ", s)  # "2015 - 15:56"
    s = re.sub(r"\s+/\s+(?=\d{1,2}[:.]\d{2})", " ", s)  # "2020 / 20:29"
    s = re.sub(r"(?<=\d{4}),\s*(?=\d{1,2}[:.]\d{2})", " ", s)
    s = re.sub(r"(\d{1,2})\.(\d{2})(?=\s*(?:WIB|WITA|WIT|$))", r"\1:\2", s, flags=re.I)
    s = re.sub(r"\bwib\b", "WIB", s, flags=re.I)
    s = re.sub(r"\bwita\b", "WITA", s, flags=re.I)
    s = re.sub(r"\bwit\b", "WIT", s, flags=re.I)
    return " ".join(s.split()).strip(" ,-|")


_FAST_RE = re.compile(
    r"(?<!\d)(\d{1,2})\s*[\s/.-]\s*([A-Za-z]+|\d{1,2})\.?\s*[\s/.-]\s*(\d{4})"
    r"(?:\s*,?\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?\s*(WIB|WITA|WIT|UTC|GMT|[+-]\d{2}:?\d{2})?",
    re.I,
)


_TIME_RE = re.compile(r"(?<![\d/.])(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?![\d/])\s*(WIB|WITA|WIT)?", re.I)


def _fast_parse(s: str, tz: timezone) -> tuple[datetime, bool] | None:
    """Common shapes parsed without dateparser (dd Month yyyy [HH:MM[:SS]] [TZ], dd/mm/yyyy ...)."""
    m = _FAST_RE.search(s)
    if not m:
        return None
    d, mon, y, hh, mi, ss, tzs = m.groups()
    if hh is None:
        # a time written before the date: "16:05 WIB, 14 Juni 2021"
        t = _TIME_RE.search(s[: m.start()]) or _TIME_RE.search(s[m.end():])
        if t:
            hh, mi, ss = t.group(1), t.group(2), t.group(3)
            tzs = tzs or t.group(4)
    if mon.isdigit():
        month = int(mon)
    else:
        month = _MONTHS.get(mon.lower())
        if month is None:
            return None
    try:
        dt = datetime(int(y), month, int(d), int(hh or 0), int(mi or 0), int(ss or 0))
    except ValueError:
        return None
    zone = _tz(tzs) if tzs else tz
    return dt.replace(tzinfo=zone), hh is not None


@lru_cache(maxsize=4096)
def _dateparser_parse(s: str, languages: tuple[str, ...]) -> datetime | None:
    import dateparser  # slow import, only when needed

    try:
        return dateparser.parse(
            s,
            languages=list(languages),
            settings={
                "DATE_ORDER": "DMY",
                "TIMEZONE": "Asia/Jakarta",
                "RETURN_AS_TIMEZONE_AWARE": True,
                "PREFER_DAY_OF_MONTH": "first",
                "REQUIRE_PARTS": ["day", "month", "year"],
            },
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None


def parse_indonesian_datetime_detail(text, default_tz="+07:00", *, allow_relative_base: datetime | None = None):
    """Like :func:`parse_indonesian_datetime` but returns ``(datetime, has_time)`` or None."""
    if text is None:
        return None
    if isinstance(text, (int, float, datetime)):
        p = parse_iso_detail(text, default_tz)
        return (p.dt, p.has_time) if p else None
    raw = " ".join(str(text).split())
    if not raw or len(raw) > 300:
        return None
    p = parse_iso_detail(raw, default_tz)
    if p:
        return p.dt, p.has_time
    if _RELATIVE_RE.search(raw) and not _YEAR_RE.search(raw):
        if allow_relative_base is None:
            return None
        return _relative(raw, allow_relative_base)
    s = clean_date_text(raw)
    if not s:
        return None
    if not (_YEAR_RE.search(s) or _NUMERIC_DATE_RE.search(s)):
        return None
    tz = _tz(default_tz)
    fast = _fast_parse(s, tz)
    if fast:
        dt, has_time = fast
        return _plausible(to_wib(dt)) and (to_wib(dt), has_time)
    has_time = bool(re.search(r"\d{1,2}[:.]\d{2}", s))
    english = bool(re.search(r"\b(?:%s)\b" % _EN_MONTHS, s, re.I)) and not re.search(
        r"\b(?:%s)\b" % "|".join(_ID_MONTHS_FULL), s, re.I)
    dt = _dateparser_parse(s, ("id",))
    if dt is None or english:
        dt2 = _dateparser_parse(s, ("id", "en"))
        dt = dt2 or dt
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=tz)
    elif not re.search(r"WIB|WITA|WIT|UTC|GMT|[+-]\d{2}:?\d{2}", s, re.I) and tz != _WIB_PLAIN:
        dt = dt.replace(tzinfo=tz)
    dt = _plausible(to_wib(dt))
    return (dt, has_time) if dt else None


def _relative(raw: str, base: datetime):
    m = re.search(r"(\d+)\s*(detik|menit|jam|hari|minggu|bulan|second|minute|hour|day|week)", raw, re.I)
    if not m:
        return None
    n = int(m.group(1))
    unit = m.group(2).lower()
    secs = {"detik": 1, "second": 1, "menit": 60, "minute": 60, "jam": 3600, "hour": 3600, "hari": 86400,
            "day": 86400, "minggu": 7 * 86400, "week": 7 * 86400, "bulan": 30 * 86400}[unit]
    return to_wib(base) - timedelta(seconds=n * secs), True


def parse_indonesian_datetime(text, default_tz="+07:00", *, relative_base: datetime | None = None) -> datetime | None:
    """Parse an Indonesian (or English) news date string into an aware datetime in +07:00.

    Handles ISO strings (via ``datetime.fromisoformat``-style parsing, never DMY), unix
    timestamps, and visible strings such as "Kompas.com - 15/06/2020, 16:05 WIB",
    "Jum'at, 17 Februari 2017 - 13:30 wib", "on 16 Feb 2016 at 09:10 WIB",
    "| 02 Januari 2019 | 21:10 WIB", "Jumat , 17 February 2017, 13:16 WIB".
    Naive strings are read in ``default_tz`` (WIB).  Relative strings ("9 menit lalu")
    return None unless ``relative_base`` (the fetch time) is given.  For a Kompas
    "… WIB Diperbarui …" string the part before "Diperbarui" (the publish time) is used.
    """
    if isinstance(text, str):
        pub, _mod = split_updated(text)
        text = pub or text
    r = parse_indonesian_datetime_detail(text, default_tz, allow_relative_base=relative_base)
    return r[0] if r else None


_UPDATED_RE = re.compile(r"\b(?:diperbarui|diupdate|update|updated|pembaruan|perbarui)\b\s*:?", re.I)


def split_updated(text: str) -> tuple[str | None, str | None]:
    """Split "Kompas.com - 15/06/2020, 16:05 WIB Diperbarui 16/06/2020, 08:00 WIB".

    Returns (published_part, modified_part). Before "Diperbarui" = published, after = modified.
    """
    if not text:
        return None, None
    m = _UPDATED_RE.search(text)
    if not m:
        return text, None
    before = text[: m.start()].strip(" ,|-")
    after = text[m.end():].strip(" ,|-")
    return (before or None), (after or None)


# ---------------------------------------------------------------------------
# Dates in URLs
# ---------------------------------------------------------------------------
# Each URL form and the (year, month, day[, hour, minute, second]) readings it offers, best first.
_URL_DATE_FORMS = [
    # Kompas /read/YYYY/MM/DD/HHMMSSnnn/ and old Detik /read(foto)?/YYYY/MM/DD/HHMMSS/
    (re.compile(r"/read(?:foto|xml)?/(?:xml/)?(\d{4})/(\d{2})/(\d{2})/(\d{6})\d*/"),
     lambda y, mo, d, t: [(y, mo, d, t[0:2], t[2:4], t[4:6]), (y, mo, d)]),
    # CNN /YYYYMMDDHHmmss-kanal-id/
    (re.compile(r"/(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})-\d+-\d+"), lambda *g: [g]),
    # Bisnis /read/YYYYMMDD/
    (re.compile(r"/read/(\d{4})(\d{2})(\d{2})/"), lambda *g: [g]),
    # Republika old /berita/{kanal}/{sub}/{yy}/{mm}/{dd}/{code}-slug
    (re.compile(r"/berita/(?:[^/]+/){1,3}(\d{2})/(\d{2})/(\d{2})/[0-9a-z]{6,}"),
     lambda yy, mo, d: [(2000 + int(yy), mo, d)]),
    # Generic /YYYY/MM/DD/ (Okezone, Tribunnews, Tempo 2015, Katadata 2019-20 ...)
    (re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)"), lambda *g: [g]),
    (re.compile(r"/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:/|$|-)"), lambda *g: [g]),
]


def date_from_url(url: str) -> tuple[datetime, bool] | None:
    """Return (datetime in WIB, has_time) for dates encoded in article URLs."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    path = parts.path or ""

    def mk(y, mo, d, hh=None, mi=None, ss=None):
        try:
            dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0), tzinfo=_WIB_PLAIN)
        except ValueError:
            return None
        if not (MIN_YEAR <= dt.year <= MAX_YEAR):
            return None
        return dt, hh is not None

    for pattern, readings in _URL_DATE_FORMS:
        m = pattern.search(path)
        if not m:
            continue
        for reading in readings(*m.groups()):
            result = mk(*reading)
            if result:
                return result
    return None


# ---------------------------------------------------------------------------
# The chain
# ---------------------------------------------------------------------------
@dataclass
class DateCandidate:
    dt: datetime
    source: str               # jsonld | meta | site | url | text | feed
    detail: str = ""           # e.g. "jsonld:datePublished", "meta:pubdate"
    has_time: bool = True
    tz_given: str | None = None  # "utc" | "offset" | None
    raw: str = ""
    alternatives: list = field(default_factory=list)  # other readings (e.g. Z mislabelled as WIB)
    has_seconds: bool = False

    @property
    def rank(self) -> int:
        return SOURCE_RANK.get(self.source, 9)


def candidate_from_machine(value, source: str, detail: str) -> DateCandidate | None:
    p = parse_iso_detail(value)
    if p is None:
        r = parse_indonesian_datetime_detail(value) if isinstance(value, str) else None
        if r is None:
            return None
        return DateCandidate(r[0], source, detail, r[1], None, str(value))
    c = DateCandidate(p.dt, source, detail, p.has_time, p.tz_given, str(value), has_seconds=p.has_seconds)
    if p.tz_given == "utc" and p.has_time:
        # The same wall-clock read as WIB: a mislabelled "Z" (Detik 2015 pubdate).
        c.alternatives.append(p.dt - timedelta(hours=7))
    return c


def candidate_from_text(value, source: str, detail: str) -> DateCandidate | None:
    r = parse_indonesian_datetime_detail(value)
    if r is None:
        return None
    secs = bool(re.search(r"\d{1,2}[:.]\d{2}[:.]\d{2}", str(value)))
    return DateCandidate(r[0], source, detail, r[1], "offset", str(value), has_seconds=secs)


def _close(a: datetime, b: datetime, minutes: float) -> bool:
    return abs((a - b).total_seconds()) <= minutes * 60


def _agrees(c: DateCandidate, other: DateCandidate, dt: datetime | None = None) -> bool:
    dt = dt or c.dt
    if c.has_time and other.has_time:
        return _close(dt, other.dt, 15)
    return dt.date() == other.dt.date()


def choose_date(candidates: list[DateCandidate], url: str = "") -> DateCandidate | None:
    """Pick the most trusted candidate, fix mislabelled UTC stamps and log conflicts."""
    cands = [c for c in candidates if c is not None and c.dt is not None]
    # A publication date more than two days in the future is a template bug, not a date.
    limit = datetime.now(timezone.utc) + timedelta(days=2)
    future = [c for c in cands if c.dt > limit]
    for c in future:
        log.warning("date %s=%s is in the future; ignored", c.detail, c.dt.isoformat())
    cands = [c for c in cands if c.dt <= limit]
    if not cands:
        return None
    cands.sort(key=lambda c: (c.rank, not c.has_time))
    # Mislabelled "Z": if another independent source agrees with the WIB reading of the
    # wall clock and none agrees with the UTC reading, take the WIB reading.
    for c in cands:
        if c.tz_given == "utc" and c.alternatives:
            others = [o for o in cands if o is not c and o.tz_given != "utc" and o.has_time]
            if not others:
                continue
            alt = c.alternatives[0]
            agree_utc = any(_close(c.dt, o.dt, 15) for o in others)
            agree_alt = any(_close(alt, o.dt, 15) for o in others)
            if agree_alt and not agree_utc:
                log.info("date %s %r: 'Z' is WIB wall-clock time (cross-checked); using %s",
                         c.detail, c.raw, alt.isoformat())
                c.dt = alt
                c.tz_given = "mislabelled"
            elif not agree_utc and not agree_alt and c.source != "jsonld":
                # Neither reading is corroborated: a "Z" stamp that contradicts every other
                # timed source is not trusted (it is demoted behind them).
                log.warning("date %s %r: 'Z' stamp contradicts the page (%s); demoted", c.detail, c.raw,
                            ", ".join(f"{o.detail}={o.dt.isoformat()}" for o in others))
                c.raw_source, c.source = c.source, "demoted"
    cands.sort(key=lambda c: (c.rank, not c.has_time))
    best = cands[0]
    if best.source == "demoted":
        best.source = getattr(best, "raw_source", "meta")
    # A date-only best candidate gains a time from a lower source on the same day.
    if not best.has_time:
        for o in cands[1:]:
            if o.has_time and o.dt.date() == best.dt.date():
                best = DateCandidate(o.dt, best.source, best.detail + "+" + o.detail, True, o.tz_given, best.raw)
                break
    # A minute-precision best candidate gains seconds from another source in the same minute
    # (Kompas page "14:38 WIB" + URL "/14382361/" -> 14:38:23).
    if best.has_time and not best.has_seconds and best.dt.second == 0:
        for o in cands:
            if o is not best and o.has_time and o.has_seconds and o.dt.replace(second=0) == best.dt:
                best = DateCandidate(o.dt, best.source, best.detail, True, best.tz_given, best.raw,
                                     has_seconds=True)
                break
    for o in cands:
        if o is best or o.source == best.source and o.detail == best.detail:
            continue
        if not _agrees(best, o) and not (
            best.has_time and o.has_time and _close(best.dt, o.dt, CONFLICT_MINUTES)
        ):
            log.warning("date conflict for %s: kept %s=%s, %s=%s disagrees", url or "?", best.detail,
                        best.dt.isoformat(), o.detail, o.dt.isoformat())
    return best


def date_only(dt: datetime) -> date:
    return to_wib(dt).date()
