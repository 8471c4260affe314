"""Deterministic ids, so that re-running any stage upserts instead of duplicating."""

import hashlib


def _digest(*parts) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def article_id(canonical_url: str) -> str:
    return _digest(canonical_url)[:16]


def claim_id(article_id: str, value, unit, claim_type, char_start) -> str:
    # Value is rounded so that float noise from re-extraction cannot mint a new id.
    value_key = None if value is None else f"{float(value):.6g}"
    return _digest(article_id, value_key, unit, claim_type, char_start)[:16]


def content_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()
