"""Boilerplate removal shared by every outlet parser (sites.md §1.4).

Two layers: element removal on the lxml tree (:func:`strip_elements`) and paragraph
filters on text (:func:`is_boilerplate_paragraph`, :func:`clean_paragraphs`).
Datelines ("JAKARTA, KOMPAS.com -") are content and are kept.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree
from lxml.cssselect import CSSSelector

# Elements that never hold article prose.
GENERIC_DROP = (
    "script", "style", "noscript", "iframe", "form", "button", "svg", "video", "audio", "embed", "object",
    "select", "input", "textarea", "template", "canvas", "map",
    "figcaption", ".caption-img", ".caption", ".photo-caption", ".img-caption", ".wp-caption-text",
    "div[id^=div-gpt-ad]", "ins", ".article-ad", ".ads-placeholder", ".parallaxindetail", "p.para_caption",
    "table.linksisip", ".noncontent",
    # "Baca juga" blocks per outlet
    "[class^=inject-baca-juga]", "[class*=' inject-baca-juga']", "[class^=kompasidRec]", "[class*=' kompasidRec']",
    ".baca-juga-collections", ".picked-article", "#baca-juga", "span.baca-juga", ".baca-juga-box",
    "[class*=widget-baca-juga]", "p.baca", ".baca-juga", ".bacajuga", ".related-article", ".artikel-terkait",
    # captions, widgets, tails
    ".vicon", "#next-article", ".footnote-wrap", "blockquote.summary-article", ".newstag", ".end-of-article",
    "ai-summary", ".ai-summary", "[class*=ai-summary]",
    "blockquote.twitter-tweet", "blockquote.instagram-media", "blockquote.tiktok-embed",
    ".embed", ".embedded", ".video-embed", ".social-share", ".share", ".share-box", ".sharing", ".tags",
    "#paging", ".paging", ".pagination", ".newsletter", ".app-promo",
)

_AD_CLASS_RE = re.compile(
    r"^(?:ads?|adv|advert\w*|iklan\w*|ads[-_]\w[\w-]*|ad[-_](?:slot|unit|box|container|wrap\w*|banner)\w*|"
    r"[\w-]*[-_]ads?|[\w-]*[-_]ads?[-_][\w-]*|gpt[-_]ad\w*|dfp\w*|banner[-_]ad\w*)$",
    re.I,
)


@lru_cache(maxsize=512)
def css(selector: str) -> CSSSelector:
    return CSSSelector(selector)


def select(el, selector: str):
    try:
        return css(selector)(el)
    except Exception:  # invalid selector for this lxml version
        return []


def remove_element(el) -> None:
    """Remove el but keep its tail text attached to the previous node."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


@lru_cache(maxsize=256)
def _combined(selectors: tuple[str, ...]):
    """One compiled selector (a single XPath union) for many; None if any part is invalid."""
    try:
        return CSSSelector(", ".join(selectors))
    except Exception:
        return None


def strip_elements(root, extra: tuple[str, ...] = (), generic: bool = True) -> None:
    """Remove boilerplate elements below (and excluding) root."""
    sels = (GENERIC_DROP if generic else ()) + tuple(extra)
    doomed = []
    comb = _combined(sels)
    if comb is not None:
        doomed.extend(e for e in comb(root) if e is not root)
    else:
        for s in sels:
            doomed.extend(e for e in select(root, s) if e is not root)
    for el in root.iter():
        if not isinstance(el.tag, str):
            if isinstance(el, etree._Comment):
                doomed.append(el)
            continue
        cls = el.get("class")
        eid = el.get("id")
        if cls:
            for tok in cls.split():
                if _AD_CLASS_RE.match(tok):
                    doomed.append(el)
                    break
        if eid and _AD_CLASS_RE.match(eid):
            doomed.append(el)
        style = el.get("style")
        if style and "none" in style and re.search(r"display\s*:\s*none", style, re.I):
            # hidden widgets go; hidden prose stays (Liputan6 pages 2+ and "read more" parts can be hidden)
            if len(el.text_content().strip()) < 200:
                doomed.append(el)
    seen = set()
    for el in doomed:
        if id(el) in seen or el is root:
            continue
        seen.add(id(el))
        remove_element(el)


