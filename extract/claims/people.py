"""People named in an article: names, titles, institutions, surname and title back-references (coreference by name)."""
from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import date
import re

from extract.claims.gaz import _gaz, _in_period, _inst_matcher, _institution_in, _position_at, _surface_institutions, resolve_institution
from extract.claims.lexicon import SUBJECT_ADVERBS, _TITLE_HEAD_RE, _WEEKDAY_RE, alternation, lexicon


_TITLE_WORD_OK = re.compile(r"^(?:[A-Z0-9(][\w.&/'’()-]*|dan|&|serta|bidang|untuk|pada|di|dari|atas|sekaligus|"
                            r"ekonom|pengamat|peneliti|analis|dosen|guru|besar|pakar|pendiri|pemilik|pelaku|usaha|"
                            r"perajin|pengusaha|senior|of|on|for|and|the|"
                            r"yang|urusan|ke|ri|RI|se|e-\w+|\(\w+\))$")


@dataclass
class Person:
    name: str
    person_id: str | None = None
    title: str | None = None
    institution_id: str | None = None
    organization: str | None = None


@dataclass
class Ctx:
    text: str
    day: date | None  # stated_on as a date
    persons: dict = field(default_factory=dict)  # full name -> Person
    last_speaker: Person | None = None
    focus: Person | None = None  # the person the latest sentences are about (speaker or subject): "Ia", "ujarnya"
    last_mentioned: Person | None = None  # the person named most recently, in any role: "Pemilik usaha itu ..."
    author: Person | None = None  # the writer of an opinion piece (byline "Oleh: Nama, Dosen ...")
    interviewee: Person | None = None  # the person a Q&A is with (named after the interview verb)
    profiled: Person | None = None  # the person a feature story introduces with her age ("Sri Wahyuni (44), ...")
    source_para: int | None = None  # the paragraph where a new data source ended the last speaker's account


# honorifics that end a role phrase before the name ("Kepala Dinas ..., Drs. H.")
_TRAILING_HONORIFICS = re.compile(rf"(?:[\s,]+(?:{alternation('speech', 'honorifics')})\.?)+\s*$")


def _clean_title(t: str) -> str | None:
    t = _TRAILING_HONORIFICS.sub("", t)
    t = re.sub(r"\s*\([^)]*\)\s*", " ", t)
    t = re.sub(r"\s+", " ", t).strip(" ,.-–—")
    t = re.sub(r"\bKemenetrian\b", "Kementerian", t)
    return t or None


def _title_before(sent_text: str, rel_start: int) -> str | None:
    """The role phrase right before a name ("Menteri Koperasi dan UKM (Menkop UKM) Teten" -> the minister title)."""
    before = sent_text[max(0, rel_start - 160):rel_start]
    before = before.rstrip(" ,")
    heads = list(_TITLE_HEAD_RE.finditer(before))
    if not heads:
        return None
    for h in heads:  # earliest head whose phrase up to the name is title-like
        phrase = before[h.start():]
        words = re.sub(r"\([^)]*\)", "", phrase).replace(",", " ").split()
        if 1 <= len(words) <= 16 and all(_TITLE_WORD_OK.match(w) for w in words):
            return _clean_title(phrase)
    return None


def _resolve_name(ent_text: str, ent_id: str, ctx: Ctx) -> tuple[str, str | None]:
    idx, _ = _gaz()
    if ent_id and ent_id.startswith("person:"):
        pid = ent_id.split(":", 1)[1]
        p = idx["people"].get(pid)
        if p:
            return p["name"], pid
    name = re.sub(r"\s+", " ", ent_text).strip(" ,.")
    name = re.sub(r"-?nya$", "", name)
    low = name.lower()
    for full, person in ctx.persons.items():
        parts = full.lower().split()
        if low != full.lower() and (low in parts or (len(low.split()) < len(parts) and (
                full.lower().endswith(" " + low) or full.lower().startswith(low + " ")))):
            i = parts.index(low.split()[0]) if low.split()[0] in parts else 0
            if _trim_prefix(person, i, len(low.split()), ctx):
                return person.name, person.person_id
            return (person.name if person.name != full else full), person.person_id
    for full, person in ctx.persons.items():
        # a short form of a single-word or first name ("Rudi" for Rudiantara)
        if len(low) >= 4 and " " not in low and any(p.startswith(low) and p != low for p in full.lower().split()):
            return full, person.person_id
    written = full_name_written(name, ctx.text) if " " not in name else None
    if written is not None:
        # "kata Ratna" where the NER tagged nobody in "pelaku usaha seperti Ratna Dewi, penjual keripik ...": the
        # fullest form the article gives (R9)
        known = ctx.persons.get(written)
        return (known.name, known.person_id) if known is not None else (written, None)
    return name, None


