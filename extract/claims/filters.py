"""Scope filters: numbers that are not claims (dates, times, durations, names, phone numbers, categories, ...)."""
from __future__ import annotations

from extract.numbers import Quantity
import re

from extract.claims.lexicon import CATEGORY, DURATION, PLACE_REACH, UMKM_WORDS, _MONTH_RE, alternation


REG_NAME_BEFORE = re.compile(r"(?:\b(?:nomor|no\.?|pasal|ayat|pp|uu|perpres|permen\w*|inpres|keppres|kepmen\w*|"
                             r"perda|perpu|perppu|pmk|pojk|peraturan|tahun|thn|angka|ke|kode|versi|"
                             r"seri|tipe|kelas|jilid|volume|vol\.?|edisi|halaman|hlm\.?|hal\.?|rt|rw|km|jl\.?|"
                             r"jalan|gedung|lantai|ruang|kamar|pukul|jam|tanggal|tgl\.?|sejak|selama|usia|umur|"
                             r"berusia|berumur|medio|era|zaman|periode|angkatan|generasi)|[#@/])\s*$",
                             re.IGNORECASE)


# "Angka 62,4 persen tadi", "capaian 40 ribu itu": a figure named again (one fact, one claim)
BACK_REFERENCE_BEFORE = re.compile(r"\b(?:angka|capaian|posisi|realisasi)\s+(?:sebesar\s+)?(?:Rp\.?\s*)?$",
                                   re.IGNORECASE)


# "target 30 juta itu", "Dari 40 persen itu", "Di 96 desa itu": the figure named again, pointing back to where it was
# stated (pipeline: one fact, one claim, unless a target is moved to a new year)
BACK_REFERENCE_AFTER = re.compile(r"^\s*(?:lebih\s+)?(?:[A-Za-z]+\s+)?(?:itu|tersebut)\b", re.IGNORECASE)


def back_reference(q: Quantity, after: str) -> bool:
    return bool(BACK_REFERENCE_AFTER.match(after)) and not DURATION.match(after)


# the places a survey sampled are not a programme's reach (R13)
SURVEY = re.compile(rf"\b(?:{alternation('categories', 'survey_words')})\b", re.IGNORECASE)


# "300 pasar tahun ini, 450 tahun depan": a count whose noun is left out before a year, not a duration ("3 tahun")
OMITTED_NOUN_YEAR = re.compile(r"^\s*tahun\s+(?:ini|depan|berikutnya)\b", re.IGNORECASE)
# "naik dari 3,6 juta tahun lalu": nothing lasts millions of years in the news; a scaled figure before a relative year
# is a count whose noun is left out
SCALED_BEFORE_YEAR = re.compile(r"^\s*tahun\s+(?:lalu|sebelumnya|kemarin)\b", re.IGNORECASE)


# places a programme reaches (R13): "di 9 kabupaten", "diperluas ke 15 kabupaten", "menyasar seluruh 33 kabupaten/kota",
# "ditambah menjadi 25 kota"
REACH_BEFORE = re.compile(r"\b(?:di|ke|menjadi|seluruh|menyasar|menjangkau|mencakup|meliputi)\s+"
                          r"(?:sekitar\s+|lebih\s+dari\s+|seluruh\s+)?$", re.IGNORECASE)


# a count whose own noun is a counted thing ("5.000 koperasi sektor kelautan", "12.000 desa lokasi koperasi") is no
# count of categories, whatever word follows its noun
KNOWN_COUNT = re.compile(rf"(?:{alternation('categories', 'counted_thing_nouns')})\b", re.IGNORECASE)


TIME_AFTER = re.compile(r"^\s*(?:WIB|WITA|WIT|GMT|UTC|pagi|siang|sore|malam)\b", re.IGNORECASE)


MONTH_AFTER = re.compile(rf"^\s*(?:{_MONTH_RE})\b\.?", re.IGNORECASE)


# "satu merchant bisa ...", "Satu responden bisa memakai ...": the word "one" as an indefinite article, not a count;
# a qualifier ("minimal satu toko") or an increment ("menambah satu karyawan lagi") makes it a count
GENERIC_ONE = re.compile(rf"(?:{alternation('units', 'generic_one')})", re.IGNORECASE)
INCREMENT_AFTER = re.compile(rf"^\s*(?:[\w-]+\s+){{0,3}}?(?:{alternation('units', 'increment_after')})\b", re.IGNORECASE)


# "PT Hutchison 3 Indonesia", "Industry 4.0 Readiness": a bare number between two capitalised words is part of a name
NAME_WORD_BEFORE = re.compile(r"(?<![.!?:;\n\"“]\s)(?<!^)\b[A-Z][A-Za-z]+\s+$")
NAME_WORD_AFTER = re.compile(r"^\s+[A-Z][a-z]+\b")


