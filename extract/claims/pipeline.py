"""The claim pipeline: spaCy document -> attribution per sentence -> quantities -> type, years, metric -> one claim per fact."""
from __future__ import annotations

from extract.numbers import find_quantities
import re

from extract.claims.attribution import _attribute_open_quotes, _index_ents, _sent_ents
from extract.claims.discourse import attribute_sentences, lede_restated_by, office_of, restatement_rank
from extract.claims.claim_type import _classify, firm_money_type, refers_to_context, status_count
from extract.claims.clauses import clause_at, hypothetical
from extract.claims.dedupe import _dedupe
from extract.claims.filters import _FAST_TRIGGER, _lowercase_figure_phrase, back_reference, data_line, headline_line, _scope_ok, restated_word_shares
from db.ids import claim_id
from extract.claims.confidence import claim_evidence, confidence_of
from extract.claims.programmes import mentions
from extract.claims.scope import article_scope, scope_of
from extract.claims.gaz import _institution_type, _program_kind, _program_name
from extract.claims.lexicon import ANAPHOR, CONDITIONAL, DIGITAL_WORDS, ILLUSTRATION, STRONG_REALIZED, alternation, RELEVANT, SEQUENCE_FRAME, SKIP_SENTENCE, UMKM_CONTEXT
from extract.claims.metric import _SUBJECT_STOP, _metric, _subject, metric_by_role, not_a_reach
from extract.claims.people import Ctx, sent_text
from extract.claims.quantities import DISTANCE_UNITS, _unit_for, is_conversion, last_count_unit, occasions, omitted_noun, price_ratio
from extract.claims.when import _as_of, _target_year, _target_year_in, per_unit_rate, remainder_target, remainder_year, stated_on


EXTRACTOR_VERSION = "pantau-claims-2.5"


CLAIM_FIELDS = [
    "article_id", "claim_type", "subject", "metric", "value", "value_max", "unit", "qualifier", "value_text",
    "target_year", "as_of", "stated_on", "speaker", "speaker_title", "organization", "program", "quote",
    "char_start", "char_end", "confidence",
]


# the claims/targets seam (docs/CONTRACTS.md): printed by `pantau claims` next to CLAIM_FIELDS
SEAM_FIELDS = ["claim_id", "scope", "scope_name", "source_kind"]
LINK_FIELDS = ["person_id", "institution_id", "program_id"]


def _paragraph_index(text: str):
    bounds = [m.end() for m in re.finditer(r"\n+", text)]  # "\n\n" between paragraphs is one break
    import bisect

    return lambda pos: bisect.bisect_right(bounds, pos)


# metrics a later figure may take over from an earlier one of the same unit ("target 20 juta" after "19,5 juta UMKM
# terhubung ke ekosistem digital"); populations and macro statistics are never carried over
_HEADER_NOUNS = alternation("target", "list_header_nouns")
LIST_HEADER = re.compile(rf"\b(?=[mpab])(?:menetapkan|menargetkan|memasang|mematok|mencanangkan|menyiapkan|punya|memiliki|ada|"
                         rf"berikut)\s+(?:\w+\s+)?(?:dua|tiga|empat|lima|enam|tujuh|beberapa|sejumlah|\d)\s+(?:{_HEADER_NOUNS})\b|"
                         rf"\b(?:{_HEADER_NOUNS})(?:nya)?\b[^.!?]{{0,60}}:\s*$", re.IGNORECASE)
