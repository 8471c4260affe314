"""Article input: check, decode and parse one page before anything reads it.

Bytes or text in -> lxml tree out, or :class:`ExtractionError` with a short reason (empty, binary, not_html,
too_large): size cap, gzip bodies stored undecoded, BOMs and declared or misdeclared charsets, binary and
feed/sitemap/JSON bodies refused. Used by ``extract/article.py``.
"""
from __future__ import annotations

import codecs
import re

import lxml.html
from lxml import etree

MAX_BYTES = 15 * 1024 * 1024  # pages larger than this are refused ("too_large")


class ExtractionError(ValueError):
    """Bad input. ``reason`` is a short machine string: empty, binary, not_html, too_large, no_text, parse_error."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        self.detail = detail
        super().__init__(reason)

    def __str__(self) -> str:  # the machine reason only; the detail is in .detail
        return self.reason


_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf",
                 b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"fLaC", b"wOFF", b"wOF2", b"\x7fELF", b"MZ")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENC_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    head = data[:4096]
    # UTF-16 without BOM: many NULs in alternate positions
    if head.count(b"\x00") > len(head) // 4 and len(head) > 16:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                s = data.decode(enc)
                if "<" in s[:2000]:
                    return s
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8")  # strict utf-8 success is decisive, whatever is declared
    except UnicodeDecodeError:
        pass
    declared = None
    m = _CHARSET_RE.search(head) or _XML_ENC_RE.search(head)
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
    for enc in filter(None, (declared, "cp1252")):
        try:
            codecs.lookup(enc)
        except LookupError:
            continue
        if enc.replace("-", "").replace("_", "") in ("utf8", "utf16", "utf32"):
            continue
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def _looks_binary(data: bytes) -> bool:
    head = data[:2048]
    if head.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return len(head) > 0 and ctrl / len(head) > 0.05


_CTRL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")
_HTML_HINT_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|title|meta|div|p|article|section|main|h1|"
                           r"span|a|table|br|header|script)\b", re.I)


def _gunzip(data: bytes) -> bytes:
    import zlib

    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, MAX_BYTES + 1)
    except zlib.error:
        raise ExtractionError("binary", "undecodable gzip") from None
    if len(out) > MAX_BYTES or d.unconsumed_tail:
        raise ExtractionError("too_large", "gzip expands beyond the cap")
    return out


def _prepare(html, url) -> str:
    if html is None:
        raise ExtractionError("empty")
    if isinstance(html, (bytearray, memoryview)):
        html = bytes(html)
    if isinstance(html, bytes):
        if len(html) > MAX_BYTES:
            raise ExtractionError("too_large", f"{len(html)} bytes")
        if html[:2] == b"\x1f\x8b":  # a gzip body stored without decoding
            html = _gunzip(html)
        if not html.strip():
            raise ExtractionError("empty")
        if html.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = _decode(html)
        else:
            if _looks_binary(html):
                # UTF-16 without BOM is still text
                text = _decode(html) if html[:200].count(b"\x00") > 40 and b"<\x00" in html[:400] or \
                    b"\x00<" in html[:400] else None
                if text is None:
                    raise ExtractionError("binary")
            else:
                text = _decode(html)
    elif isinstance(html, str):
        text = html
        if len(text) > MAX_BYTES:
            raise ExtractionError("too_large", f"{len(text)} chars")
    else:
        raise ExtractionError("not_html", f"unsupported type {type(html).__name__}")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ExtractionError("empty")
    if "\x00" in text[:4096]:
        text = text.replace("\x00", "")
        if not text.strip():
            raise ExtractionError("binary")
    ctrl = len(_CTRL_RE.findall(text, 0, 4096))
    if ctrl > 0.05 * min(len(text), 4096):
        raise ExtractionError("binary")
    head = text[:5000].lstrip()
    if re.match(r"<\?xml[^>]*>\s*(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF|urlset|sitemapindex)\b", head, re.I | re.S) \
            or re.match(r"<(?:rss|feed|urlset|sitemapindex)\b", head, re.I):
        raise ExtractionError("not_html", "feed or sitemap XML")
    if head[:1] in "{[" and not _HTML_HINT_RE.search(text[:20000]):
        raise ExtractionError("not_html", "JSON")
    if not _HTML_HINT_RE.search(text[:200000]):
        raise ExtractionError("not_html")
    return text


def _parse_tree(text: str):
    # lxml refuses str with an encoding declaration
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    try:
        root = lxml.html.document_fromstring(text, parser=_HTML_PARSER)
    except (etree.ParserError, ValueError) as e:
        try:
            root = lxml.html.fromstring(text, parser=_HTML_PARSER)
        except Exception:
            raise ExtractionError("not_html", str(e)[:80]) from None
    if root is None:
        raise ExtractionError("not_html")
    return root


_HTML_PARSER = lxml.html.HTMLParser(recover=True, remove_blank_text=False, remove_comments=False, huge_tree=True)
