"""Claim type from the structure of the clause that holds a figure (runs before the cue-word rules of claim_type).

Each rule asks what the figure *is* inside its own clause (``clauses.segment``): the earlier term of a change, the
base of a share, a remainder to a target, the object of a projection, the target a result is compared with, the
subject of a modal, an applicant count, a programme's realised output, an allocation, a market-wide statistic.
A rule that does not apply returns None and the cue-word rules decide. Word lists: nlp_models/lexicons/*.yaml.
"""
from __future__ import annotations

import re
from datetime import date

from extract.claims.clauses import clause_at, segment
from extract.claims.lexicon import (_MONTH_RE, ME_VERBS, EXPLICIT_TARGET, PROJECTION, STRONG_REALIZED, TARGET_CUES,
                                    alternation, words)

_NUM = r"(?:Rp\.?\s*|US\$\s*)?\d[\d.,]*"
_MONEY_PREFIX = r"(?:sekitar\s+|sebesar\s+|sebanyak\s+|senilai\s+|hanya\s+|lebih\s+dari\s+|hampir\s+)?(?:Rp\.?\s*|US\$\s*)?"

EARLIER_LEFT = re.compile(r"\bdari\s+(?:sebelumnya\s+|semula\s+|posisi\s+|level\s+)?(?:yang\s+)?(?:hanya\s+|sekitar\s+|"
                          r"sebesar\s+|sebanyak\s+)?(?:Rp\.?\s*|US\$\s*)?$", re.IGNORECASE)
EARLIER_RIGHT = re.compile(rf"^[^,;]{{0,70}}?\b(?:menjadi|jadi|ke)\s+(?:sekitar\s+|lebih\s+dari\s+|hampir\s+)?{_NUM}",
                           re.IGNORECASE)
# "naik dari 9 ribu hingga 20 ribu pada 2027": with a verb of change, "hingga" marks the goal, not a range
PRIOR_VALUE_LEFT = re.compile(r"\bdari\s+(?:sebelumnya|semula)\s+(?:(?:hanya|sekitar|hingga|sebesar|sebanyak|mencapai)\s+)?"
                              r"(?:Rp\.?\s*|US\$\s*)?$", re.IGNORECASE)
_CHANGE = alternation("change", "change_verbs")
CHANGE_FROM_LEFT = re.compile(rf"\b(?:{_CHANGE}|{alternation('change', 'driven_change_verbs')})\s+dari\s+(?:sekitar\s+)?$",
                              re.IGNORECASE)
UNTIL_RIGHT = re.compile(rf"^[^,;]{{0,40}}?\b(?:hingga|sampai)\s+(?:sekitar\s+)?{_NUM}", re.IGNORECASE)
REPLACED_TARGET = re.compile(rf"\b(?:target|sasaran|kuota)\w*\b[^,;]{{0,60}}\b(?:di|me[nm]?)?"
                             rf"(?:{alternation('change', 'revision_stems')})\w*\b", re.IGNORECASE)
FIRST_STEP_RIGHT = re.compile(r"^\s*(?:\S+\s+){0,3}?untuk\s+(?:tahun\s+berjalan|tahun\s+ini|(?:tahun\s+)?((?:19|20)\d\d))",
                              re.IGNORECASE)
THIS_YEAR_AFTER = re.compile(r"^\s*(?:\S+\s+){0,2}?(?:tahun\s+ini|tahun\s+berjalan)\b", re.IGNORECASE)
TO_VALUE_LEFT = re.compile(r"\b(?:menjadi|jadi)\s+(?:sekitar\s+|lebih\s+dari\s+|hampir\s+|minimal\s+|setidaknya\s+|"
                           r"paling\s+sedikit\s+)?(?:Rp\.?\s*|US\$\s*)?$",
                           re.IGNORECASE)
