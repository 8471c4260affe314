"""Attribution: who states the figures of each sentence (quotes, said-verbs, "Menurut X", pronouns, carry-over)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
import re

from extract.claims.filters import _lowercase_figure_phrase
from extract.claims.gaz import _gaz, _inst_matcher, resolve_institution
from extract.claims.lexicon import (ME_VERBS, SUBJECT_ADVERBS, TITLE_HEADS, _SAID_VERB_AFTER, _TITLE_HEAD_RE, alternation,
                                    lexicon)
from extract.claims.mentions import common_word, name_inside_description
from extract.claims.people import (_DOC_TEXT, ORG_NAME_HEADS, Ctx, Person, _known_name_at, _person_for_title,
                                   _person_from_ent, _rule_name_after, _rule_name_before, bare_name_after, sent_text,
                                   sentences)


PRONOUNS = re.compile(r"^(?:\W*)(?:Ia|Dia|Beliau)\b|\b(?=[idbmk])(?:(?:ia|dia|beliau)\s+(?:juga\s+|pun\s+|lalu\s+|kemudian\s+)?"
                      rf"(?:{ME_VERBS}|mengatakan)\b|Menurut(?:nya|\s+(?:dia|ia|beliau))\b|kata\s+(?:dia|ia|beliau)\b)",
                      re.IGNORECASE)  # (the word boundary and the letters the last three forms start with, tested once)


# verbs whose subject is the speaker: saying and reporting, and wishing or setting a goal ("X mematok sasaran ...")
_SUBJECT_VERB_RE = re.compile(rf"\b(?:{ME_VERBS}|{alternation('speech', 'wish_goal_verbs')})(?:nya)?\b", re.IGNORECASE)
# titles without a name: after a said-verb ('..." kata Menteri Koperasi dan UKM'), before a verb ("Menkop UKM tersebut
# menjelaskan"), "pejabat tersebut"
_TITLE_AFTER_VERB = re.compile(rf"\s+(?P<t>(?:{TITLE_HEADS})[\w\s&]*?)\s*(?:[,.]|$|\s+(?:saat|dalam|di|kepada|usai|ketika|seusai)\b)")
_TITLE_BEFORE_VERB = re.compile(rf"\b(?P<t>(?:{TITLE_HEADS})[\w\s&]*?)\s+(?:tersebut\s+|itu\s+)?{SUBJECT_ADVERBS}$")
_TITLE_TERSEBUT = re.compile(rf"\b(?P<t>(?:{TITLE_HEADS})[\w\s&]*?)\s+tersebut\b")
OPENING_PRONOUN_SOURCE = re.compile(r"^\W*(?:Menurut(?:nya|\s+(?:dia|ia|beliau))|Kata(?:nya|\s+(?:dia|ia|beliau)))\b")
QA_LABEL = re.compile(r"^\s*([A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,2})\s*:\s+\S")
CITING_OPENER = re.compile(r"^\W*(?:Mengutip|Merujuk)\b")
NICKNAME_AFTER_VERB = re.compile(r"\s+(?:[a-z]+\s+){0,3}?yang\s+(?:akrab\s+|biasa\s+|kerap\s+)?(?:disapa|dipanggil)\s+"
                                 r"(?P<alias>[A-Z][\w'’-]+)")


# passive reporting ("hal itu disampaikan (oleh) ..."), "Menurut X" (not "menurut dia"), a data source ("Berdasarkan data
# X"). Compiled once; the first two open with their first letter and a look-behind for the word boundary, so that
# ``re`` can skip to that letter instead of trying the pattern at every position (the same matches as "\b...")
PASSIVE_REPORTING = re.compile(r"d(?<!\wd)i(?:sampaikan|ungkapkan|katakan|jelaskan|paparkan|tegaskan|utarakan)\s+"
                               r"(?:oleh\s+)?")
MENURUT_NAMED = re.compile(r"[Mm](?<!\w[Mm])enurut\s+(?!(?:dia|ia|beliau)\b)")
DATA_SOURCE = re.compile(r"\b(?=[bmdlrsch])(?:berdasarkan|menurut|merujuk|mengutip|mengacu|dikutip\s+dari|data|laporan|riset|"
                         r"survei|studi|catatan|hasil)\s+(?:pada\s+|ke\s+)?(?:data\s+|laporan\s+|riset\s+|survei\s+|"
                         r"studi\s+)?", re.IGNORECASE)


@dataclass
class Attribution:
    person: Person | None = None
    organization: str | None = None
    institution_id: str | None = None
    kind: str = "none"  # quote | explicit | pronoun | carry | org | none (discourse.py adds question | narration
    # | description)
    strength: int = 0
    surface: str | None = None  # the institution as written ("BI Lampung"), to compare with the speaker's office
    # a later clause with a speaker of its own ("A mengatakan ..., sementara B menyebut ..."): (offset in the
    # sentence where it opens, its attribution)
    clauses: tuple = ()

    def at(self, offset: int) -> "Attribution":
        """The attribution of the figure at ``offset`` (in the sentence): the last clause opened before it."""
        found = self
        for start, attr in self.clauses:
            if start <= offset:
                found = attr
        return found


_SENT_ENTS: dict = {}  # (id(doc), sentence start) -> entities, filled once per article by _index_ents


def _index_ents(doc, text: str) -> None:
    """Entities per sentence, computed once (``Span.ents`` rebuilds every entity of the document on each call), and
    the text the document was made from, kept with it for ``sent_text`` (``doc.text`` rebuilds it from the tokens;
    spaCy's tokenisation is non-destructive, so both are the same string)."""
    import bisect

    _SENT_ENTS.clear()
    doc.user_data[_DOC_TEXT] = text
    starts = [s.start for s in sentences(doc)]
    by = {st: [] for st in starts}
    for e in doc.ents:
        k = bisect.bisect_right(starts, e.start) - 1
        if k >= 0:
            by[starts[k]].append(e)
    for span in _aged_names(doc):
        k = bisect.bisect_right(starts, span.start) - 1
        if k >= 0 and not any(e.start < span.end and span.start < e.end for e in by[starts[k]]):
            by[starts[k]].append(span)
    for span, whole in _honorific_names(doc):
        k = bisect.bisect_right(starts, span.start) - 1
        if k >= 0 and not any(e.label_ == "PER" and e.start <= span.start and span.end <= e.end for e in by[starts[k]]):
            # the NER reads "Drs. H. Samsul Ma'arif, M.Si." as an organisation (or a part of it as a person)
            by[starts[k]] = [e for e in by[starts[k]] if not (e.start < whole[1] and whole[0] < e.end)] + [span]
    for st, ents in by.items():
        _SENT_ENTS[(id(doc), st)] = sorted(ents, key=lambda e: e.start)


# a name followed by an age in brackets ("Hasnah (52), pedagang ...", "Tangan Ni Made Sukerti (46) ..."): a person
# whatever the statistical NER says; a Balinese "I"/"Ni" opens the name
AGED_NAME = re.compile(r"(?P<name>(?:(?:I|Ni)[^\S\n]+)?(?:[A-Z][a-z'’]+[^\S\n]+){0,3}[A-Z][a-z'’]+)[^\S\n]*"
                       r"\(\s*\d{1,2}\s*(?:th|thn|tahun)?\s*\)")


# the bracketed age AGED_NAME ends with: an article without one has no aged name, and the name pattern (which tries
# every capitalised word) need not run
_AGE_IN_BRACKETS = re.compile(r"\(\s*\d{1,2}\s*(?:th|thn|tahun)?\s*\)")


def _aged_names(doc) -> list:
    from extract.claims.people import ORG_NAME_HEADS, _NAME_STOPWORDS

    spans = []
    text = doc.user_data[_DOC_TEXT]
    if not _AGE_IN_BRACKETS.search(text):
        return spans
    for m in AGED_NAME.finditer(text):
        start = m.start("name")
        bal = re.search(r"(?<![\w-])(?:I|Ni)\s+(?=[A-Z])", m.group("name"))
        if bal:
            start += bal.start()  # "Tangan Ni Made Sukerti": the name opens with the Balinese prefix
        words = text[start:m.end("name")].split()
        if any(w.lower() in _NAME_STOPWORDS or w.lower() in ORG_NAME_HEADS for w in words):
            continue  # a place or an institution, not a person
        span = doc.char_span(start, m.end("name"), label="PER", alignment_mode="strict")
        if span is not None:
            spans.append(span)
    return spans


# a name after academic or religious honorifics ("Drs. H. Samsul Ma'arif, M.Si.", "Ir. Darwin Sitompul"): a person
# whatever the statistical NER says; the honorifics and degrees are no part of the name
HONORIFIC_NAME = re.compile(rf"(?<![\w.])(?:(?:{alternation('speech', 'honorifics')})\.[^\S\n]*)+"
                            r"(?P<name>[A-Z][a-z'’]+(?:[^\S\n]+[A-Z][a-z'’]+){0,3})(?![\w'’])")
# academic degrees after a name (", M.Si.", ", S.E., M.M.", ", Ph.D.")
DEGREES = re.compile(r"(?:,[^\S\n]*(?:[A-Z][A-Za-z]{0,3}\.){1,4}(?:[A-Z][a-z]{0,3}\b\.?)?)+")
_HONORIFIC_CUE = re.compile(rf"(?<![\w.])(?:{alternation('speech', 'honorifics')})\.")


def _honorific_names(doc) -> list:
    """(person span, (first, end) token range of the whole honorific name) for every honorific name."""
    from extract.claims.people import _NAME_STOPWORDS

    text = doc.user_data[_DOC_TEXT]
    found = []
    if not _HONORIFIC_CUE.search(text):
        return found
    for m in HONORIFIC_NAME.finditer(text):
        words = m.group("name").split()
        if any(w.lower() in _NAME_STOPWORDS or w.lower() in ORG_NAME_HEADS for w in words):
            continue
        span = doc.char_span(m.start("name"), m.end("name"), label="PER", alignment_mode="expand")
        whole = doc.char_span(m.start(), m.end("name"), alignment_mode="expand")
        if span is not None and whole is not None:
            found.append((span, (whole.start, whole.end)))
    return found


def _sent_ents(sent):
    got = _SENT_ENTS.get((id(sent.doc), sent.start))
    return got if got is not None else list(sent.ents)


def _ents(sent, labels):
    return [e for e in _sent_ents(sent) if e.label_ in labels and e.end <= sent.end]


# a place noun or "di" right before a "person" makes it a place ("Kota Bima", "di Bima"), whatever the gazetteer of
# people lists as a short name
PLACE_BEFORE = re.compile(r"(?:\b(?:Kota|Kabupaten|Kab\.|Provinsi|Kecamatan|Kelurahan|Desa|Pulau|di))[^\S\n]+\Z")


def _valid_person_ent(e) -> bool:
    t = e.text.strip()
    whole = e.doc.user_data.get(_DOC_TEXT)
    if whole is not None and PLACE_BEFORE.search(whole, max(0, e.start_char - 12), e.start_char):
        return False
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t) and not any(c.isdigit() for c in t) \
        and t.lower() not in {"menurut", "ia", "dia", "kami", "saya", "pak", "bu", "ibu"} \
        and not any(w.lower() in ORG_NAME_HEADS for w in t.split()) \
        and not _tail_of_org_name(e) \
        and not (whole is not None and _bracketed_short_name(t, whole)) \
        and not (whole is not None and _ordinary_word_opening(e, t, whole))  # "Forum Humas ...", "Direktorat Jenderal
    # Pajak", "Disdagkop UKM" of "Dinas Perdagangan, Koperasi, dan UKM (Disdagkop UKM)": an organisation, not a person


