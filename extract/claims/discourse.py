"""Attribution across an article: who states each sentence, given the sentences before and after it.

``attribute_sentence`` (attribution.py) reads one sentence. This stage adds what only the article shows: the writer
of an opinion piece (byline) and the first person outside quotation marks; the interviewer's lines of a Q&A; the
writer's own arithmetic ("Artinya, ..."); descriptions that refer to a person ("Pemilik usaha itu mengaku ...",
anaphora) or to a person named just after (cataphora, R11); the person a sentence is about (for "Ia"); carry-over of
the paragraph's or the article's speaker, and where it stops (another institution as the subject, a question line).
"""
from __future__ import annotations

from functools import lru_cache
import re

from extract.claims.attribution import (QA_LABEL, SUBJECT_OPENER, Attribution, _ents, _has_quote, _institution_subject,
                                        _named_after_title, _valid_person_ent, attribute_sentence, inside_quote,
                                        name_with_role_opening)
from extract.claims.gaz import _institution_in
from extract.claims.lexicon import _ME_VERB_RE, _TITLE_HEAD_RE, NEWS_BLOCK, alternation
from extract.claims.mentions import name_inside_description
from extract.claims.people import (sent_text, sentences, _NAME_STOPWORDS, ORG_NAME_HEADS, Ctx, Person, _clean_title,
                                   _fill_org, _known_name_at, _person_from_ent, _rule_name_after)
from extract.claims.scope import region_in
from extract.claims.sources import SOURCE_NOUN, cited_source, clause_speakers

BYLINE = re.compile(rf"^[^\S\n]*(?:OPINI|KOLOM|ANALISIS)?\W*(?:{alternation('speech', 'byline_openers')})\s*:?\s*"
                    r"(?P<name>(?:(?:Dr|Ir|Prof|H|Hj)\.?\s+)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){0,5})"
                    r"\s*(?:,\s*(?P<title>[^\n]{3,160}))?[^\S\n]*$", re.MULTILINE)
FIRST_PERSON = re.compile(rf"\b(?:{alternation('speech', 'first_person')})\b", re.IGNORECASE)
INFERENCE_OPENER = re.compile(rf"^\W*(?:{alternation('speech', 'inference_openers')})\b", re.IGNORECASE)
JOURNALIST = re.compile(rf"^\W*(?:{alternation('speech', 'journalist_titles')})\b", re.IGNORECASE)
COMMENTATOR = re.compile(rf"^\W*(?:{alternation('speech', 'commentator_titles')})\b", re.IGNORECASE)
BACK_REFERENCE = re.compile(rf"^\W*(?:{alternation('speech', 'back_reference_openers')})\b", re.IGNORECASE)
ANSWER_LABEL = re.compile(rf"(?:{alternation('speech', 'answer_labels')})", re.IGNORECASE)
INTERVIEW_VERB = re.compile(rf"\b(?:{alternation('speech', 'interview_verbs')})\b", re.IGNORECASE)
NICKNAME = re.compile(rf"\b(?:{alternation('speech', 'nickname_markers')})\s+(?P<alias>[A-Z][\w'’-]+)")
# "Perempuan yang memimpin direktorat ... itu memperkirakan ...": a description of a person as the subject
DESCRIPTION_SUBJECT = re.compile(
    rf"^\W*(?P<np>(?:{alternation('speech', 'person_description_heads')})\b[^.,;:!?“”\"]{{0,120}}?)\s+"
    r"(?:itu|ini|tersebut)\s+(?:(?:juga|pun|lalu|kemudian|sendiri|kini|masih|bahkan|sudah|telah|lantas)\s+)*"
    r"(?P<verb>[a-z][\w-]+)")
# "Menurut pengamat itu, ...": a description of a person as the source (anaphora, or cataphora when the person is
# named just after)
DESCRIPTION_SOURCE = re.compile(
    rf"^\W*(?:[^,“”\"]{{0,40}},\s*)?[Mm]enurut\s+(?P<np>(?i:{alternation('speech', 'person_description_heads')}|"
    rf"{alternation('speech', 'commentator_titles')})\b[^.,;:!?“”\"]{{0,80}}?)\s+(?:itu|ini|tersebut)\b")