TO_VALUE_BEFORE = re.compile(rf"\b(?:menjadi|jadi|ke)\s+(?:sekitar\s+|lebih\s+dari\s+|hampir\s+)?{_NUM}[^,;]{{0,60}}?"
                             r"\bdari\s+(?:sebelumnya\s+|semula\s+|posisi\s+|level\s+)?(?:yang\s+)?(?:hanya\s+|"
                             r"sekitar\s+|sebesar\s+|sebanyak\s+)?(?:Rp\.?\s*|US\$\s*)?$", re.IGNORECASE)
BUDGET_WORD = words("budget", "budget_nouns")
BASE_INSIDE = re.compile(r",\s*[Dd]ari\s+(?:sekitar\s+|total\s+|sebanyak\s+|seluruh\s+|jumlah\s+)?(?:Rp\.?\s*)?$")
BASE_OPENER = re.compile(r"^[\s\"“(]*[Dd]ari\s+(?:sekitar\s+|total\s+|sebanyak\s+|seluruh\s+|jumlah\s+)?(?:Rp\.?\s*)?$")
GAP = re.compile(rf"\b(?:{alternation('gap', 'gap_words')}|{alternation('gap', 'remainder_words')})\b", re.IGNORECASE)
LAGI_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?lagi\b", re.IGNORECASE)
OBLIGATION = words("gap", "obligation")
REMAINDER_ACTION = words("gap", "remainder_actions")
# a modal of obligation or plan with the verb it governs ("harus kita dorong", "yang harus diakuisisi") (R4)
MODAL_VERB = re.compile(rf"^[^.;]{{0,40}}?\b(?:{alternation('gap', 'obligation')})\s+(?:(?:kita|kami|sudah|segera|bisa)\s+)?"
                        r"(?:di|me|ber|ter)?[a-z]{3,}", re.IGNORECASE)
GAP_ONLY = words("gap", "gap_words")  # "selisih 2,4 juta antara kedua data": arithmetic, whatever modal follows
CHASE = words("change", "chase_verbs")
CHANGE_WORD = words("change", "change_verbs")
REACHED_TARGET = re.compile(rf"\b(?:{alternation('target', 'reached_target_verbs')})\s+(?:\w+\s+)?(?:target|sasaran)(?:nya)?"
                            rf"(?:\s+(?:awal|semula|sebelumnya|tahunan|resmi|pemerintah|kami|kita))?\s+{_MONEY_PREFIX}$",
                            re.IGNORECASE)
# "baru 2.350 dari sekitar 14 ribu UMKM", "24 pasar dari 31 pasar": the base after a part (R12 c)
# the words that may open the base of a share: "dari sekitar / total / seluruh / kira-kira N"
_BASE_OPENER = r"(?:sekitar\s+|total\s+|seluruh\s+|kira-kira\s+)?"
PART_OF_LEFT = re.compile(r"\d[\d.,]*(?:-an)?\s*(?:ribu|juta|miliar|triliun|persen|%)?(?:an)?\s+(?:[a-z]+\s+){0,3}?dari\s+"
                          + _BASE_OPENER + "$", re.IGNORECASE)
# "naik dari 41,7 persen pada survei 2022": an earlier level whose later value was stated before (R12 a)
CHANGED_FROM_LEFT = re.compile(rf"\b(?:{_CHANGE})\s+"
                               r"(?:\w+\s+){0,2}?dari\s+(?:sebelumnya\s+|semula\s+)?(?:sekitar\s+|hanya\s+)?(?:Rp\.?\s*|US\$\s*)?$",
                               re.IGNORECASE)
# "mengatakan dari sekitar 4,1 juta UMKM yang tercatat, baru 1,23 juta ...": a "dari N" phrase that opens what is
# said, followed by a clause that takes a part of it (a share word, "baru", "hanya" or another figure): the base (R12 c)
BASE_AFTER_SAID = re.compile(rf"(?:^|\b(?:{ME_VERBS}|bahwa)\s+)[\s\"“]*(?:(?:saat\s+ini|kini|sekarang)\s+)?dari\s+(?:sekitar\s+|total\s+|sebanyak\s+|seluruh\s+|"
                             r"jumlah\s+)?(?:Rp\.?\s*)?$", re.IGNORECASE)