ENUMERATOR_ALONE = re.compile(r"\s*\d{1,2}[.)]\s*")
LIST_ITEM = re.compile(rf"^\W*(?:(?:{alternation('target', 'list_enumerators')})\b|\d{{1,2}}[.)]\s)", re.IGNORECASE)
# an illustration opener that frames real, cited data ("Sebagai gambaran skala sektor ini, data BPS menunjukkan ...")
CITED_DATA = re.compile(rf"\b(?:{alternation('out_of_scope', 'illustration_cited_data')})\b", re.IGNORECASE)
AMONG_THEM = re.compile(r"\s+(?:orang\s+)?di\s+antara(?:nya|\s+mereka)\b", re.IGNORECASE)
EARLIER_TO = re.compile(r"\s+(?:\S+\s+){0,3}?(?:menjadi|jadi|ke|hingga|sampai)\s+\d", re.IGNORECASE)
CONVERSION_LEFT = re.compile(r"(?:rupiah|dolar(?:\s+AS)?|USD|triliun|miliar|juta|ribu)\s*\)?\s*,?\s*(?:atau|alias|\()\s*"
                             r"(?:setara\s+(?:dengan\s+)?|sekitar\s+|kurang\s+lebih\s+)*(?:Rp\.?\s*|US\$\s*)?$", re.IGNORECASE)
REMAINDER = re.compile(rf"\b(?:{alternation('gap', 'gap_words')}|{alternation('gap', 'remainder_words')})\b", re.IGNORECASE)
POPULATION_CLAUSE = re.compile(r"\b(?:memiliki|mempunyai|punya|jumlah|total|populasi|terdapat|sebanyak)\b", re.IGNORECASE)
_CARRIED_METRICS = {"umkm_onboarded_digital", "umkm_on_ekatalog_padi", "program_transaction_value", "umkm_trained",
                    "digital_economy_value", "kur_disbursement"}


_DIGIT = re.compile(r"\d")
_RATIO_UNITS = {"kali": 1}  # unit of a ratio -> paragraphs back it may take a count's metric from


def _metric_from_context(candidates, unit, ctype, para, clause) -> str | None:
    """The metric of a figure whose own sentence names none: a population when it is context about UMKM, else the
    metric of the nearest earlier figure of the same unit within three paragraphs (what the article is counting)."""
    if ctype == "other" and unit == "UMKM" and POPULATION_CLAUSE.search(clause) and not DIGITAL_WORDS.search(clause):
        return "umkm_population"
    for claim, _, _ in reversed(candidates):
        if para - claim["_para"] > 3:
            break
        if claim["metric"] in _CARRIED_METRICS and (claim["unit"] == unit or (
                unit in _RATIO_UNITS and para - claim["_para"] <= _RATIO_UNITS[unit])):
            return claim["metric"]  # "naik tiga kali lipat", "Itu baru 14 persen": a ratio of what was just counted
    return None


def _restated(value, q, ctype, tyear, candidates, clause):
    """What a figure pointing back ("8 juta itu") restates: the latest earlier claim of the same value (the pipeline
    gives it that claim's standing, and one-fact-one-claim keeps the best-attributed mention, R7); True when there is
    none but the figure is scaled (its first statement was not a claim, as in a headline: drop it); None when it is a
    new fact: a target its own clause moves to another year, written out, than the earlier one's ("8 juta itu lebih
    masuk akal dikejar sampai akhir 2021", R12 a), or a small figure never stated before."""
    earlier = [c for c, _, _ in candidates if abs(c["value"] - value) <= 0.01 * abs(value)]
    if ctype == "target" and tyear is not None and str(tyear) in clause and earlier and all(
            c["claim_type"] == "target" and c["target_year"] not in (None, tyear) for c in earlier):
        return None
    if earlier:
        return earlier[-1]
    return True if q.has_scale else None


def _restates_target(value, unit, st, rs, re_, day, candidates) -> bool:
    """Whether a figure the clause does not call a target is a target stated before, named again with its deadline:
    the same value and unit as an earlier target, in a sentence tying it to that target's year ("tahun depan")."""
    earlier = [c for c, _, _ in candidates if c["claim_type"] == "target" and c["unit"] == unit and
               c["target_year"] is not None and abs(c["value"] - value) <= 0.01 * abs(value)]
    return bool(earlier) and _target_year(st, rs, re_, day) in {c["target_year"] for c in earlier}