_CLAUSE_OPENERS = {str(w) for w in lexicon("speech")["clause_openers"]}
# what may stand right before a word that opens a sentence or follows a dateline ("BANDAR LAMPUNG - Saat ...")
_OPENING_BEFORE = re.compile(r"(?:^|[.!?\n]|\s[-—–])[^\S\n]*\Z")


def _ordinary_word_opening(e, word: str, text: str) -> bool:
    """A one-word "person" that opens a sentence or follows a dateline and that the article also writes in lowercase
    ("Saat berkampanye ..., calon gubernur X menjanjikan ..."): an ordinary word, not a name."""
    return " " not in word and _OPENING_BEFORE.search(text, max(0, e.start_char - 4), e.start_char) is not None \
        and (word.lower() in _CLAUSE_OPENERS or common_word(word, text))


def _bracketed_short_name(word: str, text: str) -> bool:
    """The article introduces the word as an organisation's short name: it opens a bracket right after a name with an
    institution word ("Dinas Perdagangan, Koperasi, dan UKM (Disdagkop UKM) Kulonprogo mencatat ...")."""
    if f"({word}" not in text:
        return False
    return _short_name_of_org(word, text)


@lru_cache(maxsize=4096)
def _short_name_of_org(word: str, text: str) -> bool:
    for m in re.finditer(rf"\(\s*{re.escape(word)}\b[^()\n]{{0,20}}\)", text):
        before = text[max(0, m.start() - 80):m.start()].lower()
        if any(re.search(rf"\b{re.escape(h)}\b", before) for h in ORG_NAME_HEADS):
            return True
    return False