# '"...," kata perempuan 34 tahun itu': a description of the person speaking after a said-verb
DESCRIPTION_AFTER_SAID = re.compile(
    rf"[”\"'’]\s*,?\s*(?i:{alternation('speech', 'said_verbs_after_quote')})\s+"
    rf"(?P<np>(?i:{alternation('speech', 'person_description_heads')})\b[^.,;:!?“”\"]{{0,80}}?)\s+"
    r"(?:itu|tersebut|ini)\b")
_NOT_A_VERB = {"yang", "dan", "di", "ke", "dari", "untuk", "pada", "adalah", "merupakan", "sebagai", "dengan", "atau"}
# what may stand before a person who is the subject: a title, a place and date, an opening time phrase
_BEFORE_SUBJECT = re.compile(r"[\W\d]*(?:(?:[A-Z(][^\s,]*|dan|dari|untuk|bidang|urusan|se|di|&)[\s,]*)*")
_QUOTE_MARKS = re.compile(r"[“”\"]")
AGE_AFTER = re.compile(r"[^\S\n]*\(\s*\d{1,2}\s*(?:th|thn|tahun)?\s*\)")
REGIONAL_GOVERNMENT = re.compile(r"(?:Pemerintah\s+(?:Provinsi|Kabupaten|Kota)|Pemprov|Pemkab|Pemkot)\b")
REGIONAL_OFFICIAL = re.compile(r"\b(?:Dinas|Dis[a-z]+|Badan|Bupati|Gubernur|Wali\s*[Kk]ota|Walikota|Sekda|"
                               r"Sekretaris\s+Daerah|Pemprov|Pemkab|Pemkot)\b")


# the signature that closes an opinion piece: its last line is the writer's name and role ("Nama Lengkap, Peneliti
# Senior Lembaga ..."), with no sentence after it
# (a footnote mark may open it: "*) Nama, ..."; a disclaimer sentence may close the line: "Tulisan ini merupakan
# pandangan pribadi penulis.")
SIGNATURE = re.compile(r"\n[^\S\n]*(?:[-—–]+[^\S\n]*|\*+\)?[^\S\n]*)?"
                       r"(?P<name>(?:(?:Dr|Ir|Prof|H|Hj)\.?\s+)*[A-Z][\w'’-]+"
                       r"(?:[^\S\n]+[A-Z][\w'’.-]*){1,4})[^\S\n]*,[^\S\n]*(?P<title>[^\n.]{3,160})"
                       rf"(?:\.[^\S\n]+(?:{alternation('speech', 'writer_disclaimers')})[^\n]{{0,120}})?[^\S\n]*\s*$")


def _writers_role(title: str) -> bool:
    """The role of a signature line is a writer's: a commentator's role or a post at an institution ("peneliti ...",
    "Dosen Universitas ...", "Direktur Eksekutif Lembaga ..."), not a photo caption's description ("pemilik warung
    kopi di Palu")."""
    if not _TITLE_HEAD_RE.match(title) or len(title.split()) > 16:
        return False
    return bool(COMMENTATOR.match(title)) or any(w.lower() in ORG_NAME_HEADS for w in title.split())


# "*) Penulis adalah dosen ekonomi Universitas ...": the closing note on the writer of an opinion piece whose name
# stands alone on a line at the top
WRITER_NOTE = re.compile(rf"\n[^\S\n]*[(*)\s]*(?:{alternation('speech', 'writer_notes')})\s+"
                         r"(?P<title>[^\n]{3,160}?)[.\s]*$")
NAME_LINE = re.compile(r"^[^\S\n]*(?P<name>(?:(?:Dr|Ir|Prof|H|Hj)\.?\s+)*[A-Z][\w'’-]+"
                       r"(?:[^\S\n]+[A-Z][\w'’.-]*){1,4})"
                       r"[^\S\n]*$", re.MULTILINE)


class _Found:
    """A name and a title found apart, read like one match of SIGNATURE."""

    def __init__(self, name: str, title: str):
        self._groups = {"name": name, "title": title}

    def group(self, key: str) -> str:
        return self._groups[key]


def _name_line_and_writer_note(text: str) -> _Found | None:
    note = WRITER_NOTE.search(text[-300:])
    if not note:
        return None
    head = text[:300]
    names = [m.group("name") for m in NAME_LINE.finditer(head) if head[:m.start()].count("\n") <= 3 and
             not any(w.lower() in _NAME_STOPWORDS or w.lower() in ORG_NAME_HEADS for w in m.group("name").split())]
    return _Found(names[-1], note.group("title")) if names else None  # the name line follows the headline