# ---------------------------------------------------------------------------
# Paragraph filters
# ---------------------------------------------------------------------------
_DROP_PARA_RES = [
    re.compile(p, re.I)
    for p in (
        r"^\s*[\[(]?\s*(?:baca\s+juga|baca\s+pula|baca\s+selengkapnya|artikel\s+terkait|berita\s+terkait|"
        r"read\s+also|see\s+also|also\s+read)\b",
        r"^\s*[\[(]?\s*(?:lihat|simak|tonton|saksikan)\s+juga\s*(?:[:\-–]|video\b|$)",
        r"^\s*baca\s*:",
        r"^\s*simak\b.{0,160}\b(?:whatsapp|wa)\s+channel\b",
        r"^\s*(?:simak|dapatkan|ikuti|gabung|follow)\b.{0,160}\b(?:whatsapp|telegram|google\s+news|channel|"
        r"ponselmu|breaking\s+news)\b",
        r"^\s*(?:advertisement|advertisment|iklan|scroll\s+to\s+continue\s+with\s+content|"
        r"baca\s+berita\s+tanpa\s+iklan.*)\s*$",
        r"^\s*baca\s+berita\s+tanpa\s+iklan",
        r"dapatkan\s+informasi,?\s+inspirasi\s+dan\s+insight\s+di\s+email\s+kamu",
        r"^\s*daftarkan\s+email",
        r"^\s*(?:download|unduh)\s+(?:aplikasi|app)\b",
        r"^\s*pilihan\s+editor\s*:",
        r"^\s*(?:copyright|hak\s+cipta)\s*(?:©|\(c\))?",
        r"^\s*©",
        r"^\s*\(?[a-z]{2,4}(?:/[a-z]{2,4}){1,3}\)?\s*$",  # CNN desk code "(lau/pta)"
        r"^\s*\(\s*[a-z]{2,5}\s*\)\s*$",  # reporter initials "(FHM)"
        # a listing row that leaked in: "Kamis, 05/11/2015 09:25 WIB Ini Dia Tempat Terbasah di Dunia"
        r"^\s*[-*•]?\s*(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,\s*)?\d{1,2}/\d{1,2}/\d{4}\s+"
        r"\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)\b.{0,150}$",
        r"^\s*(?:halaman\s+selanjutnya|selanjutnya|sebelumnya|tampilkan\s+semua|show\s+all|lanjut\s+baca)\s*[>»]*\s*$",
        r"^\s*halaman\s*:?\s*(?:\d+\s*)+(?:selanjutnya)?\s*$",
        r"^\s*(?:\d+\s+){1,}\s*(?:selanjutnya|next)\s*[>»]*\s*$",
        r"^\s*\(?\s*(?:foto|video|ilustrasi)\s*:\s*\S.{0,150}$",
        r"^\s*(?:tag|tags|topik|topik\s+terkait|kata\s+kunci)\s*:",
        r"^\s*(?:editor|penulis|pewarta|reporter|penerjemah|sumber)\s*:\s*[^.]{0,80}$",
        r"^\s*loading\.{0,3}\s*$",
        r"^\W*untuk\s+mengetahui\s+kebenaran\s+informasi\s+yang\s+beredar",  # Liputan6 Cek Fakta prompt
        r"^\s*\[gambas:[^\]]*\]\s*$",                                  # Detik/CNN embed placeholders
        r"^\s*(?:simak|saksikan|tonton|lihat)\s+(?:juga\s+)?video\b",
        r"^\s*artikel\s+ini\s+(?:telah\s+)?(?:tayang|terbit|sudah\s+tayang)\s+di\b",
        r"^\s*cek\s+berita\s+dan\s+artikel\s+yang\s+lain\s+di\s+google\s+news",
        r"^\s*simak\s+berita\s+lainnya\s+seputar\s+topik",
        r"^\s*baca\s+berita\s+dengan\s+sedikit\s+iklan",
        r"^\s*scroll\s+(?:ke\s+bawah\s+)?untuk\s+melanjutkan",
        r"^\s*(?:dapatkan|ikuti)\s+update\s+berita\s+pilihan",
        r"^\s*dilarang\s+keras\s+mengambil\s+konten",                     # Antara footer notice
        r"^\s*ikuti\s+perkembangan\s+berita\s+ini",                       # Kompas topic widget
        r"^\s*(?:ikuti|follow)\s+(?:kami|berita\s+\S+)\s+(?:di|on)\s+google\s+news",
    )
]
_DATE_ONLY_PARA_RE = re.compile(
    r"^\s*[-*•|]?\s*(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*)?\d{1,2}[\s/.-]+"
    r"(?:\d{1,2}|[a-z]{3,9})[\s/.-]+\d{4}\s*,?\s*(?:\|\s*)?(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?\s*(?:WIB|WITA|WIT)?\s*$",
    re.I)