def _tail_of_org_name(e) -> bool:
    """A one-word "person" that ends a run of capitalised words opened by an institution word ("Direktorat
    Jenderal Pajak mencatat ..."): the last word of the organisation's name."""
    if e.end - e.start != 1:
        return False
    doc, i, first = e.doc, e.start, None
    while i > 0 and e.start - i < 5 and doc[i - 1].text[:1].isupper():  # tokens, not doc.text (rebuilt per call)
        i -= 1
        first = doc[i].lower_
    return first in ORG_NAME_HEADS


def _named_after_title(after: list, text: str, s0: int, pos: int):
    """The person among the names after a said-verb: in "kata Direktur Koperasi Kredit Nusa Indah, Agustina Wele"
    the first "name" ends the title (an organisation the NER read as a person) and the one set off by a comma is
    the speaker."""
    first = after[0]
    if len(after) >= 2 and re.fullmatch(r"\s*,\s*", text[first.end_char - s0:after[1].start_char - s0]) and \
            _TITLE_HEAD_RE.search(text[pos:first.start_char - s0]):
        return after[1]
    k = 0
    while k + 1 < len(after) and _TITLE_HEAD_RE.search(text[pos:first.start_char - s0]) and (
            LIST_ITEM_AFTER.match(text, after[k].end_char - s0) or
            re.search(r"\b(?:dan|serta|&)\s*$", text[pos:after[k].start_char - s0])):
        k += 1  # "kata Ketua Asosiasi ... Tenun Ikat, Sarung, dan Songket NTT, Yosefina ...": a list in the title
    return after[k]


