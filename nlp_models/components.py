"""Custom spaCy components of the Pantau pipeline (registered with ``@Language.factory``).

- ``pantau_sentencizer``: sentence boundaries that respect quotes, paragraphs and datelines;
- ``pantau_gazetteer``: an EntityRuler filled from ``nlp_models/gazetteer/patterns.jsonl`` (PER, ORG, PROGRAM, TITLE);
- ``pantau_ner``: the statistical NER of ``nlp_models/ner_model`` run only on sentences that can matter for claims
  (numbers, attribution verbs, titles), adding PER/ORG/LOC spans that do not overlap the gazetteer's.
"""
from __future__ import annotations

import bisect
import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

HERE = Path(__file__).resolve().parent
PATTERNS_FILE = HERE / "gazetteer" / "patterns.jsonl"
NER_MODEL_DIR = HERE / "ner_model"

OPEN_QUOTES = {"“", "«", "‘‘"}
CLOSE_QUOTES = {"”", "»", "’’"}
STRAIGHT_QUOTES = {'"', "''"}
SENT_END = {".", "!", "?", "…", "...", "?!", "!?", ".\""}
CLOSERS = {")", "]", "”", "’", '"', "»", "'"}
NO_SPLIT_AFTER = {
    "jl", "sdr", "tgl", "no", "dr", "ir", "prof", "h", "hj", "drs", "bpk", "kab", "kec", "prov", "tbk", "pt", "st",
    "vs", "ny", "tn", "mr", "mrs", "a.n", "u.p", "s.d", "dkk", "hlm",
}


def _is_space(tok) -> bool:
    return tok.is_space or not tok.text.strip()


@Language.factory("pantau_sentencizer")
def make_sentencizer(nlp, name):
    return PantauSentencizer()


class PantauSentencizer:
    """Rule sentencizer: paragraph breaks always split; ., !, ? split outside quotes when the next word can
    start a sentence; abbreviations, initials and datelines ("JAKARTA. ...") do not split."""

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        # each token's text and whether it is whitespace, read once (``doc[i]`` makes a new Token on every access)
        texts = [t.text for t in doc]
        space = [t.is_space or not text.strip() for t, text in zip(doc, texts)]
        starts = [False] * n
        starts[0] = True
        in_quote = False
        sent_start = 0
        i = 0
        while i < n:
            text = texts[i]
            if space[i]:
                if "\n" in text:
                    in_quote = False
                    j = i + 1
                    while j < n and space[j]:
                        j += 1
                    if j < n:
                        starts[j] = True
                        sent_start = j
                    i = j
                    continue
                i += 1
                continue
            if text in OPEN_QUOTES:
                in_quote = True
            elif text in CLOSE_QUOTES:
                in_quote = False
            elif text in STRAIGHT_QUOTES:
                in_quote = not in_quote
            if text in SENT_END:
                # tokens after the punctuation: closing quotes/brackets belong to this sentence
                j = i + 1
                closed_quote = False
                while j < n and texts[j] in CLOSERS and not space[j]:
                    if texts[j] in CLOSE_QUOTES or texts[j] in STRAIGHT_QUOTES:
                        closed_quote = True
                    j += 1
                if closed_quote:
                    in_quote = False
                if j >= n or space[j]:
                    i = j
                    continue
                nxt = texts[j]
                if text == "." and i > 0:
                    prev = texts[i - 1]
                    if prev.lower() in NO_SPLIT_AFTER or (len(prev) == 1 and prev.isupper()):
                        i = j
                        continue
                    if doc[i - 1].like_num and doc[j].like_num:
                        i = j
                        continue
                if in_quote and not closed_quote:
                    i = j
                    continue
                # dateline: "JAKARTA. Pemerintah ..." at paragraph start
                if i - sent_start <= 3 and all(t.text.isupper() or t.is_punct for t in doc[sent_start:i]):
                    i = j
                    continue
                first = nxt[0]
                if first.isupper() or first.isdigit() or nxt in OPEN_QUOTES or nxt in STRAIGHT_QUOTES or first in "(\"“'‘":
                    starts[j] = True
                    sent_start = j
                i = j
                continue
            i += 1
        import numpy

        from spacy.attrs import SENT_START

        arr = numpy.array([1 if st else -1 for st in starts], dtype="int64").astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], arr)  # one call instead of a setter (and its checks) per token
        return doc


