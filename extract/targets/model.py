"""Claim normalisation for the tracker: dates, series and commitment keys, sources, cues.

Everything the other modules need from a raw claim dict is computed here once, into a `Claim` record, so the rules
(grouping, relations, observations, status) read plain attributes and never re-parse claim fields.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from db.ids import claim_id as make_claim_id

CUES_FILE = Path(__file__).with_name("cues.yaml")
SOURCE_RANK = {"regulation": 3, "plan": 2, "official_report": 2, "official_statement": 1, "media": 1}
ANCHORING_BY_RANK = {3: "peraturan", 2: "dokumen_kebijakan", 1: "pernyataan"}


@lru_cache(maxsize=1)
def _cue_data() -> dict[str, list[str]]:
    return yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern]:
    """The cue lexicons as word-boundary patterns (word lists, `*_words`, are read by `generic_words`)."""
    return {name: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
            for name, words in _cue_data().items() if not name.endswith("_words")}


@lru_cache(maxsize=1)
def disbursement_metrics() -> frozenset[str]:
    return frozenset(_cue_data().get("disbursement_metrics_words", []))


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _cue_data()["subject_generic_words"])


def norm_scope_name(name) -> str | None:
    """"PaDi UMKM", "padi_umkm" and "Padi-UMKM" are one scope: lower case, non-alphanumerics as one underscore."""
    text = re.sub(r"[^0-9a-z]+", "_", str(name or "").lower()).strip("_")
    return text or None


def subject_head(subject, unit) -> str | None:
    """The counted thing of a subject: its first word of three letters or more that is not generic (cues.yaml
    `subject_generic_words`), not a number and not the unit, read before a relative clause ("produk yang kami patok
    ... lebih cepat" -> none: the head is the unit). None when the subject names nothing ("target")."""
    skip = generic_words() | {str(unit or "").lower()}
    noun_phrase = re.split(r"\byang\b", str(subject or "").lower(), maxsplit=1)[0]
    for word in re.findall(r"[a-z][a-z0-9-]*", noun_phrase):
        if len(word) >= 3 and word not in skip:
            return word
    return None


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:19|20)\d\d")


def is_per_period(raw: dict) -> bool:
    """A rate per period ("5 juta UMKM setiap tahun"). When the value's own words are found in the quote, a period
    cue counts only when, in the same sentence, it is nearer to this value than to any other number (so "5 juta
    setiap tahun untuk mencapai 30 juta pada 2024" makes the 5 juta a rate and leaves the 30 juta cumulative);
    otherwise the subject, qualifier and value words are read as a whole."""
    pattern = cues()["per_period"]
    own = " ".join(str(raw.get(k) or "") for k in ("qualifier", "value_text"))
    if pattern.search(own):
        return True
    value_text, quote = str(raw.get("value_text") or "").strip(), str(raw.get("quote") or "")
    at = quote.lower().find(value_text.lower()) if value_text else -1
    if at < 0:
        return bool(pattern.search(" ".join(str(raw.get(k) or "") for k in ("subject", "qualifier", "value_text"))))
    start = quote.rfind(".", 0, at)
    start = max(start, quote.rfind("!", 0, at), quote.rfind("?", 0, at)) + 1
    end = min([i for i in (quote.find(". ", at), quote.find("!", at), quote.find("?", at)) if i >= 0] or [len(quote)])
    mine = (at, at + len(value_text))
    others = [(m.start(), m.end()) for m in _NUMBER.finditer(quote, start, end)
              if not (mine[0] <= m.start() < mine[1]) and not _YEAR.fullmatch(m.group())]
    for cue in pattern.finditer(quote, start, end):
        mine_gap = _gap(mine, cue.span())
        if all(mine_gap <= _gap(other, cue.span()) for other in others):
            return True
    return False


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def parse_day(value) -> date | None:
    """An ISO date, month ("2021-05" -> 1 May) or year ("2021" -> 1 January), as `figure_date` in db.migrations."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()[:10]
    try:
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text)
    except ValueError:
        return None


def deadline_end(year: int | None) -> date | None:
    """E: the last day of the deadline year."""
    return date(int(year), 12, 31) if year else None


def days(n: int) -> timedelta:
    return timedelta(days=n)


def _norm_text(value) -> str:
    return re.sub(r"\s+", " ", str(value or "").strip().lower())


def _int_year(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(str(value)[:4])
    except ValueError:
        return None


def _float(value) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


@dataclass
class Claim:
    """One input claim, normalised. `raw` keeps the original dict for pass-through fields."""

    claim_id: str
    article_id: str | None
    claim_type: str
    metric: str | None
    scope: str | None
    scope_name: str | None
    unit: str | None
    value: float | None
    value_max: float | None
    target_year: int | None
    stated_on: date | None
    ref_date: date | None  # as_of else stated_on
    per_period: bool
    direction: str  # naik | turun
    head: str | None  # the counted thing of the subject (subject_head); keeps metric-less subjects apart
    proposed: bool
    source_rank: int
    speaker: str | None
    institution: str | None
    outlet: str | None
    syndication_group: str | None
    char_start: int
    raw: dict = field(repr=False)

    @property
    def series(self) -> tuple:
        """(metric, scope, scope_name, unit); a claim without a metric is in the series with metric null (the
        unit, scope and value still keep "30 persen kredit" apart from "30 juta UMKM")."""
        return (self.metric, self.scope, norm_scope_name(self.scope_name), self.unit)

    @property
    def source_key(self) -> tuple:
        """Who stated it: (speaker, institution), falling back to the outlet when neither is known."""
        if self.speaker or self.institution:
            return (_norm_text(self.speaker), _norm_text(self.institution))
        return ("", "outlet:" + _norm_text(self.outlet))

    @property
    def unit_key(self) -> str:
        """One article's copy in a syndication group counts once: group id, else the article itself."""
        return self.syndication_group or self.article_id or self.claim_id

    @property
    def order(self) -> tuple:
        """Chronological order, ties broken by claim id: never by arrival order."""
        return (self.stated_on or date.max, self.claim_id)