def _antecedent(ctx: Ctx) -> Person | None:
    """Who "ia", "dia" and "ujarnya" refer to: the person the latest sentences are about, else the last speaker."""
    return ctx.focus or ctx.last_speaker or ctx.last_mentioned


def attribute_sentence(sent, ctx: Ctx) -> Attribution:
    """Explicit attribution of one sentence (no carry-over)."""
    text = sent_text(sent)
    s0 = sent.start_char
    pers = [e for e in _ents(sent, {"PER"}) if _valid_person_ent(e)]

    # Q. an interview transcript: "Helvi: Per September 2025 tercatat ..." (the interviewer's label is in capitals)
    qa = QA_LABEL.match(text)
    if qa:
        known = _known_name_at(text, qa.start(1), ctx)
        if known is not None:
            return Attribution(person=known, kind="quote", strength=4)

    # A. quote/said-verb followed by a name: '..." kata Menteri X, Teten Masduki'
    for m in _SAID_VERB_AFTER.finditer(text):
        if m.group("nya"):
            # "ujarnya": the name is the last speaker unless a name follows the verb anyway
            if _antecedent(ctx) and _quoteish(text, m.start()):
                return Attribution(person=_antecedent(ctx), kind="quote" if _has_quote(text) else "pronoun",
                                   strength=3)
            continue
        alias = NICKNAME_AFTER_VERB.match(text, m.end())
        if alias and _quoteish(text, m.start()) and ctx.last_speaker is not None:
            # '..." kata pria yang akrab disapa Emil itu': a description and nickname of the person speaking
            ctx.persons[alias.group("alias")] = ctx.last_speaker
            return Attribution(person=ctx.last_speaker, kind="quote" if _has_quote(text) else "explicit", strength=4)
        after = [e for e in pers if e.start_char - s0 >= m.end() and e.start_char - s0 - m.end() <= 110
                 and "." not in _HONORIFIC_CUE.sub("", text[m.end():e.start_char - s0])]
        if after and _quoteish(text, m.start()):
            e = _named_after_title(after, text, s0, m.end())
            if re.match(r"\s*,\s*(?:sapaan|panggilan|akrab\s+disapa)\b", text[e.end_char - s0:], re.I) and ctx.persons:
                # '"...," kata Ani, sapaan akrabnya': a nickname of the person named before
                named = [p for p in ctx.persons.values() if e.text.lower() not in p.name.lower().split()]
                if named:
                    # the article's protagonist (first named) unless someone was already speaking
                    person = ctx.last_speaker if ctx.last_speaker in named else named[0]
                    ctx.persons[e.text.strip()] = person  # later "Ani" mentions are the same person
                    return Attribution(person=person, kind="quote" if _has_quote(text) else "explicit", strength=4)
            return Attribution(person=_person_from_ent(e, sent, ctx),
                               kind="quote" if _has_quote(text) else "explicit", strength=4)
        if re.match(r"\s+(?:dia|ia|beliau)\b", text[m.end():], re.I) and _antecedent(ctx):
            return Attribution(person=_antecedent(ctx), kind="pronoun", strength=3)
        orgs_after = [e for e in _ents(sent, {"ORG"}) if 0 <= e.start_char - s0 - m.end() <= 3]
        known = _known_name_at(text, m.end(), ctx) if orgs_after else None
        if known and _quoteish(text, m.start()):
            # '..." ujar Budiharto' where the NER read the surname of a person named before as an organisation
            return Attribution(person=known, kind="quote" if _has_quote(text) else "explicit", strength=4)
        if orgs_after and _quoteish(text, m.start()):
            return _org_attr(orgs_after[0], ctx.day)  # '..." tulis Kemenkop UKM dalam keterangannya'
        tm = _TITLE_AFTER_VERB.match(text[m.end():])
        if tm and _quoteish(text, m.start()) and m.group("v").lower() not in ("aku", "jawab"):
            p = _person_for_title(tm.group("t"), ctx)
            if p:
                return Attribution(person=p, kind="quote" if _has_quote(text) else "explicit", strength=3)
        known = _known_name_at(text, m.end(), ctx)
        if known and _quoteish(text, m.start()):
            return Attribution(person=known, kind="quote" if _has_quote(text) else "explicit", strength=4)
        titled = (_rule_name_after(text, m.end(), ctx) or _comma_name_after_title(text, m.end(), ctx)) \
            if _quoteish(text, m.start()) else None
        if titled is not None:
            # '..." kata Direktur Enterprise and Business Service Telkom Rizal Fauzan': a name the NER missed
            return Attribution(person=titled, kind="quote" if _has_quote(text) else "explicit", strength=4)
        bare = bare_name_after(text, m.end(), ctx) if _has_quote(text[:m.start()]) else None
        if bare is not None:
            return Attribution(person=bare, kind="quote", strength=4)

    # A2. passive reporting: "hal itu disampaikan (oleh) Kepala BPS Margo Yuwono"
    for m in PASSIVE_REPORTING.finditer(text):
        after = [e for e in pers if 0 <= e.start_char - s0 - m.end() <= 90
                 and "." not in text[m.end():e.start_char - s0]]
        if after:
            e = _named_after_title(after, text, s0, m.end())
            return Attribution(person=_person_from_ent(e, sent, ctx), kind="explicit", strength=4)

    # C0. "Menurut dia, ... Menteri X meminta ...": the sentence is the antecedent's account of what X did
    if OPENING_PRONOUN_SOURCE.match(text) and _antecedent(ctx):
        return Attribution(person=_antecedent(ctx), kind="pronoun", strength=3)

    # C. Menurut X
    # "Menurut dia, ...": a pronoun (D), whoever is named
    m = MENURUT_NAMED.search(text)
    if m:
        after = [e for e in pers if 0 <= e.start_char - s0 - m.end() <= 90
                 and not re.search(r"[.]", text[m.end():e.start_char - s0])]
        if after:
            e = _named_after_title(after, text, s0, m.end())
            return Attribution(person=_person_from_ent(e, sent, ctx), kind="explicit", strength=4)
        known = _known_name_at(text, m.end(), ctx)
        if known:
            return Attribution(person=known, kind="explicit", strength=4)
        org = _org_after(text, m.end(), ctx.day)
        if org:
            return org

    # B. X (title) mengatakan
    for v in _SUBJECT_VERB_RE.finditer(text):
        before = [e for e in pers if e.end_char - s0 <= v.start() and v.start() - (e.end_char - s0) <= 120
                  and not name_inside_description(text, e.start_char - s0, e.end_char - s0)]
        if before:
            e = _subject_before_appositive(before, text, s0, v.start())
            gap = DEGREES.sub("", text[e.end_char - s0:v.start()])  # ", M.Si., mengatakan": degrees, not a clause
            subject_relative = re.fullmatch(r"\s+yang\s+[^,.;]{3,60}?\s*", gap) and (
                e.start_char - s0 <= 2 or _TITLE_HEAD_RE.search(text[max(0, e.start_char - s0 - 80):e.start_char - s0]))
            if (subject_relative or not re.search(r"[.;]|(?<!, )\byang\b|\b(?:bahwa|karena)\b", gap)) and gap.count(",") <= 3:
                return Attribution(person=_person_from_ent(e, sent, ctx), kind="explicit", strength=4)
        # a titled name the statistical NER missed ("Kepala Dinas ... Elisabeth Ratu Rante Allo di Jakarta, Rabu, mengatakan")
        if not before:
            p = _name_then_role_before(text, v.start(), ctx) or _rule_name_before(text, v.start(), ctx) or \
                _appositive_name_before(text, v.start(), ctx)
            if p:
                return Attribution(person=p, kind="explicit", strength=4)
        # title without a name ("Menteri Koperasi dan UKM menyatakan", "Menkop UKM tersebut menjelaskan")
        seg = text[max(0, v.start() - 120):v.start()]
        tm = _TITLE_BEFORE_VERB.search(seg)
        if tm:
            p = _person_for_title(tm.group("t"), ctx)
            if p:
                return Attribution(person=p, kind="explicit", strength=3)
        # institution as the subject: "Kementerian Kominfo menyebutkan ..."
        orgs = [e for e in _ents(sent, {"ORG"}) if e.end_char - s0 <= v.start() and v.start() - (e.end_char - s0) <= 40]
        if orgs and not re.search(r"[.;,]", text[orgs[-1].end_char - s0:v.start()]):
            return _org_attr(orgs[-1], ctx.day)
        if re.search(r"\b(?:ia|dia|beliau)\s+(?:\w+\s+)?$", text[max(0, v.start() - 25):v.start()], re.I) \
                and _antecedent(ctx):
            return Attribution(person=_antecedent(ctx), kind="pronoun", strength=3)

    # D. pronouns and "tersebut" titles
    if _antecedent(ctx) and PRONOUNS.search(text):
        return Attribution(person=_antecedent(ctx), kind="pronoun", strength=3)
    tm = _TITLE_TERSEBUT.search(text) if "tersebut" in text else None  # the pattern ends with the word
    if tm:
        p = _person_for_title(tm.group("t"), ctx)
        if p:
            return Attribution(person=p, kind="pronoun", strength=3)

    # G. data sources: "Berdasarkan data X", "data X menunjukkan", "X mencatat"
    if CITING_OPENER.match(text) and (ctx.author or ctx.last_speaker) is not None:
        return Attribution(person=ctx.author or ctx.last_speaker, kind="carry", strength=1)  # "Mengutip survei APJII, ...": the
        # speaker of the account cites it (the subject of "mengutip" is left out)
    m = DATA_SOURCE.search(text)
    if m:
        org = _org_after(text, m.end(), ctx.day)
        if org:
            return org
    return Attribution()