PART_NEXT = re.compile(rf"^[\s,]*(?:(?:{alternation('context', 'share_words')})\b|baru\b|hanya\b|"
                       r"yang\s+(?:sudah|telah|baru)\b|(?:sekitar\s+)?\d)", re.IGNORECASE)
COLON_TARGET = re.compile(r"\b(?:target|sasaran)(?:nya|\s+\w+){0,3}\s*$", re.IGNORECASE)
MODAL_AFTER = re.compile(rf"^\s*(?:(?!yang\b)[^\s,;]+\s+){{0,4}}?(?:{alternation('target', 'modal_after')})\b", re.IGNORECASE)
APPLICANTS_AFTER = re.compile(rf"^\s*(?:\w+\s+){{0,3}}?(?:yang\s+)?(?:sudah\s+|telah\s+)?(?:{alternation('context', 'applicants')})\b",
                              re.IGNORECASE)
APPLICANTS_LEFT = re.compile(rf"\b(?:{alternation('context', 'applicant_heads')})\b[^\d,.;]{{0,80}}$", re.IGNORECASE)
PROGRAMME_OUTPUT = re.compile(rf"\b(?:{alternation('realised', 'programme_output')})\s+(?:\w+\s+){{0,2}}?{_MONEY_PREFIX}$",
                              re.IGNORECASE)
# "pameran ... diikuti 120 UMKM", "setiap angkatan diikuti 50 pelaku usaha": the attendance of one event or of each
# cohort is a participant or seat count (R10: other); the participants a programme has reached are its result
ATTENDANCE_LEFT = re.compile(rf"\b(?:{alternation('realised', 'attendance_verbs')})\s+(?:\w+\s+){{0,2}}?"
                             r"(?:sekitar\s+|lebih\s+dari\s+)?$", re.IGNORECASE)
ONE_EVENT = re.compile(rf"\b(?:{alternation('context', 'event_nouns')})\b|\b(?:setiap|tiap|per)\s+\w+", re.IGNORECASE)
MANDATED_BOUND = re.compile(rf"\b(?:{alternation('context', 'mandate_verbs')})\b[^,.;]{{0,100}}?\b"
                            rf"(?:{alternation('context', 'rule_bounds')})\s+(?:Rp\.?\s*)?$", re.IGNORECASE)
THEN = words("change", "then_markers")
# "12 persen usaha menengah": the size class "menengah" is not a "me-" verb of status
SIZE_CLASS_NEXT = re.compile(r"^\s*(?:pelaku\s+)?(?:usaha\s+)?menengah\b", re.IGNORECASE)
ESTIMATE = words("context", "estimate_words")
FUTURE = words("context", "future_markers")
NOW = words("change", "current_markers")
PRESENT_STATUS_AFTER = re.compile(r"^[^,.;]{0,60}?\byang\s+(?:sudah\s+|telah\s+|kini\s+)?(?:ber|me)[a-z]{3,}",
                                  re.IGNORECASE)
BUDGET_NOUN = re.compile(rf"\b(?:{alternation('budget', 'budget_nouns')})\b(?:(?:19|20)\d\d|(?![.;]|\d)[^,]){{0,60}}?"
                         rf"(?:sebesar|senilai|mencapai|hingga|menjadi|yakni|yaitu)?\s*{_MONEY_PREFIX}$", re.IGNORECASE)
DISBURSED_CREDIT = words("realised", "disbursed_credit")
PRIVATE_LENDING = words("budget", "private_lending")
CREDIT_REALISED = words("realised", "disbursed_realised")
MARKET_WIDE = words("context", "market_wide")
PARAMETERS = words("context", "parameters")
ANY_NUMBER = re.compile(r"\d")
PURPOSE_LEFT = re.compile(rf"\b(?:{alternation('change', 'purpose_openers')})\s+(?:{alternation('change', 'purpose_verbs')})\s+"
                          r"(?:target\s+|sasaran\s+)?"
                          r"(?:sekitar\s+)?(?:Rp\.?\s*)?$|\bmenuju\s+(?:target\s+|sasaran\s+)?(?:Rp\.?\s*)?$", re.IGNORECASE)
