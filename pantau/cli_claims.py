"""`pantau claims`: articles as JSONL in, claims as JSONL out, bad lines reported and skipped.

A batch is often thousands of articles from another tool; one broken line (not UTF-8, not JSON, a number where the
text should be, a runaway 5 MB line) must not lose the rest. Each one is reported on stderr as `FILE:LINE: reason`
and counted; the caller exits non-zero when any was skipped.
"""

from __future__ import annotations

import json
import sys
from typing import Callable, Iterable

# One article's text; spaCy refuses longer texts (nlp.max_length) and no news article comes near it.
MAX_TEXT_CHARS = 1_000_000
# A line is read whole before it is parsed: anything larger than an article can be is refused unread.
MAX_LINE_BYTES = 4 * MAX_TEXT_CHARS


class BadLine(ValueError):
    """An input line that cannot be an article; the message says why."""


def _inputs(files: Iterable[str]):
    for name in files or ["-"]:
        if name == "-":
            yield "<stdin>", sys.stdin.buffer
        else:
            with open(name, "rb") as handle:
                yield name, handle


def parse_article(raw: bytes, number: int) -> dict | None:
    """The article on one input line, None for a blank line; raises BadLine."""
    if len(raw) > MAX_LINE_BYTES:
        raise BadLine(f"line of {len(raw) / 1e6:.1f} MB is longer than an article can be "
                      f"({MAX_LINE_BYTES / 1e6:.0f} MB)")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadLine(f"not UTF-8 (byte 0x{raw[error.start]:02x} at column {error.start + 1})")
    if not line.strip():
        return None
    try:
        article = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadLine(f"not JSON ({error})")
    if not isinstance(article, dict) or "text" not in article:
        raise BadLine("an article needs at least a \"text\" field")
    if not isinstance(article["text"], str):
        raise BadLine(f"\"text\" must be a string, not {type(article['text']).__name__}")
    if len(article["text"]) > MAX_TEXT_CHARS:
        raise BadLine(f"\"text\" has {len(article['text']):,} characters, more than {MAX_TEXT_CHARS:,}")
    for key in ("id", "published", "url", "outlet", "title"):
        if article.get(key) is not None and not isinstance(article[key], (str, int)):
            raise BadLine(f"\"{key}\" must be a string")
    article["id"] = str(article.get("id") or number)
    return article


def run_claims(files, out: Callable[[str], None], err: Callable[[str], None]) -> tuple[int, int]:
    """Extract claims from every readable line; returns (skipped lines, non-blank lines)."""
    from extract.claims import CLAIM_FIELDS, SEAM_FIELDS, extract_claims

    skipped = total = 0
    for name, handle in _inputs(files):
        for number, raw in enumerate(handle, 1):
            try:
                article = parse_article(raw, number)
            except BadLine as error:
                skipped += 1
                total += 1
                err(f"{name}:{number}: skipped: {error}")
                continue
            if article is None:
                continue
            total += 1
            for claim in extract_claims(article):
                out(json.dumps({k: claim.get(k) for k in CLAIM_FIELDS + SEAM_FIELDS}, ensure_ascii=False))
    return skipped, total