# what stands between a named subject and its verb when a role follows the name: "Ahmad Fauzan, Ketua Dewan Pimpinan
# ... (HIMKI) Jepara, menyebut", "Nur Kholis (41), pemilik CV Ukir Sejati di Desa ..., mengaku"
# a role set off by commas may end with the place's province after a comma of its own ("perajin batik di Pekalongan,
# Jawa Tengah,")
_ROLE = r"[^,.;“”\"]{3,160}?(?:,\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?"
APPOSITIVE_GAP = re.compile(r"\s*(?:\(\s*\d{1,2}\s*\w*\s*\))?\s*,\s*(?P<role>" + _ROLE + r")\s*,\s*"
                            r"(?:juga\s+|pun\s+|lebih\s+lanjut\s+)?")


def _subject_before_appositive(before: list, text: str, s0: int, verb_at: int):
    """The subject among the names before a verb: the last one, unless an earlier name is followed by a role set off
    by commas (a description or a titled office) that runs up to the verb: then the names inside that role are part
    of an organisation's name the NER read as a person."""
    for cand in before[:-1]:
        m = APPOSITIVE_GAP.fullmatch(DEGREES.sub("", text[cand.end_char - s0:verb_at]))
        if m and (m.group("role")[0].islower() or _TITLE_HEAD_RE.match(m.group("role"))):
            return cand
    return before[-1]