GROWTH_UNIT_AFTER = re.compile(r"^\s*(?:kali|poin)\b", re.IGNORECASE)
SHARE_OF_LEFT = re.compile(rf"\b(?:{alternation('context', 'share_words')})\s+dari\s+{_BASE_OPENER}(?:Rp\.?\s*)?$",
                           re.IGNORECASE)
THRESHOLD_OF = re.compile(rf"\bdengan\s+(?:{alternation('context', 'threshold_nouns')})\s+(?:\w+\s+)?"
                          rf"(?:{alternation('context', 'threshold_bounds')})\s+(?:Rp\.?\s*|US\$\s*)?$", re.IGNORECASE)
THRESHOLD_BOUND = re.compile(rf"\b(?:{alternation('context', 'threshold_holders')})\s+"
                             rf"(?:(?!{alternation('realised', 'realised_cues')})\w+\s+){{0,2}}?"
                             rf"(?:{alternation('context', 'strict_bounds')})\s+(?:Rp\.?\s*|US\$\s*)?$", re.IGNORECASE)
# "Setiap koperasi dapat memperoleh plafon pinjaman hingga Rp3 miliar": a clause about each one of a kind gives an
# amount per unit (a parameter, or aid per recipient), not a total allocation ("setiap tahun" is a period, not a unit)
DISTRIBUTIVE_LEFT = re.compile(r"(?:^|[,;:]\s*|\bbahwa\s+)[\"“]?(?:setiap|tiap|masing-masing)\s+"
                               rf"(?!(?:{_MONTH_RE}|{alternation('claim_type', 'time_nouns')})\b)[a-z]\w*\b[^,.;]*$",
                               re.IGNORECASE)
SERVED_LEFT = re.compile(rf"\b(?:{alternation('context', 'served_verbs')})\s+(?:sekitar\s+|lebih\s+dari\s+|hampir\s+|"
                         r"kurang\s+lebih\s+)?$", re.IGNORECASE)
STATUS_SHARE = re.compile(rf"^\s*(?:(?:{alternation('realised', 'status_share_heads')})\s+)?(?:yang\s+)?"
                          rf"(?:(?:{alternation('realised', 'status_share_markers')})\s+\w+|(?:me|ber)[a-z]{{3,}})",
                          re.IGNORECASE)
ATTRIBUTE_AFTER = re.compile(rf"^\s*(?:\w+\s+){{0,2}}?(?:{alternation('context', 'attribute_verbs')})\b", re.IGNORECASE)
# "44 persen responden menyebut ongkos kirim sebagai kendala", "41 persen mengaku lebih memilih produk lokal": a share
# of people by what they think, prefer or plan is a survey figure, context (FORMAT.md second batch), not a status (R10)
OPINION_AFTER = re.compile(rf"^\s*(?:persen|%)?\s*(?:(?:{alternation('realised', 'status_share_heads')})\s+)?"
                           r"(?:yang\s+[^,.;]{0,50}?\s+)?(?:(?:mengaku|juga|kini|lebih|justru|masih|tidak|belum)\s+){0,3}"
                           rf"(?:{alternation('context', 'opinion_verbs')})\b", re.IGNORECASE)
OPINION_HEAD = words("context", "opinion_heads")
LIST_ITEM_LEFT = re.compile(r"\(\s*(?:sekitar\s+|hampir\s+)?$|\bdisusul\b[^,.;]{0,60}$", re.IGNORECASE)
THRESHOLD = re.compile(rf"\b(?:{alternation('change', 'threshold_verbs')})\s+(?:{alternation('context', 'threshold_bounds')})\s+"
                       r"(?:Rp\.?\s*)?$|"
                       r"\b(?:batas|ambang)\s+(?:\w+\s+){0,3}?(?:Rp\.?\s*)?$", re.IGNORECASE)
RULE_BOUND = re.compile(rf"\b(?:{alternation('context', 'rule_nouns')})\s+(?:\w+\s+){{0,2}}?"
                        rf"(?:(?:{alternation('context', 'rule_bounds')})\s+)?(?:Rp\.?\s*)?$", re.IGNORECASE)
