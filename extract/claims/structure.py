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
from extract.claims.lexicon import ME_VERBS, EXPLICIT_TARGET, PROJECTION, STRONG_REALIZED, TARGET_CUES, alternation, words

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
TO_VALUE_LEFT = re.compile(r"\b(?:menjadi|jadi)\s+(?:sekitar\s+|lebih\s+dari\s+|hampir\s+)?(?:Rp\.?\s*|US\$\s*)?$",
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
PROGRAMME_OUTPUT = re.compile(rf"\b(?:{alternation('realised', 'programme_output')})\s+(?:\w+\s+){{0,2}}?{_MONEY_PREFIX}$",
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
SERVED_LEFT = re.compile(rf"\b(?:{alternation('context', 'served_verbs')})\s+(?:sekitar\s+|lebih\s+dari\s+|hampir\s+|"
                         r"kurang\s+lebih\s+)?$", re.IGNORECASE)
STATUS_SHARE = re.compile(rf"^\s*(?:(?:{alternation('realised', 'status_share_heads')})\s+)?(?:yang\s+)?"
                          rf"(?:(?:{alternation('realised', 'status_share_markers')})\s+\w+|(?:me|ber)[a-z]{{3,}})",
                          re.IGNORECASE)
ATTRIBUTE_AFTER = re.compile(rf"^\s*(?:\w+\s+){{0,2}}?(?:{alternation('context', 'attribute_verbs')})\b", re.IGNORECASE)
THRESHOLD = re.compile(rf"\b(?:{alternation('change', 'threshold_verbs')})\s+(?:{alternation('context', 'threshold_bounds')})\s+"
                       r"(?:Rp\.?\s*)?$|"
                       r"\b(?:batas|ambang)\s+(?:\w+\s+){0,3}?(?:Rp\.?\s*)?$", re.IGNORECASE)
RULE_BOUND = re.compile(rf"\b(?:{alternation('context', 'rule_nouns')})\s+(?:\w+\s+){{0,2}}?"
                        rf"(?:(?:{alternation('context', 'rule_bounds')})\s+)?(?:Rp\.?\s*)?$", re.IGNORECASE)
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
        return _earlier_term(whole, left, right, money, day), True  # "dari N menjadi M" (R12 a)
    if CHANGED_FROM_LEFT.search(left) and not GROWTH_UNIT_AFTER.match(right):
        # "naik dari 41,7 persen pada 2022" (R12 a); the pipeline lets a context figure it is compared with win
        return "earlier:" + _earlier_term(whole, left, right, money, day), True
    if PRIOR_VALUE_LEFT.search(left):
        # "turun menjadi 12 persen, dari sebelumnya hingga 22 persen": "sebelumnya" marks the earlier value (R12 a)
        return "earlier:" + _earlier_term(whole, left, right, money, day), True
    if SHARE_OF_LEFT.search(left):
        return "other", True  # "baru sebagian kecil dari sekitar 330 ribu UMKM": the base of a share (R12 c)
    if PART_OF_LEFT.search(left) and not CHANGE_WORD.search(left[-40:]):
        return "other", True
    if BASE_AFTER_SAID.search(left) and PART_NEXT.match(_after_next_comma(sent, re_)):
        return "other", True  # "dari sekitar 32 ribu UMKM yang terdata, yang sudah berjualan daring baru 2.700" (R12 c)
    if (BASE_OPENER.match(left) or BASE_INSIDE.search(left)) and any(ANY_NUMBER.search(c.text(sent)) for c in segment(sent) if c.start >= clause.end):
        return "other", True  # "Dari 9.000 pedagang, baru 2.300 ...": the base of a share (R12 c)
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
            (MODAL_VERB.search(predicate) and not GAP_ONLY.search(left[-60:]))
        return ("target" if planned and not NEGATED.search(own_right) else "other"), True
    if RULE_BOUND.search(left):
        return "other", True  # "di bawah batas 5 persen", "ketentuan minimal 60 persen": the bound a rule sets
    projection = list(PROJECTION.finditer(left))
    if projection and not EXPLICIT_TARGET.search(left[projection[-1].end():]) and \
            not STRONG_REALIZED.search(left[projection[-1].end():]):
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
    if APPLICANTS_AFTER.match(right):
        return "other", True  # "48 ribu UMKM yang mendaftar": applicants (R10)
    if money and THRESHOLD_OF.search(left):
        return "other", True  # "dengan plafon maksimal Rp 3 miliar": a bound of a rule, not an allocation
    if unit == "persen" and STATUS_SHARE.match(right) and not ATTRIBUTE_AFTER.match(right) \
            and not TARGET_CUES.search(left) and not PROJECTION.search(left) and not MARKET_WIDE.search(whole) \
            and not GAP.search(left[-60:]):
        return "achievement", True  # "62 persen responden belum tahu ...", "48 persen berjualan daring" (R10)
    if money and BUDGET_NOUN.search(left) and not STRONG_REALIZED.search(left[-40:]) and not PER_UNIT.search(right):
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
        # places a programme reaches (R13): planned reach is a target, realised reach an achievement
        return ("target" if TARGET_CUES.search(left) else "achievement"), True
    if not money and MODAL_AFTER.match(right) and not STRONG_REALIZED.search(left):
        return "target", True  # "... bagi 2 juta UMKM wajib selesai sebelum Oktober"
    if unit in ("UMKM", "koperasi") and PROGRAMME_OUTPUT.search(left) and not TARGET_CUES.search(left):
        return "achievement", True  # "dinasnya telah melatih 35 ribu pelaku UMKM": a programme's output
    if MARKET_WIDE.search(left) and not TARGET_CUES.search(left) and not EXPLICIT_TARGET.search(right[:40]):
        return "other", True  # "transaksi e-commerce sepanjang 2019 mencapai Rp 205 triliun": market-wide (R5)
    return None


def _earlier_term(clause: str, left: str, right: str, money: bool, day: date | None) -> str:
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


def _future_year_in(text: str, day: date | None) -> bool:
    years = [int(y) for y in re.findall(r"\b(?:pada|di|hingga|sampai|tahun|akhir)\s+(?:tahun\s+)?((?:19|20)\d\d)\b", text)]
    return bool(day is not None and years and max(years) > day.year)


def _past_year_after(right: str, day: date | None) -> bool:
    m = re.match(r"^\s*(?:\S+\s+){0,3}?(?:pada|di|tahun|per|akhir|awal)\s+(?:\w+\s+)?((?:19|20)\d\d)\b", right)
    return bool(m and day is not None and int(m.group(1)) < day.year)


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