_DESK_TAIL_RE = re.compile(r"\s*\((?:[a-z]{2,4}/){1,3}[a-z]{2,4}\)\s*$", re.I)
_DATELINE_ONLY_RE = re.compile(r"^[^\s].{0,80}?\s*(?:-{1,2}|–|—)$")
_KONTAN_CREDIT_RE = re.compile(r"^\s*reporter\s*:\s*(?P<rep>[^|]+?)\s*\|\s*editor\s*:\s*(?P<ed>.+?)\s*$", re.I)


def is_boilerplate_paragraph(text: str) -> bool:
    t = text.strip()
    if not t:
        return True
    if not re.search(r"\w", t):
        return True
    if _DATE_ONLY_PARA_RE.match(t):  # a bare timestamp is never prose
        return True
    return any(r.search(t) for r in _DROP_PARA_RES)


def normalize_space(text: str) -> str:
    text = text.replace("\xa0", " ").replace("\u200b", "").replace("\ufeff", "")
    return " ".join(text.split())


def clean_paragraphs(paragraphs, *, strip_desk_code: bool = True) -> list[str]:
    out: list[str] = []
    for p in paragraphs:
        t = normalize_space(p)
        if is_boilerplate_paragraph(t):
            continue
        out.append(t)
    if out and strip_desk_code:
        out[-1] = _DESK_TAIL_RE.sub("", out[-1]).strip()
        if not out[-1]:
            out.pop()
    # a dateline split from its paragraph ("<strong>Jakarta</strong> - <p>...") is joined back
    merged: list[str] = []
    for t in out:
        if merged and _DATELINE_ONLY_RE.match(merged[-1]):
            merged[-1] = merged[-1] + " " + t
        else:
            merged.append(t)
    out = merged
    # drop exact consecutive duplicates
    dedup: list[str] = []
    for t in out:
        if dedup and dedup[-1] == t:
            continue
        dedup.append(t)
    return dedup


def kontan_credit(paragraph: str):
    """"Reporter: A | Editor: B" -> ("A", "B") or None."""
    m = _KONTAN_CREDIT_RE.match(paragraph or "")
    if not m:
        return None
    return m.group("rep").strip(), m.group("ed").strip()


# ---------------------------------------------------------------------------
# Block splitting: turn a container element into paragraphs
# ---------------------------------------------------------------------------
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote table tr td th section article figure header footer pre dl dt "
    "dd center aside main nav hr address details summary".split()
)
SKIP_TAGS = frozenset("script style noscript iframe svg form button select template head title".split())