ALLOCATION = words("budget", "allocation_verbs")
COUNT_BEFORE_PLACE = re.compile(r"\d[\d.,]*\s*(?:ribu|juta)?\s+(?:[a-z]+\s+){1,3}(?:di|ke)\s+(?:sekitar\s+)?$", re.IGNORECASE)
# the partners a body works with now ("kini bekerja sama dengan 16 perusahaan"): the current set-up of a running
# programme (R1 exception), whatever plan or target the sentence also states
CURRENT_PARTNERS = re.compile(rf"\b(?:saat\s+ini|kini|sekarang)\s+(?:sudah\s+|telah\s+)?(?:{alternation('claim_type', 'partner_verbs')})"
                              r"\s+(?:sekitar\s+|lebih\s+dari\s+)?$", re.IGNORECASE)
PLACE_REACH_AFTER = re.compile(rf"^\s*(?:{alternation('categories', 'place_reach_nouns')})\b", re.IGNORECASE)
NEGATED = re.compile(r"\b(?:tidak|tak|belum|bukan)\s+(?:\w+\s+)?(?:bisa\s+|dapat\s+|akan\s+)?\w+$|\b(?:tidak|tak)\s+(?:bisa|dapat)\b",
                     re.IGNORECASE)
CURRENT_AFTER = re.compile(rf"^\s*(?:\S+\s+){{0,2}}?(?:{alternation('change', 'current_markers')})\b", re.IGNORECASE)
PER_UNIT = re.compile(rf"\b(?:per|untuk\s+setiap|bagi\s+setiap|setiap)\s+(?:{alternation('change', 'per_unit_recipients')})\b",
                      re.IGNORECASE)