# a name opening the sentence, or after a short opener ("Salah satu perajin, Nur Kholis ...")
# a one-word name ("Painem, pedagang sayur di ..., mengaku") only before a description of a person or a title
_ONE_NAME_OPENING = re.compile(rf"^\W*(?P<name>[A-Z][a-z'’]{{2,}})(?=\s*(?:\(\s*\d{{1,2}}\s*\w*\s*\))?\s*,\s*"
                               rf"(?i:{alternation('speech', 'person_description_heads')}|{TITLE_HEADS})\b)")
_ONE_NAME_AFTER_OPENER = re.compile(r"^\W*[^,“”\"]{0,40},\s*" + _ONE_NAME_OPENING.pattern[len("^\\W*"):])
NAME_OPENING = (re.compile(r"^\W*(?P<name>(?:[A-Z][a-z'’]+[^\S\n]+){1,3}[A-Z][a-z'’]+)"), _ONE_NAME_OPENING,
                re.compile(r"^\W*[^,“”\"]{0,40},\s*(?P<name>(?:[A-Z][a-z'’]+[^\S\n]+){1,3}[A-Z][a-z'’]+)"),
                _ONE_NAME_AFTER_OPENER)  # "Salah satu pelaku UMKM, Wahyuni, perajin batik ..., mengaku"


ROLE_THEN_VERB = re.compile(r"\s*(?:\(\s*\d{1,2}\s*\w*\s*\))?\s*,\s*" + _ROLE + r"\s*,\s*"
                            r"(?:juga\s+|pun\s+)?(?=[a-z])")


def name_with_role_opening(text: str, ctx: Ctx) -> Person | None:
    """"Yosef Ndun, perajin tenun di Oebobo, juga merasakan ...": the subject of a sentence without a said-verb, a
    name the NER missed followed by its role in commas."""
    for opening in NAME_OPENING:
        m = opening.match(text)
        gap = m and ROLE_THEN_VERB.match(text, m.end("name"))
        if gap and not re.match(r"\s*,\s*yang\b", text[m.end("name"):]):  # ", yang menghadirkan ...": a thing
            return _name_then_role_before(text, gap.end(), ctx)
    return None


def _name_then_role_before(text: str, pos: int, ctx: Ctx) -> Person | None:
    """"Ahmad Fauzan, Ketua Dewan Pimpinan ... Jepara, menyebut ...": a name the NER missed that opens the sentence,
    followed by its role set off by commas up to the verb."""
    from extract.claims.people import _NAME_STOPWORDS, _is_region, drop_party_and_address

    for opening in NAME_OPENING:
        m = opening.match(text)
        if not m or m.end("name") >= pos:
            continue
        gap = APPOSITIVE_GAP.fullmatch(DEGREES.sub("", text[m.end("name"):pos]))
        if not gap or not (gap.group("role")[0].islower() or _TITLE_HEAD_RE.match(gap.group("role"))):
            continue
        words = m.group("name").split()
        if any(w.lower() in _NAME_STOPWORDS or w.lower() in ORG_NAME_HEADS or _TITLE_HEAD_RE.fullmatch(w) or
               _is_region(w) for w in words):
            continue  # "Papua Pegunungan, provinsi baru, mencatat ...": a place
        if len(words) == 1 and common_word(words[0], ctx.text):
            continue  # "Kini, pedagang di pasar itu, mengaku ...": a connective, not a one-word name
        name = " ".join(drop_party_and_address(words))  # "Mama Yosina Ayomi, penjual noken ...": Yosina Ayomi
        person = ctx.persons.get(name) or Person(name=name, title=gap.group("role").strip()[:80])
        ctx.persons[name] = person
        return person
    return None


COMMA_NAME_AFTER_TITLE = re.compile(rf"\s+(?P<title>(?:{TITLE_HEADS})[^,.“”\"\n]{{0,120}}),\s*"
                                    r"(?P<name>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,3})\s*(?:[,.]|$)")