@Language.factory("pantau_gazetteer", default_config={"patterns_path": None, "overwrite_ents": True})
def make_gazetteer_ruler(nlp, name, patterns_path, overwrite_ents):
    path = Path(patterns_path) if patterns_path else PATTERNS_FILE
    patterns = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    return GazetteerRuler(nlp, patterns, overwrite_ents)


class GazetteerRuler:
    """Entity ruler for the gazetteer's token patterns, run with two PhraseMatchers (exact ``ORTH`` patterns for
    acronyms and names, ``LOWER`` for the rest): the same matches as an EntityRuler, several times faster.
    Longest match wins; labels PER / ORG / PROGRAM / TITLE; ``ent_id_`` = ``person:ID`` / ``inst:ID`` / ``prog:ID``."""

    def __init__(self, nlp, patterns: list[dict], overwrite_ents: bool = True):
        from spacy.matcher import PhraseMatcher

        self.vocab = nlp.vocab
        self.overwrite = overwrite_ents
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[int, tuple[str, str]] = {}
        for i, p in enumerate(patterns):
            toks = p["pattern"]
            if not toks:
                continue
            attr = "ORTH" if "ORTH" in toks[0] else "LOWER"
            words = [t.get("ORTH", t.get("LOWER")) for t in toks]
            key = f"{p['label']}|{p.get('id', '')}"
            kid = nlp.vocab.strings.add(key)
            self.keys[kid] = (p["label"], p.get("id", ""))
            doc = Doc(nlp.vocab, words=words)
            (self.exact if attr == "ORTH" else self.lower).add(key, [doc])

    def __call__(self, doc: Doc) -> Doc:
        matches = list(self.exact(doc)) + list(self.lower(doc))
        if not matches:
            return doc
        spans = []
        for kid, start, end in matches:
            label, ent_id = self.keys[kid]
            spans.append(_span(doc, start, end, label, ent_id))
        spans = filter_spans(spans)
        if self.overwrite:
            occupied = set()
            for sp in spans:
                occupied.update(range(sp.start, sp.end))
            keep = [e for e in doc.ents if not occupied.intersection(range(e.start, e.end))]
        else:
            keep = list(doc.ents)
            occ = set()
            for e in keep:
                occ.update(range(e.start, e.end))
            spans = [sp for sp in spans if not occ.intersection(range(sp.start, sp.end))]
        doc.ents = sorted(keep + spans, key=lambda e: e.start)
        return doc


def _span(doc, start, end, label, ent_id):
    sp = Span(doc, start, end, label=label)
    if ent_id:
        sp.id_ = ent_id
    return sp


TRIGGER_WORDS = {
    "kata", "ujar", "ungkap", "tutur", "jelas", "pungkas", "tambah", "sebut", "imbuh", "terang", "papar", "lanjut",
    "tegas", "menurut", "mengatakan", "menyebut", "menyebutkan", "menjelaskan", "menyampaikan", "mengungkapkan",
    "menegaskan", "menuturkan", "memaparkan", "menerangkan", "menambahkan", "katanya", "ujarnya", "ungkapnya",
    "tuturnya", "jelasnya", "pungkasnya", "tambahnya", "sebutnya", "imbuhnya", "terangnya", "paparnya", "lanjutnya",
    "tegasnya", "menteri", "menkop", "deputi", "direktur", "dirjen", "ketua", "kepala", "presiden", "wakil", "ceo",
    "sekretaris", "gubernur", "bupati", "wali", "asisten", "staf", "head", "country", "founder", "pendiri",
    "menargetkan", "mengklaim", "berharap", "optimistis", "mengapresiasi", "menilai", "menyatakan", "mengakui",
    "meminta", "bercerita", "ucap", "ucapnya", "ekonom", "pengamat", "peneliti", "analis", "pendiri", "pemilik",
    "direktur", "manajer", "memperkirakan", "mencatat", "menyoroti", "membeberkan", "menekankan", "mengemukakan",
}


