"""Data sources cited as the subject of a sentence ("Data lembaga riset Momentum Works menunjukkan ...", "Menurut
riset konsultan Redseer, ...", "Laporan yang sama memproyeksikan ..."): the convention of 2026-12-03 (FORMAT.md) ends
a speaker's account at a new data source: speaker null, organization the source. A source that is the speaker's own
(his or her institution, "survei kami") stays in the account; that decision is discourse.py's (``same_institution``).
"""
from __future__ import annotations

import re

from extract.claims.attribution import Attribution, _org_after
from extract.claims.lexicon import alternation
from extract.claims.people import sent_text

# the sentence's subject is a source noun, after an optional connective ("Sementara itu, ") and citing verb
SOURCE_SUBJECT = re.compile(
    r"^\W*(?:[A-Z]?[a-z]+(?:\s+[a-z]+){0,2}\s*,\s*)?"
    r"(?:(?:[Mm]enurut|[Bb]erdasarkan|[Mm]engacu\s+(?:pada|ke)|[Mm]erujuk(?:\s+(?:pada|ke))?)\s+)?"
    rf"(?i:{alternation('speech', 'data_source_nouns')})\b(?P<rest>[^,.;:“”\"]{{0,90}})")
# any mention of a source noun: the sentence may be the one a later "Laporan yang sama" refers back to
SOURCE_NOUN = re.compile(rf"\b(?i:{alternation('speech', 'data_source_nouns')})\b")
# "Laporan yang sama", "Survei itu": the source cited just before
BACK_TO_SOURCE = re.compile(r"\s+(?:yang\s+sama|itu|tersebut|ini)\b")
# the speaker's own source: "survei kami", "riset yang kami lakukan", "datanya", "data internal perusahaan"
OWN_SOURCE = re.compile(r"\b(?:kami|kita|internal)\b|^nya\b", re.IGNORECASE)
# a source named by a capitalised run right after the noun and its descriptors ("lembaga riset Momentum Works"),
# possibly opening with "e-" ("e-Conomy SEA 2022")
_NAMED_RUN = re.compile(rf"\s+(?:(?:{alternation('speech', 'data_source_descriptors')})\s+){{0,3}}"
                        r"(?P<org>(?:e-)?[A-Z][\w&.’'-]*(?:\s+(?:[A-Z0-9][\w&.’'()-]*|dan|&|and))*)")


def cited_source(sent, previous: Attribution | None) -> Attribution | None:
    """The attribution of a sentence whose subject is a cited data source: the source named in it, or for a
    back-reference ("Riset yang sama") ``previous``, the attribution of the source cited before; None when the
    sentence cites no named source or the speaker's own."""
    text = sent_text(sent)
    m = SOURCE_SUBJECT.match(text)
    if not m:
        return None
    rest = m.group("rest")
    if BACK_TO_SOURCE.match(rest):
        return previous
    if OWN_SOURCE.search(rest):
        return None
    org = _org_after(text, m.start("rest"))
    if org is None or org.organization is None or org.organization[:1].islower():
        named = _NAMED_RUN.match(rest)
        if not named:
            return None  # "Survei juga mencatat ...": no source named, the account goes on
        name = named.group("org").strip()
        org = Attribution(organization=name, kind="org", strength=2, surface=name)
    return org


# ", sementara Ketua ... Rizal Lubis menyebut ...": a second clause that may name a speaker of its own
CONTRAST_CLAUSE = re.compile(rf"[,;]\s*(?:{alternation('speech', 'contrast_clause_openers')})\s+", re.IGNORECASE)


def clause_speakers(sent, attr: Attribution, attribute) -> tuple:
    """(offset, attribution) of the later clauses of a sentence whose own said-verb names another person than
    ``attr``'s ("A mengatakan 3.800 ..., sementara B menyebut baru 1.200 ..."); ``attribute`` reads one span."""
    if attr.person is None:
        return ()
    text = sent_text(sent)
    found = []
    for m in CONTRAST_CLAUSE.finditer(text):
        span = sent.doc.char_span(sent.start_char + m.end(), sent.end_char, alignment_mode="expand")
        if span is None or len(span) < 3:
            continue
        sub = attribute(span)
        if sub.person is not None and sub.person is not attr.person and sub.kind in ("explicit", "quote"):
            found.append((m.end(), sub))
    return tuple(found)