def structural_type(sent: str, rs: int, re_: int, unit: str | None, day: date | None) -> tuple[str, bool] | None:
    """(claim_type, True) when the clause structure decides the type of the figure at ``rs:re_``, else None."""
    clause = clause_at(sent, rs)
    left, right = sent[clause.start:rs], sent[re_:clause.end]
    money = unit in ("rupiah", "USD")
    whole = sent[clause.start:clause.end]

    if EARLIER_LEFT.search(left) and (EARLIER_RIGHT.match(right) or TO_VALUE_BEFORE.search(left)
                                      or (CHANGE_FROM_LEFT.search(left) and UNTIL_RIGHT.match(right))):
        return earlier_term(whole, left, right, money, day), True  # "dari N menjadi M" (R12 a)
    if CHANGED_FROM_LEFT.search(left) and not GROWTH_UNIT_AFTER.match(right):
        # "naik dari 41,7 persen pada 2022" (R12 a); the pipeline lets a context figure it is compared with win
        return "earlier:" + earlier_term(whole, left, right, money, day), True
    if PRIOR_VALUE_LEFT.search(left):
        # "turun menjadi 12 persen, dari sebelumnya hingga 22 persen": "sebelumnya" marks the earlier value (R12 a)
        return "earlier:" + earlier_term(whole, left, right, money, day), True
    from_value = BASE_INSIDE.search(left)
    statement = sent[:clause.start] + left[:from_value.start()] if from_value else ""
    if from_value and TARGET_CUES.search(statement) and not PROJECTION.search(statement):
        # "Kami ingin 150 ribu UMKM didampingi pada 2027, dari 90 ribu tahun ini": the from-value of a target statement
        # tied to the year not yet ended is its first step (R12 b); "dari 600 ribu saat ini" is the baseline (R12 a)
        if THIS_YEAR_AFTER.match(right):
            return "target", True
        if CURRENT_AFTER.match(right):
            return "achievement", True
    if THEN.search(sent) and NOW.search(sent) and unit != "kali" and not GROWTH_UNIT_AFTER.match(right) \
            and not TARGET_CUES.search(whole):
        # "Dulu sebulan laku 40 potong, sekarang bisa 150 potong": the two levels of a then-and-now contrast (R6 b,
        # R12 a) are typed by what they measure
        return earlier_term(whole, left, right, money, day), True
    if SHARE_OF_LEFT.search(left):
        return "other", True  # "baru sebagian kecil dari sekitar 330 ribu UMKM": the base of a share (R12 c)
    if PART_OF_LEFT.search(left) and not CHANGE_WORD.search(left[-40:]):
        return "other", True
    if BASE_AFTER_SAID.search(left) and PART_NEXT.match(_after_next_comma(sent, re_)):
        return "other", True  # "dari sekitar 32 ribu UMKM yang terdata, yang sudah berjualan daring baru 2.700" (R12 c)
    if (BASE_OPENER.match(left) or BASE_INSIDE.search(left)) and any(ANY_NUMBER.search(c.text(sent)) for c in segment(sent) if c.start >= clause.end):
        return "other", True  # "Dari 9.000 pedagang, baru 2.300 ...": the base of a share (R12 c)
    if money and GAP.search(left[-60:]) and not BUDGET_NOUN.search(left) and BUDGET_WORD.search(sent[:rs]) and \
            not TARGET_CUES.search(sent[:rs]):
        return "budget", True  # "anggaran itu dipangkas Rp140 miliar sehingga tersisa Rp344,6 miliar": what is left of a budget
    if (GAP.search(left[-60:]) or LAGI_AFTER.match(right)) and not (money and BUDGET_NOUN.search(left)):
        # a remainder to a target (R4): arithmetic unless its clause puts it under an obligation
        own_right = right.split(",")[0]
        after_gap = _after_gap(left) if GAP.search(left[-60:]) else left
        governed = after_gap + " " + own_right
        # "Sisanya, sekitar 4,1 juta, harus kita dorong": the predicate may follow an apposition; it ends at the
        # next figure
        predicate = ANY_NUMBER.split(right, maxsplit=1)[0]
        # "kami ingin menambah 50 ribu lagi", "bakal tambah dua penenun lagi": more of something under a wish or
        # plan is a target (R1), not a remainder
        more_planned = LAGI_AFTER.match(right) and not GAP.search(left[-60:]) and TARGET_CUES.search(left)
        planned = (OBLIGATION.search(governed) and REMAINDER_ACTION.search(governed)) or \
            CHASE.search(governed) or EXPLICIT_TARGET.search(after_gap) or more_planned or \
            (MODAL_VERB.search(predicate) and not GAP_ONLY.search(left[-60:])) or \
            (not GAP_ONLY.search(left[-60:]) and _future_year_in(sent[re_:], day))  # "Sisanya, 8 pasar, masuk
        # gelombang ketiga pada 2020" (said in 2019): a remainder scheduled for a later year is planned (R4)
        return ("target" if planned and not NEGATED.search(own_right) else "other"), True
    if money and MANDATED_BOUND.search(left) and not FUTURE.search(sent) and not _future_year_in(whole, day):
        # "Pemkot mewajibkan setiap ASN berbelanja minimal Rp200 ribu per bulan": the money floor of a rule in force
        # is a parameter (R1 exception, R12 a); a mandated share ("wajib ... minimal 40 persen belanja") stays a goal
        return "other", True
    if RULE_BOUND.search(left):
        return "other", True  # "di bawah batas 5 persen", "ketentuan minimal 60 persen": the bound a rule sets
    projection = list(PROJECTION.finditer(left))
    if projection and not EXPLICIT_TARGET.search(left[projection[-1].end():]) and \
            not STRONG_REALIZED.search(left[projection[-1].end():]) and \
            not estimate_of_now(left, sent, right, day):
        return "other", True  # "memperkirakan ... bakal menembus N": a forecast (R1, R5)
    if TO_VALUE_LEFT.search(left) and _future_year_in(whole, day) and not STRONG_REALIZED.search(left):
        return "target", True  # "pada 2026 jumlahnya naik menjadi 40 koperasi": a level set for a later year
    if PURPOSE_LEFT.search(left):
        return "target", True  # "untuk mencapai 200 ribu", "menuju 35 juta pada 2029": the goal a plan aims at
    if REACHED_TARGET.search(left):
        return "target", True  # "melampaui sasaran 3 juta": the figure is the target itself
    if clause.opener == ":" and not ANY_NUMBER.search(left):
        before = _previous_clause(sent, clause)
        if before is not None and COLON_TARGET.search(before) and not ANY_NUMBER.search(before):
            return "target", True  # "sasarannya: 120 pasar tahun ini"
    if APPLICANTS_AFTER.match(right) or (not money and APPLICANTS_LEFT.search(left) and not TARGET_CUES.search(left)):
        return "other", True  # "48 ribu UMKM yang mendaftar": applicants (R10)
    if money and (THRESHOLD_OF.search(left) or THRESHOLD_BOUND.search(left)):
        return "other", True  # "dengan plafon maksimal Rp 3 miliar", "pinjaman di bawah Rp 25 juta": a bound of a rule
    if unit == "persen" and not TARGET_CUES.search(left) and (
            OPINION_AFTER.match(right) or (LIST_ITEM_LEFT.search(left) and _opinion_before(sent[:rs]))):
        return "other", True  # an opinion share, or an item of a list of obstacles / reasons respondents name
    if unit == "persen" and STATUS_SHARE.match(right) and not ATTRIBUTE_AFTER.match(right) \
            and not SIZE_CLASS_NEXT.match(right) \
            and not TARGET_CUES.search(left) and not PROJECTION.search(left) and not MARKET_WIDE.search(whole) \
            and not GAP.search(left[-60:]):
        return "achievement", True  # "62 persen responden belum tahu ...", "48 persen berjualan daring" (R10)
    if money and BUDGET_NOUN.search(left) and not STRONG_REALIZED.search(left[-40:]) and not PER_UNIT.search(right) \
            and not DISTRIBUTIVE_LEFT.search(left):
        return "budget", True  # "menetapkan plafon KUR sebesar Rp 460 triliun": an allocation, whatever the verb
    if money and DISBURSED_CREDIT.search(left) and CREDIT_REALISED.search(left) and not TARGET_CUES.search(left):
        # "realisasi penyaluran KUR tercatat Rp 192 triliun": money a programme disbursed is a budget (claims.md);
        # what private lenders lent is a realised credit volume
        return ("achievement" if PRIVATE_LENDING.search(whole) else "budget"), True
    if SERVED_LEFT.search(left) and unit in ("UMKM", "koperasi", "orang") and not STRONG_REALIZED.search(left) \
            and not TARGET_CUES.search(left):
        return "other", True  # "PNM melayani 15,8 juta nasabah": the population a body serves (R10)
    if money and (THRESHOLD.search(left) or THRESHOLD_OF.search(left)):
        return "other", True  # "pengadaan bernilai hingga Rp 14 miliar": a threshold of a rule is a parameter
    if PLACE_REACH_AFTER.match(right) and re.search(r"\b(?:di|ke)\s+(?:sekitar\s+|lebih\s+dari\s+)?$", left):
        # places a programme reaches (R13): planned reach is a target, realised reach an achievement; a plan cue
        # earlier in the sentence plans a reach in a later clause ("akan dipakai untuk ..., dan ekspansi ke 50 kota")
        planned = TARGET_CUES.search(left) or (not STRONG_REALIZED.search(left) and TARGET_CUES.search(sent[:rs]))
        # "menyiapkan anggaran ... bagi 10.000 pelaku UKM di 34 provinsi": the places of the beneficiaries money is
        # set aside for are reached when the money is spent (planned), like the beneficiaries themselves
        planned = planned or (COUNT_BEFORE_PLACE.search(left) and ALLOCATION.search(sent[:rs])
                              and not STRONG_REALIZED.search(sent[:rs]))
        return ("target" if planned else "achievement"), True
    if not money and CURRENT_PARTNERS.search(left):
        return "achievement", True  # "saat ini bekerja sama dengan 12 platform (dan akan menambah ...)": partners now (R1)
    if not money and MODAL_AFTER.match(right) and not STRONG_REALIZED.search(left):
        return "target", True  # "... bagi 2 juta UMKM wajib selesai sebelum Oktober"
    if unit in ("UMKM", "koperasi") and PROGRAMME_OUTPUT.search(left) and not TARGET_CUES.search(left) and \
            not (ATTENDANCE_LEFT.search(left) and ONE_EVENT.search(left)):
        return "achievement", True  # "dinasnya telah melatih 35 ribu pelaku UMKM": a programme's output
    if MARKET_WIDE.search(left) and not TARGET_CUES.search(left) and not EXPLICIT_TARGET.search(sent[re_:]):
        return "other", True  # "transaksi e-commerce sepanjang 2019 mencapai Rp 205 triliun": market-wide (R5)
    return None