def byline_author(text: str, ctx: Ctx) -> Person | None:
    """The writer of an opinion piece named in a byline among the first lines ("Oleh: Andi Rahmat, Dosen ...") or in
    the signature line that closes it ("Andi Rahmat, Dosen ...")."""
    head = text[:400]
    m = BYLINE.search(head)
    if not m or head[:m.start()].count("\n") > 3:
        m = SIGNATURE.search(text[-300:]) or _name_line_and_writer_note(text)
        if not m or not _writers_role(m.group("title")):
            return None
    name = re.sub(r"\s+", " ", m.group("name")).strip(" .")
    title = _clean_title(m.group("title")) if m.group("title") else None
    person = ctx.persons.get(name) or Person(name=name, title=title)
    ctx.persons[name] = person
    _fill_org(person, ctx, title)
    return person


def _is_interview(text: str) -> bool:
    """A Q&A: at least two paragraphs that are questions of the interviewer."""
    questions = [p for p in text.split("\n") if p.strip().endswith("?") and not _QUOTE_MARKS.search(p)]
    return len(questions) >= 2


def _interviewee(ctx: Ctx) -> Person | None:
    """The person an interview is with: the one named after the interview verb of the introduction, else the first
    person named in the article who is not its writer or a journalist."""
    if ctx.interviewee is not None:
        return ctx.interviewee
    return next((p for p in ctx.persons.values() if p is not ctx.author and not JOURNALIST.match(p.title or "")), None)


def _register_interviewee(sent, ctx: Ctx) -> None:
    """The introduction of a Q&A ("Kontan mewawancarai Direktur Bisnis Mikro PT ... Andika Pratama di Jakarta",
    "Wartawan X berbincang dengan Kepala Dinas ..., Nama, ..."): the person named after the interview verb (a tagged
    name, else a titled name the NER missed) is the interviewee; the journalist named before the verb is not."""
    st = sent_text(sent)
    m = INTERVIEW_VERB.search(st)
    if not m:
        return
    s0 = sent.start_char
    after = [e for e in _ents(sent, {"PER"}) if e.start_char - s0 >= m.end() and _valid_person_ent(e)]
    person = _person_from_ent(_named_after_title(after, st, s0, m.end()), sent, ctx) if after else \
        _rule_name_after(st, m.end(), ctx)
    if person is not None:
        ctx.last_mentioned = ctx.interviewee = person


def _paragraph_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _question_line(sent, text: str, ctx: Ctx) -> bool:
    """An interviewer's line: a label that is no person named in the article ("Haluan: ... ?"), or a paragraph of
    narration that is a question ("Berapa yang sudah masuk ke pasar digital?")."""
    qa = QA_LABEL.match(sent_text(sent))
    if qa and ANSWER_LABEL.fullmatch(qa.group(1)):
        return False  # "Jawab: ...": the interviewee's answer
    if qa and _interview_label(qa.group(1), sent, text):
        return _known_name_at(sent_text(sent), qa.start(1), ctx) is None and qa.group(1) not in ctx.persons
    para = _paragraph_of(text, sent.start_char).strip()
    return para.endswith("?") and not _QUOTE_MARKS.search(para) and len(para) <= 300


def _interview_label(label: str, sent, text: str) -> bool:
    """A transcript label ("Redaksi: ...", "Rahmat: ...") opens a paragraph whose exchange is a question, or recurs
    as the label of other paragraphs; "Sasarannya: 120 pasar ..." or "Rinciannya: ..." (a possessive noun introducing
    a list, mid-paragraph or once) is no label."""
    before = text[max(0, sent.start_char - 40):sent.start_char].rstrip(" \t")
    if label.endswith("nya") or (before and not before.endswith("\n")):
        return False
    if "?" in _paragraph_of(text, sent.start_char):
        return True
    return len(re.findall(rf"(?m)^[^\S\n]*{re.escape(label)}\s*:", text)) >= 2


def _speaks_first_person(sent, ctx: Ctx) -> bool:
    """The opinion writer speaking: a first-person pronoun outside quotation marks, not after a named person."""
    if ctx.author is None or _has_quote(sent_text(sent)):
        return False
    m = FIRST_PERSON.search(sent_text(sent))
    if not m:
        return False
    s0 = sent.start_char
    return not any(e.start_char - s0 < m.start() for e in _ents(sent, {"PER"}) if _valid_person_ent(e))