def _generic_one(q: Quantity, after: str) -> bool:
    return q.is_words and q.value == 1 and not q.unit and GENERIC_ONE.fullmatch(q.raw_number) is not None and \
        q.qualifier != "minimal" and not INCREMENT_AFTER.match(after)  # "lebih dari satu kanal" stays generic


def _inside_name(q: Quantity, before: str, after: str) -> bool:
    return not q.unit and not q.has_scale and not q.is_words and bool(NAME_WORD_BEFORE.search(before)) and \
        bool(NAME_WORD_AFTER.match(after)) and not re.search(rf"\b(?:{_MONTH_RE})\s+$", before, re.IGNORECASE)


# "Margin of error sekitar 2,5%": how a survey was made, not what it found
METHODOLOGY_BEFORE = re.compile(rf"\b(?:{alternation('out_of_scope', 'survey_methodology')})\b[^,;.]{{0,25}}$", re.IGNORECASE)


# a share written as words of a price or cost ("hampir separuh harga selembar kain"); not "sepertiga dari nilai kumulatif"
SHARE_OF_AN_AMOUNT = re.compile(r"^\s*(?:dari\s+)?(?:harga|biaya|ongkos|tarif|gaji|upah)\b", re.IGNORECASE)


# "ke-30", "ke 2" (ordinals); "salah satu", "satu-satunya" (not counts)
KE_DASH_BEFORE = re.compile(r"\bke-\s*$", re.IGNORECASE)
KE_BEFORE = re.compile(r"\bke\s+$", re.IGNORECASE)
ONE_OF_BEFORE = re.compile(r"\b(?:salah|satu-satunya)\s*$", re.IGNORECASE)


_WORD = re.compile(r"[A-Za-z][\w-]*")


# "3. Jawa Timur: 3,9 juta UMKM", "Transaksi Toko Jateng: Rp 150 miliar": a label and its figure, the line ending with
# the figure's unit; a data line (a table row or list item written as text), not a headline
DATA_LINE = re.compile(r"^\W*(?:\d{1,2}[.)]\s+)?[^:\n]{2,60}:\s*(?:Rp\.?\s*|US\$\s*|USD\s*)?\d[\d.,]*"
                       r"(?:\s+(?:ribu|juta|miliar|triliun|persen))?(?:\s+\S+){0,2}\s*$", re.IGNORECASE)


def data_line(sentence: str) -> bool:
    return bool(DATA_LINE.match(sentence.strip()))


def headline_line(sentence: str) -> bool:
    """A headline standing in the text (a related-article link, a crosshead, the title repeated): a line without
    closing punctuation whose words are mostly capitalised ("BPS: 9,3 Juta Usaha Berjualan Online"). Out of scope:
    its figure is either another article's or restated in the body."""
    line = sentence.strip()
    if not line or line[-1] in ".!?\"”’)" or "\n" in line or data_line(line):
        return False
    words = _WORD.findall(line)
    return len(words) >= 3 and sum(1 for w in words if w[0].isupper()) >= 0.6 * len(words)


def _lowercase_figure_phrase(ent_text: str) -> bool:
    """A name that starts with a figure ("8 Juta UMKM Go Online") is a name only when written as one: in "menyasar 8
    juta UMKM go online" the lowercase words make it a figure and its noun, not the programme."""
    m = re.match(r"\s*\d[\d.,]*\s+(.*)$", ent_text)
    if not m:
        return False
    words = [w for w in m.group(1).split() if w[:1].isalpha()]
    return any(w[0].islower() for w in words)


def _tail(text: str, words: int) -> int:
    """Where the last ``words`` whitespace-separated runs of ``text`` begin (0 when it has no more). A pattern anchored
    at the end of ``text`` whose match spans at most that many runs cannot start earlier, so searching from there finds
    the same match without trying every earlier position (``\\b`` and look-behinds still see the characters before)."""
    parts = text.rsplit(None, words)
    return len(parts[0]) if len(parts) > words else 0


