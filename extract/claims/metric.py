"""Subject phrase and canonical metric of a claim (metrics from nlp_models/gazetteer/metrics.yaml)."""
from __future__ import annotations

from functools import lru_cache
import re

from extract.claims.claim_type import COMPOSITION_AFTER, SIZE_CLASS_OF_THEM
from extract.claims.clauses import _clause_bounds
from extract.claims.gaz import _gaz
from extract.claims.lexicon import DIGITAL_WORDS, UMKM_CONTEXT, alternation

# '..., kata Hendra saat peluncuran program Pasar SIAP QRIS': the occasion of a statement says nothing about the
# figure, so the metric (and the scope) is read from the clause before the said-verb
SPEECH_TAIL = re.compile(rf"(?:[”\"]\s*,?|,)\s*(?:{alternation('speech', 'said_verbs_after_quote')})(?:nya)?\b",
                         re.IGNORECASE)
# the base of a share or partition ("dari 300 ribu UMKM di DIY, baru 30 persen ...", "M dari total N"): R12 (c)
_BASE_OF_SHARE = re.compile(r"\bdari\s+(?:total\s+|jumlah\s+|sekitar\s+|kurang\s+lebih\s+|lebih\s+dari\s+)*$",
                            re.IGNORECASE)
# the part of a share stated before its base ("5 persen dari 57,9 juta UMKM", "21.400 dari sekitar 58 ribu UMKM"), not
# the earlier term of a change ("naik dari 3,6 juta") nor a qualifier ("kepada lebih dari 61.000 penjual")
PART_BEFORE_BASE = re.compile(rf"\d[\d.,]*(?:\s*(?:juta|ribu|persen|%))?(?:\s+(?!{alternation('change', 'change_verbs')}\b)"
                              r"[a-z-]+){0,3}(?<!lebih)(?<!kurang)\s+dari\s+(?:total\s+|jumlah\s+|sekitar\s+|kurang\s+lebih\s+)*$")
# the part of a share in words after its base ("dari 4 juta UMKM yang ada, sebagian besar ...")
PART_WORDS_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:sebagian(?:\s+besar|\s+kecil)?|separuh(?:nya)?|sepertiga|seperempat|"
                              r"mayoritas|hampir\s+semua)\b")
# a figure's role that narrows the metric its clause's cues suggest (nlp_models/lexicons/metric.yaml)
SAMPLE_BEFORE = re.compile(rf"(?:{alternation('metric', 'sample_frames')})", re.IGNORECASE)
_SALES = rf"\b(?:{alternation('metric', 'sales_nouns')})\b"
SALES_BEFORE = re.compile(_SALES + r"(?:[^,;.\d]|\b(?:19|20)\d\d\b){0,60}$")  # a year may stand between
SALES_CHANGE_AFTER = re.compile(_SALES + r"[^,;.\d]{0,20}\b(?:naik|turun|meningkat|menurun|anjlok|melonjak|tumbuh)\b|"
                                r"\b(?:kenaikan|penurunan|peningkatan)\s+" + _SALES)
BUSINESS_HEAD = re.compile(rf"^(?:{alternation('metric', 'business_nouns')})\b")
SELLER_HEAD = re.compile(rf"^(?:{alternation('metric', 'seller_heads')})\b")
# metrics that measure a market or the economy, never a share of businesses
_MARKET = ("digital_economy_value", "umkm_gdp_share", "umkm_employment_share")
# what a base of a share counts, by unit
_POPULATION_OF_UNIT = {"UMKM": "umkm_population", "koperasi": "cooperatives_count"}


@lru_cache(maxsize=1)
def _metric_rules():
    idx, _ = _gaz()
    rules = []
    for mid, m in idx["metrics"].items():
        # (cue, its pattern): the plain substring test comes first, the pattern only runs where the cue is written
        cues = [(c.lower(), re.compile(r"(?<![\w-])" + re.escape(c.lower()) + r"(?:nya)?(?![\w-])"))
                for c in [*m.get("cues", []), *m.get("clause_cues", [])]]
        rules.append((mid, cues, set(m.get("units", [])), [r.lower() for r in m.get("requires_any", [])]))
    return rules