def _description_subject(sent) -> re.Match | None:
    """"Mantan bankir itu menyebutkan ...": a description (no name) of a person as the subject of a verb."""
    m = DESCRIPTION_SUBJECT.match(sent_text(sent))
    if not m or m.group("verb") in _NOT_A_VERB:
        m = DESCRIPTION_SOURCE.match(sent_text(sent))
    if not m:
        return None
    s0 = sent.start_char
    st = sent_text(sent)
    if any(e.start_char - s0 < m.end("np") for e in _ents(sent, {"PER"}) if _valid_person_ent(e) and
           not name_inside_description(st, e.start_char - s0, e.end_char - s0)):
        return None  # a named subject: the sentence rules decide
    return m


def _unlisted_name_before(sent, description: str, ctx: Ctx) -> Person | None:
    """The person a description refers back to when the NER tagged nobody before it: the last run of two or more
    name-like words (capitalised, no role, place or institution word, not after a preposition) followed by a
    lowercase word, in the three sentences before ("..., Rina Setyaningsih dan para karyawannya lembur."); a run
    owned by someone ("usaha Nurjanah Collection miliknya") is a business, not a person."""
    from nlp_models.components import _name_token

    doc = sent.doc
    lo = max(0, sent.start - 120)
    found = None
    i = lo
    while i < sent.start:
        j = i
        while j < sent.start and _name_token(doc[j]) and doc[j].lower_ not in _NAME_STOPWORDS:
            j += 1
        if j - i >= 2 and j < sent.start and doc[j].text[:1].islower() and not doc[j].lower_.startswith("milik") and \
                (i == 0 or doc[i - 1].lower_ not in {"di", "ke", "dari", "of", "dan"}) and not doc[i].is_sent_start:
            found = doc[i:j]
        i = max(j, i + 1)
    if found is None:
        return None
    name = found.text
    person = ctx.persons.get(name) or Person(name=name, title=_clean_title(description))
    ctx.persons[name] = person
    return person


def _subject_person(sent, ctx: Ctx) -> Person | None:
    """The person a sentence is about when a (titled) name is its subject ("Kepala Dinas ..., Ahmad Fauzan,
    menyambut baik temuan itu."), registered for later references."""
    s0 = sent.start_char
    introduced = introduced_person(sent_text(sent), ctx)
    if introduced is not None:
        return introduced
    opener = SUBJECT_OPENER.match(sent_text(sent))  # "Meski begitu, Kevin yakin ...": a connective, then the subject
    first = opener.end() if opener else 0
    for e in _ents(sent, {"PER"}):
        if not _valid_person_ent(e):
            continue
        before = sent_text(sent)[first:e.start_char - s0]
        if len(before) > 140 or not _BEFORE_SUBJECT.fullmatch(before):
            return None
        after = sent_text(sent)[e.end_char - s0:]
        after = re.sub(r"^\s*,\s*(?:yang\s+)?[^,]{2,90},", " ", after)  # an appositive ("..., yang juga Ketua X,")
        verb = re.match(r"\s*,?\s*(?:di\s+[A-Z]\w+\s*,?\s*)?(?:[A-Z]\w+\s*(?:\([^)]*\))?\s*,\s*)?([a-z][\w-]*)", after)
        if verb and verb.group(1) not in _NOT_A_VERB - {"dan"}:
            return _person_from_ent(e, sent, ctx)
        return None
    if KNOWN_NAME_OPENING.match(sent_text(sent), first):
        # "Nurjanah sendiri tak mau menyerah.": a person named before, by a part of the name the NER did not tag
        return _known_name_at(sent_text(sent), first, ctx)
    return name_with_role_opening(sent_text(sent), ctx)


# "Salah satunya Wulan Sari, pemilik usaha kue ...": a person introduced as an example, by name and role
INTRODUCED_PERSON = re.compile(
    rf"^\W*(?:{alternation('speech', 'introduction_openers')})\s+(?:oleh\s+)?"
    r"(?P<name>(?:[A-Z][a-z'’]+[^\S\n]+){0,3}[A-Z][a-z'’]+)[^\S\n]*(?:\(\s*\d{1,2}\s*\w*\s*\))?\s*,\s*"
    rf"(?P<role>(?i:{alternation('speech', 'person_description_heads')})\b[^,.;“”\"]{{0,120}})")