# a name written in full: the word, then one to three capitalised words, then a comma, a bracket or a lowercase word
_FULL_NAME_AFTER = r"((?:[^\S\n]+[A-Z][a-z'’]+){1,3})(?=[^\S\n]*(?:[,(]|[^\S\n][a-z]))"


def _headline_line(text: str, pos: int) -> bool:
    """The line at ``pos`` is a headline (title case): most of its words are capitalised."""
    start, end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    words = text[start:end if end >= 0 else len(text)].split()
    return len(words) <= 25 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _written_in_body(name: str, text: str) -> bool:
    """The name is written in a sentence of the body, not only in a headline or a link line's title."""
    return any(not _headline_line(text, m.start()) for m in re.finditer(re.escape(name), text))


def full_name_written(word: str, text: str) -> str | None:
    """The full name a one-word mention of a person is short for: the first place the article writes the word as
    the first part of a run of capitalised name words ("Wulan" -> "Wulan Sari, pemilik ..."), none of them a role,
    institution or place word; None when the article never writes it so."""
    if len(word) < 3 or word.lower() in _NAME_STOPWORDS:
        return None
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}{_FULL_NAME_AFTER}", text):
        rest = m.group(1).split()
        if _headline_line(text, m.start()):
            continue  # "Erick Thohir Minta BUMN ...": a headline capitalises every word
        if any(w.lower() in _NAME_STOPWORDS or w.lower() in ORG_NAME_HEADS or _TITLE_HEAD_RE.fullmatch(w) or
               _is_region(w) for w in rest):
            continue
        return " ".join([word, *rest])
    return None


# Balinese names open with "I" (men) or "Ni" (women) before the birth-order name; the NER often leaves it out
BALINESE_PREFIX = re.compile(r"(?<![\w-])(?P<p>I|Ni)\s+$")


BALINESE_GIVEN = re.compile(r"(?:Gusti|Gede|Wayan|Made|Nyoman|Ketut|Putu|Kadek|Komang|Nengah|Luh|Dewa|Dewi|Ayu|Kade|"
                            r"Desak|Wyn|Md|Nym|Kt|Pt|Gst)\b")


# first words that belong to a name although the person is later called by a later part ("Muhammad Rizal Fauzi" ->
# "Rizal"); any other single word before the later part was an organisation read into the name ("Celios Bhima
# Yudhistira" -> "Bhima")
NAME_PARTICLES = {"muhammad", "mohammad", "moh", "mohamad", "muh", "ahmad", "achmad", "siti", "nur", "sri", "haji",
                  "h", "hj", "raden", "sang", "i", "ni", "anak", "agung", "ida", "tjokorda", "cokorda", "dewa", "gusti",
                  "andi", "teuku", "tengku", "cut", "abdul", "abdullah", "dr", "ir", "prof",
                  # Balinese birth-order and caste names ("I Ketut Darma Putra" later "Darma Putra")
                  "gede", "wayan", "made", "nyoman", "ketut", "putu", "kadek", "komang", "nengah", "luh", "gusti"}


# words that open an institution's name: "Ekonom Universitas Gadjah Mada Rimawan Pradiptyo" is a person after them
_DOC_TEXT = "pantau_text"  # key of the document's text in ``doc.user_data`` (set by attribution._index_ents)
_DOC_SENTS = "pantau_sents"  # key of the document's sentences in ``doc.user_data`` (set by ``sentences``)


def sent_text(span) -> str:
    """``span.text`` as a slice of the document's text: spaCy rebuilds ``Span.text`` token by token on every call,
    and the rules read each sentence's text many times. spaCy keeps the text verbatim, so the slice is the same
    string; a document not indexed by ``attribution._index_ents`` falls back to ``span.text``."""
    whole = span.doc.user_data.get(_DOC_TEXT)
    return span.text if whole is None else whole[span.start_char:span.end_char]


def sentences(doc) -> list:
    """The document's sentences, made once per document (``doc.sents`` rebuilds them from the tokens on each call)."""
    if _DOC_SENTS not in doc.user_data:
        doc.user_data[_DOC_SENTS] = list(doc.sents)
    return doc.user_data[_DOC_SENTS]