def _metric(sent_low: str, unit: str | None, subject_low: str, clause_low: str | None = None,
            left_low: str = "") -> str | None:
    """The canonical metric of a figure from its own clause (``clause_low``: "Kontribusi UMKM terhadap PDB 61 persen,
    sementara serapan tenaga kerjanya 97 persen" has two metrics) or, without ``clause_low``, its sentence. A training
    verb before the figure in its clause (``left_low``) makes it a training count."""
    if unit is None:
        return None
    if clause_low is not None:
        tail = SPEECH_TAIL.search(clause_low, len(left_low))
        if tail:
            clause_low = clause_low[:tail.start()]
    if unit in ("UMKM", "orang") and TRAINER_HEAD.match(subject_low):
        return None  # "60 mentor", "150 pendamping digital": those who train, not those trained
    if unit in ("UMKM", "orang") and left_low:
        hits = list(_TRAINING.finditer(left_low[-80:]))
        if hits and not re.search(r"[\d.;]", left_low[-80:][hits[-1].end():]):
            return "umkm_trained"  # a training verb governs the figure, no other figure in between
    if unit in ("UMKM", "orang") and clause_low is not None and left_low:
        right = re.sub(r"^[\d.,]+(?:\s*(?:juta|ribu|ratus))?", "", clause_low[len(left_low):])  # after the figure
        if TRAINED_AFTER.match(right):
            return "umkm_trained"  # "200.000 UMKM mendapat pelatihan", "4.000 IKM ikut workshop"
    if not_a_reach(unit, left_low, subject_low):
        return None
    metric = _metric_in(clause_low if clause_low is not None else sent_low, unit, subject_low, sent_low)
    if unit == "persen" and metric in _MARKET and BUSINESS_HEAD.match(subject_low):
        # "71,5 persen responden sudah menerima pembayaran digital" (in a survey by "Indikator Ekonomi Digital")
        metric = _metric_in(clause_low if clause_low is not None else sent_low, unit, subject_low, sent_low,
                            exclude=_MARKET)
    if metric is None and unit == "UMKM" and SELLER_HEAD.match(subject_low):
        return "umkm_onboarded_digital"  # "6 juta penjual", "2,4 juta merchant baru bergabung"
    return metric


def not_a_reach(unit: str | None, left_low: str, subject_low: str) -> bool:
    """A figure whose role rules out every reach metric, whatever its sentence or the article's running metric
    says: the size of a survey's sample ("survei terhadap 1.200 UMKM") or a share or multiple of sales ("omzetnya naik
    27 persen", "62 persen responden mengaku penjualannya naik")."""
    if left_low and SAMPLE_BEFORE.search(left_low[-90:]):
        return True
    return unit in ("persen", "kali") and bool(SALES_BEFORE.search(left_low[-90:]) or SALES_CHANGE_AFTER.search(subject_low))




# "yang sudah online", "yang sudah memasarkan produk secara daring": a share or count of those with a digital status,
# which only businesses have in these articles (the noun may stand in the sentence before: "Dari jumlah itu, ...")
ONLINE_STATUS = re.compile(rf"\byang\s+(?:sudah|telah|baru)\s+(?:[a-z-]+\s+){{0,4}}?(?:{alternation('metric', 'online_status')})\b")


# a training verb governing the figure makes it a training count even in a sentence about going digital
_TRAINING = re.compile(r"\b(?:melatih|dilatih|mendampingi|didampingi|pelatihan|pendampingan)\b")
# the figure's noun phrase followed by what it undergoes: "... UMKM mendapat pelatihan", "... IKM ikut workshop",
# "... UMKM untuk didampingi" (metric.yaml trained_after)
TRAINED_AFTER = re.compile(rf"^[^,;.\d]{{0,45}}?\b(?:{alternation('metric', 'trained_after')})\b")
TRAINER_HEAD = re.compile(rf"^(?:{alternation('metric', 'trainer_nouns')})\b")
# market-wide e-commerce and digital-economy figures are not one programme's transactions
_MARKET_VALUE = re.compile(r"\b(?:gmv|ekonomi\s+digital|digital\s+economy|e-conomy|pasar\s+digital(?!\s+(?:\(padi\)\s+)?umkm)|"
                           r"(?:transaksi|nilai)\s+(?:\w+\s+){0,2}?e-?commerce|e-?commerce\s+(?:indonesia|nasional))\b")


@lru_cache(maxsize=8192)
def _metric_in(text_low: str, unit: str, subject_low: str, sent_low: str, exclude: tuple = ()) -> str | None:
    umkm = bool(UMKM_CONTEXT.search(sent_low)) or bool(BUSINESS_HEAD.match(subject_low)) or \
        bool(ONLINE_STATUS.search(text_low))
    scores = {}
    for mid, cues, units, req in _metric_rules():
        if mid in exclude or (unit and units and unit not in units):
            continue
        if req and not any(r in sent_low for r in req):
            continue
        hits = sum(1 for cue, c in cues if cue in subject_low and c.search(subject_low)) * 2 + \
            sum(1 for cue, c in cues if cue in text_low and c.search(text_low))
        if hits:
            scores[mid] = hits
    if not scores:
        return None
    sent_low = text_low
    order = ["umkm_on_ekatalog_padi", "program_transaction_value", "kur_disbursement", "umkm_gdp_share",
             "umkm_employment_share", "digital_economy_value"]
    if _MARKET_VALUE.search(sent_low):
        order.remove("digital_economy_value")
        order.insert(1, "digital_economy_value")  # the size of the digital economy, not a programme's sales
    for mid in order:
        if mid in scores and (mid != "program_transaction_value" or unit in ("rupiah", "USD")):
            if mid == "digital_economy_value" and unit == "UMKM":
                continue
            return mid
    if "umkm_population" in scores and unit == "UMKM" and not DIGITAL_WORDS.search(sent_low):
        return "umkm_population"
    if "umkm_onboarded_digital" in scores and (unit == "merchant" or (unit in ("UMKM", "persen") and umkm)):
        return "umkm_onboarded_digital"
    if "government_budget_umkm" in scores and unit in ("rupiah", "USD"):
        return "government_budget_umkm"
    if "cooperatives_count" in scores and unit == "koperasi":
        return "cooperatives_count"
    if "umkm_trained" in scores and unit in ("UMKM", "orang"):
        return "umkm_trained"
    return None