def earlier_term(clause: str, left: str, right: str, money: bool, day: date | None) -> str:
    """The type of an earlier level by what it measures (R12 a): a replaced target, a first step, context, budget or
    a result."""
    context = PARAMETERS.search(clause) or MARKET_WIDE.search(clause) or (money and PER_UNIT.search(right))
    if not CURRENT_AFTER.match(right) and not _past_year_after(right, day) and REPLACED_TARGET.search(left):
        return "target"  # a target that has been replaced keeps its standing (R12 a)
    step = FIRST_STEP_RIGHT.match(right)
    if step and (not step.group(1) or day is None or int(step.group(1)) >= day.year):
        return "target"  # the first step of a target series, for a year not yet ended (R12 b)
    if context:
        return "other"  # an earlier policy parameter (rate, ceiling per debtor) or market statistic
    if money and BUDGET_WORD.search(clause):
        return "budget"
    return "achievement"  # an earlier level of a tracked quantity


def estimate_of_now(before: str, sent: str, right: str, day: date | None) -> bool:
    """Whether the last projection word in ``before`` estimates the present ("memperkirakan sekitar seperempat
    pembelinya kini membayar nontunai", "saat ini jumlahnya diperkirakan 6 juta"): such a figure is not a forecast and
    the usual rules type what it measures. A forecast names the future (akan, bakal, a later year) or a projection."""
    estimates = list(PROJECTION.finditer(before))
    if not estimates or not ESTIMATE.search(estimates[-1].group(0)) or FUTURE.search(sent) or \
            _future_year_in(sent, day):
        return False
    return bool(NOW.search(sent) or PRESENT_STATUS_AFTER.match(right))


