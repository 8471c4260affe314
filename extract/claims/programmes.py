"""Named programmes, platforms and schemes the gazetteer does not list (docs/claims.md "Scope").

A regional marketplace ("Banyuwangi Mall"), a city's ordering app ("e-Peken"), a company's training centre ("Kampus
UMKM Shopee") or a new ministry class ("Kelas AI") is named the way Indonesian news introduces any programme: a head
noun (program, platform, aplikasi, kampus ... - ``nlp_models/lexicons/scope.yaml``) followed by a capitalised or
quoted name, a naming verb ("bernama X"), or an appositive after a head that opens the sentence ("Platform belanja
milik Pemkab Banyuwangi, Banyuwangi Mall, ..."). Once introduced, every later mention of the name in the article is
a mention of the programme. Nothing here names one article's programme: only the shape of the introduction counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.claims.lexicon import alternation, lexicon

_HEADS = alternation("scope", "programme_heads")
_PLATFORM_HEADS = {w.lower() for w in lexicon("scope")["platform_heads"]}
_NAMING = alternation("scope", "naming_verbs")
_STOP = set(lexicon("scope")["name_stop"])
_AUDIENCE = set(lexicon("scope")["audience_words"])
# one word of a name: capitalised ("Mall"), an e-/i- form ("e-Peken", "e-Smart"), an acronym ("UMKM", "AI") or a
# number written with letters around it is not part of it
_WORD = r"(?:[A-Z][A-Za-z'’]*(?:-[A-Za-z'’]+)*|[a-z]-[A-Z][A-Za-z'’-]*)(?![\w-])"
# words between a head and the name: descriptive words, never a preposition (a name after "di" is a place)
_LINK = r"(?!(?:di|ke|dari|pada|bagi|untuk|bersama|dengan|oleh|milik|kepada|dan|atau|yang|sebagai|melalui|lewat)\b)[a-z][a-z-]*"
_NAME = rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,4}})"
# heads and naming verbs match in any case; the name itself must be capitalised (or quoted)
_INTRO = re.compile(
    rf"\b(?P<head>(?i:{_HEADS}))\b(?:\s+(?!(?i:{_HEADS})\b){_LINK}){{0,3}}?\s+(?:[\"“](?P<quoted>[^\"”]{{2,40}})[\"”]|{_NAME})"
    rf"|\b(?i:{_NAMING})\s+(?:[\"“](?P<quoted2>[^\"”]{{2,40}})[\"”]|(?P<name2>{_WORD}(?:\s+{_WORD}){{0,4}}))")
# "Platform belanja daring milik Pemkab Banyuwangi, Banyuwangi Mall, terus tumbuh": a head opening the sentence
_APPOSITIVE = re.compile(rf"(?:^|[.!?]\s+|[-–—]\s+)(?P<head>(?i:{_HEADS}))\b[^,.;\n]{{0,80}},\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}})\s*,")


@dataclass(frozen=True)
class Named:
    name: str
    platform: bool  # introduced as a place where businesses sell (platform, aplikasi, marketplace ...)

    @property
    def forms(self) -> tuple[str, ...]:
        """The name and its short form without a trailing audience word ("Kelas AI UMKM" is also "Kelas AI")."""
        words = self.name.split()
        if len(words) >= 3 and words[-1] in _AUDIENCE:
            return (self.name, " ".join(words[:-1]))
        return (self.name,)


def _clean(name: str) -> str | None:
    words = name.split()
    while words and (words[-1] in _STOP or words[-1].lower() in {"yang", "di", "dan"}):
        words.pop()
    if not words or words[0] in _STOP:
        return None
    if all(w.isupper() and len(w) <= 4 for w in words) and len(words) == 1:
        return None  # a bare acronym ("UMKM", "BI") is an institution or a class, not a programme's name
    return " ".join(words)


@lru_cache(maxsize=256)
def named_programmes(text: str) -> tuple[Named, ...]:
    """The programmes ``text`` introduces by name, in order of first introduction."""
    from extract.claims.gaz import _inst_matcher
    from extract.claims.scope import region_in

    found: dict[str, Named] = {}
    inst_pat, _ = _inst_matcher()
    for m in [*_INTRO.finditer(text), *_APPOSITIVE.finditer(text)]:
        groups = m.groupdict()
        raw = groups.get("quoted") or groups.get("quoted2") or groups.get("name") or groups.get("name2")
        if not raw:
            continue
        head = (groups.get("head") or "").lower()
        name = raw.strip() if (groups.get("quoted") or groups.get("quoted2")) else _clean(raw)
        if not name or name in found:
            continue
        head_text = m.group("head") if groups.get("head") else ""
        if head_text[:1].isupper() and re.search(r"[A-Z][\w)]*\s+$", text[max(0, m.start("head") - 40):m.start("head")]):
            continue  # "Departemen Kebijakan Sistem Pembayaran ...": the head is a word inside a longer name
        if head_text[:1].isupper() and m.start("head") > 0 and text[m.start("head") - 1] not in "\n.–—-" and \
                text[m.end("head"):m.end("head") + 1] == " " and groups.get("name") and \
                text[m.end("head") + 1:].startswith(raw):
            name = f"{head_text} {name}"  # "membuka Kampus UMKM Shopee": the capitalised head is part of the name
        if inst_pat.fullmatch(name) or region_in(name) or _known_programme(name):
            continue  # "platform Shopee", "aplikasi Pemprov Jateng", "Pasar Digital": the gazetteer's business
        found[name] = Named(name, head in _PLATFORM_HEADS)
    return tuple(found.values())


@lru_cache(maxsize=1)
def _gazetteer_programme_forms() -> tuple[str, ...]:
    from extract.claims.gaz import _gaz

    idx, _ = _gaz()
    return tuple(f.lower() for p in idx["programs"].values() for f in [p["name"], *p.get("aliases", [])])


def _known_programme(name: str) -> bool:
    """A name the gazetteer lists, or part of one ("Bangga Buatan Indonesia" of "Gerakan Nasional Bangga Buatan
    Indonesia"): the entity ruler tags it with its id."""
    low = name.lower()
    return any(low in form for form in _gazetteer_programme_forms())


@lru_cache(maxsize=2048)
def _mention_rx(names: tuple[str, ...]) -> re.Pattern | None:
    if not names:
        return None
    return re.compile("|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in sorted(names, key=len, reverse=True)))


def mentions(sentence: str, named: tuple[Named, ...]) -> list[tuple[int, int, Named]]:
    """Every mention in ``sentence`` of a programme the article introduced: (start, end, programme)."""
    by_name = {form: n for n in named for form in n.forms}
    rx = _mention_rx(tuple(by_name))
    if rx is None:
        return []
    return [(m.start(), m.end(), by_name[m.group(0)]) for m in rx.finditer(sentence)]