_SUBJECT_STOP = {"dari", "dan", "atau", "pada", "di", "ke", "per", "hingga", "sampai", "dibandingkan", "dibanding",
                 "saja", "lebih", "dengan", "dalam", "selama", "tahun", "sejak", "menjadi", "setiap", "secara", "untuk",
                 "itu", "tersebut", "ini", "sehingga", "namun", "tetapi", "sedangkan", "sementara"}


def _subject(sent_text: str, rel_start: int, rel_end: int, noun: str) -> str:
    after = sent_text[rel_end:]
    if noun:
        m = re.match(r"\s*[(\[]?\s*(.{0,120}?)(?=[,.;:)\]”\"]|\s+(?:sementara|sedangkan|namun|tetapi|dan\s+\d|atau\s+\d|"
                     r"sehingga|hingga\s+(?:tahun\s+)?\d|pada\s+(?:tahun\s+)?\d|di\s+tahun|untuk\s+\w+kan|$))", after)
        subj = m.group(1) if m else noun
        words = subj.split()
        return " ".join(words[:12]).strip() or noun
    left, _ = _clause_bounds(sent_text, rel_start, rel_end)
    seg = sent_text[left:rel_start]
    seg = re.split(r"\d[\d.,]*\s*(?:juta|ribu|miliar|triliun|persen|%)?\s*(?:atau\s+)?", seg)[-1]  # after an earlier figure
    seg = re.split(r",\s+(?!(?:dan|serta|kecil|menengah|mikro)\b)|\bbahwa\b|\bkarena\b|\bmengatakan\b|\bmenyebut\w*\b",
                   seg)[-1]
    seg = re.sub(r"\b(?:mencapai|sebesar|sebanyak|senilai|sekitar|baru|sudah|telah|ada|terdapat|menjadi|"
                 r"yakni|yaitu|adalah|sekitar|hanya|kurang\s+lebih|lebih\s+dari|hampir|minimal|hingga|sampai|"
                 r"tercatat|naik|turun|tumbuh|meningkat|saat\s+ini|kini|sekarang)\s*$", "", seg.strip(), flags=re.I)
    for _ in range(3):
        seg = re.sub(r"\b(?:mencapai|sebesar|sebanyak|senilai|sekitar|baru|sudah|telah|ada|terdapat|menjadi|"
                     r"yakni|yaitu|adalah|berjumlah|tercatat|hanya|masih)\s*$", "", seg.strip(), flags=re.I)
    words = seg.split()
    return " ".join(words[-14:]).strip(" ,") or sent_text[rel_start:rel_end]


def metric_by_role(metric: str | None, claim_type: str, unit: str | None, left_low: str, sent_low: str,
                   rel_end: int) -> str | None:
    """The metric a figure's role decides when its words name none, or name the share instead of the base, or name one
    its role rules out (a composition share has none):
    the base of a share counts the population (R12 c: "dari 9.000 pedagang, baru 2.300 ..." - 9.000 is every
    pedagang, whatever the 2.300 did); money allocated (a budget) with no other metric is a government budget."""
    after = sent_low[rel_end:]
    if unit == "persen" and (SIZE_CLASS_OF_THEM.match(after) or COMPOSITION_AFTER.match(after)):
        return None  # "88 persen di antaranya (merupakan) usaha mikro": what a total consists of measures no reach (R10)
    if unit in _POPULATION_OF_UNIT and claim_type != "target" and _BASE_OF_SHARE.search(left_low[-40:]) and (
            (claim_type == "other" and (re.search(r"\d", sent_low[rel_end:]) or PART_WORDS_AFTER.search(after))) or
            PART_BEFORE_BASE.search(left_low[-90:])):
        # "dari 9.000 pedagang, baru 2.300 ...", "dari 4 juta UMKM yang ada, sebagian besar ...", "5 persen dari 57,9
        # juta UMKM", "21.400 dari sekitar 58 ribu UMKM": the base counts the population
        return _POPULATION_OF_UNIT[unit]
    if metric is None and claim_type == "budget" and unit in ("rupiah", "USD"):
        return "government_budget_umkm"
    return metric


def is_core(metric: str | None, claim_type: str | None, scope: str | None) -> bool:
    """FORMAT.md's ``core``: a UMKM/cooperative digital-onboarding figure (its metric is ``core: always`` in
    metrics.yaml), or the scale of a national programme (``core: national_scale`` metrics, stated for the nation
    or one programme, as a target, result or budget - not as context)."""
    if metric is None:
        return False
    idx, _ = _gaz()
    core = (idx["metrics"].get(metric) or {}).get("core")
    if core == "always":
        return True
    return core == "national_scale" and scope in ("national", "programme") and claim_type != "other"
