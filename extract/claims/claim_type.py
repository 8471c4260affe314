"""Claim type (target / achievement / budget / other) from the clause that governs a figure."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
import re

from extract.claims import type_model
from extract.claims.clauses import _clause_bounds, _nearest
from extract.claims.structure import (APPLICANTS_AFTER, APPLICANTS_LEFT, ATTRIBUTE_AFTER, DISTRIBUTIVE_LEFT, FUTURE,
                                      MARKET_WIDE, OPINION_AFTER, PRIVATE_LENDING, earlier_term, estimate_of_now,
                                      structural_type)
from extract.claims.lexicon import alternation, lexicon, words, ANAPHOR, ACHIEVE_CUES, BUDGET_CUES, DIGITAL_WORDS, EXPLICIT_TARGET, OTHER_CUES, PER_PERIOD, PROJECTION, QUOTA, REALIZED, STRONG_REALIZED, TARGET_CUES, _MONTH_RE



def _alt(key: str) -> str:
    """One list of nlp_models/lexicons/claim_type.yaml as a regular-expression alternation."""
    return alternation("claim_type", key)


# counts of people or businesses taking part in / hit by something are context ("1.700 koperasi terdampak",
# "120 ribu penjual ikut pelatihan"), not programme results
PARTICIPANT_AFTER = re.compile(r"^\s*(?:\w+\s+){0,4}?(?:(?:dan|serta)\s+[\d.,]+\s+(?:\w+\s+){0,2}?)?(?:yang\s+)?"
                               rf"(?:{_alt('participation_verbs')})\b", re.IGNORECASE)


# figures derived from other figures: a gap ("selisih 800 ribu"), an average or per-unit amount
DERIVED_LEFT = re.compile(rf"\b(?:{_alt('derived_nouns')})\s+(?:\w+\s+){{0,3}}?$", re.IGNORECASE)


# an amount per recipient or per debtor ("setiap merchant", "rata-rata plafon"); an average per period alone ("omzetnya
# rata-rata Rp 45 juta per bulan") is a level of the quantity, not a per-unit amount
_NOT_A_UNIT = r"(?!(?:" + _MONTH_RE + "|" + _alt("time_nouns") + r")\b)"
PER_UNIT_LEFT = re.compile(r"(?:\b(?:rata-rata|rerata)\s+(?:[^,.;]*?\b(?:setiap|tiap|per)\s+" + _NOT_A_UNIT + r"[a-z]|"
                           rf"(?:nilai\s+)?(?:{_alt('averaged_loans')})\b)[^,.;]*|"
                           r"\b(?:setiap|tiap|per)\s+" + _NOT_A_UNIT + r"[a-z]\w*\s+(?:\w+\s+){0,2}?)$", re.IGNORECASE)


SHARE_BASE_LEFT = re.compile(r"(?:persen|%)\s+dari\s+(?:sekitar\s+|total\s+|seluruh\s+)?$", re.IGNORECASE)


TARGET_SET_AFTER = re.compile(r"\s*(?:\S+\s+){0,3}?yang\s+(?:telah\s+|sudah\s+)?"
                              rf"(?:{_alt('target_setting_passives')})\b", re.IGNORECASE)


# "realisasi KUR Rp ...", "realisasinya sudah Rp ..." (the realisation of the budget just named): programme money paid out
REALISED_PROGRAMME = re.compile(rf"\brealisasi(?:nya\b|\s+(?:\w+\s+){{0,2}}(?:{_alt('realised_programme_heads')})\b)",
                                re.IGNORECASE)
# "Rp 10,1 triliun atau 8,2 persen dari pagu": money counted against a budget ceiling is that budget, paid out
BUDGET_SHARE_AFTER = re.compile(rf"^[\s,(]*(?:atau\s+)?(?:sekitar\s+|hampir\s+|baru\s+)?[\d.,]+\s*(?:persen|%)\s+dari\s+"
                                rf"(?:total\s+)?(?:{alternation('budget', 'budget_nouns')})\b", re.IGNORECASE)
DARI_TARGET = re.compile(r"^\s*(?:\S+\s+){0,2}dari\s+(?:total\s+)?(?:target|sasaran)", re.IGNORECASE)


PASSED = _alt("passed_target_verbs")
NOT_TARGET = re.compile(rf"\b(?:{PASSED}|{_alt('pursued_target_verbs')})\s+(?:\w+\s+)?(?:target|sasaran)\b", re.IGNORECASE)
PASSED_AT_START = re.compile(rf"(?:{PASSED})", re.IGNORECASE)
PASSED_BEFORE = re.compile(rf"(?:{PASSED})\s+(?:\w+\s+)?$", re.IGNORECASE)


# "dibandingkan posisi akhir 2021 yang sebanyak 16,4 juta": a comparison base tied to a point in time is the earlier
# level of the quantity compared (R12 a); a base named as a whole population ("dibandingkan jumlah UMKM") stays context
COMPARED_EARLIER = re.compile(rf"\b(?:{_alt('comparison_words')})\s+(?:dengan\s+)?(?:\w+\s+)?"
                              rf"(?:{alternation('change', 'earlier_anchors')}|(?:19|20)\d\d)\b[^,.;]*$", re.IGNORECASE)
WHOLE_BASE = re.compile(rf"\b(?:{_alt('whole_base_nouns')})\b", re.IGNORECASE)


# "dua kali lipat dibanding sebelum bergabung", "dua kali lebih besar dari kontrak tahun lalu": a multiple of the same
# quantity at an earlier time is a change (R5), not a comparison with another group
OWN_EARLIER_BASE = re.compile(r"^\s*kali\s+(?:lipat\s+)?(?:lebih\s+\w+\s+)?(?:dibandingkan|dibanding|dari)\s+(?:dengan\s+)?"
                              rf"(?:\w+\s+){{0,3}}?(?:{alternation('change', 'earlier_anchors')}|sebelum|sebelumnya|"
                              r"(?:19|20)\d\d)\b", re.IGNORECASE)
# the base a target is set against, named as a realised or current level: "dari posisi saat ini sekitar", "naik dari
# realisasi", "dibanding capaian tahun ini, yakni sekitar" (R12 a)
_BASE_TAIL = r"(?:,?\s*(?:yakni|yaitu)\s+)?(?:sekitar\s+|hanya\s+|sebesar\s+|sebanyak\s+|baru\s+)?(?:Rp\.?\s*|US\$\s*)?$"
TARGET_BASE_LEFT = re.compile(r"\b(?:dari|dibanding(?:kan)?(?:\s+dengan)?)\s+(?:(?:(?:posisi|level)\s+(?:saat\s+ini|sekarang|kini))|"
                              r"(?:realisasi|capaian)(?:nya)?(?:\s+(?:saat\s+ini|sekarang|kini|tahun\s+(?:ini|lalu)))?)\s*"
                              + _BASE_TAIL, re.IGNORECASE)
COMPARED_BASE_LEFT = re.compile(r"\b(?:dari|dibanding(?:kan)?(?:\s+dengan)?)\s+(?:sekitar\s+|hanya\s+|sebesar\s+)?(?:Rp\.?\s*|US\$\s*)?$",
                                re.IGNORECASE)


def _past_anchor(after: str, day: date | None) -> bool:
    """The figure is tied to a time already past: "pada tahun lalu", "pada 2024" (said in 2025), "sebelumnya"."""
    m = re.match(r"^\s*(?:\S+\s+){0,2}?(?:pada\s+|di\s+)?(?:(tahun\s+lalu|tahun\s+sebelumnya|sebelumnya)|"
                 r"(?:akhir\s+|awal\s+|tahun\s+)?((?:19|20)\d\d))\b", after, re.IGNORECASE)
    return bool(m and (m.group(1) or (day is not None and int(m.group(2)) < day.year)))


# the partners of a running programme named by their role ("12 platform marketplace mitra program", "jumlah bank
# penyalur sekarang 39"): its current set-up, a result (R1 exception), not a count of bodies as context
PARTNER_NOUN_AFTER = re.compile(rf"^\s*(?:\w+\s+){{0,3}}?(?:{_alt('partner_nouns')})\b", re.IGNORECASE)
PARTNER_NOUN_LEFT = re.compile(rf"\bjumlah\s+(?:{_alt('partner_nouns')})\b[^,.;\d]{{0,30}}$", re.IGNORECASE)
GROWTH = re.compile(rf"\b(?:{_alt('growth_words')})\s+(?:\w+\s+){{0,3}}$", re.IGNORECASE)


# (the noun may be an enumeration: "64,2 juta usaha mikro, kecil, dan menengah di Indonesia")
POPULATION_AFTER = re.compile(rf"^\s*(?:\w+,?\s+){{0,6}}?(?:{_alt('national_places')})\b", re.IGNORECASE)


PLACE_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?di\s+(?:Provinsi\s+|Kabupaten\s+|Kota\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*,")


# "90 persen di antaranya usaha mikro": the make-up of the population just counted, with the verb left out
_SIZE_CLASS_OF_THEM = (rf"^\s*(?:persen|%)?\s*di\s+antaranya\s+(?:{alternation('context', 'size_classes')})\b(?!\s+yang)")
# what a total consists of ("merupakan usaha mikro", "berasal dari", or the size classes "di antaranya" without a verb)
COMPOSITION_AFTER = re.compile(rf"^[^,.;]{{0,60}}?\b(?:{alternation('context', 'composition_verbs')}|{_alt('composition_phrases')})\b|"
                               + _SIZE_CLASS_OF_THEM, re.IGNORECASE)
SIZE_CLASS_OF_THEM = re.compile(_SIZE_CLASS_OF_THEM, re.IGNORECASE)
# "61 persen diserap usaha mikro, 27 persen usaha kecil, dan 12 persen usaha menengah": a share named by a size class
# and nothing else (the sentence ends or the next share follows) is a part of a size-class make-up (R10)
SIZE_CLASS_BARE = re.compile(r"^\s*(?:persen|%)?\s*(?:" + "|".join(
    c for c in lexicon("context")["size_classes"] if c not in ("umkm", "ukm", "umk")) +
    r")\s*(?:[.;)]|,?\s*(?:(?:dan|serta)\s+)?\d|$)",
    re.IGNORECASE)
# "naik ke 85 persen", "turun menjadi 9 persen": the figure is the new level, not the size of the change
NEW_LEVEL_LEFT = re.compile(rf"\b(?:{_alt('new_level_openers')})\s+(?:sekitar\s+|lebih\s+dari\s+|hampir\s+|di\s+atas\s+)?$",
                            re.IGNORECASE)
SIZE_CLASS_AFTER = re.compile(rf"^[^,.;]{{0,40}}?\b(?:{alternation('context', 'composition_verbs')})\s+(?:pelaku\s+)?"
                              rf"(?:{alternation('context', 'size_classes')})\b", re.IGNORECASE)
# "hanya 41 persen yang bertransaksi daring": a share defined by a status (R10), even inside a survey
STATUS_SHARE_AFTER = re.compile(r"^\s*(?:persen|%)?\s*(?:di\s+antaranya\s+)?yang\s+(?:sudah\s+|telah\s+|masih\s+|pernah\s+)?"
                                r"(?:ber|me|ter|di)[a-z]{3,}", re.IGNORECASE)
# a platform's sellers or members have a status (on the platform): a count of them is a result, not a population
# R10: a share or count of UMKM with a status ("60 persen UMKM digital yang bertransaksi") is a result, whoever measured it
STATUS_AFTER = re.compile(r"^\s*(?:persen\s+)?(?:dari\s+)?(?:pelaku\s+)?(?:umkm|ukm|usaha\s+mikro|koperasi)\b[^,.;]{0,30}?\byang\b",
                          re.IGNORECASE)
# the partner verb governs the figure directly or through a coordination ("bekerja sama dengan enam marketplace dan")
PARTNER_LEFT = re.compile(rf"\b(?:{_alt('partner_verbs')})\s+(?:[^\s,.;]+\s+){{0,6}}?(?:sekitar\s+|lebih\s+dari\s+)?$",
                          re.IGNORECASE)
# "61 BUMN ... yang sudah bertransaksi", "47 pasar ... sudah menerapkan QRIS": a count with a realised status (R10)
REALISED_STATUS_AFTER = re.compile(r"^[^,.;]{0,50}?\b(?:yang\s+)?(?:kini\s+)?(?:sudah|telah)\s+"
                                   r"(?:di|me|ber|ter)[a-z]{3,}", re.IGNORECASE)
# a clause that reports participation as done ("sudah digelar ... dan diikuti", "tercatat 3.200 pelaku usaha mengikuti")
REALISED_REACH = re.compile(rf"{STRONG_REALIZED.pattern}|\b(?:{_alt('realised_reach')})\b", re.IGNORECASE)
RECORDED_LEFT = re.compile(rf"\b(?:{_alt('recorded_markers')})\s+(?:sekitar\s+|lebih\s+dari\s+)?$", re.IGNORECASE)
MEMBERS_AFTER = re.compile(rf"^\s*(?:juta|ribu)?\s*(?:{_alt('member_nouns')})\b", re.IGNORECASE)
POSSESSION_LEFT = re.compile(rf"\b(?:{_alt('possession_verbs')})\s+(?:sekitar\s+|lebih\s+dari\s+|hampir\s+)?$", re.IGNORECASE)
POPULATION_LEFT = re.compile(r"\bjumlah\s+(?:\w+\s+)?(?:umkm|ukm|umk|ikm|koperasi|pelaku|usaha|penduduk|anggota)\w*"
                             r"(?:\s+\w+){0,3}\s+(?:di\s+(?:seluruh\s+)?(?:Indonesia|Tanah\s+Air)|nasional)\b",
                             re.IGNORECASE)


AID_WORDS = words("claim_type", "aid_words")
LOAN_WORDS = words("claim_type", "loan_words")
GRANT_RECEIPT = words("claim_type", "grant_receipt_verbs")
# partners are organisations: businesses or people a programme "melibatkan" are its participants, not partners
PARTICIPANT_UNITS = ("UMKM", "orang", "persen", "rupiah", "USD")
STANDARD_UNITS = (None, "UMKM", "koperasi", "orang", "persen", "rupiah", "USD", "transaksi", "produk", "kali")
SALES_COUNT = re.compile(rf"\s*(?:\w+\s+)?(?:{_alt('sales_count_words')})\b|\b(?:{_alt('sales_count_words')})\b(?:\s+\w+){{0,4}}\s*$",
                         re.IGNORECASE)
COST_SUBJECT = re.compile(rf"\b(?:{_alt('cost_nouns')})\b[^,.;\d]{{0,60}}$", re.IGNORECASE)
RATE_LEFT = re.compile(rf"\b(?:{_alt('rate_words')})\b[^,.;]{{0,60}}$", re.IGNORECASE)
MACRO_WORDS = words("claim_type", "macro_words")
DISBURSEMENT = words("budget", "disbursement_nouns")
PRICE_TARGET = re.compile(rf"\b(?:{_alt('price_targets')})\b[^,.;]{{0,25}}$", re.IGNORECASE)
FOREIGN = words("claim_type", "foreign_comparators")
CONTRIBUTION = re.compile(rf"\b(?:{_alt('contribution_words')})\b[^.;]{{0,40}}\b(?:{_alt('contribution_to')})", re.IGNORECASE)
PARTICIPANTS_AFTER = re.compile(rf"\s*(?:orang\s+)?(?:{_alt('participant_nouns')})\b", re.IGNORECASE)
MACRO_AFTER = re.compile(rf"\s*(?:\S+\s+){{0,2}}?(?:{_alt('macro_after')})\b", re.IGNORECASE)
FORECAST = words("claim_type", "forecast_words")
PRIVATE_FUNDING = words("budget", "private_funding")
PROCUREMENT = words("budget", "procurement")
COMMITMENT = words("budget", "commitments")


GMV = words("context", "gmv_words")
GMV_MARKET = words("context", "gmv_market_owners")
SURVEY_WORDS = words("context", "survey_words")
SAMPLE_LEFT = re.compile(rf"\b(?:{alternation('context', 'survey_words')})\b[^,.;\d]{{0,40}}\b"
                         r"(?:terhadap|kepada|melibatkan)\s+(?:sekitar\s+|lebih\s+dari\s+|hampir\s+)?$", re.IGNORECASE)
NEW_NOUN = re.compile(rf"\b({alternation('realised', 'new_nouns')})\s+baru\b", re.IGNORECASE)
# "jumlah IKM di provinsi itu mencapai sekitar 104 ribu": a whole population, no status between noun and figure (R10)
BARE_POPULATION_LEFT = re.compile(rf"\bjumlah\s+(?:pelaku\s+)?(?:{alternation('context', 'population_nouns')})(?:nya)?\b"
                                  rf"(?:(?!\b(?:yang|{alternation('change', 'change_verbs')})\b)[^,.;\d]){{0,50}}$",
                                  re.IGNORECASE)


# "terdapat 213 ribu UMKM di Kabupaten Bogor", "ada sekitar 65 juta UMKM yang menyumbang 61 persen PDB": a population
# that exists, with no status, platform or programme of its own (R10: context, whatever "mencatat" reports it)
EXIST_LEFT = re.compile(r"\b(?:terdapat|ada)\s+(?:sekitar\s+|lebih\s+dari\s+|hampir\s+|kurang\s+lebih\s+)?$", re.IGNORECASE)
POPULATION_HERE = re.compile(rf"^\s*(?:juta|ribu)?\s*(?:unit\s+)?(?:pelaku\s+)?(?:{alternation('context', 'population_nouns')})\b"
                             r"(?:\s+(?:kita|nasional))?(?:\s+(?:di|se)\s*[^,.;\d]{0,40}?)?\s*(?:[,.;)]|$|\byang\s+"
                             rf"(?:{alternation('claim_type', 'contribution_words')}|menyumbang|menyerap|tersebar)\b)",
                             re.IGNORECASE)
EXISTING_POPULATION_LEFT = re.compile(rf"\b(?:{alternation('context', 'population_nouns')})\s+(?:kita\s+|di\s+\w+\s+)?"
                                      r"(?:ada|terdapat)\s+(?:sekitar\s+|lebih\s+dari\s+|hampir\s+)?$", re.IGNORECASE)
# a relative clause that gives the counted a status ("yang memiliki NIB", "yang bergabung sebagai penjual"), not one
# that only says where they are recorded ("yang terdata di dinas")
STATUS_CLAUSE = re.compile(rf"\byang\s+(?:sudah\s+|telah\s+)?(?!(?:{_alt('population_record_verbs')})\b)"
                           r"(?:me|ber|di|ter)[a-z]{3,}", re.IGNORECASE)
# a context cue whose noun is owned by UMKM ("ekspor produk IKM", "ekspor UMKM") measures UMKM, not the economy
UMKM_OWN = re.compile(r"^\s+(?:produk\s+)?(?:umkm|ukm|ikm|umk|usaha\s+mikro|koperasi)\b", re.IGNORECASE)
_COORD_VERB = re.compile(r"\b(?:dan|serta|lalu|kemudian)\s+(?:telah\s+|sudah\s+)?(?:di|ter|me|ber)[a-z]{3,}", re.I)


NEGATED_TARGET_CUE = re.compile(rf"\b(?P<neg>{alternation('target', 'negators')})\s+(?:{alternation('target', 'target_cues')})\b",
                                re.IGNORECASE)


@lru_cache(maxsize=1024)  # pure; every figure of a sentence cleans the same stretches again
def _clean_cues(t: str) -> str:
    """Remove phrases that look like cues but are not ("yang baru bergabung" = newly joined)."""
    t = NEGATED_TARGET_CUE.sub(lambda m: m.group("neg"), t)  # "merasa tidak perlu": a negated modal sets no goal
    # "jauh melampaui target." / "menembus target 60 persen": the target was reached; but in "mengejar target
    # 30 juta" or "mencapai target 400 unit" the figure is the target itself
    t = NOT_TARGET.sub(lambda m: m.group(0) if re.match(r"\s*(?:sebesar\s+|sebanyak\s+)?(?:Rp\s*)?(?:\d|$)", t[m.end():m.end() + 20])
                       and not PASSED_AT_START.match(m.group(0))
                       else "mencapai", t)
    t = re.sub(r"\byang\s+baru\b", "yang", t, flags=re.I)
    t = re.sub(r"\bbaru\s+(?=(?:tersebut|itu|ini)\b)", "", t, flags=re.I)  # "KUR bunga baru tersebut": new, not only
    t = NEW_NOUN.sub(lambda m: m.group(1), t)  # "debitur baru": new debtors, not "only"
    return t


def _programme_money(seg_left: str) -> bool:
    """Money a budget cue governs is programme money unless the clause makes it sales, absorbed spending, private
    lending or procurement (procurement through e-Katalog or of local products is a realised transaction value)."""
    return not re.search(rf"\b(?:{_alt('sales_words')})\b|(?<!bisa\s)(?<!dapat\s)\b(?:{_alt('absorbed_words')})\b",
                         seg_left[-80:], re.I) and not PRIVATE_LENDING.search(seg_left) and \
        not PROCUREMENT.search(seg_left)


def _tail(text: str, n: int) -> str:
    """The last ``n`` characters of ``text`` without a word cut at their start (a window that starts inside
    "mengatakan" must not read "akan")."""
    if len(text) <= n:
        return text
    tail = text[-n:]
    if text[-n - 1].isalnum() and tail[:1].isalnum():
        return tail.split(None, 1)[1] if " " in tail.strip() else ""
    return tail


def _committed(before: str) -> bool:
    """A spending commitment governs the figure: named before it, with no realisation named in between."""
    found = list(COMMITMENT.finditer(before))
    return bool(found) and not re.search(r"\brealisasi", before[found[-1].end():], re.I)


def _classify(sent_text: str, rel_start: int, rel_end: int, unit: str | None, metric: str | None,
              after_text: str, day: date | None = None) -> tuple[str, bool]:
    """(claim_type, decided_by_a_cue)."""
    decided = structural_type(sent_text, rel_start, rel_end, unit, day)
    if decided is not None:
        return decided
    left, right = _clause_bounds(sent_text, rel_start, rel_end)
    seg_left = _clean_cues(sent_text[left:rel_start])
    seg_right = _clean_cues(sent_text[rel_end:right])
    near_left = _tail(seg_left, 70)
    near_right = seg_right[:60].split(",")[0]
    money = unit in ("rupiah", "USD")
    pieces = re.split(r"\d[\d.,]*\s*(?:juta|ribu|miliar|triliun|persen|%)?", _tail(seg_left, 60))
    ach_left = pieces[-1]
    if len(pieces) > 1 and re.fullmatch(r"[\s(,]*(?:(?:atau|dan|sekitar|setara|dengan|yaitu|yakni|alias|kurang\s+lebih|"
                                         r"hampir|lebih\s+dari|sebesar|sebanyak)[\s(,]*)*", ach_left, re.I):
        # "13,7 juta atau 21 persen", "Rp 205 triliun, atau 68 persen": the share shares the count's cue
        head = pieces[-2][-45:].split(",")[-1]
        ach_left = head + ach_left
    else:
        ach_left = _tail(ach_left, 45).split(",")[-1] if not re.fullmatch(r"[\s(]*", ach_left.split(",")[-1]) \
            else _tail(ach_left, 45)

    if DERIVED_LEFT.search(seg_left[-45:]) or (SHARE_BASE_LEFT.search(seg_left[-30:]) and not money):
        return "other", True  # "selisihnya 23 poin persen"; "16 persen dari 64 juta UMKM": the base of a share
    if DARI_TARGET.match(after_text):
        return "achievement", True
    raw_left = sent_text[left:rel_start]
    if re.search(rf"\b(?:{PASSED}|mencapai)\s+(?:\w+\s+)?(?:target|sasaran)\s+"
                 r"(?:sebesar\s+|sebanyak\s+)?(?:Rp\.?\s*)?$", raw_left, re.I) and TARGET_SET_AFTER.match(after_text):
        return "target", True  # "melampaui target 1 juta UMKM yang dipatok untuk 2024": the figure is the target
    if re.match(r"[^\d“”\"]{0,70}?\b(?:target|sasaran)\s+(?:itu|tersebut)\b", after_text, re.I) and \
            not STRONG_REALIZED.search(_clean_cues(raw_left)[-45:]):
        return "target", True  # "Porsi BRI Rp 67,5 triliun. Kami yakin bisa melebihi target itu": named a target after
    # the current level a target starts from ("naik menjadi 3,95 persen pada 2024 dari 3,47 persen saat ini")
    if re.search(r"\bmenjadi\b.*\bdari\s+(?:sebelumnya\s+|semula\s+)?(?:yang\s+)?(?:hanya\s+|sekitar\s+)?$", seg_left, re.I):
        if re.match(r"\s*(?:\S+\s+){0,2}(?:saat\s+ini|sekarang|kini|tahun\s+lalu)", after_text, re.I):
            return "achievement", True
        return "skip", True  # "dinaikkan menjadi Rp100 juta dari Rp50 juta": the old value is not a claim
    if unit == "kali" and GROWTH.search(seg_left[-40:]):
        return "growth", True  # "tumbuh 3 kali lipat": a realised growth multiple
    if unit == "kali" and OWN_EARLIER_BASE.match(after_text):
        return "growth", True  # "dua kali lebih besar dari kontrak tahun lalu": a change against its own past
    if unit == "kali" and re.match(r"\s*kali\s+(?:lebih|lipat\s+(?:lebih|dibanding))", after_text, re.I):
        return "other", True  # "1,5 kali lebih tinggi dibandingkan ...": a comparison
    # per-unit money ("Rp 1,2 juta per penerima"): aid amounts are budget, credit ceilings and prices context
    if money and (re.match(r"\s*(?:dari\s+(?:sebelumnya\s+|semula\s+)?(?:Rp\.?\s*)?[\d.,]+\s*(?:juta|ribu|miliar|triliun)?\s+)?"
                           rf"(?:per|untuk\s+setiap|bagi\s+setiap|setiap)\s+(?:{_alt('per_unit_payees')})", after_text, re.I)
                  or PER_UNIT_LEFT.search(seg_left[-70:])):
        return ("budget" if AID_WORDS.search(sent_text)
                else "other"), True
    if money and DISTRIBUTIVE_LEFT.search(seg_left):
        # "Setiap koperasi dapat memperoleh plafon pinjaman hingga Rp3 miliar": a loan bound per unit is a parameter;
        # "Setiap pedagang mendapat perangkat senilai Rp1,2 juta": a grant per recipient is programme money
        clause = sent_text[left:right]
        return ("other" if LOAN_WORDS.search(clause) else
                "budget" if AID_WORDS.search(sent_text) or GRANT_RECEIPT.search(seg_left) else "other"), True
    if unit == "persen" and (SIZE_CLASS_AFTER.match(after_text) or SIZE_CLASS_BARE.match(after_text)) and \
            not STATUS_SHARE_AFTER.match(after_text):
        # "dan 97 persen di antaranya merupakan UMKM": the size-class make-up of a population (R10), whatever
        # realised cue the count before it carries
        return "other", True
    if PRICE_TARGET.search(seg_left):
        return "other", True  # "target harga Rp 4.800 per saham": an analyst's forecast (R1 exception)
    if EXPLICIT_TARGET.search(seg_left) and (TARGET_BASE_LEFT.search(seg_left[-70:]) or (
            COMPARED_BASE_LEFT.search(seg_left[-40:]) and _past_anchor(after_text, day))):
        # "menargetkan ... 17 persen pada 2024, dari posisi saat ini sekitar 15,7 persen", "ditargetkan Rp 250 miliar,
        # naik dari realisasi Rp 176 miliar pada 2024": the level now or before that a target is set against (R12 a)
        return "achievement", True
    # 1. an explicit target verb/noun governs the clause unless a realised marker follows it
    targets = [m for m in EXPLICIT_TARGET.finditer(seg_left)]
    targets = [m for m in targets if not (NOT_TARGET.search(seg_left[max(0, m.start() - 25):m.end()]) and
                                          (not re.match(r"\s*(?:sebesar\s+|sebanyak\s+)?$", seg_left[m.end():]) or
                                           PASSED_BEFORE.search(seg_left[max(0, m.start() - 25):m.start()])))]
    if targets:
        last = targets[-1]
        between = seg_left[last.end():]
        if not STRONG_REALIZED.search(between) and not _COORD_VERB.search(between):
            if unit == "persen" and RATE_LEFT.search(between):
                return "other", True  # "menetapkan tarif MDR sebesar 0,3 persen": a rate is a parameter, set or not
            if money and DISBURSEMENT.search(seg_left) and _programme_money(seg_left) and \
                    not PRIVATE_FUNDING.search(seg_left):
                return "budget", True  # "target penyaluran KUR Rp 284 triliun": planned programme money (R1 exception)
            return "target", True
    if EXPLICIT_TARGET.match(near_right.strip()) or re.match(r"\s*(?:\w+\s+){0,4}(?:ditargetkan|menjadi\s+target)\b",
                                                              near_right, re.I):
        return "target", True
    # 2a. a comparison base ("dibandingkan total UMKM yang 59 juta") is context; one tied to a point in time is the
    # earlier level of the quantity compared, typed by what it measures (R12 a)
    compared = COMPARED_EARLIER.search(seg_left)
    if compared and not WHOLE_BASE.search(compared.group(0)):
        clause = sent_text[left:right]
        return "earlier:" + earlier_term(clause, seg_left, sent_text[rel_end:right], money, day), True
    if re.search(rf"\b(?:{_alt('comparison_words')})\b[^,.;]*$", seg_left, re.I) or \
            re.search(rf"\b(?:{alternation('change', 'change_verbs')})\s+dari\s+(?:\w+\s+)?$",
                      seg_left[-40:], re.I):
        return "other", True
    # 2. money (or a subsidy rate) allocated / disbursed
    if money and _committed(sent_text[max(0, rel_start - 160):rel_start]):
        return "budget", True  # "komitmen belanja produk dalam negeri mencapai Rp 1.100 triliun": planned money
    if money and (BUDGET_CUES.search(seg_left) or BUDGET_CUES.search(near_right[:40])
                  or REALISED_PROGRAMME.search(seg_left) or BUDGET_SHARE_AFTER.match(after_text)):
        if PRIVATE_FUNDING.search(seg_left):
            return "other", True  # a startup's funding round is market context
        if _programme_money(seg_left):
            return "budget", True
    if unit == "persen" and re.search(r"\bsubsidi\b", near_left[-40:], re.I):
        return "budget", True
    if unit == "persen" and RATE_LEFT.search(seg_left) and not targets:
        return "other", True  # rates and tariffs are parameters
    # 3. a quota of recipients
    if not money and QUOTA.search(near_left[-50:]):
        return "target", True
    # growth rates take the standing of the figure they describe; projections are context
    if unit in ("persen", "kali") and GROWTH.search(seg_left[-40:]) and not NEW_LEVEL_LEFT.search(seg_left[-40:]):
        if MACRO_WORDS.search(seg_left[-60:]):
            return "other", True  # macro-economic growth is context
        return "growth", True
    if FOREIGN.search(sent_text[left:right]) \
            and not EXPLICIT_TARGET.search(seg_left):
        return "other", True
    if SAMPLE_LEFT.search(seg_left):
        return "other", True  # "Survei terhadap 3.150 pelaku UMKM": the sample of a survey (R10: a base)
    survey = SURVEY_WORDS.search(seg_left + after_text[:60])
    if survey and unit == "persen" and not PROJECTION.search(seg_left) and not MARKET_WIDE.search(sent_text[left:right]) \
            and not COMPOSITION_AFTER.match(after_text) and not SIZE_CLASS_OF_THEM.match(after_text) \
            and not ATTRIBUTE_AFTER.match(after_text) \
            and _nearest(TARGET_CUES, near_left, True) is None \
            and not OTHER_CUES.search(near_left[-45:]):
        return "achievement", True  # "54% responden ...", "kendala terbesar ... (41%)": respondents with a property (R10)
    if survey and not STRONG_REALIZED.search(ach_left) \
            and not (unit in ("persen", "UMKM", "koperasi") and STATUS_AFTER.match(after_text)) \
            and not (unit == "persen" and STATUS_SHARE_AFTER.match(after_text)) \
            and _nearest(TARGET_CUES, near_left, True) is None \
            and not STRONG_REALIZED.search(_clean_cues(after_text[:90].split(".")[0])):
        return "other", True
    t_left = _nearest(TARGET_CUES, near_left, True)
    a_left = _nearest(ACHIEVE_CUES, ach_left, True)
    p_left = _nearest(PROJECTION, near_left, True)
    t_right = _nearest(TARGET_CUES, near_right, False)
    a_right = _nearest(ACHIEVE_CUES, near_right, False)
    if t_left is None and a_left is None and "," in seg_left:
        t_left = _nearest(TARGET_CUES, seg_left, True)
    if p_left is not None and (t_left is None or p_left < t_left) and \
            not STRONG_REALIZED.search(near_left[len(near_left) - p_left:]) and \
            not estimate_of_now(near_left, sent_text, after_text, day):
        return "other", True  # a projection ("diproyeksi mencapai Rp 337 triliun")
    if PER_PERIOD.search(seg_left) and (t_left is not None or t_right is not None):
        return "target", True
    if t_left is not None and not _COORD_VERB.search(near_left[len(near_left) - t_left:]) and \
            (a_left is None or t_left < a_left or not REALIZED.search(near_left[len(near_left) - t_left:])):
        return "target", True  # "akan ... hingga mencapai 500 koperasi": a weak cue does not undo the target
    if a_left is None and t_right is not None and (a_right is None or t_right < a_right) and t_right < 40:
        return "target", True
    # 5. context statistics (population, GDP share, digital economy, employment)
    cue_window = _tail(near_left, 45)
    counted = list(re.finditer(r"\bjumlah\b", near_left, re.I))
    # "jumlah usaha mikro yang memiliki NIB mencapai N": a count with a status is a result (R10), not a population,
    # whatever metric the counted noun suggests
    with_status = bool(counted and STATUS_CLAUSE.search(near_left[counted[-1].end():]))
    context_metric = metric in ("umkm_population", "umkm_gdp_share", "digital_economy_value", "umkm_employment_share") \
        and not (with_status and metric == "umkm_population")
    other_m = OTHER_CUES.search(cue_window)
    if other_m and other_m.group(0).lower().startswith("jumlah") and (
            DIGITAL_WORDS.search(sent_text[left:right]) or with_status):
        other_m = None  # "jumlah UMKM yang onboarding": a count of digital UMKM is a result, not a population
    elif other_m and UMKM_OWN.match(cue_window[other_m.end():]):
        other_m = None  # "ekspor produk IKM tercatat US$ 2,6 miliar": the exports of UMKM are their own result
    is_other = context_metric or bool(other_m)
    if CONTRIBUTION.search(sent_text[left:rel_end + 40]):
        return "other", True
    if PARTICIPANTS_AFTER.match(after_text) and not (
            unit == "persen" and STRONG_REALIZED.search(_clean_cues(after_text[:40].split(",")[0]))) and \
            not (unit != "persen" and REALISED_REACH.search(seg_left)):
        return "other", True  # participant counts are context; "62 persen responden sudah ...": a status share (R10)
    # (the participants a programme has already reached are its result: "telah meluluskan 15.000 peserta", convention)
    if unit == "persen" and SIZE_CLASS_OF_THEM.match(after_text):
        return "other", True  # "412.000 merchant, sekitar 90 persen di antaranya usaha mikro": composition (R10)
    if unit == "persen" and COMPOSITION_AFTER.match(after_text) and not STRONG_REALIZED.search(ach_left) and \
            (not ANAPHOR.search(sent_text[left:rel_end + 40]) or SIZE_CLASS_AFTER.match(after_text)):
        return "other", True  # "70 persen pedagang di marketplace merupakan usaha mikro": composition (R10)
    if not STRONG_REALIZED.search(ach_left) and POSSESSION_LEFT.search(seg_left[-40:]) and unit in ("UMKM", "koperasi") \
            and not MEMBERS_AFTER.match(after_text):
        return "other", True  # "Kita punya sekitar 56 juta UMKM": the population a body has (R10)
    pm = PARTICIPANT_AFTER.match(after_text)
    if pm and not REALISED_REACH.search(ach_left) and \
            not STRONG_REALIZED.search(_clean_cues(after_text[:100].split(".")[0])) and \
            _nearest(TARGET_CUES, near_left, True) is None:
        return "other", True  # "sebanyak 1.700 koperasi terdampak", "1.200 perajin ikut pelatihan"
    strong = STRONG_REALIZED.search(ach_left) or (a_right is not None and STRONG_REALIZED.search(near_right[:25]))
    if not strong and unit in ("UMKM", "koperasi", "orang") and POPULATION_AFTER.match(after_text) \
            and not MEMBERS_AFTER.match(after_text) \
            and not DIGITAL_WORDS.search(sent_text[left:right]):
        return "other", True
    if unit in ("UMKM", "koperasi") and not re.search(r"\b(?:masih|sudah|telah|baru)\s+(?:ada|terdapat)\s+\S*\s*$",
                                                   seg_left[-30:], re.I) and (
            (EXIST_LEFT.search(seg_left) and POPULATION_HERE.match(after_text)) or
            (EXISTING_POPULATION_LEFT.search(seg_left) and re.match(r"\s*(?:juta|ribu)?\s*(?:unit\s*)?[,.;]", after_text))):
        return "other", True  # "terdapat 213 ribu UMKM di Bogor", "UMKM kita ada 64 juta, ...": a population (R10)
    bare = BARE_POPULATION_LEFT.search(seg_left)
    if bare and unit in ("UMKM", "koperasi", "orang") and not DIGITAL_WORDS.search(bare.group(0)) and \
            not STATUS_SHARE_AFTER.match(after_text):
        return "other", True
    if not STRONG_REALIZED.search(ach_left) and POPULATION_LEFT.search(seg_left) and \
            not DIGITAL_WORDS.search(sent_text[left:right]):
        return "other", True
    # "dari sekitar 160 ribu UMKM di Kalimantan Barat, baru 28.500 ...": the base population
    if re.search(r"\bdari\s+(?:sekitar\s+|total\s+|sebanyak\s+)?$", seg_left[-25:], re.I) and \
            (PLACE_AFTER.match(after_text) or POPULATION_AFTER.match(after_text)):
        return "other", True
    if re.search(r"\bdari\s+(?:total|seluruh|keseluruhan)\s+(?:sekitar\s+)?$", seg_left[-30:], re.I):
        return "other", True  # "0,1 persen dari total 4 juta penjual": the base a share is taken of
    if money and GMV.search(seg_left) and not GMV_MARKET.search(sent_text[left:right]):
        return "achievement", True  # "GMV Bukalapak mencapai Rp 55,6 triliun": a firm's own result, not the market's
    if context_metric or (is_other and not strong):
        return "other", True
    if MACRO_AFTER.match(after_text) and not strong:
        return "other", True
    # a figure tied to a year after the statement ("mencapai 5,5 persen pada 2024" said in 2021) is a goal
    if day is not None and not STRONG_REALIZED.search(ach_left) and not STRONG_REALIZED.search(near_right[:25]):
        years = [int(y) for y in re.findall(r"\b(?:pada|di|hingga|sampai|tahun)\s+(?:tahun\s+)?((?:19|20)\d\d)\b",
                                             sent_text[left:right])]
        if years and max(years) > day.year and not FORECAST.search(sent_text[left:right]):
            return "target", True
    if (unit not in STANDARD_UNITS or unit == "produk") and (SALES_COUNT.search(seg_left[-60:]) or SALES_COUNT.match(after_text)) \
            and not MARKET_WIDE.search(sent_text[left:right]) and not POPULATION_AFTER.match(after_text):
        return "achievement", True  # "Dulu sebulan laku 40 lembar", "tiap minggu ada 30-an pesanan": own sales (R5)
    if unit not in PARTICIPANT_UNITS and PARTNER_LEFT.search(seg_left[-70:]) or \
            unit not in STANDARD_UNITS and REALISED_STATUS_AFTER.match(after_text):
        return "achievement", True  # the partners of a running programme (R1), places or bodies with a status (R10)
    if unit not in STANDARD_UNITS and (PARTNER_NOUN_AFTER.match(after_text) or PARTNER_NOUN_LEFT.search(seg_left)):
        return "achievement", True  # "12 platform marketplace mitra program", "jumlah bank penyalur sekarang 39" (R1)
    if unit not in STANDARD_UNITS \
            and not STRONG_REALIZED.search(ach_left) and not STRONG_REALIZED.search(near_right[:25]) \
            and not RECORDED_LEFT.search(ach_left):
        return "other", True  # counts of platforms, places, staff ...
    if COST_SUBJECT.search(seg_left) and (money or unit == "persen") and not BUDGET_CUES.search(seg_left):
        return "other", True  # "biaya kirim satu paket bisa mencapai Rp 45.000": a price (FORMAT.md second batch)
    if a_left is not None or a_right is not None or (with_status and not is_other):
        return "achievement", True  # (a count with a status is a result whatever verb gives the figure: R10)
    if is_other:
        return "other", True
    return type_model.decide(_default_type(unit, metric, money, seg_left, sent_text), sent_text, rel_start, rel_end,
                             unit, metric, day), False


def _default_type(unit: str | None, metric: str | None, money: bool, seg_left: str, sent_text: str) -> str:
    """The type of a figure that no structure or cue decides, by its unit (type_model may overrule it)."""
    if unit in ("UMKM", "persen", "koperasi", "transaksi") and metric:
        return "achievement"
    if unit in ("UMKM", "koperasi", "orang", "transaksi", "produk") and ACHIEVE_CUES.search(seg_left):
        return "achievement"
    if money:
        return "achievement" if re.search(r"transaksi|omzet|penjualan", sent_text, re.I) else "other"
    return "other"


# "85 persen di antaranya usaha mikro": the size-class make-up of what was counted, with or without a verb
# (the size classes proper: "UMKM" names the whole population, "72 persen UMKM sudah daring" is a status share)
_SIZE_CLASS_NEAR = re.compile(r"^[^,.;]{0,40}?\b(?:" + "|".join(
    c for c in lexicon("context")["size_classes"] if c not in ("umkm", "ukm", "umk")) + r")\b", re.IGNORECASE)
_STATUS_METRICS = {"umkm_onboarded_digital", "umkm_on_ekatalog_padi"}
# the base a share or a comparison is taken of: "dari total 410 ribu produk", "dibandingkan total N"
_BASE_LEFT = re.compile(r"\b(?:(?<!lebih\s)(?<!kurang\s)dari|dibandingkan(?:\s+dengan)?|dibanding)\s+"
                        r"(?:total\s+|sekitar\s+|jumlah\s+|seluruh\s+)*$", re.IGNORECASE)  # not "lebih dari N"


def status_count(metric: str | None, unit: str | None, left: str, after: str) -> bool:
    """R10: a count or share of businesses that have a digital status (online, QRIS merchants, listed on e-Katalog)
    is an achievement, whatever cue put it among context figures - unless the figure is the base of a share or a
    comparison, a composition share ("88 persen di antaranya (merupakan) usaha mikro"), an opinion share ("44 persen
    menyebut komisi sebagai kendala"), or counts participants ("6 juta
    penjual yang terdampak") or applicants ("pendaftar ... mencapai 2.300"), or it is a forecast (R1 exception). A
    share of respondents with the status is one too ("62 persen responden sudah ...")."""
    if metric not in _STATUS_METRICS or unit not in ("UMKM", "persen", "produk", "koperasi"):
        return False
    return not (_BASE_LEFT.search(left) or COMPOSITION_AFTER.match(after) or PARTICIPANT_AFTER.match(after) or
                APPLICANTS_AFTER.match(after) or APPLICANTS_LEFT.search(left) or
                (unit == "persen" and (RATE_LEFT.search(left) or OPINION_AFTER.match(after))) or
                (PROJECTION.search(left) and FUTURE.search(left + after)) or
                (unit == "persen" and _SIZE_CLASS_NEAR.match(after)))


PRIVATE_LENDER = words("budget", "private_lenders")
PUBLIC_PAYER = words("budget", "public_payers")
_MONEY_PROGRAMMES = ("financing", "programme")


def firm_money_type(ctype: str, scope: str | None, program_kind: str | None, sentence: str, rs: int,
                    article_text: str) -> str:
    """A firm's own money is never budget (FORMAT.md second batch): money a company lends or plans to lend, in an
    article about a private lender and with no public payer or money programme named, is its result (achievement) or
    its plan (target)."""
    if ctype != "budget" or program_kind in _MONEY_PROGRAMMES or PUBLIC_PAYER.search(sentence):
        return ctype
    lede = article_text.split("\n\n", 1)[0]
    if not PRIVATE_LENDER.search(sentence) and not (
            (scope == "company" and PRIVATE_LENDER.search(article_text)) or PRIVATE_LENDER.search(lede)):
        return ctype  # (the lender named in the sentence, or an article about such a lender)
    left, _ = _clause_bounds(sentence, rs, rs)
    return "target" if TARGET_CUES.search(sentence[left:rs]) else "achievement"


# "nilainya", "volume transaksinya", "angkanya": a possessive that points back to the quantity just stated
POSSESSIVE_BACK = re.compile(r"(?:^|[\s\"“(])(?:nilai|volume)(?:\s+[a-z]+)?nya\b[^,.;\d]{0,45}$", re.IGNORECASE)


def refers_to_context(before: str, prev_claim: dict | None, para: int) -> bool:
    """A figure whose subject is a possessive pointing back ("Saat ini, nilainya diperkirakan baru USD18 miliar") to a
    context figure of the same or the previous paragraph measures that context quantity too: context, whatever realised
    verb gives it."""
    return prev_claim is not None and prev_claim["claim_type"] == "other" and para - prev_claim["_para"] <= 1 and \
        bool(POSSESSIVE_BACK.search(before))