def _scope_ok(q: Quantity, sent_text: str, rel_start: int, rel_end: int, ent_spans) -> bool:
    before = sent_text[:rel_start]
    after = sent_text[rel_end:]
    raw = q.raw_number
    if after[:1].isalpha() or after[:1] in "-" and after[1:2].isalnum():
        return False  # "25th", "24.com", "4G"
    if re.match(r"^[.,]\d", after):
        return False
    if BACK_REFERENCE_BEFORE.search(before, _tail(before, 3)) and re.match(r"^\s*(?:[a-z]+\s+)?(?:tadi|itu|tersebut)\b", after, re.I):
        return False  # "Angka 62,4 persen tadi ...": the figure named again to say something about it
    if any(a <= rel_start < b or a < rel_end <= b for a, b in ent_spans):
        return False  # inside a name / programme
    if _generic_one(q, after) or _inside_name(q, before, after) or METHODOLOGY_BEFORE.search(before):
        return False
    if q.is_words and q.unit == "persen" and SHARE_OF_AN_AMOUNT.match(after):
        return False  # "separuh harga selembar kain": a ratio of two amounts, not a share of businesses
    if not before.strip(" \"“(-") and not q.unit and not q.has_scale and re.match(r"[.)](?:\s|$)", after):
        return False  # "2. Pelatihan digital ...": a list enumerator
    if not q.unit and not q.has_scale and re.fullmatch(r"(?:19|20)\d\d", raw):
        return False  # a year
    if not q.unit and not q.has_scale and re.fullmatch(r"\d{1,2}\.\d{1,2}", raw):
        return False  # "kampanye 11.11", "pukul 10.30": a thousands dot takes three digits, so this is a date or name
    if not q.unit and not q.has_scale and re.fullmatch(r"\d{1,2}", raw) and (MONTH_AFTER.match(after)
                                                                              or re.match(r"^\s*/\s*\d", after)):
        return False  # day of a date
    if re.search(r"/\s*$", before) or TIME_AFTER.match(after) or re.match(r"^\s*[:.]\d\d", after):
        return False
    if re.match(r"^0\d{2,}", raw) or re.match(r"^\s*\d{3,}", after) or re.search(r"\+62\s*$", before) or \
            (re.search(r"\b\d{3,}[\s-]+$", before) and not q.has_scale and not q.unit):
        return False  # phone numbers
    reach = bool(REACH_BEFORE.search(before, _tail(before, 3)) and PLACE_REACH.match(after))
    if REG_NAME_BEFORE.search(before, _tail(before, 1)) and not q.unit and not q.has_scale and not reach:
        return False
    if KE_DASH_BEFORE.search(before, _tail(before, 1)) or (KE_BEFORE.search(before, _tail(before, 1)) and not PLACE_REACH.match(after)
                                                 and not q.unit and not q.has_scale and not UMKM_WORDS.match(after.strip())):
        return False  # "ke-30", "ke 2"; not "diperluas ke 15 kabupaten", "naik ke 85 persen", "ke 3 juta UMKM"
    if q.unit not in ("persen", "rupiah", "USD") and DURATION.match(after) and not OMITTED_NOUN_YEAR.match(after) and \
            not (q.has_scale and SCALED_BEFORE_YEAR.match(after)):
        return False
    if q.unit not in ("persen", "rupiah", "USD") and CATEGORY.match(after) and not q.has_scale and \
            not UMKM_WORDS.match(after.strip()) and \
            not KNOWN_COUNT.match(after.strip()) and \
            not (PLACE_REACH.match(after) and not SURVEY.search(sent_text)):
        return False  # "tiga klaster", "5 paket kebijakan"; but "4 juta paket per hari" is a volume
    if ONE_OF_BEFORE.search(before, _tail(before, 1)):
        return False
    return True


_FAST_TRIGGER = re.compile(r"\d|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|"
                           r"seratus|seribu|sejuta|setengah|separuh(?:nya)?|(?:se|\s)per(?:dua|tiga|empat|lima|"
                           r"enam|tujuh|delapan|sembilan|sepuluh|seratus)(?:nya)?)\b", re.IGNORECASE)


def _bound_holds(rough: float, qualifier: str | None, precise: float) -> bool:
    """Whether a precise share fits a rough one stated as a word fraction ("kurang dari sepertiga" ~ 25,9 persen)."""
    if qualifier == "kurang dari":
        return 0.6 * rough <= precise < rough
    if qualifier == "hampir":
        return 0.85 * rough <= precise <= rough
    if qualifier == "lebih dari":
        return rough < precise <= 1.4 * rough
    return False  # an exact or approximate word share is a figure of its own


def restated_word_shares(candidates) -> set[int]:
    """Indexes of candidates that are a word fraction ("belum sampai sepertiga dari pagu") restating, in rough form, a
    share the article states precisely elsewhere ("baru 25,9 persen dari alokasi"): one fact, the precise figure."""
    shares = [(i, c, q) for i, (c, _, q) in enumerate(candidates) if c["unit"] == "persen"]
    out = set()
    for i, claim, q in shares:
        if not q.is_words:
            continue
        if any(not q2.is_words and j != i and _bound_holds(q.value, q.qualifier, c2["value"]) and
               c2["claim_type"] == claim["claim_type"] for j, c2, q2 in shares):
            out.add(i)
    return out