def introduced_person(text: str, ctx: Ctx) -> Person | None:
    """The person a sentence introduces as an example ("Salah satunya Wulan Sari, pemilik ..."), registered."""
    m = INTRODUCED_PERSON.match(text)
    if not m:
        return None
    words = m.group("name").split()
    if any(w.lower() in _NAME_STOPWORDS or w.lower() in ORG_NAME_HEADS or _TITLE_HEAD_RE.fullmatch(w) for w in words):
        return None
    name = " ".join(words)
    known = _known_name_at(name, 0, ctx) if len(words) == 1 else ctx.persons.get(name)
    person = known or Person(name=name, title=_clean_title(m.group("role")))
    ctx.persons[person.name] = person
    return person


KNOWN_NAME_OPENING = re.compile(r"\W*[A-Z][a-z'’]+\s+(?!(?:dan|di|ke|dari|yang|untuk|pada)\b)[a-z]")


def _abbreviation_of(surface: str, office: str, text: str) -> bool:
    """The article writes the surface as the bracketed short form of a name in the office: "Center of Economic and
    Law Studies (Celios)" makes "Celios" the institution of a "Peneliti Center of Economic and Law Studies"."""
    for m in re.finditer(rf"(?P<name>[A-Z][^()\n]{{2,80}}?)\s*\(\s*{re.escape(surface)}\s*\)", text):
        words = m.group("name").split()
        if any(" ".join(words[k:]) in office for k in range(max(0, len(words) - 8), len(words) - 1)):
            return True
    return False


def same_institution(attr: Attribution, person: Person | None, text: str = "") -> bool:
    """The institution of an ``org`` attribution is the speaker's own ("BI Lampung menargetkan ..." in the account
    of the head of BI Lampung)."""
    if person is None:
        return False
    if attr.institution_id and attr.institution_id == person.institution_id:
        return True
    if (attr.organization or "").lower() == (person.organization or "-").lower():
        return True
    office = " ".join(filter(None, (person.title, person.organization)))
    surface = (attr.surface or attr.organization or "").strip()
    if len(surface) >= 2 and re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", office, re.IGNORECASE):
        return True
    if len(surface) >= 2 and text and _abbreviation_of(surface, office, text):
        return True
    if REGIONAL_GOVERNMENT.match(surface) and REGIONAL_OFFICIAL.search(office):
        # "Pemkot Surabaya mewajibkan ..." in the account of the head of a Surabaya city office: the same government
        own = {sc for _, sc in region_in(surface)}
        return bool(own) and own <= {sc for _, sc in region_in(office)}
    return bool(attr.institution_id and office and _institution_in(office) == attr.institution_id
                and attr.institution_id == person.institution_id)


def _override(sent, attr: Attribution, text: str, ctx: Ctx) -> tuple[Attribution, re.Match | None]:
    """Discourse rules that overrule the sentence's own reading; returns the attribution and a description subject
    (to be checked for cataphora)."""
    explicit = attr.kind in ("quote", "explicit") and attr.person is not None and attr.person is not ctx.author
    if _question_line(sent, text, ctx) and not explicit:
        return Attribution(organization=attr.organization, institution_id=attr.institution_id,
                           surface=attr.surface, kind="question"), None
    if _speaks_first_person(sent, ctx) and not explicit:
        return Attribution(person=ctx.author, kind="pronoun", strength=3), None
    if INFERENCE_OPENER.match(sent_text(sent)) and not _has_quote(sent_text(sent)) and not inside_quote(sent) and \
            not explicit:
        if ctx.author is not None:
            return Attribution(person=ctx.author, kind="pronoun", strength=2), None
        return Attribution(kind="narration"), None  # R11: the journalist's own arithmetic
    if attr.person is None and attr.kind == "none":
        said = DESCRIPTION_AFTER_SAID.search(sent_text(sent))
        person = said and (ctx.last_mentioned or ctx.focus or _unlisted_name_before(sent, said.group("np"), ctx))
        if person:
            return Attribution(person=person, kind="quote", strength=3), None
    if attr.person is None and attr.kind in ("none", "org"):
        desc = _description_subject(sent)
        if desc and attr.kind == "org" and (attr.surface or "-") not in desc.group("np"):
            desc = None  # the institution is the subject, not a word of a person's description
        if desc:
            nick = NICKNAME.search(desc.group("np"))
            person = ctx.last_mentioned or ctx.focus or _unlisted_name_before(sent, desc.group("np"), ctx)
            if nick and nick.group("alias") not in ctx.persons and person is not None:
                ctx.persons[nick.group("alias")] = person  # later "kata Dani" is the same person
            if person is not None:
                return Attribution(person=person, kind="pronoun", strength=2), desc
            return Attribution(kind="description"), desc
    return attr, None