# a title whose organisation's name holds a list ("Tenun Ikat, Sarung, dan Songket ..."): commas inside the title
COMMA_NAME_AFTER_LONG_TITLE = re.compile(rf"\s+(?P<title>(?:{TITLE_HEADS})[^.“”\"\n]{{0,160}}),\s*"
                                         r"(?P<name>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){1,3})\s*(?=[,.]|$)")
# what follows an item of a list ("Sarung, dan Songket", "Sarung, Songket, dan ...")
LIST_ITEM_AFTER = re.compile(r"(?:\s*,\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*\s*,?\s*(?:dan|serta|&)\s+[A-Z]")


def _comma_name_after_title(text: str, pos: int, ctx: Ctx) -> Person | None:
    """'..." ujar Kepala Bidang UMKM Dinas Koperasi Kota Bima, Nurhaidah, ...': a role, then the name after a
    comma (also a one-word name the NER missed)."""
    m = COMMA_NAME_AFTER_TITLE.match(text, pos)
    if m and LIST_ITEM_AFTER.match(text, m.end("name")):
        # "Ketua Asosiasi Pengrajin Tenun Ikat, Sarung, dan Songket NTT, Yosefina Bria Seran": a list inside the title
        m = next((c for c in COMMA_NAME_AFTER_LONG_TITLE.finditer(text, pos) if c.start() == pos and
                  not LIST_ITEM_AFTER.match(text, c.end("name"))), None)
    if not m:
        return None
    from extract.claims.people import _NAME_STOPWORDS, _is_region

    words = m.group("name").split()
    if any(w.lower() in _NAME_STOPWORDS or w.lower() in ORG_NAME_HEADS or _is_region(w) or _TITLE_HEAD_RE.fullmatch(w)
           for w in words):
        return None
    name = " ".join(words)
    known = _known_name_at(name, 0, ctx)
    if known is not None:
        return known
    person = Person(name=name, title=m.group("title").strip())
    ctx.persons[name] = person
    return person


APPOSITIVE_NAME = re.compile(r"^(?:[^,“”\"]{0,30},\s*)?(?P<desc>[^,]{8,120}),\s*"  # an opener ("Sementara itu, ")
                             r"(?P<name>(?:[A-Z][a-z'’]+\s+){1,3}[A-Z][a-z'’]+)\s*,\s*(?:juga\s+|pun\s+)?$")


# one-word names ("Salah satu pemilik toko kelontong di Kecamatan Tambaksari, Suparmi, mengaku ..."): only after a
# description of a person
APPOSITIVE_ONE_NAME = re.compile(rf"^(?:[^,“”\"]{{0,30}},\s*)?\W*(?P<desc>(?i:{alternation('speech', 'person_description_heads')}"
                                 r"|salah\s+(?:satu|seorang))\b[^,]{3,120}),\s*(?P<name>[A-Z][a-z'’]{2,})\s*,\s*"
                                 r"(?:juga\s+|pun\s+)?$")


def _appositive_name_before(text: str, pos: int, ctx: Ctx) -> Person | None:
    """"Salah seorang pedagang sayur di Pasar Ciruas, Siti Aminah, mengaku ...": a name set off by commas after a
    description (a long role) is the subject of the verb; the description is the title."""
    m = APPOSITIVE_NAME.search(text[:pos]) or APPOSITIVE_ONE_NAME.search(text[:pos])
    if not m:
        return None
    words = m.group("name").split()
    from extract.claims.people import _NAME_STOPWORDS, _is_region

    if any(w.lower() in _NAME_STOPWORDS or w.lower() in ORG_NAME_HEADS or _is_region(w) for w in words):
        return None
    name = " ".join(words)
    person = ctx.persons.get(name) or Person(name=name, title=m.group("desc").strip()[-80:])
    ctx.persons[name] = person
    return person


def _has_quote(text: str) -> bool:
    return bool(re.search(r"[“”\"]", text))


def _quoteish(text: str, pos: int) -> bool:
    """A said-verb counts when it follows a quote or a comma (", kata Teten, ...")."""
    before = text[:pos].rstrip()
    if not before or re.fullmatch(r"\W*", before):
        return True  # "Kata Teten, ..." opening the sentence
    return before[-1] in "”\"',’" or before.endswith(("”", ",\"")) or _has_quote(before)


# more institutions listed after the first one of a joint source (", Temasek dan Bain & Company", " dan Temasek")
JOINT_AFTER = re.compile(r"(?:,[^\S\n]*[A-Z][\w&.-]*(?:[^\S\n]+[A-Z][\w&.-]*)*)*[^\S\n]+(?:dan|&)[^\S\n]+"
                         r"[A-Z][\w.-]*(?:[^\S\n]+(?:[A-Z][\w&.-]*|&))*")


