"""Indonesian number normaliser and quantity finder.

- ``parse_digits("1.100.000,5")`` -> 1100000.5 (thousands dot, decimal comma; "4.6" with a non-3-digit group is a
  decimal point as some outlets print it).
- ``words_to_number("dua ratus lima puluh ribu")`` -> 250000 (nol..sembilan, sepuluh, sebelas, belas, puluh, ratus,
  ribu, juta, miliar/milyar, triliun, se- forms, setengah/separuh = 0.5).
- ``parse_number("13,7 juta")`` -> 13700000 (digits or words followed by a scale word or abbreviation).
- ``find_quantities(text)`` -> list of :class:`Quantity` (value, value_max for ranges, unit ``rupiah`` / ``USD`` /
  ``persen`` or None, qualifier, the surface span and its offsets).
- ``number_to_words(n)`` renders a non-negative integer in Indonesian words (used by the property tests).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

UNITS = {"nol": 0, "kosong": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
         "delapan": 8, "sembilan": 9}
SE_FORMS = {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1_000, "sejuta": 1_000_000,
            "semiliar": 1_000_000_000, "semilyar": 1_000_000_000, "setriliun": 1_000_000_000_000}
HALF = {"setengah", "separuh"}
SCALES = {"ratus": 1e2, "ribu": 1e3, "rb": 1e3, "rb.": 1e3, "k": 1e3, "juta": 1e6, "jt": 1e6, "jt.": 1e6, "million": 1e6,
          "miliar": 1e9, "milyar": 1e9, "milliar": 1e9, "billion": 1e9, "m": 1e9, "triliun": 1e12, "trilyun": 1e12,
          "trillion": 1e12, "t": 1e12, "kuadriliun": 1e15, "quadrillion": 1e15}
def _scale_key(sc: str) -> str:
    """The SCALES key of a scale as written ("jt." -> "jt", "jutaan" -> "juta", "M" -> "m")."""
    k = sc.lower().rstrip(".")
    if k not in SCALES and k.endswith("an") and k[:-2] in SCALES:
        return k[:-2]
    return k if k in SCALES else sc.lower()


WORD_SCALES = {"ratus": 1e2, "ribu": 1e3, "juta": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12, "trilyun": 1e12}

_NUMWORD_LIST = ("nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu|sejuta|"
                 "semiliar|semilyar|setriliun|setengah|separuh|belas|puluh|ratus|ribu|juta|miliar|milyar|triliun|trilyun")
# the same words grouped by their shared beginnings (no word is the beginning of another, so the order does not
# matter): re reads a word once instead of trying each number word at every word of every sentence
_NUMWORD = (r"(?:nol|s(?:atu|e(?:mbilan|puluh|belas|ratus|ribu|juta|mil(?:iar|yar)|triliun|tengah|paruh))|d(?:ua|elapan)|"
            r"t(?:iga|ujuh|ril(?:iun|yun))|e(?:mpat|nam)|lima|belas|puluh|r(?:atus|ibu)|juta|mil(?:iar|yar))")
WORDSEQ = rf"(?:{_NUMWORD}(?:\s+{_NUMWORD})*)"
DIGITNUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d+(?:[.,]\d+)?)"
# "30 jutaan", "Rp 2,5 triliunan": an "-an" scale is a round, approximate figure (qualifier "sekitar")
SCALE_RE = r"(?:ratus(?=\s+(?:ribu|juta|miliar|milyar|triliun|rupiah))|(?:ribu|juta|miliar|milyar|milliar|triliun|trilyun|kuadriliun)(?:an)?|rb\.?|jt\.?|million|billion|trillion|quadrillion|[MTK](?![\w-]))"
# compiled once: parse_number and _part_value run for every figure of every article
_SCALE_WORD = re.compile(SCALE_RE, re.IGNORECASE)
_NUMBER_PHRASE = re.compile(rf"({DIGITNUM})\s*((?:{SCALE_RE}\s*)*)", re.IGNORECASE)
MONEY_PRE = r"(?:Rp\.?|RP\.?|rp\.?|IDR|US\s?\$|USD|\$)"
RANGE_SEP = r"(?:\s*[-–—]\s*|\s+(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d|ke)\s+)"
POST_UNIT = (r"(?:%|poin\s+persen(?:tase)?\b|persen\b|per\s?sen\b|percent\b|rupiah\b|dolar\s+AS\b|dollar\s+AS\b|dolar\s+Amerika(?:\s+Serikat)?\b|"
             r"dolar\b|dollar\b|USD\b)")

_PART = rf"(?:{DIGITNUM}(?:\s*{SCALE_RE}(?:\s+{SCALE_RE})?)?|{WORDSEQ}\b)"
# the look-ahead lists every character a quantity can start with (a currency sign or code, a digit, the first letter of a
# number word): other positions fail on one test instead of on each alternative (a new form must add its first
# character; tests/test_claims_fast_paths.py compares the pattern without the look-ahead)
QUANTITY_RE = re.compile(
    rf"(?<![\w.,/:$-])(?=[$\dRIUnsdteljbprm])(?P<pre>{MONEY_PRE}\s?)?"
    rf"(?P<n1>{_PART})"
    rf"(?P<range>{RANGE_SEP}(?P<pre2>{MONEY_PRE}\s?)?(?P<n2>{_PART}))?"
    rf"(?P<post>\s*{POST_UNIT})?",
    re.IGNORECASE,
)

CHANGE_FROM_BEFORE = re.compile(r"\b(?:naik|meningkat|bertambah|tumbuh|melonjak|turun|menurun|berkurang|ditingkatkan|"
                                r"dinaikkan|didorong|digenjot|diturunkan)\s+dari\s+(?:sekitar\s+)?$", re.IGNORECASE)

QUALIFIERS = [
    # (surface regex, canonical)
    (r"kurang\s+lebih|lebih\s+kurang|sekitar|sekira|kira-kira|kisaran|±|\+/-|diperkirakan\s+sekitar", "sekitar"),
    (r"lebih\s+dari|di\s+atas|melebihi|lebih\s+daripada|>", "lebih dari"),
    (r"tidak\s+kurang\s+dari|tak\s+kurang\s+dari|minimal|minimum|sedikitnya|setidaknya|setidak-tidaknya|"
     r"paling\s+sedikit|sekurang-kurangnya|paling\s+tidak", "minimal"),
    (r"maksimal|maksimum|paling\s+banyak|sebanyak-banyaknya|tidak\s+lebih\s+dari", "maksimal"),
    (r"kurang\s+dari|di\s+bawah|tidak\s+sampai|tak\s+sampai|belum\s+sampai|<", "kurang dari"),
    (r"hampir|nyaris|mendekati|menjelang", "hampir"),
    (r"hingga|sampai|sampai\s+dengan|s\.d\.?|s/d", "hingga"),
    (r"hanya|cuma|baru", None),
]
_QUALIFIER_RXS = [(re.compile(q, re.IGNORECASE), canon) for q, canon in QUALIFIERS]
_QUAL_BEFORE = re.compile(
    r"(?:(?<=\W)|^)(?P<q>" + "|".join(q for q, _ in QUALIFIERS) + r")\s*(?:(?:sebanyak|sebesar|senilai|mencapai|baru|"
    r"sekitar|hanya|saja)\s+)?$",
    re.IGNORECASE,
)
_QUAL_AFTER = re.compile(r"^\s*(?:\w+\s+)?lebih\b(?!\s+(?:dari|daripada|kecil|besar|tinggi|rendah|banyak|sedikit))",
                         re.IGNORECASE)


# Shares written as words are percentages: "sepertiga" 33.3, "tiga perempat" 75, "separuh(nya)" 50, "satu dari lima
# usaha" 20, and so are fractions in digits ("hampir 1/3 trafik"). A half before a scale or a unit of time
# ("setengah juta", "setengah tahun") or after a whole number ("dua setengah") is an amount, not a share.
_SMALLWORD = r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)"
_DENOMINATORS = {"dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
                 "sepuluh": 10, "seratus": 100}
_NOT_A_SHARE_AFTER = (r"(?:ribu|juta|miliar|milyar|triliun|trilyun|jam|hari|pekan|minggu|bulan|tahun|abad|dekade|"
                      r"windu|kilo\w*|meter|liter|ton|persen|kali)\b")
FRACTION_RE = re.compile(
    # the characters a fraction can start with (se-, satu .. sepuluh, separuh, setengah, a digit): a new form must add
    # its first character here (tests/test_claims_fast_paths.py compares the pattern without this look-ahead)
    rf"(?<![\w-])(?=[sdtel1-9])(?:"
    rf"(?:se|(?P<num>{_SMALLWORD})\s+)per(?P<den>dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|seratus)"
    rf"|(?P<half>separuh|setengah)"
    rf"|(?P<rnum>{_SMALLWORD})\s+(?:dari|di\s+antara)\s+(?P<rden>dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|seratus)"
    rf"|(?<![(/\d.,])(?P<dnum>[1-9])/(?P<dden>[2-9]|10)(?![/\d)])"  # "hampir 1/3 trafik"; not "(1/3)", "1/3/2021"
    rf")(?:nya)?(?![\w-])(?!\s+{_NOT_A_SHARE_AFTER})",
    re.IGNORECASE,
)
_WHOLE_BEFORE = re.compile(rf"\b(?:{_NUMWORD}|\d+)\s+$", re.IGNORECASE)


def _share_value(m: re.Match) -> float | None:
    """The percentage a fraction written as words stands for (None when it is no proper share)."""
    if m.group("half"):
        return 50.0
    if m.group("dnum"):
        num, den = int(m.group("dnum")), int(m.group("dden"))
        return round(100.0 * num / den, 1) if num < den else None
    num_word, den_word = (m.group("num"), m.group("den")) if m.group("den") else (m.group("rnum"), m.group("rden"))
    num = words_to_number(num_word) if num_word else 1.0
    den = _DENOMINATORS[den_word.lower()]
    if num is None or num >= den:
        return None
    return round(100.0 * num / den, 1)


def find_shares(text: str) -> list["Quantity"]:
    """Fractions written as words, as percentages (unit ``persen``)."""
    out = []
    for m in FRACTION_RE.finditer(text):
        if _WHOLE_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue  # "dua setengah tahun", "1 setengah": part of an amount
        value = _share_value(m)
        if value is None:
            continue
        span = m.group(0)
        out.append(Quantity(start=m.start(), end=m.end(), text=span, value=value, unit="persen",
                            qualifier=qualifier_before(text, m.start()), is_words=True, raw_number=span))
    return out


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None
    unit: str | None = None  # rupiah | USD | persen | None (a count; the noun decides)
    qualifier: str | None = None
    is_words: bool = False
    has_scale: bool = False
    raw_number: str = ""
    extra: dict = field(default_factory=dict)


# digit groupings, compiled once (every figure of every article is parsed)
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 1.250.000,5
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")  # 1,250,000.5
_COMMA_DECIMAL = re.compile(r"\d+,\d+")
_DOT_DECIMAL = re.compile(r"\d+\.\d+")
_DIGITS_ONLY = re.compile(r"\d+")


def parse_digits(s: str) -> float | None:
    s = s.strip()
    if not s or not s[0].isdigit():
        return None
    if _DOT_THOUSANDS.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _COMMA_THOUSANDS.fullmatch(s):
        return float(s.replace(",", ""))
    if _COMMA_DECIMAL.fullmatch(s):
        return float(s.replace(",", "."))
    if _DOT_DECIMAL.fullmatch(s):
        whole, frac = s.split(".")
        if len(frac) == 3 and whole != "0":
            return float(whole + frac)
        return float(s)
    if _DIGITS_ONLY.fullmatch(s):
        return float(s)
    return None


def words_to_number(text: str) -> float | None:
    """Indonesian number words to a number; None when the words are not a well-formed number."""
    words = [w for w in re.split(r"\s+", text.strip().lower()) if w]
    if not words:
        return None
    total = 0.0
    small = 0.0  # value below 1000 being built
    pending = None  # unit word waiting for puluh/ratus/belas
    seen = False
    for w in words:
        if w in UNITS:
            if pending is not None:
                return None
            pending = float(UNITS[w])
        elif w in HALF:
            pending = (pending or 0.0) + 0.5
        elif w in ("sepuluh", "sebelas", "seratus"):
            if pending is not None:
                return None
            small += SE_FORMS[w]
        elif w == "belas":
            if pending is None or pending >= 10 or pending != int(pending):
                return None
            small += pending + 10
            pending = None
        elif w == "puluh":
            if pending is None or pending != int(pending):
                return None
            small += pending * 10
            pending = None
        elif w == "ratus":
            if pending is None or pending != int(pending):
                return None
            small += pending * 100
            pending = None
        elif w in ("seribu", "sejuta", "semiliar", "semilyar", "setriliun"):
            if small or pending is not None:
                return None
            total += SE_FORMS[w]
        elif w in WORD_SCALES:
            group = small + (pending or 0.0)
            if group == 0:
                if total == 0:
                    return None
                # "seribu triliun" style: scale applies to everything so far
                total *= WORD_SCALES[w]
            else:
                total += group * WORD_SCALES[w]
            small, pending = 0.0, None
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + small + (pending or 0.0)


def parse_number(text: str) -> float | None:
    """A number phrase: digits or words, optionally followed by scale words ("13,7 juta", "1,1 ribu triliun")."""
    text = text.strip()
    m = _NUMBER_PHRASE.fullmatch(text)
    if m:
        return _phrase_value(m)
    v = words_to_number(text)
    return _clean(v) if v is not None else None


def _phrase_value(m: re.Match, scales: list[str] | None = None) -> float | None:
    """The value of a ``_NUMBER_PHRASE`` match: the digits times each scale word (``scales``: its scale words when
    the caller has found them already)."""
    v = parse_digits(m.group(1))
    if v is None:
        return None
    for sc in _SCALE_WORD.findall(m.group(2) or "") if scales is None else scales:
        v *= SCALES[_scale_key(sc)]
    return _clean(v)


def _clean(v: float) -> float:
    r = float(f"{v:.12g}")
    return float(int(r)) if r == int(r) else r


def _unit_of(pre: str | None, post: str | None) -> str | None:
    if post:
        p = re.sub(r"\s+", " ", post.strip().lower())
        if p.startswith(("dolar", "dollar", "usd")):
            return "USD"
        if p in ("%", "persen", "per sen", "persensen", "percent") or p.startswith(("per", "poin")):
            return "persen"
        if p == "rupiah":
            return "rupiah"
    if pre:
        p = pre.strip().lower().replace(" ", "")
        if p.startswith("rp") or p == "idr":
            return "rupiah"
        return "USD"
    return None


def _part_value(part: str, money: bool) -> tuple[float | None, bool, bool]:
    """(value, has_scale, is_words) of one range part; M/T/K abbreviations only count after a currency."""
    part = part.strip()
    m = _NUMBER_PHRASE.fullmatch(part)
    if m:
        scales = _SCALE_WORD.findall(m.group(2) or "")
        if any(s in ("M", "T", "K", "m", "t", "k") for s in scales) and not money:
            return None, False, False
        return _phrase_value(m, scales), bool(scales), False  # the match parse_number would make of the same stripped part
    v = words_to_number(part)
    return (_clean(v) if v is not None else None), bool(re.search(r"ribu|juta|miliar|milyar|triliun", part, re.I)), True


_QUAL_DIRECT = re.compile(r"(?:(?<=\W)|^)(?P<q>" + "|".join(q for q, _ in QUALIFIERS) + r")\s*$", re.IGNORECASE)


def qualifier_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 45):start]
    # both patterns end at the end of the window and span at most three words (four with a filler such as "sebesar"):
    # searched from where those words begin, they find the same match without trying every earlier position
    direct = _QUAL_DIRECT.search(window, _last_words(window, _QUAL_WORDS))  # "baru sekitar 5 persen": the qualifier next to the number wins
    m = direct if direct and _canonical_qualifier(direct.group("q")) else \
        _QUAL_BEFORE.search(window, _last_words(window, _QUAL_WORDS + 1))
    return _canonical_qualifier(m.group("q")) if m else None


# the most words a qualifier has ("tidak kurang dari"), counted from QUALIFIERS so that a longer one added there is
# still found
_QUAL_WORDS = max(len(re.split(r"\\s\+|\s+", alt)) for q, _ in QUALIFIERS for alt in q.split("|"))


def _last_words(text: str, words: int) -> int:
    """Where the last ``words`` whitespace-separated runs of ``text`` begin (0 when it has no more)."""
    parts = text.rsplit(None, words)
    return len(parts[0]) if len(parts) > words else 0


def _canonical_qualifier(q: str) -> str | None:
    for rx, canon in _QUALIFIER_RXS:
        if rx.fullmatch(q.lower()):
            return canon
    return None


def find_quantities(text: str) -> list[Quantity]:
    """Every number-like span of ``text`` with its normalised value (no scope filtering here)."""
    shares = find_shares(text)
    out: list[Quantity] = list(shares)
    pos = 0
    while True:
        m = QUANTITY_RE.search(text, pos)
        if not m:
            break
        pos = m.end()
        if any(s.start <= m.start() < s.end for s in shares):
            pos = next(s.end for s in shares if s.start <= m.start() < s.end)
            continue  # inside a share written as words ("satu dari lima")
        n1 = m.group("n1")
        if not n1 or not n1.strip():
            pos = m.start() + 1
            continue
        pre, post = m.group("pre"), m.group("post")
        money = bool(pre) or bool(post and re.match(r"\s*(rupiah|dol|usd)", post, re.I))
        v1, sc1, w1 = _part_value(n1, money)
        end = m.end()
        if v1 is None:
            # maybe a bare scale abbreviation was captured without money: retry on the digits alone
            dm = re.match(DIGITNUM, n1)
            if not dm:
                continue
            v1, sc1, w1 = parse_digits(dm.group(0)), False, False
            if v1 is None:
                continue
            end = m.start("n1") + dm.end()
            post = None
        vmax = None
        if m.group("range") and end == m.end():
            v2, sc2, w2 = _part_value(m.group("n2"), money or bool(m.group("pre2")))
            ok = v2 is not None
            if ok and sc2 and not sc1 and v1 < 1000:
                # "2–3 juta": the scale of the upper bound applies to the lower (not "Rp 450.000 hingga Rp 1,2 juta")
                scale = v2 / parse_number(re.match(rf"{DIGITNUM}|{WORDSEQ}", m.group("n2").strip(), re.I).group(0)) \
                    if not w2 else None
                if scale:
                    v1 = _clean(v1 * scale)
                elif w2:
                    base = words_to_number(re.sub(r"\s*(ribu|juta|miliar|milyar|triliun)\s*$", "", m.group("n2").strip(), flags=re.I))
                    if base:
                        v1 = _clean(v1 * (v2 / base))
            if ok and (v2 <= v1 or v2 / max(v1, 1e-9) > 1000 or (sc1 and not sc2)
                       or (not sc1 and not sc2 and 1900 <= v1 <= 2100 and 1900 <= v2 <= 2100)):
                ok = False
            if ok and re.search(r"\bke\b", m.group("range")) and not (sc1 or sc2):
                ok = False
            if ok and CHANGE_FROM_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
                ok = False  # "naik dari 9 ribu hingga 20 ribu pada 2027": a starting level and a goal, not a range
            if ok:
                vmax = v2
            else:
                end = m.end("n1")
                post_m = re.match(rf"\s*{POST_UNIT}", text[end:], re.IGNORECASE)
                post = post_m.group(0) if post_m else None
                if post_m:
                    end += post_m.end()
                # restore single-part value (v1 may have been rescaled)
                v1, sc1, w1 = _part_value(n1, money)
                if v1 is None:
                    continue
        if text[end:end + 3].lower() == "-an" and not text[end + 3:end + 4].isalpha():
            end += 3  # "3.900-an koperasi", "70-an": a round, approximate figure
        pos = end
        start = m.start()
        span_text = text[start:end].rstrip()
        end = start + len(span_text)
        unit = _unit_of(pre, post)
        q = qualifier_before(text, start)
        if q is None and re.search(r"(?:ribu|juta|miliar|milyar|triliun|trilyun)an\b|-an$", span_text, re.IGNORECASE):
            q = "sekitar"
        if q is None and _QUAL_AFTER.match(text[end:end + 20]):
            q = "lebih dari"
        out.append(Quantity(start=start, end=end, text=span_text, value=v1, value_max=vmax, unit=unit, qualifier=q,
                            is_words=w1, has_scale=sc1, raw_number=n1.strip()))
    return sorted(out, key=lambda q: q.start) if shares else out


def number_to_words(n: int) -> str:
    """Render a non-negative integer (< 10^15) in Indonesian words."""
    n = int(n)
    if n == 0:
        return "nol"
    parts = []
    for scale, name in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if n >= scale:
            group, n = divmod(n, scale)
            if group == 1 and name == "ribu":
                parts.append("seribu")
            else:
                parts.append(f"{_below_thousand(group)} {name}")
    if n:
        parts.append(_below_thousand(n))
    return " ".join(parts)


def _below_thousand(n: int) -> str:
    names = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
    words = []
    h, r = divmod(n, 100)
    if h == 1:
        words.append("seratus")
    elif h:
        words.append(f"{names[h]} ratus")
    if r == 10:
        words.append("sepuluh")
    elif r == 11:
        words.append("sebelas")
    elif 12 <= r <= 19:
        words.append(f"{names[r - 10]} belas")
    elif r >= 20:
        t, u = divmod(r, 10)
        words.append(f"{names[t]} puluh" + (f" {names[u]}" if u else ""))
    elif r:
        words.append(names[r])
    return " ".join(words)


def format_digits(value: float, decimals: int = 0) -> str:
    """Indonesian digit rendering: thousands dot, decimal comma ("1.100.000,5")."""
    s = f"{value:,.{decimals}f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")