ORG_NAME_HEADS = {"universitas", "institut", "politeknik", "sekolah", "akademi", "bank", "pt", "asosiasi", "lembaga",
                  "badan", "dinas", "kantor", "perwakilan", "kementerian", "yayasan", "perusahaan", "center", "centre",
                  "institute", "university", "koperasi", "perkumpulan", "himpunan", "forum", "ikatan", "direktorat",
                  "ditjen", "otoritas", "komisi", "dewan", "balai", "biro", "pusat", "pemerintah"}


# role words read into a name by the NER ("Managing Director Google Indonesia Randy Jusuf")
_ROLE_WORDS = {"director", "manager", "officer", "president", "head", "chief", "founder", "co-founder", "ceo", "coo",
               "cfo", "cto", "vp", "managing", "executive", "general", "country", "lead", "senior", "partner",
               "chairman", "ekonom", "pengamat", "peneliti", "analis", "dosen", "pakar", "mantan", "eks"}


REGIONAL_HEAD_BEFORE = re.compile(r"\b(?:Bupati|Gubernur|Wali\s*[Kk]ota|Walikota|Camat|Lurah)\s*$")


def _is_region(word: str) -> bool:
    """A province written as one word ("Sulsel", "Bali"): the office's region before a name."""
    from extract.claims.scope import region_in

    return bool(region_in(word))


def _named_in_article(written: str, pid: str, ctx: Ctx) -> Person | None:
    """The person of the article a short mention refers to when the gazetteer lists another person by that short
    form: "kata Rachmat" after "Direktur Utama Bukalapak Rachmat Kaimuddin" is Rachmat Kaimuddin, not a listed
    minister called Rachmat (the article's own earlier full name wins over the gazetteer's guess)."""
    words = written.lower().split()
    idx, _ = _gaz()
    listed = idx["people"].get(pid, {}).get("name", "").lower()
    for person in reversed(list(ctx.persons.values())):
        parts = person.name.lower().split()
        if person.person_id != pid and len(parts) > len(words) and set(words) <= set(parts) and \
                not set(listed.split()) <= set(parts) and _written_in_body(person.name, ctx.text):
            # ("Erick Thohir Minta" of a headline is still the listed Erick Thohir)
            _trim_prefix(person, parts.index(words[0]), len(words), ctx)
            return person
    return None


def _strip_role_prefix(name: str) -> str:
    """The person's name without the role and organisation words the NER read into its span: the name starts after
    the last role, title, institution or place word (at least two words stay, or one after a role word)."""
    words = name.split()
    surfaces = _surface_institutions()
    cut = [i for i, w in enumerate(words[:-1]) if w.lower() in _ROLE_WORDS or w.lower() in _NAME_STOPWORDS
           or w.lower() in ORG_NAME_HEADS or w.lower() in surfaces or _TITLE_HEAD_RE.fullmatch(w) or _is_region(w)]
    if not cut:
        return name
    rest = words[cut[-1] + 1:]
    one_after_role = rest and (words[cut[-1]].lower() in _ROLE_WORDS or _TITLE_HEAD_RE.fullmatch(words[cut[-1]]))
    return " ".join(rest) if len(rest) >= 2 or one_after_role else name


def _extended_name(ent, sent) -> str | None:
    """A gazetteer match inside a longer written name ("Sang Made Mahendra Jaya" holds the variant "Mahendra"): when a
    capitalised word that is no part of the listed name follows the match, the full written name (back to the last
    role, institution or place word before it); when a name particle precedes it ("Sri Budi Santoso"), the name with
    the particle; else None."""
    text, rel, end = sent_text(sent), ent.start_char - sent.start_char, ent.end_char - sent.start_char
    after = re.match(r"((?:\s+[A-Z][a-z'’]+){1,2})(?=[\s,.]|$)", text[end:])
    words_after = [w for w in (after.group(1).split() if after else [])]
    if not words_after or words_after[0].lower() in _NAME_STOPWORDS or _TITLE_HEAD_RE.fullmatch(words_after[0]):
        particle = re.search(r"(?<![\w-])([A-Z][a-z]+)[^\S\n]+$", text[:rel])
        if particle and particle.group(1).lower() in NAME_PARTICLES:
            return f"{particle.group(1)} {ent.text.strip()}"  # "Sri Budi Santoso" is not the listed "Budi Santoso"
        return None
    before = re.search(r"((?:[A-Z][a-z'’]+\s+){1,4})$", text[:rel])
    words_before = before.group(1).split() if before else []
    from extract.claims.scope import region_in

    stops = [i for i, w in enumerate(words_before) if w.lower() in _NAME_STOPWORDS or _TITLE_HEAD_RE.fullmatch(w)
             or w.lower() in _surface_institutions() or w.lower() in _ROLE_WORDS or region_in(w)]
    words_before = words_before[stops[-1] + 1:] if stops else words_before
    return " ".join([*words_before, ent.text.strip(), *words_after])


