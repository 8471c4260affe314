"""Clause segmentation without a parser: a sentence becomes a sequence of clauses, each with the connective that
opened it, so that claim typing can ask which verb or cue governs a figure *within its own clause*.

Boundaries (docs/claims.md "Clause segmenter"):
- ``;`` and ``:`` (not inside ``16:30`` or ``1:2``), sentence breaks inside quotations;
- a comma before a clause connective (namun, tetapi, sementara, sehingga, padahal, apalagi, meski, lalu ...);
- a connective without a comma (namun, sedangkan, sementara itu, apalagi, terlebih);
- a conditional marker (jika, kalau, bila ...) opens a clause; the comma after it closes it;
- ``dari N ..., baru/hanya/sekitar M`` : the base clause ends at its comma;
- ``, dan`` / ``, serta`` before a new figure or a new predicate (a list of facts, not "mikro, kecil, dan menengah");
- relative ``yang`` is not a boundary of its own; it is reported as ``relative_at`` so typing can tell the head of a
  relative clause ("65 juta UMKM yang harus dibina") from the predicate of the clause.

``segment(text)`` is cached per sentence: every figure of a sentence asks about the same sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.claims.lexicon import alternation

_CONNECTIVES = alternation("clauses", "connectives")
_BARE_CONNECTIVES = alternation("clauses", "bare_connectives")
_CONDITIONAL = alternation("conditional", "markers")
_FRAMING = alternation("conditional", "framing_after_marker")
_FACTUAL = alternation("conditional", "factual_clause_openers")
_PAST_CONTRAST = alternation("conditional", "past_contrast_after_marker")

_STRONG = re.compile(
    r"(?P<semi>;)|(?<!\d):(?!\d)|[.!?][\"”’]?\s+(?=[A-Z\"“(])"
    rf"|,\s*(?P<conn>{_CONNECTIVES})\b"
    rf"|\b(?P<bare>{_BARE_CONNECTIVES})\b", re.IGNORECASE)
_COND = re.compile(rf"(?:^|(?<=[\s,(“\"]))(?P<m>{_CONDITIONAL})\b(?!\s+(?:{_FRAMING})\b)", re.IGNORECASE)
_NUMBER = r"(?:Rp\.?\s*|US\$\s*)?\d[\d.,]*"
_ENUM_TAIL = alternation("clauses", "enumeration_tails")
_LIST_AND = re.compile(rf",\s*(?:dan|serta)\s+(?!(?:{_ENUM_TAIL})\b)(?=(?:\S+\s+){{0,3}}?{_NUMBER})", re.IGNORECASE)
_BASE_COMMA = re.compile(rf"\b[Dd]ari\s+(?:sekitar\s+|total\s+|sebanyak\s+|seluruh\s+)?{_NUMBER}[^,;:]*?(?P<c>,)\s+"
                         r"(?=(?:\w+\s+){0,3}?(?:baru|hanya|cuma|sekitar|sebanyak|sebagian|tercatat|sudah|telah|"
                         r"\d))")


@dataclass(frozen=True)
class Clause:
    start: int  # offsets in the sentence
    end: int
    opener: str  # the connective or mark that opened the clause ("" for the first clause)
    conditional: bool = False  # opened by a conditional marker that is not a framing ("kalau dihitung")

    def text(self, sentence: str) -> str:
        return sentence[self.start:self.end]


@lru_cache(maxsize=4096)
def segment(sentence: str) -> tuple[Clause, ...]:
    """The clauses of ``sentence`` in order; together they cover the whole sentence."""
    cuts: dict[int, tuple[int, str]] = {}  # cut position -> (start of the next clause, opener)
    for m in _STRONG.finditer(sentence):
        opener = (m.group("conn") or m.group("bare") or m.group(0).strip()[:1]).lower()
        cuts[m.start()] = (m.end() if not (m.group("conn") or m.group("bare")) else m.start(
            "conn" if m.group("conn") else "bare"), opener)
    for m in _LIST_AND.finditer(sentence):
        cuts.setdefault(m.start(), (m.end(), "dan"))
    for m in _BASE_COMMA.finditer(sentence):
        cuts.setdefault(m.start("c"), (m.end("c"), ","))
    conditional_at = []
    for m in _COND.finditer(sentence):
        if m.start() > 0:
            cuts.setdefault(m.start(), (m.start(), m.group("m").lower()))
        conditional_at.append(m.start())
        comma = sentence.find(",", m.end())
        if comma > 0:
            cuts.setdefault(comma, (comma + 1, ","))
    clauses = []
    pos, opener = 0, ""
    for cut in sorted(cuts):
        if cut < pos:
            continue
        nxt, nxt_opener = cuts[cut]
        if sentence[pos:cut].strip():
            clauses.append(_make(sentence, pos, cut, opener, conditional_at))
        elif clauses:
            clauses[-1] = _make(sentence, clauses[-1].start, cut, clauses[-1].opener, conditional_at)  # "; " alone
        pos, opener = nxt, nxt_opener
    if pos < len(sentence) or not clauses:
        clauses.append(_make(sentence, pos, len(sentence), opener, conditional_at))
    return tuple(clauses)


def _make(sentence: str, start: int, end: int, opener: str, conditional_at: list[int]) -> Clause:
    head = sentence[start:start + 12].lstrip(" ,\"“(").lower()
    cond = any(start <= c < end for c in conditional_at) and bool(re.match(rf"(?:{_CONDITIONAL})\b", head))
    return Clause(start, end, opener, cond)


def clause_at(sentence: str, pos: int) -> Clause:
    """The clause that holds sentence offset ``pos``."""
    for c in segment(sentence):
        if c.start <= pos < c.end:
            return c
    return segment(sentence)[-1]


def hypothetical(sentence: str, pos: int) -> bool:
    """R6: is the figure at ``pos`` in the condition or the consequence of a hypothetical statement?

    The condition is the clause a conditional marker opens; its consequence is the clause right after it (or right
    before it when the condition follows: "... bisa naik 20 persen jika ..."). Clauses opened by a factual connective
    (apalagi, terlebih, sementara itu) and a real past contrasted with the present ("bila dulu ..., kini ...") are
    kept; framing clauses ("kalau dihitung", "bila dibandingkan dengan") never count as conditions."""
    clauses = segment(sentence)
    idx = next((i for i, c in enumerate(clauses) if c.start <= pos < c.end), len(clauses) - 1)
    dropped = set()
    for i, c in enumerate(clauses):
        if not c.conditional or _real_past(sentence, clauses, i):
            continue  # "Bila tahun lalu tiap kurir mengantar 40 paket, sekarang 65": a real past, not a hypothesis
        dropped.add(i)
        if i + 1 < len(clauses) and clauses[i + 1].opener not in _factual_openers():
            dropped.add(i + 1)  # "Jika ..., (maka) M": the consequence after the condition
        if i > 0 and c.opener not in (",", ";", ":") and c.opener not in _factual_openers() and \
                not _SENTENCE_END.search(sentence, 0, c.start):
            # "... bisa naik 20 persen jika ...": the consequence before a trailing condition; not the sentence
            # before a condition that opens a new one inside a quotation ("IKM itu 99 persen. Kalau mereka ...")
            dropped.add(i - 1)
    return idx in dropped


_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s*$")
_PAST_RX = re.compile(rf"[\s,\"“(]*(?:{_CONDITIONAL})\s+(?:{_PAST_CONTRAST})\b", re.IGNORECASE)
_PAST_ANYWHERE = re.compile(rf"\b(?:{_PAST_CONTRAST})\b", re.IGNORECASE)
_PRESENT_OPENS = re.compile(rf"[\s,\"“(]*(?:{alternation('conditional', 'present_after_past')})\b", re.IGNORECASE)


def _real_past(sentence: str, clauses, i: int) -> bool:
    """"Bila dulu ..., kini ...": the conditional clause states a real past, contrasted with the present (R6 b) — a
    past word right after the marker, or anywhere in the clause when the next clause opens with "sekarang/kini"."""
    text = clauses[i].text(sentence)
    if _PAST_RX.match(text):
        return True
    return i + 1 < len(clauses) and bool(_PAST_ANYWHERE.search(text)) and \
        bool(_PRESENT_OPENS.match(clauses[i + 1].text(sentence)))


@lru_cache(maxsize=1)
def _factual_openers() -> frozenset:
    return frozenset(e.replace("\\s+", " ") for e in _FACTUAL.split("|")) | {";"}


# --- older helpers, kept for the stages that ask for plain bounds -------------------------------------------------

STRONG_BOUNDARY = re.compile(r"[;:]|[.!?][\"”’]?\s+(?=[A-Z\"“(])|,\s*(?:namun|tetapi|tapi|sementara|sedangkan|padahal|sehingga|jadi|maka|"
                             r"meski|meskipun|walaupun|walau|kemudian|lalu|dan\s+(?:kini|saat\s+ini|sekarang))\b|"
                             r"\b(?:namun|sedangkan|sementara\s+itu)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _clause_bounds(sent_text: str, rel_start: int, rel_end: int) -> tuple[int, int]:
    """Wide clause bounds (strong boundaries only) around a figure; used by scope, year and subject look-ups (cached:
    each of them asks about the same figure)."""
    left = 0
    for m in STRONG_BOUNDARY.finditer(sent_text[:rel_start]):
        left = m.end()
    right = len(sent_text)
    m = STRONG_BOUNDARY.search(sent_text, rel_end)
    if m:
        right = m.start()
    return left, right


def _nearest(rx, text: str, from_end: bool) -> int | None:
    """Distance (chars) of the nearest cue to the start (from_end=False) or end of ``text``."""
    best = None
    for m in rx.finditer(text):
        d = (len(text) - m.end()) if from_end else m.start()
        if best is None or d < best:
            best = d
    return best