def different_sources(a: Claim, b: Claim) -> bool:
    sa, sb = a.source_key, b.source_key
    if sa[0] and sb[0]:
        return sa[0] != sb[0]
    return sa != sb


def normalise(raw: dict) -> Claim | None:
    """A `Claim` from a claim dict, or None when it cannot be placed in time or has no value."""
    value = _float(raw.get("value"))
    stated_on = parse_day(raw.get("stated_on"))
    claim_type = str(raw.get("claim_type") or "").lower()
    if claim_type == "budget" and raw.get("metric") in disbursement_metrics() and not raw.get("target_year"):
        claim_type = "achievement"  # money paid out is the progress figure of a disbursement target
    if claim_type not in ("target", "achievement") or stated_on is None:
        return None
    quote = str(raw.get("quote") or "")
    cid = raw.get("claim_id") or raw.get("id")
    char_start = int(raw.get("char_start") or 0)
    if not cid:
        cid = make_claim_id(str(raw.get("article_id") or ""), value, raw.get("unit"), claim_type, char_start)
    metric = raw.get("metric") or None
    scope = raw.get("scope") or ("national" if metric else None)
    return Claim(
        claim_id=str(cid),
        article_id=raw.get("article_id"),
        claim_type=claim_type,
        metric=metric,
        scope=scope,
        scope_name=raw.get("scope_name") or None,
        unit=raw.get("unit") or None,
        value=value,
        value_max=_float(raw.get("value_max")),
        target_year=_int_year(raw.get("target_year")),
        stated_on=stated_on,
        ref_date=parse_day(raw.get("as_of")) or stated_on,
        per_period=is_per_period(raw),
        direction="turun" if cues()["direction_down"].search(str(raw.get("subject") or "")) else "naik",
        head=subject_head(raw.get("subject"), raw.get("unit")),
        proposed=claim_type == "target" and bool(cues()["proposed"].search(quote)),
        source_rank=source_rank(raw),
        speaker=raw.get("speaker") or None,
        institution=raw.get("institution_id") or raw.get("organization") or None,
        outlet=raw.get("outlet") or None,
        syndication_group=raw.get("syndication_group") or None,
        char_start=char_start,
        raw=raw,
    )


def source_rank(raw: dict) -> int:
    """How strongly a claim's source commits: a figure read from the PDF of an enacted regulation (``regulation_id``,
    e.g. an RPJMN enacted as a Perpres) is a regulation whatever its document type; else by ``source_kind``."""
    if raw.get("regulation_id"):
        return SOURCE_RANK["regulation"]
    return SOURCE_RANK.get(str(raw.get("source_kind") or "media"), 1)


def stable_id(prefix: str, *parts) -> str:
    """A short id from content only (sorted JSON of the parts)."""
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def fmt_value(value: float | None) -> str | None:
    """Value in an id: 6 significant digits, so 30000000.0 and 3e7 give the same id."""
    return None if value is None else f"{value:.6g}"