def _org_name_prefix(name: str, text: str) -> int:
    """How many leading words of a written name are an organisation's name that the article writes as one elsewhere
    ("Ketua KSP Makmur Sejahtera Sutrisno" where the article has "Koperasi Simpan Pinjam (KSP) Makmur Sejahtera di
    ..."): after an acronym, a bracket or an institution word, and not followed by the rest of the name."""
    words = name.split()
    for k in range(len(words) - 1, 0, -1):
        prefix = r"\s+".join(map(re.escape, words[:k]))
        # every place the prefix is written after whitespace and not followed by the next word (a lookahead: the
        # places may overlap), then whether an organisation opener ends right before that whitespace
        for m in re.finditer(rf"(?<=\s)(?={prefix}\b(?!\s+{re.escape(words[k])}\b))", text):
            if _org_opener_before(text, m.start()):
                return k
    return 0


# what may open an organisation's name written before it: a closing bracket, an acronym, an institution word
_ORG_OPENER_END = re.compile(rf"(?:\)|\b[A-Z]{{2,}}|\b(?i:{'|'.join(sorted(ORG_NAME_HEADS))}))\Z")
_LONGEST_ORG_HEAD = max(map(len, ORG_NAME_HEADS))


def _org_opener_before(text: str, pos: int) -> bool:
    """An organisation opener ends where the whitespace before ``pos`` starts. The opener is searched in a window
    just wide enough for it (the longest institution word, or the whole run of capitals of an acronym), not in the
    text from its start: compiled once, it stays cheap on long articles."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    caps = end
    while caps > 0 and "A" <= text[caps - 1] <= "Z":
        caps -= 1
    return _ORG_OPENER_END.search(text, max(0, min(caps, end - _LONGEST_ORG_HEAD)), end) is not None


TITLE_AFTER_NAME = re.compile(rf"[^\S\n]*,[^\S\n]*(?P<t>(?:{alternation('speech', 'title_heads')})\b"
                              r"[^,.;:“”\"\n]{0,100})")


def _person_from_ent(ent, sent, ctx: Ctx) -> Person:
    name, pid = _resolve_name(ent.text, ent.ent_id_, ctx)
    if pid is not None:
        named = _named_in_article(ent.text, pid, ctx)
        if named is not None:
            return named
    if pid is None:
        stripped = " ".join(drop_leading_places(_strip_role_prefix(name).split(), ctx.text))
        if stripped != name:
            name, pid = _resolve_name(stripped, "", ctx)  # "kata Wamen Helvi": Helvi, named before in full
        if len(name.split()) >= 2 and name not in ctx.persons:
            name = " ".join(name.split()[_org_name_prefix(name, ctx.text):])
        words = name.split()
        if len(words) >= 3 and REGIONAL_HEAD_BEFORE.search(sent_text(sent)[:ent.start_char - sent.start_char]):
            name = " ".join(words[1:])  # "Bupati Sleman Hendra Gunawan": the region, then the name
    else:
        longer = _extended_name(ent, sent)
        idx, _ = _gaz()
        gaz_words = set(idx["people"][pid]["name"].lower().split())
        if longer and not set(longer.lower().split()) <= gaz_words:
            name, pid = longer, None  # another person who shares a name part with a listed one
            if name in ctx.persons:
                return ctx.persons[name]
    rel = ent.start_char - sent.start_char
    lead = name[:-len(ent.text.strip())].strip() if name.endswith(" " + ent.text.strip()) else ""
    if lead and sent_text(sent)[:rel].rstrip().endswith(lead):
        # the written name opens before the entity ("Sri Budi Santoso"): the title ends before it
        rel = len(sent_text(sent)[:rel].rstrip()) - len(lead)
    bm = BALINESE_PREFIX.search(sent_text(sent)[:rel])
    if bm and not pid and BALINESE_GIVEN.match(ent.text.strip()) and name == re.sub(r"\s+", " ", ent.text).strip(" ,."):
        name, rel = f"{bm.group('p')} {name}", bm.start()
    title = _title_before(sent_text(sent), rel)
    if title is None:
        # "kata Maria Goreti Lobo, Kepala Dinas Koperasi Kota Kupang": the role set off after the name
        after = TITLE_AFTER_NAME.match(sent_text(sent), ent.end_char - sent.start_char)
        title = _clean_title(after.group("t")) if after else None
    known = ctx.persons.get(name)
    if known is None:
        known = Person(name=name, person_id=pid)
        ctx.persons[name] = known
    if title and not known.title:
        known.title = title
    if not known.organization:
        _fill_org(known, ctx, title)
    return known


REGIONAL_OFFICE = re.compile(r"\b(?:Dinas|Disperindag\w*|Diskop\w*|Provinsi|Kabupaten|Pemprov|Pemkab|Pemkot|Kanwil|"
                             r"Kantor\s+Wilayah|Kota\s+[A-Z])", re.UNICODE)


def _fill_org(person: Person, ctx: Ctx, title: str | None):
    idx, _ = _gaz()
    inst_id = None
    if title:
        inst_id = _institution_in(title)
        m = _inst_matcher()[0].search(title)
        inst_id = resolve_institution(inst_id, m.group(0) if m else None, ctx.day)
        if m is None and REGIONAL_OFFICE.search(title):
            inst_id = None  # "Kepala Dinas Koperasi dan UKM Provinsi Bali": a regional office, not the ministry
    if person.person_id:
        p = idx["people"].get(person.person_id)
        pos = _position_at(p, ctx.day, title) if p else None
        if pos:
            if not person.title and not title:
                person.title = pos.get("title")
            inst_id = inst_id or pos.get("institution")
    if inst_id:
        person.institution_id = inst_id
        inst = idx["institutions"].get(inst_id)
        person.organization = inst["name"] if inst else None
    elif title:
        # no gazetteer institution: the organisation named in the role ("ekonom CORE ..." -> "CORE ...")
        m = _TITLE_HEAD_RE.match(title)
        rest = title[m.end():].strip() if m else ""
        rest = re.sub(r"^(?:Umum|Utama|Eksekutif|Bidang\s+\w+)\s+", "", rest)
        if rest and rest[0].isupper():
            person.organization = rest


_NAME_BEFORE_VERB = re.compile(
    r"(?P<name>(?:[A-Z][a-z'’]+\s+){0,5}[A-Z][a-z'’]+)\s*,?\s*"
    r"(?:\bdi\s+[A-Z]\w+(?:\s+[A-Z]\w+)?\s*,?\s*)?(?:(?:pada\s+)?" + _WEEKDAY_RE + r"\s*(?:\([^)]*\))?\s*,?\s*)?"
    + SUBJECT_ADVERBS + r"$")


_NAME_STOPWORDS = {
    "jakarta", "indonesia", "dki", "jawa", "barat", "timur", "tengah", "utara", "selatan", "bandung", "surabaya",
    "kementerian", "badan", "dinas", "pemerintah", "provinsi", "kabupaten", "kota", "umum", "utama", "bidang",
    "komisioner", "pengawas", "perbankan", "koperasi", "usaha", "mikro", "kecil", "menengah", "perdagangan",
    "perindustrian", "keuangan", "digital", "informatika", "komunikasi", "ekonomi", "nasional", "pemasaran",
    "produksi", "pengembangan", "asosiasi", "lembaga", "direktorat", "jenderal", "kantor", "negara", "republik",
    "ri", "kreatif", "pariwisata", "desa", "daerah", "wilayah", "sumber", "daya", "manusia", "industri",
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "menurut", "sementara", "namun", "dalam",
    "negeri", "luar", "deputi", "direktur", "kepala", "ketua", "menteri", "sekretaris", "staf", "khusus", "asisten",
    "fraksi", "partai", "komisi", "program", "gerakan", "aplikasi", "platform", "pasar", "toko", "kampung",
}
# words followed by a place name ("Kota Malang Wahyu Setianto": the place, then the name)
PLACE_HEADS = {"kota", "kabupaten", "provinsi", "kecamatan", "kelurahan", "desa"}
_PLACE_WRITTEN = r"(?:\b(?:di|Kota|Kabupaten|Kab\.|Provinsi|Kecamatan|Desa)[^\S\n]+)"


def drop_leading_places(words: list, text: str) -> list:
    """The name words without the place an office's title ends with ("Kepala Kantor Perwakilan BI Malang Arief
    Setiawan Nugroho"): a leading word the article writes as a place elsewhere ("Kota Malang", "di Malang") goes,
    as long as two name words stay. A party's name (or its tail) and a form of address go too."""
    while len(words) >= 3 and re.search(rf"{_PLACE_WRITTEN}{re.escape(words[0])}\b", text):
        words = words[1:]
    if len(words) == 2 and _ends_a_place(words[0], words[1], text) and _called_alone(words[1], words[0], text):
        words = words[1:]  # "Kepala Desa Karanganyar Wetan Sutrisno", then "Sutrisno juga menyebut ..."
    return drop_party_and_address(words)