COMMON_CAPITALS = {
    "Jakarta", "Indonesia", "Kami", "Kita", "Saya", "Ini", "Itu", "Dia", "Ia", "Mereka", "Namun", "Selain", "Sementara",
    "Menurut", "Dalam", "Pada", "Untuk", "Dengan", "Sejak", "Hingga", "Saat", "Tahun", "Data", "Angka", "Jumlah",
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Januari", "Februari", "Maret", "April", "Mei",
    "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember", "Pemerintah", "Adapun", "Jadi",
    "Tapi", "Dan", "Baca", "Juga", "Bahkan", "Oleh", "Karena", "Sebelumnya", "Kemudian", "Lebih", "Ke", "Di",
    "Dari", "Ada", "Apa", "Bagi", "Terkait", "Berdasarkan", "Tanah", "Air", "Pak", "Bu",
}


def sentence_is_relevant(sent) -> bool:
    """Run the statistical NER only where an unknown name can matter for attribution: a capitalised word that the
    gazetteer has not tagged, within a few tokens of an attribution word (said-verb, "menurut", a title)."""
    triggers, names = [], []
    for i, t in enumerate(sent):
        low = t.lower_
        if low in TRIGGER_WORDS:
            triggers.append(i)
        elif not t.ent_type and t.text[:1].isupper() and t.text[1:2].islower() and t.text not in COMMON_CAPITALS:
            names.append(i)
    if not triggers or not names:
        return False
    return any(abs(i - j) <= 6 for i in names for j in triggers)


NAME_STOP = {
    "Menteri", "Menkop", "Deputi", "Direktur", "Dirjen", "Kepala", "Ketua", "Sekretaris", "Presiden", "Wakil",
    "Gubernur", "Bupati", "Wali", "Dinas", "Komisioner", "Pengawas", "Asisten", "Staf", "Khusus", "Umum", "Utama",
    "Bidang", "Kementerian", "Badan", "Jakarta", "Indonesia", "Bandung", "Surabaya", "Medan", "Bali", "Yogyakarta",
    "Semarang", "Makassar", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Pak", "Bu", "Ibu",
    "Bapak", "Menurut", "Kata", "Sementara", "Namun", "Adapun", "Dalam", "Pada", "Di", "Ia", "Dia", "Kami", "Kita",
    "Saya", "CEO", "Founder", "Head", "Chief", "Manager", "Koordinator", "Perbankan", "Pemasaran", "Perdagangan",
    "Barat", "Timur", "Tengah", "Utara", "Selatan", "Kalimantan", "Sumatera", "Sulawesi", "Papua", "Jawa", "Provinsi",
    "Kabupaten", "Kota", "Daerah", "Istimewa", "Kepulauan", "Riau", "Aceh", "Banten", "Lampung", "Maluku", "Nusa",
    "Tenggara", "Gorontalo", "Jambi", "Bengkulu", "Pontianak", "Kalbar", "Kaltim", "Sumut", "Sumbar", "Jatim",
    "Jateng", "Jabar", "Koperasi", "Usaha", "Mikro", "Kecil", "Menengah", "Dinas", "Kantor",
}


def _name_token(tok) -> bool:
    t = tok.text
    return (len(t) > 1 and t[0].isupper() and t[1:].islower() and t.isalpha() and t not in NAME_STOP
            and tok.ent_type_ == "")


def _extend_person(doc: Doc, span: Span) -> Span:
    """Grow a statistical PER span over adjacent capitalised name tokens ("OJK Teguh [Supangkat]",
    "[Elisabeth] Ratu Rante Allo di ...")."""
    start, end = span.start, span.end
    sent_start = span.sent.start
    n = 0
    while start - 1 >= sent_start and n < 2 and _name_token(doc[start - 1]) and not doc[start - 1].is_sent_start:
        start -= 1
        n += 1
    n = 0
    while end < span.sent.end and n < 3 and _name_token(doc[end]):
        end += 1
        n += 1
    while start < end - 1 and doc[start].text in NAME_STOP:
        start += 1  # "Kalimantan Barat Rosmaniar Hasibuan" -> the name only
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def _plausible_name(text: str) -> bool:
    """Statistical spans must look like names: capitalised, letters, no digits or brackets."""
    t = text.strip()
    return bool(t) and t[0].isupper() and not any(c.isdigit() for c in t) and not any(c in t for c in "()[]\"“”")


@Language.factory("pantau_ner", default_config={"model_path": None, "mode": "selective"})
def make_selective_ner(nlp, name, model_path, mode):
    return SelectiveNER(Path(model_path) if model_path else NER_MODEL_DIR, mode)