def _has_claims_to_find(text: str) -> bool:
    return bool(text.strip()) and bool(RELEVANT.search(text))  # not an economy / UMKM article: no claims


def extract_claims_batch(articles: list[dict], *, with_evidence: bool = False) -> list[list[dict]]:
    """``extract_claims`` of each article, with the spaCy documents made in one ``nlp.pipe`` (the statistical NER
    runs once for the batch, not once per article: the same claims for less CPU)."""
    from nlp_models import load_pipeline

    wanted = [i for i, article in enumerate(articles) if _has_claims_to_find(article.get("text") or "")]
    docs = dict(zip(wanted, load_pipeline().pipe([articles[i]["text"] for i in wanted])))
    return [extract_claims(article, with_evidence=with_evidence, doc=docs.get(i))
            for i, article in enumerate(articles)]


def extract_claims(article: dict, *, with_evidence: bool = False, doc=None) -> list[dict]:
    """Claims of one article (``{"id", "text", "published"?, "title"?, "source_kind"?, ...}``), one per fact.
    ``with_evidence=True`` keeps the features the confidence was weighed from as ``evidence`` (used to fit it);
    ``doc``: the article's text already through the pipeline (``extract_claims_batch``)."""
    from nlp_models import load_pipeline

    text = article.get("text") or ""
    if not _has_claims_to_find(text):
        return []
    if doc is None:
        doc = load_pipeline()(text)
    _index_ents(doc, text)
    source_kind = article.get("source_kind") or "media"
    day = stated_on(text, article.get("published"))
    ctx = Ctx(text=text, day=day)
    para_of = _paragraph_index(text)
    candidates = []
    prev_claim = None
    prev_sent = None
    last_program = None  # (PROGRAM entity, paragraph) most recently named
    art_scope = article_scope(text)  # home region, region abbreviations, programmes named by the article
    last_named = None  # (programme the gazetteer does not list, paragraph) most recently named
    list_header = None  # (paragraph, year) of a sentence announcing a list of targets
    enumerated = False  # the sentence before was a bare list number ("1.")
    illustration_para = None  # paragraph of the last illustrative example
    intro = None  # (text, paragraph) of the sentence introducing a list of data lines ("Rinciannya sebagai berikut:")

    # (sentence, paragraph, attribution) of every sentence that is not a link line
    entries, first_speaker = attribute_sentences(doc, text, ctx, para_of)
    _attribute_open_quotes(entries)

    for sent, para, sentence_attr in entries:
        st = sent_text(sent)
        before_sent, prev_sent = prev_sent, sent
        sents_ents = _sent_ents(sent)
        prog_ents = [e for e in sents_ents if e.label_ == "PROGRAM"]
        known_program = last_program
        if prog_ents:
            last_program = (prog_ents[-1], para)
        named_here = mentions(st, art_scope.named)
        recent_named = last_named[0] if last_named is not None and para - last_named[1] <= 2 else None
        if named_here:
            last_named = (named_here[-1][2], para)
        if LIST_HEADER.search(st):
            # "menetapkan dua sasaran untuk 2026." / "Berikut lima target ...:"; a header without a year keeps the
            # year of a header just before it
            year = _target_year(st, len(st), len(st), day)
            if year is None and list_header is not None and para - list_header[0] <= 2:
                year = list_header[1]
            if year is None and before_sent is not None:
                year = _target_year(sent_text(before_sent), len(sent_text(before_sent)), len(sent_text(before_sent)), day)
            list_header = (para, year)
        in_list = list_header is not None and para - list_header[0] <= 1 and (bool(LIST_ITEM.match(st)) or enumerated)
        enumerated = bool(ENUMERATOR_ALONE.fullmatch(st))  # "1." split off as a sentence of its own
        if in_list:
            list_header = (para, list_header[1])  # the list goes on while its items come
        if st.rstrip().endswith(":"):
            # "Rinciannya sebagai berikut:" says what is listed together with the sentence before it
            same_para = before_sent is not None and para_of(before_sent.start_char) == para
            intro = ((sent_text(before_sent) + " " if same_para else "") + st, para)
        # a data line ("2. Jawa Timur: 3,9 juta UMKM") counts what the sentence introducing its list counts
        line_intro = intro[0] + " " if intro is not None and para - intro[1] <= 1 and data_line(st) else ""
        if intro is not None and line_intro:
            intro = (intro[0], para)
        if ILLUSTRATION.match(st) and not CITED_DATA.search(st):
            illustration_para = para
        if not (_DIGIT.search(st) or _FAST_TRIGGER.search(st)):  # a digit first: found without trying each word
            continue
        if illustration_para == para and not CITED_DATA.search(st):
            # an illustrative example ("Sebagai gambaran, ...") and the rest of its paragraph, which goes on with it
            # ("Dengan harga penutupan hari ini, nilai investasinya sudah menjadi Rp 1,06 juta.")
            continue
        if SKIP_SENTENCE.search(st) or headline_line(st):
            continue  # prizes and contact lines
        s0 = sent.start_char  # entity texts as slices of the text (``Span.text`` rebuilds them from the tokens)
        ent_spans = [(e.start_char - s0, e.end_char - s0) for e in sents_ents
                     if e.label_ in ("PER", "ORG", "PROGRAM", "LOC") and any(c.isalpha() for c in text[e.start_char:e.end_char])
                     and not _lowercase_figure_phrase(text[e.start_char:e.end_char])]
        ent_keys = [(e.start_char - s0, e.end_char - s0, e.label_, e.ent_id_)
                    for e in sents_ents if e.label_ in ("ORG", "PROGRAM")]
        cond = [m.start() for m in CONDITIONAL.finditer(st)]
        sent_low = st.lower()
        quantities = find_quantities(st)
        figures_in_sentence = sum(1 for x in quantities if x.has_scale or x.unit or not 1900 <= x.value <= 2100)
        for q in quantities:
            rs, re_ = q.start, q.end
            if not _scope_ok(q, st, rs, re_, ent_spans):
                continue
            if cond and hypothetical(st, rs):
                continue  # R6: the condition and its consequence; other clauses of the sentence are kept
            unit, noun = _unit_for(q, st, re_)
            small = q.value < 100 and not q.has_scale and q.value_max is None
            if unit is None:
                if q.has_scale and UMKM_CONTEXT.search(st[max(0, rs - 120):rs]):
                    unit = "UMKM"
                elif q.has_scale and re.search(r"\b(?:transaksi|omzet|nilai)\b", st[max(0, rs - 60):rs], re.I):
                    unit = "rupiah" if re.search(r"rp|rupiah", st, re.I) else None
                elif q.has_scale and prev_claim is not None and prev_claim["_para"] >= para - 1 and \
                        prev_claim["unit"] not in (None, "persen", "rupiah", "USD"):
                    unit = prev_claim["unit"]  # "2,4 juta. Dan di 2024 itu 3,4 juta": the count of the list
                elif q.has_scale and before_sent is not None and UMKM_CONTEXT.search(sent_text(before_sent)):
                    unit = "UMKM"
                if unit is None and not small and not q.is_words and q.value >= 1000 and \
                        re.search(r"\b(?:jumlah|sebanyak|total)\b", st[max(0, rs - 100):rs], re.I):
                    m_ctx = list(UMKM_CONTEXT.finditer(st[max(0, rs - 100):rs]))
                    if m_ctx:  # "jumlah pedagang pengguna QRIS sudah 455.400"
                        unit = "koperasi" if m_ctx[-1].group(0).lower() == "koperasi" else "UMKM"
                to_value = EARLIER_TO.match(st, re_)
                if unit is None and to_value:
                    nxt = [n for n in find_quantities(st[to_value.end() - 1:]) if n.start == 0]
                    if nxt:  # "naik dari 210 menjadi 480 unit": the earlier term shares the noun of the later
                        unit, noun = _unit_for(nxt[0], st, to_value.end() - 1 + nxt[0].end)
                if unit is None and prev_claim is not None and prev_claim["char_start"] == sent.start_char and \
                        prev_claim["unit"] not in (None, "persen", "rupiah", "USD") and \
                        re.search(r"(?:,|\bdan|\bserta)\s+(?:\S+\s+){0,2}$", st[max(0, rs - 30):rs]):
                    unit = prev_claim["unit"]  # "300 pasar tahun ini, 450 tahun depan": the noun of the list
                if unit is None and not q.is_words:
                    running = prev_claim["unit"] if prev_claim is not None and prev_claim["_para"] >= para - 1 else None
                    if running in (None, "persen", "rupiah", "USD", "kali") and before_sent is not None and \
                            para_of(before_sent.start_char) == para:
                        # "... kami butuh minimal 300 pendamping. Sekarang baru 110": the count of the sentence
                        # before, even when its figure is out of scope (R6)
                        running = last_count_unit(sent_text(before_sent))
                    unit, noun = omitted_noun(q, st, rs, re_, running)
                if unit is None and prev_claim is not None and prev_claim["_para"] >= para - 1 and \
                        prev_claim["unit"] not in (None, "persen", "rupiah", "USD") and AMONG_THEM.match(st, re_):
                    unit = prev_claim["unit"]  # "11 penjahit ... Empat di antaranya diliburkan": part of that count
                if unit is None and (small or q.is_words or not q.has_scale):
                    continue
                if unit is None and not q.has_scale:
                    continue
            if q.is_words and small and unit is None:
                continue
            if small and unit == "rupiah" and q.value < 10 and not q.has_scale:
                continue
            if unit in DISTANCE_UNITS and not UMKM_CONTEXT.search(st):
                continue
            if unit in ("rupiah", "USD") and (CONVERSION_LEFT.search(st[max(0, rs - 40):rs]) or
                                              is_conversion(q, st, quantities)):
                continue  # "Rp 62,3 triliun, atau setara 3,9 miliar dolar AS": the same amount in another currency
            if unit == "kali" and occasions(q, st, re_):
                continue  # "dua kali", "3 kali seminggu": counts of occasions
            value = q.value
            if q.is_words and q.value == 0.5 and not q.has_scale and unit in (None, "UMKM", "koperasi", "orang") and \
                    re.match(r"\s+[a-z]", st[re_:], re.I):
                value, unit = 50.0, "persen"  # "separuh UMKM DIY": half of them, a share
            subject_noun = noun
            if unit == "persen" and not noun:
                m_after = re.match(r"\s*([A-Za-z][\w-]*)", st[re_:])
                if m_after and m_after.group(1).lower() not in _SUBJECT_STOP:
                    subject_noun = m_after.group(1)  # "25 persen anggotanya yang memanfaatkan e-commerce"
            subject = _subject(st, rs, re_, subject_noun)
            if subject_noun and len(subject.split()) <= 2:
                left_subject = _subject(st, rs, re_, "")
                if len(left_subject.split()) >= 3 and re.search(r"\byang\b", left_subject):
                    subject = left_subject  # "... UMKM yang sudah terhubung ke ekosistem digital baru berjumlah 13,7 juta unit"
            if prev_claim is not None and ANAPHOR.search(subject) and para - prev_claim["_para"] <= 2:
                subject = prev_claim["subject"]  # "Angka tersebut setara dengan 21 persen": what the figure counts
            own = clause_at(st, rs)
            own_low = st[own.start:own.end].lower()
            metric = _metric((line_intro + st).lower(), unit, subject.lower(),
                             (line_intro + st[own.start:own.end]).lower(), (line_intro + st[own.start:rs]).lower())
            after_text = st[re_:]
            ctype, by_cue = _classify(st, rs, re_, unit, metric, after_text, day)
            if ctype == "skip":
                continue
            if unit == "kali" and price_ratio(st, re_):
                ctype = "other"  # "ongkos kirim 2 sampai 3 kali harga barangnya": a ratio of prices is context
            earlier = ctype.startswith("earlier:")
            if earlier:
                # an earlier level measures what the later value it is compared with measures: context stays context
                ctype = ctype.split(":", 1)[1]
                # (in the same sentence, or in the one before when this one refers back: "Angka ini menurun ...")
                refers = ANAPHOR.search(st[:rs]) and before_sent is not None and \
                    prev_claim is not None and prev_claim["char_start"] >= before_sent.start_char
                # (the figure compared is the last one of the same unit in the sentence, not a base between them:
                # "9 persen dari 131.000 koperasi ..., naik dari 6 persen")
                compared = next((c for c, _, _ in reversed(candidates) if c["char_start"] == sent.start_char
                                 and c["unit"] == unit), prev_claim)
                if compared is not None and ctype == "achievement" and compared["claim_type"] == "other" and (
                        compared["char_start"] == sent.start_char or refers):
                    ctype = "other"
            if ctype == "achievement" and refers_to_context(st[:rs], prev_claim, para):
                ctype = "other"  # "Adapun volume transaksinya mencapai 251 juta kali": more of the statistic just given
            inherited = None
            if ctype == "growth":
                # "tumbuh 11 persen": growth of the figure just stated keeps its standing
                # when it refers back ("Angka itu naik 33 persen") or follows it in the same sentence
                refers = prev_claim is not None and (
                    prev_claim["char_start"] == sent.start_char or
                    (ANAPHOR.search(st[:rs]) and before_sent is not None and prev_claim["char_start"] >= before_sent.start_char))
                ctype = prev_claim["claim_type"] if refers and prev_claim["claim_type"] in ("other", "achievement") \
                    else "achievement"
            elif not by_cue and prev_claim is not None and para - prev_claim["_para"] <= 2 and \
                    ANAPHOR.search(st[max(0, rs - 80):min(len(st), re_ + 30)]):
                inherited = prev_claim  # "Angka itu setara dengan 21 persen ...": same standing as the figure it refers to
                ctype = prev_claim["claim_type"]
            elif not by_cue and prev_claim is not None and prev_claim["char_start"] == sent.start_char and \
                    prev_claim["unit"] == unit:
                # a list in one sentence keeps the standing of its first item ("2023 itu 2,4 juta. Dan di 2024 itu
                # 3,4 juta"; "Kota Samarinda 45.773 unit, kemudian Kota Balikpapan 39.196 unit")
                ctype = prev_claim["claim_type"]
            elif not by_cue and ctype == "other" and metric == "umkm_onboarded_digital":
                ctype = "achievement"
            if ctype == "other" and not earlier and \
                    status_count(metric, unit, st[max(0, own.start - 40):rs], st[re_:own.end]):
                ctype = "achievement"  # R10: businesses with a digital status are counted as a result, whatever the cue
            if in_list and ctype in ("achievement", "other") and not STRONG_REALIZED.search(st[own.start:rs]):
                ctype = "target"  # an item of a list of targets: "Pertama, 70 ribu pedagang pasar memakai QRIS."
            if ctype != "target" and _restates_target(value, unit, st, rs, re_, day, candidates):
                ctype = "target"  # "Satu juta UKM online tahun depan itu realistis": the target stated before (R7)
            if metric is None and not not_a_reach(unit, st[own.start:rs].lower(), subject.lower()):
                # the clause names no metric: the article's running metric, then the rest of the sentence
                metric = _metric_from_context(candidates, unit, ctype, para, st[own.start:own.end]) or \
                    _metric(sent_low, unit, subject.lower())
            metric = metric_by_role(metric, ctype, unit, st[own.start:rs].lower(), sent_low, re_)
            tyear = None
            if ctype == "target":
                per_period = per_unit_rate(st, rs, re_)
                tyear = _target_year(st, rs, re_, day)
                if per_period:
                    tyear = None  # R3: a rate or quota per unit of time, event or person has no deadline
                back = re.match(r"[^\d“”\"]{0,70}?\b(?:target|sasaran)\s+(?:itu|tersebut)\b[^.;]*", st[re_:], re.I)
                if tyear is None and back:
                    # "Porsi BRI Rp 67,5 triliun. Kami yakin bisa melebihi target itu tahun ini": the year of the
                    # sentence that names the figure a target
                    tyear = _target_year_in(back.group(0), 0, 0, day)
                if tyear is None and not per_period:
                    if inherited is not None:
                        tyear = inherited.get("target_year")
                    elif before_sent is not None and para_of(before_sent.start_char) == para and \
                            not SEQUENCE_FRAME.search(st[own.start:own.end]) and \
                            not re.search(r"\b(?:akan|bakal)\s+(?:\w+\s+)?me[a-z]{3,}\b", st[max(0, rs - 60):rs], re.I):
                        # R2: a year of the previous sentence only when this one continues its plan; a new plan
                        # of its own ("akan menyasar ...") carries no year from elsewhere
                        pt = sent_text(before_sent)
                        tyear = _target_year(pt, len(pt), len(pt), day)
                if tyear is None and in_list:
                    tyear = list_header[1]  # the year of the header that announced the list
                if not per_period and not in_list:
                    # R4: a remainder put under an obligation takes the deadline of the target it remains to
                    ref = remainder_target(value, unit, st[:rs] + st[re_:], [c for c, _, _ in candidates],
                                           remainder_word=bool(REMAINDER.search(st[own.start:rs])),
                                           sentence_start=sent.start_char)
                    tyear = remainder_year(st[own.start:own.end], _target_year(st, rs, re_, day), ref, tyear)
            restated = _restated(value, q, ctype, tyear, candidates, st[own.start:own.end]) \
                if back_reference(q, st[re_:]) else None
            if restated is True or (restated is not None and restated["speaker"] is not None):
                # "target 30 juta itu" after a headline, "Dari 27 juta itu" after the minister's figure: the figure
                # stated before, named again; its first statement keeps the speaker of the source (R7)
                continue
            if restated is not None:
                # "Dari 40 persen itu, ...": the same fact as the claim it points back to
                ctype, tyear, unit = restated["claim_type"], restated["target_year"], restated["unit"] or unit
            as_of = _as_of(st, rs, day) if ctype != "target" else None
            if as_of is None and ctype != "target" and inherited is not None:
                as_of = inherited.get("as_of")  # "Angka itu setara 21 persen": as of the figure it refers to
            if as_of and day is not None and int(as_of[:4]) > day.year:
                as_of = None  # a figure cannot be "as of" a later year than the statement
            program, program_id = None, None
            pe = min(prog_ents, key=lambda e: abs(e.start_char - sent.start_char - rs)) if prog_ents else None
            if pe is None and known_program is not None and para - known_program[1] <= 1:
                pe = known_program[0]  # the programme the paragraph (or the one before) is about
            if pe is not None:
                program_id = pe.ent_id_.split(":", 1)[1] if pe.ent_id_.startswith("prog:") else None
                program = _program_name(program_id) or pe.text
            elif named_here:
                program = min(named_here, key=lambda n: abs(n[0] - rs))[2].name  # a programme the article names
            attr = sentence_attr.at(rs)  # "A mengatakan ..., sementara B menyebut ...": the figure's own clause
            person = attr.person
            scope = scope_of(st, rs, re_, entities=ent_keys, program_id=program_id,
                             program_kind=_program_kind(program_id), unit=unit, metric=metric,
                             speaker_office=office_of(attr, ctx), inst_type=_institution_type,
                             earlier=text[max(0, sent.start_char - 800):sent.start_char], article=art_scope,
                             recent_named=recent_named)
            firm_type = firm_money_type(ctype, scope.scope, _program_kind(program_id), st, rs, text)
            if firm_type != ctype:  # a firm's own money (FORMAT.md second batch): its result or its plan
                ctype, tyear = firm_type, (_target_year(st, rs, re_, day) if firm_type == "target" else None)
            evidence = claim_evidence(by_cue=by_cue, attribution=attr.kind, unit=unit,
                                      scaled=bool(q.has_scale or q.unit), metric=metric, claim_type=ctype,
                                      scope=scope.scope, words=q.is_words, crowded=figures_in_sentence > 1)
            claim = {
                "article_id": article.get("id"),
                "claim_type": ctype,
                "subject": subject,
                "metric": metric,
                "value": value,
                "value_max": q.value_max,
                "unit": unit,
                "qualifier": q.qualifier,
                "value_text": q.text,
                "target_year": tyear,
                "as_of": as_of,
                "stated_on": day.isoformat() if day else None,
                "speaker": person.name if person else None,
                "speaker_title": person.title if person else None,
                "organization": (person.organization if person else attr.organization),
                "program": program,
                "quote": st,
                "char_start": sent.start_char,
                "char_end": sent.end_char,
                "confidence": confidence_of(evidence),
                "_evidence": evidence,
                "person_id": person.person_id if person else None,
                "institution_id": (person.institution_id if person else attr.institution_id),
                "program_id": program_id,
                "scope": scope.scope,
                "scope_name": scope.name,
                "source_kind": source_kind,
            }
            claim["_person"] = person
            claim["_lede"] = attr.person is None and attr.kind not in ("question", "narration") and (first_speaker is None or sent.start_char < first_speaker[2])
            claim["_para"] = para
            rank = restatement_rank(attr, st, sent.start_char)  # R7: which statement of a restated fact is kept
            candidates.append((claim, rank, q))
            prev_claim = claim
    if first_speaker is not None:
        # lede narration before the first named speaker: the figures are the speaker's when he or she is introduced
        # right after (same institution or no other source named)
        person, fpara, _ = first_speaker
        lede_para = min((c["_para"] for c, _, _ in candidates), default=None)
        for claim, _, _ in candidates:
            if claim["_lede"] and claim["speaker"] is None and fpara - claim["_para"] <= 2 and \
                    claim["institution_id"] in (None, person.institution_id) and \
                    lede_restated_by(claim, person, entries, claim["institution_id"], claim["_para"] == lede_para):
                claim["_person"] = person
    for claim, _, _ in candidates:
        claim.pop("_lede", None)
        claim.pop("_para", None)
        person = claim.pop("_person")
        if person is not None:
            # the name as settled by the whole article ("Bank Nusantara Lestari Widjaja" -> "Lestari Widjaja" once
            # she is called "Lestari")
            claim.update(speaker=person.name, speaker_title=person.title, organization=person.organization,
                         person_id=person.person_id, institution_id=person.institution_id)
    restated = restated_word_shares(candidates)
    claims = _dedupe([c for i, c in enumerate(candidates) if i not in restated])
    for c in claims:
        # quote must be verbatim: trim surrounding whitespace
        qs, qe = c["char_start"], c["char_end"]
        seg = text[qs:qe]
        lead = len(seg) - len(seg.lstrip())
        c["char_start"], c["char_end"] = qs + lead, qs + lead + len(seg.strip())
        c["quote"] = text[c["char_start"]:c["char_end"]]
        evidence = c.pop("_evidence", None)
        if with_evidence:
            c["evidence"] = list(evidence or ())
        c["claim_id"] = claim_id(c["article_id"], c["value"], c["unit"], c["claim_type"], c["char_start"])
    return claims