def _ends_a_place(word: str, following: str, text: str) -> bool:
    """The word ends a place's name the article writes after a place noun ("Desa Karanganyar Wetan", "di Karanganyar
    Wetan"), somewhere it is not followed by the rest of the name ("Provinsi Bali I Gede Arsana" is the name)."""
    rest = rf"(?![^\S\n]+{re.escape(following)}\b)"
    return re.search(rf"{_PLACE_WRITTEN}(?:[A-Z][\w-]*[^\S\n]+){{0,2}}{re.escape(word)}\b{rest}", text) is not None


def _called_alone(word: str, before: str, text: str) -> bool:
    """The article calls the person by the word alone elsewhere ("Sutrisno juga menyebut", "kata Sutrisno"): not
    after the word that precedes it in the written name, and not followed by another capitalised word."""
    return re.search(rf"(?<!{re.escape(before)} )\b{re.escape(word)}\b(?![^\S\n]+[A-Z])", text) is not None


_PARTY_WORDS = [str(p).split() for p in lexicon("speech")["party_names"]]
_ADDRESS_FORMS = {str(w) for w in lexicon("speech")["address_forms"]}


def drop_party_and_address(words: list) -> list:
    """The name words without a leading party name or the tail of one the NER cut ("Perjuangan Rahmat Hidayat" of
    "Fraksi PDI Perjuangan Rahmat Hidayat", "Golkar Dewi Anggraini") and without a form of address ("Mama Yosina
    Ayomi"): the title ends with them, the name follows. One name word always stays."""
    for party in _PARTY_WORDS:
        for k in range(len(party), 0, -1):
            if len(words) > k and words[:k] == party[-k:]:
                return drop_party_and_address(words[k:])
    if len(words) >= 2 and words[0] in _ADDRESS_FORMS:
        return words[1:]
    return words