NER_MODES = ("selective", "all", "off")


class NERModelMissing(RuntimeError):
    """The statistical NER is configured on but its trained model is not there: a configuration error, raised when
    the pipeline is built (never a silent switch to no NER, which would change every speaker quietly)."""


@registry.tokenizers("pantau.UnusedTokenizer.v1")
def create_unused_tokenizer():
    """A tokenizer without rules for the NER model, whose input Docs are always built from words."""
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


class SelectiveNER:
    """Runs the trained NER on relevant sentences only (mode ``selective``), on all (``all``) or none (``off``)."""

    def __init__(self, model_dir: Path, mode: str = "selective"):
        if mode not in NER_MODES:
            raise ValueError(f"pantau_ner: mode must be one of {', '.join(NER_MODES)}, not {mode!r}")
        if mode != "off" and not (Path(model_dir) / "meta.json").exists():
            raise NERModelMissing(
                f"pantau_ner: no trained NER model at {model_dir} (meta.json missing); train it with `make train-ner` "
                "or set the component's mode to \"off\" in nlp_models/config.cfg")
        self.model_dir = model_dir
        self.mode = mode
        self._nlp = None

    @property
    def model(self):
        """The trained NER pipeline, loaded on first use (spaCy's own component checks ask for ``model`` while the
        pipeline is built); None when the NER is off."""
        if self._nlp is None and self.mode != "off":
            import spacy

            # Doc objects are built from the pipeline's own tokens, so the model's tokenizer is never used: neither
            # read from disk nor built from the language defaults (a second copy of the ~16,000 Indonesian special
            # cases, most of the model's load time)
            self._nlp = spacy.load(self.model_dir, exclude=["tokenizer"],
                                   config={"nlp": {"tokenizer": {"@tokenizers": "pantau.UnusedTokenizer.v1"}}})
        return self._nlp

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 64):
        """The NER over a batch of documents in one forward pass of the model (``nlp.pipe``): per document the
        same entities as one call each (the model's window never crosses from one input to the next), at about
        60 % of the CPU, because the model's fixed cost per call is paid once per batch."""
        if self.mode == "off":
            yield from docs
            return
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch)
                batch = []
        if batch:
            yield from self._tag(batch)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        inputs = [self._model_input(doc) for doc in docs]
        tagged = iter(self.model.pipe([sdoc for sdoc, _ in inputs if sdoc is not None], batch_size=len(docs)))
        for doc, (sdoc, joins) in zip(docs, inputs):
            if sdoc is not None:
                self._add_entities(doc, next(tagged), joins)
        return docs

    def _model_input(self, doc: Doc):
        """The relevant sentences laid end to end as one Doc of the model's vocabulary, and where each came from;
        (None, None) when no sentence is relevant. One input per article: the CNN window is a few tokens, so
        neighbours barely interact; spans that cross a sentence join are dropped."""
        sents = [s for s in doc.sents if self.mode == "all" or sentence_is_relevant(s)]
        if not sents:
            return None, None
        words, spaces, joins = [], [], []
        for s in sents:
            joins.append((len(words), s.start, s.end - s.start))
            for t in s:
                words.append(t.text)
                spaces.append(bool(t.whitespace_))
            if spaces:
                spaces[-1] = True
        return Doc(self.model.vocab, words=words, spaces=spaces), joins

    @staticmethod
    def _add_entities(doc: Doc, sdoc: Doc, joins: list[tuple[int, int, int]]) -> None:
        new = []
        starts = [j[0] for j in joins]
        for e in sdoc.ents:
            k = bisect.bisect_right(starts, e.start) - 1
            off, dstart, length = joins[k]
            if e.end - off > length or not _plausible_name(e.text):
                continue
            span = Span(doc, dstart + e.start - off, dstart + e.end - off, label=e.label_)
            if not any(_is_space(t) for t in span):
                new.append(span)
        new = [_extend_person(doc, e) if e.label_ == "PER" else e for e in new]
        if new:
            existing = list(doc.ents)
            occupied = set()
            for e in existing:
                occupied.update(range(e.start, e.end))
            add = [e for e in filter_spans(new) if not occupied.intersection(range(e.start, e.end))]
            doc.ents = sorted(existing + add, key=lambda e: e.start)
