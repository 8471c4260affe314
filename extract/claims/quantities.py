"""Units of the quantities found by extract.numbers: the noun after a figure, or the counted thing in context."""
from __future__ import annotations

from extract.numbers import Quantity
import re

from extract.claims.lexicon import PLACE_REACH, UMKM_CONTEXT, UMKM_WORDS, alternation, lexicon


UNIT_NOUNS = [
    (re.compile(r"^(?:unit\s+)?(?:koperasi|kopdes|kdkmp|kdmp)\b", re.I), "koperasi"),
    (re.compile(r"^(?:kali\s+lipat|kali)\b", re.I), "kali"),
    (re.compile(r"^(?:orang|peserta|responden|penerima|debitur|nasabah|pekerja|tenaga\s+kerja|jiwa|warga|masyarakat|pelajar|"
                r"mahasiswa|relawan|pendamping|talenta|petani|nelayan|keluarga|kk|penduduk|pengguna|konsumen|"
                r"pembeli|pelanggan|anggota|siswa|santri|perempuan|pemuda|milenial|lulusan|tenaga)\b", re.I), "orang"),
    (re.compile(r"^transaksi\b", re.I), "transaksi"),
    (re.compile(r"^(?:produk|item|barang|sku|jenis\s+produk)\b", re.I), "produk"),
    (re.compile(r"^(?:marketplace|lokapasar|platform|e-commerce|situs|aplikasi|startup|perusahaan|bumn|bank|"
                r"lembaga|mitra\s+platform)\b", re.I), None),  # unit = the word itself
    (PLACE_REACH, None),  # places a programme reaches (R13): "di 34 provinsi", "41 pemerintah daerah"
    (re.compile(r"^(?:desa|kelurahan|sentra|pasar|kios|gerai|outlet|unit|paket|domain|website|akun|sertifikat|"
                r"nib|izin|ton|kg|kilogram|kilometer|liter|hektare|ha|meter|km|kuota)\b", re.I), None),
]


DISTANCE_UNITS = {str(w) for w in lexicon("units")["distance_measures"]}
_MULTIPLE_AFTER = re.compile(rf"\s*kali\s+(?:{alternation('units', 'occasion_after')})(?:nya)?\b", re.I)


_PRICE_RATIO_AFTER = re.compile(rf"\s*kali\s+(?:lipat\s+)?(?:{alternation('units', 'price_after')})\b", re.I)


def price_ratio(sent_text: str, rel_end: int) -> bool:
    """"2 sampai 3 kali harga barangnya": a multiple of a price or cost, context like the price itself."""
    return bool(_PRICE_RATIO_AFTER.match(sent_text, rel_end))


def occasions(q: Quantity, sent_text: str, rel_end: int) -> bool:
    """Whether "N kali" counts occasions ("dua kali", "3 kali seminggu"): not a multiple ("tiga kali lipat", "2 kali
    harga barangnya") nor a volume stated with a scale word ("diunduh 1,1 juta kali")."""
    return not q.has_scale and not _MULTIPLE_AFTER.match(sent_text, rel_end)


# the general rule for nouns no list names (nlp_models/lexicons/units.yaml): the word after a number is what it counts
_NOUN_AFTER = re.compile(r"([A-Za-z][a-z]*(?:-[a-z]+)?|[A-Z]{2,}\b)(?![\w-])")
_NOT_COUNTED = re.compile(rf"(?:{alternation('units', 'not_counted')})", re.I)
_PERSON = re.compile(rf"(?:{alternation('units', 'person_nouns')})\b", re.I)
_PERSON_SHAPE = re.compile(rf"(?:{alternation('units', 'person_patterns')})", re.I)
_NOT_PERSON = re.compile(rf"(?:{alternation('units', 'not_person')})", re.I)
_MODIFIER = re.compile(rf"(?:{alternation('units', 'noun_modifiers')})\s+", re.I)
_VERB_SHAPE = re.compile(rf"(?:{alternation('units', 'verb_patterns')})", re.I)
_NOT_VERB = re.compile(rf"(?:{alternation('units', 'not_verb')})", re.I)
_GOODS = re.compile(rf"(?:{alternation('units', 'goods_nouns')}|{alternation('units', 'classifier_nouns')})\b", re.I)
_ORDERS = re.compile(rf"(?:{alternation('units', 'order_nouns')})\b", re.I)


def counted_noun(after: str) -> tuple[str | None, str]:
    """(unit, noun) of the noun right after a number that no unit list names: people nouns count "orang", goods
    and their measure words count "produk", orders count "transaksi", any other noun counts itself ("40 potong", "150 pesanan", "1.682 BTS"); (None, "") when the word
    after the number is a function word, time word or other word of units.yaml "not_counted"."""
    modifier = _MODIFIER.match(after)
    if modifier:
        after = after[modifier.end():]  # "5.400 calon penerima": the noun after the modifier
    m = _NOUN_AFTER.match(after)
    if not m:
        return None, ""
    word = m.group(1)
    if word.lower().endswith("nya") and len(word) > 6:
        word = word[:-3]  # "dua karyawannya": the noun without its possessive
    if _NOT_COUNTED.fullmatch(word) or (_VERB_SHAPE.fullmatch(word.lower()) and not _NOT_VERB.fullmatch(word.lower())):
        return None, ""
    rest = after[m.start():]
    person = _PERSON.match(rest)
    if person:
        return "orang", person.group(0)
    low = word.lower()
    if (_PERSON_SHAPE.fullmatch(low) and not _NOT_PERSON.fullmatch(low)):
        return "orang", word
    if _GOODS.match(rest):
        return "produk", word
    if _ORDERS.match(rest):
        return "transaksi", word
    return (word if word.isupper() else low), word