INSTITUTION_STATES = re.compile(rf"\b(?:{alternation('speech', 'wish_goal_verbs')}|"
                                rf"{alternation('speech', 'institution_statement_verbs')})\b", re.IGNORECASE)
EVALUATIVE_VERB = re.compile(rf"\b(?:{alternation('speech', 'evaluative_verbs')})\b", re.IGNORECASE)
_MODE = {"quote": 4, "explicit": 3, "pronoun": 3, "org": 2, "carry": 1}


def restatement_rank(attr: Attribution, sentence: str, start: int) -> tuple:
    """R7: which statement of a fact stated several times the claim keeps (the highest rank). First the person who
    speaks for the figure's source (a named official stating it, not a commentator or someone who judges it:
    "menilai target 8 juta ... realistis"), then the mode (a direct quote, indirect speech, an institution's
    account, narration), then the first mention."""
    person = attr.person
    if person is not None:
        judged = attr.kind in ("quote", "explicit", "pronoun") and EVALUATIVE_VERB.search(sentence)
        tier = 1 if COMMENTATOR.match(person.title or "") or judged else 3
    else:
        tier = 2 if attr.kind == "org" else 0  # the source institution itself before a commentator's repetition
    return (tier, _MODE.get(attr.kind, 0), -start)


_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
FIGURE_ANAPHOR = re.compile(rf"\b(?:{alternation('speech', 'figure_anaphora_nouns')})\s+(?:itu|tersebut|ini)\b",
                            re.IGNORECASE)


def lede_restated_by(claim: dict, person: Person, entries: list, institution_id: str | None, lede: bool) -> bool:
    """R11: narration before the first speaker is introduced goes to him or her only when he or she states the same
    figure again (R7; the restatement may be too bare to be a claim of its own: '"... sudah 1.730 yang bergabung,"
    kata X', '"Angka 62,4 persen tadi ..."'), or, for the lede paragraph, when it is his or her institution's figure
    or his or her first words refer back to it. Otherwise it has no speaker."""
    if lede and institution_id is not None and institution_id == person.institution_id:
        return True
    intro = next((sent for sent, _, attr in entries if attr.person is person and sent.start_char > claim["char_start"]),
                 None)
    if lede and intro is not None and FIGURE_ANAPHOR.search(sent_text(intro)):
        return True  # the speaker's first words refer back to it ("dana tersebut sudah diterima 2,9 juta debitur")
    m = _NUMBER.search(claim.get("value_text") or "")
    surface = m.group(0) if m else (claim.get("value_text") or "").split(" ")[0]
    if not surface:
        return False
    said = [sent for sent, _, attr in entries if attr.person is person and attr.kind in ("quote", "explicit", "pronoun")
            and sent.start_char > claim["char_start"]]
    return bool(said) and any(_surface_rx(surface).search(sent_text(sent)) for sent in said)


@lru_cache(maxsize=1024)
def _surface_rx(surface: str) -> re.Pattern:
    """The figure as written, standing alone ("1.730" not inside "21.730"); compiled once per surface, only when a
    sentence of the speaker is there to search (a pattern per figure overflowed ``re``'s cache of compiled patterns)."""
    return re.compile(rf"(?<![\w.,]){re.escape(surface)}(?![\w]|[.,]\d)", re.IGNORECASE)


def office_of(attr: Attribution, ctx: Ctx) -> str | None:
    """The office whose jurisdiction a figure may fall under (for its scope): the speaker's role and institution, but
    not an opinion writer's or a commentator's (a lecturer in Lampung does not make a national figure Lampung's);
    for an interviewer's question, the office of the person interviewed."""
    person = attr.person
    if attr.kind == "question":
        person = ctx.last_speaker
    if person is None:
        return attr.organization
    if person is ctx.author or COMMENTATOR.match(person.title or ""):
        return None
    return " ".join(filter(None, (person.title, person.organization)))