# words followed by a one-word name that is no person's ("Fraksi Nasdem", "Partai Golkar")
_NAMED_BY_NEXT_WORD = {"fraksi", "partai"}


def _rule_name_before(text: str, pos: int, ctx: Ctx) -> Person | None:
    # drop an appositive ("Ipuk Fiestiandani, yang juga Ketua Dekranasda, mengatakan")
    app = re.search(r",\s*yang\s+(?:juga\s+)?[^,]{3,80},\s*$", text[:pos])
    if app:
        pos = app.start()
    m = _NAME_BEFORE_VERB.search(text[max(0, pos - 160):pos])
    if not m:
        return None
    words = m.group("name").split()
    surfaces = _surface_institutions()
    cut = [i for i, w in enumerate(words) if w.lower() in _NAME_STOPWORDS or w.lower() in surfaces
           or _TITLE_HEAD_RE.fullmatch(w) or (i < len(words) - 1 and _is_region(w))]
    if cut:
        if len(words) - cut[-1] - 1 == 1 and words[0].lower() in ORG_NAME_HEADS:
            return None  # "Direktorat Jenderal Perbendaharaan mencatat": one word left of an institution's name
        head = words[cut[-1]].lower()
        skip = 2 if head in _NAMED_BY_NEXT_WORD or (head in PLACE_HEADS and len(words) - cut[-1] >= 4) else 1
        words = words[cut[-1] + skip:]  # the name follows the last role / institution / place word
    words = drop_leading_places(words, ctx.text)
    if not words or any(w.lower() in _NAME_STOPWORDS for w in words):
        return None
    lead = text[max(0, pos - 160):pos][:m.start("name")]
    if len(words) >= 3 and re.search(r"\b(?:Bupati|Gubernur|Wali\s*[Kk]ota|Walikota|Camat|Lurah)\s*$", lead + " ".join(
            m.group("name").split()[:len(m.group("name").split()) - len(words)])):
        words = words[1:]  # "Bupati Banyuwangi Ipuk Fiestiandani": the region, then the name
    name = " ".join(words)
    abs_start = max(0, pos - 160) + m.start("name") + m.group("name").rfind(words[0])
    bm = BALINESE_PREFIX.search(text[:abs_start])
    if bm and BALINESE_GIVEN.match(words[0]):
        name, abs_start = f"{bm.group('p')} {name}", bm.start()  # "... Klungkung I Ketut Darma Putra mengatakan"
    title = _title_before(text, abs_start - 0) if abs_start <= len(text) else None
    full, pid = name, None
    for known, person in list(ctx.persons.items()):
        if name.lower() == known.lower() or name.lower() in known.lower().split():
            if name.lower() != known.lower():
                # "Lestari menambahkan" after "PT Bank Nusantara Sejahtera Lestari Widjaja": the name starts here
                _trim_prefix(person, known.lower().split().index(name.lower()), 1, ctx)
            return person
    if title is None:
        return None  # an unknown capitalised phrase without a role is too risky
    idx, surname = _gaz()
    pid = surname.get(name.lower())
    if pid:
        full = idx["people"][pid]["name"]
    person = ctx.persons.get(full) or Person(name=full, person_id=pid, title=title)
    ctx.persons[full] = person
    _fill_org(person, ctx, title)
    return person