def _future_year_in(text: str, day: date | None) -> bool:
    years = [int(y) for y in re.findall(r"\b(?:pada|di|hingga|sampai|tahun|akhir)\s+(?:tahun\s+)?((?:19|20)\d\d)\b", text)]
    return bool(day is not None and years and max(years) > day.year)


def _past_year_after(right: str, day: date | None) -> bool:
    m = re.match(r"^\s*(?:\S+\s+){0,3}?(?:pada|di|tahun|per|akhir|awal)\s+(?:\w+\s+)?((?:19|20)\d\d)\b", right)
    return bool(m and day is not None and int(m.group(1)) < day.year)


def _opinion_before(before: str) -> bool:
    """Whether the sentence before a list item names obstacles or reasons, or gives an opinion share ("Kendala
    terbesar adalah ...", "44 persen responden menyebut X sebagai kendala, disusul ...")."""
    return bool(OPINION_HEAD.search(before)) or any(OPINION_AFTER.match(before[m.end():])
                                                    for m in re.finditer(r"\d[\d.,]*", before))


def _after_next_comma(sent: str, end: int) -> str:
    """The text after the first comma that follows ``end`` within the sentence ('' without one)."""
    comma = sent.find(",", end)
    return sent[comma + 1:] if comma >= 0 else ""


def _after_gap(left: str) -> str:
    m = list(GAP.finditer(left))
    return left[m[-1].end():] if m else ""


def _previous_clause(sent: str, clause) -> str | None:
    prev = [c for c in segment(sent) if c.end <= clause.start]
    return prev[-1].text(sent) if prev else None
