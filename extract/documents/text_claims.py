"""Claims in a document's running text: each page goes through the news claim extractor
(``extract.claims.extract_claims``, public API only) and every claim gets its page, document and source kind.

The extractor reads the page's *running text* (:func:`running_text`): table rows left out (their figures come from
:mod:`.table_claims`, with their column) and wrapped lines joined into paragraphs; ``char_start``/``char_end`` are
offsets in that text. A claim from a suspect or corrupt page keeps the page's ``text_quality`` and a capped
confidence.
"""

from __future__ import annotations

import re

from db import ids

from . import quality


WORD_RE = re.compile(r"\w[\w.,%-]*")
SENTENCE_END = ("." , "!", "?", ":", '"', "\u201d", ";")
TABLE_LINE_SHARE = 0.6  # a line whose words are mostly table cell words is a table row, not running text


def _table_words(document: dict, page: int) -> set[str]:
    words = set()
    for table in document["tables"]:
        if table["page"] == page:
            for row in table["rows"]:
                for cell in row:
                    words.update(w.lower() for w in WORD_RE.findall(cell))
    return words


def _is_heading(line: str) -> bool:
    words = line.split()
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return bool(words) and not line.endswith(SENTENCE_END) and capitalised / len(words) >= 0.7


def running_text(text: str, table_words: set[str] = frozenset()) -> str:
    """A page's lines as paragraphs for the claim extractor: table rows and headings (upper- or title-case lines
    without a full stop: letterheads, headlines, "BAB III") dropped, wrapped lines joined into paragraphs."""
    paragraphs: list[list[str]] = []
    previous = None
    for line in (l.strip() for l in text.split("\n")):
        if not line:
            previous = None
            continue
        words = [w.lower() for w in WORD_RE.findall(line)]
        if table_words and words and sum(w in table_words for w in words) / len(words) >= TABLE_LINE_SHARE:
            continue
        heading = _is_heading(line)
        if heading:  # headings are not mined, as a news title is not: the body states the figure again
            previous = None
            continue
        if previous is None or (previous.endswith(SENTENCE_END) and (line[:1].isupper() or line[:1] in '"\u201c')):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
        previous = line
    return "\n\n".join(" ".join(p) for p in paragraphs)


def text_claims(document: dict) -> list[dict]:
    from extract.claims import extract_claims

    claims = []
    for page in document["pages"]:
        text = running_text(page["text"], _table_words(document, page["page"]))
        if not text.strip():
            continue
        found = extract_claims({
            "id": document["document_id"],
            "url": document.get("url"),
            "title": document.get("title"),
            "published": document.get("published"),
            "text": text,
        })
        for claim in found:
            claims.append(_with_page(claim, document, page))
    return claims


def _with_page(claim: dict, document: dict, page: dict) -> dict:
    label = page.get("text_quality") or "ok"
    out = dict(claim)
    out.update(
        article_id=None,
        claim_id=ids.claim_id(f"{document['document_id']}:p{page['page']}", claim.get("value"), claim.get("unit"),
                              claim.get("claim_type"), claim.get("char_start")),
        page=page["page"],
        document_id=document["document_id"],
        source_kind=document.get("source_kind"),
        text_quality=label,
        confidence=quality.cap_confidence(claim.get("confidence"), label),
        organization=claim.get("organization") or (None if claim.get("speaker") else document.get("issuer")),
        url=f"{document['url']}#page={page['page']}" if document.get("url") else None,
    )
    for key in ("scope", "scope_name", "row_label", "column_label"):  # absent from older extractor versions
        out.setdefault(key, None)
    return out