# the role, organisation and company words a titled name after a verb is read through ("kata Direktur Bisnis Mikro
# PT Bank Rakyat Indonesia (Persero) Tbk Andika Pratama")
_TITLED_RUN_AFTER = re.compile(r"[^\S\n]+(?P<run>(?:[A-Z(][\w.&/'’()-]*|and|of|for|the|dan|&)"
                               r"(?:[^\S\n]+(?:[A-Z(][\w.&/'’()-]*|and|of|for|the|dan|&)){1,16})")
COMPANY_WORDS = {"tbk", "tbk.", "(persero)", "persero", "pt", "cv", "ud", "and", "of", "for", "the", "dan", "&"}


def _rule_name_after(text: str, pos: int, ctx: Ctx) -> Person | None:
    """A titled name right after ``pos`` that the statistical NER missed: a role head, the role and organisation
    words, then two or three name words after the last role, institution, company or place word."""
    m = _TITLED_RUN_AFTER.match(text, pos)
    if not m or not _TITLE_HEAD_RE.match(m.group("run")):
        return None
    words = [w.rstrip(".") if w.lower() not in COMPANY_WORDS else w for w in m.group("run").split()]
    surfaces = _surface_institutions()
    cut = [i for i, w in enumerate(words) if w.lower() in _NAME_STOPWORDS or w.lower() in surfaces or
           w.lower() in ORG_NAME_HEADS or w.lower() in COMPANY_WORDS or w.lower() in _ROLE_WORDS or
           _TITLE_HEAD_RE.fullmatch(w) or _is_region(w) or not re.fullmatch(r"[A-Z][a-z'’]+", w)]
    if not cut:
        return None
    name_words = words[cut[-1] + 1:]
    if len(name_words) >= 3 and words[cut[-1]].lower() in PLACE_HEADS:
        name_words = name_words[1:]  # "ujar Kepala Diskopindag Kota Malang Bambang Suharyanto": the city, then the name
    name_words = drop_leading_places(name_words, ctx.text)
    if not 2 <= len(name_words) <= 3:
        return None
    name = " ".join(name_words)
    for known, person in ctx.persons.items():
        if name.lower() == known.lower():
            return person
    title = _clean_title(" ".join(words[:len(words) - len(name_words)]))
    idx, surname = _gaz()
    pid = surname.get(name.lower())
    full = idx["people"][pid]["name"] if pid else name
    person = ctx.persons.get(full) or Person(name=full, person_id=pid, title=title)
    ctx.persons[full] = person
    _fill_org(person, ctx, title)
    return person


# a lone capitalised word right after a said-verb, ending the clause ('..." kata Wulan.', '..." ujar Painem saat ...')
_BARE_NAME_AFTER = re.compile(r"[^\S\n]+(?P<name>[A-Z][a-z'’]{2,})(?=[^\S\n]*(?:[,.;]|$)|"
                              r"[^\S\n]+(?:saat|dalam|di|kepada|usai|ketika|seusai|sambil|pada|melalui|lewat|kemarin)\b)")