def attribute_sentences(doc, text: str, ctx: Ctx, para_of) -> tuple[list, tuple | None]:
    """``[sentence, paragraph, attribution]`` for every sentence that is not a link line, and the first speaker
    named in a quote or with a said-verb as ``(person, paragraph, char offset)``."""
    ctx.author = byline_author(text, ctx)
    interview = _is_interview(text)
    entries, carry, cataphora = [], {}, []
    asked = False  # an interviewer's question has been put: the paragraphs after it are the interviewee's answers
    first_speaker = None
    last_source = None  # the attribution of the sentence that cited a data source last ("Laporan yang sama ...")
    skip_line_until = -1
    for sent in sentences(doc):
        st = sent_text(sent)
        if not st.strip() or sent.start_char < skip_line_until:
            continue
        if NEWS_BLOCK.match(st):
            nl = text.find("\n", sent.start_char)
            skip_line_until = nl if nl >= 0 else len(text)
            continue
        para = para_of(sent.start_char)
        known_before = {id(p) for p in ctx.persons.values()}
        attr, desc = _override(sent, attribute_sentence(sent, ctx), text, ctx)
        source = cited_source(sent, last_source) if attr.kind == "none" else None
        if source is not None:
            attr = source  # "Data lembaga riset X menunjukkan ...": a new source as the sentence's subject
        if interview and not asked and attr.person is None:
            _register_interviewee(sent, ctx)
        if interview and attr.kind == "question":
            asked = True
        elif interview and asked and para not in carry and attr.kind not in ("quote", "explicit") and \
                _interviewee(ctx) is not None:
            # an answer paragraph of a Q&A without name labels: the words of the person interviewed
            attr = Attribution(person=_interviewee(ctx), kind="quote", strength=3)
        if attr.kind == "org" and same_institution(attr, ctx.last_speaker, text):
            # "BI mencatat ..." in the account of the BI governor: the institution's figures are his or hers
            attr = Attribution(person=ctx.last_speaker, kind="carry", strength=1)
        if attr.person is not None and attr.kind in ("explicit", "quote"):
            attr.clauses = clause_speakers(sent, attr, lambda span: attribute_sentence(span, ctx))
        if attr.person is not None:
            ctx.source_para = None
            if attr.person is not ctx.author:
                last = attr.clauses[-1][1].person if attr.clauses else attr.person
                ctx.last_speaker = ctx.focus = ctx.last_mentioned = last
            carry[para] = attr
            if first_speaker is None and attr.kind in ("quote", "explicit"):
                first_speaker = (attr.person, para, sent.start_char)
        elif attr.kind in ("org", "question"):
            carry[para] = attr  # an institution's account, or the interviewer's line: nobody's words carry in
            if source is not None and ctx.last_speaker is not None:
                ctx.source_para = para  # a new data source ends the speaker's account (FORMAT.md 2026-12-03)
        elif attr.kind not in ("narration", "description"):
            attr = _continue(sent, para, carry, ctx)
        if desc is not None:
            cataphora.append((len(entries), known_before))
        if SOURCE_NOUN.search(st):
            last_source = attr
        entries.append([sent, para, attr])
    for i, known_before in cataphora:
        _resolve_cataphora(entries, i, known_before)
    first_speaker = _resolve_back_references(entries, first_speaker)
    return entries, first_speaker


def _resolve_back_references(entries: list, first_speaker):
    """"Hal itu disampaikan Kepala Dinas ... X di Palu.": the sentences before it, in its paragraph or the one before
    (the lede it reports), that no one else states are X's. Returns the first speaker, moved back to them."""
    for i, (sent, para, attr) in enumerate(entries):
        if attr.person is None or attr.kind not in ("explicit", "quote") or not BACK_REFERENCE.match(sent_text(sent)):
            continue
        for k in range(i - 1, -1, -1):
            sent_k, para_k, attr_k = entries[k]
            if para - para_k > 1 or attr_k.person is not None and attr_k.person is not attr.person or \
                    attr_k.kind in ("question", "narration"):
                break
            entries[k][2] = Attribution(person=attr.person, kind="explicit", strength=attr.strength)
            if first_speaker is not None and sent_k.start_char < first_speaker[2]:
                first_speaker = (attr.person, para_k, sent_k.start_char)
    return first_speaker