def _unit_for(q: Quantity, sent_text: str, rel_end: int) -> tuple[str | None, str]:
    """(unit, noun phrase after the number)."""
    if q.unit:
        return q.unit, ""
    after = sent_text[rel_end:]
    after_s = re.sub(r"^\s*[(\[]\s*", "", after)
    if re.match(r"(?:mitra|rekan)\s+(?:pengemudi|driver|ojol|kurir)\b", after_s.strip(), re.I):
        return "orang", re.match(r"\S+\s+\S+", after_s.strip()).group(0)  # drivers are people, not businesses
    m = UMKM_WORDS.match(after_s.strip())
    if m:
        return "UMKM", m.group(0)
    for rx, unit in UNIT_NOUNS:
        m = rx.match(after_s.strip())
        if m:
            unit = unit or m.group(0).lower()
            if unit == "unit":
                ctxt = sent_text[max(0, rel_end - 150):rel_end] + " " + after_s[:30]
                hits = list(UMKM_CONTEXT.finditer(sent_text[max(0, rel_end - 150):rel_end]))
                near = hits[-1].group(0).lower() if hits else (UMKM_CONTEXT.search(ctxt).group(0).lower()
                                                               if UMKM_CONTEXT.search(ctxt) else None)
                if near:
                    unit = "koperasi" if near.startswith("koperasi") else "UMKM"
            return unit, m.group(0)
    return counted_noun(after_s.strip())


_BASE_AFTER = re.compile(r"\s+dari\s+(?:sekitar\s+|total\s+|sebanyak\s+|seluruh\s+)?(?=\d)", re.I)
_COUNT_SUBJECT = re.compile(r"\bjumlah(?:nya)?(?:\s+(?P<noun>[a-z]+))?(?:\s+[a-z]+){0,3}\s+(?:\S+\s+){0,4}?$", re.I)
_COUNT_UNITS_EXCLUDED = (None, "persen", "rupiah", "USD", "kali")


def omitted_noun(q: Quantity, sent_text: str, rel_start: int, rel_end: int, running_unit: str | None) -> tuple[str | None, str]:
    """What a bare number counts when its noun is left out: "baru 2.350 dari sekitar 14 ribu UMKM" (the noun of the
    base it is taken of, R12 c), "jumlah bank penyalur sekarang 39" (the noun the clause counts), "Sekarang baru 110"
    or "dibidik 6.000 tahun ini dan 7.500 tahun depan" (the count the text is running, ``running_unit``: the unit of
    the figure just before, in the same or the previous paragraph). (None, "") when nothing names it."""
    if q.unit or re.match(r"\s*\)", sent_text[rel_end:]) and re.search(r"\(\s*$", sent_text[:rel_start]):
        return None, ""  # "Nur Kholis (41)": an age in brackets
    if re.search(r"(?<![.!?:]\s)(?<!^)\b[A-Z][A-Za-z]+\s+$", sent_text[:rel_start]):
        return None, ""  # "Making Indonesia 4.0", "Pasar 16": a number after a capitalised word belongs to a name
    base = _BASE_AFTER.match(sent_text, rel_end)
    if base:
        from extract.numbers import find_quantities

        nxt = [n for n in find_quantities(sent_text[base.end():]) if n.start == 0]
        if nxt:
            unit, noun = _unit_for(nxt[0], sent_text, base.end() + nxt[0].end)
            if unit not in _COUNT_UNITS_EXCLUDED:
                return unit, noun
    subj = _COUNT_SUBJECT.search(sent_text[max(0, rel_start - 90):rel_start])
    if subj and subj.group("noun"):
        unit, noun = _unit_for(Quantity(0, 0, "", 0), subj.group("noun") + " ", 0)
        if unit not in _COUNT_UNITS_EXCLUDED:
            return unit, noun
    if running_unit not in _COUNT_UNITS_EXCLUDED:
        return running_unit, ""
    return None, ""


def last_count_unit(sentence: str) -> str | None:
    """The unit of the last count a sentence states, whether or not it became a claim ("Kalau semua desa mau
    digarap, kami butuh minimal 300 pendamping." -> orang): what a bare number right after it goes on counting."""
    from extract.numbers import find_quantities

    for q in reversed(find_quantities(sentence)):
        unit, _ = _unit_for(q, sentence, q.end)
        if unit not in _COUNT_UNITS_EXCLUDED:
            return unit
    return None


# "40 miliar dollar AS atau sekitar Rp566 triliun", "130 miliar dolar AS pada 2020, atau setara Rp1.700 triliun": the
# same amount in another currency is the same fact (R7); the amount stated first is the claim
_CONVERSION_LINK = re.compile(r"\s*\)?\s*(?:(?:pada|di|per|tahun|hingga|sampai)\s+[\w-]+\s*)?,?\s*"
                              r"(?:(?:atau|alias|\(|yakni|yaitu)\s*)?(?:(?:setara|senilai|sekitar|kira-kira|kurang\s+lebih|"
                              r"dengan|sebesar)\s+)*", re.I)


def is_conversion(q: Quantity, sent_text: str, quantities) -> bool:
    """Whether a money figure restates the amount just before it in another currency."""
    earlier = [p for p in quantities if p.end <= q.start and p.unit in ("rupiah", "USD")]
    if not earlier or q.unit not in ("rupiah", "USD") or earlier[-1].unit == q.unit:
        return False
    link = sent_text[earlier[-1].end:q.start]
    return bool(re.search(r"\b(?:atau|alias|setara|senilai)\b|\(", link)) and bool(_CONVERSION_LINK.fullmatch(link))