def _org_after(text: str, pos: int, day: date | None = None) -> Attribution | None:
    iid = None
    m = _inst_matcher()[0].match(text, pos)
    end = m.end() if m else None  # where the institution's name ends in ``text``
    if m is None:
        m = _inst_matcher()[0].search(text[pos:pos + 60])
        end = pos + m.end() if m else None
    if m:
        iid = resolve_institution(_inst_matcher()[1].get(m.group(0).lower()), m.group(0), day)
    joint = JOINT_AFTER.match(text, end) if m else None
    if joint:
        # "Laporan Google, Temasek dan Bain & Company": the source is all of them, not the first one listed
        name = (m.group(0) + joint.group(0)).strip()
        return Attribution(organization=name, kind="org", strength=2, surface=name)
    if iid:
        idx, _ = _gaz()
        name = idx["institutions"][iid]["name"]
        return Attribution(organization=name, institution_id=iid, kind="org", strength=2, surface=m.group(0).strip())
    m = re.match(r"\s*((?:[A-Z][\w&.-]*|dan|\(|\))(?:\s+(?:[A-Z][\w&.()-]*|dan|\(\w+\)))*)", text[pos:])
    if m and m.group(1).strip() and m.group(1).strip() not in ("Ia", "Dia"):
        joint = JOINT_AFTER.match(text, pos + m.end(1))
        org = (m.group(1) + (joint.group(0) if joint else "")).strip(" (")
        if len(org) > 2:
            return Attribution(organization=org, kind="org", strength=2, surface=org)
    return None


def _org_attr(ent, day: date | None = None) -> Attribution:
    idx, _ = _gaz()
    iid = ent.ent_id_.split(":", 1)[1] if ent.ent_id_.startswith("inst:") else None
    iid = resolve_institution(iid, ent.text, day)
    name = idx["institutions"][iid]["name"] if iid and iid in idx["institutions"] else ent.text
    return Attribution(organization=name, institution_id=iid, kind="org", strength=2, surface=ent.text.strip())


SUBJECT_OPENER = re.compile(r"^\W*(?:[A-Z]?[a-z]+\s+){0,3}[a-z]+,\s*")


NARRATION_SUBJECT = re.compile(r"\W*(?:Pemerintah(?:\s+(?:Provinsi|Kabupaten|Kota|Daerah|Pusat))?(?:\s+[A-Z]\w+)*|"
                               r"Pemprov\s+[A-Z]\w+|Pemkab\s+[A-Z]\w+|Pemkot\s+[A-Z]\w+)")


def _institution_subject(sent, ctx: Ctx) -> Attribution | None:
    """The institution a narration sentence opens with ("Pemerintah Provinsi Bali menganggarkan ...", "Bank Indonesia
    juga menggelar ..."), as a source without a person; None when the sentence does not open with one."""
    if _has_quote(sent_text(sent)):
        return None  # a quotation opening with an institution is still somebody speaking
    s0 = sent.start_char
    opener = SUBJECT_OPENER.match(sent_text(sent))  # "Untuk membantu, Pemkab PPU menganggarkan ..."
    first = opener.end() if opener else 0
    orgs = [e for e in _ents(sent, {"ORG"}) if e.start_char - s0 <= first + 2 and not _lowercase_figure_phrase(e.text)]
    if orgs:
        return _org_attr(orgs[0], ctx.day)
    m = NARRATION_SUBJECT.match(sent_text(sent), first)
    if m and len(m.group(0).split()) >= 2:
        return Attribution(organization=m.group(0).strip(), kind="org", strength=1)
    return None


_OPEN_Q = re.compile(r"^\s*[“\"]")


_CLOSE_Q = re.compile(r"[”\"]")


def inside_quote(sent) -> bool:
    """The sentence starts inside a quotation opened earlier in its paragraph: 'X mengatakan ... . "' split off the
    opening mark with the sentence before ('"Artinya 1.790 koperasi ...' is then the speaker's, not the writer's)."""
    text = sent.doc.user_data.get(_DOC_TEXT) or sent.doc.text
    seg = text[text.rfind("\n", 0, sent.start_char) + 1:sent.start_char]
    if not seg or not _has_quote(seg):
        return False
    return seg.count('"') % 2 == 1 or seg.count("“") > seg.count("”")


def _attribute_open_quotes(entries) -> None:
    """A quotation that runs over several sentences or paragraphs ("“Kami menargetkan ...\n\nItu realistis,” kata
    X.") belongs to the speaker named where it closes."""
    for i, (sent, para, attr) in enumerate(entries):
        own = sent_text(sent)
        if attr.kind not in ("carry", "none") or len(_CLOSE_Q.findall(own)) > 1 or \
                not (_OPEN_Q.match(own) or (inside_quote(sent) and not _has_quote(own))):
            continue  # a quotation closing in the sentence itself has been read with its own said-verb
        for sent2, para2, attr2 in entries[i + 1:i + 5]:
            if para2 - para > 2:
                break
            if _CLOSE_Q.search(sent_text(sent2)) and not _OPEN_Q.match(sent_text(sent2)) or _CLOSE_Q.search(sent_text(sent2)[1:]):
                if attr2.person is not None and attr2.kind in ("quote", "explicit", "pronoun"):
                    entries[i][2] = Attribution(person=attr2.person, kind="quote", strength=attr2.strength)
                break