def bare_name_after(text: str, pos: int, ctx: Ctx) -> Person | None:
    """'..." kata Wulan.': a one-word name after a said-verb that the NER missed, resolved to the fullest form the
    article gives ("Wulan Sari, pemilik ..." earlier)."""
    m = _BARE_NAME_AFTER.match(text, pos)
    if not m:
        return None
    word = m.group("name")
    if word.lower() in _NAME_STOPWORDS or word.lower() in ORG_NAME_HEADS or _TITLE_HEAD_RE.fullmatch(word) or \
            _is_region(word) or word in ("Ia", "Dia", "Beliau"):
        return None
    name, pid = _resolve_name(word, "", ctx)
    person = ctx.persons.get(name) or Person(name=name, person_id=pid)
    ctx.persons[name] = person
    return person


def _known_name_at(text: str, pos: int, ctx: Ctx) -> Person | None:
    """A capitalised word at ``pos`` that is part of a person already named in the article ("Menurut Rosmaniar,")."""
    m = re.match(r"\s*((?:[A-Z][a-z'’]+)(?:\s+[A-Z][a-z'’]+){0,3})", text[pos:])
    if not m:
        return None
    words = m.group(1).lower().split()
    for full, person in reversed(list(ctx.persons.items())):
        parts = full.lower().split()
        if words[0] in parts:
            _trim_prefix(person, parts.index(words[0]), 1, ctx)
            return person
    return None


def _trim_prefix(person: Person, i: int, n_words: int, ctx: Ctx) -> bool:
    """A later mention by the word at index ``i`` of the written name shows where the name starts: "Universitas
    Gadjah Mada Rimawan Pradiptyo" then "kata Rimawan", "Banjarmasin Muhammad Fadillah" then "Fadillah
    menyebutkan": the institution or place read into the name moves to the title. True when trimmed."""
    parts = person.name.lower().split()
    if person.person_id or i <= 0:
        return False
    # "Kasir Nusantara Rachmat Sudarsono" then "kata Rachmat": the words before the one the person is called by are
    # an organisation's name, as long as two name words stay and none of them is a name particle
    org_prefix = any(w in ORG_NAME_HEADS for w in parts[:i]) or (
        n_words == 1 and len(parts) - i >= 2 and not any(w in NAME_PARTICLES for w in parts[:i]))
    if not org_prefix and n_words == 1:
        # "Banjarmasin Muhammad Fadillah" then "Fadillah": the words before are a place the article names as such
        # ("di Banjarmasin"); the name keeps at least two words
        for k in range(1, min(i, len(parts) - 2) + 1):
            place = " ".join(person.name.split()[:k])
            if re.search(rf"\b(?:di|ke|dari|Kota|Kabupaten|Provinsi)\s+{re.escape(place)}\b", ctx.text):
                i, org_prefix = k, True
                break
    if not org_prefix:
        return False
    org = " ".join(person.name.split()[:i])
    person.name = " ".join(person.name.split()[i:])
    person.title = f"{person.title} {org}" if person.title and org not in person.title else (person.title or org)
    if not person.organization:
        person.organization = org
    ctx.persons[person.name] = person
    return True


def _person_for_title(title: str, ctx: Ctx) -> Person | None:
    title_l = title.lower().strip()
    iid = _institution_in(title)
    # a person already named in the article with a matching title / institution
    for p in reversed(list(ctx.persons.values())):
        if p.title and (title_l in p.title.lower() or p.title.lower() in title_l):
            return p
        if iid and p.institution_id == iid and _TITLE_HEAD_RE.match(title) and p.title and \
                p.title.split()[0].lower()[:4] == title.split()[0].lower()[:4]:
            return p
    # gazetteer: who held it on the statement date
    idx, _ = _gaz()
    if ctx.day is None:
        return ctx.last_speaker if ctx.last_speaker and ctx.last_speaker.institution_id == iid and iid else None
    for pid, person in idx["people"].items():
        for q in person.get("positions", []):
            forms = [q.get("title", ""), *q.get("title_variants", [])]
            if any(f and f.lower() == title_l for f in forms) and q.get("start") and _in_period(q, ctx.day):
                p = ctx.persons.get(person["name"]) or Person(name=person["name"], person_id=pid, title=title)
                ctx.persons[person["name"]] = p
                _fill_org(p, ctx, title)
                return p
    return None
