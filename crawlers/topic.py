"""Optional listing-title prefilter (PANTAU_TOPIC_PREFILTER). Safe by construction: it only skips a link whose
title is present, long enough not to be a teaser, and matches none of the broad terms in topic_keywords.yaml.
Every skipped link is counted as ``skipped_by_reason["off_topic_title"]`` in the run stats."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_KEYWORDS = Path(__file__).with_name("topic_keywords.yaml")


@lru_cache(maxsize=4)
def _rules(path: str | None):
    data = yaml.safe_load(Path(path or DEFAULT_KEYWORDS).read_text(encoding="utf-8")) or {}
    terms = data.get("terms") or []
    pattern = re.compile(r"\b(?:" + "|".join(terms) + r")\b", re.IGNORECASE) if terms else None
    return pattern, int(data.get("min_words", 4))


def title_may_be_on_topic(title: str | None, path: str | None = None) -> bool:
    if not title:
        return True
    pattern, min_words = _rules(str(path) if path else None)
    if pattern is None or len(title.split()) < min_words:
        return True
    return bool(pattern.search(title))