def _continue(sent, para: int, carry: dict, ctx: Ctx) -> Attribution:
    """A sentence without attribution of its own: the paragraph's source, else the writer of an opinion piece, else
    the last speaker unless a new paragraph opens with another institution as its subject."""
    person, profiled = None, None
    for e in _ents(sent, {"PER"}):
        if _valid_person_ent(e):
            known = _person_from_ent(e, sent, ctx) if e.text.strip() in ctx.persons else None
            person = known or _person_from_ent(e, sent, ctx)  # registered for later surname and pronoun resolution
            if known is None and AGE_AFTER.match(sent_text(sent), e.end_char - sent.start_char):
                profiled = person
    if person is not None:
        ctx.last_mentioned = person
    if profiled is not None and profiled is not ctx.author:
        # "Salah satu pelaku usaha ... adalah Sri Wahyuni (44), pemilik ...": a person introduced with her age is
        # who the paragraph is about (her figures, her "ujarnya"), not the official who spoke before
        ctx.focus = ctx.profiled = profiled
        carry[para] = Attribution(person=profiled, kind="carry", strength=0)
        return carry[para]
    subject = _subject_person(sent, ctx)
    if subject is not None:
        ctx.focus = subject
        if subject is not ctx.last_speaker and subject is not ctx.author and para not in carry:
            # "Nurjanah sendiri tak mau menyerah. ... toko barunya baru mencatat 23 pesanan.": a paragraph of
            # narration about a named person (the subject) is his or her account, not the last speaker's
            carry[para] = Attribution(person=subject, kind="carry", strength=0)
            return carry[para]
    if para in carry:
        prev = carry[para]
        return Attribution(person=prev.person, organization=prev.organization, institution_id=prev.institution_id,
                           surface=prev.surface, kind="carry", strength=1)
    own = _institution_subject(sent, ctx)
    if ctx.author is not None:
        if own is not None and (_ME_VERB_RE.search(sent_text(sent)) or INSTITUTION_STATES.search(sent_text(sent))):
            carry[para] = own  # "Data Kementerian ... menunjukkan ...": a source the writer cites
            return own
        # "Akhir tahun lalu, TikTok resmi menguasai 75 persen saham ...": what an institution did, told by the writer
        return Attribution(person=ctx.author, kind="carry", strength=0)
    holder = _office_holder(sent, ctx)
    if holder is not None:
        return Attribution(person=holder, kind="carry", strength=1)
    if ctx.last_speaker is not None:
        if own is not None and not same_institution(own, ctx.last_speaker):
            # a new paragraph about another institution ("Pemerintah Provinsi Bali menganggarkan ...") is the
            # journalist's account of it, not the last speaker's
            carry[para] = own
            return own
        if ctx.source_para is not None and para > ctx.source_para:
            return Attribution()  # the account ended at a data source cited after it
        # narration after a speaker has been introduced continues his or her account
        return Attribution(person=ctx.last_speaker, kind="carry", strength=0)
    if ctx.focus is not None and ctx.focus is ctx.profiled:
        # a feature story about a person introduced with her age: its narration is about her before she speaks
        return Attribution(person=ctx.focus, kind="carry", strength=0)
    return Attribution()


# "Dari pendataan dinas, ...", "Menurut evaluasi kementerian, ...": data of an office named by a common noun
OFFICE_DATA = re.compile(rf"\b(?i:{alternation('speech', 'own_data_nouns')})\s+(?:internal\s+)?"
                         rf"(?P<office>{alternation('speech', 'office_nouns')})\b(?!\s+[A-Z])")


def _office_holder(sent, ctx: Ctx) -> Person | None:
    """The person named in the article whose role is in the office whose data a sentence cites by a common noun
    ("data dinas" in an article where the head of a dinas spoke), when the last speaker holds no such office (a
    trader quoted after the official)."""
    m = OFFICE_DATA.search(sent_text(sent))
    if not m:
        return None
    office = re.compile(rf"\b{m.group('office')}\b", re.IGNORECASE)
    for person in [ctx.last_speaker, *reversed(list(ctx.persons.values()))]:
        if person is not None and person is not ctx.author and office.search(person.title or ""):
            return person
    return None


def _resolve_cataphora(entries: list, i: int, known_before: set) -> None:
    """R11 cataphora: a description subject ("Perempuan yang memimpin ... itu memperkirakan ...") followed, in its
    paragraph or the next, by a quote or said-verb naming a person not named before is that person."""
    sent, para, attr = entries[i]
    for j in range(i + 1, min(len(entries), i + 5)):
        _, para_j, attr_j = entries[j]
        if para_j - para > 1:
            return
        if attr_j.person is None or attr_j.kind not in ("quote", "explicit"):
            continue
        if id(attr_j.person) in known_before or attr_j.person is attr.person:
            return
        for k in range(i, j):
            if entries[k][2].person is attr.person and entries[k][2].kind in ("pronoun", "carry", "description"):
                entries[k][2] = Attribution(person=attr_j.person, kind="pronoun", strength=attr.strength)
        return