def block_paragraphs(root) -> list[str]:
    """Split a container into paragraphs at block elements and <br> line breaks."""
    out: list[str] = []
    buf: list[str] = []

    def flush():
        if buf:
            for t in _resolve_soft_breaks("".join(buf)):
                t = normalize_space(t)
                if t:
                    out.append(t)
            buf.clear()

    def walk(node, in_p):
        if node.text:
            buf.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else None
            if tag is None:
                pass
            else:
                tag = tag.lower()
                if tag in SKIP_TAGS:
                    pass
                elif tag == "br":
                    if in_p and not _double_br(child):
                        buf.append(_SOFT_BR)  # resolved in flush(): mid-sentence = space, else a new paragraph
                    else:
                        flush()
                elif tag in BLOCK_TAGS:
                    flush()
                    walk(child, in_p or tag == "p")
                    flush()
                else:
                    walk(child, in_p)
            if child.tail:
                buf.append(child.tail)

    walk(root, isinstance(root.tag, str) and root.tag.lower() == "p")
    flush()
    return out


_SOFT_BR = "\x00br\x00"


def _resolve_soft_breaks(text: str) -> list[str]:
    """A single <br> inside a <p>: a space when it breaks a sentence ("overheated,<br>namun"),
    a paragraph break otherwise ("<b>Kurang Motivasi</b><br>Kurangnya ...")."""
    if _SOFT_BR not in text:
        return [text]
    parts = text.split(_SOFT_BR)
    out = [parts[0]]
    for nxt in parts[1:]:
        prev = out[-1].rstrip()
        if re.search(r"[a-z0-9,;]$", prev) and re.match(r"\s*[a-z]", nxt):
            out[-1] = prev + " " + nxt.lstrip()
        else:
            out.append(nxt)
    return out


def _is_br(el) -> bool:
    return el is not None and isinstance(el.tag, str) and el.tag.lower() == "br"


def _double_br(br) -> bool:
    """True when this <br> is part of a <br><br> pair (only whitespace between them)."""
    nxt = br.getnext()
    if _is_br(nxt) and not (br.tail or "").strip():
        return True
    prev = br.getprevious()
    return _is_br(prev) and not (prev.tail or "").strip()


def selected_paragraphs(container, selector: str) -> list[str]:
    """Paragraphs from the elements matching ``selector`` inside ``container``, in document order,
    plus the loose text between them (e.g. Detik's ``<strong>Jakarta</strong> - <p>…``: a dateline
    sitting directly in the container). Block elements without any match (widgets) are skipped."""
    matches = select(container, selector)
    ids = {id(m) for m in matches}
    outer = []
    for m in matches:
        a = m.getparent()
        nested = False
        while a is not None and a is not container:
            if id(a) in ids:
                nested = True
                break
            a = a.getparent()
        if not nested:
            outer.append(m)
    ids = {id(m) for m in outer}
    ancestors = set()
    alive = []  # keep the lxml proxies alive: id() of a freed proxy can be reused by another element
    for m in outer:
        a = m.getparent()
        while a is not None and a is not container:
            ancestors.add(id(a))
            alive.append(a)
            a = a.getparent()
    out: list[str] = []
    buf: list[str] = []

    def flush():
        if buf:
            t = normalize_space("".join(buf))
            if t:
                out.append(t)
            buf.clear()

    def visit(node):
        if node.text:
            buf.append(node.text)
        for child in node:
            tag = child.tag.lower() if isinstance(child.tag, str) else None
            if tag is None or tag in SKIP_TAGS:
                pass
            elif id(child) in ids:
                flush()
                out.extend(block_paragraphs(child))
            elif id(child) in ancestors:
                flush()
                visit(child)
                flush()
            elif tag == "br" or tag in BLOCK_TAGS:
                flush()
            else:
                buf.append(child.text_content())
            if child.tail:
                buf.append(child.tail)

    visit(container)
    flush()
    return out